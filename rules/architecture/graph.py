"""The project's import graph, built from every file's import facts.

Modules are numbered in name order, so that every walk over the graph visits
them in the same order and reports the same chains run after run. A module
is internal (a file of the project, or a directory that holds some: a
namespace package) or external (a third-party or standard-library package,
known by its top-level name only, as import-linter knows it).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from standards_lint.rule import ProjectFacts
from standards_lint.rules.architecture.expressions import ModuleExpression, has_wildcard
from standards_lint.rules.architecture.imports import (
    IMPORTS_FACT,
    ImportStatement,
    imported_names,
    module_of,
)
from standards_lint.rules.architecture.options import ArchitectureOptions


@dataclass(eq=False)
class ImportGraph:
    """Modules by number, who imports whom, and at which lines."""

    names: list[str]
    index: dict[str, int]
    internal: list[bool]
    #: Display path of each module that is a file.
    paths: dict[int, str]
    imports: list[list[int]]
    importers: list[list[int]]
    #: Lines of each import, keyed by :meth:`edge` of (importer, imported).
    lines: dict[int, tuple[int, ...]]
    roots: frozenset[str] = field(default_factory=frozenset)

    def edge(self, importer: int, imported: int) -> int:
        """The key of the import ``importer -> imported`` (a single int: cheap to hash)."""
        return importer * len(self.names) + imported

    def edge_ends(self, key: int) -> tuple[int, int]:
        """(importer, imported) of the import ``key``."""
        return divmod(key, len(self.names))

    def descendants(self, module: int) -> range:
        """The modules inside ``module`` (not itself): a run of numbers, as names sort."""
        prefix = self.names[module] + "."
        start = module + 1
        end = bisect_left(self.names, prefix[:-1] + "/", lo=start)  # "/" sorts after "."
        return range(start, end)

    def with_descendants(self, module: int) -> set[int]:
        """``module`` and every module inside it."""
        return {module, *self.descendants(module)}

    def children(self, module: int) -> list[int]:
        """The modules directly inside ``module``."""
        depth = self.names[module].count(".") + 1
        return [m for m in self.descendants(module) if self.names[m].count(".") == depth]

    def first_line(self, importer: int, imported: int) -> int:
        """The first line at which ``importer`` imports ``imported``."""
        return self.lines[self.edge(importer, imported)][0]

    def matching(self, expression: str) -> list[int]:
        """The modules a module expression stands for (internal and external)."""
        if not has_wildcard(expression):
            found = self.index.get(expression)
            return [] if found is None else [found]
        compiled = ModuleExpression.parse(expression)
        return [number for number, name in enumerate(self.names) if compiled.matches(name)]

    def is_internal_name(self, name: str) -> bool:
        """Whether ``name`` belongs to one of the project's top-level packages."""
        return name.partition(".")[0] in self.roots

    def files(self, modules: Iterable[int]) -> list[str]:
        """The display paths of those ``modules`` that are files, in order, each once."""
        seen: dict[str, None] = {}
        for module in modules:
            path = self.paths.get(module)
            if path is not None:
                seen.setdefault(path)
        return list(seen)


@dataclass(frozen=True, slots=True)
class _Source:
    module: str
    is_package: bool
    path: str
    statements: tuple[ImportStatement, ...]


def _sources(project: ProjectFacts, options: ArchitectureOptions) -> Iterator[_Source]:
    for path, value in project.values(IMPORTS_FACT):
        named = module_of(project.root_paths.get(path, path), options)
        if named is not None and isinstance(value, tuple):
            yield _Source(named[0], named[1], path, value)


def _resolve(name: str, modules: Mapping[str, object], roots: frozenset[str]) -> str | None:
    """The graph module an imported dotted ``name`` stands for.

    The name itself when it is a project module, else its parent when that is
    one (``from pkg import attribute``), as import-linter resolves; a
    third-party name becomes its top-level package. A name inside the project
    that no file provides (a generated module, a file the standards exclude)
    stays as it is written, so that contracts still see the import.
    """
    if name in modules:
        return name
    parent = name.rpartition(".")[0]
    if parent and parent in modules:
        return parent
    top = name.partition(".")[0]
    if not all(part.isidentifier() for part in name.split(".")):
        return None
    return name if top in roots else top


def _imports_found(
    sources: Mapping[str, _Source], roots: frozenset[str], skip_type_checking: bool
) -> dict[tuple[str, str], set[int]]:
    """The lines of each (importer, imported) pair, each name resolved to a graph module."""
    found: dict[tuple[str, str], set[int]] = {}
    for source in sources.values():
        for statement in source.statements:
            if skip_type_checking and statement.type_checking:
                continue
            for name in imported_names(source.module, source.is_package, statement):
                target = _resolve(name, sources, roots)
                if target is not None and target != source.module:
                    found.setdefault((source.module, target), set()).add(statement.line)
    return found


def build_graph(project: ProjectFacts, options: ArchitectureOptions) -> ImportGraph:
    """The graph of imports between modules (targets may be outside the project)."""
    sources = {source.module: source for source in _sources(project, options)}
    roots = frozenset(module.partition(".")[0] for module in sources)
    found = _imports_found(sources, roots, options.exclude_type_checking_imports)
    targets = {imported for _, imported in found}
    internal_names = set(sources) | {name for name in targets if name.partition(".")[0] in roots}
    for module in list(internal_names):
        parts = module.split(".")
        internal_names.update(".".join(parts[:end]) for end in range(1, len(parts)))
    names = sorted(internal_names | targets)
    index = {name: number for number, name in enumerate(names)}
    imports: list[list[int]] = [[] for _ in names]
    importers: list[list[int]] = [[] for _ in names]
    lines: dict[int, tuple[int, ...]] = {}
    for (importer, imported), at in sorted(found.items()):
        a, b = index[importer], index[imported]
        imports[a].append(b)
        importers[b].append(a)
        lines[a * len(names) + b] = tuple(sorted(at))
    for sources_of in importers:
        sources_of.sort()
    return ImportGraph(
        names=names,
        index=index,
        internal=[name in internal_names for name in names],
        paths={index[module]: source.path for module, source in sources.items()},
        imports=imports,
        importers=importers,
        lines=lines,
        roots=roots,
    )


@dataclass(eq=False)
class _GraphMemo:
    """The graph of the last project seen, so the area's rules build it once per run.

    Several rules (one per contract type) read the same graph; it is keyed on
    the very facts object and options it was built from, and holds them, so a
    later run can never be handed a stale graph.
    """

    project: ProjectFacts | None = None
    options: ArchitectureOptions | None = None
    graph: ImportGraph | None = None

    def get(self, project: ProjectFacts, options: ArchitectureOptions) -> ImportGraph:
        if self.graph is None or self.project is not project or self.options != options:
            self.graph = build_graph(project, options)
            self.project, self.options = project, options
        return self.graph


_MEMO = _GraphMemo()


def graph_for(project: ProjectFacts, options: ArchitectureOptions) -> ImportGraph:
    """The import graph of ``project``, built once for all the area's rules."""
    return _MEMO.get(project, options)


def without(graph: ImportGraph, removed: Sequence[int]) -> ImportGraph:
    """A copy of ``graph`` without the imports ``removed`` (keys from :meth:`ImportGraph.edge`)."""
    if not removed:
        return graph
    gone = set(removed)
    count = len(graph.names)
    imports = [
        [b for b in targets if a * count + b not in gone] for a, targets in enumerate(graph.imports)
    ]
    importers = [
        [a for a in sources if a * count + b not in gone]
        for b, sources in enumerate(graph.importers)
    ]
    lines = {key: at for key, at in graph.lines.items() if key not in gone}
    return ImportGraph(
        graph.names,
        graph.index,
        graph.internal,
        graph.paths,
        imports,
        importers,
        lines,
        graph.roots,
    )

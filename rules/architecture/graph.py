"""The project's import graph, built from every file's import facts."""

from __future__ import annotations

import fnmatch
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from standards_lint.rule import ProjectFacts
from standards_lint.rules.architecture.imports import (
    IMPORTS_FACT,
    ImportStatement,
    module_name,
    resolve_targets,
)
from standards_lint.rules.architecture.options import ArchitectureOptions


@dataclass(frozen=True, slots=True)
class ImportEdge:
    """``importer`` imports ``imported`` at ``line`` of ``path``."""

    importer: str
    imported: str
    path: str
    line: int


@dataclass
class ImportGraph:
    """Project modules, the files they live in, and who imports whom."""

    paths: dict[str, str] = field(default_factory=dict)
    edges: dict[str, list[ImportEdge]] = field(default_factory=dict)

    def imports_of(self, module: str) -> list[ImportEdge]:
        """The direct imports made by ``module``, in line order."""
        return self.edges.get(module, [])

    def chain(
        self, start: str, wanted: Sequence[str], through: set[str] | None
    ) -> list[str] | None:
        """The shortest chain of imports from ``start`` to a module within ``wanted``.

        Intermediate modules must be project modules in ``through`` (any
        project module when ``None``). Returns the module names, ``start`` first.
        """
        previous: dict[str, str | None] = {start: None}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for edge in self.imports_of(current):
                target = edge.imported
                if target in previous:
                    continue
                previous[target] = current
                if within(target, wanted):
                    chain = [target]
                    while (step := previous[chain[-1]]) is not None:
                        chain.append(step)
                    return chain[::-1]
                if target in self.paths and (through is None or target in through):
                    queue.append(target)
        return None


def within(module: str, prefixes: Sequence[str]) -> bool:
    """Whether ``module`` is one of ``prefixes`` or inside one of them."""
    return any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes)


def allowed(edge: ImportEdge, ignore_imports: Sequence[str]) -> bool:
    """Whether ``importer -> imported`` is listed as an allowed exception."""
    for entry in ignore_imports:
        importer, _, imported = (part.strip() for part in entry.partition("->"))
        if _matches(edge.importer, importer) and _matches(edge.imported, imported):
            return True
    return False


def _matches(module: str, pattern: str) -> bool:
    if pattern.endswith(".*"):
        return within(module, [pattern[:-2]])
    return fnmatch.fnmatchcase(module, pattern)


def build_graph(project: ProjectFacts, options: ArchitectureOptions) -> ImportGraph:
    """The graph of imports between modules (targets may be outside the project)."""
    graph = ImportGraph()
    statements: dict[str, tuple[ImportStatement, ...]] = {}
    is_package: dict[str, bool] = {}
    for path, value in project.values(IMPORTS_FACT):
        root_path = project.root_paths.get(path, path)
        module = module_name(root_path, options)
        if module is None or not isinstance(value, tuple):
            continue
        graph.paths[module] = path
        statements[module] = value
        is_package[module] = root_path.rsplit("/", 1)[-1].startswith("__init__.")
    known = set(graph.paths)
    for module, found in statements.items():
        edges = graph.edges.setdefault(module, [])
        for statement in found:
            for target in resolve_targets(module, is_package[module], statement, known):
                edges.append(ImportEdge(module, target, graph.paths[module], statement.line))
    return graph


def modules_in(graph: ImportGraph, prefixes: Sequence[str]) -> Iterator[str]:
    """Project modules inside any of ``prefixes``, sorted."""
    return (module for module in sorted(graph.paths) if within(module, prefixes))

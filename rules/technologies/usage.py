"""The project's third-party imports: each import statement reduced to its top-level module.

Built from the architecture area's per-file import facts. A module is third
party unless it is in the standard library (``sys.stdlib_module_names`` of the
running interpreter), is one of the project's own top-level modules (named
from the checked files and ``source-roots``, or listed in ``first-party``), or
is imported relatively.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from standards_lint.rule import ProjectFacts
from standards_lint.rules.architecture.imports import IMPORTS_FACT, ImportStatement
from standards_lint.rules.technologies.options import TechnologyOptions


@dataclass(frozen=True, slots=True)
class ThirdPartyImport:
    """One import of a third-party top-level module, where it is made and by whom."""

    #: The top-level module: ``yaml`` for ``from yaml.loader import SafeLoader``.
    module: str
    #: The file, by display path, and the line of the import statement.
    path: str
    line: int
    #: The importing module's dotted name, when the file lies under a source root.
    importer: str | None
    #: Whether the import is under ``if TYPE_CHECKING:`` (it never runs).
    type_checking: bool = False


@dataclass(frozen=True, slots=True)
class ProjectLayout:
    """Where the project's files are and what the project's own modules are called."""

    #: Display path to the file's module name (``None`` outside the source roots).
    modules: dict[str, str | None]
    #: The project's own top-level module names.
    first_party: frozenset[str]

    @classmethod
    def of(cls, project: ProjectFacts, options: TechnologyOptions) -> ProjectLayout:
        """Name every checked file's module, under the area's source roots."""
        modules: dict[str, str | None] = {}
        first_party = set(options.first_party)
        for path in project.files:
            root_path = project.root_paths.get(path, path)
            module = module_of(root_path, options.source_roots, options.package_map)
            modules[path] = module
            if module:
                first_party.add(module.split(".")[0])
        return cls(modules, frozenset(first_party))


def module_of(
    root_path: str, source_roots: Sequence[str], package_map: Mapping[str, str]
) -> str | None:
    """The dotted module name of the file at ``root_path`` (relative to the standards' root).

    Named as the architecture area names modules: a ``package-map`` directory
    (the longest that matches) gives its package's name, else the longest
    source root that holds the file is cut off. ``None`` for a file under no
    root, or whose path is not made of identifiers.
    """
    path = PurePosixPath(root_path)
    if path.suffix not in (".py", ".pyi"):
        return None
    parts = list(path.with_suffix("").parts)
    prefix = _longest_prefix(parts, package_map)
    if prefix is not None:
        parts = [*package_map[prefix].split("."), *parts[len(PurePosixPath(prefix).parts) :]]
    else:
        root = _longest_prefix(parts, {root: root for root in source_roots})
        if root is None:
            return None
        parts = parts[len(PurePosixPath(root).parts) :]
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) if parts and all(part.isidentifier() for part in parts) else None


def _longest_prefix(parts: list[str], directories: Mapping[str, str]) -> str | None:
    """The key of ``directories`` that is the longest leading run of ``parts``.

    ``.`` (or an empty key) matches every path.
    """
    best: str | None = None
    best_length = -1
    for directory in directories:
        # PurePosixPath(".").parts is empty: the root holds every file.
        prefix = PurePosixPath(directory.strip("/") or ".").parts
        if tuple(parts[: len(prefix)]) == prefix and len(prefix) > best_length:
            best, best_length = directory, len(prefix)
    return best


def third_party_imports(project: ProjectFacts, layout: ProjectLayout) -> Iterator[ThirdPartyImport]:
    """Every import of a third-party module, file by file in path order, line by line."""
    for path, value in project.values(IMPORTS_FACT):
        if not isinstance(value, tuple):
            continue
        for statement in value:
            if isinstance(statement, ImportStatement):
                top_level = _top_level(statement)
                if top_level is not None and _is_third_party(top_level, layout):
                    yield ThirdPartyImport(
                        top_level,
                        path,
                        statement.line,
                        layout.modules.get(path),
                        statement.type_checking,
                    )


def _top_level(statement: ImportStatement) -> str | None:
    """The top-level module an absolute import names; ``None`` for a relative one."""
    if statement.level or not statement.module:
        return None
    return statement.module.split(".")[0]


def _is_third_party(module: str, layout: ProjectLayout) -> bool:
    return module not in sys.stdlib_module_names and module not in layout.first_party

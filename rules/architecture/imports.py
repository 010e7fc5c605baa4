"""What each file imports, and which module each file is: the import graph's raw facts."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from standards_lint.rules.architecture.options import ArchitectureOptions
from standards_lint.source import SourceFile, walk_statements

IMPORTS_FACT = "architecture.imports"


@dataclass(frozen=True, slots=True)
class ImportStatement:
    """One ``import`` or ``from ... import`` as written (relative imports unresolved)."""

    line: int
    level: int
    module: str
    names: tuple[str, ...] = ()


def collect_imports(
    source: SourceFile, options: ArchitectureOptions
) -> tuple[ImportStatement, ...]:
    """Every import statement of the file, at any depth (imports in functions count)."""
    found: list[ImportStatement] = []
    for node in walk_statements(source.ast_module):
        if isinstance(node, ast.Import):
            found.extend(ImportStatement(node.lineno, 0, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names = tuple(alias.name for alias in node.names)
            found.append(ImportStatement(node.lineno, node.level, node.module or "", names))
    found.sort(key=lambda statement: (statement.line, statement.module))
    return tuple(found)


def module_name(root_path: str, options: ArchitectureOptions) -> str | None:
    """The dotted module name of the file at ``root_path`` (relative to the standards' root)."""
    stem, dot, suffix = root_path.rpartition(".")
    if not dot or suffix not in ("py", "pyi"):
        return None
    parts: list[str] | None = None
    for directory, package in sorted(options.package_map.items(), key=lambda item: -len(item[0])):
        prefix = directory.strip("/") + "/"
        if stem.startswith(prefix):
            parts = [*package.split("."), *stem[len(prefix) :].split("/")]
            break
    if parts is None:
        roots = sorted((root.strip("/") for root in options.source_roots), key=len, reverse=True)
        for root in roots:
            if root in ("", "."):
                parts = stem.split("/")
                break
            if stem.startswith(root + "/"):
                parts = stem[len(root) + 1 :].split("/")
                break
    if not parts:
        return None
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) if parts and all(part.isidentifier() for part in parts) else None


def resolve_targets(
    importer: str, is_package: bool, statement: ImportStatement, known: Mapping[str, str] | set[str]
) -> Iterable[str]:
    """The modules ``statement`` in module ``importer`` imports.

    ``from package import name`` imports ``package.name`` when that is a known
    module, else ``package`` itself (``name`` is an attribute of it).
    """
    if statement.level:
        package_parts = importer.split(".") if is_package else importer.split(".")[:-1]
        if statement.level - 1 > len(package_parts):
            return
        base_parts = package_parts[: len(package_parts) - (statement.level - 1)]
        base = ".".join([*base_parts, *([statement.module] if statement.module else [])])
    else:
        base = statement.module
    if not statement.names:
        yield base
        return
    for name in statement.names:
        candidate = f"{base}.{name}" if base else name
        if name != "*" and candidate in known:
            yield candidate
        elif base:
            yield base

"""What each file imports, and which module each file is: the import graph's raw facts.

The fact is collected once per file and cached with it, so it records what
was written and nothing that depends on other files: relative imports stay
unresolved until the graph, which knows every module, is built.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from standards_lint.rules.architecture.options import ArchitectureOptions
from standards_lint.source import SourceFile

IMPORTS_FACT = "architecture.imports"

_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


@dataclass(frozen=True, slots=True)
class ImportStatement:
    """One ``import`` or ``from ... import`` as written (relative imports unresolved).

    ``names`` are the names of a ``from`` import (empty for ``import a.b``);
    ``type_checking`` tells an import under ``if TYPE_CHECKING:``, which runs
    only for type checkers.
    """

    line: int
    level: int
    module: str
    names: tuple[str, ...] = ()
    type_checking: bool = False


def _is_type_checking_test(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _statements(body: list[ast.stmt], type_checking: bool) -> Iterator[tuple[ast.stmt, bool]]:
    """Every statement under ``body`` at any depth, with whether it is type-checking only."""
    for statement in body:
        yield statement, type_checking
        if isinstance(statement, ast.If) and _is_type_checking_test(statement.test):
            # Only the body is for type checkers; an `else:` runs at run time.
            yield from _statements(statement.body, True)
            yield from _statements(statement.orelse, type_checking)
            continue
        for name in _BLOCK_FIELDS:
            for child in getattr(statement, name, ()):
                if isinstance(child, ast.stmt):
                    yield from _statements([child], type_checking)
                elif isinstance(child, (ast.ExceptHandler, ast.match_case)):
                    yield from _statements(child.body, type_checking)


def collect_imports(
    source: SourceFile, options: ArchitectureOptions
) -> tuple[ImportStatement, ...]:
    """Every import statement of the file, at any depth (imports in functions count)."""
    found: list[ImportStatement] = []
    for node, type_checking in _statements(source.ast_module.body, False):
        if isinstance(node, ast.Import):
            found.extend(
                ImportStatement(node.lineno, 0, alias.name, (), type_checking)
                for alias in node.names
            )
        elif isinstance(node, ast.ImportFrom):
            names = tuple(alias.name for alias in node.names)
            found.append(
                ImportStatement(node.lineno, node.level, node.module or "", names, type_checking)
            )
    found.sort(key=lambda statement: (statement.line, statement.module))
    return tuple(found)


def module_name(root_path: str, options: ArchitectureOptions) -> str | None:
    """The dotted module name of the file at ``root_path`` (relative to the standards' root)."""
    named = module_of(root_path, options)
    return None if named is None else named[0]


def module_of(root_path: str, options: ArchitectureOptions) -> tuple[str, bool] | None:
    """The dotted module name of the file at ``root_path`` and whether it is a package.

    ``root_path`` is relative to the standards' root; ``None`` when the file is
    under no source root or its path is not a module name.
    """
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
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    if parts and all(part.isidentifier() for part in parts):
        return ".".join(parts), is_package
    return None


def imported_names(importer: str, is_package: bool, statement: ImportStatement) -> Iterator[str]:
    """The absolute dotted names ``statement`` in module ``importer`` imports.

    ``from a import b, c`` names ``a.b`` and ``a.c``: which of them are modules
    (and which are attributes of ``a``) only the graph can tell.
    """
    if statement.level:
        package_parts = importer.split(".") if is_package else importer.split(".")[:-1]
        if statement.level - 1 >= len(package_parts):
            return  # beyond the top-level package: Python refuses it too
        base_parts = package_parts[: len(package_parts) - (statement.level - 1)]
        base = ".".join([*base_parts, *([statement.module] if statement.module else [])])
    else:
        base = statement.module
    if not statement.names:
        yield base
        return
    for name in statement.names:
        yield f"{base}.{name}" if base else name

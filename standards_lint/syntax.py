"""Facts about Python syntax that several rule areas read, defined once.

Rule areas work on the same file in one process, one file at a time: the
per-file views they share (the ``ast`` tree, the lines, whatever an area
derives from them) live on the file's :class:`~standards_lint.source.SourceFile`
(see :meth:`~standards_lint.source.SourceFile.derived`), and the small
questions about syntax that more than one area asks are answered here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import Final, TypeAlias

FunctionNode: TypeAlias = ast.FunctionDef | ast.AsyncFunctionDef
"""A ``def`` or ``async def`` statement."""

#: What reading the ``ast`` of a file that does not parse raises: ``SyntaxError``,
#: ``ValueError`` for null bytes (before Python 3.12), and the two for code too
#: deeply nested for the parser.
PARSE_ERRORS: Final = (SyntaxError, ValueError, RecursionError, MemoryError)

_PACKAGE_INITS: Final = ("__init__.py", "__init__.pyi")


def is_package_init(path: str) -> bool:
    """Whether the file at ``path`` (with ``/``) is a package's ``__init__.py`` or its stub."""
    return path.rpartition("/")[2] in _PACKAGE_INITS


def dotted_name(node: ast.expr) -> str:
    """``a.b.c`` for a name or a chain of attributes on a name, else an empty string."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    parts.append(node.id)
    return ".".join(reversed(parts))


def decorator_name(decorator: ast.expr) -> str:
    """The last name of a decorator, through a call: ``fixture`` for ``@pytest.fixture()``."""
    if isinstance(decorator, ast.Call):
        decorator = decorator.func
    return dotted_name(decorator).rsplit(".", 1)[-1]


def decorator_names(function: FunctionNode | ast.ClassDef) -> frozenset[str]:
    """The last name of each decorator of ``function`` (``fixture``, ``setter``)."""
    return frozenset(filter(None, map(decorator_name, function.decorator_list)))


def walk_statements(tree: ast.AST) -> Iterator[ast.stmt]:
    """Every statement in ``tree`` at any depth, in source order.

    Much cheaper than ``ast.walk`` for rules that only look at statements
    (definitions, imports): expressions, which hold most of a tree's nodes,
    are never visited.
    """
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.stmt):
            yield node
        blocks: list[ast.AST] = []
        for name in _BLOCK_FIELDS:
            for child in getattr(node, name, ()):
                if isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case)):
                    blocks.append(child)
        pending.extend(reversed(blocks))


_BLOCK_FIELDS = ("body", "handlers", "orelse", "finalbody", "cases")

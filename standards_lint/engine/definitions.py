"""The functions and classes of a file, read off its ``ast`` tree.

Fingerprints place each violation in its enclosing definition, and new-code
gating asks which definitions a change touched. The walk visits statements
only (never expressions, which hold most of a tree's nodes), so it costs a
small fraction of the parse it follows.
"""

from __future__ import annotations

import ast
from typing import Final

from standards_lint.model import Definition

FUNCTION: Final = "function"
ASYNC_FUNCTION: Final = "async function"
CLASS: Final = "class"

_KINDS: Final[dict[type[ast.AST], str]] = {
    ast.FunctionDef: FUNCTION,
    ast.AsyncFunctionDef: ASYNC_FUNCTION,
    ast.ClassDef: CLASS,
}
#: The fields of a statement (or handler, or match case) that hold statements.
_BLOCK_FIELDS: Final = ("body", "handlers", "orelse", "finalbody", "cases")
_FIELDS_BY_TYPE: dict[type[ast.AST], tuple[str, ...]] = {}


def find_definitions(module: ast.Module) -> tuple[Definition, ...]:
    """Every function, async function and class of ``module``, at any depth, in source order.

    A definition's qualified name joins the names of the definitions around
    it with dots (``Cart.total``, ``outer.inner``); blocks that are not
    definitions (``if``, ``try``, ``with``...) add nothing to it.
    """
    found: list[Definition] = []
    # Each pending entry is a node and the qualified-name prefix inside it.
    pending: list[tuple[ast.AST, str]] = [(module, "")]
    while pending:
        node, prefix = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            name = prefix + node.name
            found.append(_definition(node, name, _KINDS[type(node)]))
            prefix = name + "."
        fields = _fields_of(type(node))
        if not fields:
            continue
        children: list[tuple[ast.AST, str]] = []
        for field_name in fields:
            for child in getattr(node, field_name):
                if isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case)):
                    children.append((child, prefix))
        pending.extend(reversed(children))
    return tuple(found)


def _fields_of(node_type: type[ast.AST]) -> tuple[str, ...]:
    """The fields of ``node_type`` that hold blocks, found once per type.

    Most statements are simple (assignments, calls, returns) and hold none,
    so they are passed over without looking at their fields.
    """
    fields = _FIELDS_BY_TYPE.get(node_type)
    if fields is None:
        fields = tuple(name for name in _BLOCK_FIELDS if name in node_type._fields)
        _FIELDS_BY_TYPE[node_type] = fields
    return fields


def _definition(
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, name: str, kind: str
) -> Definition:
    start = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
    end = node.end_lineno if node.end_lineno is not None else node.lineno
    body_line = node.body[0].lineno if node.body else node.lineno
    return Definition(name, kind, start, node.lineno, body_line, end)

"""One walk over a LibCST tree that calls every subscribed rule method.

LibCST's own ``visit`` rebuilds each node as it goes, which dominates the cost
once many rules run. This walker only reads: a table maps a node type's name
to the bound methods subscribed to it, and each node's children are found from
its dataclass fields, looked up once per node type and put in source order
(the order LibCST's own visitor uses: a function's decorators before its body).
Whitespace and comment nodes are skipped unless some rule subscribes to one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

import libcst

Handler = Callable[[Any], object]
ErrorHandler = Callable[[Handler, Exception], None]

#: Node types that only hold layout; walking them costs time and rarely matters.
LAYOUT_TYPES: frozenset[str] = frozenset(
    {
        "SimpleWhitespace",
        "ParenthesizedWhitespace",
        "TrailingWhitespace",
        "EmptyLine",
        "Newline",
        "Comment",
    }
)

_field_names: dict[type[Any], tuple[str, ...]] = {}


class UnknownNodeTypeError(ValueError):
    """A rule subscribes to a node type LibCST does not have (usually a typo)."""


def _fields_of(node_type: type[Any]) -> tuple[str, ...]:
    names = _field_names.get(node_type)
    if names is None:
        names = _source_order(node_type)
        _field_names[node_type] = names
    return names


def _source_order(node_type: type[Any]) -> tuple[str, ...]:
    """The node type's fields in the order LibCST visits them, which is source order.

    Dataclass field order differs (``FunctionDef`` declares ``body`` before
    ``decorators``). LibCST's ``_visit_and_replace_children`` names each field
    as a string constant in visiting order, so the constants of its code give
    the order cheaply; fields it does not name follow in declaration order.
    """
    fields = [field.name for field in dataclasses.fields(node_type)]
    ordered: list[str] = []
    visit_children = getattr(node_type, "_visit_and_replace_children", None)
    code = getattr(visit_children, "__code__", None)
    if code is not None:
        for constant in _string_constants(code):
            if constant in fields and constant not in ordered:
                ordered.append(constant)
    ordered.extend(name for name in fields if name not in ordered)
    return tuple(ordered)


def _string_constants(code: Any) -> Iterable[str]:
    for constant in code.co_consts:
        if isinstance(constant, str):
            yield constant
        elif hasattr(constant, "co_consts"):
            yield from _string_constants(constant)


class DispatchTable:
    """Which methods to call on entering and leaving each node type."""

    __slots__ = ("enter", "leave", "skip_layout")

    def __init__(self) -> None:
        self.enter: dict[str, tuple[Handler, ...]] = {}
        self.leave: dict[str, tuple[Handler, ...]] = {}
        self.skip_layout = True

    def subscribe(self, kind: str, node_type: str, handler: Handler) -> None:
        """Call ``handler`` when the walk enters (``visit``) or leaves a ``node_type``."""
        node_class = getattr(libcst, node_type, None)
        if not (isinstance(node_class, type) and issubclass(node_class, libcst.CSTNode)):
            raise UnknownNodeTypeError(f"LibCST has no node type {node_type!r}")
        table = self.enter if kind == "visit" else self.leave
        table[node_type] = (*table.get(node_type, ()), handler)
        if node_type in LAYOUT_TYPES:
            self.skip_layout = False

    def unsubscribe(self, owner: object) -> None:
        """Stop calling every handler bound to ``owner`` (a rule that failed)."""
        for table in (self.enter, self.leave):
            for node_type, handlers in table.items():
                table[node_type] = tuple(
                    h for h in handlers if getattr(h, "__self__", None) is not owner
                )


def build_table(rules: Iterable[Any]) -> DispatchTable:
    """A table for these rule instances (each a :class:`~standards_lint.rule.Rule`)."""
    table = DispatchTable()
    for rule in rules:
        for kind, node_type in type(rule).subscriptions():
            table.subscribe(kind, node_type, getattr(rule, f"{kind}_{node_type}"))
    return table


def walk(
    root: libcst.CSTNode,
    table: DispatchTable,
    ancestors: list[Any],
    on_error: ErrorHandler,
) -> None:
    """Walk ``root`` depth-first, calling the table's handlers.

    ``ancestors`` is kept up to date so rules can look at enclosing nodes. A
    handler that raises is passed to ``on_error`` and the walk goes on. The
    walk is iterative: deeply nested expressions cannot exhaust the stack.
    """
    enter = table.enter
    leave = table.leave
    skip_layout = table.skip_layout
    cst_node = libcst.CSTNode
    leaving: object = object()
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if node is leaving:
            done = ancestors.pop()
            for handler in leave.get(type(done).__name__, ()):
                try:
                    handler(done)
                except Exception as error:  # noqa: BLE001 - one rule must not stop the others
                    on_error(handler, error)
            continue
        node_type = type(node)
        for handler in enter.get(node_type.__name__, ()):
            try:
                handler(node)
            except Exception as error:  # noqa: BLE001 - one rule must not stop the others
                on_error(handler, error)
        ancestors.append(node)
        stack.append(leaving)
        children: list[Any] = []
        for name in _fields_of(node_type):
            value = getattr(node, name)
            if isinstance(value, cst_node):
                children.append(value)
            elif type(value) is tuple or type(value) is list:
                children.extend(child for child in value if isinstance(child, cst_node))
        if skip_layout:
            children = [child for child in children if type(child).__name__ not in LAYOUT_TYPES]
        children.reverse()
        stack.extend(children)

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
import typing
from collections.abc import Callable, Iterable
from typing import Any

import libcst

from standards_lint.interruption import UserInterrupt

Handler = Callable[[Any], object]
ErrorHandler = Callable[[Handler, BaseException], None]

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

#: Field names to walk per node type: (with layout fields, without them).
_field_names: dict[type[Any], tuple[tuple[str, ...], tuple[str, ...]]] = {}
_node_classes: set[type[Any]] = set()


class UnknownNodeTypeError(ValueError):
    """A rule subscribes to a node type LibCST does not have (usually a typo)."""


def _fields_of(node_type: type[Any], skip_layout: bool) -> tuple[str, ...]:
    """The fields of ``node_type`` that can hold child nodes, in source order.

    Fields that can only hold text, flags or sentinels are left out, and so are
    fields that can only hold layout nodes when ``skip_layout`` is set: the
    walk then never looks at them.
    """
    found = _field_names.get(node_type)
    if found is None:
        kinds = {field.name: _kinds(field.type) for field in dataclasses.fields(node_type)}
        ordered = [name for name in _source_order(node_type) if kinds[name] - {"other"}]
        found = (
            tuple(ordered),
            tuple(name for name in ordered if kinds[name] - {"other", "layout"}),
        )
        _field_names[node_type] = found
    return found[1] if skip_layout else found[0]


def _kinds(annotation: Any) -> set[str]:
    """What an annotation admits: ``node``, ``layout`` (whitespace, comments), ``other``."""
    if isinstance(annotation, typing.ForwardRef):
        return {"layout" if annotation.__forward_arg__ in LAYOUT_TYPES else "node"}
    if isinstance(annotation, str):
        return {"layout" if annotation in LAYOUT_TYPES else "node"}
    arguments = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return {"other"}
    if arguments:
        return set().union(*(_kinds(argument) for argument in arguments))
    if isinstance(annotation, type) and issubclass(annotation, libcst.CSTNode):
        layout = annotation.__name__ in LAYOUT_TYPES or issubclass(
            annotation, libcst.BaseParenthesizableWhitespace
        )
        return {"layout" if layout else "node"}
    return {"other"}


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


def _all_node_classes() -> set[type[Any]]:
    if not _node_classes:
        pending: list[type[Any]] = [libcst.CSTNode]
        while pending:
            node_class = pending.pop()
            _node_classes.add(node_class)
            pending.extend(node_class.__subclasses__())
    return _node_classes


def _string_constants(code: Any) -> Iterable[str]:
    for constant in code.co_consts:
        if isinstance(constant, str):
            yield constant
        elif hasattr(constant, "co_consts"):
            yield from _string_constants(constant)


class DispatchTable:
    """Which methods to call on entering and leaving each node type.

    ``enter`` and ``leave`` are keyed by node type name, as rules name them;
    the walk reads the same handlers keyed by class, which is cheaper.
    """

    __slots__ = ("enter", "enter_by_class", "leave", "leave_by_class", "skip_layout")

    def __init__(self) -> None:
        self.enter: dict[str, tuple[Handler, ...]] = {}
        self.leave: dict[str, tuple[Handler, ...]] = {}
        self.enter_by_class: dict[type[Any], tuple[Handler, ...]] = {}
        self.leave_by_class: dict[type[Any], tuple[Handler, ...]] = {}
        self.skip_layout = True

    def subscribe(self, kind: str, node_type: str, handler: Handler) -> None:
        """Call ``handler`` when the walk enters (``visit``) or leaves a ``node_type``."""
        node_class = getattr(libcst, node_type, None)
        if not (isinstance(node_class, type) and issubclass(node_class, libcst.CSTNode)):
            raise UnknownNodeTypeError(f"LibCST has no node type {node_type!r}")
        by_name, by_class = (
            (self.enter, self.enter_by_class)
            if kind == "visit"
            else (self.leave, self.leave_by_class)
        )
        by_name[node_type] = (*by_name.get(node_type, ()), handler)
        by_class[node_class] = by_name[node_type]
        if node_type in LAYOUT_TYPES:
            self.skip_layout = False

    def unsubscribe(self, owner: object) -> None:
        """Stop calling every handler bound to ``owner`` (a rule that failed)."""
        for by_name, by_class in (
            (self.enter, self.enter_by_class),
            (self.leave, self.leave_by_class),
        ):
            for node_type, handlers in by_name.items():
                kept = tuple(h for h in handlers if getattr(h, "__self__", None) is not owner)
                by_name[node_type] = kept
                by_class[getattr(libcst, node_type)] = kept


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
    enter = table.enter_by_class
    leave = table.leave_by_class
    skip_layout = table.skip_layout
    node_classes = _all_node_classes()
    leaving: object = object()
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if node is leaving:
            done = ancestors.pop()
            for handler in leave.get(type(done), ()):
                try:
                    handler(done)
                except (KeyboardInterrupt, UserInterrupt):
                    raise
                except BaseException as error:  # noqa: BLE001 - one rule must not stop the others
                    on_error(handler, error)
            continue
        node_type = type(node)
        for handler in enter.get(node_type, ()):
            try:
                handler(node)
            except (KeyboardInterrupt, UserInterrupt):
                raise
            except BaseException as error:  # noqa: BLE001 - one rule must not stop the others
                on_error(handler, error)
        ancestors.append(node)
        stack.append(leaving)
        children: list[Any] = []
        for name in _fields_of(node_type, skip_layout):
            value = getattr(node, name)
            kind = type(value)
            if kind is tuple or kind is list:
                children.extend(value)
            elif kind in node_classes:
                children.append(value)
        children.reverse()
        stack.extend(children)

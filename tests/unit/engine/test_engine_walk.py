"""The dispatching walker: enter/leave pairs, ancestors, layout nodes, failing handlers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import libcst
import pytest

import standards_lint.config.standards as standards_source
import standards_lint.engine.positions as positions_source
from standards_lint.engine import walk as walk_module
from standards_lint.engine.walk import (
    LAYOUT_TYPES,
    DispatchTable,
    UnknownNodeTypeError,
    build_table,
    walk,
)
from standards_lint.rule import NoOptions, Rule
from standards_lint.source import SourceFile

SAMPLE = '''\
"""A module."""
import os  # a comment

# a line of its own


@decorator(1)
class Shape(Base, metaclass=Meta):
    """A class."""

    def area(self, scale: float = 1.0) -> float:
        total = [x * scale for x in self.sides if x]  # trailing
        async def inner():
            async with lock:
                await thing
        return sum(total) if total else (lambda: 0)()


match command:
    case [x, *rest] if x:
        print(f"{x!r:>10} and {rest}")
    case {"k": v}:
        pass
'''


class Recorder:
    """Records every call it receives, as (kind, node)."""

    def __init__(self, ancestors: list[Any]) -> None:
        self.ancestors = ancestors
        self.events: list[tuple[str, Any, tuple[int, ...]]] = []

    def handler(self, kind: str) -> Any:
        def record(node: Any) -> None:
            self.events.append((kind, node, tuple(id(a) for a in self.ancestors)))

        return record


def node_types() -> list[str]:
    names = []
    for name in dir(libcst):
        value = getattr(libcst, name)
        if isinstance(value, type) and issubclass(value, libcst.CSTNode) and name == value.__name__:
            names.append(name)
    return names


def subscribe_everything(table: DispatchTable, recorder: Recorder, layout: bool) -> None:
    for name in node_types():
        if name in LAYOUT_TYPES and not layout:
            continue
        table.subscribe("visit", name, recorder.handler("enter"))
        table.subscribe("leave", name, recorder.handler("leave"))


class LibcstRecorder(libcst.CSTVisitor):
    """LibCST's own traversal, as the oracle for what nodes exist and where."""

    def __init__(self) -> None:
        self.stack: list[Any] = []
        self.seen: list[tuple[int, tuple[int, ...]]] = []

    def on_visit(self, node: libcst.CSTNode) -> bool:
        self.seen.append((id(node), tuple(id(a) for a in self.stack)))
        self.stack.append(node)
        return True

    def on_leave(self, original_node: libcst.CSTNode) -> None:
        self.stack.pop()


def oracle(module: libcst.Module, layout: bool) -> list[tuple[int, tuple[int, ...]]]:
    recorder = LibcstRecorder()
    module.visit(recorder)
    by_id: dict[int, Any] = {}

    def collect(node: libcst.CSTNode) -> None:
        by_id[id(node)] = node
        for child in node.children:
            collect(child)

    collect(module)

    def kept(node_id: int) -> bool:
        return layout or type(by_id[node_id]).__name__ not in LAYOUT_TYPES

    # Without layout nodes, nothing below a layout node is visited either.
    return [
        (node, tuple(a for a in ancestors))
        for node, ancestors in recorder.seen
        if kept(node) and all(kept(a) for a in ancestors)
    ]


def sources() -> list[str]:
    return [
        SAMPLE,
        Path(standards_source.__file__).read_text(encoding="utf-8"),
        Path(positions_source.__file__).read_text(encoding="utf-8"),
    ]


def never(handler: Any, error: Exception) -> None:
    raise AssertionError(f"unexpected failure: {error!r}")


@pytest.mark.parametrize("layout", [False, True], ids=["no-layout", "layout"])
@pytest.mark.parametrize("source", sources(), ids=["sample", "standards.py", "positions.py"])
def test_every_node_is_entered_in_libcsts_order_with_its_ancestors(
    source: str, layout: bool
) -> None:
    module = libcst.parse_module(source)
    ancestors: list[Any] = []
    recorder = Recorder(ancestors)
    table = DispatchTable()
    subscribe_everything(table, recorder, layout)
    assert table.skip_layout is not layout
    walk(module, table, ancestors, never)
    entered = [(id(node), path) for kind, node, path in recorder.events if kind == "enter"]
    # The same nodes, in the same (source) order, as LibCST's own visitor.
    assert entered == oracle(module, layout)
    assert ancestors == []


def test_enter_and_leave_come_in_nested_pairs_with_the_same_ancestors() -> None:
    module = libcst.parse_module(SAMPLE)
    ancestors: list[Any] = []
    recorder = Recorder(ancestors)
    table = DispatchTable()
    subscribe_everything(table, recorder, layout=False)
    walk(module, table, ancestors, never)
    open_nodes: list[tuple[Any, tuple[int, ...]]] = []
    for kind, node, path in recorder.events:
        if kind == "enter":
            assert path == tuple(id(n) for n, _ in open_nodes)
            open_nodes.append((node, path))
        else:
            entered, entered_path = open_nodes.pop()
            assert entered is node
            assert path == entered_path
    assert open_nodes == []
    assert recorder.events[0][1] is module
    assert recorder.events[-1][1] is module


class NameAndFunctionRule(Rule[NoOptions]):
    """Records what it sees through the Rule API."""

    code = "TST001"
    name = "records"
    area = "unit"
    summary = "s"
    rationale = "r"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.seen: list[tuple[str, str, list[str]]] = []

    def visit_FunctionDef(self, node: libcst.FunctionDef) -> None:
        self.seen.append(("visit", node.name.value, [type(a).__name__ for a in self.ancestors]))

    def leave_FunctionDef(self, node: libcst.FunctionDef) -> None:
        self.seen.append(("leave", node.name.value, [type(a).__name__ for a in self.ancestors]))

    def visit_Name(self, node: libcst.Name) -> None:
        if node.value == "deep":
            self.seen.append(("visit", "deep", [type(a).__name__ for a in self.ancestors]))


def test_rules_see_their_ancestors_outermost_first() -> None:
    source = "def outer():\n    def inner():\n        return deep\n"
    ancestors: list[Any] = []
    rule = NameAndFunctionRule(SourceFile("a.py", source), NoOptions(), ancestors)
    walk(libcst.parse_module(source), build_table([rule]), ancestors, never)
    outer = ["Module"]
    inner = [*outer, "FunctionDef", "IndentedBlock"]
    deep = [*inner, "FunctionDef", "IndentedBlock", "SimpleStatementLine", "Return"]
    assert rule.seen == [
        ("visit", "outer", outer),
        ("visit", "inner", inner),
        ("visit", "deep", deep),
        ("leave", "inner", inner),
        ("leave", "outer", outer),
    ]


def test_layout_nodes_are_skipped_unless_subscribed() -> None:
    module = libcst.parse_module("x = 1  # one\n# two\n")
    comments: list[str] = []
    names: list[str] = []
    table = DispatchTable()
    table.subscribe("visit", "Name", lambda node: names.append(node.value))
    assert table.skip_layout
    walk(module, table, [], never)
    assert names == ["x"]

    table.subscribe("visit", "Comment", lambda node: comments.append(node.value))
    assert not table.skip_layout
    walk(module, table, [], never)
    assert comments == ["# one", "# two"]


def test_layout_nodes_are_not_seen_by_other_handlers_when_skipped() -> None:
    module = libcst.parse_module("x = 1  # one\n")
    seen: list[str] = []
    table = DispatchTable()
    for name in ("Name", "Integer", "Assign", "SimpleStatementLine"):
        table.subscribe("visit", name, lambda node: seen.append(type(node).__name__))
    walk(module, table, [], never)
    assert seen == ["SimpleStatementLine", "Assign", "Name", "Integer"]


@pytest.mark.parametrize("name", ["FunctionDeff", "parse_module", "CSTNode_", "Whatever"])
def test_subscribing_to_an_unknown_node_type_fails(name: str) -> None:
    with pytest.raises(UnknownNodeTypeError, match=name):
        DispatchTable().subscribe("visit", name, print)


def test_a_rule_with_a_misspelt_visitor_cannot_be_built() -> None:
    class Misspelt(NameAndFunctionRule):
        def visit_Nmae(self, node: Any) -> None:
            """A typo."""

    rule = Misspelt(SourceFile("a.py", ""), NoOptions(), [])
    with pytest.raises(UnknownNodeTypeError, match="Nmae"):
        build_table([rule])


class Failing(NameAndFunctionRule):
    """Raises on the first name it sees, in visit or in leave."""

    fail_in = "visit"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.calls = 0

    def visit_Name(self, node: libcst.Name) -> None:
        self.calls += 1
        if self.fail_in == "visit":
            raise RuntimeError("visit failed")

    def leave_Name(self, node: libcst.Name) -> None:
        self.calls += 1
        if self.fail_in == "leave":
            raise RuntimeError("leave failed")


@pytest.mark.parametrize("fail_in", ["visit", "leave"])
def test_a_raising_handler_is_isolated_and_unsubscribed(fail_in: str) -> None:
    source = "a = b + c\ndef f(): return d\n"
    ancestors: list[Any] = []
    failing = Failing(SourceFile("a.py", source), NoOptions(), ancestors)
    failing.fail_in = fail_in
    healthy = NameAndFunctionRule(SourceFile("a.py", source), NoOptions(), ancestors)
    table = build_table([failing, healthy])
    errors: list[tuple[Any, Exception]] = []

    def on_error(handler: Any, error: Exception) -> None:
        errors.append((handler, error))
        table.unsubscribe(handler.__self__)

    walk(libcst.parse_module(source), table, ancestors, on_error)
    assert len(errors) == 1
    handler, error = errors[0]
    assert handler.__self__ is failing
    assert str(error) == f"{fail_in} failed"
    assert failing.calls == (1 if fail_in == "visit" else 2)
    assert [event[:2] for event in healthy.seen] == [("visit", "f"), ("leave", "f")]
    assert all(
        getattr(h, "__self__", None) is not failing
        for handlers in (*table.enter.values(), *table.leave.values())
        for h in handlers
    )
    assert ancestors == []


def test_a_deeply_nested_tree_does_not_exhaust_the_stack() -> None:
    depth = 3000
    module = libcst.parse_module("x = " + " + ".join(["1"] * depth) + "\n")
    count = 0

    def visit(node: Any) -> None:
        nonlocal count
        count += 1

    table = DispatchTable()
    table.subscribe("visit", "BinaryOperation", visit)
    walk(module, table, [], never)
    assert count == depth - 1


def test_field_names_are_looked_up_once_per_type() -> None:
    walk(libcst.parse_module("x = 1\n"), DispatchTable(), [], never)
    assert libcst.Assign in walk_module._field_names

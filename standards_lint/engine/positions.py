"""Positions of the few nodes that were reported, found in one code-generation pass.

LibCST nodes do not know where they are; its ``PositionProvider`` computes a
range for every node of the tree (about 3.5 times the cost of the parse). We
only need the nodes a rule reported, and only in files that report, so this
pass replays code generation without building the output text or copying the
tree, and it runs only for files where a rule reported a node.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import libcst
from libcst._nodes.internal import CodegenState

from standards_lint.model import Span

_Point = tuple[int, int]


@dataclass
class _PositionRecorder(CodegenState):
    line: int = 1
    column: int = 0
    syntactic: dict[int, tuple[_Point, _Point]] = field(default_factory=dict)
    starts: list[_Point] = field(default_factory=list)

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self._advance(token)

    def add_token(self, value: str) -> None:
        self._advance(value)

    def _advance(self, value: str) -> None:
        if "\n" not in value and "\r" not in value:
            self.column += len(value)
            return
        lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.line += len(lines) - 1
        self.column = len(lines[-1])

    def before_codegen(self, node: libcst.CSTNode) -> None:
        self.starts.append((self.line, self.column))

    def after_codegen(self, node: libcst.CSTNode) -> None:
        # Hoisted start/end nodes may be any node, so every range is kept.
        start = self.starts.pop()
        if id(node) not in self.syntactic:
            self.syntactic[id(node)] = (start, (self.line, self.column))

    def record_syntactic_position(  # type: ignore[override]
        self,
        node: libcst.CSTNode,
        *,
        start_node: libcst.CSTNode | None = None,
        end_node: libcst.CSTNode | None = None,
    ) -> _SyntacticRecord:
        return _SyntacticRecord(self, node, start_node, end_node)


class _SyntacticRecord:
    """Records a node's syntactic range around its code generation.

    A plain class rather than ``contextlib.contextmanager``: it is entered
    once per node, and a generator per node costs more than the rest.
    """

    __slots__ = ("end_node", "node", "recorder", "start", "start_node")

    def __init__(
        self,
        recorder: _PositionRecorder,
        node: libcst.CSTNode,
        start_node: libcst.CSTNode | None,
        end_node: libcst.CSTNode | None,
    ) -> None:
        self.recorder = recorder
        self.node = node
        self.start_node = start_node
        self.end_node = end_node
        self.start: _Point = (0, 0)

    def __enter__(self) -> None:
        self.start = (self.recorder.line, self.recorder.column)

    def __exit__(self, *exc_info: object) -> None:
        recorder = self.recorder
        start = self.start
        end = (recorder.line, recorder.column)
        if self.start_node is not None:
            start = recorder.syntactic[id(self.start_node)][0]
        if self.end_node is not None:
            end = recorder.syntactic[id(self.end_node)][1]
        recorder.syntactic[id(self.node)] = (start, end)


def find_spans(module: libcst.Module, nodes: Collection[libcst.CSTNode]) -> dict[int, Span]:
    """Map ``id(node)`` to its span (1-based line and column) for each of ``nodes``.

    The span is the node's syntactic range, as LibCST's ``PositionProvider``
    gives it, or its whitespace-inclusive range for nodes without one.
    """
    recorder = _PositionRecorder(
        default_indent=module.default_indent,
        default_newline=module.default_newline,
    )
    module._codegen(recorder)
    return _spans_of(recorder, nodes)


def _spans_of(recorder: _PositionRecorder, nodes: Collection[libcst.CSTNode]) -> dict[int, Span]:
    spans: dict[int, Span] = {}
    for node in nodes:
        key = id(node)
        found = recorder.syntactic.get(key)
        if found is None:
            spans[key] = Span(1, 1, 1, 1)
            continue
        (line, column), (end_line, end_column) = found
        spans[key] = Span(line, column + 1, end_line, end_column + 1)
    return spans


def find_spans_by_statement(
    module: libcst.Module,
    tree: ast.Module,
    wanted: Sequence[tuple[libcst.CSTNode, libcst.CSTNode | None]],
) -> dict[int, Span]:
    """Like :func:`find_spans`, generating only the statements that hold wanted nodes.

    ``wanted`` pairs each node with the module-level statement containing it.
    Where each statement starts is read from ``tree`` (the ``ast`` of the same
    text), so the code before it never needs generating. Falls back to the
    whole-module pass when a statement is unknown or the trees disagree.
    """
    nodes = [node for node, _ in wanted]
    starts = statement_start_lines(module, tree)
    if starts is None or any(
        statement is None or id(statement) not in starts for _, statement in wanted
    ):
        return find_spans(module, nodes)
    spans: dict[int, Span] = {}
    by_statement: dict[int, tuple[libcst.CSTNode, list[libcst.CSTNode]]] = {}
    for node, statement in wanted:
        assert statement is not None
        by_statement.setdefault(id(statement), (statement, []))[1].append(node)
    for statement, statement_nodes in by_statement.values():
        recorder = _PositionRecorder(
            default_indent=module.default_indent,
            default_newline=module.default_newline,
            line=starts[id(statement)],
        )
        statement._codegen(recorder)
        spans.update(_spans_of(recorder, statement_nodes))
    return spans


def statement_start_lines(module: libcst.Module, tree: ast.Module) -> dict[int, int] | None:
    """The first line (leading comments included) of each module-level statement, by id.

    ``None`` when ``tree`` (the ``ast`` of the same text) does not line up with ``module``.
    """
    starts: dict[int, int] = {}
    index = 0
    for statement in module.body:
        count = len(statement.body) if isinstance(statement, libcst.SimpleStatementLine) else 1
        if index + count > len(tree.body):
            return None
        first = tree.body[index]
        line = first.lineno
        decorators = getattr(first, "decorator_list", None)
        if decorators:
            line = min(line, decorators[0].lineno)
        starts[id(statement)] = line - len(statement.leading_lines)
        index += count
    return starts if index == len(tree.body) else None

"""Positions of the few nodes that were reported, found in one code-generation pass.

LibCST nodes do not know where they are; its ``PositionProvider`` computes a
range for every node of the tree (about 3.5 times the cost of the parse). We
only need the nodes a rule reported, and only in files that report, so this
pass replays code generation without building the output text or copying the
tree, and it runs only for files where a rule reported a node.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
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

    @contextmanager
    def record_syntactic_position(
        self,
        node: libcst.CSTNode,
        *,
        start_node: libcst.CSTNode | None = None,
        end_node: libcst.CSTNode | None = None,
    ) -> Iterator[None]:
        start = (self.line, self.column)
        try:
            yield
        finally:
            end = (self.line, self.column)
            if start_node is not None:
                start = self.syntactic[id(start_node)][0]
            if end_node is not None:
                end = self.syntactic[id(end_node)][1]
            self.syntactic[id(node)] = (start, end)


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

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


#: A node whose span is wanted, the module-level statement holding it (if
#: known) and the nodes that enclosed it when it was reported, the module first.
Wanted = tuple[libcst.CSTNode, libcst.CSTNode | None, Sequence[libcst.CSTNode]]


@dataclass(frozen=True, slots=True)
class _Place:
    """A statement whose code can be generated alone: where it starts, and its indentation."""

    statement: libcst.CSTNode
    line: int
    indents: tuple[str, ...]


def find_spans_by_statement(
    module: libcst.Module, tree: ast.Module, wanted: Sequence[Wanted]
) -> dict[int, Span]:
    """Like :func:`find_spans`, generating only the statements that hold wanted nodes.

    A node is placed in the innermost class or function that encloses it (a
    method of a long class, say), else in its module-level statement. Where
    each statement starts is read from ``tree`` (the ``ast`` of the same
    text), so the code before it never needs generating. A node the chosen
    statement turns out not to hold is looked for in its module-level
    statement; the whole-module pass is the last resort, and the first when
    a statement is unknown or the trees disagree.
    """
    nodes = [node for node, _, _ in wanted]
    places = _Places(module, tree)
    tops = [places.top(statement) if statement is not None else None for _, statement, _ in wanted]
    if not places.lined_up or None in tops:
        return find_spans(module, nodes)
    paths = []
    for (_, _, enclosing), top in zip(wanted, tops, strict=True):
        assert top is not None
        paths.append(places.nested(top, enclosing))
    # A statement that is generated for one node holds the nested ones of others:
    # each node goes to the outermost generated statement on its path.
    generated = {id(path[-1].statement) for path in paths}
    by_place: dict[int, tuple[_Place, list[tuple[libcst.CSTNode, _Place]]]] = {}
    for (node, _, _), path in zip(wanted, paths, strict=True):
        place = next(place for place in path if id(place.statement) in generated)
        by_place.setdefault(id(place.statement), (place, []))[1].append((node, path[0]))
    spans: dict[int, Span] = {}
    for place, members in by_place.values():
        recorder = _generate(module, place)
        for node, top in members:
            found = recorder
            if id(node) not in found.syntactic and top is not place:
                # Reported from outside the class or function the walk was in.
                found = _generate(module, top)
            if id(node) not in found.syntactic:
                return find_spans(module, nodes)
            spans.update(_spans_of(found, [node]))
    return spans


def _generate(module: libcst.Module, place: _Place) -> _PositionRecorder:
    recorder = _PositionRecorder(
        default_indent=module.default_indent,
        default_newline=module.default_newline,
        line=place.line,
    )
    recorder.indent_tokens.extend(place.indents)
    place.statement._codegen(recorder)
    return recorder


#: The statements whose body is a block of statements that ``ast`` lists in
#: the same order, with the ``ast`` classes they match.
_DESCENDED: dict[type[libcst.CSTNode], tuple[type[ast.stmt], ...]] = {
    libcst.ClassDef: (ast.ClassDef,),
    libcst.FunctionDef: (ast.FunctionDef, ast.AsyncFunctionDef),
}


class _Places:
    """Where the statements of a module, and of its classes and functions, start."""

    def __init__(self, module: libcst.Module, tree: ast.Module) -> None:
        self._module = module
        self._statements: dict[int, tuple[ast.stmt, _Place]] = {}
        self.lined_up = self._add_block(module.body, tree.body, ())

    def top(self, statement: libcst.CSTNode) -> _Place | None:
        """The place of a module-level (or any known) statement."""
        found = self._statements.get(id(statement))
        return found[1] if found is not None else None

    def nested(self, top: _Place, enclosing: Sequence[libcst.CSTNode]) -> list[_Place]:
        """The places from ``top`` down to the innermost class or function of ``enclosing``."""
        found = self._statements[id(top.statement)]
        path = [top]
        if len(enclosing) < 2 or enclosing[1] is not top.statement:
            return path  # the report was moved to another statement
        depth = 1
        while depth + 2 < len(enclosing):
            outer, block, inner = enclosing[depth : depth + 3]
            if _body(outer) is not block or not any(inner is child for child in block.body):
                break
            if id(inner) not in self._statements and not self._descend(outer, found):
                break
            deeper = self._statements.get(id(inner))
            if deeper is None:
                break
            found, depth = deeper, depth + 2
            path.append(found[1])
        return path

    def _descend(self, outer: libcst.CSTNode, found: tuple[ast.stmt, _Place]) -> bool:
        """Learn the places of the statements in ``outer``'s block; whether they line up."""
        block = _body(outer)
        matches = _DESCENDED.get(type(outer))
        counterpart, place = found
        if block is None or matches is None or not isinstance(counterpart, matches):
            return False
        body: list[ast.stmt] = getattr(counterpart, "body", [])
        indent = self._module.default_indent if block.indent is None else block.indent
        return self._add_block(block.body, body, (*place.indents, indent))

    def _add_block(
        self,
        statements: Sequence[libcst.BaseStatement],
        counterparts: Sequence[ast.stmt],
        indents: tuple[str, ...],
    ) -> bool:
        index = 0
        known: list[tuple[int, tuple[ast.stmt, _Place]]] = []
        for statement in statements:
            count = len(statement.body) if isinstance(statement, libcst.SimpleStatementLine) else 1
            if index + count > len(counterparts):
                return False
            first = counterparts[index]
            line = first.lineno
            decorators = getattr(first, "decorator_list", None)
            if decorators:
                line = min(line, decorators[0].lineno)
            # Every statement has leading lines; BaseStatement does not declare them.
            leading: Sequence[libcst.EmptyLine] = getattr(statement, "leading_lines", ())
            place = _Place(statement, line - len(leading), indents)
            known.append((id(statement), (first, place)))
            index += count
        if index != len(counterparts):
            return False
        self._statements.update(known)
        return True


def _body(statement: libcst.CSTNode) -> libcst.IndentedBlock | None:
    body = getattr(statement, "body", None)
    return body if isinstance(body, libcst.IndentedBlock) else None


def statement_start_lines(module: libcst.Module, tree: ast.Module) -> dict[int, int] | None:
    """The first line (leading comments included) of each module-level statement, by id.

    ``None`` when ``tree`` (the ``ast`` of the same text) does not line up with ``module``.
    """
    places = _Places(module, tree)
    if not places.lined_up:
        return None
    return {
        id(statement): place.line
        for statement in module.body
        for place in [places.top(statement)]
        if place is not None
    }

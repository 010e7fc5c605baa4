"""Cognitive complexity of one Python function, after SonarSource's specification.

The specification is G. Ann Campbell, *Cognitive Complexity: a new way of
measuring understandability* (SonarSource, version 1.7, 2023). It is written for
any language; NOTES_cognitive.md beside this module says how each rule maps onto
Python and where complexipy, an independent implementation, counts otherwise.

In short, for the body of a function:

- ``if``, loops, ``except`` clauses, ``match`` and conditional expressions add
  1 plus the nesting level they sit at (structural increments);
- ``elif`` and every ``else`` (of ``if``, loops and ``try``) add 1 (hybrid);
- each run of like boolean operators (``a and b or c`` has two) adds 1;
- a function that calls itself adds 1 (recursion);
- the bodies of those structures, nested functions and lambdas are one nesting
  level deeper; ``try``, ``finally``, ``with`` and class bodies are not;
- a nested function that is the whole point of its enclosing function (the
  enclosing body is the ``def`` and a ``return``: the decorator pattern) does
  not add a nesting level;
- comprehensions are shorthand and add nothing of their own.

The measured code is the function's body: decorators, default values and
annotations belong to the definition, not to its control flow.
"""

from __future__ import annotations

import ast
import enum
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeAlias

from standards_lint.syntax import FunctionNode

from ._syntax import elif_branch, follows_open_parenthesis

if sys.version_info >= (3, 11):
    _TryNode: TypeAlias = ast.Try | ast.TryStar
    _TRY_TYPES: tuple[type[ast.stmt], ...] = (ast.Try, ast.TryStar)
else:
    _TryNode: TypeAlias = ast.Try
    _TRY_TYPES: tuple[type[ast.stmt], ...] = (ast.Try,)


class IncrementKind(enum.Enum):
    """The construct that earned an increment."""

    IF = "if"
    ELIF = "elif"
    ELSE = "else"
    CONDITIONAL_EXPRESSION = "conditional expression"
    LOOP = "loop"
    EXCEPT = "except"
    MATCH = "match"
    BOOLEAN_SEQUENCE = "sequence of like boolean operators"
    RECURSION = "recursion"


@dataclass(frozen=True, slots=True)
class Increment:
    """One addition to a function's cognitive complexity, and where it comes from."""

    line: int
    kind: IncrementKind
    nesting: int
    """The nesting level added on top of the 1; 0 for hybrid and fundamental increments."""

    @property
    def amount(self) -> int:
        """How much this increment adds to the function's score."""
        return 1 + self.nesting


def cognitive_increments(
    function: FunctionNode, source_lines: Sequence[str], *, class_name: str | None = None
) -> tuple[Increment, ...]:
    """Every increment of ``function``'s cognitive complexity, in line order.

    ``source_lines`` are the lines of the module the function was parsed from,
    split where Python ends a line (:func:`~standards_lint.source.split_lines`; ``str.splitlines``
    also splits at form feeds). The ``ast`` records neither where an ``else``
    keyword stands nor parentheses, and the lines tell both. ``class_name``
    names the class when ``function`` is a method, so that ``self.name(...)``
    and ``ClassName.name(...)`` are recognised as recursion.
    """
    walker = _Walker(source_lines)
    walker.walk_function(function, body_nesting=0, class_name=class_name)
    return tuple(sorted(walker.increments, key=lambda increment: increment.line))


def cognitive_complexity(
    function: FunctionNode, source_lines: Sequence[str], *, class_name: str | None = None
) -> int:
    """The cognitive complexity of ``function``: the sum of its increments."""
    increments = cognitive_increments(function, source_lines, class_name=class_name)
    return sum(increment.amount for increment in increments)


@dataclass(slots=True)
class _FunctionFrame:
    """A function whose body is being walked, and how it would call itself."""

    name: str
    body: list[ast.stmt]
    receivers: frozenset[str]
    """For a method, the names through which it calls itself (``self``, the class)."""
    is_method: bool
    first_self_call_line: int | None = None

    def is_self_call(self, call: ast.Call) -> bool:
        """Whether ``call`` calls this very function."""
        callee = call.func
        if not self.is_method:
            return isinstance(callee, ast.Name) and callee.id == self.name
        return (
            isinstance(callee, ast.Attribute)
            and callee.attr == self.name
            and isinstance(callee.value, ast.Name)
            and callee.value.id in self.receivers
        )


class _Walker:
    """Walks one function body once and records its increments."""

    def __init__(self, source_lines: Sequence[str]) -> None:
        """A walker over a function from the module whose lines are ``source_lines``."""
        self._lines = source_lines
        self._functions: list[_FunctionFrame] = []
        # The class whose body is being walked, or None inside a function body:
        # a def directly in a class body is a method.
        self._enclosing_class: list[str | None] = [None]
        self.increments: list[Increment] = []

    def walk_function(
        self, function: FunctionNode, *, body_nesting: int, class_name: str | None
    ) -> None:
        """Walk ``function``'s body, its statements starting at ``body_nesting``."""
        frame = _FunctionFrame(
            name=function.name,
            body=function.body,
            receivers=_method_receivers(function, class_name),
            is_method=class_name is not None,
        )
        self._functions.append(frame)
        self._enclosing_class.append(None)
        self._block(function.body, body_nesting)
        self._enclosing_class.pop()
        self._functions.pop()
        if frame.first_self_call_line is not None:
            self._add(IncrementKind.RECURSION, frame.first_self_call_line, nesting=0)

    def _add(self, kind: IncrementKind, line: int, nesting: int) -> None:
        """Record an increment; ``nesting`` is 0 for one that takes no nesting increment."""
        self.increments.append(Increment(line, kind, nesting))

    def _block(self, statements: list[ast.stmt], nesting: int) -> None:
        """Walk a block of statements standing at ``nesting``."""
        for statement in statements:
            self._statement(statement, nesting)

    def _statement(self, node: ast.stmt, nesting: int) -> None:
        """Walk one statement: its increments, then what it contains."""
        walk = self._COMPOUND_WALKS.get(type(node))
        if walk is not None:
            walk(self, node, nesting)
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self._expression(child, nesting)

    def _if_statement(self, node: ast.If, nesting: int) -> None:
        """Walk an ``if`` statement (not an ``elif``)."""
        self._if(node, nesting, IncrementKind.IF)

    def _for(self, node: ast.For | ast.AsyncFor, nesting: int) -> None:
        """Walk a ``for`` loop: one increment, its body and ``else`` one level deeper."""
        self._add(IncrementKind.LOOP, node.lineno, nesting)
        self._expression(node.target, nesting)
        self._expression(node.iter, nesting)
        self._loop_bodies(node, nesting)

    def _while(self, node: ast.While, nesting: int) -> None:
        """Walk a ``while`` loop: one increment, its body and ``else`` one level deeper."""
        self._add(IncrementKind.LOOP, node.lineno, nesting)
        self._expression(node.test, nesting)
        self._loop_bodies(node, nesting)

    def _with(self, node: ast.With | ast.AsyncWith, nesting: int) -> None:
        """Walk a ``with``: no increment, and its body stays at the same level."""
        for item in node.items:
            self._expression(item.context_expr, nesting)
        self._block(node.body, nesting)

    def _class_body(self, node: ast.ClassDef, nesting: int) -> None:
        """Walk a class body: no level of its own, but the defs in it are methods."""
        self._enclosing_class.append(node.name)
        self._block(node.body, nesting)
        self._enclosing_class.pop()

    def _if(self, node: ast.If, nesting: int, kind: IncrementKind) -> None:
        """Walk an ``if`` (or an ``elif``, ``kind`` says which) and its branches."""
        # An elif is a hybrid increment: +1, without the nesting increment.
        self._add(kind, node.lineno, nesting if kind is IncrementKind.IF else 0)
        self._expression(node.test, nesting)
        self._block(node.body, nesting + 1)
        branch = elif_branch(node)
        if branch is not None:
            self._if(branch, nesting, IncrementKind.ELIF)
        elif node.orelse:
            self._else(_end_line(node.body[-1]), node.orelse, nesting)

    def _loop_bodies(self, node: ast.For | ast.AsyncFor | ast.While, nesting: int) -> None:
        """Walk a loop's body and its ``else``, one level deeper than the loop."""
        self._block(node.body, nesting + 1)
        if node.orelse:
            self._else(_end_line(node.body[-1]), node.orelse, nesting)

    def _try(self, node: _TryNode, nesting: int) -> None:
        """Walk a ``try``: only its ``except`` and ``else`` clauses count and nest."""
        self._block(node.body, nesting)
        for handler in node.handlers:
            self._add(IncrementKind.EXCEPT, handler.lineno, nesting)
            if handler.type is not None:
                self._expression(handler.type, nesting)
            self._block(handler.body, nesting + 1)
        if node.orelse:
            self._else(_end_line(node.handlers[-1]), node.orelse, nesting)
        self._block(node.finalbody, nesting)

    def _else(self, previous_end: int, orelse: list[ast.stmt], nesting: int) -> None:
        """Count an ``else`` whose block follows a block ending on ``previous_end``."""
        self._add(IncrementKind.ELSE, self._else_line(previous_end, orelse[0].lineno), 0)
        self._block(orelse, nesting + 1)

    def _else_line(self, previous_end: int, first_statement: int) -> int:
        """The line of the ``else`` keyword between two blocks."""
        for line in range(first_statement, previous_end, -1):
            text = self._lines[line - 1].lstrip() if line <= len(self._lines) else ""
            if text.startswith("else") and text[4:5] in (":", " ", "\t"):
                return line
        return previous_end + 1

    def _match(self, node: ast.Match, nesting: int) -> None:
        """Walk a ``match``: one increment, its cases and guards one level deeper."""
        self._add(IncrementKind.MATCH, node.lineno, nesting)
        self._expression(node.subject, nesting)
        for case in node.cases:
            if case.guard is not None:
                self._expression(case.guard, nesting + 1)
            self._block(case.body, nesting + 1)

    def _nested_function(self, node: FunctionNode, nesting: int) -> None:
        """Walk a function defined in the measured one, as part of its score."""
        class_name = self._enclosing_class[-1]
        wraps = class_name is None and _is_decorator_wrapper(self._functions[-1].body, node)
        body_nesting = nesting if wraps else nesting + 1
        self.walk_function(node, body_nesting=body_nesting, class_name=class_name)

    # The compound statements, each walked its own way; any other statement is
    # walked through its expressions.
    _COMPOUND_WALKS: ClassVar[Mapping[type[ast.stmt], Callable[[_Walker, Any, int], None]]] = {
        ast.If: _if_statement,
        ast.For: _for,
        ast.AsyncFor: _for,
        ast.While: _while,
        ast.Match: _match,
        ast.With: _with,
        ast.AsyncWith: _with,
        ast.FunctionDef: _nested_function,
        ast.AsyncFunctionDef: _nested_function,
        ast.ClassDef: _class_body,
        **dict.fromkeys(_TRY_TYPES, _try),
    }

    def _expression(self, root: ast.expr, nesting: int) -> None:
        """Walk an expression: conditional expressions, boolean sequences, lambdas, calls."""
        # Iterative: one expression can nest thousands of levels deep
        # (long chains of ``+``), deeper than Python's recursion limit.
        pending: list[tuple[ast.AST, int]] = [(root, nesting)]
        while pending:
            node, level = pending.pop()
            match node:
                case ast.BoolOp():
                    self._boolean_sequences(node)
                    pending.extend((operand, level) for operand in self._sequence_operands(node))
                case ast.IfExp():
                    self._add(IncrementKind.CONDITIONAL_EXPRESSION, node.lineno, level)
                    parts = (node.test, node.body, node.orelse)
                    pending.extend((part, level + 1) for part in parts)
                case ast.Lambda():
                    pending.append((node.body, level + 1))
                case _:
                    if isinstance(node, ast.Call):
                        self._note_call(node)
                    pending.extend((child, level) for child in ast.iter_child_nodes(node))

    def _boolean_sequences(self, node: ast.BoolOp) -> None:
        """Count one increment per run of like operators in ``node``'s written sequence."""
        previous: type[ast.boolop] | None = None
        for operator in self._written_operators(node):
            if operator is not previous:
                self._add(IncrementKind.BOOLEAN_SEQUENCE, node.lineno, 0)
            previous = operator

    def _written_operators(self, node: ast.BoolOp) -> Iterator[type[ast.boolop]]:
        """The operators of ``node``'s written sequence, left to right."""
        for index, value in enumerate(node.values):
            if index:
                yield type(node.op)
            if isinstance(value, ast.BoolOp) and self._continues_sequence(node, value):
                yield from self._written_operators(value)

    def _sequence_operands(self, node: ast.BoolOp) -> Iterator[ast.expr]:
        """The operands of ``node``'s written sequence; a group in parentheses is one."""
        for value in node.values:
            if isinstance(value, ast.BoolOp) and self._continues_sequence(node, value):
                yield from self._sequence_operands(value)
            else:
                yield value

    def _continues_sequence(self, parent: ast.BoolOp, value: ast.BoolOp) -> bool:
        """Whether ``value`` is written inline in ``parent``'s operator sequence.

        The ``ast`` drops parentheses. ``a or b and c or d`` is one written
        sequence (or, and, or: three runs) while ``a or (b and c) or d`` is
        two (the ``or`` run, and the group), yet both parse as
        ``Or(a, And(b, c), d)``. Only an ``and`` inside an ``or`` can be
        written without parentheses (``and`` binds tighter); any other
        boolean operation inside another was parenthesised, so it starts a
        sequence of its own. For the ``and`` case the source decides.
        """
        return (
            isinstance(parent.op, ast.Or)
            and isinstance(value.op, ast.And)
            and not follows_open_parenthesis(self._lines, value)
        )

    def _note_call(self, call: ast.Call) -> None:
        """Remember where the innermost function first calls itself, if ``call`` does."""
        frame = self._functions[-1]
        if frame.first_self_call_line is None and frame.is_self_call(call):
            frame.first_self_call_line = call.lineno


def _is_decorator_wrapper(enclosing_body: list[ast.stmt], function: FunctionNode) -> bool:
    """Whether ``function`` is all its enclosing function does: define it, return."""
    return (
        len(enclosing_body) == 2
        and enclosing_body[0] is function
        and isinstance(enclosing_body[1], ast.Return)
    )


def _method_receivers(function: FunctionNode, class_name: str | None) -> frozenset[str]:
    """The names through which a method calls itself: its class and its first parameter."""
    if class_name is None:
        return frozenset()
    receivers = {class_name}
    is_static = any(
        isinstance(decorator, ast.Name) and decorator.id == "staticmethod"
        for decorator in function.decorator_list
    )
    positional = [*function.args.posonlyargs, *function.args.args]
    if positional and not is_static:
        receivers.add(positional[0].arg)
    return frozenset(receivers)


def _end_line(node: ast.stmt | ast.excepthandler) -> int:
    """The last line of a statement or ``except`` clause."""
    return node.end_lineno if node.end_lineno is not None else node.lineno

"""The functions of a module, where each stands, and the figures read off their syntax alone."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from standards_lint.syntax import FunctionNode

from ._syntax import elif_branch, statement_blocks


@dataclass(frozen=True, slots=True)
class FunctionDefinition:
    """A ``def`` or ``async def`` found in a module, and where it stands."""

    qualified_name: str
    """As ``__qualname__`` spells it: ``f``, ``Class.method``, ``f.<locals>.inner``."""
    node: FunctionNode
    class_name: str | None
    """The class whose body defines the function, when it is a method."""

    @property
    def is_nested(self) -> bool:
        """Whether the function is defined inside another function's body."""
        return ".<locals>." in self.qualified_name


def function_definitions(module: ast.Module) -> Iterator[FunctionDefinition]:
    """Every function defined in ``module``, at any depth, in source order."""
    return _definitions(module.body, "", None)


def _definitions(
    body: list[ast.stmt], prefix: str, class_name: str | None
) -> Iterator[FunctionDefinition]:
    """Every function defined in ``body``, at any depth, in source order."""
    for statement in body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = prefix + statement.name
            yield FunctionDefinition(name, statement, class_name)
            yield from _definitions(statement.body, f"{name}.<locals>.", None)
        elif isinstance(statement, ast.ClassDef):
            name = prefix + statement.name
            yield from _definitions(statement.body, f"{name}.", statement.name)
        else:
            for block in statement_blocks(statement):
                yield from _definitions(block, prefix, class_name)


def body_source(node: FunctionNode, lines: Sequence[str]) -> str:
    """The source of the function's body, from its first statement to the end of its last."""
    first, last = node.body[0], node.body[-1]
    end_line = last.end_lineno if last.end_lineno is not None else last.lineno
    rows = [row.encode("utf-8") for row in lines[first.lineno - 1 : end_line]]
    if last.end_col_offset is not None:
        rows[-1] = rows[-1][: last.end_col_offset]
    # ast columns count UTF-8 bytes; a body can start on the ``def`` line.
    rows[0] = rows[0][first.col_offset :]
    return "\n".join(row.decode("utf-8") for row in rows)


def body_starts_its_line(node: FunctionNode, lines: Sequence[str]) -> bool:
    """Whether nothing but indentation comes before the body on its first line."""
    first = node.body[0]
    return not lines[first.lineno - 1].encode("utf-8")[: first.col_offset].strip()


def max_nesting(statements: list[ast.stmt], depth: int = 0) -> int:
    """The deepest block depth under ``statements``, which stand at ``depth``."""
    deepest = depth
    for statement in statements:
        if isinstance(statement, ast.If) and (branch := elif_branch(statement)) is not None:
            # An elif sits at the depth of its if: measure its body, then go on.
            deepest = max(deepest, max_nesting(statement.body, depth + 1))
            deepest = max(deepest, max_nesting([branch], depth))
            continue
        for block in statement_blocks(statement):
            deepest = max(deepest, max_nesting(block, depth + 1))
    return deepest


def parameter_count(arguments: ast.arguments) -> int:
    """How many parameters a signature declares, ``*args`` and ``**kwargs`` included."""
    variadic = (arguments.vararg is not None) + (arguments.kwarg is not None)
    declared = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
    return len(declared) + variadic


def logical_lines_ceiling(node: FunctionNode) -> int:
    """A bound that radon's LLOC of the function's body never exceeds, read off the tree.

    Radon counts each ``;``-separated part of a logical line as 1, or 2 when a
    colon stands inside it (``if x: y``, but also ``d = {k: v}``). Every part
    starts a statement, a clause (``else``, ``except``, ``finally``,
    ``case``) or a decorator, so twice their number bounds the count without
    reading the tokens.
    """
    return 2 * _constructs(node.body)


def _constructs(statements: list[ast.stmt]) -> int:
    """Statements, clauses and decorators in ``statements``, at any depth."""
    count = 0
    for statement in statements:
        count += 1 + len(getattr(statement, "decorator_list", ()))
        for field in ("body", "orelse", "finalbody"):
            block = getattr(statement, field, None)
            if block:
                count += _constructs(block) + (field != "body")
        for clause in (*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())):
            count += 1 + _constructs(clause.body)
    return count

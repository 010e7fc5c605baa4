"""What a function's own body does that its docstring should tell: return, yield, raise.

"Own body" leaves out nested functions, classes and lambdas: what they do happens
when they are called, not when the function is.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Final, cast

from standards_lint.syntax import FunctionNode, decorator_name, decorator_names, dotted_name

_NESTED_SCOPES: Final = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
# ``try ... except*`` (Python 3.11+) has the same parts as a plain ``try``.
_TRY_STATEMENTS: Final[tuple[type[ast.stmt], ...]] = (ast.Try, getattr(ast, "TryStar", ast.Try))
_CATCH_ALL: Final = "*"
_BROAD_EXCEPTIONS: Final = frozenset({"Exception", "BaseException"})
# pytest fixtures: their docstring describes the value they provide to tests.
FIXTURE_DECORATORS: Final = frozenset({"fixture", "yield_fixture"})
_PLACEHOLDER_DECORATORS: Final = frozenset(
    {
        "abstractmethod",
        "abstractproperty",
        "abstractclassmethod",
        "abstractstaticmethod",
        "overload",
    }
)


@dataclass(frozen=True, slots=True)
class RaisedException:
    """An exception raised by name in the function's own body.

    Attributes:
        name: The name as written, dotted when qualified (``errors.UsageError``).
        line: The line of the ``raise`` statement.
    """

    name: str
    line: int

    @property
    def short_name(self) -> str:
        """The last part of the name (``UsageError``)."""
        return self.name.rsplit(".", 1)[-1]


@dataclass(frozen=True, slots=True)
class FunctionFacts:
    """What a function's own body does, as far as its docstring is concerned.

    Attributes:
        returns_value: Some ``return`` gives a value other than a literal ``None``.
        returns_expression: Some ``return`` gives an expression, ``return None`` included.
        yields: The function is a generator (it has ``yield`` or ``yield from``).
        is_placeholder: The body only stands in for an implementation (``pass``,
            ``...``, ``raise NotImplementedError``) or the function is decorated
            ``@abstractmethod`` or ``@overload``.
        raised: Exceptions raised by class name that are not caught in the same
            function, excluding re-raises of a caught exception, in line order.
        decorators: The last name of each decorator (``property``, ``setter``).
    """

    returns_value: bool
    returns_expression: bool
    yields: bool
    is_placeholder: bool
    raised: tuple[RaisedException, ...]
    decorators: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Context:
    """Where a statement sits: the ``try`` bodies around it and the caught names bound."""

    caught_around: tuple[frozenset[str], ...] = ()
    bound_exceptions: frozenset[str] = frozenset()

    def catches(self, short_name: str) -> bool:
        """Tell whether an enclosing ``try`` in the same function catches ``short_name``."""
        return any(_CATCH_ALL in caught or short_name in caught for caught in self.caught_around)


def function_facts(function: FunctionNode) -> FunctionFacts:
    """Collect what ``function``'s own body does."""
    returns_value = returns_expression = yields = False
    raised: list[RaisedException] = []
    pending: list[tuple[ast.AST, _Context]] = [
        (statement, _Context()) for statement in function.body
    ]
    while pending:
        node, context = pending.pop()
        if isinstance(node, _NESTED_SCOPES):
            continue
        if isinstance(node, ast.Return):
            returns_value = returns_value or not _is_none(node.value)
            returns_expression = returns_expression or node.value is not None
        elif isinstance(node, (ast.Yield, ast.YieldFrom)):
            yields = True
        elif isinstance(node, ast.Raise):
            raised.extend(_raised_by(node, context))
        if isinstance(node, _TRY_STATEMENTS):
            pending.extend(_try_parts(cast(ast.Try, node), context))
        elif isinstance(node, ast.ExceptHandler):
            bound = context.bound_exceptions | ({node.name} if node.name else set())
            inner = _Context(context.caught_around, frozenset(bound))
            pending.extend((statement, inner) for statement in node.body)
        else:
            pending.extend((child, context) for child in ast.iter_child_nodes(node))
    return FunctionFacts(
        returns_value=returns_value,
        returns_expression=returns_expression,
        yields=yields,
        is_placeholder=_is_placeholder(function),
        raised=tuple(sorted(raised, key=lambda exception: exception.line)),
        decorators=decorator_names(function),
    )


def _try_parts(node: ast.Try, context: _Context) -> list[tuple[ast.AST, _Context]]:
    """Return a ``try`` statement's parts, the body marked as guarded by its handlers."""
    caught = frozenset(name for handler in node.handlers for name in _caught_names(handler))
    guarded = _Context((*context.caught_around, caught), context.bound_exceptions)
    parts: list[tuple[ast.AST, _Context]] = [(statement, guarded) for statement in node.body]
    parts.extend((handler, context) for handler in node.handlers)
    parts.extend((statement, context) for statement in [*node.orelse, *node.finalbody])
    return parts


def _caught_names(handler: ast.ExceptHandler) -> set[str]:
    """Return the short names an ``except`` clause catches; ``*`` when it catches all."""
    if handler.type is None:
        return {_CATCH_ALL}
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    names = {dotted_name(type_).rsplit(".", 1)[-1] for type_ in types}
    return {_CATCH_ALL} if names & _BROAD_EXCEPTIONS else names


def _raised_by(node: ast.Raise, context: _Context) -> list[RaisedException]:
    """Return the exception a ``raise`` raises by class name, if it is not caught nearby."""
    exception = node.exc
    if exception is None:
        return []
    if isinstance(exception, ast.Call):
        exception = exception.func
    name = dotted_name(exception)
    if not name or name in context.bound_exceptions:
        return []
    short_name = name.rsplit(".", 1)[-1]
    if not _looks_like_class(short_name) or context.catches(short_name):
        return []
    return [RaisedException(name, node.lineno)]


def _looks_like_class(name: str) -> bool:
    """Tell a CapWords class name from a variable or an ALL_CAPS constant."""
    bare = name.lstrip("_")
    return bool(bare) and bare[0].isupper() and not bare.isupper()


def _is_none(value: ast.expr | None) -> bool:
    """Tell a bare ``return`` or ``return None``."""
    return value is None or (isinstance(value, ast.Constant) and value.value is None)


def _is_placeholder(function: FunctionNode) -> bool:
    """Tell a body that stands in for an implementation (see ``FunctionFacts``)."""
    decorators = {decorator_name(decorator) for decorator in function.decorator_list}
    if decorators & _PLACEHOLDER_DECORATORS:
        return True
    return all(map(_is_placeholder_statement, function.body))


def _is_placeholder_statement(statement: ast.stmt) -> bool:
    """Tell ``pass``, ``...``, a string (the docstring) or ``raise NotImplementedError``."""
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
        return statement.value.value is Ellipsis or isinstance(statement.value.value, str)
    if isinstance(statement, ast.Raise) and statement.exc is not None:
        exception = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
        return dotted_name(exception) == "NotImplementedError"
    return False

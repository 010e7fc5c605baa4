"""The repair of a mutable default: default to None, build the value at the top of the body.

``def f(items=[]):`` becomes ``def f(items=None):`` whose body starts (after
its docstring, and after the guards earlier repairs wrote) with ``if items is
None:`` / ``items = []``. The guard evaluates the default's expression in the
function's own scope, so a repair is only offered where the expression means
the same there: it names no parameter of the function and no name the
enclosing class body binds (a method cannot see those).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from standards_lint.rules.style.definitions import bound_names, parameters

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst


def class_body_names(node: cst.ClassDef) -> set[str]:
    """The names a class body binds at its own level: attributes, methods, nested classes."""
    names: set[str] = set()
    body = node.body
    statements = body.body if isinstance(body, cst.IndentedBlock) else (body,)
    for statement in statements:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            names.add(statement.name.value)
        elif isinstance(statement, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            names.update(_small_statement_names(statement.body))
        else:
            # A compound statement (if, try, for, with) may bind anything:
            # every name it holds counts.
            names.update(name.value for name in _names_in(statement))
    return names


def _small_statement_names(statements: Collection[cst.BaseSmallStatement]) -> Iterator[str]:
    for small in statements:
        if isinstance(small, cst.Assign):
            for target in small.targets:
                yield from (name.value for name in bound_names(target.target))
        elif isinstance(small, (cst.AnnAssign, cst.AugAssign)):
            yield from (name.value for name in bound_names(small.target))
        elif isinstance(small, (cst.Import, cst.ImportFrom)):
            yield from (name.value for name in _names_in(small))


def _names_in(node: cst.CSTNode) -> Iterator[cst.Name]:
    """Every ``Name`` node under ``node``, ``node`` included."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Name):
            yield current
        stack.extend(current.children)


def _is_docstring(statement: cst.BaseStatement) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    small = statement.body[0]
    return isinstance(small, cst.Expr) and isinstance(
        small.value, (cst.SimpleString, cst.ConcatenatedString)
    )


def _guarded_name(statement: cst.BaseStatement) -> str | None:
    """``x`` for a statement ``if x is None: ...`` with no ``else``, the guard a repair writes."""
    if not isinstance(statement, cst.If) or statement.orelse is not None:
        return None
    test = statement.test
    if (
        isinstance(test, cst.Comparison)
        and isinstance(test.left, cst.Name)
        and len(test.comparisons) == 1
        and isinstance(test.comparisons[0].operator, cst.Is)
        and isinstance(test.comparisons[0].comparator, cst.Name)
        and test.comparisons[0].comparator.value == "None"
    ):
        return test.left.value
    return None


def _guard(name: str, value: cst.BaseExpression) -> cst.If:
    """``if name is None:`` / ``name = value``."""
    comparison = cst.Comparison(cst.Name(name), [cst.ComparisonTarget(cst.Is(), cst.Name("None"))])
    assign = cst.Assign([cst.AssignTarget(cst.Name(name))], value)
    return cst.If(comparison, cst.IndentedBlock([cst.SimpleStatementLine([assign])]))


def _optional(annotation: cst.Annotation) -> cst.Annotation:
    """``X | None`` for ``X``; an annotation that already names None is kept."""
    expression = annotation.annotation
    if any(name.value in ("None", "Optional") for name in _names_in(expression)):
        return annotation
    if isinstance(expression, (cst.SimpleString, cst.ConcatenatedString)):
        return annotation
    union = cst.BinaryOperation(expression, cst.BitOr(), cst.Name("None"))
    return annotation.with_changes(annotation=union)


def can_guard(
    function: cst.FunctionDef, default: cst.BaseExpression, class_names: Collection[str]
) -> bool:
    """Whether the default's expression means the same at the top of the function's body."""
    params = {param.name.value for param in parameters(function.params)}
    used = {name.value for name in _names_in(default)}
    return not (used & params or used & set(class_names))


def with_none_default(
    function: cst.FunctionDef, param: cst.Param, *, optional_annotation: bool
) -> cst.FunctionDef:
    """``function`` with ``param`` defaulting to None and the guard that builds its value.

    ``optional_annotation`` adds ``| None`` to the parameter's annotation.
    """
    assert param.default is not None
    name = param.name.value
    new_param = param.with_changes(default=cst.Name("None"))
    if optional_annotation and param.annotation is not None:
        new_param = new_param.with_changes(annotation=_optional(param.annotation))
    params = function.params.deep_replace(param, new_param)
    assert isinstance(params, cst.Parameters)
    guard = _guard(name, param.default)
    body = function.body
    if isinstance(body, cst.SimpleStatementSuite):
        # A one-line body moves to a block of its own, below the guard.
        line = cst.SimpleStatementLine(body.body)
        block = cst.IndentedBlock([guard, line], header=body.trailing_whitespace)
        return function.with_changes(params=params, body=block)
    assert isinstance(body, cst.IndentedBlock)
    statements = list(body.body)
    at = 1 if statements and _is_docstring(statements[0]) else 0
    while at < len(statements) and _guarded_name(statements[at]) is not None:
        at += 1
    statements.insert(at, guard)
    return function.with_changes(params=params, body=body.with_changes(body=statements))

"""Facts about definitions that several style rules need: scopes, methods, overrides, names.

These read LibCST nodes but only name LibCST's classes inside functions, so
importing this module does not import LibCST.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst


def is_stub(path: str) -> bool:
    """Whether the file at ``path`` is a stub (``.pyi``): it describes an API defined elsewhere.

    Rules about how an API is shaped (names, parameters, defaults) skip stubs,
    whose names and signatures are the runtime module's, not the stub's.
    """
    return path.endswith(".pyi")


def dotted_name(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a name or a chain of attributes on a name; None for anything else."""
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return ".".join(reversed(parts))


def last_name(node: cst.BaseExpression) -> str | None:
    """The last part of a dotted reference (``override`` for ``typing.override``)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    return None


def enclosing_scope(ancestors: Sequence[cst.CSTNode]) -> cst.CSTNode | None:
    """The innermost function, lambda or class around the current node; None at module level."""
    for node in reversed(ancestors):
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            return node
    return None


def decorator_names(function: cst.FunctionDef) -> Iterator[str]:
    """The dotted name of each decorator, and its last part (``typing.override``, ``override``).

    A decorator that is a call (``@lru_cache(maxsize=8)``) is named by what it calls.
    """
    for decorator in function.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call):
            expression = expression.func
        dotted = dotted_name(expression)
        if dotted is not None:
            yield dotted
            yield dotted.rpartition(".")[2]


def is_override(function: cst.FunctionDef, override_decorators: tuple[str, ...]) -> bool:
    """Whether ``function`` is decorated with one of ``override_decorators``.

    Each entry matches the decorator's dotted name or its last part, so
    ``"override"`` matches ``@override`` and ``@typing.override``.
    """
    if not function.decorators:
        return False
    return any(name in override_decorators for name in decorator_names(function))


def is_overload(function: cst.FunctionDef) -> bool:
    """Whether ``function`` is an ``@overload`` signature, which its implementation repeats."""
    return bool(function.decorators) and any(
        name == "overload" for name in decorator_names(function)
    )


def is_static(function: cst.FunctionDef) -> bool:
    """Whether ``function`` is decorated with ``staticmethod``."""
    return any(name == "staticmethod" for name in decorator_names(function))


def parameters(params: cst.Parameters) -> Iterator[cst.Param]:
    """Every parameter in source order, ``*args`` and ``**kwargs`` included."""
    yield from params.posonly_params
    yield from params.params
    if isinstance(params.star_arg, cst.Param):
        yield params.star_arg
    yield from params.kwonly_params
    if params.star_kwarg is not None:
        yield params.star_kwarg


def bound_names(target: cst.BaseExpression) -> Iterator[cst.Name]:
    """The names an assignment target binds: ``a`` and ``b`` in ``a, (b, *c.d) = ...``.

    Attributes and subscripts bind no name and are skipped.
    """
    stack = [target]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name):
            yield node
        elif isinstance(node, (cst.Tuple, cst.List)):
            # A starred element's value is the name it binds, like a plain element's.
            stack.extend(reversed([element.value for element in node.elements]))

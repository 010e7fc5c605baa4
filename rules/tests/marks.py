"""pytest marks and unittest skip decorators, as written in a test module."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass

from standards_lint.rules.tests.names import qualified_name

_PYTEST_MARK = "pytest.mark."
#: unittest's decorators, by qualified name, and the name this module gives them.
_UNITTEST_DECORATORS = {
    "unittest.skip": "skip",
    "unittest.skipIf": "skipif",
    "unittest.skipUnless": "skipunless",
    "unittest.expectedFailure": "xfail",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """A skip-like mark or decorator: its kind, where it came from, and its call if called.

    ``kind`` is ``skip``, ``skipif``, ``skipunless`` or ``xfail`` (or another
    pytest mark's name); ``library`` is ``pytest`` or ``unittest``.
    """

    kind: str
    library: str
    node: ast.expr
    call: ast.Call | None


def as_mark(node: ast.expr, aliases: Mapping[str, str]) -> Mark | None:
    """The mark ``node`` is (``pytest.mark.skip``, ``unittest.skip("why")``), or ``None``."""
    call = node if isinstance(node, ast.Call) else None
    target = call.func if call is not None else node
    name = qualified_name(target, aliases)
    if name is None:
        return None
    if name.startswith(_PYTEST_MARK) and name.count(".") == 2:
        return Mark(name[len(_PYTEST_MARK) :], "pytest", node, call)
    kind = _UNITTEST_DECORATORS.get(name)
    if kind is not None:
        return Mark(kind, "unittest", node, call)
    return None


def decorator_marks(decorators: list[ast.expr], aliases: Mapping[str, str]) -> list[Mark]:
    """The marks among a definition's decorators."""
    marks = (as_mark(decorator, aliases) for decorator in decorators)
    return [mark for mark in marks if mark is not None]


def is_unconditional_skip(mark: Mark) -> bool:
    """Whether the mark always skips (``skip``), so the test never runs at all."""
    return mark.kind == "skip"


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    """The value of keyword argument ``name`` in ``call``, if given."""
    for argument in call.keywords:
        if argument.arg == name:
            return argument.value
    return None


def is_blank_text(node: ast.expr) -> bool:
    """Whether ``node`` is a string literal with nothing but spaces in it."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and not node.value.strip()


def pytestmark_values(body: list[ast.stmt]) -> list[ast.expr]:
    """The marks a module or class body applies to all its tests (``pytestmark = ...``)."""
    found: list[ast.expr] = []
    for node in body:
        value = None
        if (
            isinstance(node, ast.Assign)
            and any(
                isinstance(target, ast.Name) and target.id == "pytestmark"
                for target in node.targets
            )
        ) or (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "pytestmark"
        ):
            value = node.value
        if isinstance(value, (ast.List, ast.Tuple)):
            found.extend(value.elts)
        elif value is not None:
            found.append(value)
    return found

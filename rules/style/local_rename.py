"""Renaming a name that only one function can see: its locals, a private function's parameters.

The function is analysed on its own (wrapped in a module of one statement,
keeping its nodes) with LibCST's scope analysis, and only when a report
needs a fix. A rename is offered only where it is sure to mean the same:
every binding and use of the name in the function's scope is a plain name
(nested functions that read it, or declare it ``nonlocal``, included), the
new name appears nowhere in the function and is neither a keyword nor a
builtin, and the function cannot reach its names by text (``locals()``,
``vars()``, ``eval``, ``exec``, a string annotation naming it, ``global``).
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from standards_lint.rule import Replace

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst

_TEXT_ACCESS = frozenset({"locals", "vars", "eval", "exec", "globals"})
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def to_snake_case(name: str) -> str:
    """``total_amount`` for ``totalAmount``, ``http_server`` for ``HTTPServer``."""
    core = name.lstrip("_")
    lead = name[: len(name) - len(core)]
    words = _WORD_BOUNDARY.sub("_", core).lower()
    return lead + re.sub("_+", "_", words)


def _descendants(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.children)


def _blocks_renames(function: cst.FunctionDef, old: str, new: str) -> bool:
    """Whether something in ``function`` makes renaming ``old`` to ``new`` unsafe."""
    for node in _descendants(function):
        if isinstance(node, cst.Name) and (node.value == new or node.value in _TEXT_ACCESS):
            return True
        if isinstance(node, cst.Global) and any(item.name.value == old for item in node.names):
            return True
        if isinstance(node, cst.Annotation) and any(
            isinstance(inner, cst.SimpleString) and re.search(rf"\b{re.escape(old)}\b", inner.value)
            for inner in _descendants(node)
        ):
            return True
    return False


def _nonlocal_names(function: cst.FunctionDef, old: str) -> Iterator[cst.Name]:
    """The ``old`` of every ``nonlocal old`` in the functions nested in ``function``."""
    for node in _descendants(function.body):
        if isinstance(node, cst.Nonlocal):
            yield from (item.name for item in node.names if item.name.value == old)


def _occurrences(function: cst.FunctionDef, name: cst.Name) -> list[cst.Name] | None:
    """Every node that binds or reads ``name``'s variable in ``function``, or None if unsure."""
    from libcst.metadata import MetadataWrapper, ScopeProvider  # noqa: PLC0415 - only to fix

    wrapper = MetadataWrapper(cst.Module(body=[function]), unsafe_skip_copy=True)
    scopes = wrapper.resolve(ScopeProvider)
    scope = scopes.get(name)
    if not isinstance(scope, cst.metadata.FunctionScope):
        return None
    found: list[cst.Name] = []
    for assignment in scope.assignments[name.value]:
        if not isinstance(assignment, cst.metadata.Assignment):
            return None
        bound = assignment.node
        if isinstance(bound, cst.Param):
            bound = bound.name
        if not isinstance(bound, cst.Name):
            return None
        found.append(bound)
        for access in assignment.references:
            if not isinstance(access.node, cst.Name):
                return None
            found.append(access.node)
    if not any(node is name for node in found):
        return None
    return found


def rename_changes(function: cst.FunctionDef, name: cst.Name, new: str) -> list[Replace] | None:
    """The changes that rename ``name``'s variable to ``new`` throughout ``function``, or None.

    None when the rename might change what the code does (see the module's docstring).
    """
    old = name.value
    if new == old or not new.isidentifier() or keyword.iskeyword(new) or hasattr(builtins, new):
        return None
    if _blocks_renames(function, old, new):
        return None
    occurrences = _occurrences(function, name)
    if occurrences is None:
        return None
    occurrences.extend(_nonlocal_names(function, old))
    unique = {id(node): node for node in occurrences}
    return [Replace(node, node.with_changes(value=new)) for node in unique.values()]

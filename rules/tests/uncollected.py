"""Definitions in a test module that pytest does not collect, and whether they look like tests.

A function or class that pytest skips over is only a concern when nothing
else uses it: a helper is called, a mixin is inherited from, a fixture is
requested. So only definitions that the module never refers to (by name, as
an attribute, or in a string) and that carry no decorator but marks are
candidates.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from standards_lint.rules.tests.collection import (
    ClassKind,
    CollectedModule,
    disabled_by_dunder_test,
    functions_of,
    matches_prefix_or_glob,
)
from standards_lint.rules.tests.marks import as_mark
from standards_lint.syntax import FunctionNode

#: What people put before a test's name to stop it running: underscores, or a word.
_DISABLING_PREFIX = re.compile(
    r"^(?:_+|(?:x|skip|skipped|disabled?|ignored?|todo|broken|off|dont|no|old)_*)", re.IGNORECASE
)
#: "tst", a test's name with a letter missing.
_TYPO_PREFIX = re.compile(r"^_*tst(?:_|[A-Z0-9]|$)")


@dataclass(frozen=True, slots=True)
class Uncollected:
    """A function or class of a test module that pytest does not collect.

    ``owner`` is the test class a method belongs to (``None`` at module level);
    ``owner_kind`` how that class is collected.
    """

    node: FunctionNode | ast.ClassDef
    owner: ast.ClassDef | None
    owner_kind: ClassKind | None

    @property
    def label(self) -> str:
        """``Class.method`` or ``function``, as the report names it."""
        return f"{self.owner.name}.{self.node.name}" if self.owner else self.node.name


def looks_disabled(name: str, patterns: tuple[str, ...]) -> bool:
    """Whether ``name`` is a collected name with a disabling prefix (``_test_x``, ``xtest_x``).

    Also catches the capitalised and misspelt forms (``Test_x`` and ``tst_x``
    for functions named ``test*``).
    """
    if _TYPO_PREFIX.match(name):
        return True
    stripped = _DISABLING_PREFIX.sub("", name, count=1)
    for rest in {stripped, name}:
        for candidate in (rest, rest[:1].lower() + rest[1:], rest[:1].upper() + rest[1:]):
            if candidate != name and matches_prefix_or_glob(candidate, patterns):
                return True
    return False


def _only_marks(node: FunctionNode | ast.ClassDef, aliases: Mapping[str, str]) -> bool:
    """Whether the definition's decorators are all marks (a decorated helper is in use)."""
    return all(as_mark(decorator, aliases) is not None for decorator in node.decorator_list)


def uncollected_definitions(
    module: CollectedModule, references: Mapping[str, int]
) -> Iterator[Uncollected]:
    """The module's unused, undecorated definitions that pytest does not collect.

    Module-level functions and classes, and the methods of the classes whose
    tests pytest runs. Names starting with ``pytest_`` are hooks, and dunder
    names belong to Python: neither is a candidate.
    """
    for node in module.tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if not module.is_test_function_name(node.name, None):
                yield from _candidate(node, None, None, module, references)
        elif isinstance(node, ast.ClassDef):
            kind = module.test_classes.get(node.name)
            if kind is None:
                yield from _candidate(node, None, None, module, references)
                continue
            for method in functions_of(node.body):
                if not module.is_test_function_name(method.name, kind):
                    yield from _candidate(method, node, kind, module, references)


def _candidate(
    node: FunctionNode | ast.ClassDef,
    owner: ast.ClassDef | None,
    owner_kind: ClassKind | None,
    module: CollectedModule,
    references: Mapping[str, int],
) -> Iterator[Uncollected]:
    name = node.name
    if name.startswith("pytest_") or (name.startswith("__") and name.endswith("__")):
        return
    if references.get(name, 0) or not _only_marks(node, module.aliases):
        return
    if isinstance(node, ast.ClassDef) and disabled_by_dunder_test(node.body):
        return  # opted out of collection on purpose
    yield Uncollected(node, owner, owner_kind)


def methods_run_as_tests(node: ast.ClassDef, module: CollectedModule) -> list[str]:
    """The methods of a class that pytest would run if it collected the class."""
    kind: ClassKind = "unittest" if module.is_unittest_case(node) else "pytest"
    return [
        method.name
        for method in functions_of(node.body)
        if module.is_test_function_name(method.name, kind)
    ]

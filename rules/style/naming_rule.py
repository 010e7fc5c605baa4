"""The base classes of the naming rules: check a name against a naming option."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from standards_lint.model import FixSafety
from standards_lint.rule import ProposedFix, Rule
from standards_lint.rules.style.definitions import is_stub
from standards_lint.rules.style.local_rename import rename_changes, to_snake_case
from standards_lint.rules.style.naming_styles import (
    NameSpec,
    describe_spec,
    ignored_names_test,
    is_exempt,
    name_test,
)
from standards_lint.rules.style.options import StyleOptions

if TYPE_CHECKING:
    import libcst as cst

FUNCTION_SCOPE = "function"
CLASS_SCOPE = "class"


def naming_problem(name: str, spec: NameSpec, options: StyleOptions) -> str | None:
    """Why ``name`` breaks ``spec`` (``"should be snake_case"``), or None when it is fine."""
    if is_exempt(name) or name_test(spec)(name):
        return None
    if ignored_names_test(options.naming_ignore_names)(name):
        return None
    return f"should be {describe_spec(spec)}"


def rename_fix(
    function: cst.FunctionDef | None, name: cst.Name, spec: NameSpec, options: StyleOptions
) -> ProposedFix | None:
    """Rename ``name`` to snake_case throughout ``function``, when ``spec`` accepts snake_case.

    Unsafe: the name may be meant for a reader elsewhere (a debugger, a
    traceback's locals, a keyword caller of a private function).
    """
    specs = (spec,) if isinstance(spec, str) else spec
    if function is None or "snake_case" not in specs:
        return None
    new = to_snake_case(name.value)
    if naming_problem(new, spec, options) is not None:
        return None
    changes = rename_changes(function, name, new)
    if changes is None:
        return None
    return ProposedFix(f"Rename '{name.value}' to '{new}'", changes, FixSafety.UNSAFE)


class NamingRule(Rule[StyleOptions]):
    """What the naming rules share: check one name node against one naming option.

    Stubs (``.pyi``) are skipped: their names are the runtime module's.
    """

    #: What the reported names are, for messages ("class name").
    kind: ClassVar[str] = "name"

    def start_file(self) -> None:
        """Note whether the file is a stub, whose names are not its own."""
        self.in_stub = is_stub(self.source.path)

    def check_name(
        self,
        node: cst.Name,
        spec: NameSpec,
        hint: str = "",
        *,
        rename_in: cst.FunctionDef | None = None,
    ) -> None:
        """Report ``node`` if its name breaks ``spec``, with ``hint`` after the problem.

        ``rename_in`` is the function that alone sees the name, for a fix that renames it.
        """
        if self.in_stub:
            return
        problem = naming_problem(node.value, spec, self.options)
        if problem is not None:
            fix = rename_fix(rename_in, node, spec, self.options)
            self.report(node, f"{self.kind} '{node.value}' {problem}{hint}", fix=fix)


class ScopedNamingRule(NamingRule):
    """A naming rule that knows whether the walk is in a function, a class or the module.

    ``scopes`` holds, innermost last, ``(kind, names)`` for each enclosing
    function or class: ``names`` collects what a function declares ``global``
    or ``nonlocal``, which it binds in another scope.
    """

    def start_file(self) -> None:
        """Start at module level."""
        super().start_file()
        self.scopes: list[tuple[str, set[str]]] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Enter a function scope."""
        self.scopes.append((FUNCTION_SCOPE, set()))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Leave a function scope."""
        self.scopes.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        """Enter a lambda, a function scope."""
        self.scopes.append((FUNCTION_SCOPE, set()))

    def leave_Lambda(self, node: cst.Lambda) -> None:
        """Leave a lambda."""
        self.scopes.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        """Enter a class body."""
        self.scopes.append((CLASS_SCOPE, set()))

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        """Leave a class body."""
        self.scopes.pop()

    def check_binding(
        self,
        names: Iterable[cst.Name],
        spec: NameSpec,
        *,
        value_may_be_class: bool,
        rename_in: cst.FunctionDef | None = None,
    ) -> None:
        """Report each name that breaks ``spec`` (or, for a possible class, naming-classes).

        ``rename_in`` is as for :meth:`NamingRule.check_name`.
        """
        if self.in_stub:
            return
        options = self.options
        allow_class = value_may_be_class and options.naming_allow_class_aliases
        for name in names:
            problem = naming_problem(name.value, spec, options)
            if problem is None:
                continue
            if allow_class and naming_problem(name.value, options.naming_classes, options) is None:
                continue
            fix = rename_fix(rename_in, name, spec, options)
            self.report(name, f"{self.kind} '{name.value}' {problem}", fix=fix)

"""STY007 and STY008: names bound by assignment, in functions and at module level.

Both rules follow the scopes as the walk enters and leaves functions, lambdas
and classes, so that each assignment is judged by where it binds its name.
Class attributes are left alone (enum members, framework settings such as
Django's ``Meta`` and unittest's ``maxDiff`` have conventions of their own),
except names annotated ``Final``, which are constants by declaration.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from standards_lint.rule import Invalid, Valid
from standards_lint.rules.style.definitions import bound_names, dotted_name, last_name
from standards_lint.rules.style.naming_rule import (
    CLASS_SCOPE,
    FUNCTION_SCOPE,
    ScopedNamingRule,
    naming_problem,
)

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_import import libcst as cst

#: Calls whose result must be bound to the name they are given as a string,
#: so the name follows typing's conventions (``T_co``), not ours.
_NAMED_BY_ARGUMENT = frozenset({"TypeVar", "ParamSpec", "TypeVarTuple", "NewType"})


def may_be_class(value: cst.BaseExpression | None) -> bool:
    """Whether ``value`` might be a class, which a class-style name would then describe.

    Calls, names, attributes, subscripts (``dict[str, int]``), ``|`` unions and
    the literal ``None`` (a placeholder for an optional import) may be;
    ``True``, ``False``, other literals, displays, comprehensions, lambdas and
    arithmetic are not. A value not known here (``value`` is None, as for a
    ``for`` target or an annotation without a value) may be.
    """
    if value is None:
        return True
    if isinstance(value, cst.Name):
        return value.value not in ("True", "False")
    if isinstance(value, cst.BinaryOperation):
        return isinstance(value.operator, cst.BitOr)
    return isinstance(value, (cst.Call, cst.Attribute, cst.Subscript))


def annotation_name(node: cst.AnnAssign) -> str | None:
    """The annotation's last name, without subscript (``Final`` for ``typing.Final[int]``)."""
    annotation = node.annotation.annotation
    if isinstance(annotation, cst.Subscript):
        annotation = annotation.value
    return last_name(annotation)


def keeps_attribute_name(target: cst.BaseExpression, value: cst.BaseExpression) -> bool:
    """Whether ``name = owner.name`` gives a local name to an attribute, keeping its name.

    The name was chosen by the owner (``getLogger = logging.getLogger``,
    ``PyObject_GetBuffer = pythonapi.PyObject_GetBuffer``), not by this code.
    """
    return (
        isinstance(target, cst.Name)
        and isinstance(value, cst.Attribute)
        and value.attr.value == target.value
    )


def is_named_by_argument(value: cst.BaseExpression | None) -> bool:
    """Whether ``value`` is a call such as ``TypeVar("T_co")`` that dictates its name."""
    if not isinstance(value, cst.Call):
        return False
    called = dotted_name(value.func)
    return called is not None and called.rpartition(".")[2] in _NAMED_BY_ARGUMENT


class VariableName(ScopedNamingRule):
    """Reports names bound in function bodies that break ``naming-variables``."""

    code = "STY007"
    name = "variable-name"
    area = "style"
    kind = "variable name"
    summary = "A variable in a function breaks naming-variables (snake_case by default)."
    rationale = (
        "PEP 8 names local variables in snake_case; a camelCase or UPPER_CASE local"
        " reads like it came from another language or like a module constant. Every"
        " binding in a function counts: assignments, for and with targets, `except"
        " ... as`, and walrus targets. A class-style name is accepted for a value"
        " that may be a class (`Model = apps.get_model(...)`) while"
        " naming-allow-class-aliases is true; names declared `global` or `nonlocal`"
        " belong to another scope and are not checked here."
    )
    options_used = (
        "naming-variables",
        "naming-allow-class-aliases",
        "naming-classes",
        "naming-ignore-names",
    )
    valid = (
        Valid("def f(rows):\n    total_amount = 0\n    for row in rows:\n        pass\n"),
        Valid("def f():\n    Model = apps.get_model('shop', 'Order')\n"),
        Valid("def f():\n    global CACHE\n    CACHE = {}\n"),
        Valid("def f():\n    _, __ = pair()\n    first, *_rest = items\n"),
        Valid("MAX_SIZE = 10\nclass A:\n    Red = 1\n"),
        Valid("def f():\n    totalAmount = 0\n", options={"naming-variables": "camelCase"}),
    )
    invalid = (
        Invalid("def f():\n    totalAmount = 0\n", line=2, message="variable name 'totalAmount'"),
        Invalid("def f():\n    MAX_SIZE = 10\n", line=2, message="should be snake_case"),
        Invalid("def f(rows):\n    for rowIndex, row in enumerate(rows):\n        pass\n", line=2),
        Invalid("def f():\n    with open(p) as inFile:\n        pass\n", line=2),
        Invalid(
            "def f():\n    try:\n        pass\n    except OSError as Error:\n        pass\n", line=4
        ),
        Invalid("def f():\n    if (matchCount := count()) > 1:\n        pass\n", line=2),
        Invalid(
            "def f():\n    Model = apps.get_model('shop', 'Order')\n",
            line=2,
            options={"naming-allow-class-aliases": False},
        ),
        Invalid("def f():\n    Limit = 10\n", line=2),
    )

    def _in_function(self) -> set[str] | None:
        """The names the innermost function binds elsewhere, or None outside functions."""
        scopes = self.scopes
        if not scopes or scopes[-1][0] != FUNCTION_SCOPE:
            return None
        return scopes[-1][1]

    def _check(self, target: cst.BaseExpression, *, value_may_be_class: bool) -> None:
        """Check the names ``target`` binds, if the walk is in a function."""
        elsewhere = self._in_function()
        if elsewhere is None:
            return
        names = bound_names(target)
        if elsewhere:
            names = (name for name in names if name.value not in elsewhere)
        self.check_binding(
            names, self.options.naming_variables, value_may_be_class=value_may_be_class
        )

    def _declare_elsewhere(self, names: Iterable[cst.NameItem]) -> None:
        """Note ``names`` as bound in another scope by the innermost function."""
        elsewhere = self._in_function()
        if elsewhere is not None:
            elsewhere.update(item.name.value for item in names)

    def visit_Global(self, node: cst.Global) -> None:
        """Note names this function binds at module level."""
        self._declare_elsewhere(node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        """Note names this function binds in an enclosing function."""
        self._declare_elsewhere(node.names)

    def visit_Assign(self, node: cst.Assign) -> None:
        """Check every name the assignment binds."""
        if self._in_function() is None or is_named_by_argument(node.value):
            return
        value_may_be_class = may_be_class(node.value)
        for target in node.targets:
            if keeps_attribute_name(target.target, node.value):
                continue
            unpacked = not isinstance(target.target, cst.Name)
            self._check(target.target, value_may_be_class=unpacked or value_may_be_class)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        """Check the annotated name."""
        if annotation_name(node) == "TypeAlias":
            return
        self._check(node.target, value_may_be_class=may_be_class(node.value))

    def visit_For(self, node: cst.For) -> None:
        """Check the loop's targets; what they will hold is unknown."""
        self._check(node.target, value_may_be_class=True)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        """Check the ``as`` target; what it will hold is unknown."""
        if node.asname is not None:
            self._check(node.asname.name, value_may_be_class=True)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        """Check the walrus target."""
        self._check(node.target, value_may_be_class=may_be_class(node.value))

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        """Check the ``as`` name, which always holds an exception instance."""
        if node.name is not None:
            self._check(node.name.name, value_may_be_class=False)


class ConstantName(ScopedNamingRule):
    """Reports module-level names breaking ``naming-constants``, Final names ``naming-final``."""

    code = "STY008"
    name = "constant-name"
    area = "style"
    kind = "module-level name"
    summary = "A module-level name breaks naming-constants, or a Final name breaks naming-final."
    rationale = (
        "PEP 8 writes constants in UPPER_CASE so a reader knows a value will not"
        " change. At module level a name may be a constant or an ordinary module"
        " variable (a logger, a registry), so by default both UPPER_CASE and"
        " snake_case are accepted there, and a class-style name is accepted for"
        " what may be a class or a type alias (`JsonDict = dict[str, Any]`). A"
        " name annotated `Final` declares a constant, so it must follow naming-final"
        " (UPPER_CASE), at module level or in a class. Names made by TypeVar,"
        " ParamSpec, TypeVarTuple and NewType follow typing's conventions and are"
        " not checked, nor is `name = owner.name`, which keeps a name chosen elsewhere."
    )
    options_used = (
        "naming-constants",
        "naming-final",
        "naming-allow-class-aliases",
        "naming-classes",
        "naming-ignore-names",
    )
    valid = (
        Valid("MAX_RETRIES = 3\nlogger = logging.getLogger(__name__)\n__all__ = ['f']\n"),
        Valid("JsonDict = dict[str, Any]\nNumber = int | float\nPath = pathlib.Path\n"),
        Valid("T_co = TypeVar('T_co', covariant=True)\nUserId = NewType('UserId', int)\n"),
        Valid("from typing import Final\n\nTIMEOUT: Final = 30\nclass A:\n    LIMIT: Final = 3\n"),
        Valid("try:\n    import yaml\nexcept ImportError:\n    Loader = None\n"),
        Valid("def f():\n    maxSize = 3\n"),
        Valid("getLogger = logging.getLogger\n"),
        Valid(
            "class Error:\n    message: Final[str]\n\n"
            "    def __init__(self, message):\n        self.message = message\n"
        ),
        Valid("maxSize = 3\n", options={"naming-constants": ["UPPER_CASE", "camelCase"]}),
    )
    invalid = (
        Invalid("maxRetries = 3\n", line=1, message="should be UPPER_CASE or snake_case"),
        Invalid("if DEBUG:\n    logLevel = 'debug'\n", line=2),
        Invalid("timeout: Final = 30\n", line=1, message="Final name 'timeout'"),
        Invalid("class A:\n    limit: typing.Final[int] = 3\n", line=2, message="UPPER_CASE"),
        Invalid("DefaultTimeout = 30\n", line=1),
        Invalid(
            "retry_count = 3\n",
            line=1,
            message="should be UPPER_CASE",
            options={"naming-constants": "UPPER_CASE"},
        ),
    )

    def visit_Assign(self, node: cst.Assign) -> None:
        """Check every name a module-level assignment binds."""
        if self.scopes or is_named_by_argument(node.value):
            return
        value_may_be_class = may_be_class(node.value)
        for target in node.targets:
            if keeps_attribute_name(target.target, node.value):
                continue
            unpacked = not isinstance(target.target, cst.Name)
            self.check_binding(
                bound_names(target.target),
                self.options.naming_constants,
                value_may_be_class=unpacked or value_may_be_class,
            )

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        """Check a Final name at module or class level, or any annotated module-level name.

        A Final declared without a value in a class body is an instance
        attribute that ``__init__`` sets once, not a constant.
        """
        if self.in_stub:
            return
        scopes = self.scopes
        at_module = not scopes
        if not at_module and (scopes[-1][0] != CLASS_SCOPE or node.value is None):
            return
        annotation = annotation_name(node)
        target = node.target
        if annotation == "Final":
            if isinstance(target, cst.Name):
                problem = naming_problem(target.value, self.options.naming_final, self.options)
                if problem is not None:
                    self.report(target, f"Final name '{target.value}' {problem}")
        elif at_module and not is_named_by_argument(node.value):
            self.check_binding(
                bound_names(target),
                self.options.naming_constants,
                value_may_be_class=annotation == "TypeAlias" or may_be_class(node.value),
            )

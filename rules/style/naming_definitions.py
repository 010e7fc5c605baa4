"""STY002-STY006: names of modules, classes, functions, methods and arguments.

Names chosen elsewhere are never reported: dunder names and ``_``, names
matching ``naming-ignore-names`` (a framework's ``visit_Name`` or ``setUp``),
and methods marked with one of ``override-decorators`` together with their
parameters, since a base class chose them. ``@overload`` signatures are
skipped: their implementation carries the same names and is checked once.
Stubs (``.pyi``) are skipped too: their names are the runtime module's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from standards_lint.model import FixSafety
from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.style.definitions import (
    enclosing_scope,
    is_overload,
    is_override,
    is_stub,
    last_name,
    parameters,
)
from standards_lint.rules.style.naming_rule import NamingRule, naming_problem
from standards_lint.rules.style.naming_styles import (
    describe_spec,
    is_exempt,
    uses_named_styles_only,
)
from standards_lint.rules.style.options import StyleOptions

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst

_IGNORE_NAMES = "naming-ignore-names"
_WORD = re.compile(r"\w+")


class ModuleName(Rule[StyleOptions]):
    """Reports module file names, and package folder names, that break ``naming-modules``."""

    code = "STY002"
    name = "module-name"
    area = "style"
    summary = "A module's file name (or a package's folder name) breaks naming-modules."
    rationale = (
        "A module's file name is the name every import spells. PEP 8 asks for"
        " short lower-case names, with underscores if they help. A hyphen, a dot or"
        " a space makes a module impossible to import, and a capital makes it look"
        " like a class and invites case mismatches that fail only on case-sensitive"
        " file systems. For a package's `__init__.py` the folder name is checked too,"
        " since it is the package's name."
    )
    options_used = ("naming-modules", _IGNORE_NAMES)
    valid = (
        Valid("x = 1\n", path="payment_service.py"),
        Valid("x = 1\n", path="billing/__init__.py"),
        Valid("x = 1\n", path="migrations/0001_initial.py"),
        Valid("x = 1\n", path="Billing.py", options={"naming-modules": "PascalCase"}),
    )
    invalid = (
        Invalid("x = 1\n", path="PaymentService.py", line=1, message="'PaymentService'"),
        Invalid("x = 1\n", path="payment-service.py", line=1, message="should be snake_case"),
        Invalid("x = 1\n", path="payment.v2.py", line=1, message="cannot be imported"),
        Invalid("x = 1\n", path="Billing/__init__.py", line=1, message="package name 'Billing'"),
        Invalid(
            "x = 1\n",
            path="payments.py",
            line=1,
            options={"naming-modules": "^[a-z]+_[a-z]+$"},
        ),
    )

    def start_file(self) -> None:
        """Check the file name, and the folder name of a package's ``__init__.py``."""
        if is_stub(self.source.path):
            return
        folder, _, file_name = self.source.path.rpartition("/")
        stem = file_name.rsplit(".", 1)[0]
        self._check(stem, "module")
        package = folder.rpartition("/")[2]
        if stem == "__init__" and package not in ("", ".", ".."):
            self._check(package, "package")

    def _check(self, name: str, kind: str) -> None:
        """Report ``name``, a module or package name, if it breaks naming-modules."""
        spec = self.options.naming_modules
        problem = naming_problem(name, spec, self.options)
        if problem is None and uses_named_styles_only(spec) and not _WORD.fullmatch(name):
            problem = (
                "is not a Python identifier, so it cannot be imported;"
                f" it should be {describe_spec(spec)}"
            )
        if problem is not None:
            self.report_at(1, 1, f"{kind} name '{name}' {problem}")


class ClassName(NamingRule):
    """Reports class names that break ``naming-classes``."""

    code = "STY003"
    name = "class-name"
    area = "style"
    kind = "class name"
    summary = "A class name breaks naming-classes (PascalCase by default)."
    rationale = (
        "PEP 8 names classes in PascalCase (CapWords) so that, at a glance,"
        " `Invoice(...)` builds an object while `invoice(...)` calls a function."
        " One agreed style for each kind of name lets the name say what the thing"
        " is; leading underscores (private classes) are allowed."
    )
    options_used = ("naming-classes", _IGNORE_NAMES)
    valid = (
        Valid("class Invoice:\n    pass\n"),
        Valid("class _PrivateHelper:\n    pass\n"),
        Valid("class HTTPServerError(Exception):\n    pass\n"),
        Valid("class invoice:\n    pass\n", options={"naming-classes": "any"}),
    )
    invalid = (
        Invalid("class invoice:\n    pass\n", line=1, message="class name 'invoice'"),
        Invalid("class Invoice_Line:\n    pass\n", line=1, message="should be PascalCase"),
        Invalid(
            "def build():\n    class line_item:\n        pass\n",
            line=2,
        ),
        Invalid(
            "class Invoice:\n    pass\n",
            line=1,
            options={"naming-classes": "^[A-Z][a-zA-Z]*Model$"},
        ),
    )

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        """Check the class's name."""
        self.check_name(node.name, self.options.naming_classes)


class FunctionName(NamingRule):
    """Reports names of functions outside class bodies that break ``naming-functions``."""

    code = "STY004"
    name = "function-name"
    area = "style"
    kind = "function name"
    summary = "A function name breaks naming-functions (snake_case by default)."
    rationale = (
        "PEP 8 names functions in snake_case, lower case with underscores, like"
        " the standard library. A consistent style lets readers tell a function"
        " from a class by its name, and spares reviewers a debate on every pull"
        " request. Functions defined in a class body are methods (STY005)."
    )
    options_used = ("naming-functions", _IGNORE_NAMES)
    valid = (
        Valid("def parse_invoice(text):\n    pass\n"),
        Valid("def _load():\n    def inner_step():\n        pass\n"),
        Valid("async def fetch_all():\n    pass\n"),
        Valid("def parseInvoice():\n    pass\n", options={"naming-functions": "camelCase"}),
        Valid("def setUpModule():\n    pass\n"),
    )
    invalid = (
        Invalid("def parseInvoice(text):\n    pass\n", line=1, message="'parseInvoice'"),
        Invalid("def outer():\n    def InnerStep():\n        pass\n", line=2),
        Invalid(
            "def parse_invoice():\n    pass\n",
            line=1,
            message="should be camelCase",
            options={"naming-functions": "camelCase"},
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Check the name of a function that is not a method (once, not per overload)."""
        if is_overload(node):
            return
        if not isinstance(enclosing_scope(self.ancestors), cst.ClassDef):
            self.check_name(node.name, self.options.naming_functions)


class MethodName(NamingRule):
    """Reports names of functions in class bodies that break ``naming-methods``."""

    code = "STY005"
    name = "method-name"
    area = "style"
    kind = "method name"
    summary = "A method name breaks naming-methods (snake_case by default)."
    rationale = (
        "PEP 8 names methods like functions, in snake_case. Names a framework"
        " chose are not yours to change: dunder methods, overrides such as"
        " `visit_Name` or unittest's `setUp` (naming-ignore-names), and methods"
        " marked `@override` (override-decorators) are not reported."
    )
    options_used = ("naming-methods", _IGNORE_NAMES, "override-decorators")
    valid = (
        Valid("class Invoice:\n    def total_amount(self):\n        pass\n"),
        Valid("class Invoice:\n    def __init__(self):\n        pass\n"),
        Valid("class Finder(ast.NodeVisitor):\n    def visit_Name(self, node):\n        pass\n"),
        Valid("class TestInvoice(unittest.TestCase):\n    def setUp(self):\n        pass\n"),
        Valid(
            "from typing import override\n\nclass Handler(Base):\n"
            "    @override\n    def handleEvent(self, event):\n        pass\n"
        ),
    )
    invalid = (
        Invalid("class Invoice:\n    def totalAmount(self):\n        pass\n", line=2),
        Invalid(
            "class Invoice:\n    @property\n    def TotalAmount(self):\n        pass\n",
            line=3,
            message="method name 'TotalAmount'",
        ),
        Invalid(
            "class Finder(ast.NodeVisitor):\n    def visit_Name(self, node):\n        pass\n",
            line=2,
            options={"naming-ignore-names": []},
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Check the name of a method, unless it overrides an inherited one or is an overload."""
        if not isinstance(enclosing_scope(self.ancestors), cst.ClassDef) or is_overload(node):
            return
        if is_override(node, self.options.override_decorators):
            return
        self.check_name(
            node.name,
            self.options.naming_methods,
            hint="; if a base class chose the name, mark the method @override",
        )


class ArgumentName(NamingRule):
    """Reports function and lambda parameter names that break ``naming-arguments``."""

    code = "STY006"
    name = "argument-name"
    area = "style"
    kind = "argument name"
    summary = "A parameter name breaks naming-arguments (snake_case by default)."
    rationale = (
        "Parameter names are part of a function's interface: callers write them as"
        " keywords (`send(retry_count=3)`), so their style shows at every call"
        " site. PEP 8 names them like variables, in snake_case. Parameters of a"
        " method marked `@override` are the base class's choice and are skipped."
        " A parameter annotated `type[...]` holds a class, so the naming-classes"
        " style is accepted for it while naming-allow-class-aliases is true."
    )
    options_used = (
        "naming-arguments",
        "naming-allow-class-aliases",
        "naming-classes",
        _IGNORE_NAMES,
        "override-decorators",
    )
    fix_safety = (FixSafety.UNSAFE,)
    fix_summary = (
        "renames the parameter to snake_case throughout the function, only for nested functions"
        " and private module-level functions (`_name`), whose callers are in sight; unsafe, as a"
        " caller passing it by keyword must follow. Methods, public functions and lambdas get no"
        " fix, nor a rename that the function's use of the new name, locals(), vars(), eval or"
        " exec makes unsure"
    )
    valid = (
        Valid("def send(message, *, retry_count=3, **extra_headers):\n    pass\n"),
        Valid("class A:\n    def f(self, _unused, __private):\n        pass\n"),
        Valid("key = lambda item: item.name\n"),
        Valid("def build(Provider: type[Base], Fallback: typing.Type[Base] | None):\n    pass\n"),
        Valid(
            "from typing import override\n\nclass A(B):\n"
            "    @override\n    def f(self, someArg):\n        pass\n"
        ),
    )
    invalid = (
        Invalid("def send(message, retryCount=3):\n    pass\n", line=1, message="'retryCount'"),
        Invalid(
            "def send(*Args, **Options):\n    pass\n",
            reports=((1, "argument name 'Args'"), (1, "argument name 'Options'")),
        ),
        Invalid("key = lambda Item: Item.name\n", line=1),
        Invalid("def build(Provider):\n    pass\n", line=1, message="'Provider'"),
        Invalid("def build(Provider: list[type]):\n    pass\n", line=1, message="'Provider'"),
        Invalid(
            "def build(Provider: type[Base]):\n    pass\n",
            line=1,
            options={"naming-allow-class-aliases": False},
        ),
        Invalid(
            "def send(message):\n    pass\n",
            line=1,
            options={"naming-arguments": "^[a-z]{1,4}$"},
        ),
        Invalid(
            "def _send(message, retryCount=3, *Args):\n    return retryCount, Args\n",
            reports=((1, "'retryCount'"), (1, "'Args'")),
            fixed="def _send(message, retry_count=3, *args):\n    return retry_count, args\n",
        ),
        Invalid(
            "def outer():\n    def inner(userId):\n        return lambda: userId\n"
            "    return inner\n",
            line=2,
            fixed="def outer():\n    def inner(user_id):\n        return lambda: user_id\n"
            "    return inner\n",
        ),
        Invalid("class A:\n    def _f(self, someArg):\n        return someArg\n", line=2),
        Invalid("def patch():\n    def init(self, someArg=None):\n        pass\n", line=2),
        Invalid("def _f(someArg, some_arg):\n    pass\n", line=1),
        Invalid("def _f(Type):\n    return Type\n", line=1),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Check each parameter, unless the method overrides an inherited one or is an overload."""
        if not is_overload(node) and not is_override(node, self.options.override_decorators):
            self._check_parameters(node.params, node if self._renames_stay_inside(node) else None)

    def _renames_stay_inside(self, node: cst.FunctionDef) -> bool:
        """Whether no caller can see the parameters' names: a nested or private function.

        A method is never one: an override, or a caller passing keywords,
        would see the rename.
        """
        scope = enclosing_scope(self.ancestors)
        if isinstance(scope, cst.FunctionDef):
            # A nested function taking self is made a method elsewhere (patched in).
            first = next(parameters(node.params), None)
            return first is None or first.name.value not in ("self", "cls")
        name = node.name.value
        return scope is None and name.startswith("_") and not is_exempt(name)

    def visit_Lambda(self, node: cst.Lambda) -> None:
        """Check each parameter of the lambda."""
        self._check_parameters(node.params, None)

    def _check_parameters(self, params: cst.Parameters, function: cst.FunctionDef | None) -> None:
        """Check the name of every parameter, ``*args`` and ``**kwargs`` included."""
        options = self.options
        spec = options.naming_arguments
        for param in parameters(params):
            holds_class = param.annotation is not None and _is_class_type(
                param.annotation.annotation
            )
            if (
                holds_class
                and options.naming_allow_class_aliases
                and naming_problem(param.name.value, options.naming_classes, options) is None
            ):
                continue
            self.check_name(param.name, spec, rename_in=function)


def _is_class_type(annotation: cst.BaseExpression) -> bool:
    """Whether ``annotation`` says the value is a class: ``type[X]``, ``typing.Type[X]``.

    A ``|`` union holding one (``type[X] | None``) says so too.
    """
    if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
        return _is_class_type(annotation.left) or _is_class_type(annotation.right)
    if not isinstance(annotation, cst.Subscript):
        return False
    return last_name(annotation.value) in ("type", "Type")

"""STY007 and STY008: names bound by assignment, in functions and at module level.

Both rules follow the scopes as the walk enters and leaves functions, lambdas
and classes, so that each assignment is judged by where it binds its name.
Class attributes are left alone (enum members, framework settings such as
Django's ``Meta`` and unittest's ``maxDiff`` have conventions of their own),
except names annotated ``Final``, which are constants by declaration.

Both also note what the imports of each scope bind. A name an import bound in
the same scope belongs to the imported module, so rebinding it is not judged:
the fallback of an optional import (``except ImportError: cProfile = None``)
keeps the module's name. The imports also say what an annotation stands for
(``from typing import TypeAlias as _TypeAlias``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from standards_lint.model import FixSafety
from standards_lint.rule import Invalid, Valid
from standards_lint.rules.style.definitions import bound_names, dotted_name, enclosing_scope
from standards_lint.rules.style.imported_names import ImportedNames
from standards_lint.rules.style.naming_rule import (
    CLASS_SCOPE,
    FUNCTION_SCOPE,
    ScopedNamingRule,
    naming_problem,
)
from standards_lint.rules.style.naming_styles import NameSpec

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst

#: Calls whose result must be bound to the name they are given as a string,
#: so the name follows typing's conventions (``T_co``), not ours.
_NAMED_BY_ARGUMENT = frozenset({"TypeVar", "ParamSpec", "TypeVarTuple", "NewType"})


def may_be_class(value: cst.BaseExpression | None) -> bool:
    """Whether ``value`` might be a class, which a class-style name would then describe.

    Calls, names, attributes, subscripts (``dict[str, int]``), ``|`` unions,
    tuples of class references (``(int, float)``, what ``isinstance`` takes
    before ``int | float``) and the literal ``None`` (a placeholder for an
    optional import) may be; ``True``, ``False``, other literals, other
    displays, comprehensions, lambdas and arithmetic are not. A value not
    known here (``value`` is None, as for a ``for`` target or an annotation
    without a value) may be.
    """
    if value is None:
        return True
    if isinstance(value, cst.Name):
        return value.value not in ("True", "False")
    if isinstance(value, cst.BinaryOperation):
        return isinstance(value.operator, cst.BitOr)
    if isinstance(value, cst.Tuple):
        return bool(value.elements) and all(
            isinstance(element, cst.Element) and _refers_to_class(element.value)
            for element in value.elements
        )
    return isinstance(value, (cst.Call, cst.Attribute, cst.Subscript))


def _refers_to_class(value: cst.BaseExpression) -> bool:
    """Whether ``value`` may name a class: a name, an attribute or a subscript (``list[int]``).

    ``True``, ``False`` and ``None`` are names that never do.
    """
    if isinstance(value, cst.Name):
        return value.value not in ("True", "False", "None")
    return isinstance(value, (cst.Attribute, cst.Subscript))


def keeps_attribute_name(target: cst.BaseExpression, value: cst.BaseExpression | None) -> bool:
    """Whether ``name = owner.name`` gives a local name to an attribute, keeping its name.

    The name was chosen by the owner (``getLogger = logging.getLogger``,
    ``PyObject_GetBuffer = pythonapi.PyObject_GetBuffer``), not by this code;
    so it is with ``getattr(owner, "name", default)``, and with a leading
    underscore added to keep the local copy private (``_OP_NO_TLSv1 =
    getattr(SSL, "OP_NO_TLSv1", 0)``).
    """
    if not isinstance(target, cst.Name):
        return False
    attribute = _attribute_read(value)
    return attribute is not None and attribute.lstrip("_") == target.value.lstrip("_")


def _attribute_read(value: cst.BaseExpression | None) -> str | None:
    """The attribute ``owner.name`` or ``getattr(owner, "name"[, default])`` reads, else None."""
    if isinstance(value, cst.Attribute):
        return value.attr.value
    if not isinstance(value, cst.Call) or not _is_name(value.func, "getattr"):
        return None
    if len(value.args) not in (2, 3) or not isinstance(value.args[1].value, cst.SimpleString):
        return None
    name = value.args[1].value.evaluated_value
    return name if isinstance(name, str) else None


def _is_name(node: cst.BaseExpression, name: str) -> bool:
    """Whether ``node`` is the plain name ``name``."""
    return isinstance(node, cst.Name) and node.value == name


def is_named_by_argument(value: cst.BaseExpression | None) -> bool:
    """Whether ``value`` is a call such as ``TypeVar("T_co")`` that dictates its name."""
    if not isinstance(value, cst.Call):
        return False
    called = dotted_name(value.func)
    return called is not None and called.rpartition(".")[2] in _NAMED_BY_ARGUMENT


class BindingNamingRule(ScopedNamingRule):
    """A scoped naming rule that also knows what each scope's imports bind.

    ``imports`` holds, innermost last, the imports seen so far in the module
    and in each enclosing function or class, in step with ``scopes``.
    """

    def start_file(self) -> None:
        """Start at module level, with no import seen."""
        super().start_file()
        self.imports: list[ImportedNames] = [ImportedNames()]

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Enter a function scope, whose imports are its own."""
        super().visit_FunctionDef(node)
        self.imports.append(ImportedNames())

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Leave a function scope."""
        super().leave_FunctionDef(node)
        self.imports.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        """Enter a lambda, a function scope."""
        super().visit_Lambda(node)
        self.imports.append(ImportedNames())

    def leave_Lambda(self, node: cst.Lambda) -> None:
        """Leave a lambda."""
        super().leave_Lambda(node)
        self.imports.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        """Enter a class body."""
        super().visit_ClassDef(node)
        self.imports.append(ImportedNames())

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        """Leave a class body."""
        super().leave_ClassDef(node)
        self.imports.pop()

    def visit_Import(self, node: cst.Import) -> None:
        """Note the names ``import`` binds in the current scope."""
        self.imports[-1].add_import(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Note the names ``from ... import`` binds in the current scope."""
        self.imports[-1].add_import_from(node)

    def not_imported(self, names: Iterable[cst.Name]) -> Iterator[cst.Name]:
        """The ``names`` that no import has bound in the current scope.

        Rebinding an imported name (``except ImportError: json = None``) keeps
        a name the imported module chose.
        """
        imported = self.imports[-1]
        return (name for name in names if name.value not in imported)

    def check_bindings(
        self, target: cst.BaseExpression, spec: NameSpec, *, value_may_be_class: bool
    ) -> None:
        """Check the names ``target`` binds, but those an import bound in this scope."""
        self.check_binding(
            self.not_imported(bound_names(target)), spec, value_may_be_class=value_may_be_class
        )

    def annotation_is(self, node: cst.AnnAssign, typing_name: str) -> bool:
        """Whether the annotation is ``typing_name`` (``Final``), under any name an import gave it.

        ``from typing import TypeAlias as _TypeAlias`` makes ``_TypeAlias`` a
        ``TypeAlias``; an annotation no import explains is judged by its last
        name (``typing.Final``, or ``Final`` from a star import).
        """
        annotation = node.annotation.annotation
        if isinstance(annotation, cst.Subscript):
            annotation = annotation.value
        dotted = dotted_name(annotation)
        if dotted is None:
            return False
        head = dotted.partition(".")[0]
        for imports in (self.imports[-1], self.imports[0]):
            if head in imports:
                qualified = imports.qualify(dotted)
                return any(name.rpartition(".")[2] == typing_name for name in qualified)
        return dotted.rpartition(".")[2] == typing_name


class VariableName(BindingNamingRule):
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
        " belong to another scope and are not checked here, nor are names that an"
        " import in the same function bound (`except ImportError: cProfile = None`)."
    )
    options_used = (
        "naming-variables",
        "naming-allow-class-aliases",
        "naming-classes",
        "naming-ignore-names",
    )
    fix_safety = (FixSafety.UNSAFE,)
    fix_summary = (
        "renames the variable to snake_case everywhere in its function (nested functions that"
        " read it or declare it nonlocal included) when naming-variables accepts snake_case;"
        " unsafe, as debuggers, tracebacks and locals() show the new name. No fix where the new"
        " name is used in the function, is a keyword or builtin, or the function uses locals(),"
        " vars(), eval, exec, `global` for it or a string annotation naming it"
    )
    valid = (
        Valid("def f(rows):\n    total_amount = 0\n    for row in rows:\n        pass\n"),
        Valid("def f():\n    Model = apps.get_model('shop', 'Order')\n"),
        Valid("def f():\n    global CACHE\n    CACHE = {}\n"),
        Valid("def f():\n    _, __ = pair()\n    first, *_rest = items\n"),
        Valid(
            "def f():\n    try:\n        import cProfile\n    except ImportError:\n"
            "        cProfile = None\n"
        ),
        Valid("MAX_SIZE = 10\nclass A:\n    Red = 1\n"),
        Valid("def f():\n    totalAmount = 0\n", options={"naming-variables": "camelCase"}),
    )
    invalid = (
        Invalid(
            "def f():\n    totalAmount = 0\n",
            line=2,
            message="variable name 'totalAmount'",
            fixed="def f():\n    total_amount = 0\n",
        ),
        Invalid(
            "def f():\n    MAX_SIZE = 10\n",
            line=2,
            message="should be snake_case",
            fixed="def f():\n    max_size = 10\n",
        ),
        Invalid(
            "def f(rows, obj):\n    for rowIndex, row in enumerate(rows):\n"
            "        obj.rowIndex = rowIndex\n    return g(rowIndex=rowIndex)\n",
            line=2,
            fixed="def f(rows, obj):\n    for row_index, row in enumerate(rows):\n"
            "        obj.rowIndex = row_index\n    return g(rowIndex=row_index)\n",
        ),
        Invalid(
            "def f():\n    with open(p) as inFile:\n        return f'{inFile}'\n",
            line=2,
            fixed="def f():\n    with open(p) as in_file:\n        return f'{in_file}'\n",
        ),
        Invalid(
            "def f():\n    try:\n        pass\n    except OSError as Error:\n        pass\n",
            line=4,
            fixed="def f():\n    try:\n        pass\n    except OSError as error:\n        pass\n",
        ),
        Invalid(
            "def f():\n    if (matchCount := count()) > 1:\n        pass\n",
            line=2,
            fixed="def f():\n    if (match_count := count()) > 1:\n        pass\n",
        ),
        Invalid(
            "def f():\n    Model = apps.get_model('shop', 'Order')\n",
            line=2,
            options={"naming-allow-class-aliases": False},
            fixed="def f():\n    model = apps.get_model('shop', 'Order')\n",
        ),
        Invalid("def f():\n    Max = 10\n    return Max\n", line=2),
        Invalid(
            "import cProfile\n\ndef f():\n    cProfile = None\n",
            line=4,
            fixed="import cProfile\n\ndef f():\n    c_profile = None\n",
        ),
        Invalid(
            "def f():\n    hitCount = 0\n    def g():\n        nonlocal hitCount\n"
            "        hitCount += 1\n    return g, lambda: hitCount\n",
            line=2,
            fixed="def f():\n    hit_count = 0\n    def g():\n        nonlocal hit_count\n"
            "        hit_count += 1\n    return g, lambda: hit_count\n",
        ),
        Invalid("def f():\n    totalAmount = 0\n    total_amount = 1\n", line=2),
        Invalid("def f():\n    totalAmount = 0\n    return locals()\n", line=2),
        Invalid("def f():\n    totalAmount = 0\n    return eval('totalAmount')\n", line=2),
        Invalid(
            "def f():\n    label: 'itemCount' = ''\n    itemCount = 0\n",
            line=3,
            message="'itemCount'",
        ),
        Invalid("def f():\n    def g():\n        global rowCount\n    rowCount = 0\n", line=4),
        Invalid(
            "def f():\n    totalAmount = 0\n",
            line=2,
            options={"naming-variables": ["snake_case", "^x$"]},
            fixed="def f():\n    total_amount = 0\n",
        ),
        Invalid(
            "def f():\n    total_amount = 0\n", line=2, options={"naming-variables": "camelCase"}
        ),
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
        names = self.not_imported(bound_names(target))
        if elsewhere:
            names = (name for name in names if name.value not in elsewhere)
        scope = enclosing_scope(self.ancestors)
        self.check_binding(
            names,
            self.options.naming_variables,
            value_may_be_class=value_may_be_class,
            rename_in=scope if isinstance(scope, cst.FunctionDef) else None,
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
        if self.annotation_is(node, "TypeAlias") or keeps_attribute_name(node.target, node.value):
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


class ConstantName(BindingNamingRule):
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
        " not checked, nor is `name = owner.name` (or `getattr(owner, 'name', default)`),"
        " which keeps a name chosen elsewhere. A name an import bound is the imported"
        " module's: the fallback of an optional import (`except ImportError:"
        " cProfile = None`) is not checked."
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
        Valid("try:\n    import cProfile\nexcept ImportError:\n    cProfile = None\n"),
        Valid("try:\n    from ssl import OP_NO_SSLv2\nexcept ImportError:\n    OP_NO_SSLv2 = 4\n"),
        Valid("try:\n    import cPickle as pickleMod\nexcept ImportError:\n    pickleMod = None\n"),
        Valid("try:\n    from lxml import cTree\nexcept ImportError:\n    cTree: Any = None\n"),
        Valid("from typing import TypeAlias as _TypeAlias\n\nBounds: _TypeAlias = 'set[int]'\n"),
        Valid("Number = (int, float)\nMaybeExpression = (ast.Name, ast.Attribute)\n"),
        Valid("_OP_NO_TLSv1 = getattr(ssl, 'OP_NO_TLSv1', 0)\n"),
        Valid("class Pytester:\n    TimeoutExpired: Final = subprocess.TimeoutExpired\n"),
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
        Invalid("try:\n    import yaml\nexcept ImportError:\n    yamlLoader = 0\n", line=4),
        Invalid("def f():\n    import cProfile\ncProfile = 0\n", line=3),
        Invalid("Origin = (0, 0)\n", line=1),
        Invalid("from typing import Final as _Final\n\ntimeout: _Final = 30\n", line=3),
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
            self.check_bindings(
                target.target,
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
        target = node.target
        if keeps_attribute_name(target, node.value):
            return
        if self.annotation_is(node, "Final"):
            if isinstance(target, cst.Name):
                problem = naming_problem(target.value, self.options.naming_final, self.options)
                if problem is not None:
                    self.report(target, f"Final name '{target.value}' {problem}")
        elif at_module and not is_named_by_argument(node.value):
            self.check_bindings(
                target,
                self.options.naming_constants,
                value_may_be_class=self.annotation_is(node, "TypeAlias")
                or may_be_class(node.value),
            )

"""STY012: parameter defaults that are mutable, and so shared by every call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from standards_lint.model import FixSafety
from standards_lint.rule import Invalid, ProposedFix, Replace, Rule, Valid
from standards_lint.rules.style.default_guard import can_guard, class_body_names, with_none_default
from standards_lint.rules.style.definitions import (
    dotted_name,
    enclosing_scope,
    is_overload,
    is_stub,
    parameters,
)
from standards_lint.rules.style.imported_names import ImportedNames, imported_module
from standards_lint.rules.style.options import StyleOptions

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst

_MUTABLE_DISPLAYS = ("List", "Dict", "Set", "ListComp", "DictComp", "SetComp")


@dataclass(frozen=True, slots=True)
class _Pending:
    """A call used as a default, kept until the file's imports say what it calls."""

    param: cst.Param
    call: cst.Call
    fix: ProposedFix | None
    statement: cst.CSTNode | None


def _message(param: cst.Param, what: str) -> str:
    """The report for ``param``, whose default is ``what`` ('a list')."""
    return (
        f"the default of '{param.name.value}' is {what}, created once and shared by every"
        " call; default to None and create it in the body"
    )


class MutableDefaultArgument(Rule[StyleOptions]):
    """Reports parameter defaults that build a list, dict, set or other mutable value."""

    code = "STY012"
    name = "mutable-default-argument"
    area = "style"
    summary = "A parameter's default is a mutable value, shared by every call."
    rationale = (
        "Python evaluates a default once, when the `def` runs, so `def add(item,"
        " into=[])` appends every call's item to the same list: the second call sees"
        " the first call's data. Default to None and build the value in the body"
        " (`into = [] if into is None else into`), or use an immutable default such"
        " as a tuple or frozenset. Displays and comprehensions of lists, dicts and"
        " sets are always reported; calls are reported when they name one of"
        " mutable-default-calls, resolved through the file's imports. Stubs (.pyi)"
        " are skipped: their defaults only describe the runtime module's."
    )
    options_used = ("mutable-default-calls",)
    fix_safety = (FixSafety.UNSAFE,)
    valid = (
        Valid("def add(item, into=None):\n    into = [] if into is None else into\n"),
        Valid("def f(names=(), flags=frozenset(), limit=10, label='x'):\n    pass\n"),
        Valid("handler = lambda event, seen=None: seen\n"),
        Valid("def f(default=list):\n    return default()\n"),
    )
    fix_summary = (
        "defaults the parameter to None and builds the value in an `if ... is None:` guard at"
        " the top of the body (after the docstring); unsafe, because a caller that passes None"
        " now gets a new value, and code that relied on the one shared default sees a new one"
        " per call. The annotation gains `| None` under `from __future__ import annotations`"
        " only, and is kept otherwise. Lambdas, overloads, and defaults that name another"
        " parameter or a name of the enclosing class body get no fix"
    )
    invalid = (
        Invalid(
            "def add(item, into=[]):\n    into.append(item)\n",
            line=1,
            message="'into'",
            fixed="def add(item, into=None):\n    if into is None:\n        into = []\n"
            "    into.append(item)\n",
        ),
        Invalid(
            "def f(*, cache={}):\n    pass\n",
            line=1,
            fixed="def f(*, cache=None):\n    if cache is None:\n        cache = {}\n    pass\n",
        ),
        Invalid(
            "class A:\n    def f(self, seen={x for x in 'ab'}):\n        pass\n",
            line=2,
            fixed="class A:\n    def f(self, seen=None):\n        if seen is None:\n"
            "            seen = {x for x in 'ab'}\n        pass\n",
        ),
        Invalid(
            "def f(options=dict(verbose=True)):\n    pass\n",
            line=1,
            message="dict()",
            fixed="def f(options=None):\n    if options is None:\n"
            "        options = dict(verbose=True)\n    pass\n",
        ),
        Invalid(
            "from collections import defaultdict as dd\n\ndef f(index=dd(list)):\n    pass\n",
            line=3,
            message="collections.defaultdict",
            fixed="from collections import defaultdict as dd\n\ndef f(index=None):\n"
            "    if index is None:\n        index = dd(list)\n    pass\n",
        ),
        Invalid("handler = lambda event, seen=[]: seen\n", line=1),
        Invalid(
            "def f(items=SortedList()):\n    pass\n",
            line=1,
            options={"mutable-default-calls": ["SortedList"]},
            fixed="def f(items=None):\n    if items is None:\n        items = SortedList()\n"
            "    pass\n",
        ),
        Invalid(
            'def f(a=[], *, b={}):\n    """Pair them."""\n    return a, b\n',
            lines=(1, 1),
            fixed='def f(a=None, *, b=None):\n    """Pair them."""\n    if a is None:\n'
            "        a = []\n    if b is None:\n        b = {}\n    return a, b\n",
        ),
        Invalid(
            "def f(x=[]): return x  # keep\n",
            line=1,
            fixed="def f(x=None):  # keep\n    if x is None:\n        x = []\n    return x\n",
        ),
        Invalid(
            "from __future__ import annotations\n\n"
            "def f(items: list[int] = [], extra: dict | None = {}):\n    pass\n",
            lines=(3, 3),
            fixed="from __future__ import annotations\n\n"
            "def f(items: list[int] | None = None, extra: dict | None = None):\n"
            "    if items is None:\n        items = []\n    if extra is None:\n"
            "        extra = {}\n    pass\n",
        ),
        Invalid(
            "def f(items: list[int] = []):\n    pass\n",
            line=1,
            fixed="def f(items: list[int] = None):\n    if items is None:\n        items = []\n"
            "    pass\n",
        ),
        Invalid(
            "class A:\n    KINDS = ('a',)\n\n    def f(self, seen=dict.fromkeys(KINDS), log=[]):\n"
            "        pass\n",
            lines=(4, 4),
            options={"mutable-default-calls": ["dict.fromkeys"]},
            fixed="class A:\n    KINDS = ('a',)\n\n    def f(self, seen=dict.fromkeys(KINDS),"
            " log=None):\n        if log is None:\n            log = []\n        pass\n",
        ),
        Invalid("def f(size, buffer=[size]):\n    pass\n", line=1),
        Invalid(
            "def outer(a=[]):\n    def inner(b={}):\n        return b\n    return a\n",
            lines=(1, 2),
            fixed="def outer(a=None):\n    if a is None:\n        a = []\n"
            "    def inner(b=None):\n        if b is None:\n            b = {}\n        return b\n"
            "    return a\n",
        ),
    )

    def start_file(self) -> None:
        """Prepare the per-file state: imports seen, and calls whose meaning they decide."""
        self._imports = ImportedNames()
        self._called: list[_Pending] = []
        self._in_stub = is_stub(self.source.path)
        self._future_annotations = False

    def visit_Import(self, node: cst.Import) -> None:
        """Remember what the imported names stand for."""
        self._imports.add_import(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Remember what the imported names stand for, and whether annotations are postponed."""
        self._imports.add_import_from(node)
        names = node.names
        if imported_module(node) == "__future__" and not isinstance(names, cst.ImportStar):
            future = {dotted_name(alias.name) for alias in names}
            self._future_annotations = self._future_annotations or "annotations" in future

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Check the defaults of the function's parameters."""
        self._check(node.params, node, node)

    def visit_Lambda(self, node: cst.Lambda) -> None:
        """Check the defaults of the lambda's parameters (a lambda has no body to build them in)."""
        self._check(node.params, None, node)

    def _check(
        self, params: cst.Parameters, function: cst.FunctionDef | None, visited: cst.CSTNode
    ) -> None:
        """Report mutable displays now; keep calls until the imports say what they call."""
        if self._in_stub:
            return
        # The module-level statement that holds the defaults (the reports'
        # positions and fixes are found by generating it alone).
        statement = self.ancestors[1] if len(self.ancestors) > 1 else visited
        for param in parameters(params):
            default = param.default
            if default is None:
                continue
            kind = type(default).__name__
            if kind in _MUTABLE_DISPLAYS:
                what = "a comprehension" if kind.endswith("Comp") else f"a {kind.lower()}"
                self.report(default, _message(param, what), fix=self._fix(function, param))
                self.reports[-1].statement = statement
            elif kind == "Call":
                assert isinstance(default, cst.Call)
                fix = self._fix(function, param)
                self._called.append(_Pending(param, default, fix, statement))

    def _fix(self, function: cst.FunctionDef | None, param: cst.Param) -> ProposedFix | None:
        """Default ``param`` to None and build its value in the body, where that means the same.

        The annotation gains ``| None`` only under ``from __future__ import
        annotations``, where it is never evaluated; elsewhere it is kept, as
        ``X | None`` fails at run time before Python 3.10.
        """
        if function is None or is_overload(function):
            return None
        assert param.default is not None
        scope = enclosing_scope(self.ancestors)
        class_names = class_body_names(scope) if isinstance(scope, cst.ClassDef) else ()
        if not can_guard(function, param.default, class_names):
            return None
        repaired = with_none_default(function, param, optional_annotation=self._future_annotations)
        return ProposedFix(
            f"Default '{param.name.value}' to None and build its value in the body",
            [Replace(function, repaired)],
            FixSafety.UNSAFE,
        )

    def end_file(self) -> None:
        """Resolve the calls through the file's imports and report those that build mutables."""
        mutable = self.options.mutable_default_calls
        for pending in self._called:
            call = pending.call
            dotted = dotted_name(call.func)
            if dotted is None:
                continue
            for qualified in self._imports.qualify(dotted):
                if qualified in mutable:
                    message = _message(pending.param, f"a new {qualified}()")
                    self.report(call, message, fix=pending.fix)
                    # The walk is over, so the report cannot find its statement itself.
                    self.reports[-1].statement = pending.statement
                    break

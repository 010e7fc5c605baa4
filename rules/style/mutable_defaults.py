"""STY012: parameter defaults that are mutable, and so shared by every call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.style.definitions import dotted_name, is_stub, parameters
from standards_lint.rules.style.imported_names import ImportedNames
from standards_lint.rules.style.options import StyleOptions

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_import import libcst as cst

_MUTABLE_DISPLAYS = ("List", "Dict", "Set", "ListComp", "DictComp", "SetComp")


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
    valid = (
        Valid("def add(item, into=None):\n    into = [] if into is None else into\n"),
        Valid("def f(names=(), flags=frozenset(), limit=10, label='x'):\n    pass\n"),
        Valid("handler = lambda event, seen=None: seen\n"),
        Valid("def f(default=list):\n    return default()\n"),
    )
    invalid = (
        Invalid("def add(item, into=[]):\n    into.append(item)\n", line=1, message="'into'"),
        Invalid("def f(*, cache={}):\n    pass\n", line=1),
        Invalid("class A:\n    def f(self, seen={x for x in 'ab'}):\n        pass\n", line=2),
        Invalid("def f(options=dict(verbose=True)):\n    pass\n", line=1, message="dict()"),
        Invalid(
            "from collections import defaultdict as dd\n\ndef f(index=dd(list)):\n    pass\n",
            line=3,
            message="collections.defaultdict",
        ),
        Invalid("handler = lambda event, seen=[]: seen\n", line=1),
        Invalid(
            "def f(items=SortedList()):\n    pass\n",
            line=1,
            options={"mutable-default-calls": ["SortedList"]},
        ),
    )

    def start_file(self) -> None:
        """Prepare the per-file state: imports seen, and calls whose meaning they decide."""
        self._imports = ImportedNames()
        self._called: list[tuple[cst.Param, cst.Call]] = []
        self._in_stub = is_stub(self.source.path)

    def visit_Import(self, node: cst.Import) -> None:
        """Remember what the imported names stand for."""
        self._imports.add_import(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Remember what the imported names stand for."""
        self._imports.add_import_from(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Check the defaults of the function's parameters."""
        self._check(node.params)

    def visit_Lambda(self, node: cst.Lambda) -> None:
        """Check the defaults of the lambda's parameters."""
        self._check(node.params)

    def _check(self, params: cst.Parameters) -> None:
        """Report mutable displays now; keep calls until the imports say what they call."""
        if self._in_stub:
            return
        for param in parameters(params):
            default = param.default
            if default is None:
                continue
            kind = type(default).__name__
            if kind in _MUTABLE_DISPLAYS:
                what = "a comprehension" if kind.endswith("Comp") else f"a {kind.lower()}"
                self.report(default, _message(param, what))
            elif kind == "Call":
                assert isinstance(default, cst.Call)
                self._called.append((param, default))

    def end_file(self) -> None:
        """Resolve the calls through the file's imports and report those that build mutables."""
        mutable = self.options.mutable_default_calls
        for param, call in self._called:
            dotted = dotted_name(call.func)
            if dotted is None:
                continue
            for qualified in self._imports.qualify(dotted):
                if qualified in mutable:
                    self.report(call, _message(param, f"a new {qualified}()"))
                    break

"""STY016: functions that take more arguments than the team's limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.style.definitions import (
    enclosing_scope,
    is_overload,
    is_override,
    is_static,
    is_stub,
)
from standards_lint.rules.style.options import StyleOptions

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst


def counted_arguments(function: cst.FunctionDef, *, is_method: bool) -> int:
    """Named parameters (positional-only, positional, keyword-only), less a method's self/cls."""
    params = function.params
    count = len(params.posonly_params) + len(params.params) + len(params.kwonly_params)
    has_positional = bool(params.posonly_params or params.params)
    if is_method and has_positional and not is_static(function):
        count -= 1
    return count


class TooManyArguments(Rule[StyleOptions]):
    """Reports functions that declare more than ``max-arguments`` parameters."""

    code = "STY016"
    name = "too-many-arguments"
    area = "style"
    summary = "A function declares more parameters than max-arguments."
    rationale = (
        "Every parameter is something each caller must know and each test must"
        " vary; past a handful, calls become hard to read and easy to get wrong,"
        " and the function is usually doing several jobs. Group parameters that"
        " travel together into an object (a dataclass of settings), or split the"
        " function. Positional, positional-only and keyword-only parameters count;"
        " *args and **kwargs do not (they pass arguments through), nor does a"
        " method's self or cls. A method marked with one of override-decorators is"
        " skipped, its signature being the base class's, and so are `@overload`"
        " signatures, whose implementation is checked, and stubs (.pyi), whose"
        " signatures are the runtime module's."
    )
    options_used = ("max-arguments", "override-decorators")
    valid = (
        Valid("def f(a, b, c, d, e):\n    pass\n"),
        Valid("class A:\n    def f(self, a, b, c, d, e):\n        pass\n"),
        Valid("def f(a, b, *args, **kwargs):\n    pass\n"),
        Valid(
            "from typing import override\n\nclass A(B):\n"
            "    @override\n    def f(self, a, b, c, d, e, g):\n        pass\n"
        ),
        Valid("def f(a, b, c):\n    pass\n", options={"max-arguments": 3}),
        Valid(
            "@overload\ndef f(a: int, b, c, d, e, g) -> int: ...\ndef f(a, b, c, d, e):\n    pass\n"
        ),
    )
    invalid = (
        Invalid("def f(a, b, c, d, e, g):\n    pass\n", line=1, message="6 arguments (6 > 5)"),
        Invalid("def f(a, /, b, *, c, d, e, g):\n    pass\n", line=1),
        Invalid(
            "class A:\n    @staticmethod\n    def f(a, b, c, d, e, g):\n        pass\n",
            line=3,
        ),
        Invalid(
            "class A:\n    def f(self, a, b, c, d):\n        pass\n",
            line=2,
            message="'f' has 4 arguments (4 > 3)",
            options={"max-arguments": 3},
        ),
    )

    def start_file(self) -> None:
        """Note whether the file is a stub, whose signatures are the runtime module's."""
        self.in_stub = is_stub(self.source.path)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Count the named parameters, leaving out self/cls of methods."""
        if self.in_stub:
            return
        params = node.params
        declared = len(params.posonly_params) + len(params.params) + len(params.kwonly_params)
        limit = self.options.max_arguments
        if declared <= limit:
            return  # the common case, decided without looking at the scope
        is_method = isinstance(enclosing_scope(self.ancestors), cst.ClassDef)
        count = counted_arguments(node, is_method=is_method)
        if count <= limit or is_overload(node):
            return
        if is_override(node, self.options.override_decorators):
            return
        self.report(
            node.name,
            f"function '{node.name.value}' has {count} arguments ({count} > {limit});"
            " group related ones into an object or split the function",
            value=count,
        )

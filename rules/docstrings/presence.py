"""DOC101-DOC105: modules, packages, classes, methods and functions without a docstring.

Each rule reports the items that docstring coverage counts and finds
undocumented, so with all five selected a project at 100% coverage has no
report, and every report is an item that lowers the figure. Which items count is
set by the interrogate-named options (``ignore-private``, ``ignore-magic``...).
"""

from __future__ import annotations

from typing import ClassVar

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.docstrings.file_items import undocumented_items
from standards_lint.rules.docstrings.items import DocItem, ItemKind
from standards_lint.rules.docstrings.options import COUNTING_OPTIONS, DocstringOptions

_DESCRIPTIONS: dict[ItemKind, str] = {
    "module": "module",
    "package": "package",
    "class": "class",
    "nested-class": "nested class",
    "method": "method",
    "function": "function",
    "nested-function": "nested function",
}
_WHY_DOCUMENT = (
    " A docstring is the one piece of documentation that travels with the code: help(),"
    " IDE hovers and generated reference pages all show it, and a reviewer reads it to"
    " learn what the code promises before reading how it keeps the promise."
)
_WHICH_COUNT = (
    " Which items count is set by the interrogate-named options (ignore-private,"
    " ignore-magic, ignore-nested-functions, ignore-regex...), the same ones that decide"
    " the docstring coverage figure (DOC201)."
)


def describe_missing(item: DocItem) -> str:
    """Say which item lacks a docstring, and whether it has none or a blank one."""
    what = _DESCRIPTIONS[item.kind]
    lack = "a blank docstring" if item.docstring_line is not None else "no docstring"
    where = " in its __init__.py" if item.kind == "package" else ""
    # A package checked from inside its own folder has a display path without one.
    return f"{what} '{item.qualified_name or '.'}' has {lack}{where}"


class _MissingDocstring(Rule[DocstringOptions]):
    """Reports the counted, undocumented items of some kinds, at their ``def`` or ``class`` line."""

    area = "docstrings"
    options_used = COUNTING_OPTIONS
    kinds: ClassVar[frozenset[ItemKind]]

    def start_file(self) -> None:
        """Find the file's undocumented items from its ``ast`` tree; no LibCST tree is needed."""
        for item in undocumented_items(self.source, self.options):
            if item.kind in self.kinds:
                self.report_at(item.line, self._column(item.line), describe_missing(item))

    def _column(self, line: int) -> int:
        """The column of the first character of ``line`` (the ``def``, ``class`` or ``async``)."""
        lines = self.source.lines
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return len(text) - len(text.lstrip()) + 1


class MissingModuleDocstring(_MissingDocstring):
    """Reports a module (not a package's ``__init__.py``) without a docstring."""

    code = "DOC101"
    name = "missing-module-docstring"
    summary = "A module has no docstring."
    rationale = (
        "A module docstring says what the module is for and what belongs in it, so the"
        " next person adding code puts it in the right place. It is the first thing"
        " `help(module)` and the generated reference show." + _WHICH_COUNT
    )
    kinds = frozenset({"module"})
    valid = (
        Valid('"""Parse the order files sent by suppliers."""\n\nimport csv\n'),
        Valid("import csv\n", options={"ignore-module": True}),
        Valid("", path="pkg/__init__.py"),
        Valid("x = 1\n", path="stubs.pyi"),
    )
    invalid = (
        Invalid("import csv\n", line=1, message="module 'example' has no docstring"),
        Invalid('"""  """\nimport csv\n', line=1, message="has a blank docstring"),
        Invalid("# A comment is not a docstring.\nx = 1\n", line=1),
        Invalid("x = 1\n", path="stubs.pyi", options={"ext": ["pyi"]}, line=1),
    )


class MissingPackageDocstring(_MissingDocstring):
    """Reports a package whose ``__init__.py`` has no docstring."""

    code = "DOC102"
    name = "missing-package-docstring"
    summary = "A package's __init__.py has no docstring."
    rationale = (
        "The package docstring is the map of a folder of modules: what the package"
        " offers, and which of its modules to look at first. Even an empty"
        " __init__.py counts, as it does for interrogate; set ignore-init-module to"
        " leave packages out." + _WHICH_COUNT
    )
    kinds = frozenset({"package"})
    valid = (
        Valid('"""Orders: reading, pricing and shipping them."""\n', path="orders/__init__.py"),
        Valid("", path="orders/__init__.py", options={"ignore-init-module": True}),
        Valid("", path="orders/__init__.py", options={"ignore-module": True}),
    )
    invalid = (
        Invalid(
            "",
            path="orders/__init__.py",
            line=1,
            message="package 'orders' has no docstring in its __init__.py",
        ),
        Invalid("from .models import Order\n", path="orders/__init__.py", line=1),
    )


class MissingClassDocstring(_MissingDocstring):
    """Reports a class, nested or not, without a docstring."""

    code = "DOC103"
    name = "missing-class-docstring"
    summary = "A class has no docstring."
    rationale = (
        "A class docstring says what one instance stands for and what stays true of it"
        " (its invariants), which its methods' names alone cannot tell. With style ="
        " 'google', a class whose __init__ has the docstring counts as documented."
        + _WHY_DOCUMENT
        + _WHICH_COUNT
    )
    kinds = frozenset({"class", "nested-class"})
    valid = (
        Valid('"""Orders."""\n\n\nclass Order:\n    """A customer\'s order."""\n'),
        Valid('"""Orders."""\n\n\nclass _Draft:\n    pass\n', options={"ignore-semiprivate": True}),
        Valid(
            '"""Orders."""\n\n\nclass Order:\n    """An order."""\n\n    class Meta:\n'
            "        ordering = 1\n",
            options={"ignore-nested-classes": True},
        ),
        Valid(
            '"""Orders."""\n\n\nclass Order:\n    def __init__(self):\n        """Make one."""\n',
            options={"style": "google"},
        ),
    )
    invalid = (
        Invalid(
            '"""Orders."""\n\n\nclass Order:\n    pass\n',
            line=4,
            message="class 'Order' has no docstring",
        ),
        Invalid(
            '"""Orders."""\n\n\nclass Order:\n    """An order."""\n\n    class Meta:\n'
            "        ordering = 1\n",
            line=7,
            message="nested class 'Order.Meta' has no docstring",
        ),
        Invalid(
            '"""Orders."""\n\n\n@dataclass\nclass Order:\n    total: int\n',
            line=5,
            message="class 'Order'",
        ),
    )


class MissingMethodDocstring(_MissingDocstring):
    """Reports a function defined in a class body without a docstring."""

    code = "DOC104"
    name = "missing-method-docstring"
    summary = "A method has no docstring."
    rationale = (
        "A method's docstring states its contract: what it expects, what it gives back,"
        " what it changes and what it raises, so callers need not read its body."
        " __init__ and magic methods count unless ignore-init-method or ignore-magic"
        " says otherwise; property getters and setters unless"
        " ignore-property-decorators or ignore-setters." + _WHY_DOCUMENT + _WHICH_COUNT
    )
    kinds = frozenset({"method"})
    valid = (
        Valid(
            '"""Orders."""\n\n\nclass Order:\n    """An order."""\n\n    def total(self):\n'
            '        """The amount to pay, in cents."""\n'
        ),
        Valid(
            '"""Orders."""\n\n\nclass Order:\n    """An order."""\n\n    def __repr__(self):\n'
            "        return 'Order()'\n",
            options={"ignore-magic": True},
        ),
        Valid(
            '"""Orders."""\n\n\nclass Order:\n    """An order."""\n\n    @total.setter\n'
            "    def total(self, value):\n        self._total = value\n",
            options={"ignore-setters": True},
        ),
        Valid(
            '"""Orders."""\n\n\nclass Order:\n    """An order."""\n\n    def test_it(self):\n'
            "        pass\n",
            options={"ignore-regex": ["test_"]},
        ),
    )
    invalid = (
        Invalid(
            '"""Orders."""\n\n\nclass Order:\n    """An order."""\n\n    def total(self):\n'
            "        return 0\n",
            line=7,
            message="method 'Order.total' has no docstring",
        ),
        Invalid(
            '"""Orders."""\n\n\nclass Order:\n    """An order."""\n\n'
            "    def __init__(self):\n        self.lines = []\n",
            line=7,
            message="method 'Order.__init__'",
        ),
        Invalid(
            '"""Orders."""\n\n\nclass Order:\n    """An order."""\n\n    @property\n'
            "    async def total(self):\n        return 0\n",
            line=8,
            message="method 'Order.total'",
            options={"ignore-setters": True},
        ),
    )


class MissingFunctionDocstring(_MissingDocstring):
    """Reports a function outside a class body, nested or not, without a docstring."""

    code = "DOC105"
    name = "missing-function-docstring"
    summary = "A function has no docstring."
    rationale = (
        "A function's docstring states its contract: what it expects, what it gives back"
        " and what it raises, so callers need not read its body. Nested functions count"
        " unless ignore-nested-functions is set." + _WHY_DOCUMENT + _WHICH_COUNT
    )
    kinds = frozenset({"function", "nested-function"})
    valid = (
        Valid('"""Prices."""\n\n\ndef price(order):\n    """Price the order, in cents."""\n'),
        Valid(
            '"""Prices."""\n\n\ndef _round(amount):\n    pass\n',
            options={"ignore-semiprivate": True},
        ),
        Valid(
            '"""Prices."""\n\n\ndef price(order):\n    """Price it."""\n\n'
            "    def line_total(line):\n"
            "        return line.amount\n",
            options={"ignore-nested-functions": True},
        ),
        Valid(
            '"""Prices."""\nfrom typing import overload\n\n\n@overload\n'
            'def price(order: int) -> int: ...\ndef price(order):\n    """Price it."""\n',
            options={"ignore-overloaded-functions": True},
        ),
    )
    invalid = (
        Invalid(
            '"""Prices."""\n\n\ndef price(order):\n    return 0\n',
            line=4,
            message="function 'price' has no docstring",
        ),
        Invalid(
            '"""Prices."""\n\n\ndef price(order):\n    """Price it."""\n\n'
            "    def line_total(line):\n"
            "        return line.amount\n",
            line=7,
            message="nested function 'price.line_total' has no docstring",
        ),
        Invalid(
            '"""Prices."""\n\n\n@cache\nasync def price(order):\n    """ """\n',
            line=5,
            message="function 'price' has a blank docstring",
        ),
        Invalid(
            '"""Prices."""\nif True:\n    def price(order):\n        return 0\n',
            line=3,
            message="function 'price'",
        ),
    )


PRESENCE_RULES = (
    MissingModuleDocstring,
    MissingPackageDocstring,
    MissingClassDocstring,
    MissingMethodDocstring,
    MissingFunctionDocstring,
)

"""STY013: ``from module import *``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.style.definitions import is_stub
from standards_lint.rules.style.imported_names import imported_module
from standards_lint.rules.style.options import StyleOptions
from standards_lint.syntax import is_package_init

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst


def is_within(module: str, packages: tuple[str, ...]) -> bool:
    """Whether ``module`` is one of ``packages`` or a submodule of one."""
    return any(module == package or module.startswith(package + ".") for package in packages)


class WildcardImport(Rule[StyleOptions]):
    """Reports ``from module import *`` outside the places the options allow."""

    code = "STY013"
    name = "wildcard-import"
    area = "style"
    summary = "`from module import *` hides which names a module uses and where they come from."
    rationale = (
        "A star import fills the namespace with names nobody wrote down: a reader"
        " cannot tell where a name comes from, linters cannot tell a typo from an"
        " import, and a new name in the other module can silently shadow one of"
        " yours. Import the names you use, or the module itself. A package's"
        " `__init__.py` re-exporting its own submodules (`from .core import *`,"
        " bounded by their `__all__`) is accepted while"
        " allow-wildcard-imports-in-init is true; allowed-wildcard-imports lists"
        " modules designed to be star-imported. Stubs (.pyi) are skipped: a star"
        " import is how a stub re-exports another module's names."
    )
    options_used = ("allow-wildcard-imports-in-init", "allowed-wildcard-imports")
    valid = (
        Valid("from os.path import join, exists\n"),
        Valid("from .core import *\n", path="package/__init__.py"),
        Valid(
            "from tkinter import *\n",
            options={"allowed-wildcard-imports": ["tkinter"]},
        ),
        Valid(
            "from tkinter.ttk import *\n",
            options={"allowed-wildcard-imports": ["tkinter"]},
        ),
    )
    invalid = (
        Invalid("import os\nfrom os.path import *\n", line=2, message="os.path"),
        Invalid("from os import *\n", line=1, path="package/__init__.py"),
        Invalid("from .core import *\n", line=1, path="package/module.py"),
        Invalid(
            "from .core import *\n",
            line=1,
            path="package/__init__.py",
            options={"allow-wildcard-imports-in-init": False},
        ),
    )

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Report a star import unless its module or file allows it."""
        if not isinstance(node.names, cst.ImportStar):
            return
        path = self.source.path
        if is_stub(path):
            return  # in a stub, a star import is how a module's names are re-exported
        module = imported_module(node)
        options = self.options
        if node.relative and options.allow_wildcard_imports_in_init and is_package_init(path):
            return
        if is_within(module, options.allowed_wildcard_imports):
            return
        self.report(
            node,
            f"`from {module} import *` hides where names come from; import the names you use",
        )

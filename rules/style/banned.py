"""STY009 and STY010: calls and imports the team has banned, each with the reason why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.style.definitions import dotted_name, enclosing_scope
from standards_lint.rules.style.imported_names import ImportedNames, imported_module
from standards_lint.rules.style.options import StyleOptions

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_import import libcst as cst

_BUILTINS = "builtins."


def _without_builtins(name: str) -> str:
    """``print`` for ``builtins.print``: a builtin is called by its bare name."""
    return name[len(_BUILTINS) :] if name.startswith(_BUILTINS) else name


def _reason(message: str) -> str:
    """The message as the end of a sentence, or nothing when the table gives none."""
    return f": {message}" if message else ""


class BannedCall(Rule[StyleOptions]):
    """Reports calls to the functions listed in ``banned-calls``, resolved through imports."""

    code = "STY009"
    name = "banned-call"
    area = "style"
    summary = "A call to a function the standards ban (by default, debugger breakpoints)."
    rationale = (
        "Some calls are fine while working and wrong in shared code: a debugger"
        " breakpoint stops a server or a CI job dead, a print bypasses the logging"
        " configuration. Banning them by name, with the reason, catches the slip in"
        " review's place and tells the author what to do instead. Names are resolved"
        " through the file's imports, so `import pdb as p; p.set_trace()` and"
        " `from pdb import set_trace` are caught like `pdb.set_trace()`."
    )
    options_used = ("banned-calls",)
    valid = (
        Valid("import logging\nlogging.info('started')\n"),
        Valid("def set_trace():\n    pass\n\nset_trace()\n"),
        Valid("def breakpoint():\n    pass\n\nbreakpoint()\n"),
        Valid("print('hello')\n"),
        Valid(
            "from mylib import print\nprint('styled')\n",
            options={"banned-calls": {"print": "use logging"}},
        ),
        Valid("self.print('page')\n", options={"banned-calls": {"print": "use logging"}}),
    )
    invalid = (
        Invalid("def f():\n    breakpoint()\n", line=2, message="breakpoint"),
        Invalid("import pdb\npdb.set_trace()\n", line=2, message="remove debugging code"),
        Invalid("import pdb as p\n\np.set_trace()\n", line=3, message="pdb.set_trace"),
        Invalid("from pdb import set_trace as st\nst()\n", line=2, message="pdb.set_trace"),
        Invalid(
            "def main():\n    print('done')\n",
            line=2,
            message="use logging",
            options={"banned-calls": {"print": "use logging"}},
        ),
        Invalid(
            "def run(command):\n    return os.system(command)\n\nimport os\n",
            line=2,
            message="use subprocess.run",
            options={"banned-calls": {"os.system": "use subprocess.run"}},
        ),
    )

    def start_file(self) -> None:
        """Prepare the per-file state: the imports seen and the calls to resolve."""
        self._imports = ImportedNames()
        self._called: list[cst.Call] = []
        self._module_definitions: set[str] = set()
        self._banned: Mapping[str, str] = {
            _without_builtins(name): message for name, message in self.options.banned_calls.items()
        }

    def visit_Import(self, node: cst.Import) -> None:
        """Remember what the imported names stand for."""
        self._imports.add_import(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Remember what the imported names stand for."""
        self._imports.add_import_from(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """Remember a module-level function: a call to it is not a call to a builtin."""
        if self._banned and enclosing_scope(self.ancestors) is None:
            self._module_definitions.add(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        """Remember a module-level class: a call to it is not a call to a builtin."""
        if self._banned and enclosing_scope(self.ancestors) is None:
            self._module_definitions.add(node.name.value)

    def visit_Call(self, node: cst.Call) -> None:
        """Keep the call: an import later in the file may still say what it calls."""
        if self._banned:
            self._called.append(node)

    def end_file(self) -> None:
        """Resolve every call through the file's imports and report the banned ones."""
        banned = self._banned
        imports = self._imports
        defined = self._module_definitions
        for call in self._called:
            dotted = dotted_name(call.func)
            if dotted is None:
                continue
            head = dotted.partition(".")[0]
            if head in defined and head not in imports:
                continue
            for qualified in self._imports.qualify(dotted):
                message = banned.get(_without_builtins(qualified))
                if message is not None:
                    self.report(call, f"call to {qualified} is banned{_reason(message)}")
                    break


class BannedImport(Rule[StyleOptions]):
    """Reports imports of the modules listed in ``banned-imports`` and of their submodules."""

    code = "STY010"
    name = "banned-import"
    area = "style"
    summary = "An import of a module the standards ban (by default, modules removed in 3.12)."
    rationale = (
        "A team retires a library, a legacy API or a deprecated standard module by"
        " agreeing not to use it any more; a ban turns that agreement into a check,"
        " with the replacement named in the message, so new code stops adding work"
        " to the migration. A ban covers the module's submodules: banning"
        " `legacy.api` also catches `import legacy.api.v1` and `from legacy import api`."
        " The banned package's own files (a path containing legacy/api/) may import it."
    )
    options_used = ("banned-imports",)
    valid = (
        Valid("import importlib\nfrom setuptools import setup\n"),
        Valid(
            "import legacy\nfrom legacy import other\nimport legacy_api\n",
            options={"banned-imports": {"legacy.api": "use platform.api"}},
        ),
        Valid("from . import imp\n"),
        Valid(
            "from legacy.api import client\n",
            path="src/legacy/api/server.py",
            options={"banned-imports": {"legacy.api": "use platform.api"}},
        ),
    )
    invalid = (
        Invalid("import imp\n", line=1, message="use importlib"),
        Invalid("from distutils.core import setup\n", line=1, message="distutils"),
        Invalid(
            "import os\nimport legacy.api.v1 as api\n",
            line=2,
            message="legacy.api.v1 is banned: use platform.api",
            options={"banned-imports": {"legacy.api": "use platform.api"}},
        ),
        Invalid(
            "from legacy.api import client\n",
            line=1,
            options={"banned-imports": {"legacy.api": "use platform.api"}},
        ),
        Invalid(
            "def load():\n    from legacy import api\n",
            line=2,
            message="legacy.api",
            options={"banned-imports": {"legacy.api": "use platform.api"}},
        ),
    )

    def start_file(self) -> None:
        """Note where the file is (``/folders/stem/``), to recognise a banned package's files."""
        self._location = "/" + self.source.path.rpartition(".")[0] + "/"

    def _banned_message(self, module: str) -> str | None:
        """The message for ``module`` if it or a package it is in is banned for this file.

        A banned package's own files may import it: they are what is retired.
        """
        banned = self.options.banned_imports
        while module:
            message = banned.get(module)
            if message is not None:
                inside = "/" + module.replace(".", "/") + "/" in self._location
                return None if inside else message
            module = module.rpartition(".")[0]
        return None

    def _check(self, node: cst.CSTNode, module: str) -> None:
        """Report the import of ``module`` at ``node`` if it is banned."""
        message = self._banned_message(module)
        if message is not None:
            self.report(node, f"import of {module} is banned{_reason(message)}")

    def visit_Import(self, node: cst.Import) -> None:
        """Check each imported module."""
        for alias in node.names:
            module = dotted_name(alias.name)
            if module is not None:
                self._check(alias, module)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Check the module, then each imported name as a possible submodule."""
        if node.relative:
            return  # the package a relative import names is not known from the file alone
        module = imported_module(node)
        if self._banned_message(module) is not None:
            self._check(node, module)
            return
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = dotted_name(alias.name)
            if name is not None:
                self._check(alias, f"{module}.{name}")

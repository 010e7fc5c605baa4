"""STY009 and STY010: calls and imports the team has banned, each with the reason why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from standards_lint.model import FixSafety
from standards_lint.rule import Invalid, ProposedFix, Replace, Rule, Valid
from standards_lint.rules.style.ban_fixes import (
    dotted_expression,
    from_module_change,
    from_name_change,
    import_alias_change,
    reachable_callee,
)
from standards_lint.rules.style.definitions import dotted_name, enclosing_scope, parameters
from standards_lint.rules.style.imported_names import ImportedNames, imported_module
from standards_lint.rules.style.options import (
    BanEntry,
    StyleOptions,
    ban_message,
    ban_replacement,
)

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst

_BUILTINS = "builtins."
_SYSTEM_BAN = {"message": "no shell", "replacement": "subprocess.run"}
_API_BAN = {"message": "retired", "replacement": "platform.api"}
_MOCK_BAN = {"mock": {"replacement": "unittest.mock"}}


def _without_builtins(name: str) -> str:
    """``print`` for ``builtins.print``: a builtin is called by its bare name."""
    return name[len(_BUILTINS) :] if name.startswith(_BUILTINS) else name


def _reason(entry: BanEntry) -> str:
    """The ban's message and replacement as the end of a sentence, or nothing if it has neither."""
    message, replacement = ban_message(entry), ban_replacement(entry)
    parts = [message] if message else []
    if replacement:
        parts.append(f"use {replacement} instead")
    return ": " + "; ".join(parts) if parts else ""


def _fix(description: str, change: Replace | None) -> ProposedFix | None:
    """A safe fix of one change, or None when there is no change to make."""
    return None if change is None else ProposedFix(description, [change], FixSafety.SAFE)


@dataclass(frozen=True, slots=True)
class _Call:
    """A call kept until the end of the file, with what its repair needs to know."""

    node: cst.Call
    #: The module-level statement that holds it.
    statement: cst.CSTNode | None
    #: How many module-level imports came before it.
    imports_before: int
    #: Names the enclosing functions' parameters bind.
    parameter_names: frozenset[str]


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
    fix_safety = (FixSafety.SAFE,)
    fix_summary = (
        "calls the ban's replacement instead, with the same arguments, where the file names it"
        " without a new import (a builtin, or through a module-level import made before the"
        " call); safe, as only the name of what is called changes. Where an import would be"
        " needed no fix is offered: the report names the replacement"
    )
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
        Invalid(
            "import os\nimport subprocess\n\ndef run(command):\n    return os.system(command)\n",
            line=5,
            message="no shell; use subprocess.run instead",
            options={"banned-calls": {"os.system": _SYSTEM_BAN}},
            fixed="import os\nimport subprocess\n\ndef run(command):\n"
            "    return subprocess.run(command)\n",
        ),
        Invalid(
            "import os\nfrom subprocess import run\nos.system('ls')\n",
            line=3,
            options={"banned-calls": {"os.system": _SYSTEM_BAN}},
            fixed="import os\nfrom subprocess import run\nrun('ls')\n",
        ),
        Invalid(
            "import os\n\ndef run(command):\n    return os.system(command)\n\nimport subprocess\n",
            line=4,
            message="use subprocess.run instead",
            options={"banned-calls": {"os.system": _SYSTEM_BAN}},
        ),
        Invalid(
            "from pprint import pprint\npprint(rows)\n",
            line=2,
            message="use print instead",
            options={"banned-calls": {"pprint.pprint": {"replacement": "print"}}},
            fixed="from pprint import pprint\nprint(rows)\n",
        ),
        Invalid(
            "from pprint import pprint\n\ndef show(rows, print):\n    pprint(rows)\n",
            line=4,
            options={"banned-calls": {"pprint.pprint": {"replacement": "print"}}},
        ),
    )

    def start_file(self) -> None:
        """Prepare the per-file state: the imports seen and the calls to resolve."""
        self._imports = ImportedNames()
        self._called: list[_Call] = []
        self._module_definitions: set[str] = set()
        self._banned: Mapping[str, BanEntry] = {
            _without_builtins(name): entry for name, entry in self.options.banned_calls.items()
        }
        self._fixable = any(ban_replacement(entry) for entry in self._banned.values())
        #: The imports written directly in the module's body, in order: a fix
        #: may spell its replacement through those that run before the call.
        self._module_imports: list[cst.Import | cst.ImportFrom] = []

    def visit_Import(self, node: cst.Import) -> None:
        """Remember what the imported names stand for."""
        self._imports.add_import(node)
        self._note_module_import(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Remember what the imported names stand for."""
        self._imports.add_import_from(node)
        self._note_module_import(node)

    def _note_module_import(self, node: cst.Import | cst.ImportFrom) -> None:
        """Keep an import of the module's own body (not under ``if`` or ``try``)."""
        if self._fixable and len(self.ancestors) == 2:
            self._module_imports.append(node)

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
        if not self._banned:
            return
        ancestors = self.ancestors
        statement = ancestors[1] if len(ancestors) > 1 else None
        names: frozenset[str] = frozenset()
        if self._fixable:
            names = frozenset(
                param.name.value
                for scope in ancestors
                if isinstance(scope, (cst.FunctionDef, cst.Lambda))
                for param in parameters(scope.params)
            )
        self._called.append(_Call(node, statement, len(self._module_imports), names))

    def end_file(self) -> None:
        """Resolve every call through the file's imports and report the banned ones."""
        banned = self._banned
        imports = self._imports
        defined = self._module_definitions
        for call in self._called:
            dotted = dotted_name(call.node.func)
            if dotted is None:
                continue
            head = dotted.partition(".")[0]
            if head in defined and head not in imports:
                continue
            for qualified in self._imports.qualify(dotted):
                entry = banned.get(_without_builtins(qualified))
                if entry is not None:
                    message = f"call to {qualified} is banned{_reason(entry)}"
                    self.report(call.node, message, fix=self._call_fix(call, entry))
                    # The walk is over, so the report cannot find its statement itself.
                    self.reports[-1].statement = call.statement
                    break

    def _call_fix(self, call: _Call, entry: BanEntry) -> ProposedFix | None:
        """Call the replacement instead, where the file can name it without a new import."""
        replacement = ban_replacement(entry)
        if not replacement:
            return None
        module_imports = ImportedNames()
        for node in self._module_imports[: call.imports_before]:
            if isinstance(node, cst.Import):
                module_imports.add_import(node)
            else:
                module_imports.add_import_from(node)
        shadowed = call.parameter_names | self._module_definitions
        builtin = _without_builtins(replacement)
        if builtin in self._imports:
            # An import anywhere in the file may rebind the builtin's name.
            shadowed |= {builtin}
        spelt = reachable_callee(replacement, module_imports, shadowed)
        if spelt is None or spelt == dotted_name(call.node.func):
            return None
        change = Replace(call.node.func, dotted_expression(spelt))
        return _fix(f"Call {replacement} instead", change)


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
    fix_safety = (FixSafety.SAFE,)
    fix_summary = (
        "imports the ban's replacement under the name the import bound (`import mock` becomes"
        " `from unittest import mock`, `from mock import patch` becomes `from unittest.mock"
        " import patch`); safe, as only the module's name changes. An `import a.b` of a banned"
        " `a.b` (it binds `a`) and a `from` import of several names, one of them banned, get"
        " no fix"
    )
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
        Invalid(
            "import mock\n",
            line=1,
            message="import of mock is banned: use unittest.mock instead",
            options={"banned-imports": _MOCK_BAN},
            fixed="from unittest import mock\n",
        ),
        Invalid(
            "import os, mock as m\n",
            line=1,
            options={"banned-imports": _MOCK_BAN},
            fixed="import os, unittest.mock as m\n",
        ),
        Invalid(
            "import os, mock\n",
            line=1,
            options={"banned-imports": _MOCK_BAN},
            fixed="import os, unittest.mock as mock\n",
        ),
        Invalid(
            "from mock import patch, call\n",
            line=1,
            options={"banned-imports": _MOCK_BAN},
            fixed="from unittest.mock import patch, call\n",
        ),
        Invalid("import mock.mock\n", line=1, options={"banned-imports": _MOCK_BAN}),
        Invalid(
            "import simplejson\n",
            line=1,
            options={"banned-imports": {"simplejson": {"replacement": "json"}}},
            fixed="import json as simplejson\n",
        ),
        Invalid(
            "from legacy import api as remote\n",
            line=1,
            message="retired; use platform.api instead",
            options={"banned-imports": {"legacy.api": _API_BAN}},
            fixed="from platform import api as remote\n",
        ),
        Invalid(
            "from legacy import api, other\n",
            line=1,
            options={"banned-imports": {"legacy.api": _API_BAN}},
        ),
    )

    def start_file(self) -> None:
        """Note where the file is (``/folders/stem/``), to recognise a banned package's files."""
        self._location = "/" + self.source.path.rpartition(".")[0] + "/"

    def _ban(self, module: str) -> tuple[str, BanEntry] | None:
        """The ban (its module and entry) that covers ``module`` in this file, if one does.

        A banned package's own files may import it: they are what is retired.
        """
        banned = self.options.banned_imports
        while module:
            entry = banned.get(module)
            if entry is not None:
                inside = "/" + module.replace(".", "/") + "/" in self._location
                return None if inside else (module, entry)
            module = module.rpartition(".")[0]
        return None

    def _report(
        self, node: cst.CSTNode, module: str, entry: BanEntry, change: Replace | None
    ) -> None:
        """Report the import of ``module``, repaired by ``change`` when there is one."""
        fix = _fix(f"Import {ban_replacement(entry)} instead", change)
        self.report(node, f"import of {module} is banned{_reason(entry)}", fix=fix)

    def visit_Import(self, node: cst.Import) -> None:
        """Check each imported module."""
        for alias in node.names:
            module = dotted_name(alias.name)
            ban = self._ban(module) if module is not None else None
            if module is None or ban is None:
                continue
            banned, entry = ban
            replacement = ban_replacement(entry)
            change = (
                import_alias_change(node, alias, module, banned, replacement)
                if replacement
                else None
            )
            self._report(alias, module, entry, change)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        """Check the module, then each imported name as a possible submodule."""
        if node.relative:
            return  # the package a relative import names is not known from the file alone
        module = imported_module(node)
        ban = self._ban(module)
        if ban is not None:
            banned, entry = ban
            replacement = ban_replacement(entry)
            change = from_module_change(node, module, banned, replacement) if replacement else None
            self._report(node, module, entry, change)
            return
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = dotted_name(alias.name)
            full = f"{module}.{name}"
            ban = self._ban(full) if name is not None else None
            if ban is None:
                continue
            banned, entry = ban
            replacement = ban_replacement(entry)
            change = (
                from_name_change(node, alias, full, banned, replacement) if replacement else None
            )
            self._report(alias, full, entry, change)

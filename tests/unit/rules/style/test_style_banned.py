"""Resolving names through imports, and the banned-call and banned-import rules built on it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import libcst as cst
import pytest

from standards_lint.rules.style.imported_names import ImportedNames
from standards_lint.testing import run_rule


def _imports(code: str) -> ImportedNames:
    names = ImportedNames()
    for statement in cst.parse_module(code).body:
        assert isinstance(statement, cst.SimpleStatementLine)
        small = statement.body[0]
        if isinstance(small, cst.Import):
            names.add_import(small)
        elif isinstance(small, cst.ImportFrom):
            names.add_import_from(small)
    return names


@pytest.mark.parametrize(
    ("code", "reference", "qualified"),
    [
        ("import pdb\n", "pdb.set_trace", ("pdb.set_trace",)),
        ("import pdb as p\n", "p.set_trace", ("pdb.set_trace",)),
        ("import os.path\n", "os.path.join", ("os.path.join",)),
        ("import os.path as osp\n", "osp.join", ("os.path.join",)),
        ("from pdb import set_trace\n", "set_trace", ("pdb.set_trace",)),
        ("from pdb import set_trace as st\n", "st", ("pdb.set_trace",)),
        ("from legacy import api\n", "api.call", ("legacy.api.call",)),
        ("from . import sibling\n", "sibling.run", (".sibling.run",)),
        ("from ..pkg import tool\n", "tool", ("..pkg.tool",)),
        ("", "print", ("print",)),
        ("import pdb\n", "self.pdb", ("self.pdb",)),
        ("import a as x\nimport b as x\n", "x.f", ("a.f", "b.f")),
        ("from os import *\n", "path", ("path",)),
    ],
)
def test_references_are_qualified_through_imports(
    code: str, reference: str, qualified: tuple[str, ...]
) -> None:
    assert _imports(code).qualify(reference) == qualified


def _lines(rule: str, code: str, options: Mapping[str, Any] | None = None) -> list[int]:
    return [violation.line for violation in run_rule(rule, code, options=options)]


def test_banned_calls_resolve_aliases_and_from_imports() -> None:
    code = (
        "import pdb as debugger\n"
        "from pdb import set_trace as stop\n"
        "def f():\n"
        "    debugger.set_trace()\n"
        "    stop()\n"
        "    debugger.run('x')\n"
    )
    assert _lines("banned-call", code) == [4, 5]


def test_a_call_before_its_import_is_still_resolved() -> None:
    code = "def f():\n    p.set_trace()\n\nimport pdb as p\n"
    assert _lines("banned-call", code) == [2]


def test_builtins_are_matched_with_or_without_the_builtins_module() -> None:
    options = {"banned-calls": {"builtins.print": "use logging"}}
    code = "import builtins\nprint('a')\nbuiltins.print('b')\nlogger.print('c')\n"
    assert _lines("banned-call", code, options=options) == [2, 3]


def test_a_module_level_definition_shadows_a_banned_builtin() -> None:
    options = {"banned-calls": {"print": "use logging"}}
    code = "def print(text):\n    pass\n\nprint('mine')\n"
    assert not run_rule("banned-call", code, options=options)


def test_a_banned_call_message_names_the_call_and_the_reason() -> None:
    (violation,) = run_rule("banned-call", "breakpoint()\n")
    assert violation.message == (
        "call to breakpoint is banned: remove debugging code before committing"
    )


def test_an_empty_banned_call_table_reports_nothing() -> None:
    assert not run_rule("banned-call", "breakpoint()\n", options={"banned-calls": {}})


@pytest.mark.parametrize(
    ("code", "reported"),
    [
        ("import legacy.api\n", True),
        ("import legacy.api.v1\n", True),
        ("import legacy.api.v1 as v1\n", True),
        ("from legacy.api import client\n", True),
        ("from legacy.api.v1 import client\n", True),
        ("from legacy import api\n", True),
        ("from legacy import api as old, other\n", True),
        ("import legacy\n", False),
        ("import legacy.apis\n", False),
        ("from legacy import apis\n", False),
        ("from .legacy import api\n", False),
    ],
)
def test_banned_imports_match_the_module_and_its_submodules(code: str, reported: bool) -> None:
    options = {"banned-imports": {"legacy.api": "use platform.api"}}
    assert bool(run_rule("banned-import", code, options=options)) is reported


def test_a_banned_package_may_import_itself() -> None:
    options = {"banned-imports": {"legacy.api": "use platform.api"}}
    code = "from legacy.api import helpers\n"
    assert not run_rule("banned-import", code, options=options, path="legacy/api/client.py")
    assert not run_rule("banned-import", code, options=options, path="src/legacy/api.py")
    assert run_rule("banned-import", code, options=options, path="legacy/apis/client.py")


def test_banned_names_must_be_dotted_names() -> None:
    with pytest.raises(ValueError, match="banned-calls: 'pdb:set_trace' is not a dotted name"):
        run_rule("banned-call", "x = 1\n", options={"banned-calls": {"pdb:set_trace": "no"}})

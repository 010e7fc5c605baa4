"""The style rules other than naming and bans, on the cases their examples do not show."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

import pytest

from standards_lint.registry import load_registry
from standards_lint.rule import RuleMeta, toml_key
from standards_lint.rules.style.options import StyleOptions
from standards_lint.rules.style.rule_set import STYLE_RULES
from standards_lint.testing import run_rule


def _lines(rule: str, code: str, options: Mapping[str, Any] | None = None) -> list[int]:
    return [violation.line for violation in run_rule(rule, code, options=options)]


@pytest.mark.parametrize("rule", STYLE_RULES, ids=lambda rule: rule.code)
def test_every_option_a_rule_names_exists(rule: type[RuleMeta]) -> None:
    keys = {toml_key(field.name) for field in fields(StyleOptions)}
    assert rule.options_used
    assert set(rule.options_used) <= keys


def test_importing_the_style_rules_does_not_import_libcst() -> None:
    code = (
        "import sys\nimport standards_lint.rules.style\n"
        "assert 'libcst' not in sys.modules, 'libcst was imported'\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("max-arguments", 0, "max-arguments must be at least 1"),
        ("max-module-lines", 0, "max-module-lines must be at least 1"),
        ("todo-ticket-pattern", "([A-Z]+", "not a valid regular expression"),
        ("todo-tags", [], "todo-tags must list at least one tag"),
        ("mutable-default-calls", ["collections.defaultdict()"], "not a dotted name"),
    ],
)
def test_invalid_options_are_refused_with_the_key(key: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        run_rule("too-many-arguments", "x = 1\n", options={key: value})


def test_todo_tags_in_strings_and_docstrings_are_not_comments() -> None:
    code = (
        'def f():\n    """Docstring.\n\n    # TODO: this is text\n    """\n'
        "    text = '# TODO: also text'\n"
        "    other = f'{text} # FIXME'  # TODO: a real one\n"
    )
    violations = run_rule("todo-without-ticket", code)
    assert [(v.line, v.span.column) for v in violations] == [(7, 34)]


def test_todo_tags_are_whole_words_at_the_start_of_a_comment() -> None:
    code = (
        "# TODOS: a heading\n"
        "# see the TODO below\n"
        "#TODO: no space\n"
        "## FIXME: doubled hash\n"
        "# todo: lower case is prose by default\n"
    )
    assert _lines("todo-without-ticket", code) == [3, 4]
    assert _lines("todo-without-ticket", code, options={"todo-tags": ["todo"]}) == [5]


def test_todo_in_a_file_that_does_not_tokenize_is_not_reported() -> None:
    assert not run_rule("todo-without-ticket", "x = (\n# TODO: fix\n")


def test_bare_except_reraise_must_be_the_last_statement() -> None:
    code = (
        "try:\n    run()\nexcept:\n    raise\n    cleanup()\n"
        "try:\n    run()\nexcept:\n    if retry:\n        raise\n"
    )
    assert _lines("bare-except", code) == [3, 8]


def test_mutable_defaults_include_keyword_only_and_star_defaults_and_resolve_imports() -> None:
    code = (
        "import collections as c\n"
        "from collections import OrderedDict\n"
        "def f(a=c.deque(), *, b=OrderedDict(), d=tuple(), e=Point()):\n"
        "    pass\n"
    )
    violations = run_rule("mutable-default-argument", code)
    assert [violation.message.split(" is ")[0] for violation in violations] == [
        "the default of 'a'",
        "the default of 'b'",
    ]


def test_mutable_defaults_in_stubs_are_not_reported() -> None:
    assert not run_rule("mutable-default-argument", "def f(cnf={}): ...\n", path="tk.pyi")


def test_wildcard_imports_in_a_stub_package_init_and_allowed_modules() -> None:
    assert not run_rule("wildcard-import", "from .events import *\n", path="pkg/__init__.pyi")
    options = {"allowed-wildcard-imports": [".models"]}
    assert not run_rule("wildcard-import", "from .models import *\n", options=options)
    assert run_rule("wildcard-import", "from .modelsx import *\n", options=options)


def test_module_length_counts_every_line_of_the_file() -> None:
    options = {"max-module-lines": 4}
    assert not run_rule("module-too-long", "\n\n\nx = 1\n", options=options)
    (violation,) = run_rule("module-too-long", "# a\n\n'''doc'''\n\nx = 1\n", options=options)
    assert violation.message == "module has 5 lines (5 > 4); split it"


@pytest.mark.parametrize(
    ("code", "reported"),
    [
        ("class A:\n    def f(self, a, b, c):\n        pass\n", False),
        ("class A:\n    @classmethod\n    def f(cls, a, b, c):\n        pass\n", False),
        ("class A:\n    def f(self, /, a, b, c):\n        pass\n", False),
        ("class A:\n    @staticmethod\n    def f(a, b, c, d):\n        pass\n", True),
        ("class A:\n    def f(*args, a, b, c, d):\n        pass\n", True),
        ("def f(self, a, b, c):\n    pass\n", True),
        ("def f(a, b, c, *args, **kwargs):\n    pass\n", False),
        ("def outer():\n    def f(a, b, c, d):\n        pass\n", True),
    ],
)
def test_arguments_leave_out_self_and_cls_of_methods_only(code: str, reported: bool) -> None:
    options = {"max-arguments": 3}
    assert bool(run_rule("too-many-arguments", code, options=options)) is reported


_FIXING_RULES = ("STY006", "STY007", "STY009", "STY010", "STY012")


@pytest.mark.parametrize("code", _FIXING_RULES)
def test_fixed_examples_leave_nothing_to_fix(code: str) -> None:
    rule = load_registry().rules[code]
    fixed = [example for example in rule.invalid if example.fixed is not None]
    assert fixed, f"{code} declares no fixed example"
    for example in fixed:
        again = run_rule(code, example.fixed, options=example.options, path=example.path)
        assert not [violation for violation in again if violation.fix is not None], example.fixed


def test_a_ban_replacement_must_be_a_dotted_name() -> None:
    options = {"banned-imports": {"mock": {"replacement": "unittest mock"}}}
    with pytest.raises(ValueError, match="the replacement of 'mock', 'unittest mock'"):
        run_rule("banned-import", "import os\n", options=options)

"""TST101: a test that asserts nothing passes whatever the code under test does."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.tests.assertions import (
    AssertionScope,
    body_checks,
    find_asserting_definitions,
)
from standards_lint.rules.tests.collection import (
    CollectedModule,
    CollectedTest,
    is_fixture,
    is_test_module,
)
from standards_lint.rules.tests.marks import decorator_marks, keyword, pytestmark_values
from standards_lint.rules.tests.names import import_aliases, qualified_name
from standards_lint.rules.tests.options import TestStandardsOptions
from standards_lint.syntax import FunctionNode

_TEST_FILE = "tests/test_prices.py"


@dataclass(slots=True)
class CheckingFixtures:
    """The module's fixtures whose bodies assert: by name, and the autouse ones by scope."""

    names: set[str] = field(default_factory=set)
    #: ``None`` for the module, else the class the autouse fixture is defined in.
    autouse_owners: set[ast.ClassDef | None] = field(default_factory=set)


def _fixture_name(function: FunctionNode) -> str:
    """The name tests request a fixture by: its ``name=`` argument, else the function's name."""
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call):
            given = keyword(decorator, "name")
            if isinstance(given, ast.Constant) and isinstance(given.value, str):
                return given.value
    return function.name


def _is_autouse(function: FunctionNode) -> bool:
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call):
            value = keyword(decorator, "autouse")
            if isinstance(value, ast.Constant) and value.value is True:
                return True
    return False


def checking_fixtures(
    tree: ast.Module, scope: AssertionScope, aliases: dict[str, str]
) -> CheckingFixtures:
    """The fixtures of the module (top level and in classes) whose bodies check something."""
    found = CheckingFixtures()
    owned: list[tuple[ast.ClassDef | None, ast.stmt]] = [(None, node) for node in tree.body]
    owned += [
        (node, child) for node in tree.body if isinstance(node, ast.ClassDef) for child in node.body
    ]
    for owner, node in owned:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if is_fixture(node, aliases) and body_checks(node.body, scope):
            found.names.add(_fixture_name(node))
            if _is_autouse(node):
                found.autouse_owners.add(owner)
    return found


def _parameters(function: FunctionNode) -> set[str]:
    arguments = function.args
    return {
        argument.arg
        for argument in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    }


class AssertionFreeTest(Rule[TestStandardsOptions]):
    """Reports a collected test whose body, helpers and fixtures check nothing."""

    code = "TST101"
    name = "test-without-assertion"
    area = "tests"
    summary = "A test asserts nothing, so it passes whatever the code under test does."
    rationale = (
        "A test earns its keep by failing when the code is wrong. One that only calls"
        " the code proves that it does not raise, and nothing about what it returns or"
        " changes, yet it counts towards coverage and looks like protection in review."
        " A test checks something when it asserts, raises an exception itself, uses"
        " pytest.raises, warns, approx, fail or deprecated_call, turns warnings into"
        " errors (warnings.simplefilter('error')), calls any function or method whose"
        " name starts with assert (self.assertEqual, mock.assert_called_once_with,"
        " numpy.testing.assert_allclose) or unittest's self.fail, or calls a function"
        " named in assertion-helpers. A function or method of the same module whose"
        " body checks something counts as a check itself (helpers of helpers too), as"
        " does a function nested in the test that the test uses, and a fixture of the"
        " module that asserts, when the test requests it (an autouse one covers every"
        " test in its scope). Calls of methods inherited from a class defined elsewhere"
        " count too, since they cannot be read here. Not reported: tests marked xfail"
        " (the expected failure is the check), tests that always skip, property-based"
        " tests and benchmarks (exempt-decorators: 'it never raises' is a property,"
        " and a benchmark measures), and tests that request a fixture in"
        " assertion-fixtures (a benchmark, a snapshot, a regression file)."
    )
    options_used = (
        "assertion-helpers",
        "assertion-fixtures",
        "exempt-decorators",
        "python-files",
        "python-functions",
        "python-classes",
        "test-paths",
    )
    valid = (
        Valid("def test_total():\n    assert total([1, 2]) == 3\n", path=_TEST_FILE),
        Valid(
            "import pytest\n\ndef test_empty():\n    with pytest.raises(ValueError):\n"
            "        total([])\n",
            path=_TEST_FILE,
        ),
        Valid(
            "def test_sends(mailer):\n    notify(mailer)\n"
            "    mailer.send.assert_called_once_with('hi')\n",
            path=_TEST_FILE,
        ),
        Valid(
            "import unittest\n\nclass PriceTests(unittest.TestCase):\n"
            "    def test_total(self):\n        self.assertEqual(total([1]), 1)\n",
            path=_TEST_FILE,
        ),
        Valid(
            "def check_total(items, expected):\n    assert total(items) == expected\n\n"
            "def test_total():\n    check_total([1, 2], 3)\n",
            path=_TEST_FILE,
        ),
        Valid(
            "def test_total():\n    verify_total([1, 2], 3)\n",
            path=_TEST_FILE,
            options={"assertion-helpers": ["verify_*"]},
        ),
        Valid(
            "from hypothesis import given, strategies as st\n\n@given(st.lists(st.integers()))\n"
            "def test_never_raises(items):\n    total(items)\n",
            path=_TEST_FILE,
        ),
        Valid("def test_total():\n    total([1])\n", path="prices.py"),
    )
    invalid = (
        Invalid(
            "def test_total():\n    total([1, 2])\n",
            path=_TEST_FILE,
            line=1,
            message="test_total asserts nothing",
        ),
        Invalid(
            "import pytest\n\nclass TestTotal:\n    def test_sum(self):\n"
            "        result = total([1, 2])\n        print(result)\n",
            path=_TEST_FILE,
            line=4,
            message="TestTotal.test_sum asserts nothing",
        ),
        Invalid(
            "def test_total():\n    def check(value):\n        assert value == 3\n"
            "    total([1, 2])\n",
            path=_TEST_FILE,
            line=1,
        ),
    )

    def start_file(self) -> bool:
        """Find the module's tests and checks, then report the tests that check nothing."""
        if not is_test_module(self.source.path, self.options):
            return False
        tree = self.source.ast_module
        aliases = import_aliases(tree)
        module = CollectedModule(tree, self.options, aliases)
        scope = AssertionScope(aliases, self.options.assertion_helpers)
        find_asserting_definitions(tree, scope, module.inherits_unread_helpers)
        fixtures = checking_fixtures(tree, scope, aliases)
        for test in module.tests():
            if not self._is_exempt(test, tree, aliases) and not self._checks(
                test, module, scope, fixtures
            ):
                where = (
                    f"{test.owner.name}.{test.function.name}" if test.owner else test.function.name
                )
                self.report_at(
                    test.function.lineno,
                    test.function.col_offset + 1,
                    f"{where} asserts nothing: it fails only if the code raises; check what the"
                    " code returns or changes (or name the checking function in"
                    " assertion-helpers)",
                )
        return False

    def _checks(
        self,
        test: CollectedTest,
        module: CollectedModule,
        scope: AssertionScope,
        fixtures: CheckingFixtures,
    ) -> bool:
        """Whether the test checks something, itself or through what it uses."""
        if None in fixtures.autouse_owners or test.owner in fixtures.autouse_owners:
            return True
        requested = _parameters(test.function)
        if requested & fixtures.names or requested & set(self.options.assertion_fixtures):
            return True
        scope.trust_unknown_methods = test.owner is not None and module.inherits_unread_helpers(
            test.owner
        )
        return body_checks(test.function.body, scope)

    def _is_exempt(self, test: CollectedTest, tree: ast.Module, aliases: dict[str, str]) -> bool:
        """Tests expected to fail, always skipped, property-based or benchmarks need not assert."""
        applied = [*test.function.decorator_list, *pytestmark_values(tree.body)]
        if test.owner is not None:
            applied += pytestmark_values(test.owner.body)
        marks = decorator_marks(applied, aliases)
        if any(mark.kind in ("xfail", "skip") for mark in marks):
            return True
        for decorator in applied:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            name = qualified_name(target, aliases)
            if name is not None and name in self.options.exempt_decorators:
                return True
        return False

"""TST104: tests pytest never runs because of how they are named or built."""

from __future__ import annotations

import ast

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.tests.assertions import AssertionScope, body_checks
from standards_lint.rules.tests.collection import (
    CollectedModule,
    disabled_by_dunder_test,
    functions_of,
    is_test_module,
    matches_prefix_or_glob,
)
from standards_lint.rules.tests.names import import_aliases, referenced_names
from standards_lint.rules.tests.options import TestStandardsOptions
from standards_lint.rules.tests.uncollected import (
    Uncollected,
    looks_disabled,
    methods_run_as_tests,
    uncollected_definitions,
)

_TEST_FILE = "tests/test_orders.py"
#: Methods unittest and pytest call by name around tests (xunit-style setup and teardown).
_FRAMEWORK_METHODS = frozenset(
    {
        "setUp",
        "tearDown",
        "setUpClass",
        "tearDownClass",
        "asyncSetUp",
        "asyncTearDown",
        "setUpTestData",
        "setup_method",
        "teardown_method",
        "setup_class",
        "teardown_class",
        "setup_module",
        "teardown_module",
        "setup_function",
        "teardown_function",
        "setup",
        "teardown",
        "runTest",
        "setUpModule",
        "tearDownModule",
        "load_tests",
    }
)


def _patterns(patterns: tuple[str, ...]) -> str:
    return " or ".join(
        f"{pattern}*" if not set("*?[") & set(pattern) else pattern for pattern in patterns
    )


class UncollectedTestName(Rule[TestStandardsOptions]):
    """Reports test classes pytest cannot collect and asserting functions named unlike tests."""

    code = "TST104"
    name = "test-naming"
    area = "tests"
    summary = (
        "A test is named or built so that pytest never runs it (a class not named Test*,"
        " a Test* class with __init__, an asserting function not named test*)."
    )
    rationale = (
        "pytest finds tests by name: functions and methods matching python-functions"
        " (test* by default), in classes matching python-classes (Test*) that have no"
        " __init__, or in unittest.TestCase subclasses. A test outside those names"
        " never runs and never fails, and nothing says so: pytest only warns about a"
        " Test* class with __init__, and is silent about a class named OrderTests. So"
        " in a test module this rule reports a class that holds test methods but is not"
        " collected (its name does not match, or it defines __init__), and a function"
        " or method that asserts but is not named as a test. Classes with a base"
        " defined elsewhere may be TestCase subclasses and are left alone, as are"
        " definitions the module uses (helpers, mixins), private names, custom"
        " assertions (assert*), xunit setup and teardown methods, and names that read"
        " as a disabled test (TST103 reports those). Set python-functions and"
        " python-classes as in pytest's configuration."
    )
    options_used = ("python-functions", "python-classes", "python-files", "test-paths")
    valid = (
        Valid(
            "class TestOrder:\n    def test_total(self):\n        assert total() == 0\n",
            path=_TEST_FILE,
        ),
        Valid(
            "import unittest\n\nclass OrderTests(unittest.TestCase):\n"
            "    def test_total(self):\n        self.assertEqual(total(), 0)\n",
            path=_TEST_FILE,
        ),
        Valid(
            "class OrderChecks:\n    def check_total(self):\n        assert total() == 0\n",
            path=_TEST_FILE,
            options={"python-classes": ["*Checks"], "python-functions": ["check_"]},
        ),
        Valid(
            "def expect_total(value):\n    assert total() == value\n\n"
            "def test_total():\n    expect_total(0)\n",
            path=_TEST_FILE,
        ),
        Valid(
            "class OrderTests:\n    def test_total(self):\n        assert total() == 0\n",
            path="orders.py",
        ),
    )
    invalid = (
        Invalid(
            "class OrderTests:\n    def test_total(self):\n        assert total() == 0\n",
            path=_TEST_FILE,
            line=1,
            message="class OrderTests holds tests (test_total) but pytest collects only"
            " classes named Test*",
        ),
        Invalid(
            "class TestOrder:\n    def __init__(self):\n        self.order = make_order()\n\n"
            "    def test_total(self):\n        assert self.order.total == 0\n",
            path=_TEST_FILE,
            line=1,
            message="defines __init__",
        ),
        Invalid(
            "def check_total():\n    assert total() == 0\n",
            path=_TEST_FILE,
            line=1,
            message="check_total asserts but is not named as a test",
        ),
    )

    def start_file(self) -> bool:
        """Report the test module's classes and functions that hold tests pytest skips."""
        if not is_test_module(self.source.path, self.options):
            return False
        tree = self.source.ast_module
        module = CollectedModule(tree, self.options, import_aliases(tree))
        scope = AssertionScope(module.aliases, self.options.assertion_helpers)
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                self._check_init(node, module)
        for found in uncollected_definitions(module, referenced_names(tree)):
            if isinstance(found.node, ast.ClassDef):
                self._check_class(found.node, module)
            else:
                self._check_function(found, scope)
        return False

    def _check_init(self, node: ast.ClassDef, module: CollectedModule) -> None:
        """Report a class named as a test class that pytest refuses because of its __init__."""
        if module.is_unittest_case(node) or module.has_outside_base(node):
            return
        if disabled_by_dunder_test(node.body):
            return
        if not matches_prefix_or_glob(node.name, self.options.python_classes):
            return
        if not any(function.name == "__init__" for function in functions_of(node.body)):
            return
        tests = methods_run_as_tests(node, module)
        if tests:
            self.report_at(
                node.lineno,
                node.col_offset + 1,
                f"class {node.name} defines __init__, so pytest does not collect it and its"
                f" {len(tests)} test(s) never run; set up state in a fixture or setup_method",
            )

    def _check_class(self, node: ast.ClassDef, module: CollectedModule) -> None:
        """Report a class that holds tests but whose name pytest does not collect."""
        if module.has_outside_base(node) or looks_disabled(node.name, self.options.python_classes):
            return
        if matches_prefix_or_glob(node.name, self.options.python_classes):
            return  # refused for its __init__ or opted out with __test__ = False
        tests = methods_run_as_tests(node, module)
        if tests:
            shown = ", ".join(tests[:3]) + (", ..." if len(tests) > 3 else "")
            self.report_at(
                node.lineno,
                node.col_offset + 1,
                f"class {node.name} holds tests ({shown}) but pytest collects only classes"
                f" named {_patterns(self.options.python_classes)}: rename it, or they never run",
            )

    def _check_function(self, found: Uncollected, scope: AssertionScope) -> None:
        """Report a function that asserts, that nothing uses, and that is not named as a test."""
        node = found.node
        if isinstance(node, ast.ClassDef) or looks_disabled(
            node.name, self.options.python_functions
        ):
            return
        if node.name.startswith(("_", "assert")) or node.name in _FRAMEWORK_METHODS:
            return  # a private helper, a custom assertion, or called by the test framework
        if body_checks(node.body, scope):
            self.report_at(
                node.lineno,
                node.col_offset + 1,
                f"{found.label} asserts but is not named as a test"
                f" ({_patterns(self.options.python_functions)}), so pytest never runs it",
            )

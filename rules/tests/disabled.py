"""TST103: tests switched off by renaming them, where nobody will see it."""

from __future__ import annotations

import ast

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.tests.collection import CollectedModule, is_test_module
from standards_lint.rules.tests.names import import_aliases, referenced_names
from standards_lint.rules.tests.options import TestStandardsOptions
from standards_lint.rules.tests.uncollected import (
    looks_disabled,
    methods_run_as_tests,
    uncollected_definitions,
)

_TEST_FILE = "tests/test_orders.py"


class DisabledTest(Rule[TestStandardsOptions]):
    """Reports functions and classes named like tests but with a prefix pytest does not collect."""

    code = "TST103"
    name = "disabled-test"
    area = "tests"
    summary = "A test is disabled by its name (_test_x, xtest_x, disabled_test_x, tst_x)."
    rationale = (
        "Renaming a test so that pytest passes it over is a silent skip: it shows in"
        " no summary, carries no reason, and the test rots while everyone believes it"
        " runs. If the test must not run for now, mark it skip or xfail with a reason,"
        " which pytest reports on every run; if it is no longer wanted, delete it."
        " pytest collects functions whose names match python-functions (by default,"
        " names starting with test, so testfoo is collected) and classes matching"
        " python-classes; a name that would match once a leading underscore or a word"
        " such as x, skip, disabled, todo or broken is taken off, or that is written"
        " Test_x or tst_x, is reported. Functions and classes that the module uses (a"
        " helper it calls, a mixin it inherits from, a name in a string) or that carry"
        " a decorator other than a mark are helpers, not tests, and are left alone."
    )
    options_used = ("python-functions", "python-classes", "python-files", "test-paths")
    valid = (
        Valid("def test_total():\n    assert total() == 0\n", path=_TEST_FILE),
        Valid("def testtotal():\n    assert total() == 0\n", path=_TEST_FILE),
        Valid(
            "def _test_rounding(value):\n    assert round(value) == 1\n\n"
            "def test_rounding():\n    _test_rounding(1.2)\n",
            path=_TEST_FILE,
        ),
        Valid(
            "class _TestOrderBase:\n    def test_total(self):\n        assert self.order.total\n\n"
            "class TestOrder(_TestOrderBase):\n    order = make_order()\n",
            path=_TEST_FILE,
        ),
        Valid("def _test_total():\n    assert total() == 0\n", path="orders.py"),
    )
    invalid = (
        Invalid(
            "def _test_total():\n    assert total() == 0\n",
            path=_TEST_FILE,
            line=1,
            message="_test_total is a disabled test",
        ),
        Invalid("def xtest_total():\n    assert total() == 0\n", path=_TEST_FILE, line=1),
        Invalid(
            "import pytest\n\n@pytest.mark.slow\ndef disabled_test_total():\n"
            "    assert total() == 0\n",
            path=_TEST_FILE,
            line=4,
        ),
        Invalid(
            "class TestOrder:\n    def _test_total(self):\n        assert total() == 0\n",
            path=_TEST_FILE,
            line=2,
            message="TestOrder._test_total",
        ),
        Invalid(
            "class XTestOrder:\n    def test_total(self):\n        assert total() == 0\n",
            path=_TEST_FILE,
            line=1,
            message="XTestOrder is a disabled test class",
        ),
    )

    def start_file(self) -> bool:
        """Report every unused definition of the test module whose name is a disabled test's."""
        if not is_test_module(self.source.path, self.options):
            return False
        tree = self.source.ast_module
        module = CollectedModule(tree, self.options, import_aliases(tree))
        for found in uncollected_definitions(module, referenced_names(tree)):
            node = found.node
            if isinstance(node, ast.ClassDef):
                if module.has_outside_base(node) or not methods_run_as_tests(node, module):
                    continue
                if not looks_disabled(node.name, self.options.python_classes):
                    continue
                what = "a disabled test class: pytest does not collect it"
            else:
                if not looks_disabled(node.name, self.options.python_functions):
                    continue
                what = "a disabled test: pytest does not collect it"
            self.report_at(
                node.lineno,
                node.col_offset + 1,
                f"{found.label} is {what}; mark it skip with a reason, or delete it",
            )
        return False

"""The test standards: modules have tests, and tests check something (``[tests]``)."""

from standards_lint.rule import Area, Fact
from standards_lint.rules.tests.disabled import DisabledTest
from standards_lint.rules.tests.hollow import AssertionFreeTest
from standards_lint.rules.tests.naming import UncollectedTestName
from standards_lint.rules.tests.options import TestStandardsOptions
from standards_lint.rules.tests.presence import (
    MODULE_SHAPE_FACT,
    UntestedModule,
    collect_module_shape,
)
from standards_lint.rules.tests.skips import SkipWithoutReason

TESTS_AREA = Area(name="tests", prefix="TST", title="Test standards", options=TestStandardsOptions)
TESTS_RULES = (
    UntestedModule,
    AssertionFreeTest,
    SkipWithoutReason,
    DisabledTest,
    UncollectedTestName,
)
TESTS_FACTS = (Fact(MODULE_SHAPE_FACT, "tests", collect_module_shape),)

__all__ = ["TESTS_AREA", "TESTS_FACTS", "TESTS_RULES"]

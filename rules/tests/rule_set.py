"""The test standards' rules and facts, imported when a run needs them."""

from standards_lint.rule import Fact, RulePack
from standards_lint.rules.tests.disabled import DisabledTest
from standards_lint.rules.tests.hollow import AssertionFreeTest
from standards_lint.rules.tests.naming import UncollectedTestName
from standards_lint.rules.tests.presence import (
    MODULE_SHAPE_FACT,
    UntestedModule,
    collect_module_shape,
)
from standards_lint.rules.tests.skips import SkipWithoutReason

TESTS_RULES = (
    UntestedModule,
    AssertionFreeTest,
    SkipWithoutReason,
    DisabledTest,
    UncollectedTestName,
)
TESTS_FACTS = (Fact(MODULE_SHAPE_FACT, "tests", collect_module_shape),)
RULE_SET = RulePack("builtin tests", TESTS_RULES, facts=TESTS_FACTS)

__all__ = ["RULE_SET", "TESTS_FACTS", "TESTS_RULES"]

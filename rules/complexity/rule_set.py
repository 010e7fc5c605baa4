"""The complexity area's rules and facts, imported when a run needs them."""

from standards_lint.rule import Fact, RulePack
from standards_lint.rules.complexity.average import (
    COMPLEXITY_FACT,
    AverageComplexity,
    collect_complexity,
)
from standards_lint.rules.complexity.function_rules import FUNCTION_RULES
from standards_lint.rules.complexity.module_rules import MODULE_RULES

COMPLEXITY_RULES = (*FUNCTION_RULES, *MODULE_RULES, AverageComplexity)
COMPLEXITY_FACTS = (Fact(COMPLEXITY_FACT, "complexity", collect_complexity),)
RULE_SET = RulePack("builtin complexity", COMPLEXITY_RULES, facts=COMPLEXITY_FACTS)

__all__ = ["COMPLEXITY_FACTS", "COMPLEXITY_RULES", "RULE_SET"]

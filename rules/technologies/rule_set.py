"""The approved-technologies area's rules, imported when a run needs them."""

from standards_lint.rule import RulePack
from standards_lint.rules.technologies.approval import APPROVAL_RULES
from standards_lint.rules.technologies.dependency_rules import DEPENDENCY_RULES

TECHNOLOGIES_RULES = (*APPROVAL_RULES, *DEPENDENCY_RULES)
RULE_SET = RulePack("builtin technologies", TECHNOLOGIES_RULES)

__all__ = ["RULE_SET", "TECHNOLOGIES_RULES"]

"""The documentation area's rules and facts, imported when a run needs them."""

from standards_lint.rule import Fact, RulePack
from standards_lint.rules.docstrings.convention_rules import CONVENTION_RULES
from standards_lint.rules.docstrings.coverage import (
    COVERAGE_FACT,
    DocstringCoverage,
    collect_coverage,
)
from standards_lint.rules.docstrings.presence import PRESENCE_RULES

DOCSTRINGS_RULES = (*PRESENCE_RULES, DocstringCoverage, *CONVENTION_RULES)
DOCSTRINGS_FACTS = (Fact(COVERAGE_FACT, "docstrings", collect_coverage),)
RULE_SET = RulePack("builtin docstrings", DOCSTRINGS_RULES, facts=DOCSTRINGS_FACTS)

__all__ = ["DOCSTRINGS_FACTS", "DOCSTRINGS_RULES", "RULE_SET"]

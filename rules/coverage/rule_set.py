"""The coverage area's rules and facts, imported when a run needs them."""

from standards_lint.rule import Fact, RulePack
from standards_lint.rules.coverage.data_rules import (
    CoverageDataMissing,
    CoverageDataStale,
    CoverageDataUnreadable,
)
from standards_lint.rules.coverage.file_shape import SHAPE_FACT, collect_shape
from standards_lint.rules.coverage.threshold_rules import FileCoverage, PathCoverage, TotalCoverage

COVERAGE_RULES = (
    CoverageDataMissing,
    CoverageDataUnreadable,
    CoverageDataStale,
    TotalCoverage,
    FileCoverage,
    PathCoverage,
)
COVERAGE_FACTS = (Fact(SHAPE_FACT, "coverage", collect_shape),)
RULE_SET = RulePack("builtin coverage", COVERAGE_RULES, facts=COVERAGE_FACTS)

__all__ = ["COVERAGE_FACTS", "COVERAGE_RULES", "RULE_SET"]

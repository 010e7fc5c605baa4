"""The documentation standards: docstring presence, coverage and convention (``[docstrings]``)."""

from standards_lint.rule import Area, Fact
from standards_lint.rules.docstrings.convention_rules import CONVENTION_RULES
from standards_lint.rules.docstrings.coverage import (
    COVERAGE_FACT,
    DocstringCoverage,
    collect_coverage,
)
from standards_lint.rules.docstrings.options import DocstringOptions
from standards_lint.rules.docstrings.presence import PRESENCE_RULES

DOCSTRINGS_AREA = Area(
    name="docstrings", prefix="DOC", title="Documentation", options=DocstringOptions
)
DOCSTRINGS_RULES = (*PRESENCE_RULES, DocstringCoverage, *CONVENTION_RULES)
DOCSTRINGS_FACTS = (Fact(COVERAGE_FACT, "docstrings", collect_coverage),)

__all__ = ["DOCSTRINGS_AREA", "DOCSTRINGS_FACTS", "DOCSTRINGS_RULES"]

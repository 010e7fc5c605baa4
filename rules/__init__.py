"""The built-in rule pack, registered like any other through the entry point."""

from standards_lint.rule import RulePack
from standards_lint.rules.architecture import (
    ARCHITECTURE_AREA,
    ARCHITECTURE_FACTS,
    ARCHITECTURE_RULES,
)
from standards_lint.rules.complexity import (
    COMPLEXITY_AREA,
    COMPLEXITY_FACTS,
    COMPLEXITY_RULES,
)
from standards_lint.rules.coverage import COVERAGE_AREA, COVERAGE_FACTS, COVERAGE_RULES
from standards_lint.rules.docstrings import (
    DOCSTRINGS_AREA,
    DOCSTRINGS_FACTS,
    DOCSTRINGS_RULES,
)
from standards_lint.rules.style import STYLE_AREA, STYLE_RULES
from standards_lint.rules.technologies import TECHNOLOGIES_AREA, TECHNOLOGIES_RULES
from standards_lint.rules.tests import TESTS_AREA, TESTS_FACTS, TESTS_RULES

PACK = RulePack(
    name="builtin",
    rules=[
        *STYLE_RULES,
        *ARCHITECTURE_RULES,
        *DOCSTRINGS_RULES,
        *COMPLEXITY_RULES,
        *TECHNOLOGIES_RULES,
        *TESTS_RULES,
        *COVERAGE_RULES,
    ],
    areas=[
        STYLE_AREA,
        ARCHITECTURE_AREA,
        DOCSTRINGS_AREA,
        COMPLEXITY_AREA,
        TECHNOLOGIES_AREA,
        TESTS_AREA,
        COVERAGE_AREA,
    ],
    facts=[
        *ARCHITECTURE_FACTS,
        *DOCSTRINGS_FACTS,
        *COMPLEXITY_FACTS,
        *TESTS_FACTS,
        *COVERAGE_FACTS,
    ],
)

__all__ = ["PACK"]

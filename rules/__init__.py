"""The built-in rule pack, registered like any other through the entry point.

Each area's options are imported with the pack; its rules (``rule_set``)
only when a run selects one of them, as :mod:`.index` describes them.
"""

from standards_lint.rule import RulePack
from standards_lint.rules.architecture import ARCHITECTURE_AREA
from standards_lint.rules.complexity import COMPLEXITY_AREA
from standards_lint.rules.coverage import COVERAGE_AREA
from standards_lint.rules.docstrings import DOCSTRINGS_AREA
from standards_lint.rules.index import DEFERRED
from standards_lint.rules.style import STYLE_AREA
from standards_lint.rules.technologies import TECHNOLOGIES_AREA
from standards_lint.rules.tests import TESTS_AREA

PACK = RulePack(
    name="builtin",
    rules=[],
    areas=[
        STYLE_AREA,
        ARCHITECTURE_AREA,
        DOCSTRINGS_AREA,
        COMPLEXITY_AREA,
        TECHNOLOGIES_AREA,
        TESTS_AREA,
        COVERAGE_AREA,
    ],
    deferred=DEFERRED,
)

__all__ = ["PACK"]

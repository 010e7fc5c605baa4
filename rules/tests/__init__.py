"""The test standards: modules have tests, and tests check something (``[tests]``).

The rules are in :mod:`.rule_set`, imported when a run selects one of them.
"""

from standards_lint.rule import Area
from standards_lint.rules.tests.options import TestStandardsOptions

TESTS_AREA = Area(name="tests", prefix="TST", title="Test standards", options=TestStandardsOptions)

__all__ = ["TESTS_AREA"]

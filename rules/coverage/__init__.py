"""The test-coverage standards (``[coverage]``), judged on coverage.py's data.

The rules (:mod:`.rule_set`, imported when a run selects one of them):
COV001-COV003 make sure there is data to judge (missing, unreadable,
stale), COV101 judges the total and the changed lines and publishes the
figures, COV102 each file, COV103 each ``[[coverage.paths]]`` glob.

The data are an external input, read once per run and only when the
standards ask something of coverage (:mod:`.reading`): coverage.py's data
file through coverage.py itself (:mod:`.coverage_py`), its JSON report, or a
Cobertura XML report (:mod:`.reports`, :mod:`.cobertura`). The measured code
is never imported or run. Each checked file yields its shape
(:mod:`.file_shape`), a cached fact that tells stale data apart.
"""

from standards_lint.rule import Area
from standards_lint.rules.coverage.options import CoverageOptions

COVERAGE_AREA = Area("coverage", "COV", "Test coverage", CoverageOptions)

__all__ = ["COVERAGE_AREA"]

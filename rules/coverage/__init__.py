"""The test-coverage standards (``[coverage]``), judged on coverage.py's data.

The rules: COV001-COV003 make sure there is data to judge (missing, unreadable,
stale), COV101 judges the total and the changed lines and publishes the
figures, COV102 each file, COV103 each ``[[coverage.paths]]`` glob.

The data are an external input, read once per run and only when the
standards ask something of coverage (:mod:`.reading`): coverage.py's data
file through coverage.py itself (:mod:`.coverage_py`), its JSON report, or a
Cobertura XML report (:mod:`.reports`, :mod:`.cobertura`). The measured code
is never imported or run. Each checked file yields its shape
(:mod:`.file_shape`), a cached fact that tells stale data apart.
"""

from __future__ import annotations

from standards_lint.rule import Area, Fact

from .data_rules import CoverageDataMissing, CoverageDataStale, CoverageDataUnreadable
from .file_shape import SHAPE_FACT, FileShape, collect_shape
from .measurement import MeasuredFile, Measurement, Tally
from .options import CoverageOptions, PathThreshold
from .reading import CoverageData, DataMissing, DataUnreadable, read_coverage
from .threshold_rules import (
    BRANCH_COVERAGE_METRIC,
    LINE_COVERAGE_METRIC,
    NEW_CODE_COVERAGE_METRIC,
    TOTAL_COVERAGE_METRIC,
    FileCoverage,
    NewCodeCoverage,
    PathCoverage,
    TotalCoverage,
)

COVERAGE_AREA = Area("coverage", "COV", "Test coverage", CoverageOptions)
COVERAGE_RULES = (
    CoverageDataMissing,
    CoverageDataUnreadable,
    CoverageDataStale,
    TotalCoverage,
    FileCoverage,
    PathCoverage,
)
COVERAGE_FACTS = (Fact(SHAPE_FACT, "coverage", collect_shape),)

__all__ = [
    "BRANCH_COVERAGE_METRIC",
    "COVERAGE_AREA",
    "COVERAGE_FACTS",
    "COVERAGE_RULES",
    "LINE_COVERAGE_METRIC",
    "NEW_CODE_COVERAGE_METRIC",
    "TOTAL_COVERAGE_METRIC",
    "CoverageData",
    "CoverageOptions",
    "DataMissing",
    "DataUnreadable",
    "FileShape",
    "MeasuredFile",
    "Measurement",
    "NewCodeCoverage",
    "PathThreshold",
    "Tally",
    "read_coverage",
]

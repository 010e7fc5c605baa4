"""The options of the ``[coverage]`` area: where the data is and the thresholds it must meet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from standards_lint.rule import option

_PERCENT_KEYS = ("fail-under", "file-fail-under", "new-code-fail-under")


@dataclass(frozen=True, slots=True)
class PathThreshold:
    """One ``[[coverage.paths]]`` table: a coverage threshold for some of the measured files."""

    glob: str = option(
        "",
        "Gitignore-style pattern, relative to the standards file's folder, of the measured"
        " files this threshold is for (as in [[overrides]] paths): 'src/shop/', 'scripts/'.",
    )
    fail_under: float = option(
        100.0,
        "Least coverage, in percent, of the files matching glob taken together (covered"
        " lines and branches over all their lines and branches).",
    )

    def __post_init__(self) -> None:
        """Refuse an empty glob and a threshold outside 0-100."""
        if not self.glob.strip():
            raise ValueError("every [[coverage.paths]] table needs a glob")
        if not 0 <= self.fail_under <= 100:
            raise ValueError(
                f"[[coverage.paths]] glob {self.glob!r}: fail-under must be between 0 and"
                f" 100, not {self.fail_under}"
            )


@dataclass(frozen=True, slots=True)
class CoverageOptions:
    """Options of the ``[coverage]`` section of the standards file."""

    data_file: str | None = option(
        None,
        "The coverage data to judge, relative to the standards file's folder: coverage.py's"
        " data file (.coverage), its JSON report (coverage json) or a Cobertura XML report"
        " (coverage xml, and other tools'); the format is recognised from the content."
        " Unset: the data file coverage.py's configuration names (data_file, else"
        " .coverage), then its JSON and XML reports (coverage.json, coverage.xml, or the"
        " configured outputs), the first that exists.",
    )
    fail_under: float | None = option(
        None,
        "Least total coverage, in percent, as coverage.py's report computes it: covered"
        " lines (and, when branches were measured, covered branches) over all lines (and"
        " branches). Compared as coverage.py's fail_under is, rounded to as many decimals"
        " as the threshold is written with. Unset: the figure is only published.",
    )
    file_fail_under: float | None = option(
        None,
        "Least coverage, in percent, of every measured file on its own; reported on the"
        " file. May differ per path through [[overrides]].",
    )
    paths: tuple[PathThreshold, ...] = option(
        (),
        "Coverage thresholds for parts of the project ([[coverage.paths]] tables with glob"
        " and fail-under): the matching files' lines and branches taken together.",
    )
    new_code_fail_under: float | None = option(
        None,
        "Least coverage of the changed lines when the run is gated on a diff (check"
        " --diff-from or --diff-file): covered changed executable lines over changed"
        " executable lines, as diff-cover computes it. Published as new_code_coverage.",
    )
    missing_data: Literal["report", "ignore"] = option(
        "report",
        "What to do when coverage is asked for (a threshold or data-file is set) but no"
        " data file exists: 'report' it (COV001), or 'ignore' it and judge nothing (for"
        " runs that do not run the tests, such as a pre-commit hook).",
    )

    def __post_init__(self) -> None:
        """Refuse thresholds outside 0-100 and an empty data-file, naming the key."""
        problems = []
        for key, threshold in zip(
            _PERCENT_KEYS,
            (self.fail_under, self.file_fail_under, self.new_code_fail_under),
            strict=True,
        ):
            if threshold is not None and not 0 <= threshold <= 100:
                problems.append(f"{key} must be between 0 and 100, not {threshold}")
        if self.data_file is not None and not self.data_file.strip():
            problems.append("data-file may not be empty")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def asks_for_coverage(self) -> bool:
        """Whether the standards ask anything of coverage: only then is the data read."""
        thresholds = (self.fail_under, self.file_fail_under, self.new_code_fail_under)
        return (
            self.data_file is not None
            or bool(self.paths)
            or any(threshold is not None for threshold in thresholds)
        )

"""COV101-COV103: coverage of the project, of each file and of parts of it, against thresholds.

The figures are coverage.py's (see :mod:`.measurement`); the verdicts follow
its ``fail_under`` rule (see :func:`.figures.falls_short`). The coverage of
new code is diff-cover's: changed lines that are statements, and how many of
them ran.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath

import pathspec

from standards_lint.rule import Invalid, ProjectFacts, Valid

from .examples import BRANCH_REPORT, PRICES_REPORT, REPORT_PATH, SHOP_REPORT
from .figures import falls_short, line_ranges, shown
from .measurement import Measurement, Tally, total
from .options import CoverageOptions
from .project_data import CoverageProjectRule, display_paths

TOTAL_COVERAGE_METRIC = "total_coverage"
LINE_COVERAGE_METRIC = "line_coverage"
BRANCH_COVERAGE_METRIC = "branch_coverage"
NEW_CODE_COVERAGE_METRIC = "new_code_coverage"
#: How many files the uncovered changed lines are listed for, in one message.
_LISTED_FILES = 20


def _shortfall(what: str, tally: Tally, has_branches: bool, threshold: float, key: str) -> str:
    """Name the figure, the counts behind it and the threshold (option ``key``) it misses."""
    return (
        f"{what} is {shown(tally.percent, threshold)} ({tally.describe(has_branches)}),"
        f" below {key} {threshold:g}%"
    )


class TotalCoverage(CoverageProjectRule):
    """Publishes the coverage figures and judges the total and the changed lines."""

    code = "COV101"
    name = "total-coverage"
    summary = (
        "Total test coverage is below fail-under, or the changed lines' below new-code-fail-under."
    )
    rationale = (
        "A coverage threshold keeps tests from eroding, one untested change at a time. The"
        " total is coverage.py's own (`coverage report`, with the project's coverage"
        " configuration: omit, exclusions, branch measurement, [paths]), so this replaces"
        " coverage.py's fail_under and judges it the same way. On a pull request (check"
        " --diff-from or --diff-file), new-code-fail-under holds the changed lines to their"
        " own, usually higher, threshold as diff-cover does: of the changed lines that are"
        " statements, how many ran; legacy code need not reach it before new code is held"
        " to it. The uncovered changed lines are listed. Figures are published as"
        " total_coverage (what fail-under judges), line_coverage, branch_coverage (when"
        " branches were measured) and new_code_coverage (on a diff), which a baseline"
        " holds from falling."
    )
    options_used = ("fail-under", "new-code-fail-under", "data-file")
    valid = (
        Valid(SHOP_REPORT, path=REPORT_PATH, options={"fail-under": 50}),
        Valid(PRICES_REPORT, path=REPORT_PATH, options={"fail-under": 75.0}),
        Valid(SHOP_REPORT, path=REPORT_PATH),
    )
    invalid = (
        Invalid(
            SHOP_REPORT,
            path=REPORT_PATH,
            options={"fail-under": 80},
            line=1,
            message="total coverage is 50.00% (4 of 8 lines covered), below fail-under 80%",
        ),
        Invalid(
            BRANCH_REPORT,
            path=REPORT_PATH,
            options={"fail-under": 70},
            message="total coverage is 66.67% (3 of 4 lines and 1 of 2 branches covered),"
            " below fail-under 70%",
        ),
        Invalid(
            PRICES_REPORT,
            path=REPORT_PATH,
            options={"fail-under": 100},
            message="total coverage is 75.00% (3 of 4 lines covered), below fail-under 100%",
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Publish the figures and judge fail-under and, on a diff, new-code-fail-under."""
        found = self.coverage_data(project)
        if not isinstance(found, Measurement):
            return
        overall = found.tally
        self.publish(TOTAL_COVERAGE_METRIC, overall.percent)
        self.publish(LINE_COVERAGE_METRIC, overall.line_percent)
        if found.has_branches:
            self.publish(BRANCH_COVERAGE_METRIC, overall.branch_percent)
        threshold = self.options.fail_under
        if threshold is not None and falls_short(overall.percent, threshold):
            message = _shortfall(
                "total coverage", overall, found.has_branches, threshold, "fail-under"
            )
            self.report(message, value=threshold - overall.percent)
        if project.changed_lines is not None:
            self._check_new_code(found, project)

    def _check_new_code(self, found: Measurement, project: ProjectFacts) -> None:
        """Publish the changed lines' coverage and judge it against new-code-fail-under."""
        changed = NewCodeCoverage.of(found, project.changed_lines or {}, project.root_paths)
        self.publish(NEW_CODE_COVERAGE_METRIC, changed.percent)
        threshold = self.options.new_code_fail_under
        if threshold is None or not falls_short(changed.percent, threshold):
            return
        self.report(changed.message(threshold), value=threshold - changed.percent)


class NewCodeCoverage:
    """The changed executable lines and the uncovered ones among them, by file."""

    def __init__(self, executable: int, uncovered: Mapping[str, frozenset[int]]) -> None:
        self.executable = executable
        self.uncovered = uncovered

    @classmethod
    def of(
        cls,
        found: Measurement,
        changed_lines: Mapping[str, frozenset[int]],
        root_paths: Mapping[str, str],
    ) -> NewCodeCoverage:
        """Count the changed lines (by display path) of every measured file."""
        executable = 0
        uncovered = {}
        for display, lines in sorted(changed_lines.items()):
            measured = found.by_path.get(root_paths.get(display, display))
            if measured is None:
                continue  # not measured: diff-cover has no coverage for it either
            executable += len(lines & measured.statements)
            missed = lines & measured.missing
            if missed:
                uncovered[display] = missed
        return cls(executable, uncovered)

    @property
    def missed(self) -> int:
        """How many changed executable lines did not run."""
        return sum(len(lines) for lines in self.uncovered.values())

    @property
    def percent(self) -> float:
        """Covered changed executable lines over changed executable lines; 100 if none."""
        if self.executable == 0:
            return 100.0
        return (self.executable - self.missed) / self.executable * 100

    def message(self, threshold: float) -> str:
        """The shortfall, with the uncovered changed lines of each file as ranges."""
        listed = sorted(self.uncovered.items())[:_LISTED_FILES]
        places = "; ".join(f"{path} {line_ranges(lines)}" for path, lines in listed)
        more = len(self.uncovered) - len(listed)
        if more:
            places += f"; and {more} more file(s)"
        covered = self.executable - self.missed
        return (
            f"coverage of the changed lines is {shown(self.percent, threshold)} ({covered} of"
            f" {self.executable} changed executable lines covered), below new-code-fail-under"
            f" {threshold:g}%; not covered: {places}"
        )


class FileCoverage(CoverageProjectRule):
    """Reports each measured file whose own coverage is below file-fail-under."""

    code = "COV102"
    name = "file-coverage"
    summary = "A file's test coverage is below file-fail-under."
    rationale = (
        "A good total can hide a module nobody tests: fifty well-tested files carry one"
        " with no tests at all. file-fail-under holds every measured file to a floor, and"
        " each file that misses it is reported on the file itself, with coverage.py's"
        " figure for it (its covered lines and branches over its lines and branches). The"
        " floor may differ by path through [[overrides]] ([overrides.coverage]"
        " file-fail-under); a measured file that standards-lint does not check is named"
        " in a finding against the standards file. To leave files out of the figures"
        " altogether, omit them in coverage.py's configuration."
    )
    options_used = ("file-fail-under", "data-file")
    valid = (
        Valid(SHOP_REPORT, path=REPORT_PATH, options={"file-fail-under": 25}),
        Valid(SHOP_REPORT, path=REPORT_PATH, options={"fail-under": 10}),
    )
    invalid = (
        Invalid(
            SHOP_REPORT,
            path=REPORT_PATH,
            options={"file-fail-under": 50},
            line=1,
            message="scripts/load.py: coverage is 25.00% (1 of 4 lines covered), below"
            " file-fail-under 50%",
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Judge every measured file against its own file-fail-under."""
        found = self.coverage_data(project)
        if not isinstance(found, Measurement):
            return
        displays = display_paths(project)
        for measured in found.files:
            display = displays.get(measured.path)
            options = self.options_for_path(display) if display is not None else self.options
            threshold = options.file_fail_under if isinstance(options, CoverageOptions) else None
            tally = measured.tally
            if threshold is not None and falls_short(tally.percent, threshold):
                message = _shortfall(
                    "coverage", tally, found.has_branches, threshold, "file-fail-under"
                )
                self.report_on_file(
                    displays, measured.path, message, value=threshold - tally.percent
                )


class PathCoverage(CoverageProjectRule):
    """Reports each [[coverage.paths]] glob whose files, together, miss its threshold."""

    code = "COV103"
    name = "path-coverage"
    summary = (
        "The test coverage of the files matching a [[coverage.paths]] glob is below its fail-under."
    )
    rationale = (
        "Not all code deserves the same tests: the core package that every feature leans"
        " on should be held higher than scripts run once a quarter. Each [[coverage.paths]]"
        " table gives a glob (gitignore-style, relative to the standards file) and its own"
        " fail-under, judged on the matching measured files taken together, like"
        " `coverage report --include` on those files, and reported against the standards"
        " file."
    )
    options_used = ("paths", "data-file")
    valid = (
        Valid(
            SHOP_REPORT,
            path=REPORT_PATH,
            options={"paths": [{"glob": "shop/", "fail-under": 75}]},
        ),
        Valid(
            SHOP_REPORT,
            path=REPORT_PATH,
            options={"paths": [{"glob": "api/", "fail-under": 100}]},
        ),
    )
    invalid = (
        Invalid(
            SHOP_REPORT,
            path=REPORT_PATH,
            options={
                "paths": [
                    {"glob": "shop/", "fail-under": 95},
                    {"glob": "scripts/", "fail-under": 20},
                ]
            },
            line=1,
            message="coverage of files matching 'shop/' is 75.00% (3 of 4 lines covered),"
            " below fail-under 95%",
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Judge each glob's matching files together."""
        found = self.coverage_data(project)
        if not isinstance(found, Measurement):
            return
        for threshold in self.options.paths:
            spec = pathspec.GitIgnoreSpec.from_lines([threshold.glob])
            matching = [
                file.tally
                for file in found.files
                if not PurePath(file.path).is_absolute() and spec.match_file(file.path)
            ]
            if not matching:
                continue
            tally = total(matching)
            if falls_short(tally.percent, threshold.fail_under):
                what = f"coverage of files matching {threshold.glob!r}"
                message = _shortfall(
                    what, tally, found.has_branches, threshold.fail_under, "fail-under"
                )
                self.report(message, value=threshold.fail_under - tally.percent)

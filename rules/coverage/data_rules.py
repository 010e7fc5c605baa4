"""COV001-COV003: the coverage data are there, readable, and measured on today's files."""

from __future__ import annotations

from standards_lint.rule import Invalid, ProjectFacts, Valid

from .examples import PRICES_REPORT, REPORT_PATH, SHOP_REPORT, json_report
from .figures import line_ranges
from .file_shape import SHAPE_FACT, FileShape
from .measurement import MeasuredFile, Measurement
from .project_data import CoverageProjectRule, display_paths
from .reading import DataMissing, DataUnreadable

_ASKED = {"fail-under": 80}


class CoverageDataMissing(CoverageProjectRule):
    """Reports that the standards ask for coverage and there is no data to judge."""

    code = "COV001"
    name = "coverage-data-missing"
    summary = "The standards set coverage thresholds, and there is no coverage data."
    rationale = (
        "A threshold that is silently skipped when the data is missing is no threshold:"
        " the gate passes exactly when the tests were not run under coverage. So when"
        " [coverage] sets a threshold or a data-file and no data is found, that is a"
        " finding against the standards file, naming where the data was looked for (and"
        " any parallel .coverage.* files waiting for `coverage combine`). Where the tests"
        ' are not run, as in a pre-commit hook, set missing-data = "ignore" for that run'
        " (through a second standards file that extends this one) rather than removing the"
        " thresholds. With nothing asked of coverage, no data is looked for at all, so"
        " coverage costs nothing to projects that do not use it."
    )
    options_used = ("data-file", "missing-data")
    valid = (
        Valid("price = 1\n"),
        Valid("price = 1\n", options={**_ASKED, "missing-data": "ignore"}),
        Valid(SHOP_REPORT, path=REPORT_PATH, options=_ASKED),
    )
    invalid = (
        Invalid(
            "price = 1\n",
            options=_ASKED,
            line=1,
            message="no coverage data: none of .coverage, coverage.json, coverage.xml exists",
        ),
        Invalid(
            SHOP_REPORT,
            path=REPORT_PATH,
            options={"data-file": "build/coverage.xml"},
            message="no coverage data: build/coverage.xml does not exist",
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Report a missing data file unless missing-data is "ignore"."""
        found = self.coverage_data(project)
        if not isinstance(found, DataMissing) or self.options.missing_data == "ignore":
            return
        places = ", ".join(found.looked_for)
        where = (
            f"{places} does not exist" if len(found.looked_for) == 1 else f"none of {places} exists"
        )
        hint = "; run the tests under coverage (coverage run -m pytest) first"
        if found.uncombined:
            count = len(found.uncombined)
            hint = f"; {count} parallel data file(s) found: run `coverage combine` first"
        self.report(f"no coverage data: {where}{hint}")


class CoverageDataUnreadable(CoverageProjectRule):
    """Reports a data file (or coverage configuration) that cannot be used."""

    code = "COV002"
    name = "coverage-data-unreadable"
    fails_the_run = True
    summary = "The coverage data file is corrupt, of an unknown format, or cannot be read."
    rationale = (
        "A damaged data file is the user's condition, not a defect of the tool, so it is a"
        " finding with the file and the reader's own words, rather than an internal error;"
        " and since no coverage standard could be judged, the run exits 2, as for any input"
        " the tool cannot use. Its thresholds are then not judged: no"
        " figure can be trusted. The usual causes are a run that was interrupted while"
        " writing .coverage, a report written by another tool in a format this one does"
        " not read (the formats read are coverage.py's data file, its JSON report and"
        " Cobertura XML), or an unreadable coverage.py configuration."
    )
    options_used = ("data-file",)
    valid = (Valid(SHOP_REPORT, path=REPORT_PATH, options=_ASKED),)
    invalid = (
        Invalid(
            '{"meta": {"format": 3},\n',
            path=REPORT_PATH,
            options=_ASKED,
            line=1,
            message="cannot use the coverage data coverage.json: not valid JSON",
        ),
        Invalid(
            "Name Stmts Miss Cover\n",
            path="coverage.txt",
            options={"data-file": "coverage.txt"},
            message="neither coverage.py data, a coverage.py JSON report nor Cobertura XML",
        ),
        Invalid(
            '<?xml version="1.0"?>\n<!DOCTYPE coverage [<!ENTITY a "aaaa">]>\n'
            "<coverage>&a;</coverage>\n",
            path="coverage.xml",
            options=_ASKED,
            message="declares XML entities, which are refused",
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Report the data file and why it cannot be used."""
        found = self.coverage_data(project)
        if isinstance(found, DataUnreadable):
            self.report(f"cannot use the coverage data {found.source}: {found.reason}")


class CoverageDataStale(CoverageProjectRule):
    """Reports files whose coverage data were measured on another version of them."""

    code = "COV003"
    name = "coverage-data-stale"
    summary = "Coverage data were measured on another version of a file, or on a deleted file."
    rationale = (
        "Coverage data name line numbers; after an edit they point at other lines, and the"
        " figures judge code that is not there any more. Data record no hash of what they"
        " measured, so staleness is found where the data contradict today's file: a"
        " recorded line beyond the file's end, a recorded line that is blank or only a"
        " comment (no statement can start there), or a measured file that no longer"
        " exists. Each is reported on the file (or against the standards file, for a file"
        " standards-lint does not check), with the lines. Run the tests under coverage"
        " again after changing code, and in CI measure and check in the same job. An edit"
        " that leaves every recorded line on code cannot be told from the data."
    )
    options_used = ("data-file",)
    valid = (
        Valid("price = 1\n"),
        Valid(json_report({}), path=REPORT_PATH, options=_ASKED),
    )
    invalid = (
        Invalid(
            PRICES_REPORT,
            path=REPORT_PATH,
            options=_ASKED,
            line=1,
            message="shop/prices.py: coverage data were measured on a file that no longer exists",
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Compare every measured file with the shape of the checked file at its path."""
        found = self.coverage_data(project)
        if not isinstance(found, Measurement):
            return
        displays = display_paths(project)
        shapes = {
            project.root_paths.get(display, display): shape
            for display, shape in project.values(SHAPE_FACT)
            if isinstance(shape, FileShape)
        }
        for measured in found.files:
            problem = _staleness(measured, shapes.get(measured.path))
            if problem is not None:
                self.report_on_file(displays, measured.path, problem)


def _staleness(measured: MeasuredFile, shape: FileShape | None) -> str | None:
    """Why ``measured`` does not fit today's file, or None if nothing says so."""
    if not measured.exists:
        return "coverage data were measured on a file that no longer exists"
    if shape is None:
        return None
    recorded = measured.executed | measured.statements
    beyond = sorted(line for line in recorded if line > shape.line_count)
    if beyond:
        return (
            f"coverage data are stale: they record line(s) {line_ranges(beyond)}, beyond"
            f" the file's {shape.line_count} lines; measure it again"
        )
    off_code = sorted(line for line in recorded if line > 0 and shape.cannot_hold_statement(line))
    if off_code:
        return (
            f"coverage data are stale: they record line(s) {line_ranges(off_code)} as code,"
            " which are blank or comments now; measure it again"
        )
    return None

"""JUnit XML: what junitparser (as Jenkins, GitLab and Azure do) reads back."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import junitparser
from reporter_samples import HOSTILE, ODD_PATH

from standards_lint.model import Report
from standards_lint.reporters import RenderContext
from standards_lint.reporters.junit import render_junit


def parsed(report: Report, context: RenderContext, tmp_path: Path) -> junitparser.JUnitXml:
    target = tmp_path / "junit.xml"
    target.write_text(render_junit(report, context), encoding="utf-8")
    return junitparser.JUnitXml.fromfile(str(target))


def test_a_suite_per_file_and_a_case_per_violation(
    report: Report, context: RenderContext, tmp_path: Path
) -> None:
    xml = parsed(report, context, tmp_path)
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {"app/a.py", "app/clean.py", "app/held.py", ODD_PATH}
    assert (suites["app/a.py"].tests, suites["app/a.py"].failures) == (2, 2)
    assert (suites["app/clean.py"].tests, suites["app/clean.py"].failures) == (1, 0)
    assert (suites["app/held.py"].skipped, suites["app/held.py"].failures) == (2, 0)
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (7, 4, 0, 2)


def test_failures_carry_the_message_and_the_rule(
    report: Report, context: RenderContext, tmp_path: Path
) -> None:
    suite = next(suite for suite in parsed(report, context, tmp_path) if suite.name == "app/a.py")
    cases = list(suite)
    [failure] = cases[0].result
    assert isinstance(failure, junitparser.Failure)
    assert failure.type == "STY001"
    assert failure.message == "line is 120 characters long (120 > 100)"
    assert "The summary of line-too-long." in (failure.text or "")
    assert cases[0].name == "STY001 line-too-long at 3:5"


def test_hostile_text_is_escaped_not_interpreted(
    report: Report, context: RenderContext, tmp_path: Path
) -> None:
    suite = next(suite for suite in parsed(report, context, tmp_path) if suite.name == "app/a.py")
    [failure] = list(suite)[1].result
    # The bell character cannot be in XML; everything else comes back exactly.
    assert failure.message == HOSTILE.replace("\x07", "\ufffd")
    document = ElementTree.fromstring(render_junit(report, context).encode("utf-8"))
    assert document.find(".//script") is None


def test_suppressed_violations_are_skipped_cases(
    report: Report, context: RenderContext, tmp_path: Path
) -> None:
    suite = next(
        suite for suite in parsed(report, context, tmp_path) if suite.name == "app/held.py"
    )
    messages = sorted(case.result[0].message for case in suite)
    assert messages == [
        "held back by a suppression comment: a URL <cannot> be wrapped",
        "held back by the baseline",
    ]


def test_a_clean_run_has_passing_cases(context: RenderContext, tmp_path: Path) -> None:
    xml = parsed(Report(1, (), checked_paths=("a.py",)), context, tmp_path)
    [suite] = list(xml)
    [case] = list(suite)
    assert case.is_passed

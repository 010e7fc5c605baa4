"""GitLab Code Quality: the fields GitLab reads, unique fingerprints, mapped severities."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from reporter_samples import HOSTILE, violation

from standards_lint.model import Report, Severity
from standards_lint.reporters import RenderContext
from standards_lint.reporters.gitlab import SEVERITIES, render_gitlab

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def issues(report: Report, context: RenderContext) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(render_gitlab(report, context))
    return found


def test_every_violation_is_an_issue_with_gitlabs_fields(
    report: Report, context: RenderContext
) -> None:
    found = issues(report, context)
    assert len(found) == len(report.violations)
    for issue, source in zip(found, report.violations, strict=True):
        assert issue["description"] == f"{source.rule} {source.name}: {source.message}"
        assert issue["check_name"] == source.rule
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["location"] == {
            "path": source.path,
            "lines": {"begin": source.span.line, "end": source.span.end_line},
        }
        assert issue["fingerprint"] == source.fingerprint
    assert any(HOSTILE in issue["description"] for issue in found)


def test_severities_are_mapped() -> None:
    assert SEVERITIES == {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def test_fingerprints_are_unique_even_when_violations_share_one(context: RenderContext) -> None:
    same = violation("STY001", "a.py", 3, "too long", fingerprint="0123456789abcdef")
    twin = dataclasses.replace(same, span=dataclasses.replace(same.span, line=9))
    unfingerprinted = dataclasses.replace(same, fingerprint="")
    found = issues(Report(1, (same, twin, unfingerprinted, unfingerprinted)), context)
    fingerprints = [issue["fingerprint"] for issue in found]
    assert fingerprints[0] == "0123456789abcdef"
    assert len(set(fingerprints)) == 4


def test_fingerprints_are_stable_across_runs(report: Report, context: RenderContext) -> None:
    assert render_gitlab(report, context) == render_gitlab(report, context)


def test_suppressed_violations_are_not_issues(report: Report, context: RenderContext) -> None:
    paths = {issue["location"]["path"] for issue in issues(report, context)}
    assert "app/held.py" not in paths


def test_an_empty_report_is_an_empty_list(context: RenderContext) -> None:
    assert issues(Report(0, ()), context) == []

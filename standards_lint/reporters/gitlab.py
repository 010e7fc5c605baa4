"""GitLab Code Quality: the JSON list a ``codequality`` report artifact holds.

Each violation is one issue: ``description`` (the rule and the message),
``check_name`` (the rule's code), ``fingerprint`` (unique in the report, and
stable across edits, as GitLab compares a merge request's issues with its
target branch's by fingerprint), ``severity`` and ``location`` (``path``
relative to the Git work tree, ``lines.begin`` and ``lines.end``). Our
severities map onto GitLab's five as :data:`SEVERITIES` says: an error
blocks the merge, so it is ``major``; a warning is ``minor``; ``info``
stays ``info``. GitLab's ``critical`` and ``blocker`` are not used.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Final

from standards_lint.model import Report, Severity, Violation
from standards_lint.reporters.context import RenderContext

SEVERITIES: Final = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
#: Code Climate's categories for the built-in areas; any other area is "Style".
_CATEGORIES: Final = {"complexity": "Complexity", "docstrings": "Clarity"}


def render_gitlab(report: Report, context: RenderContext) -> str:
    """The report as a GitLab Code Quality report (a JSON array of issues)."""
    seen: set[str] = set()
    issues = [_issue(violation, context, seen) for violation in report.violations]
    return json.dumps(issues, indent=2) + "\n"


def _issue(violation: Violation, context: RenderContext, seen: set[str]) -> dict[str, Any]:
    rule = context.rule(violation.rule, violation.name)
    issue: dict[str, Any] = {
        "type": "issue",
        "description": f"{violation.rule} {violation.name}: {violation.message}",
        "check_name": violation.rule,
        "fingerprint": _unique_fingerprint(violation, seen),
        "severity": SEVERITIES[violation.severity],
        "categories": [_CATEGORIES.get(rule.area, "Style")],
        "location": {
            "path": context.source_path(violation.path),
            "lines": {"begin": violation.span.line, "end": violation.span.end_line},
        },
    }
    if rule.summary:
        issue["content"] = {"body": f"{rule.summary} See {rule.help_uri}"}
    return issue


def _unique_fingerprint(violation: Violation, seen: set[str]) -> str:
    """The violation's own fingerprint, made unique within the report if it is not already."""
    base = violation.fingerprint or _place_hash(violation)
    candidate, occurrence = base, 0
    while candidate in seen:
        occurrence += 1
        candidate = hashlib.sha256(f"{base}\0{occurrence}".encode()).hexdigest()[:32]
    seen.add(candidate)
    return candidate


def _place_hash(violation: Violation) -> str:
    parts = (violation.rule, violation.path, violation.message)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]

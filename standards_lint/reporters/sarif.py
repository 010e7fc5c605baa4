"""SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

One run, whose ``tool.driver.rules`` lists every rule that ran, with its
summary, rationale and a link to its section of the rule reference. Each
violation is a result that points at its rule by id and index, with a
region in a file whose URI is relative to ``%SRCROOT%`` (the Git work tree,
or the working directory outside one) and the violation's fingerprint as a
partial fingerprint, so that code scanning follows an alert across edits.
Violations held back by a suppression comment (``inSource``) or the
baseline (``external``) are results too, with a ``suppressions`` entry:
code scanning then closes their alerts rather than losing track of them.
A violation the tool can repair has a ``fixes`` entry: the regions of the
file to replace, as character offsets into its decoded text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final
from urllib.parse import quote

from standards_lint.model import (
    Fix,
    HeldBy,
    Report,
    Severity,
    Skipped,
    SuppressedViolation,
    Violation,
)
from standards_lint.reporters.context import RenderContext, RuleDoc

SCHEMA_URI: Final = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT: Final = "%SRCROOT%"
#: The key of our fingerprint in ``partialFingerprints`` (versioned, as SARIF advises).
FINGERPRINT_KEY: Final = "standardsLint/v1"
LEVELS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_BASELINE_JUSTIFICATION: Final = "accepted in the standards-lint baseline"


def render_sarif(report: Report, context: RenderContext) -> str:
    """The report as a SARIF 2.1.0 log with one run."""
    rules = _rules_of(report, context)
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = [_result(violation, index, context) for violation in report.violations]
    results += [_suppressed_result(held, index, context) for held in report.suppressed]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": context.tool_name,
                "version": context.tool_version,
                "informationUri": context.information_uri,
                "rules": [_descriptor(rule) for rule in rules],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": context.source_root.as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [_invocation(report, context)],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, allow_nan=False) + "\n"


def _rules_of(report: Report, context: RenderContext) -> list[RuleDoc]:
    """Every rule that ran, and any that reported without being known to the context."""
    found = {violation.rule: violation.name for violation in _all_violations(report)}
    codes = sorted({*context.rules, *found})
    return [context.rule(code, found.get(code, "")) for code in codes]


def _all_violations(report: Report) -> list[Violation]:
    return [*report.violations, *(held.violation for held in report.suppressed)]


def _descriptor(rule: RuleDoc) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [tag for tag in (rule.area, "standards") if tag]},
    }
    if rule.rationale:
        descriptor["fullDescription"] = {"text": rule.rationale}
        descriptor["help"] = {
            "text": f"{rule.summary}\n\n{rule.rationale}\n\nSee {rule.help_uri}",
            "markdown": f"{rule.summary}\n\n{rule.rationale}\n\n[{rule.code} {rule.name}]"
            f"({rule.help_uri})",
        }
    if rule.options:
        descriptor["properties"]["options"] = dict(rule.options)
    return descriptor


def _result(violation: Violation, index: dict[str, int], context: RenderContext) -> dict[str, Any]:
    span = violation.span
    uri = _uri(context.source_path(violation.path))
    # SARIF's endColumn is the column after the region; an empty region at a
    # point (a report about a line) is widened to one character.
    end_column = span.end_column
    if span.end_line == span.line and end_column <= span.column:
        end_column = span.column + 1
    result: dict[str, Any] = {
        "ruleId": violation.rule,
        "ruleIndex": index[violation.rule],
        "level": LEVELS[violation.severity],
        "message": {"text": violation.message or violation.name},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": SRCROOT},
                    "region": {
                        "startLine": max(span.line, 1),
                        "startColumn": max(span.column, 1),
                        "endLine": max(span.end_line, span.line, 1),
                        "endColumn": max(end_column, 1),
                    },
                }
            }
        ],
    }
    if violation.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: violation.fingerprint}
    if violation.fix is not None:
        result["fixes"] = [_fix(violation.fix, uri)]
    return result


def _fix(fix: Fix, uri: str) -> dict[str, Any]:
    """A SARIF fix: one artifact change whose replacements are the fix's edits.

    ``charOffset`` and ``charLength`` count Unicode code points of the decoded
    text, as the edits' offsets do (``columnKind`` says the same of columns).
    """
    replacements = [
        {
            "deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
            "insertedContent": {"text": edit.replacement},
        }
        for edit in fix.edits
    ]
    change = {"artifactLocation": {"uri": uri, "uriBaseId": SRCROOT}, "replacements": replacements}
    return {"description": {"text": fix.description}, "artifactChanges": [change]}


def _suppressed_result(
    held: SuppressedViolation, index: dict[str, int], context: RenderContext
) -> dict[str, Any]:
    result = _result(held.violation, index, context)
    if held.held_by is HeldBy.BASELINE:
        suppression = {"kind": "external", "justification": _BASELINE_JUSTIFICATION}
    else:
        suppression = {"kind": "inSource", "justification": held.reason or "no reason given"}
    result["suppressions"] = [suppression]
    return result


def _uri(path: str) -> str:
    """A relative URI reference for a ``/``-separated path, percent-encoded as UTF-8."""
    return quote(path, safe="/")


def _invocation(report: Report, context: RenderContext) -> dict[str, Any]:
    invocation: dict[str, Any] = {
        # Violations are what the tool is for; only exit code 2 is a failed execution.
        "executionSuccessful": report.exit_code != 2,
        "exitCode": context.exit_code,
    }
    notifications = _notifications(report.skipped)
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def _notifications(skipped: Sequence[Skipped]) -> list[dict[str, Any]]:
    return [
        {
            "level": "note",
            "message": {"text": f"skipped {item.path}: {item.reason}"},
        }
        for item in skipped
    ]

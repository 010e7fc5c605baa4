"""The plain data every stage exchanges: frozen, slotted, picklable, ordered."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

import pytest

from standards_lint.model import (
    Edit,
    FileResult,
    Report,
    Severity,
    Span,
    Suppression,
    Violation,
)


def violation(
    rule: str = "STY001",
    severity: Severity = Severity.ERROR,
    path: str = "a.py",
    line: int = 1,
    column: int = 1,
    message: str = "m",
) -> Violation:
    return Violation(rule, "name", severity, path, Span(line, column, line, column + 1), message)


def test_severity_parses_its_values() -> None:
    assert [Severity.parse(text) for text in ("error", "warning", "info")] == [
        Severity.ERROR,
        Severity.WARNING,
        Severity.INFO,
    ]


def test_severity_parse_names_the_choices() -> None:
    with pytest.raises(
        ValueError, match=r"unknown severity 'fatal'; expected one of error, warning, info"
    ):
        Severity.parse("fatal")


def test_severity_is_its_string() -> None:
    assert Severity.WARNING == "warning"
    assert Severity.WARNING.value == "warning"


@pytest.mark.parametrize(
    "value",
    [
        Span(1, 2, 3, 4),
        violation(),
        Suppression(None, 3, ("STY001",), "why"),
        FileResult("a.py", (violation(),), (Suppression(2, 2, (), ""),), {"fact": (1, 2)}),
        Report(2, (violation(),), {"coverage": 50.0}, 1),
    ],
    ids=lambda value: type(value).__name__,
)
def test_data_is_frozen_slotted_and_picklable(value: object) -> None:
    assert not hasattr(value, "__dict__")
    field = dataclasses.fields(value)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, None)
    assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own data


def test_violation_line_is_its_span_line() -> None:
    assert violation(line=7).line == 7


def test_violations_sort_by_path_line_column_code_message() -> None:
    ordered = [
        violation(path="a.py", line=1, column=1, rule="STY002"),
        violation(path="a.py", line=1, column=2, rule="STY001"),
        violation(path="a.py", line=2, column=1, rule="STY001", message="a"),
        violation(path="a.py", line=2, column=1, rule="STY001", message="b"),
        violation(path="a.py", line=10, column=1),
        violation(path="b.py", line=1, column=1),
    ]
    shuffled = [ordered[i] for i in (5, 3, 0, 4, 2, 1)]
    assert sorted(shuffled, key=lambda v: v.sort_key) == ordered


def test_file_result_defaults_are_empty() -> None:
    result = FileResult("a.py", ())
    assert result.suppressions == ()
    assert dict(result.facts) == {}


def test_report_counts_by_severity() -> None:
    report = Report(
        1,
        (
            violation(severity=Severity.ERROR),
            violation(severity=Severity.WARNING),
            violation(severity=Severity.WARNING),
        ),
    )
    assert report.count(Severity.ERROR) == 1
    assert report.count(Severity.WARNING) == 2
    assert report.count(Severity.INFO) == 0


@pytest.mark.parametrize(
    ("severities", "internal_errors", "expected"),
    [
        ((), 0, 0),
        ((Severity.WARNING, Severity.INFO), 0, 0),
        ((Severity.ERROR,), 0, 1),
        ((), 1, 2),
        ((Severity.ERROR,), 3, 2),
    ],
)
def test_report_exit_code(
    severities: tuple[Severity, ...], internal_errors: int, expected: int
) -> None:
    report = Report(1, tuple(violation(severity=s) for s in severities), {}, internal_errors)
    assert report.exit_code == expected


def test_model_does_not_import_libcst() -> None:
    code = "import sys, standards_lint.model; print('libcst' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_edit_between_two_texts_is_the_smallest_single_one() -> None:
    assert Edit.between("abcdef", "abXYef") == Edit(2, 4, "XY")
    assert Edit.between("aaa", "aaaa") == Edit(3, 3, "a")
    assert Edit.between("abc", "") == Edit(0, 3, "")
    assert Edit.between("same", "same") == Edit(4, 4, "")
    assert Edit.between("x = 1\n", "x = 2\n", offset=10) == Edit(14, 15, "2")

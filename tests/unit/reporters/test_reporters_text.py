"""The text reporter: exact lines, summary wording, statistics, metrics, colour on request."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import click
import pytest

from standards_lint.model import Edit, Fix, FixSafety, Report, Severity, Span, Violation
from standards_lint.reporters import RENDERERS, RenderContext
from standards_lint.reporters.json_report import render_json
from standards_lint.reporters.text import render_text


def violation(
    code: str = "STY001",
    severity: Severity = Severity.ERROR,
    path: str = "src/a.py",
    line: int = 3,
    column: int = 5,
    name: str = "line-too-long",
    message: str = "line is 120 characters long (120 > 100)",
) -> Violation:
    return Violation(code, name, severity, path, Span(line, column, line, column + 2), message)


def test_registered_renderers_take_their_options_from_the_context() -> None:
    report = Report(1, (violation(), violation("STY001", line=9)))
    context = RenderContext(
        tool_version="1.0", working_directory=Path("/"), source_root=Path("/"), statistics=True
    )
    assert RENDERERS["text"](report, context) == render_text(report, statistics=True)
    assert RENDERERS["json"](report, context) == render_json(report, statistics=True)
    coloured = dataclasses.replace(context, color=True)
    assert RENDERERS["text"](report, coloured) == render_text(report, color=True, statistics=True)


def test_exact_lines() -> None:
    report = Report(
        3,
        (
            violation(),
            violation(
                "DOC001", Severity.WARNING, "src/b.py", 1, 1, "missing-docstring", "no docstring"
            ),
        ),
    )
    assert render_text(report) == (
        "src/a.py:3:5: STY001 [line-too-long] line is 120 characters long (120 > 100)\n"
        "src/b.py:1:1: DOC001 [missing-docstring] no docstring\n"
        "\n"
        "Found 2 violations (1 error, 1 warning) in 3 files.\n"
    )


def test_a_clean_run() -> None:
    assert render_text(Report(1, ())) == "All standards met in 1 file.\n"
    assert render_text(Report(0, ())) == (
        "No files were checked: no file matches the standards' include.\n"
    )
    assert render_text(Report(12, ())) == "All standards met in 12 files.\n"


@pytest.mark.parametrize(
    ("severities", "files", "summary"),
    [
        ((Severity.ERROR,), 1, "Found 1 violation (1 error) in 1 file."),
        ((Severity.ERROR, Severity.ERROR), 1, "Found 2 violations (2 errors) in 1 file."),
        ((Severity.WARNING,), 2, "Found 1 violation (1 warning) in 2 files."),
        ((Severity.WARNING,) * 3, 2, "Found 3 violations (3 warnings) in 2 files."),
        ((Severity.INFO,), 1, "Found 1 violation (1 info) in 1 file."),
        ((Severity.INFO,) * 2, 1, "Found 2 violations (2 info) in 1 file."),
        (
            (Severity.INFO, Severity.ERROR, Severity.WARNING, Severity.ERROR),
            4,
            "Found 4 violations (2 errors, 1 warning, 1 info) in 4 files.",
        ),
    ],
)
def test_summary_pluralisation(severities: tuple[Severity, ...], files: int, summary: str) -> None:
    report = Report(
        files, tuple(violation(severity=s, line=i + 1) for i, s in enumerate(severities))
    )
    assert render_text(report).splitlines()[-1] == summary


def test_statistics_by_count_then_code() -> None:
    found = (
        *(violation("DOC001", name="missing-docstring", line=i) for i in range(1, 11)),
        violation("STY001", line=20),
        violation("CPX001", name="too-complex", line=21),
        violation("CPX001", name="too-complex", line=22),
    )
    output = render_text(Report(2, found), statistics=True).splitlines()
    assert output[13:] == [
        "",
        "10  DOC001  missing-docstring",
        " 2  CPX001  too-complex",
        " 1  STY001  line-too-long",
        "",
        "Found 13 violations (13 errors) in 2 files.",
    ]


def test_statistics_of_a_clean_run_add_nothing() -> None:
    assert render_text(Report(1, ()), statistics=True) == "All standards met in 1 file.\n"


def test_metrics_follow_the_summary() -> None:
    report = Report(
        1,
        (),
        {
            "docstring_coverage": 87.456,
            "functions": 12.0,
            "average_complexity": 2.5,
            "ratio": 1 / 3,
        },
    )
    assert render_text(report).splitlines() == [
        "All standards met in 1 file.",
        "docstring coverage: 87.5%",
        "functions: 12",
        "average complexity: 2.5",
        "ratio: 0.33",
    ]


@pytest.mark.parametrize("value", [math.inf, math.nan], ids=["inf", "nan"])
def test_a_non_finite_metric_does_not_crash_the_report(value: float) -> None:
    output = render_text(Report(1, (), {"average_complexity": value}))
    assert output.splitlines()[-1].startswith("average complexity: ")


def test_no_colour_unless_asked() -> None:
    report = Report(1, (violation(), violation(severity=Severity.WARNING, line=4)))
    assert "\x1b[" not in render_text(report)
    assert "\x1b[" not in render_text(report, statistics=True)


def test_colour_when_asked() -> None:
    report = Report(
        1,
        (
            violation(severity=Severity.ERROR, line=1),
            violation(severity=Severity.WARNING, line=2),
            violation(severity=Severity.INFO, line=3),
        ),
    )
    output = render_text(report, color=True)
    lines = output.splitlines()
    where, reset = "\x1b[1msrc/a.py:{}:5:\x1b[0m", "\x1b[0m"
    for number, colour in ((1, 31), (2, 33), (3, 34)):
        assert lines[number - 1] == (
            f"{where.format(number)} \x1b[{colour}m\x1b[1mSTY001{reset} [line-too-long]"
            " line is 120 characters long (120 > 100)"
        )
    assert click.unstyle(output) == render_text(report)


def fixable(line: int, safety: FixSafety) -> Violation:
    """A violation on ``line`` whose fix has ``safety``."""
    fix = Fix("Repair it", (Edit(0, 1, ""),), safety)
    return dataclasses.replace(violation(line=line), fix=fix)


def test_a_safe_fix_is_marked_and_counted() -> None:
    report = Report(1, (fixable(3, FixSafety.SAFE), violation(line=4)))
    assert render_text(report) == (
        "src/a.py:3:5: STY001 [*] [line-too-long] line is 120 characters long (120 > 100)\n"
        "src/a.py:4:5: STY001 [line-too-long] line is 120 characters long (120 > 100)\n"
        "\n"
        "Found 2 violations (2 errors) in 1 file.\n"
        "Fixable: 1 with `standards-lint check --fix` (marked [*]).\n"
    )


@pytest.mark.parametrize(
    ("safeties", "summary"),
    [
        (
            (FixSafety.SAFE, FixSafety.UNSAFE, FixSafety.SAFE),
            "Fixable: 2 with `standards-lint check --fix` (marked [*]),"
            " 1 more with `--unsafe-fixes`.",
        ),
        (
            (FixSafety.UNSAFE, FixSafety.UNSAFE),
            "Fixable: 2 with `standards-lint check --fix --unsafe-fixes`.",
        ),
    ],
)
def test_unsafe_fixes_are_counted_but_not_marked(
    safeties: tuple[FixSafety, ...], summary: str
) -> None:
    found = tuple(fixable(line, safety) for line, safety in enumerate(safeties, start=1))
    output = render_text(Report(1, found)).splitlines()
    marked = [line for line in output[: len(found)] if " STY001 [*] " in line]
    assert len(marked) == safeties.count(FixSafety.SAFE)
    assert output[len(found) + 2 :] == [summary]


def test_the_mark_stays_plain_when_coloured() -> None:
    output = render_text(Report(1, (fixable(3, FixSafety.SAFE),)), color=True)
    code = click.style("STY001", fg="red", bold=True)
    assert f"{code} [*] [line-too-long]" in output

"""Report formats and destinations: ``--format json``, ``--output``, ``--statistics``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import pytest

from standards_lint.version import tool_version

from .harness import Invoke, MakeProject, assert_lines

VIOLATION_KEYS = [
    "rule",
    "name",
    "severity",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "fingerprint",
]


def long_line(line: int, length: int, severity: str = "error") -> dict[str, Any]:
    """The JSON of one STY001 violation in the sample project ``violations``."""
    return {
        "rule": "STY001",
        "name": "line-too-long",
        "severity": severity,
        "path": "app/report.py",
        "line": line,
        "column": 61,
        "end_line": line,
        "end_column": length + 1,
        "message": f"line is {length} characters long ({length} > 60)",
        "fingerprint": ANY,
    }


def test_json_report_schema(cli: Invoke, project: MakeProject) -> None:
    result = cli("check", "--format", "json", cwd=project("violations"))
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert list(document) == [
        "version",
        "standards",
        "files_checked",
        "skipped",
        "violations",
        "metrics",
        "summary",
    ]
    assert document == {
        "version": tool_version(),
        "standards": "standards.toml",
        "files_checked": 3,
        "skipped": [],
        "violations": [long_line(4, 61), long_line(9, 76)],
        "metrics": {},
        "summary": {"error": 2, "warning": 0, "info": 0},
    }
    assert all(list(violation) == VIOLATION_KEYS for violation in document["violations"])


def test_json_report_of_a_clean_run(cli: Invoke, project: MakeProject) -> None:
    result = cli("check", "--format", "json", cwd=project("clean"))
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["violations"] == []
    assert document["files_checked"] == 2
    assert document["summary"] == {"error": 0, "warning": 0, "info": 0}


def test_json_report_shows_severity_after_the_standards(cli: Invoke, project: MakeProject) -> None:
    root = project("violations")
    result = cli("check", "--format", "json", "--config", "as_warnings.toml", cwd=root)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["violations"] == [long_line(4, 61, "warning"), long_line(9, 76, "warning")]
    assert document["summary"] == {"error": 0, "warning": 2, "info": 0}


def test_json_report_of_a_failing_rule_names_it(cli: Invoke, project: MakeProject) -> None:
    result = cli("check", "--format", "json", cwd=project("failing_plugin"))
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    crashes = [violation for violation in document["violations"] if violation["rule"] == "SL002"]
    assert len(crashes) == 1
    assert crashes[0]["path"] == "src/target.py"
    assert "FRG001" in crashes[0]["message"]
    assert "ZeroDivisionError" in crashes[0]["message"]


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_output_file_holds_what_stdout_would(
    output_format: str, cli: Invoke, project: MakeProject
) -> None:
    root = project("violations")
    to_stdout = cli("check", "--format", output_format, cwd=root)
    to_file = cli("check", "--format", output_format, "--output", "report.out", cwd=root)
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == ""
    assert (root / "report.out").read_text(encoding="utf-8") == to_stdout.stdout


def test_output_file_outside_the_project(cli: Invoke, project: MakeProject, tmp_path: Path) -> None:
    root = project("clean")
    target = tmp_path / "lint.json"
    result = cli("check", "--format", "json", "--output", str(target), cwd=root)
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["files_checked"] == 2


def test_output_file_directories_are_created(cli: Invoke, project: MakeProject) -> None:
    root = project("violations")
    result = cli("check", "--format", "json", "--output", "reports/lint/report.json", cwd=root)
    assert result.exit_code == 1, result.stderr
    assert json.loads((root / "reports/lint/report.json").read_text(encoding="utf-8"))


def test_output_file_that_cannot_be_written_is_a_clear_error(
    cli: Invoke, project: MakeProject
) -> None:
    root = project("violations")
    result = cli("check", "--output", "app/ok.py/report.txt", cwd=root)
    assert result.exit_code == 2
    assert result.stderr.startswith("standards-lint: error: cannot write app/ok.py/report.txt")
    assert "Traceback" not in result.stderr


def test_statistics(cli: Invoke, project: MakeProject) -> None:
    result = cli("check", "--statistics", cwd=project("suppressions"))
    assert result.exit_code == 1
    assert_lines(
        result.lines,
        [
            "inline.py:3:1: SL003 [*] [unused-suppression]"
            " this suppression of STY001 suppresses nothing",
            "inline.py:4:61: STY001 [line-too-long] line is 75 characters long (75 > 60)",
            "",
            "1  SL003   unused-suppression",
            "1  STY001  line-too-long",
            "",
            "Found 2 violations (1 error, 1 warning) in 2 files.",
            "Fixable: 1 with `standards-lint check --fix` (marked [*]).",
            "Suppressed: 5 violations by comments in the code (hidden).",
        ],
    )


def test_statistics_most_frequent_first(cli: Invoke, project: MakeProject) -> None:
    result = cli(
        "check", "--statistics", "--config", "require_reason.toml", cwd=project("suppressions")
    )
    first_blank = result.lines.index("")
    table = result.lines[first_blank + 1 : result.lines.index("", first_blank + 1)]
    assert table == [
        "2  SL004   suppression-without-reason",
        "1  SL003   unused-suppression",
        "1  STY001  line-too-long",
    ]


def test_statistics_of_a_clean_run_is_just_the_summary(cli: Invoke, project: MakeProject) -> None:
    result = cli("check", "--statistics", cwd=project("clean"))
    assert result.lines == ["All standards met in 2 files."]


def test_severity_most_specific_selector_wins(cli: Invoke, project: MakeProject) -> None:
    root = project("violations")
    (root / "standards.toml").write_text(
        'select = ["line-too-long", "tool"]\n'
        "[style]\nmax-line-length = 60\n"
        '[severity]\nstyle = "info"\nSTY = "warning"\nline-too-long = "error"\n',
        encoding="utf-8",
    )
    assert cli("check", cwd=root).exit_code == 1
    (root / "standards.toml").write_text(
        'select = ["line-too-long", "tool"]\n'
        "[style]\nmax-line-length = 60\n"
        '[severity]\nstyle = "error"\nSTY = "info"\n',
        encoding="utf-8",
    )
    result = cli("check", "--format", "json", cwd=root)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"] == {"error": 0, "warning": 0, "info": 2}

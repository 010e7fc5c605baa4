"""The real console script and ``python -m standards_lint``, in their own processes.

These show what ``CliRunner`` cannot: the entry point wrapper, the program
name in usage messages, real exit statuses and real standard streams.
"""

from __future__ import annotations

import json
import sys

import pytest

from standards_lint.version import tool_version

from .harness import BIN, MakeProject, assert_no_traceback, run_process

COMMANDS = {
    "console-script": [str(BIN / "standards-lint")],
    "python-m": [sys.executable, "-m", "standards_lint"],
}


@pytest.fixture(params=sorted(COMMANDS))
def command(request: pytest.FixtureRequest) -> list[str]:
    """The command line that starts standards-lint, each way it can be started."""
    return COMMANDS[request.param]


def test_violations_exit_1(command: list[str], project: MakeProject) -> None:
    result = run_process([*command, "check"], project("violations"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "Found 2 violations (2 errors) in 3 files."
    assert result.stderr == ""


def test_clean_exit_0_with_json(command: list[str], project: MakeProject) -> None:
    result = run_process([*command, "check", "--format", "json"], project("clean"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"] == {"error": 0, "warning": 0, "info": 0}


def test_bad_standards_exit_2_without_traceback(command: list[str], project: MakeProject) -> None:
    root = project("bad_configs")
    result = run_process([*command, "check", "--config", "wrong_type.toml"], root)
    assert result.exit_code == 2
    assert "max-line-length: expected an integer" in result.stderr
    assert_no_traceback(result)


def test_failing_rule_exit_2(command: list[str], project: MakeProject) -> None:
    result = run_process([*command, "check", "--jobs", "2"], project("failing_plugin"))
    assert result.exit_code == 2
    assert "SL002 [internal-error] rule FRG001" in result.stdout
    assert_no_traceback(result)


def test_version(command: list[str], project: MakeProject) -> None:
    result = run_process([*command, "--version"], project("clean"))
    assert (result.exit_code, result.stdout) == (0, f"standards-lint, version {tool_version()}\n")


def test_console_script_usage_names_the_program(project: MakeProject) -> None:
    result = run_process([*COMMANDS["console-script"], "check", "--bogus"], project("clean"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: standards-lint check [OPTIONS] [PATHS]...")


def test_rules_json_lists_the_builtin_pack(project: MakeProject) -> None:
    result = run_process([*COMMANDS["python-m"], "rules", "--format", "json"], project("clean"))
    assert result.exit_code == 0
    codes = {rule["code"] for rule in json.loads(result.stdout)}
    assert {"STY001", "SL001", "SL002", "SL003", "SL004", "SL005"} <= codes

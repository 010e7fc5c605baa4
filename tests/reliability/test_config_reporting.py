"""A mistake in the standards is never hidden: not by a plugin, a base file or a name.

The contract: ``check`` lists every problem of the standards at once and exits
2; each problem names the file where the offending key was written (a base
reached by ``extends`` answers for its own keys); what only a plugin that
failed to load could define is said once, not reported as unknown; a
``pyproject.toml`` whose table name is a misspelling of ``standards-lint`` is
an error, not a silent run of the defaults; and ``rules`` and ``explain``
still work, with a one-line warning, while the standards are broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from functional.harness import Invoke, Run, assert_no_traceback, without_positions

HEADER = "standards-lint: the standards file has problems:"

GOOD_PLUGIN = '''\
"""One rule, so that the test can see it listed."""

from standards_lint import Area, Rule, RulePack, Valid


class Tidy(Rule):
    """Never reports."""

    code = "TDY001"
    name = "tidy"
    area = "tidy"
    summary = "Never reports."
    rationale = "It exists to be listed."
    valid = (Valid("x = 1\\n"),)


PACK = RulePack(name="tidy", rules=[Tidy], areas=[Area(name="tidy", prefix="TDY", title="Tidy")])
'''


def write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def problem_lines(result: Run) -> list[str]:
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert_no_traceback(result)
    assert result.stdout == ""
    lines = [without_positions(line) for line in result.stderr.splitlines()]
    assert lines[0] == HEADER, result.stderr
    return [line.removeprefix("  ") for line in lines[1:]]


def broken_project(root: Path) -> Path:
    """A plugin that fails, one that loads, and mistakes that have nothing to do with either."""
    return write(
        root,
        {
            "code.py": "VALUE = 1\n",
            "lint/tidy.py": GOOD_PLUGIN,
            "lint/team.py": "import team_rules_dependency_not_installed\n",
            "standards.toml": (
                'plugins = ["lint/tidy.py", "lint/team.py"]\n'
                'exclude = ["lint/"]\n'
                'select = ["STY001", "tidy", "TEAM001"]\n'
                "respect-gitignore = 1\n"
                "[style]\nmax-line-lenght = 80\n"
                "[team]\nstrict = true\n"
            ),
        },
    )


def test_a_failed_plugin_hides_none_of_the_other_mistakes(cli: Invoke, tmp_path: Path) -> None:
    root = broken_project(tmp_path / "project")
    where = root / "standards.toml"
    assert problem_lines(cli("check", cwd=root)) == [
        "plugin 'lint/team.py' failed to load: ModuleNotFoundError:"
        " No module named 'team_rules_dependency_not_installed'",
        f"{where}: [style]: unknown key 'max-line-lenght'; did you mean 'max-line-length'?",
        f"{where}: respect-gitignore: expected true or false, got an integer (1)",
        f"{where}: cannot check 'TEAM001', 'team':"
        " plugin 'lint/team.py' did not load, and may define them",
    ]


def test_without_a_failed_plugin_an_unknown_selector_is_an_error(
    cli: Invoke, tmp_path: Path
) -> None:
    root = broken_project(tmp_path / "project")
    team_plugin = GOOD_PLUGIN.replace("tidy", "team").replace("TDY", "TEAM")
    (root / "lint" / "team.py").write_text(team_plugin.replace("Tidy", "Team"), encoding="utf-8")
    where = root / "standards.toml"
    assert problem_lines(cli("check", cwd=root)) == [
        f"{where}: [style]: unknown key 'max-line-lenght'; did you mean 'max-line-length'?",
        f"{where}: [team]: unknown key 'strict'; this table takes no keys",
        f"{where}: respect-gitignore: expected true or false, got an integer (1)",
    ]


def test_every_file_of_an_extends_chain_answers_for_its_own_keys(
    cli: Invoke, tmp_path: Path
) -> None:
    root = write(
        tmp_path / "project",
        {
            "code.py": "VALUE = 1\n",
            "org/base.toml": '[style]\nmax-line-lenght = 80\n[severity]\nSTY001 = "fatal"\n',
            "team/standards.toml": (
                'extends = "../org/base.toml"\nselect = ["line-to-long"]\n'
            ),
            "service/standards.toml": (
                'extends = "../team/standards.toml"\n[docstrings]\nconventon = "pep257"\n'
            ),
        },
    )
    org, team, service = (
        root / "org" / "base.toml",
        root / "team" / "standards.toml",
        root / "service" / "standards.toml",
    )
    assert problem_lines(cli("check", "--config", str(service), cwd=root)) == [
        f"{org}: [style]: unknown key 'max-line-lenght'; did you mean 'max-line-length'?",
        f"{org}: [severity]: STY001: unknown severity 'fatal';"
        " expected one of error, warning, info",
        f"{team}: select: unknown rule, prefix or area 'line-to-long';"
        " did you mean 'line-too-long'?",
        f"{service}: [docstrings]: unknown key 'conventon'; did you mean 'convention'?",
    ]


def test_a_base_that_cannot_be_read_does_not_hide_the_extending_files_mistakes(
    cli: Invoke, tmp_path: Path
) -> None:
    root = write(
        tmp_path / "project",
        {"base.toml": "select = [\n", "standards.toml": 'extends = "base.toml"\nselct = []\n'},
    )
    problems = problem_lines(cli("check", cwd=root))
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"{root / 'base.toml'}: invalid TOML: ")
    assert problems[1] == f"{root / 'standards.toml'}: unknown key 'selct'; did you mean 'select'?"


# A misspelt pyproject table ---------------------------------------------------------


@pytest.mark.parametrize("table", ["standards_lint", "standardslint", "standard-lint"])
def test_a_misspelt_pyproject_table_is_an_error(
    table: str, cli: Invoke, tmp_path: Path
) -> None:
    root = write(
        tmp_path / "project",
        {
            "pyproject.toml": f'[project]\nname = "p"\n\n[tool.{table}]\nselect = ["STY001"]\n',
            "src/code.py": "VALUE = 1\n",
        },
    )
    assert problem_lines(cli("check", cwd=root / "src")) == [
        f"{root / 'pyproject.toml'}: unknown table [tool.{table}];"
        " did you mean [tool.standards-lint]?"
    ]


def test_a_misspelt_table_is_not_passed_over_for_a_file_further_up(
    cli: Invoke, tmp_path: Path
) -> None:
    root = write(
        tmp_path / "repo",
        {
            "standards.toml": 'select = ["STY001"]\n',
            "service/pyproject.toml": "[tool.standards_lint]\nselect = []\n",
            "service/code.py": "VALUE = 1\n",
        },
    )
    assert problem_lines(cli("check", cwd=root / "service")) == [
        f"{root / 'service' / 'pyproject.toml'}: unknown table [tool.standards_lint];"
        " did you mean [tool.standards-lint]?"
    ]


def test_a_misspelt_table_named_by_config_is_an_error(cli: Invoke, tmp_path: Path) -> None:
    root = write(tmp_path / "project", {"pyproject.toml": "[tool.standardslint]\nselect = []\n"})
    assert problem_lines(cli("check", "--config", "pyproject.toml", cwd=root)) == [
        "pyproject.toml: unknown table [tool.standardslint]; did you mean [tool.standards-lint]?"
    ]


def test_other_tools_tables_leave_discovery_alone(cli: Invoke, tmp_path: Path) -> None:
    root = write(
        tmp_path / "project",
        {
            "pyproject.toml": "[tool.pylint]\nx = 1\n[tool.importlinter]\ny = 2\n",
            "code.py": "VALUE = 1\n",
        },
    )
    result = cli("check", "--no-cache", cwd=root)
    assert result.exit_code in (0, 1), result.stderr
    # Only the notice that the defaults run: no misspelling is suspected.
    assert result.stderr.startswith("standards-lint: warning: no standards file found")
    assert "did you mean" not in result.stderr


# The reference commands while the standards are broken -------------------------------


def test_rules_lists_what_loaded_with_one_warning(cli: Invoke, tmp_path: Path) -> None:
    root = broken_project(tmp_path / "project")
    result = cli("rules", cwd=root)
    assert result.exit_code == 0, result.stderr
    codes = [line.split()[0] for line in result.lines]
    assert {"STY001", "SL001", "TDY001"} <= set(codes)
    assert result.stderr == (
        f"standards-lint: warning: the standards file {root / 'standards.toml'} has problems;"
        " `standards-lint check` lists them\n"
    )


@pytest.mark.parametrize("output_format", ["json", "markdown"])
def test_rules_in_other_formats_keep_stdout_clean(
    output_format: str, cli: Invoke, tmp_path: Path
) -> None:
    root = broken_project(tmp_path / "project")
    result = cli("rules", "--format", output_format, cwd=root)
    assert result.exit_code == 0, result.stderr
    assert "TDY001" in result.stdout
    assert "standards-lint: warning" not in result.stdout
    assert len(result.stderr.splitlines()) == 1


def test_explain_works_and_an_unknown_rule_stays_exit_2(cli: Invoke, tmp_path: Path) -> None:
    root = broken_project(tmp_path / "project")
    explained = cli("explain", "tidy", cwd=root)
    assert explained.exit_code == 0, explained.stderr
    assert explained.lines[0] == "TDY001 [tidy]"
    assert len(explained.stderr.splitlines()) == 1
    unknown = cli("explain", "TEAM001", cwd=root)
    assert unknown.exit_code == 2
    assert_no_traceback(unknown)
    assert unknown.stderr.splitlines()[-1] == (
        "standards-lint: error: unknown rule 'TEAM001';"
        " plugin 'lint/team.py' did not load, and may define it"
    )


def test_explain_with_an_unparsable_standards_file(cli: Invoke, tmp_path: Path) -> None:
    root = write(tmp_path / "project", {"standards.toml": "select = [\n"})
    result = cli("explain", "STY001", cwd=root)
    assert result.exit_code == 0, result.stderr
    assert result.lines[0] == "STY001 [line-too-long]"


def test_the_reference_commands_still_refuse_a_config_that_does_not_exist(
    cli: Invoke, tmp_path: Path
) -> None:
    for args in (["rules"], ["explain", "STY001"]):
        result = cli(*args, "--config", "nowhere.toml", cwd=tmp_path)
        assert result.exit_code == 2
        assert "nowhere.toml: no such standards file" in result.stderr

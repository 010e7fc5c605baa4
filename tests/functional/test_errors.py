"""The tool cannot do its job: exit 2, a message that names the culprit, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .harness import (
    Invoke,
    MakeProject,
    Run,
    assert_no_traceback,
    run_process,
    without_positions,
)

HEADER = "standards-lint: the standards file has problems:"

# (standards file in tests/assets/bad_configs, every line the message must contain)
BAD_STANDARDS = [
    pytest.param(
        "invalid_toml.toml",
        ["invalid_toml.toml: invalid TOML: ", "line 5"],
        id="invalid-toml-names-file-and-line",
    ),
    pytest.param(
        "unknown_top_key.toml",
        ["unknown_top_key.toml: unknown key 'selct'; did you mean 'select'?"],
        id="unknown-top-level-key",
    ),
    pytest.param(
        "unknown_style_key.toml",
        [
            "unknown_style_key.toml: [style]: unknown key 'max-line-lenght';"
            " did you mean 'max-line-length'?"
        ],
        id="unknown-style-key",
    ),
    pytest.param(
        "wrong_type.toml",
        ["wrong_type.toml: [style]: max-line-length: expected an integer, got a string ('eighty')"],
        id="wrong-type-in-area",
    ),
    pytest.param(
        "wrong_top_type.toml",
        ["wrong_top_type.toml: respect-gitignore: expected true or false, got a string ('yes')"],
        id="wrong-type-top-level",
    ),
    pytest.param(
        "style_not_table.toml",
        ["style_not_table.toml: [style] must be a table"],
        id="area-not-a-table",
    ),
    pytest.param(
        "unknown_select.toml",
        [
            "unknown_select.toml: select: unknown rule, prefix or area 'line-to-long';"
            " did you mean 'line-too-long'?"
        ],
        id="unknown-name-in-select",
    ),
    pytest.param(
        "unknown_code.toml",
        ["unknown_code.toml: ignore: unknown rule, prefix or area 'STY999'; did you mean"],
        id="unknown-code-in-ignore",
    ),
    pytest.param(
        "bad_severity.toml",
        [
            "bad_severity.toml: [severity]: STY001: unknown severity 'fatal';"
            " expected one of error, warning, info"
        ],
        id="unknown-severity",
    ),
    pytest.param(
        "bad_override.toml",
        ["bad_override.toml: [[overrides]] #1: paths: expected a non-empty list of strings"],
        id="override-without-paths",
    ),
    pytest.param(
        "bad_override_option.toml",
        ["bad_override_option.toml: [[overrides]] #1: [style]: max-line-length must be at least 1"],
        id="override-option-out-of-range",
    ),
    pytest.param(
        "many_problems.toml",
        [
            "many_problems.toml: unknown key 'selct'; did you mean 'select'?",
            "many_problems.toml: [style]: unknown key 'max-line-lenght';"
            " did you mean 'max-line-length'?",
            "many_problems.toml: [severity]: STY001: unknown severity 'fatal'",
        ],
        id="every-problem-at-once",
    ),
    pytest.param(
        "extends_missing.toml",
        ["extends_missing.toml: extends: no such file", "does_not_exist.toml"],
        id="extends-missing-file",
    ),
    pytest.param(
        "cycle_a.toml",
        ["cycle_b.toml: `extends` makes a cycle back to cycle_a.toml"],
        id="extends-cycle-names-the-file-that-closes-it",
    ),
    pytest.param(
        "extends_broken.toml",
        ["invalid_toml.toml: invalid TOML: ", "line 5"],
        id="extends-invalid-toml-names-the-base",
    ),
    pytest.param(
        "broken_plugin.toml",
        [
            "plugin 'lint/broken_plugin.py' failed to load: ModuleNotFoundError:"
            " No module named 'standards_lint_missing_dependency'"
        ],
        id="plugin-fails-to-import",
    ),
    pytest.param(
        "missing_plugin.toml",
        ["plugin 'lint/no_such_plugin.py' failed to load: FileNotFoundError: no such file"],
        id="plugin-missing",
    ),
    pytest.param(
        "packless_plugin.toml",
        ["plugin 'lint/packless.py' does not define a RulePack"],
        id="plugin-without-rule-pack",
    ),
    pytest.param(
        "bad_rule_metadata.toml",
        [
            "plugin 'lint/bad_metadata.py': Sloppy.code 'sloppy1' is not letters then 3 digits",
            "plugin 'lint/bad_metadata.py': Sloppy.name 'Sloppy Rule' is not kebab-case",
        ],
        id="plugin-rule-with-bad-metadata",
    ),
    pytest.param(
        "clashing_plugin.toml",
        ["plugin 'lint/clashing.py': Impostor reuses code STY001 of"],
        id="plugin-reuses-a-code",
    ),
]


# (standards file in tests/assets/standards_mistakes, every line the message must contain)
MORE_BAD_STANDARDS = [
    pytest.param(
        "exiting_plugin.toml",
        ["plugin 'lint/exits.py' failed to load: SystemExit: 3"],
        id="plugin-calls-sys-exit",
    ),
    pytest.param(
        "interrupting_plugin.toml",
        ["plugin 'lint/interrupts.py' failed to load: KeyboardInterrupt"],
        id="plugin-raises-keyboard-interrupt",
    ),
    pytest.param(
        "stopping_plugin.toml",
        ["plugin 'lint/stops.py' failed to load: Stop: the plugin stopped here"],
        id="plugin-raises-a-base-exception",
    ),
    pytest.param(
        "plugin_and_mistakes.toml",
        [
            "plugin 'lint/fragile.py' failed to load: ModuleNotFoundError:",
            "plugin_and_mistakes.toml: unknown key 'selct'; did you mean 'select'?",
            "plugin_and_mistakes.toml: [style]: unknown key 'max-line-lenght';"
            " did you mean 'max-line-length'?",
        ],
        id="a-failed-plugin-hides-no-other-mistake",
    ),
    pytest.param(
        "extends_child.toml",
        [
            "team/base.toml: [style]: unknown key 'max-line-lenght';"
            " did you mean 'max-line-length'?",
            "extends_child.toml: respect-gitignore: expected true or false, got a string ('yes')",
        ],
        id="extends-names-the-file-that-has-the-mistake",
    ),
]


def assert_problems(result: Run, expected: list[str]) -> list[str]:
    """Exit 2, nothing on stdout, the header, then a line holding each fragment."""
    assert result.exit_code == 2, result.stderr
    assert_no_traceback(result)
    assert result.stdout == ""
    lines = [without_positions(line) for line in result.stderr.splitlines()]
    assert lines[0] == HEADER, result.stderr
    for fragment in expected:
        assert any(fragment in line for line in lines[1:]), f"{fragment!r} not in:\n{result.stderr}"
    return lines[1:]


@pytest.mark.parametrize(("config", "expected"), BAD_STANDARDS)
def test_bad_standards_file(
    config: str, expected: list[str], cli: Invoke, project: MakeProject
) -> None:
    assert_problems(cli("check", "--config", config, cwd=project("bad_configs")), expected)


@pytest.mark.parametrize(("config", "expected"), MORE_BAD_STANDARDS)
def test_more_bad_standards_files(
    config: str, expected: list[str], cli: Invoke, project: MakeProject
) -> None:
    assert_problems(cli("check", "--config", config, cwd=project("standards_mistakes")), expected)


def test_the_rules_of_a_failed_plugin_are_not_each_called_unknown(
    cli: Invoke, project: MakeProject
) -> None:
    result = cli(
        "check", "--config", "plugin_and_mistakes.toml", cwd=project("standards_mistakes")
    )
    problems = assert_problems(result, [])
    assert len(problems) == 4, result.stderr
    assert problems[3] == (
        "  plugin_and_mistakes.toml: cannot check 'FRG001', 'fragile':"
        " plugin 'lint/fragile.py' did not load, and may define them"
    )
    assert not any("unknown rule" in line or "'fragile';" in line for line in problems)


def test_a_base_file_mistake_is_not_blamed_on_the_extending_file(
    cli: Invoke, project: MakeProject
) -> None:
    result = cli("check", "--config", "extends_child.toml", cwd=project("standards_mistakes"))
    problems = assert_problems(result, [])
    assert len(problems) == 2, result.stderr
    assert not any(
        "extends_child.toml" in line and "max-line-lenght" in line for line in problems
    )


CONFIGS_OF_BOTH_ASSETS = [
    *[pytest.param("bad_configs", param.values[0], id=param.id) for param in BAD_STANDARDS],
    *[
        pytest.param("standards_mistakes", param.values[0], id=param.id)
        for param in MORE_BAD_STANDARDS
    ],
]


@pytest.mark.parametrize(("asset", "config"), CONFIGS_OF_BOTH_ASSETS)
def test_rules_still_lists_the_rules(
    asset: str, config: str, cli: Invoke, project: MakeProject
) -> None:
    result = cli("rules", "--config", config, cwd=project(asset))
    assert result.exit_code == 0, result.stderr
    assert_no_traceback(result)
    assert any(line.startswith("STY001  line-too-long") for line in result.lines)
    assert result.stderr.splitlines() == [
        f"standards-lint: warning: the standards file {config} has problems;"
        f" `standards-lint check --config {config}` lists them"
    ]


@pytest.mark.parametrize(("asset", "config"), CONFIGS_OF_BOTH_ASSETS)
def test_explain_still_explains(asset: str, config: str, cli: Invoke, project: MakeProject) -> None:
    result = cli("explain", "line-too-long", "--config", config, cwd=project(asset))
    assert result.exit_code == 0, result.stderr
    assert_no_traceback(result)
    assert result.lines[0] == "STY001 [line-too-long]"
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("standards-lint: warning: the standards file ")


def test_explain_found_by_discovery_warns_once_and_names_the_file(
    cli: Invoke, project: MakeProject
) -> None:
    root = project("standards_mistakes")
    (root / "plugin_and_mistakes.toml").rename(root / "standards.toml")
    result = cli("explain", "STY001", cwd=root)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"standards-lint: warning: the standards file {root / 'standards.toml'} has problems;"
        " `standards-lint check` lists them\n"
    )


def test_explain_a_rule_of_the_failed_plugin(cli: Invoke, project: MakeProject) -> None:
    result = cli(
        "explain", "FRG001", "--config", "plugin_and_mistakes.toml",
        cwd=project("standards_mistakes"),
    )
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert result.stderr.splitlines()[-1] == (
        "standards-lint: error: unknown rule 'FRG001';"
        " plugin 'lint/fragile.py' did not load, and may define it"
    )


def test_a_misspelt_pyproject_table_is_an_error(cli: Invoke, project: MakeProject) -> None:
    root = project("misspelt_pyproject")
    result = cli("check", cwd=root / "src")
    assert_problems(
        result,
        [
            f"{root / 'pyproject.toml'}: unknown table [tool.standards_lint];"
            " did you mean [tool.standards-lint]?"
        ],
    )


def test_bad_standards_file_found_by_discovery(cli: Invoke, project: MakeProject) -> None:
    root = project("bad_configs")
    (root / "invalid_toml.toml").rename(root / "standards.toml")
    result = cli("check", cwd=root)
    assert result.exit_code == 2
    assert "standards.toml:5:10: invalid TOML: " in result.stderr
    assert_no_traceback(result)


def test_broken_pyproject_is_only_an_error_when_it_is_the_standards_file(
    cli: Invoke, project: MakeProject
) -> None:
    root = project("clean")
    inner = root / "inventory"
    (inner / "pyproject.toml").write_text("[project\nname = 'broken'\n", encoding="utf-8")
    result = cli("check", cwd=inner)
    assert result.exit_code == 0, result.stderr
    assert result.lines[0] == "All standards met in 2 files."


# (arguments, fragment of the message on stderr)
BAD_INVOCATIONS = [
    pytest.param(
        ["check", "does/not/exist.py"],
        "standards-lint: error: no such file or directory: does/not/exist.py",
        id="missing-path",
    ),
    pytest.param(
        ["check", "app", "missing_dir"],
        "no such file or directory: missing_dir",
        id="one-of-several-paths-missing",
    ),
    pytest.param(
        ["check", "--config", "nope.toml"],
        "nope.toml: no such standards file",
        id="missing-config",
    ),
    pytest.param(
        ["rules", "--config", "nope.toml"],
        "nope.toml: no such standards file",
        id="missing-config-for-rules",
    ),
    pytest.param(
        ["check", "--select", "line-too-lng"],
        "--select: unknown rule, prefix or area 'line-too-lng'; did you mean 'line-too-long'?",
        id="unknown-selector-on-the-command-line",
    ),
    pytest.param(
        ["check", "--ignore", "STY00x"],
        "--ignore: unknown rule, prefix or area 'STY00x'",
        id="unknown-ignore-on-the-command-line",
    ),
    pytest.param(
        ["check", "--config", "app"], "Invalid value for '--config'", id="config-is-a-directory"
    ),
    pytest.param(["check", "--format", "xml"], "unknown format 'xml'", id="bad-format"),
    pytest.param(["check", "--jobs", "0"], "Invalid value for '--jobs'", id="bad-jobs"),
    pytest.param(["check", "--no-such-flag"], "No such option '--no-such-flag'", id="bad-flag"),
    pytest.param(["lint"], "No such command 'lint'", id="bad-command"),
    pytest.param(["explain"], "Missing argument 'RULE'", id="explain-without-rule"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INVOCATIONS)
def test_bad_invocation(args: list[str], message: str, cli: Invoke, project: MakeProject) -> None:
    result = cli(*args, cwd=project("violations"))
    assert result.exit_code == 2
    assert message in result.stderr
    assert_no_traceback(result)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('select = ["ALL"]\n\n[style]\nmax-line-lenght = 80\n', ":4:1: [style]: unknown key"),
        ('[style]\nmax-line-length = "eighty"\n', ":2:1: [style]: max-line-length: expected"),
        ('select = ["STY001", "NOPE999"]\n', ":1:21: select: unknown rule"),
        ('[[overrides]]\npaths = ["a/"]\nselct = ["X"]\n', ":3:1: [[overrides]] #1: unknown key"),
        ("select = [\n", ":1:11: invalid TOML"),
    ],
)
def test_a_problem_names_the_line_and_column_of_its_key(
    cli: Invoke, tmp_path: Path, text: str, where: str
) -> None:
    (tmp_path / "standards.toml").write_text(text, encoding="utf-8")
    result = cli("check", cwd=tmp_path)
    assert result.exit_code == 2
    assert f"standards.toml{where}" in result.stderr, result.stderr


#: A plugin whose rules are deferred to a module that does not exist.
DEFERRED_TO_NOWHERE = """\
from standards_lint.rule import Area, DeferredRules, RuleEntry, RulePack

PACK = RulePack(
    "team",
    [],
    [Area("later", "LAT", "Later")],
    deferred=[
        DeferredRules("team_rules_nowhere:RULE_SET", "later", (RuleEntry("LAT001", "first-later"),))
    ],
)
"""
DEFERRED_FAILURE = (
    "plugin 'team_pack.py' failed to load: ModuleNotFoundError:"
    " No module named 'team_rules_nowhere'"
)


def _deferred_to_nowhere(root: Path) -> Path:
    (root / "team_pack.py").write_text(DEFERRED_TO_NOWHERE)
    (root / "standards.toml").write_text('plugins = ["team_pack.py"]\nselect = ["later"]\n')
    (root / "a.py").write_text("x = 1\n")
    return root


def test_deferred_rules_that_fail_to_import_are_a_standards_problem(
    cli: Invoke, tmp_path: Path
) -> None:
    result = cli("check", ".", cwd=_deferred_to_nowhere(tmp_path))
    assert_problems(result, [DEFERRED_FAILURE])


def test_deferred_rules_that_fail_when_first_looked_up_end_with_a_message(
    tmp_path: Path,
) -> None:
    # `explain` reads the standards as far as they load, then looks the rule
    # up: the import fails there, and the entry point reports it.
    result = run_process(
        [sys.executable, "-m", "standards_lint", "explain", "LAT001"],
        _deferred_to_nowhere(tmp_path),
    )
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert result.stderr.splitlines()[-2:] == [
        "standards-lint: error: a rule pack could not be loaded:",
        f"  {DEFERRED_FAILURE}",
    ]

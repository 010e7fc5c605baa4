"""The commands around ``check``: ``rules``, ``explain``, ``clean``, ``--version``, ``--help``."""

from __future__ import annotations

import json

import pytest

from standards_lint.version import tool_version

from .harness import Invoke, MakeProject, assert_no_traceback

TOOL_CODES = ["SL001", "SL002", "SL003", "SL004", "SL005"]


def test_rules_text_lists_every_rule_in_aligned_columns(cli: Invoke, project: MakeProject) -> None:
    result = cli("rules", cwd=project("clean"))
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.lines]
    assert codes == sorted(codes)
    assert set(TOOL_CODES) | {"STY001"} <= set(codes)
    by_code = {line.split()[0]: line for line in result.lines}
    assert by_code["STY001"].split()[1:4] == ["line-too-long", "style", "error"]
    assert by_code["STY001"].endswith("A line is longer than max-line-length characters.")
    assert by_code["SL003"].split()[1:4] == ["unused-suppression", "tool", "warning"]
    name_columns = {line.index(line.split()[1]) for line in result.lines}
    assert len(name_columns) == 1, "names should start in one column"


def test_rules_json(cli: Invoke, project: MakeProject) -> None:
    result = cli("rules", "--format", "json", cwd=project("clean"))
    assert result.exit_code == 0
    listing = json.loads(result.stdout)
    keys = ["code", "name", "area", "severity", "summary", "fix"]
    assert all(list(rule) == keys for rule in listing)
    by_code = {rule["code"]: rule for rule in listing}
    assert by_code["STY001"] == {
        "code": "STY001",
        "name": "line-too-long",
        "area": "style",
        "severity": "error",
        "summary": "A line is longer than max-line-length characters.",
        "fix": [],
    }
    assert by_code["STY011"]["fix"] == ["unsafe"]
    assert by_code["SL003"]["severity"] == "warning"
    assert [rule["code"] for rule in listing] == sorted(by_code)


def test_rules_include_local_plugins(cli: Invoke, project: MakeProject) -> None:
    result = cli("rules", "--format", "json", cwd=project("failing_plugin"))
    assert result.exit_code == 0
    by_code = {rule["code"]: rule for rule in json.loads(result.stdout)}
    assert by_code["FRG002"] == {
        "code": "FRG002",
        "name": "no-eval",
        "area": "fragile",
        "severity": "error",
        "summary": "eval is called.",
        "fix": [],
    }


@pytest.mark.parametrize("rule", ["STY001", "line-too-long", "sty001"])
def test_explain_by_code_or_name(rule: str, cli: Invoke, project: MakeProject) -> None:
    result = cli("explain", rule, cwd=project("clean"))
    assert result.exit_code == 0
    text = result.stdout
    assert result.lines[0] == "STY001 [line-too-long]"
    for expected in [
        "Area: style (Code style)",
        "Default severity: error",
        "A line is longer than max-line-length characters.",
        "Why:",
        "Options ([style] in the standards file):",
        "  max-line-length = 100",
        "      Longest line allowed, in characters.",
        "Reported:",
        "  # with max-line-length = 5",
        "Not reported:",
    ]:
        assert expected in result.lines, f"{expected!r} not in:\n{text}"
    assert text.index("Why:") < text.index("Options") < text.index("Reported:")
    assert text.index("Reported:") < text.index("Not reported:")


def test_explain_shows_defaults_not_the_projects_settings(
    cli: Invoke, project: MakeProject
) -> None:
    # The clean project sets max-line-length = 79; explain documents the default.
    result = cli("explain", "STY001", cwd=project("clean"))
    assert "  max-line-length = 100" in result.lines


def test_explain_a_plugin_rule(cli: Invoke, project: MakeProject) -> None:
    result = cli("explain", "no-eval", cwd=project("failing_plugin"))
    assert result.exit_code == 0
    assert result.lines[:3] == ["FRG002 [no-eval]", "", "Area: fragile (Rules under test)"]
    assert "  eval('1')" in result.lines


def test_explain_a_tool_rule(cli: Invoke, project: MakeProject) -> None:
    result = cli("explain", "SL001", cwd=project("clean"))
    assert result.exit_code == 0
    assert result.lines[0] == "SL001 [syntax-error]"
    assert "Area: tool (Problems found by the tool itself)" in result.lines


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("STY0001", "standards-lint: error: unknown rule 'STY0001'; did you mean 'STY001'?"),
        ("line-to-long", "unknown rule 'line-to-long'; did you mean 'line-too-long'?"),
        ("zzzzzz", "unknown rule 'zzzzzz'"),
    ],
)
def test_explain_unknown_rule(rule: str, message: str, cli: Invoke, project: MakeProject) -> None:
    result = cli("explain", rule, cwd=project("clean"))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)


@pytest.mark.parametrize("selector", ["style", "ALL"])
def test_explain_an_area_does_not_suggest_itself(
    selector: str, cli: Invoke, project: MakeProject
) -> None:
    result = cli("explain", selector, cwd=project("clean"))
    assert result.exit_code == 2
    assert f"did you mean '{selector}'" not in result.stderr


def test_clean_removes_the_cache(cli: Invoke, project: MakeProject) -> None:
    root = project("violations")
    assert cli("check", cwd=root).exit_code == 1
    cache = root / ".standards-lint-cache"
    assert (cache / "CACHEDIR.TAG").is_file()
    assert (cache / ".gitignore").read_text(encoding="utf-8") == "*\n"
    removed = cli("clean", cwd=root)
    assert removed.exit_code == 0
    assert removed.lines == [f"Removed {cache}."]
    assert not cache.exists()
    again = cli("clean", cwd=root)
    assert again.exit_code == 0
    assert again.lines == [f"No cache at {cache}."]


def test_clean_uses_the_configured_cache_dir(cli: Invoke, project: MakeProject) -> None:
    root = project("violations")
    standards = root / "standards.toml"
    standards.write_text(
        standards.read_text(encoding="utf-8").replace(
            "[style]", 'cache-dir = ".cache/lint"\n\n[style]'
        ),
        encoding="utf-8",
    )
    assert cli("check", cwd=root).exit_code == 1
    assert (root / ".cache" / "lint" / "CACHEDIR.TAG").is_file()
    assert not (root / ".standards-lint-cache").exists()
    assert cli("clean", cwd=root / "app").lines == [f"Removed {root / '.cache' / 'lint'}."]


def test_cache_dir_option(cli: Invoke, project: MakeProject) -> None:
    root = project("violations")
    result = cli("check", "--cache-dir", "elsewhere", cwd=root)
    assert result.exit_code == 1
    assert (root / "elsewhere" / "CACHEDIR.TAG").is_file()
    assert not (root / ".standards-lint-cache").exists()


def test_no_cache_writes_no_cache(cli: Invoke, project: MakeProject) -> None:
    root = project("violations")
    assert cli("check", "--no-cache", cwd=root).exit_code == 1
    assert not (root / ".standards-lint-cache").exists()


def test_version(cli: Invoke, project: MakeProject) -> None:
    result = cli("--version", cwd=project("clean"))
    assert result.exit_code == 0
    assert result.stdout == f"standards-lint, version {tool_version()}\n"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ([], ["check", "rules", "explain", "clean", "Exit codes: 0"]),
        (
            ["check"],
            [
                "--config",
                "--select",
                "--ignore",
                "--format",
                "--output",
                "--exit-zero",
                "--statistics",
                "--jobs",
                "--no-cache",
                "--cache-dir",
            ],
        ),
        (["rules"], ["--config", "--format"]),
        (["explain"], ["RULE", "--config"]),
        (["clean"], ["--config", "Remove the cache directory."]),
    ],
    ids=["main", "check", "rules", "explain", "clean"],
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(
    command: list[str], expected: list[str], flag: str, cli: Invoke, project: MakeProject
) -> None:
    result = cli(*command, flag, cwd=project("clean"))
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")
    for text in expected:
        assert text in result.stdout

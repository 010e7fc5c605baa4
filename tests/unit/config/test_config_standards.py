"""Reading and validating the standards file: every problem at once, extends, overrides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from standards_lint.config import ConfigError, Override, load_standards, read_standards
from standards_lint.config.standards import DEFAULT_CACHE_DIR, DEFAULT_INCLUDE
from standards_lint.model import Severity

WriteStandards = Callable[..., Path]


def problems(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        load_standards(path)
    assert str(raised.value) == "\n".join(raised.value.problems)
    return raised.value.problems


def test_defaults_without_a_standards_file(tmp_path: Path) -> None:
    standards = load_standards(start=tmp_path)
    assert standards.path is None
    assert standards.root == tmp_path.resolve()
    assert standards.include == DEFAULT_INCLUDE
    assert standards.exclude == ()
    assert standards.select is None
    assert standards.ignore == ()
    assert standards.respect_gitignore is True
    assert standards.require_suppression_reason is False
    assert standards.cache_dir == DEFAULT_CACHE_DIR
    assert standards.overrides == ()
    assert standards.areas["style"].max_line_length == 100


def test_every_key_is_read(write_standards: WriteStandards, tmp_path: Path) -> None:
    path = write_standards(
        """\
        include = ["*.py", "scripts/*"]
        exclude = ["generated/"]
        respect-gitignore = false
        select = ["probe", "STY001"]
        ignore = ["opt-in"]
        require-suppression-reason = true
        cache-dir = ".cache/sl"

        [severity]
        probe = "warning"

        [probe]
        limit = 9
        names = ["x", "y"]
        limits = { high = 4 }

        [[overrides]]
        paths = ["tests/"]
        ignore = ["PRB001"]
        severity = { PRB002 = "info" }
        probe = { limit = 50 }
        """
    )
    standards = load_standards(path)
    assert standards.path == path
    assert standards.root == tmp_path.resolve()
    assert standards.include == ("*.py", "scripts/*")
    assert standards.exclude == ("generated/",)
    assert standards.respect_gitignore is False
    assert standards.select == ("probe", "STY001")
    assert standards.ignore == ("opt-in",)
    assert standards.plugins == ("plugins/probe_rules.py",)
    assert standards.require_suppression_reason is True
    assert standards.cache_dir == ".cache/sl"
    assert dict(standards.severity) == {"probe": Severity.WARNING}
    probe = standards.areas["probe"]
    assert (probe.limit, probe.names, probe.limits.high, probe.limits.low) == (9, ("x", "y"), 4, 0)
    (override,) = standards.overrides
    assert isinstance(override, Override)
    assert override.paths == ("tests/",)
    assert override.ignore == ("PRB001",)
    assert dict(override.severity) == {"PRB002": Severity.INFO}
    assert dict(override.areas["probe"]) == {"limit": 50}


def test_every_problem_is_reported_at_once(write_standards: WriteStandards) -> None:
    path = write_standards(
        """\
        selct = ["ALL"]
        include = "*.py"
        respect-gitignore = "yes"
        select = ["PRB0011", "probe"]
        ignore = ["nothing-like-this-at-all"]

        [severity]
        PRB001 = "fatal"
        nope = "error"

        [prob]
        limit = 1

        [probe]
        limt = 3
        ratio = "half"
        mode = "medium"
        """
    )
    where = str(path)
    assert sorted(problems(path)) == sorted(
        [
            f"{where}: unknown key 'selct'; did you mean 'select'?",
            f"{where}: unknown key 'prob'; did you mean 'probe'?",
            f"{where}: [probe]: unknown key 'limt'; did you mean 'limit'?",
            f"{where}: [probe]: ratio: expected a number, got a string ('half')",
            f"{where}: [probe]: mode: expected one of 'fast', 'slow', got a string ('medium')",
            f"{where}: select: unknown rule, prefix or area 'PRB0011'; did you mean 'PRB001'?",
            f"{where}: ignore: unknown rule, prefix or area 'nothing-like-this-at-all'",
            f"{where}: include: expected a list of strings, got a string ('*.py')",
            f"{where}: respect-gitignore: expected true or false, got a string ('yes')",
            f"{where}: [severity]: PRB001: unknown severity 'fatal';"
            " expected one of error, warning, info",
            f"{where}: [severity]: unknown rule, prefix or area 'nope'",
        ]
    )


def test_area_option_validation_reaches_the_user(write_standards: WriteStandards) -> None:
    path = write_standards("[probe]\nlimit = -1\n")
    assert problems(path) == [f"{path}: [probe]: limit must not be negative"]


def test_an_area_that_is_not_a_table(write_standards: WriteStandards) -> None:
    path = write_standards("probe = 3\n")
    assert problems(path) == [f"{path}: [probe] must be a table"]


def test_a_missing_config_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    assert problems(missing) == [f"{missing}: no such standards file"]


def test_a_plugin_that_fails_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "standards.toml"
    path.write_text('plugins = ["missing_plugin.py"]\n', encoding="utf-8")
    (problem,) = problems(path)
    assert problem.startswith("plugin 'missing_plugin.py' failed to load: FileNotFoundError")


def test_plugins_of_the_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "standards.toml"
    path.write_text('plugins = "team.py"\n', encoding="utf-8")
    assert problems(path) == [
        f"{path}: plugins: expected a list of strings, got a string ('team.py')"
    ]


def test_the_pyproject_table_is_used(tmp_path: Path, probe_plugin: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.standards-lint]\n'
        'plugins = ["plugins/probe_rules.py"]\n\n[tool.standards-lint.probe]\nlimit = 12\n',
        encoding="utf-8",
    )
    (tmp_path / "src").mkdir()
    standards = load_standards(start=tmp_path / "src")
    assert standards.path == tmp_path / "pyproject.toml"
    assert standards.areas["probe"].limit == 12


def test_command_line_select_replaces_and_ignore_adds(write_standards: WriteStandards) -> None:
    path = write_standards('select = ["probe"]\nignore = ["PRB003"]\n')
    standards = load_standards(path, select=["STY001"], ignore=["bad-name"])
    assert standards.select == ("STY001",)
    assert standards.ignore == ("PRB003",)
    assert standards.command_line_ignore == ("bad-name",)


def test_command_line_selectors_are_validated(write_standards: WriteStandards) -> None:
    path = write_standards()
    with pytest.raises(ConfigError) as raised:
        load_standards(path, select=["PRB0001"], ignore=["nope-nope-nope"])
    assert raised.value.problems == [
        "--select: unknown rule, prefix or area 'PRB0001'; did you mean 'PRB001'?",
        "--ignore: unknown rule, prefix or area 'nope-nope-nope'",
    ]


# extends ---------------------------------------------------------------------


def test_extends_merges_tables_key_by_key(write_standards: WriteStandards, tmp_path: Path) -> None:
    base = tmp_path / "shared" / "base.toml"
    base.parent.mkdir()
    base.write_text(
        'select = ["probe"]\nexclude = ["old/"]\n[probe]\nlimit = 5\nlabel = "base"\n',
        encoding="utf-8",
    )
    path = write_standards('extends = "shared/base.toml"\nexclude = ["new/"]\n[probe]\nlimit = 6\n')
    standards = load_standards(path)
    assert standards.select == ("probe",)
    assert standards.exclude == ("new/",)
    assert standards.areas["probe"].limit == 6
    assert standards.areas["probe"].label == "base"
    assert standards.path == path


def test_extends_chains_relative_to_each_file(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "two").mkdir()
    (tmp_path / "one" / "middle.toml").write_text(
        'extends = "two/root.toml"\n[probe]\nlabel = "middle"\n', encoding="utf-8"
    )
    (tmp_path / "one" / "two" / "root.toml").write_text(
        '[probe]\nlimit = 1\nlabel = "root"\n', encoding="utf-8"
    )
    path = write_standards('extends = "one/middle.toml"\n')
    probe = load_standards(path).areas["probe"]
    assert (probe.limit, probe.label) == (1, "middle")


def test_an_extends_cycle_names_the_file_that_closes_it(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    other = tmp_path / "other.toml"
    other.write_text('extends = "standards.toml"\n', encoding="utf-8")
    path = write_standards('extends = "other.toml"\n')
    assert problems(path) == [f"{other}: `extends` makes a cycle back to {path}"]


def test_a_file_extending_itself_is_a_cycle(write_standards: WriteStandards) -> None:
    path = write_standards('extends = "standards.toml"\n')
    assert problems(path) == [f"{path}: `extends` makes a cycle back to this file"]


def test_extends_a_missing_file(write_standards: WriteStandards, tmp_path: Path) -> None:
    path = write_standards('extends = "missing.toml"\n')
    assert problems(path) == [f"{path}: extends: no such file {tmp_path / 'missing.toml'}"]


def test_extends_must_be_a_string_or_a_list_of_strings(write_standards: WriteStandards) -> None:
    path = write_standards("extends = [1]\n")
    assert problems(path) == [f"{path}: extends: expected a string or a list of strings, got list"]


def test_extends_names_the_file_where_each_mistake_was_written(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    base = tmp_path / "base.toml"
    base.write_text('[probe]\nlimit = "x"\n', encoding="utf-8")
    path = write_standards('extends = "base.toml"\nselct = []\n')
    assert problems(path) == [
        f"{base}: [probe]: limit: expected an integer, got a string ('x')",
        f"{path}: unknown key 'selct'; did you mean 'select'?",
    ]


def test_each_file_of_a_chain_answers_for_its_own_keys(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    (tmp_path / "one").mkdir()
    middle = tmp_path / "one" / "middle.toml"
    middle.write_text(
        'extends = "root.toml"\nselect = ["PRB0011"]\n[probe]\nratio = "half"\n',
        encoding="utf-8",
    )
    root = tmp_path / "one" / "root.toml"
    root.write_text('include = "*.py"\n[severity]\nPRB001 = "fatal"\n', encoding="utf-8")
    path = write_standards('extends = "one/middle.toml"\n[probe]\nlimt = 1\n')
    assert problems(path) == [
        f"{root}: include: expected a list of strings, got a string ('*.py')",
        f"{root}: [severity]: PRB001: unknown severity 'fatal';"
        " expected one of error, warning, info",
        f"{middle}: [probe]: ratio: expected a number, got a string ('half')",
        f"{middle}: select: unknown rule, prefix or area 'PRB0011'; did you mean 'PRB001'?",
        f"{path}: [probe]: unknown key 'limt'; did you mean 'limit'?",
    ]


def test_a_mistake_repeated_in_the_extending_file_is_named_twice(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    base = tmp_path / "base.toml"
    base.write_text('[probe]\nlimit = "x"\n', encoding="utf-8")
    path = write_standards('extends = "base.toml"\n[probe]\nlimit = "y"\n')
    assert problems(path) == [
        f"{base}: [probe]: limit: expected an integer, got a string ('x')",
        f"{path}: [probe]: limit: expected an integer, got a string ('y')",
    ]


def test_a_value_that_only_the_whole_chain_has_is_the_extending_files(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    # Neither file's own keys are wrong: an area check that needs the merged
    # options is named by the file being read, the one that extends.
    base = tmp_path / "base.toml"
    base.write_text("[probe]\nlimit = 4\n", encoding="utf-8")
    path = write_standards('extends = "base.toml"\n[probe]\nlimit = -4\n')
    assert problems(path) == [f"{path}: [probe]: limit must not be negative"]


def test_an_unreadable_base_still_lets_the_extending_file_be_checked(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    base = tmp_path / "base.toml"
    base.write_text("select = [\n", encoding="utf-8")
    path = write_standards('extends = "base.toml"\nselct = []\n')
    found = problems(path)
    assert len(found) == 2, found
    assert found[0].startswith(f"{base}: invalid TOML: ")
    assert found[1] == f"{path}: unknown key 'selct'; did you mean 'select'?"


def test_a_broken_extends_does_not_hide_the_files_other_mistakes(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    path = write_standards('extends = "missing.toml"\n[probe]\nlimt = 1\n')
    assert problems(path) == [
        f"{path}: extends: no such file {tmp_path / 'missing.toml'}",
        f"{path}: [probe]: unknown key 'limt'; did you mean 'limit'?",
    ]


# reading what can be read ------------------------------------------------------


def test_read_standards_returns_the_problems_and_what_loaded(
    tmp_path: Path, probe_plugin: Path
) -> None:
    path = tmp_path / "standards.toml"
    path.write_text(
        'plugins = ["plugins/probe_rules.py", "missing.py"]\nselct = []\n', encoding="utf-8"
    )
    reading = read_standards(path)
    assert reading.standards.path == path
    assert "PRB001" in reading.standards.registry.rules  # the plugins that load still load
    assert "STY001" in reading.standards.registry.rules
    assert reading.problems[0].startswith("plugin 'missing.py' failed to load: FileNotFoundError")
    assert reading.problems[1:] == (f"{path}: unknown key 'selct'; did you mean 'select'?",)


def test_read_standards_of_a_file_that_does_not_parse(tmp_path: Path) -> None:
    path = tmp_path / "standards.toml"
    path.write_text("select = [\n", encoding="utf-8")
    reading = read_standards(path)
    assert reading.standards.path == path
    assert "STY001" in reading.standards.registry.rules
    (problem,) = reading.problems
    assert problem.startswith(f"{path}: invalid TOML: ")


def test_read_standards_refuses_a_config_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such standards file"):
        read_standards(tmp_path / "nowhere.toml")


def test_the_path_is_the_config_as_given(
    write_standards: WriteStandards, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_standards()
    monkeypatch.chdir(tmp_path)
    standards = load_standards(Path("standards.toml"))
    assert standards.path == Path("standards.toml")
    assert standards.root == tmp_path.resolve()


def test_the_path_is_the_file_found(write_standards: WriteStandards, tmp_path: Path) -> None:
    path = write_standards()
    (tmp_path / "src" / "deep").mkdir(parents=True)
    assert load_standards(start=tmp_path / "src" / "deep").path == path


# failed plugins ------------------------------------------------------------------


def test_a_failed_plugin_hides_no_other_mistake(tmp_path: Path) -> None:
    path = tmp_path / "standards.toml"
    path.write_text(
        'plugins = ["missing.py"]\nselct = []\n[style]\nmax-line-length = "x"\n',
        encoding="utf-8",
    )
    found = problems(path)
    assert len(found) == 3, found
    assert found[0].startswith("plugin 'missing.py' failed to load: FileNotFoundError")
    assert found[1:] == [
        f"{path}: unknown key 'selct'; did you mean 'select'?",
        f"{path}: [style]: max-line-length: expected an integer, got a string ('x')",
    ]


def test_what_a_failed_plugin_may_define_is_noted_once(tmp_path: Path) -> None:
    path = tmp_path / "standards.toml"
    path.write_text(
        'plugins = ["missing.py"]\nselect = ["STY001", "TEAM001"]\nignore = ["team-rule"]\n'
        "[severity]\nteam = 'warning'\n[team]\nlimit = 3\n"
        "[[overrides]]\npaths = ['tests/']\nselect = ['TEAM002']\nteam = { limit = 9 }\n",
        encoding="utf-8",
    )
    found = problems(path)
    assert found[1:] == [
        f"{path}: cannot check 'TEAM001', 'TEAM002', 'team', 'team-rule':"
        " plugin 'missing.py' did not load, and may define them"
    ]


def test_what_a_failed_plugin_may_define_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "standards.toml"
    path.write_text('plugins = ["missing.py"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_standards(path, select=["TEAM001"], ignore=["STY001"])
    assert raised.value.problems[1:] == [
        "--select: cannot check 'TEAM001': plugin 'missing.py' did not load, and may define them"
    ]


# overrides -------------------------------------------------------------------


def test_overrides_must_be_an_array_of_tables(write_standards: WriteStandards) -> None:
    path = write_standards('overrides = ["tests/"]\n')
    assert problems(path) == [f"{path}: overrides: expected an array of tables ([[overrides]])"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("select = ['probe']", "paths: expected a non-empty list of strings"),
        ("paths = []", "paths: expected a non-empty list of strings"),
        ("paths = 'tests/'", "paths: expected a non-empty list of strings"),
        ("paths = [1]", "paths: expected a non-empty list of strings"),
        ("paths = ['t/']\npath = ['x']", "unknown key 'path'; did you mean 'paths'?"),
        ("paths = ['t/']\nselect = ['PRB0011']", "select: unknown rule, prefix or area 'PRB0011'"),
        ("paths = ['t/']\nignore = 'PRB001'", "ignore: expected a list of strings, got a string"),
        (
            "paths = ['t/']\nseverity = { PRB001 = 'loud' }",
            "[severity]: PRB001: unknown severity 'loud'",
        ),
        (
            "paths = ['t/']\nseverity = 'error'",
            "[severity]: must be a table of selector = severity",
        ),
        (
            "paths = ['t/']\n[overrides.probe]\nlimit = 'x'",
            "[probe]: limit: expected an integer, got a string ('x')",
        ),
        ("paths = ['t/']\n[overrides.probe]\nlimit = -3", "[probe]: limit must not be negative"),
        (
            "paths = ['t/']\n[overrides.probe]\nlimt = 3",
            "[probe]: unknown key 'limt'; did you mean 'limit'?",
        ),
        pytest.param(
            "paths = ['t/']\nprobe = 3",
            "[probe] must be a table",
        ),
    ],
)
def test_override_problems_name_the_override(
    write_standards: WriteStandards, body: str, expected: str
) -> None:
    path = write_standards(f"[[overrides]]\npaths = ['ok/']\n\n[[overrides]]\n{body}\n")
    found = problems(path)
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}: [[overrides]] #2: ")
    assert expected in found[0]

"""Finding the standards file upward, and reading its table (or pyproject's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from standards_lint.config.discovery import find_standards_file, read_standards_table
from standards_lint.config.errors import ConfigError

PYPROJECT_WITH_TABLE = '[project]\nname = "x"\n\n[tool.standards-lint]\nselect = ["ALL"]\n'
PYPROJECT_WITHOUT_TABLE = '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 80\n'


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def deep(tmp_path: Path) -> Path:
    start = tmp_path / "a" / "b" / "c"
    start.mkdir(parents=True)
    return start


def test_nothing_found(deep: Path) -> None:
    assert find_standards_file(deep) is None


@pytest.mark.parametrize("name", ["standards.toml", ".standards.toml"])
def test_found_in_the_start_directory(deep: Path, name: str) -> None:
    assert find_standards_file(deep) is None
    expected = write(deep / name)
    assert find_standards_file(deep) == expected


def test_found_in_a_parent(deep: Path) -> None:
    expected = write(deep.parent.parent / "standards.toml")
    assert find_standards_file(deep) == expected


def test_the_nearest_directory_wins(deep: Path) -> None:
    write(deep.parent.parent / "standards.toml")
    nearer = write(deep.parent / "pyproject.toml", PYPROJECT_WITH_TABLE)
    assert find_standards_file(deep) == nearer


def test_in_one_directory_standards_toml_then_dotted_then_pyproject(deep: Path) -> None:
    write(deep / "pyproject.toml", PYPROJECT_WITH_TABLE)
    assert find_standards_file(deep) == deep / "pyproject.toml"
    write(deep / ".standards.toml")
    assert find_standards_file(deep) == deep / ".standards.toml"
    write(deep / "standards.toml")
    assert find_standards_file(deep) == deep / "standards.toml"


def test_a_pyproject_without_the_table_is_passed_over(deep: Path) -> None:
    write(deep / "pyproject.toml", PYPROJECT_WITHOUT_TABLE)
    above = write(deep.parent.parent / "pyproject.toml", PYPROJECT_WITH_TABLE)
    assert find_standards_file(deep) == above


def test_a_broken_pyproject_naming_the_table_is_found(deep: Path) -> None:
    broken = write(deep / "pyproject.toml", "[tool.standards-lint]\nselect = [\n")
    assert find_standards_file(deep) == broken


def test_a_broken_pyproject_without_the_table_is_passed_over(deep: Path) -> None:
    write(deep / "pyproject.toml", "[project\n")
    above = write(deep.parent / "standards.toml")
    assert find_standards_file(deep) == above


def test_a_directory_named_like_the_file_is_not_it(deep: Path) -> None:
    (deep / "standards.toml").mkdir()
    assert find_standards_file(deep) is None


def test_read_a_standards_file(tmp_path: Path) -> None:
    path = write(tmp_path / "standards.toml", 'select = ["STY"]\n[style]\nmax-line-length = 88\n')
    assert read_standards_table(path) == {"select": ["STY"], "style": {"max-line-length": 88}}


def test_read_the_pyproject_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", PYPROJECT_WITH_TABLE)
    assert read_standards_table(path) == {"select": ["ALL"]}


def test_a_pyproject_without_the_table_reads_as_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", PYPROJECT_WITHOUT_TABLE)
    assert read_standards_table(path) == {}


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("standards.toml", b"select = [\n", "invalid TOML"),
        ("standards.toml", b"select = '\xff'\n", "not UTF-8 text"),
        (
            "pyproject.toml",
            b"[tool]\nstandards-lint = 3\n",
            "[tool.standards-lint] must be a table",
        ),
    ],
)
def test_read_errors_name_the_file(
    tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ConfigError) as raised:
        read_standards_table(path)
    (problem,) = raised.value.problems
    assert problem.startswith(f"{path}: ")
    assert fragment in problem


def test_an_unreadable_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        read_standards_table(tmp_path / "missing.toml")
    assert raised.value.problems == [
        f"{tmp_path / 'missing.toml'}: cannot read the standards file: No such file or directory"
    ]


# a misspelt [tool.standards-lint] -----------------------------------------------


@pytest.mark.parametrize(
    "table",
    ["standards_lint", "standardslint", "standard-lint", "Standards-Lint", "standards-lnit"],
)
def test_a_pyproject_with_a_misspelt_table_is_found_and_refused(deep: Path, table: str) -> None:
    write(deep.parent / "standards.toml")
    pyproject = write(deep / "pyproject.toml", f'[project]\nname = "x"\n\n[tool.{table}]\nx = 1\n')
    assert find_standards_file(deep) == pyproject
    with pytest.raises(ConfigError) as raised:
        read_standards_table(pyproject)
    assert raised.value.problems == [
        f"{pyproject}: unknown table [tool.{table}]; did you mean [tool.standards-lint]?"
    ]


def test_a_misspelt_table_beside_the_right_one_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml", PYPROJECT_WITH_TABLE + "\n[tool.standards_lint]\nx = 1\n"
    )
    with pytest.raises(ConfigError, match=r"unknown table \[tool.standards_lint\]"):
        read_standards_table(path)


@pytest.mark.parametrize(
    "table", ["pylint", "importlinter", "standards", "standard-version", "ruff", "interrogate"]
)
def test_other_tools_tables_are_not_taken_for_misspellings(deep: Path, table: str) -> None:
    pyproject = write(deep / "pyproject.toml", f"[tool.{table}]\nx = 1\n")
    above = write(deep.parent / "standards.toml")
    assert find_standards_file(deep) == above
    assert read_standards_table(pyproject) == {}

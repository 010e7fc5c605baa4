"""Every kind of mistake in a standards file is placed at the line and column of its key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from standards_lint.config import read_standards
from standards_lint.config.locate import KeyPositions, Position
from standards_lint.config.problems import Problem

DOCUMENT = textwrap.dedent(
    '''\
    # [style] in a comment is no table
    select = ["STY", "line-to-long"]
    notes = """
    [fake]
    max-line-length = 1
    """
    style.max-line-length = 80

    [docstrings]
    banned = { "os.system" = "no", eval = "no" }

    [[overrides]]
    paths = ["a/"]

    [[overrides]]
    paths = [
      "b/",
    ]
    [overrides.style]
    max-line-length = 0

    [[architecture.contracts]]
    name = "one"
    [[architecture.contracts]]
    layers = ["a"]
    [tool.standards-lint]
    items = [{ n = 1, m = [2] }, { n = 3 }]
    '''
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param(("select", 1), Position(2, 18), id="array-item"),
        pytest.param(("style", "max-line-length"), Position(7, 7), id="dotted-key"),
        pytest.param(("docstrings", "banned", "os.system"), Position(10, 12), id="quoted-key"),
        pytest.param(("docstrings", "banned", "eval"), Position(10, 32), id="inline-table"),
        pytest.param(("overrides", 1, "paths", 0), Position(17, 3), id="multi-line-array"),
        pytest.param(("overrides", 1), Position(15, 1), id="second-array-table"),
        pytest.param(("overrides", 1, "style", "max-line-length"), Position(20, 1), id="sub-table"),
        pytest.param(("architecture", "contracts", 1, "layers"), Position(25, 1), id="nested"),
        pytest.param(("tool", "standards-lint", "items", 1, "n"), Position(27, 32), id="aot"),
        pytest.param(("docstrings", "nothing"), Position(9, 1), id="falls-back-to-header"),
        pytest.param(("fake",), Position(1, 1), id="not-in-a-string-falls-back-to-line-1"),
    ],
)
def test_keys_are_found_at_their_line_and_column(
    path: tuple[str | int, ...], expected: Position
) -> None:
    assert KeyPositions(DOCUMENT).locate(path) == expected


def _located(tmp_path: Path, text: str, name: str = "standards.toml") -> list[str]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    reading = read_standards(path)
    return [problem.render().replace(f"{path}:", "", 1) for problem in reading.located]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'include = ["*.py"]\nselct = ["STY"]\n',
            "2:1: unknown key 'selct'; did you mean 'select'?",
            id="unknown-top-level-key",
        ),
        pytest.param(
            "[style]\nmax-line-lenght = 80\n",
            "2:1: [style]: unknown key 'max-line-lenght'; did you mean 'max-line-length'?",
            id="unknown-area-key",
        ),
        pytest.param(
            '\n[style]\nmax-line-length = "eighty"\n',
            "3:1: [style]: max-line-length: expected an integer, got a string ('eighty')",
            id="wrong-type",
        ),
        pytest.param(
            "[style]\nmax-line-length = 0\n",
            "2:1: [style]: max-line-length must be at least 1",
            id="bad-value",
        ),
        pytest.param(
            'select = ["STY", "line-to-long"]\n',
            "1:18: select: unknown rule, prefix or area 'line-to-long';"
            " did you mean 'line-too-long'?",
            id="unknown-rule-at-its-item",
        ),
        pytest.param(
            '[severity]\nSTY001 = "fatal"\n',
            "2:1: [severity]: STY001: unknown severity 'fatal';"
            " expected one of error, warning, info",
            id="bad-severity",
        ),
        pytest.param(
            "style = 3\n",
            "1:1: [style] must be a table",
            id="area-not-a-table",
        ),
        pytest.param(
            '[[overrides]]\npaths = ["a/"]\n\n[[overrides]]\nignore = ["STY001"]\n',
            "4:1: [[overrides]] #2: paths: expected a non-empty list of strings",
            id="override-without-paths-at-its-header",
        ),
        pytest.param(
            '[[overrides]]\npaths = ["a/"]\n[overrides.style]\nmax-line-length = "x"\n',
            "4:1: [[overrides]] #1: [style]: max-line-length: expected an integer,"
            " got a string ('x')",
            id="override-option",
        ),
        pytest.param(
            '[[architecture.contracts]]\nname = "a"\nlayers = "x"\n',
            "3:1: [architecture]: contracts[0]: layers: expected a list of strings,"
            " got a string ('x')",
            id="contract",
        ),
        pytest.param(
            '[[docstrings.paths]]\nglob = "a/"\n[[docstrings.paths]]\nfail-under = "lots"\n',
            "4:1: [docstrings]: paths[1]: fail-under: expected a number, got a string ('lots')",
            id="docstrings-paths",
        ),
        pytest.param(
            "[style]\nbanned-calls = { eval = 3 }\n",
            "2:18: [style]: banned-calls.eval: expected a string or a table, got an integer (3)",
            id="inline-table-value",
        ),
        pytest.param(
            'extends = "missing.toml"\n',
            "1:1: extends: no such file",
            id="extends-missing",
        ),
        pytest.param(
            "include = []\nselect = = 2\n",
            "2:10: invalid TOML: ",
            id="invalid-toml",
        ),
    ],
)
def test_each_mistake_is_reported_at_its_key(tmp_path: Path, text: str, expected: str) -> None:
    located = _located(tmp_path, text)
    assert any(problem.startswith(expected) for problem in located), located


def test_a_pyproject_table_is_read_under_tool(tmp_path: Path) -> None:
    text = '[project]\nname = "x"\n\n[tool.standards-lint.style]\nmax-line-lenght = 80\n'
    assert _located(tmp_path, text, "pyproject.toml") == [
        "5:1: [style]: unknown key 'max-line-lenght'; did you mean 'max-line-length'?"
    ]


def test_a_problem_keeps_the_wording_of_its_message(tmp_path: Path) -> None:
    path = tmp_path / "standards.toml"
    path.write_text("selct = 1\n", encoding="utf-8")
    reading = read_standards(path)
    assert [problem.message for problem in reading.located] == [
        problem.removeprefix(f"{path}: ") for problem in reading.problems
    ]
    assert reading.located[0].key_path == ("selct",)


def test_a_problem_renders_as_file_line_column_message() -> None:
    problem = Problem("s.toml", ("style",), "[style] must be a table", Position(3, 1))
    assert problem.render() == "s.toml:3:1: [style] must be a table"
    assert Problem(None, (), "plugin 'x' failed").render() == "plugin 'x' failed"

"""The technologies rules through the engine, on small projects with their own pyproject.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.config import load_standards
from standards_lint.model import Violation

PYPROJECT = """\
[project]
name = "shop"
version = "1"
dependencies = [
    "click>=8",
    "acme-unused",
]

[dependency-groups]
test = ["pytest"]
"""


def run(project: Path, standards_file: str, monkeypatch: pytest.MonkeyPatch) -> list[Violation]:
    # The declarations are found from display paths, as when the CLI runs here.
    monkeypatch.chdir(project)
    standards = load_standards(project / standards_file)
    return list(check([project], standards, use_cache=False, cwd=project).violations)


def write(project: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def test_unused_dependency_at_its_line_when_the_standards_live_in_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    standards = '\n[tool.standards-lint]\nselect = ["TEC102"]\n'
    write(tmp_path, {"pyproject.toml": PYPROJECT + standards, "shop/cli.py": "import click\n"})
    [violation] = run(tmp_path, "pyproject.toml", monkeypatch)
    assert (violation.path, violation.line) == ("pyproject.toml", 6)
    assert violation.message.startswith("'acme-unused' is declared (project.dependencies")


def test_unused_dependency_against_the_standards_file_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": PYPROJECT,
            "standards.toml": 'select = ["TEC102"]\n',
            "shop/cli.py": "import click\n",
        },
    )
    [violation] = run(tmp_path, "standards.toml", monkeypatch)
    assert (violation.path, violation.line) == ("standards.toml", 1)
    assert "pyproject.toml line 6" in violation.message


def test_imports_judged_against_declarations_tests_and_type_checking_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": PYPROJECT,
            "standards.toml": 'select = ["TEC101", "TEC104"]\n',
            "shop/cli.py": (
                "from typing import TYPE_CHECKING\nimport click\nimport acme_unused\n"
                "import pytest\nif TYPE_CHECKING:\n    import acme_typing\nimport acme_missing\n"
            ),
            "tests/test_cli.py": "import pytest\nimport acme_only_in_tests\n",
        },
    )
    found = sorted((v.rule, v.path, v.line) for v in run(tmp_path, "standards.toml", monkeypatch))
    assert found == [("TEC101", "shop/cli.py", 7), ("TEC104", "shop/cli.py", 4)]


def test_an_invalid_pyproject_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[project\n",
            "standards.toml": 'select = ["TEC1"]\n',
            "shop/cli.py": "import click\n",
        },
    )
    [violation] = run(tmp_path, "standards.toml", monkeypatch)
    assert violation.rule == "TEC101"
    assert "pyproject.toml not valid TOML" in violation.message


def test_no_declarations_means_nothing_to_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"standards.toml": 'select = ["TEC1"]\n', "shop/cli.py": "import acme\n"})
    assert run(tmp_path, "standards.toml", monkeypatch) == []


def test_approval_options_per_path_through_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    standards = """\
select = ["TEC001", "TEC003"]

[technologies]
allowed = ["click"]
denied = [{ name = "requests", use = "httpx" }]

[[overrides]]
paths = ["tests/"]
[overrides.technologies]
allowed = ["click", "pytest"]
"""
    write(
        tmp_path,
        {
            "standards.toml": standards,
            "shop/cli.py": "import click\nimport pytest\nimport requests\nfrom shop import cli\n",
            "tests/test_cli.py": "import pytest\nimport requests\n",
        },
    )
    found = sorted((v.rule, v.path, v.line) for v in run(tmp_path, "standards.toml", monkeypatch))
    assert found == [
        ("TEC001", "shop/cli.py", 2),
        ("TEC003", "shop/cli.py", 3),
        ("TEC003", "tests/test_cli.py", 2),
    ]

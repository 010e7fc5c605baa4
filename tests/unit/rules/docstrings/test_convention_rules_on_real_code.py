"""The convention rules (DOC301-DOC306) over real, well-documented packages, through the engine.

Trial runs read samples of every kind of report against the source (see
rules/docstrings/NOTES_conventions.md); these tests keep what was learned: no
rule fails, every report lands on a docstring, and the cases once found to be
false alarms stay silent.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.config import load_standards
from standards_lint.model import Report

# Each package with the convention its docstrings follow.
PACKAGES = {"click": "sphinx", "_pytest": "sphinx", "pathspec": "sphinx", "radon": "sphinx"}
DOCUMENTED_NODES = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def copy_package(name: str, project: Path) -> Path:
    """Copy the installed package ``name`` into ``project``."""
    module = pytest.importorskip(name)
    assert module.__file__ is not None
    target = project / name
    shutil.copytree(
        Path(module.__file__).parent, target, ignore=shutil.ignore_patterns("__pycache__")
    )
    return target


def run_conventions(package: Path, convention: str) -> Report:
    """Run the DOC3 rules over ``package`` with ``convention``."""
    project = package.parent
    standards_file = project / "standards.toml"
    standards_file.write_text(
        f'select = ["DOC3"]\n[docstrings]\nconvention = "{convention}"\n', encoding="utf-8"
    )
    return check([package], load_standards(standards_file), use_cache=False, cwd=project)


def docstring_lines(path: Path) -> Iterator[int]:
    """Every line of every docstring in the file at ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, DOCUMENTED_NODES) and ast.get_docstring(node) is not None:
            literal = node.body[0]
            yield from range(literal.lineno, (literal.end_lineno or literal.lineno) + 1)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "convention"), sorted(PACKAGES.items()))
def test_convention_rules_run_cleanly_and_report_on_docstrings(
    name: str, convention: str, tmp_path: Path
) -> None:
    package = copy_package(name, tmp_path)

    report = run_conventions(package, convention)

    assert report.internal_errors == 0
    assert not [v for v in report.violations if v.rule.startswith("SL")]
    lines_by_file: dict[str, set[int]] = {}
    for violation in report.violations:
        assert violation.rule.startswith("DOC3")
        if violation.path not in lines_by_file:
            lines_by_file[violation.path] = set(docstring_lines(tmp_path / violation.path))
        assert violation.line in lines_by_file[violation.path], violation


@pytest.mark.slow
def test_a_package_whose_docstrings_agree_with_its_code_has_only_summary_reports(
    tmp_path: Path,
) -> None:
    report = run_conventions(copy_package("pathspec", tmp_path), "sphinx")

    assert {violation.rule for violation in report.violations} <= {"DOC301"}


@pytest.mark.slow
def test_command_line_options_documented_as_params_are_not_parameter_mismatches(
    tmp_path: Path,
) -> None:
    # radon documents its mando commands' options as ":param -n, --min <str>:".
    report = run_conventions(copy_package("radon", tmp_path), "sphinx")

    cli_reports = [
        v for v in report.violations if v.rule == "DOC303" and v.path.endswith("cli/__init__.py")
    ]
    assert cli_reports == []

"""The complexity rules through the engine: options, per-path limits, metrics and reports."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from standards_lint.api import check
from standards_lint.cli import main
from standards_lint.config import load_standards
from standards_lint.model import Report
from standards_lint.rule import Rule, toml_key
from standards_lint.rules.complexity.options import ComplexityOptions
from standards_lint.rules.complexity.rule_set import COMPLEXITY_RULES
from standards_lint.testing import run_rule

# Cyclomatic complexity 7: six ifs.
BRANCHY = "def route(request):\n" + "".join(
    f"    if request.kind == {n}:\n        return {n}\n" for n in range(6)
)


def check_project(root: Path, standards: str, files: dict[str, str]) -> Report:
    """Write ``files`` and a standards file under ``root``, and check the project."""
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = root / "standards.toml"
    config.write_text(textwrap.dedent(standards), encoding="utf-8")
    report = check([root], load_standards(config), use_cache=False, cwd=root)
    assert report.internal_errors == 0
    return report


def rule_paths(report: Report, rule: str) -> list[str]:
    """The paths where ``rule`` reported, in order."""
    return [violation.path for violation in report.violations if violation.rule == rule]


@pytest.mark.parametrize("rule", COMPLEXITY_RULES, ids=lambda rule: rule.code)
def test_every_option_a_rule_names_exists_and_no_rule_walks_the_libcst_tree(
    rule: type[Any],
) -> None:
    keys = {toml_key(field.name) for field in dataclasses.fields(ComplexityOptions)}
    assert rule.options_used
    assert set(rule.options_used) <= keys
    assert not issubclass(rule, Rule) or not rule.uses_tree()


def test_importing_the_complexity_rules_does_not_import_libcst() -> None:
    code = (
        "import sys\nimport standards_lint.rules.complexity\n"
        "assert 'libcst' not in sys.modules, 'libcst was imported'\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("max-cyclomatic", "G", "max-cyclomatic: cyclomatic complexity limit 'G' is not a rank"),
        ("max-cyclomatic", -1, "max-cyclomatic: cyclomatic complexity limit -1"),
        ("max-average", "AB", "max-average: cyclomatic complexity limit 'AB'"),
        ("min-maintainability", "D", "min-maintainability: maintainability index limit 'D'"),
        ("min-maintainability", 101, "maintainability index limit 101.0 is above 100"),
        ("max-module-rank", "Z", "max-module-rank must be a rank letter A-F, not 'Z'"),
        ("max-cognitive", -2, "max-cognitive must be a number from 0, not -2"),
        ("max-nesting", -1, "max-nesting must be a number from 0"),
    ],
)
def test_invalid_limits_are_refused_with_the_key(key: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        run_rule("cyclomatic-complexity", "x = 1\n", options={key: value})


def test_a_rank_letter_may_be_written_in_lower_case() -> None:
    (violation,) = run_rule("CPX001", BRANCHY, options={"max-cyclomatic": "a"})
    assert violation.message.endswith("above the limit A (5)")


def test_the_report_is_on_the_def_keyword_of_a_decorated_method() -> None:
    code = "class Router:\n    @cached\n    async def route(self, request):\n" + "".join(
        f"        if request.kind == {n}:\n            return {n}\n" for n in range(11)
    )
    (violation,) = run_rule("CPX001", code)
    assert (violation.line, violation.span.column) == (3, 5)
    assert violation.message == (
        "method 'Router.route' has cyclomatic complexity 12 (rank C), above the limit 10"
    )


def test_a_suppression_on_the_def_line_silences_the_report() -> None:
    code = BRANCHY.replace(":\n", ":  # standards-lint: ignore[CPX001] dispatch table\n", 1)
    assert run_rule("CPX001", code, options={"max-cyclomatic": 3}) == []


def test_a_file_that_does_not_parse_is_reported_once_by_the_engine(tmp_path: Path) -> None:
    report = check_project(
        tmp_path,
        'select = ["CPX"]\n',
        {"broken.py": "def f(:\n", "ok.py": "def price(order):\n    return order.total\n"},
    )
    assert [violation.rule for violation in report.violations] == ["SL001"]
    assert "average_cyclomatic" in report.metrics


def test_overrides_give_a_path_its_own_limits(tmp_path: Path) -> None:
    standards = """\
        select = ["CPX001", "CPX201"]
        [complexity]
        max-cyclomatic = 5
        max-average = 6

        # Generated migrations may branch more.
        [[overrides]]
        paths = ["migrations/"]
        [overrides.complexity]
        max-cyclomatic = 10
        """
    files = {"app/routes.py": BRANCHY, "migrations/0001_initial.py": BRANCHY}

    report = check_project(tmp_path, standards, files)

    assert rule_paths(report, "CPX001") == ["app/routes.py"]
    assert rule_paths(report, "CPX201") == ["standards.toml"]
    assert report.metrics["average_cyclomatic"] == 7


def test_files_whose_overrides_ignore_the_average_rule_leave_the_figures(tmp_path: Path) -> None:
    standards = """\
        select = ["CPX201"]
        [[overrides]]
        paths = ["migrations/"]
        ignore = ["CPX201"]
        """
    files = {
        "app/prices.py": "def price(order):\n    return order.total\n",
        "migrations/0001_initial.py": BRANCHY,
    }

    report = check_project(tmp_path, standards, files)

    assert report.violations == ()
    assert report.metrics["average_cyclomatic"] == 1
    assert report.metrics["worst_cyclomatic"] == 1


def test_the_module_rules_judge_with_the_files_own_limits(tmp_path: Path) -> None:
    standards = """\
        select = ["CPX101", "CPX102"]
        [complexity]
        max-module-rank = "A"
        min-maintainability = 100
        [[overrides]]
        paths = ["legacy/"]
        [overrides.complexity]
        max-module-rank = "C"
        min-maintainability = "C"
        """
    files = {"app/routes.py": BRANCHY, "legacy/routes.py": BRANCHY}

    report = check_project(tmp_path, standards, files)

    assert rule_paths(report, "CPX101") == ["app/routes.py"]
    assert rule_paths(report, "CPX102") == ["app/routes.py"]
    assert {violation.line for violation in report.violations} == {1}


def test_the_text_summary_shows_the_complexity_metrics(tmp_path: Path) -> None:
    (tmp_path / "routes.py").write_text(BRANCHY, encoding="utf-8")
    (tmp_path / "standards.toml").write_text('select = ["CPX"]\n', encoding="utf-8")

    config = str(tmp_path / "standards.toml")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--config", config, str(tmp_path)])

    assert result.exit_code == 1, result.output
    assert "average cyclomatic: 7" in result.output
    assert "worst cyclomatic: 7" in result.output
    assert "average maintainability: " in result.output
    assert "CPX201 [average-complexity]" in result.output


def test_explain_says_where_the_argument_limit_lives() -> None:
    result = CliRunner().invoke(main, ["explain", "CPX001"])

    assert result.exit_code == 0, result.output
    assert "max-cyclomatic = 10" in result.output
    assert "STY016 too-many-arguments" in " ".join(result.output.split())


def test_a_generated_table_is_measured_without_radons_quadratic_raw_analysis(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Radon's own raw metrics take minutes on such a file (pip's idnadata.py):
    # the counts come from one tokenization instead, and radon's analysis is
    # only the fallback for code the cutting cannot follow.
    from standards_lint.rules.complexity import _raw_lines  # noqa: PLC0415

    def quadratic(source: str) -> object:
        raise AssertionError("radon.raw.analyze was called")

    monkeypatch.setattr(_raw_lines, "analyze", quadratic)
    table = "DATA = {\n" + "".join(f"    'key{n}': ({n}, '{n}'),\n" for n in range(20_000)) + "}\n"
    code = table + BRANCHY

    violations = run_rule("CPX201", code, options={"max-average": 6})

    assert [violation.line for violation in violations] == [1]

"""DOC101-DOC105 through the engine: each report is an item that lowers the coverage figure."""

from __future__ import annotations

import dataclasses
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from standards_lint.api import check
from standards_lint.cli import main
from standards_lint.config import load_standards
from standards_lint.model import Report
from standards_lint.rule import toml_key
from standards_lint.rules.docstrings.options import DocstringOptions
from standards_lint.rules.docstrings.rule_set import DOCSTRINGS_RULES
from standards_lint.testing import run_rule

PRESENCE_CODES = ("DOC101", "DOC102", "DOC103", "DOC104", "DOC105")


def check_project(root: Path, standards: str) -> Report:
    """Check ``root`` with a standards file written there."""
    config = root / "standards.toml"
    config.write_text(textwrap.dedent(standards), encoding="utf-8")
    return check([root], load_standards(config), use_cache=False, cwd=root)


@pytest.mark.slow
@pytest.mark.parametrize(
    "options",
    [{}, {"ignore_semiprivate": True, "ignore_magic": True, "ignore_nested_functions": True}],
    ids=["defaults", "public-api"],
)
@pytest.mark.parametrize("package", ["click", "pathspec"])
def test_presence_reports_are_exactly_the_items_interrogate_finds_undocumented(
    package: str, options: dict[str, Any], tmp_path: Path
) -> None:
    interrogate_config = pytest.importorskip("interrogate.config")
    interrogate_coverage = pytest.importorskip("interrogate.coverage")
    module = pytest.importorskip(package)
    assert module.__file__ is not None
    root = tmp_path / package
    shutil.copytree(
        Path(module.__file__).parent, root, ignore=shutil.ignore_patterns("__pycache__")
    )
    section = "\n".join(f"{key.replace('_', '-')} = true" for key in options)

    report = check_project(tmp_path, f'select = ["DOC1"]\n[docstrings]\n{section}\n')
    interrogate = interrogate_coverage.InterrogateCoverage(
        paths=[str(root)], conf=interrogate_config.InterrogateConfig(**options)
    )
    theirs = interrogate.get_coverage()

    assert {v.rule for v in report.violations} <= set(PRESENCE_CODES)
    assert len(report.violations) == theirs.total - theirs.covered


def test_reports_name_the_item_at_its_def_line_after_decorators() -> None:
    code = (
        '"""Shop."""\n\n\nclass Cart:\n    """A cart."""\n\n'
        "    @property\n    def total(self):\n        return 0\n"
    )

    (violation,) = run_rule("DOC104", code)

    assert (violation.line, violation.span.column) == (8, 5)
    assert violation.message == "method 'Cart.total' has no docstring"


def test_a_suppression_on_the_def_line_silences_the_report() -> None:
    code = (
        '"""Shop."""\n\n\ndef total():  # standards-lint: ignore[DOC105] generated\n    return 0\n'
    )

    assert run_rule("DOC105", code) == []


def test_the_rules_need_no_libcst_tree() -> None:
    per_file = [rule for rule in DOCSTRINGS_RULES if hasattr(rule, "uses_tree")]
    assert per_file
    assert not [rule.code for rule in per_file if rule.uses_tree()]


def test_an_unparsable_file_is_reported_once_as_a_syntax_error(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("class C(:\n    pass\n", encoding="utf-8")

    report = check_project(tmp_path, 'select = ["DOC"]\n[docstrings]\nconvention = "google"\n')

    assert [v.rule for v in report.violations] == ["SL001"]


def test_explain_shows_rationale_options_and_examples() -> None:
    result = CliRunner().invoke(main, ["explain", "missing-method-docstring"])

    assert result.exit_code == 0, result.output
    assert "DOC104" in result.output
    assert "ignore-magic" in result.output
    assert "Reported:" in result.output
    assert "Not reported:" in result.output


def test_every_docstrings_rule_names_only_options_the_area_has() -> None:
    keys = {toml_key(field.name) for field in dataclasses.fields(DocstringOptions)}

    for rule in DOCSTRINGS_RULES:
        assert set(rule.options_used) <= keys, rule.code

"""A document checked in its project: project rules see the cached facts and unsaved text."""

from __future__ import annotations

from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.server.project import ProjectContext, standards_start

PRICES = "def price(amount, rate):\n    total = amount * rate\n    return round(total, 2)\n"
TEST_PRICES = (
    "from shop.prices import price\n\n\ndef test_price():\n    assert price(2, 1.5) == 3\n"
)


@pytest.fixture
def tested_project(tmp_path: Path) -> Path:
    """Two modules, each imported by a test, under the TST001 rule."""
    (tmp_path / "standards.toml").write_text(
        'select = ["untested-module"]\n\n[tests]\nmin-statements = 1\n', encoding="utf-8"
    )
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    for name in ("prices", "taxes"):
        (tmp_path / "shop" / f"{name}.py").write_text(PRICES, encoding="utf-8")
    # Neither test is named for prices.py: only the import makes it tested.
    for test, module in (("test_checkout", "prices"), ("test_taxes", "taxes")):
        text = TEST_PRICES.replace("prices", module)
        (tmp_path / "tests" / f"{test}.py").write_text(text, encoding="utf-8")
    return tmp_path


def _codes(context: ProjectContext, root: Path, open_documents: dict[Path, str]) -> list[str]:
    path = root / "shop" / "prices.py"
    return [v.rule for v in context.check_document(path, PRICES, open_documents).violations]


def test_project_rules_see_the_facts_of_the_files_on_disk(tested_project: Path) -> None:
    (tested_project / "tests" / "test_checkout.py").unlink()
    context = ProjectContext.load(tested_project)
    assert context.has_project_rules
    # Before the project is analysed, no test module is known, which is
    # said of the project as a whole (on the standards file), not of the module.
    assert _codes(context, tested_project, {}) == []
    assert context.refresh_facts() == 4
    assert _codes(context, tested_project, {}) == ["TST001"]
    # The facts came through check's cache.
    assert any((tested_project / context.standards.cache_dir).rglob("*"))


def test_an_open_documents_unsaved_text_replaces_its_file(tested_project: Path) -> None:
    context = ProjectContext.load(tested_project)
    context.refresh_facts()
    assert _codes(context, tested_project, {}) == []
    unsaved = {tested_project / "tests" / "test_checkout.py": "def test_nothing():\n    assert 1\n"}
    assert _codes(context, tested_project, unsaved) == ["TST001"]


def test_the_editor_agrees_with_check(tested_project: Path) -> None:
    (tested_project / "tests" / "test_checkout.py").unlink()
    context = ProjectContext.load(tested_project)
    context.refresh_facts()
    path = tested_project / "shop" / "prices.py"
    mine = context.check_document(path, PRICES, {}).violations
    report = check([path], context.standards, use_cache=False, cwd=tested_project)
    assert [(v.rule, v.path, v.span, v.fingerprint) for v in mine] == [
        (v.rule, v.path, v.span, v.fingerprint) for v in report.violations
    ]
    assert mine


def test_a_file_the_standards_exclude_is_not_checked(server_project: Path) -> None:
    (server_project / "standards.toml").write_text('exclude = ["generated/"]\n', encoding="utf-8")
    context = ProjectContext.load(server_project)
    assert context.checks(server_project / "module.py")
    assert not context.checks(server_project / "generated" / "module.py")
    assert not context.checks(server_project.parent / "elsewhere.py")


def test_a_broken_standards_file_is_a_problem_not_an_error(server_project: Path) -> None:
    (server_project / "standards.toml").write_text("[style]\nmax-line-length = 'x'\n", "utf-8")
    context = ProjectContext.load(server_project)
    (problem,) = context.problems
    assert problem.file is not None and problem.file.endswith("standards.toml")
    assert problem.position is not None and problem.position.line == 2
    assert "max-line-length" in problem.message


def test_standards_are_read_from_the_nearest_standards_file(server_project: Path) -> None:
    nested = server_project / "a" / "b"
    nested.mkdir(parents=True)
    assert standards_start(nested / "module.py") == server_project
    assert standards_start(server_project.parent / "x.py") == server_project.parent

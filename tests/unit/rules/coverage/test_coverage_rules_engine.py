"""The [coverage] rules through the engine, on a small package measured by its own tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.config import load_standards
from standards_lint.gate.diff import RepositoryChanges
from standards_lint.model import Report, Severity

PRICES = '''"""Prices."""


def price(amount, discount=0):
    """The price after a discount."""
    if discount:
        return amount - discount
    return amount


def refund(amount):
    """Never tested."""
    if amount < 0:
        raise ValueError(amount)
    return -amount
'''
LOAD = '''"""A script."""


def load(path):
    """Never tested."""
    with open(path) as handle:
        return handle.read()
'''
TESTS = """from shop.prices import price


def test_price():
    assert price(10, 2) == 8
"""


def _run(arguments: list[str], cwd: Path) -> str:
    done = subprocess.run(arguments, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{arguments}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _coverage(project: Path, *arguments: str) -> str:
    return _run([sys.executable, "-m", "coverage", *arguments], project)


def _project(tmp_path: Path, coverage_table: str, *, branch: bool = False, rc: str = "") -> Path:
    """A shop package and a script, measured by running the tests under coverage."""
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "shop" / "prices.py").write_text(PRICES)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "load.py").write_text(LOAD)
    (tmp_path / "test_prices.py").write_text(TESTS)
    (tmp_path / ".coveragerc").write_text(rc)
    (tmp_path / "standards.toml").write_text(
        'select = ["coverage"]\n\n[coverage]\n' + coverage_table, encoding="utf-8"
    )
    (tmp_path / "run_tests.py").write_text(
        "import scripts.load, test_prices\n\ntest_prices.test_price()\n"
    )
    _coverage(tmp_path, "run", *(["--branch"] if branch else []), "run_tests.py")
    return tmp_path


def _check(project: Path, **keywords: object) -> Report:
    standards = load_standards(project / "standards.toml")
    return check([project], standards, use_cache=False, cwd=project, **keywords)  # type: ignore[arg-type]


def _found(report: Report, rule: str) -> list[tuple[str, int, str]]:
    return [(v.path, v.line, v.message) for v in report.violations if v.rule == rule]


def _total(project: Path) -> float:
    return float(_coverage(project, "report", "--format=total", "--precision=2"))


@pytest.mark.parametrize("branch", [False, True])
def test_total_below_fail_under_is_reported_against_the_standards_file(
    tmp_path: Path, branch: bool
) -> None:
    project = _project(tmp_path, "fail-under = 90\n", branch=branch)
    report = _check(project)
    [(path, line, message)] = _found(report, "COV101")
    assert (path, line) == ("standards.toml", 1)
    assert f"total coverage is {_total(project):.2f}%" in message
    assert ("branches covered" in message) is branch
    assert report.metrics["total_coverage"] == pytest.approx(_total(project), abs=0.01)
    assert ("branch_coverage" in report.metrics) is branch


def test_figures_honour_the_coverage_configuration(tmp_path: Path) -> None:
    rc = "[run]\nomit = scripts/*\n[report]\nexclude_also =\n    def refund\n"
    project = _project(tmp_path, "fail-under = 100\n", rc=rc)
    report = _check(project)
    # Without scripts/ and refund, only `return amount` (line 8) is left unrun: 8 of
    # the 9 statements of prices.py, the tests and their driver.
    assert _total(project) == pytest.approx(report.metrics["total_coverage"], abs=0.01)
    assert report.metrics["total_coverage"] == pytest.approx(100 * 8 / 9, abs=0.01)
    [(_, _, message)] = _found(report, "COV101")
    assert "(8 of 9 lines covered)" in message


def test_a_file_below_file_fail_under_is_reported_on_the_file(tmp_path: Path) -> None:
    project = _project(tmp_path, "file-fail-under = 60\n")
    found = _found(_check(project), "COV102")
    assert [(path, line) for path, line, _ in found] == [
        ("scripts/load.py", 1),
        ("shop/prices.py", 1),
    ]
    assert "below file-fail-under 60%" in found[0][2]


def test_file_fail_under_follows_overrides(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        'file-fail-under = 60\n\n[[overrides]]\npaths = ["scripts/"]\n'
        "[overrides.coverage]\nfile-fail-under = 20\n",
    )
    found = _found(_check(project), "COV102")
    assert [path for path, _, _ in found] == ["shop/prices.py"]


def test_path_thresholds_judge_their_files_together(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        '[[coverage.paths]]\nglob = "shop/"\nfail-under = 95\n'
        '[[coverage.paths]]\nglob = "scripts/"\nfail-under = 50\n',
    )
    reference = json.loads(_coverage(project, "json", "-q", "-o", "-", "--include=shop/*"))
    found = _found(_check(project), "COV103")
    messages = sorted(message for _, _, message in found)
    assert [message.split(" is ")[0] for message in messages] == [
        "coverage of files matching 'scripts/'",
        "coverage of files matching 'shop/'",
    ]
    shop_figure = f"{reference['totals']['percent_covered']:.2f}%"
    assert f"is {shop_figure}" in messages[1]


def test_changed_lines_are_judged_and_the_uncovered_ones_listed(tmp_path: Path) -> None:
    project = _project(tmp_path, "new-code-fail-under = 80\n")
    # Of prices.py, 6-7 and the def of refund (11) ran; 8 and refund's body did not,
    # and 12 is a docstring, not a statement.
    changes = RepositoryChanges(project, {"shop/prices.py": frozenset({7, 8, 11, 12, 13, 14})})
    report = _check(project, changes=changes)
    [(path, _, message)] = _found(report, "COV101")
    assert path == "standards.toml"
    assert "is 40.00% (2 of 5 changed executable lines covered)" in message
    assert message.endswith("not covered: shop/prices.py 8, 13-14")
    assert report.metrics["new_code_coverage"] == pytest.approx(40.0)


def test_data_measured_on_another_version_of_a_file_are_stale(tmp_path: Path) -> None:
    project = _project(tmp_path, "fail-under = 10\n")
    prices = project / "shop" / "prices.py"
    prices.write_text(PRICES.replace('"""Prices."""\n', '"""Prices."""\n\n\n\n'))
    (project / "scripts" / "load.py").write_text('"""A script."""\n')
    found = _found(_check(project), "COV003")
    assert [(path, line) for path, line, _ in found] == [
        ("scripts/load.py", 1),
        ("shop/prices.py", 1),
    ]
    assert "beyond the file's 1 lines" in found[0][2]
    assert "blank or comments now" in found[1][2]


def test_a_deleted_measured_file_is_stale(tmp_path: Path) -> None:
    project = _project(tmp_path, "fail-under = 10\n")
    (project / "scripts" / "load.py").unlink()
    found = _found(_check(project), "COV003")
    assert found == [
        (
            "standards.toml",
            1,
            "scripts/load.py: coverage data were measured on a file that no longer exists",
        )
    ]


def test_fresh_data_are_not_stale(tmp_path: Path) -> None:
    project = _project(tmp_path, "fail-under = 10\n", branch=True)
    assert not _check(project).violations


def test_missing_data_are_reported_or_ignored(tmp_path: Path) -> None:
    project = _project(tmp_path, "fail-under = 10\n")
    (project / ".coverage").rename(project / ".coverage.host.1234.567")
    [(path, _, message)] = _found(_check(project), "COV001")
    assert path == "standards.toml"
    assert "coverage combine" in message
    (project / "standards.toml").write_text(
        'select = ["coverage"]\n[coverage]\nfail-under = 10\nmissing-data = "ignore"\n'
    )
    assert not _check(project).violations


def test_nothing_is_read_when_nothing_is_asked(tmp_path: Path) -> None:
    project = _project(tmp_path, "")
    (project / ".coverage").write_bytes(b"not coverage data")
    report = _check(project)
    assert not report.violations
    assert "total_coverage" not in report.metrics


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"SQLite format 3\x00" + b"\x00" * 40, "cannot use the coverage data .coverage:"),
        (b"\x89PNG\r\n", "neither coverage.py data"),
    ],
)
def test_a_corrupt_data_file_is_an_error_finding(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    project = _project(tmp_path, "fail-under = 10\n")
    (project / ".coverage").write_bytes(content)
    report = _check(project)
    [violation] = report.violations
    assert violation.rule == "COV002"
    assert violation.severity is Severity.ERROR
    assert reason in violation.message
    assert "total_coverage" not in report.metrics
    # The tool could not judge the coverage standards: exit 2, not 1.
    assert report.exit_code == 2

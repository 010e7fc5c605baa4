"""``standards-lint baseline`` and ``check`` with a baseline, on a small legacy project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .harness import Invoke, Run, assert_no_traceback

STANDARDS = """\
select = ["line-too-long", "cyclomatic-complexity", "docstring-coverage", "average-complexity"]

[style]
max-line-length = 60

[complexity]
max-cyclomatic = 3
"""

CART = '''\
"""The cart."""


def route(order):
    """Send the order where it belongs."""
    if order.express:
        return "express"
    if order.heavy:
        return "freight"
    if order.abroad:
        return "abroad"
    return "post"


def total(order):
    """The amount due."""
    label = "the total of the order, with tax and shipping included"
    return order.amount
'''

TAX = '''\
"""Taxes."""


def rate(order):
    """The rate of tax."""
    note = "a rate that depends on where the order is shipped to"
    return 0.2 if order.local else 0.0
'''

BASELINE = ".standards-lint-baseline.json"


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    """A project with three violations: two long lines and one complex function."""
    root = tmp_path / "legacy"
    (root / "shop").mkdir(parents=True)
    (root / "standards.toml").write_text(STANDARDS, encoding="utf-8")
    (root / "shop" / "__init__.py").write_text('"""The shop."""\n', encoding="utf-8")
    (root / "shop" / "cart.py").write_text(CART, encoding="utf-8")
    (root / "shop" / "tax.py").write_text(TAX, encoding="utf-8")
    return root


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def recorded(root: Path) -> dict[str, object]:
    document = json.loads((root / BASELINE).read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def summary(run: Run) -> str:
    [line] = [line for line in run.lines if line.startswith("Baseline: ")]
    return line


def test_a_baseline_makes_check_pass(cli: Invoke, legacy: Path) -> None:
    before = cli("check", cwd=legacy)
    assert before.exit_code == 1
    assert "Baseline:" not in before.stdout  # no baseline file: no baseline
    written = cli("baseline", cwd=legacy)
    assert written.exit_code == 0, written.stderr
    assert written.stdout == (
        f"Recorded 3 violations in 2 files and 4 project figures in {BASELINE}.\n"
    )
    document = recorded(legacy)
    assert document["standards"] == "standards.toml"
    entries = document["violations"]
    assert isinstance(entries, list)
    assert [(entry["path"], entry["rule"], entry["count"]) for entry in entries] == [
        ("shop/cart.py", "CPX001", 1),
        ("shop/cart.py", "STY001", 1),
        ("shop/tax.py", "STY001", 1),
    ]
    assert list(entries[0]["values"].values()) == [4]
    after = cli("check", cwd=legacy)
    assert after.exit_code == 0, after.stdout
    assert summary(after) == "Baseline: 0 new, 3 in the baseline (hidden), 0 fixed."
    ignored = cli("check", "--no-baseline", cwd=legacy)
    assert ignored.exit_code == 1
    assert ignored.stdout == before.stdout


def test_unrelated_edits_report_nothing_new(cli: Invoke, legacy: Path) -> None:
    assert cli("baseline", cwd=legacy).exit_code == 0
    for name in ("shop/__init__.py", "shop/cart.py", "shop/tax.py"):
        path = legacy / name
        path.write_text("# Copyright the shop.\n\n" + path.read_text(encoding="utf-8"))
    edit(
        legacy,
        "shop/cart.py",
        "def total(order):\n",
        "def total(\n    order,\n):\n",
    )
    edit(
        legacy,
        "shop/tax.py",
        "return 0.2 if order.local else 0.0",
        "return (0.2\n    if order.local else 0.0)",
    )
    result = cli("check", cwd=legacy)
    assert result.exit_code == 0, result.stdout
    assert summary(result) == "Baseline: 0 new, 3 in the baseline (hidden), 0 fixed."


def test_one_new_violation_is_reported_alone(cli: Invoke, legacy: Path) -> None:
    assert cli("baseline", cwd=legacy).exit_code == 0
    edit(
        legacy,
        "shop/tax.py",
        "    return 0.2",
        '    other = "another line that is much too long for these standards"\n    return 0.2',
    )
    result = cli("check", cwd=legacy)
    assert result.exit_code == 1
    violations = [line for line in result.lines if ": STY" in line or ": CPX" in line]
    assert violations == [
        "shop/tax.py:7:61: STY001 [line-too-long] line is 68 characters long (68 > 60)"
    ]
    assert summary(result) == "Baseline: 1 new, 3 in the baseline (hidden), 0 fixed."
    document = json.loads(cli("check", "--format", "json", cwd=legacy).stdout)
    assert document["baseline"] == {"new": 1, "baselined": 3, "fixed": 0}
    [reported] = document["violations"]
    assert len(reported["fingerprint"]) == 16
    assert "value" not in reported


def test_a_fix_is_reported_and_prune_removes_it(cli: Invoke, legacy: Path) -> None:
    assert cli("baseline", cwd=legacy).exit_code == 0
    edit(legacy, "shop/tax.py", "a rate that depends on where the order is shipped to", "local")
    edit(
        legacy,
        "shop/cart.py",
        "    return order.amount",
        '    again = "a brand new line that is far too long for these standards"\n'
        "    return order.amount",
    )
    result = cli("check", cwd=legacy)
    assert summary(result) == "Baseline: 1 new, 2 in the baseline (hidden), 1 fixed."
    assert (
        "1 baselined violation is fixed: run `standards-lint baseline --prune` to lock that in."
        in result.lines
    )
    pruned = cli("baseline", "--prune", cwd=legacy)
    assert pruned.exit_code == 0, pruned.stderr
    assert pruned.stdout.startswith(f"Pruned {BASELINE}: removed 1 fixed violation")
    assert pruned.stdout.endswith("; 2 violations remain recorded.\n")
    entries = recorded(legacy)["violations"]
    assert isinstance(entries, list)
    assert [entry["path"] for entry in entries] == ["shop/cart.py", "shop/cart.py"]
    again = cli("check", cwd=legacy)
    assert again.exit_code == 1  # pruning never accepts the new violation
    assert summary(again) == "Baseline: 1 new, 2 in the baseline (hidden), 0 fixed."
    nothing = cli("baseline", "--prune", cwd=legacy)
    assert nothing.stdout == (
        f"Nothing to prune in {BASELINE}: every recorded violation still occurs.\n"
    )
    updated = cli("baseline", "--update", cwd=legacy)
    assert updated.exit_code == 0
    assert cli("check", cwd=legacy).exit_code == 0


def test_a_baselined_function_made_more_complex_is_reported(cli: Invoke, legacy: Path) -> None:
    assert cli("baseline", cwd=legacy).exit_code == 0
    edit(
        legacy,
        "shop/cart.py",
        '    return "post"',
        '    if order.fragile:\n        return "care"\n    return "post"',
    )
    result = cli("check", cwd=legacy)
    assert result.exit_code == 1
    assert (
        "shop/cart.py:4:1: CPX001 [cyclomatic-complexity] function 'route' has cyclomatic"
        " complexity 5 (rank A), above the limit 3 (the baseline accepts 4)"
    ) in result.lines
    document = json.loads(cli("check", "--format", "json", cwd=legacy).stdout)
    [complex_route] = [item for item in document["violations"] if item["rule"] == "CPX001"]
    assert complex_route["value"] == 5
    simpler = cli("baseline", "--prune", cwd=legacy)
    assert simpler.exit_code == 0
    values = recorded(legacy)["violations"][0]["values"]  # type: ignore[index]
    assert list(values.values()) == [4]
    assert cli("check", cwd=legacy).exit_code == 1  # pruning never raises a value


def test_a_figure_that_drops_is_sl009(cli: Invoke, legacy: Path) -> None:
    assert cli("baseline", cwd=legacy).exit_code == 0
    edit(legacy, "shop/tax.py", '    """The rate of tax."""\n', "")
    result = cli("check", cwd=legacy)
    assert result.exit_code == 1
    [regression] = [line for line in result.lines if "SL009" in line]
    assert regression == (
        "standards.toml:1:1: SL009 [figure-below-baseline] docstring_coverage fell to 83.33"
        " from the baseline's 100 (higher is better); improve it again, or accept the new"
        " figure with `standards-lint baseline --update`"
    )
    assert cli("baseline", "--prune", cwd=legacy).exit_code == 0
    assert recorded(legacy)["figures"]["docstring_coverage"] == 100  # type: ignore[index]
    assert cli("baseline", "--update", cwd=legacy).exit_code == 0
    figure = recorded(legacy)["figures"]["docstring_coverage"]  # type: ignore[index]
    assert figure == pytest.approx(500 / 6)
    assert cli("check", cwd=legacy).exit_code == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("corrupt", "the baseline is corrupt (not valid JSON"),
        ("version", "the baseline is in format 99, but this standards-lint reads format 1"),
        ("standards", "the baseline was written for the standards 'other.toml'"),
    ],
)
def test_a_baseline_that_cannot_be_used_exits_2(
    cli: Invoke, legacy: Path, change: str, message: str
) -> None:
    assert cli("baseline", cwd=legacy).exit_code == 0
    path = legacy / BASELINE
    document = recorded(legacy)
    if change == "corrupt":
        path.write_text(path.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    else:
        key, value = ("format", 99) if change == "version" else ("standards", "other.toml")
        path.write_text(json.dumps({**document, key: value}), encoding="utf-8")
    for command in (("check",), ("baseline", "--update"), ("baseline", "--prune")):
        result = cli(*command, cwd=legacy)
        assert result.exit_code == 2, command
        assert message in result.stderr
        assert_no_traceback(result)
    assert cli("check", "--no-baseline", cwd=legacy).exit_code == 1


def test_baseline_refuses_to_overwrite_without_update(cli: Invoke, legacy: Path) -> None:
    assert cli("baseline", cwd=legacy).exit_code == 0
    before = (legacy / BASELINE).read_text(encoding="utf-8")
    result = cli("baseline", cwd=legacy)
    assert result.exit_code == 2
    assert "exists" in result.stderr
    assert "--update" in result.stderr
    assert (legacy / BASELINE).read_text(encoding="utf-8") == before
    both = cli("baseline", "--update", "--prune", cwd=legacy)
    assert both.exit_code == 2


def test_prune_needs_a_baseline(cli: Invoke, legacy: Path) -> None:
    result = cli("baseline", "--prune", cwd=legacy)
    assert result.exit_code == 2
    assert "no baseline" in result.stderr
    assert not (legacy / BASELINE).exists()


def test_the_baseline_key_names_the_file(cli: Invoke, legacy: Path) -> None:
    (legacy / "standards.toml").write_text(
        'baseline = "ci/accepted.json"\n' + STANDARDS, encoding="utf-8"
    )
    assert cli("baseline", cwd=legacy).exit_code == 0
    assert (legacy / "ci" / "accepted.json").is_file()
    assert not (legacy / BASELINE).exists()
    assert cli("check", cwd=legacy / "shop").exit_code == 0


def test_checking_some_files_does_not_call_the_others_fixed(cli: Invoke, legacy: Path) -> None:
    assert cli("baseline", cwd=legacy).exit_code == 0
    result = cli("check", "shop/tax.py", cwd=legacy)
    assert result.exit_code == 0
    assert summary(result) == "Baseline: 0 new, 1 in the baseline (hidden), 0 fixed."
    updated = cli("baseline", "--update", "shop/tax.py", cwd=legacy)
    assert updated.exit_code == 0
    entries = recorded(legacy)["violations"]
    assert isinstance(entries, list)
    assert len(entries) == 3  # the files not checked keep their entries


def test_the_baseline_file_reads_well_in_review(cli: Invoke, legacy: Path) -> None:
    assert cli("baseline", cwd=legacy).exit_code == 0
    text = (legacy / BASELINE).read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"
    assert cli("baseline", "--update", cwd=legacy).exit_code == 0
    assert (legacy / BASELINE).read_text(encoding="utf-8") == text

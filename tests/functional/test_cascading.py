"""Cascading standards files in a monorepo: the nearest file governs, over its parents'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from standards_lint.config import StandardsResolver, load_standards
from standards_lint.model import Severity

from .harness import Invoke

#: Three levels: the repository, a group of services, one service.
TREE = {
    "standards.toml": (
        'select = ["line-too-long", "tool"]\n'
        "[style]\nmax-line-length = 60\n"
        '[[overrides]]\npaths = ["scripts/"]\n[overrides.severity]\nSTY001 = "warning"\n'
    ),
    "services/standards.toml": (
        'exclude = ["generated/"]\n'
        "[style]\nmax-line-length = 70\n"
        '[[overrides]]\npaths = ["legacy/"]\n[overrides.style]\nmax-line-length = 90\n'
    ),
    "services/billing/pyproject.toml": (
        '[project]\nname = "billing"\n[tool.standards-lint.style]\nmax-line-length = 80\n'
    ),
}
#: Each file and the length of its one line.
LINES = {
    "app.py": 65,
    "scripts/tool.py": 65,
    "services/api.py": 75,
    "services/ok.py": 65,
    "services/generated/gen.py": 200,
    "services/legacy/old.py": 85,
    "services/billing/pay.py": 85,
    "services/billing/fine.py": 75,
    "services/billing/legacy/older.py": 85,
}
#: The documented effective line limit (and severity) of each checked file.
EXPECTED = {
    "app.py": (60, Severity.ERROR),
    "scripts/tool.py": (60, Severity.WARNING),
    "services/api.py": (70, Severity.ERROR),
    "services/ok.py": (70, Severity.ERROR),
    "services/legacy/old.py": (90, Severity.ERROR),
    "services/billing/pay.py": (80, Severity.ERROR),
    "services/billing/fine.py": (80, Severity.ERROR),
    # The service's own file comes after its parent's overrides, so it wins.
    "services/billing/legacy/older.py": (80, Severity.ERROR),
}
VIOLATING = {
    "app.py",
    "scripts/tool.py",
    "services/api.py",
    "services/billing/pay.py",
    "services/billing/legacy/older.py",
}


@pytest.fixture
def monorepo(tmp_path: Path) -> Path:
    """The three-level tree, written under ``tmp_path``."""
    root = tmp_path / "repo"
    for name, text in TREE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for name, length in LINES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x = '" + "a" * (length - 6) + "'\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("start", [".", "services", "services/billing", "services/legacy"])
def test_each_file_gets_the_documented_standards_from_any_start(monorepo: Path, start: str) -> None:
    standards = load_standards(start=monorepo / start)
    assert standards.root == monorepo.resolve()
    resolver = StandardsResolver(standards)
    for name, (limit, severity) in EXPECTED.items():
        effective = resolver.for_path(monorepo / name)
        assert (effective.areas["style"].max_line_length, effective.severity["STY001"]) == (
            limit,
            severity,
        ), name


def _verdict(cli: Invoke, cwd: Path) -> tuple[int, set[tuple[str, str, str]]]:
    run = cli("check", "--no-cache", "--format", "json", cwd=cwd)
    found = {
        ((cwd / item["path"]).resolve().as_posix(), item["rule"], item["severity"])
        for item in json.loads(run.stdout)["violations"]
    }
    return run.exit_code, found


def test_the_same_verdict_from_the_root_and_from_each_subdirectory(
    monorepo: Path, cli: Invoke
) -> None:
    exit_code, everything = _verdict(cli, monorepo)
    assert exit_code == 1
    expected = {
        ((monorepo / name).resolve().as_posix(), "STY001", EXPECTED[name][1].value)
        for name in VIOLATING
    }
    assert everything == expected
    for start in ("services", "services/billing", "services/legacy"):
        below = (monorepo / start).resolve().as_posix() + "/"
        _, found = _verdict(cli, monorepo / start)
        assert found == {item for item in everything if item[0].startswith(below)}, start


def test_root_true_stops_the_cascade(monorepo: Path) -> None:
    billing = monorepo / "services" / "billing" / "pyproject.toml"
    billing.write_text(
        billing.read_text(encoding="utf-8").replace(
            "[tool.standards-lint.style]",
            "[tool.standards-lint]\nroot = true\n[tool.standards-lint.style]",
        ),
        encoding="utf-8",
    )
    standards = load_standards(start=monorepo / "services" / "billing")
    assert standards.root == billing.parent.resolve()
    assert standards.select is None  # nothing of the repository's file applies
    # From above, the separate project is left to its own runs.
    outer = load_standards(start=monorepo)
    assert "/services/billing/" in outer.exclude


def test_a_run_wide_setting_below_the_top_is_an_error(monorepo: Path, cli: Invoke) -> None:
    (monorepo / "services" / "standards.toml").write_text(
        'cache-dir = ".cache"\n', encoding="utf-8"
    )
    run = cli("check", cwd=monorepo)
    assert run.exit_code == 2
    assert "cache-dir: only the top standards file of a cascade sets this" in run.stderr


def test_config_on_the_command_line_governs_alone(monorepo: Path) -> None:
    standards = load_standards(monorepo / "services" / "standards.toml")
    assert standards.root == (monorepo / "services").resolve()
    assert standards.areas["style"].max_line_length == 70
    assert standards.overrides[0].paths == ("legacy/",)

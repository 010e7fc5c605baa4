"""Cascading standards files in a monorepo: the nearest file governs, over its parents'."""

from __future__ import annotations

import json
import re
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
    # From above, the nested project's subtree gets its standards, and only them.
    outer = StandardsResolver(load_standards(start=monorepo))
    inner = StandardsResolver(standards)
    for name in ("services/billing/pay.py", "services/billing/legacy/older.py"):
        above, inside = outer.for_path(monorepo / name), inner.for_path(monorepo / name)
        assert above.codes == inside.codes
        assert dict(above.severity) == dict(inside.severity)
        assert above.areas["style"] == inside.areas["style"]
        assert above.areas["style"].max_line_length == 80
    # The parents still govern the rest of the tree.
    assert outer.for_path(monorepo / "services" / "api.py").areas["style"].max_line_length == 70


def test_a_nested_root_gives_the_same_verdict_from_above_and_from_inside(
    monorepo: Path, cli: Invoke
) -> None:
    billing = monorepo / "services" / "billing"
    (billing / "pyproject.toml").write_text(
        '[tool.standards-lint]\nroot = true\nselect = ["style", "docstrings"]\n'
        '[tool.standards-lint.severity]\nSTY001 = "warning"\n'
        "[tool.standards-lint.style]\nmax-line-length = 80\n",
        encoding="utf-8",
    )
    (billing / "legacy" / "standards.toml").write_text(
        "[style]\nmax-line-length = 84\n", encoding="utf-8"
    )
    (billing / "naming.py").write_text('"""Billing."""\n\n\ndef Pay():\n    pass\n')
    _, from_top = _verdict(cli, monorepo)
    exit_code, from_inside = _verdict(cli, billing)
    assert exit_code == 1
    below = billing.resolve().as_posix() + "/"
    assert {item for item in from_top if item[0].startswith(below)} == from_inside
    found = {(Path(path).name, rule, severity) for path, rule, severity in from_inside}
    # The nested file's own selection, severity and limits; not the parents'.
    assert ("pay.py", "STY001", "warning") in found
    assert ("older.py", "STY001", "warning") in found
    assert ("fine.py", "STY001", "warning") not in found
    assert any(name == "naming.py" and rule.startswith("STY") for name, rule, _ in found)
    assert any(rule.startswith("DOC") for _, rule, _ in found)


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


#: A mistake in each kind of place, one file per level, each with where it is.
MISTAKES = {
    "standards.toml": ("[style]\nmax-line-lenght = 90\n", []),
    "services/standards.toml": (
        '[style]\nmax-line-length = "long"\n\n[severity]\nSTY001 = "loud"\n',
        [
            "services/standards.toml:2:1: [style]: max-line-length: expected an integer",
            "services/standards.toml:5:1: [severity]: STY001:",
        ],
    ),
    "services/billing/pyproject.toml": (
        '[project]\nname = "billing"\n[tool.standards-lint]\nselct = ["STY001"]\n'
        'select = ["STY001", "STY999"]\n'
        "[[tool.standards-lint.architecture.contracts]]\n"
        'type = "layers"\nname = "billing"\nlayers = 3\n'
        '[[tool.standards-lint.overrides]]\npaths = ["old/"]\nignor = ["STY001"]\n',
        [
            "services/billing/pyproject.toml:4:1: unknown key 'selct'; did you mean 'select'?",
            "services/billing/pyproject.toml:5:21: select: unknown rule, prefix or area 'STY999'",
            "services/billing/pyproject.toml:9:1: [architecture]: contracts[0]: layers:",
            "services/billing/pyproject.toml:12:1: [[overrides]] #1: unknown key 'ignor';"
            " did you mean 'ignore'?",
        ],
    ),
}


def test_each_problem_of_a_lower_file_is_at_its_line(tmp_path: Path, cli: Invoke) -> None:
    for name, (text, _) in MISTAKES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "services" / "billing" / "pay.py").write_text("x = 1\n")
    run = cli("check", "--no-cache", cwd=tmp_path / "services" / "billing")
    assert run.exit_code == 2
    shown = [line.strip().replace(f"{tmp_path.resolve()}/", "") for line in run.stderr.splitlines()]
    assert (
        "standards.toml:2:1: [style]: unknown key 'max-line-lenght';"
        " did you mean 'max-line-length'?" in shown
    )
    for _, expected in MISTAKES.values():
        for start in expected:
            assert any(line.startswith(start) for line in shown), (start, shown)


def test_a_problem_in_a_base_that_a_lower_file_extends_is_named_at_the_base(
    tmp_path: Path, cli: Invoke
) -> None:
    (tmp_path / "standards.toml").write_text("[style]\nmax-line-length = 100\n")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "base.toml").write_text("[style]\n\nmax-argumnts = 3\n")
    service = tmp_path / "service"
    service.mkdir()
    (service / "standards.toml").write_text(
        'extends = "../shared/base.toml"\n\n[style]\nmax-line-length = 90\nmax-modul-lines = 5\n'
    )
    (service / "app.py").write_text("x = 1\n")
    run = cli("check", "--no-cache", cwd=service)
    assert run.exit_code == 2
    shown = [line.strip().replace(f"{tmp_path.resolve()}/", "") for line in run.stderr.splitlines()]
    assert any(
        line.startswith("shared/base.toml:3:1: [style]: unknown key 'max-argumnts'")
        for line in shown
    ), shown
    assert any(
        line.startswith("service/standards.toml:5:1: [style]: unknown key 'max-modul-lines'")
        for line in shown
    ), shown
    lower = [line for line in shown if line.startswith("service/standards.toml")]
    assert not any("argumnts" in line for line in lower)


def _layered_service(tmp_path: Path, *, root: bool) -> Path:
    """A top file and a service whose own file holds a layers contract its code breaks."""
    (tmp_path / "standards.toml").write_text("[style]\nmax-line-length = 100\n")
    package = tmp_path / "service" / "pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "low.py").write_text("import pkg.high\n")
    (package / "high.py").write_text("x = 1\n")
    (tmp_path / "service" / "standards.toml").write_text(
        ("root = true\n" if root else "")
        + '[architecture]\nsource-roots = ["."]\n\n[[architecture.contracts]]\n'
        + 'name = "layers"\ntype = "layers"\nlayers = ["pkg.high", "pkg.low"]\n'
    )
    return tmp_path / "service"


def test_contracts_in_a_lower_file_are_a_problem_not_silently_ignored(
    tmp_path: Path, cli: Invoke
) -> None:
    service = _layered_service(tmp_path, root=False)
    for where in (tmp_path, service):
        run = cli("check", "--no-cache", "--select", "ARC", cwd=where)
        assert run.exit_code == 2
        assert "[architecture]: contracts: only the top standards file" in run.stderr
        assert "service/standards.toml:4:1:" in run.stderr


def test_a_nested_root_judges_its_own_contracts(tmp_path: Path, cli: Invoke) -> None:
    service = _layered_service(tmp_path, root=True)
    run = cli("check", "--no-cache", "--select", "ARC", cwd=service)
    assert run.exit_code == 1, run.stderr
    assert "ARC001" in run.stdout


def test_config_names_the_file_each_value_came_from(monorepo: Path, cli: Invoke) -> None:
    (monorepo / "shared").mkdir()
    (monorepo / "shared" / "base.toml").write_text(
        '[style]\nmax-module-lines = 400\ntodo-tags = ["XXX"]\n', encoding="utf-8"
    )
    services = monorepo / "services" / "standards.toml"
    services.write_text(
        'extends = "../shared/base.toml"\n' + services.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    billing = monorepo / "services" / "billing" / "pyproject.toml"
    billing.write_text(
        billing.read_text(encoding="utf-8")
        + '[[tool.standards-lint.overrides]]\npaths = ["legacy/"]\n'
        "[tool.standards-lint.overrides.style]\nmax-arguments = 3\n",
        encoding="utf-8",
    )
    target = "services/billing/legacy/older.py"
    run = cli("config", target, "--format", "json", cwd=monorepo)
    assert run.exit_code == 0, run.stderr
    shown = json.loads(run.stdout)
    style = shown["areas"]["style"]
    assert style["max-line-length"]["from"] == "services/billing/pyproject.toml"
    assert style["max-module-lines"]["from"] == "shared/base.toml"
    assert style["max-arguments"]["origin"] == {
        "file": "services/billing/pyproject.toml",
        "override": 1,
    }
    assert style["naming-functions"]["from"] == "default"
    assert shown["files"] == [
        "standards.toml",
        "shared/base.toml",
        "services/standards.toml",
        "services/billing/pyproject.toml",
    ]
    assert [item["from"] for item in shown["overrides"]] == [
        "services/standards.toml",
        "[[overrides]] #1 in services/standards.toml",
        "services/billing/pyproject.toml",
        "[[overrides]] #1 in services/billing/pyproject.toml",
    ]
    text = cli("config", target, cwd=monorepo).stdout
    assert re.search(r"^max-module-lines = 400 +# shared/base\.toml$", text, re.M)
    assert re.search(r"^max-arguments = 3 +# \[\[overrides\]\] #1 in services/billing/", text, re.M)
    assert '# services/standards.toml applies: paths = ["/services/"]' in text
    # A directory gets its own file's standards and its parents'.
    directory = json.loads(cli("config", "services", "--format", "json", cwd=monorepo).stdout)
    assert directory["areas"]["style"]["max-line-length"] == {
        "value": 70,
        "origin": {"file": "services/standards.toml", "override": None},
        "from": "services/standards.toml",
    }

"""The examples stay true: the shop demo fails as documented, the rule packs pass their
own tests, and the pre-commit and CI files call the command line as it really is."""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path

import pytest
import yaml

from standards_lint.testing import ExampleCase, check_example, example_cases

from .harness import REPO, Invoke, copy_asset, run_process

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

EXAMPLES = REPO / "examples"
SHOP = EXAMPLES / "shop"
PLUGIN_PACK = EXAMPLES / "plugin_pack"

#: What the shop's code does wrong on purpose, by (path, code). Other rules may
#: find more as the built-in areas grow; these must always be among the findings.
SHOP_VIOLATIONS = {
    ("shop/inventory.py", "STY011"),  # bare except
    ("shop/inventory.py", "STY014"),  # TODO without a ticket (a warning, see [severity])
    ("shop/inventory.py", "TEAM001"),  # naive datetime, from the local plugin
    ("shop/models.py", "ARC001"),  # a model importing pricing, against the layers
    ("shop/notifications.py", "STY009"),  # print, banned in standards.toml
    ("shop/pricing.py", "STY012"),  # mutable default argument
    ("shop/pricing.py", "STY001"),  # long line
    ("shop/service.py", "SL003"),  # a suppression that suppresses nothing...
    ("shop/service.py", "SL004"),  # ...and gives no reason
}


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A private copy of the shop example."""
    return copy_asset("shop", tmp_path, assets=EXAMPLES)


def _findings(cli: Invoke, root: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = cli("check", "--format", "json", *args, cwd=root)
    assert result.stderr == ""
    violations = json.loads(result.stdout)["violations"]
    assert isinstance(violations, list)
    return result.exit_code, violations


def test_demo_fails_with_the_documented_violations(cli: Invoke, shop: Path) -> None:
    result = cli("check", "--statistics", "--no-cache", cwd=shop)
    assert result.exit_code == 1, result.stdout + result.stderr
    exit_code, violations = _findings(cli, shop)
    assert exit_code == 1
    found = {(violation["path"], violation["rule"]) for violation in violations}
    assert found >= SHOP_VIOLATIONS
    severities = {(v["path"], v["rule"]): v["severity"] for v in violations}
    assert severities[("shop/inventory.py", "STY014")] == "warning"
    assert severities[("shop/service.py", "SL003")] == "error"


def test_demo_honours_suppressions_overrides_and_exclusions(cli: Invoke, shop: Path) -> None:
    _, violations = _findings(cli, shop)
    paths = {violation["path"] for violation in violations}
    assert not any(str(path).startswith("shop/_generated/") for path in paths)  # excluded
    # The long URL line carries a suppression with a reason.
    service = {v["rule"] for v in violations if v["path"] == "shop/service.py"}
    assert "STY001" not in service
    assert {"SL003", "SL004"} <= service
    # Tests may print and have lines up to 120 characters; the CLI may print.
    assert not [
        v
        for v in violations
        if v["rule"] in {"STY001", "STY009"}
        and v["path"]
        in {
            "tests/test_service.py",
            "tests/test_pricing.py",
            "shop/cli.py",
        }
    ]


def test_demo_clean_modules_stay_clean(cli: Invoke, shop: Path) -> None:
    clean = ["shop/money.py", "shop/repository.py", "lint_rules.py"]
    # The areas the example was written against; areas added later may find more.
    areas = "style,architecture,tool,team"
    _, violations = _findings(cli, shop, "--select", areas, *clean)
    assert violations == []


def test_shop_code_works_and_its_tests_pass(shop: Path) -> None:
    tests = run_process([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], shop)
    assert tests.exit_code == 0, tests.stdout + tests.stderr
    quote = run_process([sys.executable, "-m", "shop.cli", "--quantity", "4"], shop)
    assert (quote.exit_code, quote.stdout) == (0, "Order A-1: 60.00 EUR\n")


@pytest.mark.parametrize(
    "case", example_cases(plugins=[str(SHOP / "lint_rules.py")], codes=["TEAM001"])
)
def test_shop_local_plugin_examples(case: ExampleCase) -> None:
    check_example(case)


def _install_plugin_pack_in_place(site: Path) -> dict[str, str]:
    """Make the plugin pack importable and its entry point visible, as `pip install -e` would.

    The distribution's metadata (name, version and the entry points, read from
    the pack's own pyproject.toml) goes in a directory on PYTHONPATH, where
    importlib.metadata finds it.
    """
    project = tomllib.loads((PLUGIN_PACK / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dist_info = site / f"shop_rules-{project['version']}.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n",
        encoding="utf-8",
    )
    lines = []
    for group, entries in project["entry-points"].items():
        lines.append(f"[{group}]")
        lines += [f"{name} = {value}" for name, value in entries.items()]
    (dist_info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(site), str(PLUGIN_PACK / "src")])}


@pytest.fixture
def plugin_pack_env(tmp_path: Path) -> dict[str, str]:
    """Environment variables under which the plugin pack is installed."""
    return _install_plugin_pack_in_place(tmp_path / "site")


def test_plugin_pack_passes_its_own_tests(plugin_pack_env: dict[str, str], tmp_path: Path) -> None:
    tests = copy_asset("plugin_pack", tmp_path, assets=EXAMPLES) / "tests"
    result = run_process(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)],
        tmp_path,
        extra_env=plugin_pack_env,
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    assert " passed" in result.stdout


def test_plugin_pack_entry_point_adds_its_rules_to_the_shop(
    plugin_pack_env: dict[str, str], shop: Path
) -> None:
    command = [sys.executable, "-m", "standards_lint"]
    rules = run_process([*command, "rules", "--format", "json"], shop, extra_env=plugin_pack_env)
    assert rules.exit_code == 0, rules.stderr
    by_code = {rule["code"]: rule for rule in json.loads(rules.stdout)}
    assert by_code["SHP001"]["name"] == "float-money"
    assert by_code["SHP001"]["area"] == "shop"
    check = run_process(
        [*command, "check", "--select", "float-money", "--format", "json"],
        shop,
        extra_env=plugin_pack_env,
    )
    assert check.exit_code == 1, check.stderr
    [violation] = json.loads(check.stdout)["violations"]
    assert violation["path"] == "shop/pricing.py"
    assert "shipping_amount" in violation["message"]


def test_hook_definition() -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "standards-lint"
    assert hook["entry"] == "standards-lint check"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert set(hook["types_or"]) == {"python", "pyi"}


def test_shop_pre_commit_config_runs_the_same_command(cli: Invoke, shop: Path) -> None:
    config = yaml.safe_load((shop / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert hook["id"] == "standards-lint"
    program, *args = shlex.split(hook["entry"])
    assert program == "standards-lint"
    # pre-commit appends the staged files to the entry.
    result = cli(*args, "shop/money.py", "shop/pricing.py", cwd=shop)
    assert result.exit_code == 1
    assert "shop/pricing.py:" in result.stdout


def test_ci_workflow_commands_work(cli: Invoke, shop: Path) -> None:
    workflow = yaml.safe_load((shop / "ci" / "github-actions.yml").read_text(encoding="utf-8"))
    commands = [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if str(step.get("run", "")).startswith("standards-lint ")
    ]
    # The gate itself is the standards-lint action (tests/functional/test_ci_outputs.py
    # runs its script); the workflow adds the JSON report for dashboards.
    [report] = (shlex.split(command)[1:] for command in commands)
    assert cli("check", cwd=shop).exit_code == 1
    assert cli(*report, cwd=shop).exit_code == 0
    document = json.loads((shop / "report.json").read_text(encoding="utf-8"))
    assert document["summary"]["error"] >= 1


def test_an_installed_pack_also_named_in_plugins_loads_once(
    plugin_pack_env: dict[str, str], shop: Path
) -> None:
    standards = shop / "standards.toml"
    standards.write_text(
        standards.read_text(encoding="utf-8").replace(
            'plugins = ["lint_rules.py"]', 'plugins = ["lint_rules.py", "shop_rules"]'
        ),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "standards_lint", "check", "--select", "SHP001"]
    result = run_process(command, shop, extra_env=plugin_pack_env)
    assert result.exit_code == 1, result.stderr

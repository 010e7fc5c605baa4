"""standards-lint as a user gets it: a wheel installed in a fresh environment.

The editable install the other tests use hides packaging mistakes: a rules
sub-package missing from ``[tool.setuptools] packages``, a top-level ``rules``
package leaking into site-packages, a missing entry point. Here the wheel is
built from a copy of the source tree (so stale ``build/`` output cannot leak
in), installed with its dependencies into a new virtual environment, and run
from a directory outside the repository.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .harness import REPO, Run, copy_asset, run_process

pytestmark = pytest.mark.slow

EXAMPLES = REPO / "examples"
#: Left out of the copy the wheel is built from.
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".standards-lint-cache",
    ".hypothesis",
    "benchmarks",
)


def _pip(*args: str | Path) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *map(str, args)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment with the wheels installed, and a place outside the repo."""

    bin: Path
    outside: Path

    def run(self, *args: str, cwd: Path | None = None) -> Run:
        """Run a program of the environment's ``bin`` directory."""
        program, *rest = args
        return run_process([str(self.bin / program), *rest], cwd or self.outside)


def _build_wheel(source: Path, copy: Path, wheels: Path) -> None:
    shutil.copytree(source, copy, ignore=NOT_SOURCE)
    _pip("wheel", "--no-deps", "--wheel-dir", wheels, copy)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """standards-lint and the example rule pack, installed from wheels into a new venv."""
    base = tmp_path_factory.mktemp("installed")
    wheels = base / "wheels"
    _build_wheel(REPO, base / "source" / "standards-lint", wheels)
    _build_wheel(EXAMPLES / "plugin_pack", base / "source" / "plugin_pack", wheels)
    environment = base / "venv"
    # A venv without pip of its own: this environment's pip installs into it,
    # which is quicker than bootstrapping a second pip.
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True, timeout=60
    )
    python = environment / "bin" / "python"
    [wheel] = wheels.glob("standards_lint-*.whl")
    _pip("--python", python, "install", wheel)
    outside = base / "elsewhere"
    outside.mkdir()
    return Installed(environment / "bin", outside)


def _install_plugin_pack(installed: Installed) -> None:
    [wheel] = (installed.bin.parent.parent / "wheels").glob("shop_rules-*.whl")
    _pip("--python", installed.bin / "python", "install", wheel)


def _codes(run: Run) -> set[str]:
    assert run.exit_code == 0, run.stderr
    return {rule["code"] for rule in json.loads(run.stdout)}


def test_the_package_is_imported_from_site_packages(installed: Installed) -> None:
    script = (
        "import importlib.util, standards_lint, standards_lint.rules\n"
        "print(importlib.util.find_spec('rules'))\n"
        "print(standards_lint.__file__)\n"
        "print(standards_lint.rules.__file__)\n"
    )
    result = installed.run("python", "-c", script)
    assert result.exit_code == 0, result.stderr
    spec, package, rules = result.stdout.splitlines()
    assert spec == "None", "a top-level 'rules' package must not be installed"
    assert "site-packages" in package and str(REPO) not in package
    assert rules.endswith("site-packages/standards_lint/rules/__init__.py")
    assert Path(package).with_name("py.typed").is_file()


def test_every_rule_of_the_source_tree_is_installed(installed: Installed) -> None:
    in_source = run_process(
        [sys.executable, "-m", "standards_lint", "rules", "--format", "json"], installed.outside
    )
    in_wheel = installed.run("standards-lint", "rules", "--format", "json")
    assert "STY001" in _codes(in_wheel)
    assert _codes(in_wheel) == _codes(in_source)


def test_check_the_shop_example(installed: Installed) -> None:
    shop = copy_asset("shop", installed.outside / "check", assets=EXAMPLES)
    result = installed.run("standards-lint", "check", "--format", "json", cwd=shop)
    assert result.exit_code == 1, result.stderr
    found = {(v["path"], v["rule"]) for v in json.loads(result.stdout)["violations"]}
    assert {("shop/pricing.py", "STY001"), ("shop/inventory.py", "TEAM001")} <= found
    version = installed.run("python", "-m", "standards_lint", "--version")
    assert version.stdout.startswith("standards-lint, version ")


def test_an_installed_rule_pack_is_found_by_its_entry_point(installed: Installed) -> None:
    _install_plugin_pack(installed)
    assert "SHP001" in _codes(installed.run("standards-lint", "rules", "--format", "json"))
    shop = copy_asset("shop", installed.outside / "with_pack", assets=EXAMPLES)
    result = installed.run("standards-lint", "check", "--select", "SHP", cwd=shop)
    assert result.exit_code == 1, result.stderr
    assert result.stdout.startswith("shop/pricing.py:")
    assert "SHP001 [float-money] money name 'shipping_amount' is given a float" in result.stdout

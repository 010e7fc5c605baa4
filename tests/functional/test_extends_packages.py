"""Shared standards from an installed package: examples/standards_package, installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .harness import REPO, Run, run_process

pytestmark = pytest.mark.slow

PACKAGE = REPO / "examples" / "standards_package"
LONG_LINE = "x = '" + "a" * 90 + "'\n"


def _pip(*args: str | Path) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *map(str, args)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the example standards package, installed from its wheel."""
    base = tmp_path_factory.mktemp("standards-package")
    # Built from a copy: an in-tree build would leave build/ and *.egg-info behind.
    source = base / "source"
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("build", "*.egg-info"))
    _pip("wheel", "--no-deps", "--wheel-dir", base / "wheels", source)
    [wheel] = (base / "wheels").glob("acme_python_standards-*.whl")
    _pip("install", "--no-deps", "--target", base / "site", wheel)
    return base / "site"


def _check(site: Path, cwd: Path, *args: str) -> Run:
    path = os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])
    command = [sys.executable, "-m", "standards_lint", "check", "--no-cache", *args]
    return run_process(command, cwd, extra_env={"PYTHONPATH": path})


def _project(tmp_path: Path, extends: str) -> Path:
    (tmp_path / "standards.toml").write_text(f"extends = {extends}\n", encoding="utf-8")
    (tmp_path / "lib.py").write_text("print('hello')\n" + LONG_LINE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "extends", ['["acme-python-standards"]', '"acme_standards:standards.toml"']
)
def test_a_project_builds_on_the_installed_standards(
    site: Path, tmp_path: Path, extends: str
) -> None:
    run = _check(site, _project(tmp_path, extends))
    assert run.exit_code == 1, run.stderr
    # ACM001 comes from the package's own plugin, found inside the package.
    assert "lib.py:1:1: ACM001 [no-print]" in run.stdout
    assert "lib.py:2:89: STY001 [line-too-long] line is 96 characters long (96 > 88)" in run.stdout


def test_the_project_changes_what_it_must(site: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, '["acme-python-standards"]')
    with (project / "standards.toml").open("a", encoding="utf-8") as file:
        file.write('[style]\nmax-line-length = 100\n[severity]\nACM001 = "warning"\n')
    run = _check(site, project)
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "STY001" not in run.stdout and "ACM001" in run.stdout


def test_installed_standards_that_do_not_exist_are_an_error(site: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, '["acme-python-standard"]')
    run = _check(site, project)
    assert run.exit_code == 2
    assert f"{project / 'standards.toml'}" in run.stderr
    assert "installed standards named 'acme-python-standard'" in run.stderr
    assert "installed: acme-python-standards" in run.stderr


def test_a_monorepo_on_shared_standards_gives_one_verdict_from_every_directory(
    site: Path, tmp_path: Path
) -> None:
    (tmp_path / "standards.toml").write_text(
        'extends = ["acme-python-standards"]\n'
        '[[overrides]]\npaths = ["tools/"]\n[overrides.severity]\nACM001 = "warning"\n',
        encoding="utf-8",
    )
    service = tmp_path / "services" / "web"
    service.mkdir(parents=True)
    (tmp_path / "services" / "standards.toml").write_text(
        "[style]\nmax-line-length = 100\n", encoding="utf-8"
    )
    (service / "standards.toml").write_text(
        '[style]\nmax-line-length = 80\n[[overrides]]\npaths = ["cli.py"]\nignore = ["ACM001"]\n',
        encoding="utf-8",
    )
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "run.py").write_text("print('x')\n", encoding="utf-8")
    (tmp_path / "services" / "wide.py").write_text(LONG_LINE, encoding="utf-8")
    (service / "cli.py").write_text("print('x')\n" + LONG_LINE, encoding="utf-8")
    from_root = _check(site, tmp_path, "services/web")
    from_service = _check(site, service)
    assert from_root.exit_code == from_service.exit_code == 1
    assert from_root.stdout.replace("services/web/", "") == from_service.stdout
    assert "cli.py:2:81: STY001" in from_service.stdout and "ACM001" not in from_service.stdout
    everything = _check(site, tmp_path)
    assert everything.exit_code == 1
    assert "tools/run.py:1:1: ACM001" in everything.stdout  # a warning there
    assert "services/wide.py" not in everything.stdout  # 96 <= 100

"""The docstring coverage metric of a real run equals interrogate 1.7.0's figure.

Each real package is copied to a temporary project with a standards file that
selects the docstrings area with one set of interrogate-named options; the
figure comes from the engine (``api.check``, and once from the CLI's JSON) and is
compared with interrogate's, computed through its API on the very same files.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from standards_lint.api import check
from standards_lint.cli import main
from standards_lint.config import load_standards
from standards_lint.engine.discover import discover_files

interrogate_config = pytest.importorskip("interrogate.config")
interrogate_coverage = pytest.importorskip("interrogate.coverage")

REAL_PACKAGES = ("click", "pathspec", "radon", "_pytest", "libcst")

# Option sets as written in [docstrings], each with interrogate's own names.
OPTION_SETS: dict[str, dict[str, Any]] = {
    "defaults": {},
    "private-and-magic": {
        "ignore-magic": True,
        "ignore-private": True,
        "ignore-semiprivate": True,
        "ignore-init-method": True,
    },
    "structure": {
        "ignore-module": True,
        "ignore-init-module": True,
        "ignore-nested-functions": True,
        "ignore-nested-classes": True,
    },
    "decorators-and-regex": {
        "ignore-property-decorators": True,
        "ignore-setters": True,
        "ignore-overloaded-functions": True,
        "ignore-regex": ["test_", "visit_", "^_[a-z]"],
    },
    "google-and-whitelist": {
        "style": "google",
        "whitelist-regex": ["[A-Z]", "get"],
        "ignore-nested-classes": True,
    },
}

# How interrogate's configuration names the options that standards-lint names otherwise.
_INTERROGATE_NAMES = {
    "ignore-setters": "ignore_property_setters",
    "whitelist-regex": "include_regex",
    "style": "docstring_style",
}


def toml_value(value: Any) -> str:
    """Write a value of an option set as TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def write_standards(root: Path, options: Mapping[str, Any]) -> Path:
    """Write a standards file that runs DOC201 alone with ``options``."""
    lines = ['select = ["DOC201"]', "[docstrings]"]
    lines += [f"{key} = {toml_value(value)}" for key, value in options.items()]
    path = root / "standards.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def interrogate_figure(root: Path, options: Mapping[str, Any]) -> tuple[float, list[str]]:
    """Interrogate's coverage of ``root`` in percent, and the files it read."""
    settings: dict[str, Any] = {}
    for key, value in options.items():
        name = _INTERROGATE_NAMES.get(key, key.replace("-", "_"))
        if key.endswith("regex"):
            value = [re.compile(pattern) for pattern in value]
        settings[name] = value
    interrogate = interrogate_coverage.InterrogateCoverage(
        paths=[str(root)], conf=interrogate_config.InterrogateConfig(**settings)
    )
    filenames = interrogate.get_filenames_from_paths()
    return interrogate.get_coverage().perc_covered, filenames


@pytest.fixture(scope="module", params=REAL_PACKAGES)
def package_copy(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of an installed package, as a project of its own (outside the virtualenv)."""
    module = pytest.importorskip(request.param)
    assert module.__file__ is not None
    project = tmp_path_factory.mktemp(f"project-{request.param}")
    target = project / request.param
    shutil.copytree(
        Path(module.__file__).parent, target, ignore=shutil.ignore_patterns("__pycache__")
    )
    return target


@pytest.mark.slow
@pytest.mark.parametrize("options_name", sorted(OPTION_SETS))
def test_coverage_metric_of_a_real_run_matches_interrogate(
    package_copy: Path, options_name: str
) -> None:
    options = OPTION_SETS[options_name]
    project = package_copy.parent
    standards = load_standards(write_standards(project, options))

    report = check([package_copy], standards, use_cache=False, cwd=project)
    theirs, their_files = interrogate_figure(package_copy, options)

    # The same files were read: interrogate skips __init__.py files under
    # ignore-init-module, where standards-lint reads them and counts nothing in them.
    skips_init = options.get("ignore-init-module", False)
    our_files = [
        path
        for path in discover_files([package_copy], standards)
        if path.suffix == ".py" and not (skips_init and path.name == "__init__.py")
    ]
    assert sorted(our_files) == sorted(Path(name) for name in their_files)
    assert report.internal_errors == 0
    assert report.metrics["docstring_coverage"] == pytest.approx(theirs, abs=0.1)


@pytest.mark.slow
def test_cli_json_reports_interrogates_figure(package_copy: Path) -> None:
    options = OPTION_SETS["private-and-magic"]
    project = package_copy.parent
    config = write_standards(project, {**options, "fail-under": 100})
    theirs, _ = interrogate_figure(package_copy, options)

    result = CliRunner().invoke(
        main,
        ["check", "--config", str(config), "--format", "json", "--no-cache", str(package_copy)],
    )

    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["metrics"]["docstring_coverage"] == pytest.approx(theirs, abs=0.1)
    if theirs < 100:
        assert result.exit_code == 1
        assert any(v["rule"] == "DOC201" for v in report["violations"])

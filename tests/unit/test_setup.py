"""setup.py finds every package, with rules/ installed as standards_lint.rules."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def load_setup() -> ModuleType:
    spec = importlib.util.spec_from_file_location("setup", REPO / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_area_folder_is_a_package_under_standards_lint_rules() -> None:
    packages = load_setup().project_packages()
    areas = sorted(path.parent.name for path in (REPO / "rules").glob("*/__init__.py"))
    assert areas
    assert {f"standards_lint.rules.{area}" for area in areas} <= set(packages)
    assert not [package for package in packages if package.split(".")[0] != "standards_lint"]


def test_namespace_packages_count_and_data_folders_do_not() -> None:
    packages = load_setup().project_packages()
    assert "standards_lint.engine" in packages
    assert "standards_lint.rules" in packages
    assert not [package for package in packages if package.endswith((".assets", "__pycache__"))]

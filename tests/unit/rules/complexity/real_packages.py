"""Real packages to compare against radon, xenon and complexipy, measured once per session.

The packages are standards-lint's own dependencies (click, pathspec, radon), so
they are installed wherever the tests run, at whatever version pip chose: the
comparisons hold for the versions found, not for pinned fixtures.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Mapping
from pathlib import Path

import pytest

from standards_lint.rules.complexity.metrics import ModuleMetrics, measure_module

REAL_PACKAGES = ("click", "pathspec", "radon")


def package_directory(name: str) -> Path:
    """The installed directory of a package."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        pytest.skip(f"{name} is not installed")
    return Path(spec.origin).parent


def python_files(directory: Path) -> list[Path]:
    """The ``.py`` files under ``directory``, hidden folders skipped as radon skips them."""
    found: list[Path] = []
    for root, folders, files in os.walk(directory):
        folders[:] = sorted(folder for folder in folders if not folder.startswith("."))
        found.extend(
            Path(root, file)
            for file in sorted(files)
            if file.endswith(".py") and not file.startswith(".")
        )
    return found


@functools.cache
def measured_package(name: str) -> Mapping[str, ModuleMetrics]:
    """Every module of an installed package, by absolute path, measured with measure_module."""
    return {
        str(path): measure_module(path.read_text(encoding="utf-8"))
        for path in python_files(package_directory(name))
    }

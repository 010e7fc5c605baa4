"""What pyproject.toml cannot state: ``rules/`` installs as ``standards_lint.rules``.

setuptools' ``packages.find`` names what it finds after the folders, so it
would ship ``rules`` as a second top-level package. Here the packages are
found under both folders and ``rules/`` is renamed; a new area is one new
folder. Everything else lives in pyproject.toml.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from setuptools import find_namespace_packages, setup

HERE = Path(__file__).parent


def python_packages(folder: str, name: str) -> Iterator[str]:
    """``name`` and the packages below ``folder``, named from it: every folder of Python code.

    Namespace packages count (``standards_lint.engine`` has no ``__init__``);
    folders of data only (the HTML report's assets, caches) do not.
    """
    top = HERE / folder
    for package in ["", *find_namespace_packages(str(top))]:
        if any(top.joinpath(*package.split(".")).glob("*.py")):
            yield f"{name}.{package}" if package else name


def project_packages() -> list[str]:
    """Every package the distribution installs, by its installed name."""
    return sorted(
        [
            *python_packages("standards_lint", "standards_lint"),
            *python_packages("rules", "standards_lint.rules"),
        ]
    )


if __name__ == "__main__":  # setuptools runs this file as the main module
    setup(packages=project_packages())

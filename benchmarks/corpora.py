"""The corpora the benchmark measures, and the copy of the tool it measures them with.

Two corpora of different kinds, so that a gain on one is not a loss on the
other:

* ``pip-rich``: the wheels of pip and rich, downloaded once: a command-line
  tool with its vendored libraries, and a terminal-rendering library;
* ``django``: the ``.py`` files of the Django installed with the test extras: a
  web framework, with an ORM, many small modules and deep class hierarchies.

Each corpus lives under the benchmark's work directory, outside the
repository (Fixit skips files that a ``.gitignore`` above them ignores), with a
standards file that selects every rule.
"""

from __future__ import annotations

import compileall
import importlib.util
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

STANDARDS = 'select = ["ALL"]\nrespect-gitignore = false\n'
PIP_RICH_WHEELS = ("pip==24.2", "rich==13.9.4")


@dataclass(frozen=True)
class Corpus:
    """One prepared corpus."""

    name: str
    description: str
    source: Path
    #: A large module (a few thousand lines), changed for the one-file re-check.
    large_module: Path


def _not_python(directory: str, names: list[str]) -> list[str]:
    return [
        name
        for name in names
        if name == "__pycache__"
        or (not name.endswith(".py") and not Path(directory, name).is_dir())
    ]


def copy_python_files(source: Path, destination: Path) -> None:
    """Copy the ``.py`` files (and the directories holding them) of ``source``."""
    shutil.rmtree(destination, ignore_errors=True)
    shutil.copytree(source, destination, ignore=_not_python)


def installed_package(name: str) -> Path:
    """The directory of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed; install the test extras")
    return Path(next(iter(spec.submodule_search_locations)))


def pip_rich(work: Path, python: Path) -> Corpus:
    """The wheels of pip and rich, downloaded and unpacked once."""
    source = work / "src"
    marker = work / "corpus.txt"
    if not (marker.exists() and marker.read_text() == "\n".join(PIP_RICH_WHEELS)):
        shutil.rmtree(work / "wheels", ignore_errors=True)
        shutil.rmtree(source, ignore_errors=True)
        download = [str(python), "-m", "pip", "download", "--quiet", "--no-deps"]
        subprocess.run([*download, "-d", str(work / "wheels"), *PIP_RICH_WHEELS], check=True)
        for wheel in sorted((work / "wheels").glob("*.whl")):
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(source / wheel.name.split("-")[0])
        (source / "standards.toml").write_text(STANDARDS)
        marker.write_text("\n".join(PIP_RICH_WHEELS))
    return Corpus(
        "pip-rich",
        ", ".join(PIP_RICH_WHEELS) + " (wheels)",
        source,
        source / "rich" / "rich" / "console.py",
    )


def django_version() -> str:
    """The installed Django's version, read from its metadata."""
    return version("django")


def django(work: Path) -> Corpus:
    """The installed Django's ``.py`` files, copied once per Django version."""
    source = work / "django-src"
    marker = work / "django-corpus.txt"
    wanted = f"django=={django_version()}"
    if not (marker.exists() and marker.read_text() == wanted):
        copy_python_files(installed_package("django"), source / "django")
        (source / "standards.toml").write_text(STANDARDS)
        marker.write_text(wanted)
    return Corpus(
        "django",
        f"{wanted} (installed .py files)",
        source,
        source / "django" / "db" / "models" / "sql" / "query.py",
    )


def snapshot_tool(work: Path) -> Path:
    """Copy the installed tool's code (with its built-in rules) and return the directory.

    The copy is put first on ``PYTHONPATH`` for every standards-lint run, so the
    whole benchmark measures one version of the code: the cache key holds a hash
    of the tool's code, and an edit to the checkout while the benchmark runs
    would otherwise turn a warm run into a cold one.
    """
    package = installed_package("standards_lint")
    rules = installed_package("standards_lint.rules")
    root = work / "tool"
    shutil.rmtree(root, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(package, root / "standards_lint", ignore=ignore)
    if rules.parent != package:
        shutil.rmtree(root / "standards_lint" / "rules", ignore_errors=True)
        shutil.copytree(rules, root / "standards_lint" / "rules", ignore=ignore)
    # Installed tools have compiled bytecode; measure the copy that way too.
    compileall.compile_dir(root, quiet=1)
    return root

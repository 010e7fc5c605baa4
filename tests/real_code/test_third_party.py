"""Every built-in rule over real third-party code: no rule may fail on it.

The sources are the installed packages in the test environment. The counts per
rule are printed for information (``pytest -s``); only internal errors fail.
"""

from __future__ import annotations

import dataclasses
import importlib
import time
from collections import Counter
from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.config import load_standards

PACKAGES = ("click", "pathspec", "libcst", "hypothesis", "radon")


def package_directory(name: str) -> Path:
    module = importlib.import_module(name)
    assert module.__file__ is not None
    return Path(module.__file__).resolve().parent


@pytest.mark.slow
def test_every_builtin_rule_over_third_party_code(tmp_path: Path) -> None:
    directories = [package_directory(name) for name in PACKAGES]
    site_packages = directories[0].parent
    assert all(directory.parent == site_packages for directory in directories)
    (tmp_path / "standards.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    # The standards' root is site-packages, so that patterns (default excludes
    # such as .venv/) are matched below it and not against the absolute path.
    standards = dataclasses.replace(load_standards(tmp_path / "standards.toml"), root=site_packages)

    started = time.perf_counter()
    report = check(directories, standards, jobs=2, use_cache=False, cwd=site_packages)
    elapsed = time.perf_counter() - started

    counts = Counter(violation.rule for violation in report.violations)
    print(f"\n{report.files_checked} files in {elapsed:.1f} s; violations per rule:")
    for code, count in sorted(counts.items()):
        print(f"  {code}: {count}")
    for metric, value in report.metrics.items():
        print(f"  {metric} = {value}")

    assert report.files_checked > 300
    internal = [f"{v.path}:{v.line}: {v.message}" for v in report.violations if v.rule == "SL002"]
    assert not internal, "\n".join(internal[:20])
    assert report.internal_errors == 0
    unparsed = [
        f"{v.path}:{v.line}: {v.message}" for v in report.violations if v.rule in {"SL001", "SL005"}
    ]
    assert len(unparsed) <= 5, "\n".join(unparsed)

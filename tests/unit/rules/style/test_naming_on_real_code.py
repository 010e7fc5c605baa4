"""The naming rules (STY002-STY008) over a real installed package, through the engine.

Trial runs over several packages read their findings against the source (see
rules/style/NOTES_naming.md). This keeps what was learned on ``_pytest``: the
names it takes from unittest and logging, and a Final class attribute that
keeps the name of the attribute it copies, stay silent, while names that break
the default style are still reported.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.config import load_standards
from standards_lint.model import Violation

NAMING_RULES = ["STY002", "STY003", "STY004", "STY005", "STY006", "STY007", "STY008"]

# Found once as false alarms: (file, reported name).
SILENCED = [
    ("unittest.py", "startTest"),  # unittest.TestResult's protocol, which pytest stands in for
    ("unittest.py", "addSubTest"),
    ("unittest.py", "addDuration"),
    ("logging.py", "handleError"),  # overrides of logging.Handler
    ("logging.py", "formatTime"),  # an override of logging.Formatter
    ("legacypath.py", "TimeoutExpired"),  # TimeoutExpired: Final = Pytester.TimeoutExpired
]

# Breaches of the default style that must still be found.
STILL_REPORTED = [
    ("debugging.py", "STY003", "pytestPDB"),
    ("legacypath.py", "STY004", "Cache_makedir"),
    ("tmpdir.py", "STY007", "MAXVAL"),
    ("unittest.py", "STY006", "captureVars"),
]


def installed_package(name: str) -> Path:
    """The folder of the installed package ``name``, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        pytest.skip(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def reported_name(violation: Violation) -> str:
    """The name a naming report quotes (``'pytestPDB'`` in its message)."""
    return violation.message.split("'")[1]


@pytest.fixture(scope="module")
def pytest_findings(tmp_path_factory: pytest.TempPathFactory) -> list[Violation]:
    """The naming rules' findings on a copy of the installed ``_pytest``."""
    project = tmp_path_factory.mktemp("naming-on-pytest")
    package = project / "_pytest"
    shutil.copytree(
        installed_package("_pytest"), package, ignore=shutil.ignore_patterns("__pycache__")
    )
    standards_file = project / "standards.toml"
    standards_file.write_text(f"select = {NAMING_RULES!r}\n".replace("'", '"'), encoding="utf-8")
    report = check([package], load_standards(standards_file), use_cache=False, cwd=project)
    return list(report.violations)


@pytest.mark.slow
@pytest.mark.parametrize(("file_name", "name"), SILENCED)
def test_names_chosen_elsewhere_are_not_reported(
    pytest_findings: list[Violation], file_name: str, name: str
) -> None:
    found = [
        violation
        for violation in pytest_findings
        if violation.path.endswith(f"/{file_name}") and reported_name(violation) == name
    ]
    assert not found


@pytest.mark.slow
@pytest.mark.parametrize(("file_name", "rule", "name"), STILL_REPORTED)
def test_breaches_of_the_default_style_are_still_reported(
    pytest_findings: list[Violation], file_name: str, rule: str, name: str
) -> None:
    assert any(
        violation.path.endswith(f"/{file_name}")
        and violation.rule == rule
        and reported_name(violation) == name
        for violation in pytest_findings
    )


@pytest.mark.slow
def test_every_finding_is_a_naming_report(pytest_findings: list[Violation]) -> None:
    assert pytest_findings
    assert {violation.rule for violation in pytest_findings} <= set(NAMING_RULES)

"""The TST rules over a real test suite: the installed jsonschema, which ships its tests.

Trial runs over several suites were read finding by finding (see
rules/tests/NOTES_tests.md). This keeps the known cases of jsonschema's suite:
its hollow tests are found (in mixins too), while tests that check through a
method of their module stay silent, and nothing is taken for a disabled or
uncollected test.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.config import load_standards
from standards_lint.model import Violation


def installed_package(name: str) -> Path:
    """The folder of the installed package ``name``, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        pytest.skip(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@pytest.fixture(scope="module")
def jsonschema_findings(tmp_path_factory: pytest.TempPathFactory) -> list[Violation]:
    """The TST rules' findings on a copy of the installed ``jsonschema``."""
    project = tmp_path_factory.mktemp("tests-on-jsonschema")
    package = project / "jsonschema"
    shutil.copytree(
        installed_package("jsonschema"), package, ignore=shutil.ignore_patterns("__pycache__")
    )
    if not (package / "tests").is_dir():
        pytest.skip("this jsonschema ships no tests")
    standards_file = project / "standards.toml"
    standards_file.write_text('select = ["TST"]\n', encoding="utf-8")
    report = check([package], load_standards(standards_file), use_cache=False, cwd=project)
    return list(report.violations)


def _labels(findings: list[Violation], rule: str) -> set[str]:
    return {violation.message.split(" ", 1)[0] for violation in findings if violation.rule == rule}


@pytest.mark.slow
@pytest.mark.parametrize(
    "test",
    [
        "TestHashable.test_hashable",
        "TestErrorTree.test_multiple_errors_with_instance",
        # calls self.Validator, a class attribute, not an inherited helper
        "TestDraft3Validator.test_any_type_is_valid_for_type_any",
        # a test of a mixin, run through the TestCase classes that inherit it
        "ValidatorTestMixin.test_non_string_custom_type",
    ],
)
def test_hollow_tests_of_the_suite_are_found(
    jsonschema_findings: list[Violation], test: str
) -> None:
    assert test in _labels(jsonschema_findings, "TST101")


@pytest.mark.slow
def test_tests_that_check_through_helpers_are_not_reported(
    jsonschema_findings: list[Violation],
) -> None:
    hollow = _labels(jsonschema_findings, "TST101")
    # These check only through validate_json_path_rendering, a method of the module
    # whose body asserts.
    assert "TestJsonPathRendering.test_basic" not in hollow
    assert "TestJsonPathRendering.test_json_path_injection" not in hollow
    assert len(hollow) == 8


@pytest.mark.slow
def test_nothing_in_the_suite_is_called_a_disabled_or_uncollected_test(
    jsonschema_findings: list[Violation],
) -> None:
    assert not [v for v in jsonschema_findings if v.rule in ("TST103", "TST104")]

"""Plugin code runs contained: what it raises becomes a problem naming it."""

from __future__ import annotations

import pytest

from standards_lint.plugin_code import FAILED, RegistryError, run_plugin_code


def test_what_plugin_code_returns_is_handed_back() -> None:
    problems: list[str] = []
    assert run_plugin_code(lambda: None, "plugin 'p'", problems) is None
    assert problems == []


@pytest.mark.parametrize(
    ("raised", "problem"),
    [
        (ImportError("no module named x"), "ImportError: no module named x"),
        (SystemExit(3), "SystemExit: 3"),
        (KeyboardInterrupt(), "KeyboardInterrupt"),
    ],
)
def test_whatever_plugin_code_raises_is_a_problem_naming_it(
    raised: BaseException, problem: str
) -> None:
    def load() -> object:
        raise raised

    problems: list[str] = []
    assert run_plugin_code(load, "plugin 'p'", problems) is FAILED
    assert problems == [f"plugin 'p' failed to load: {problem}"]


def test_a_registry_error_lists_its_problems() -> None:
    error = RegistryError(["one", "two"])
    assert error.problems == ["one", "two"]
    assert str(error) == "one\ntwo"

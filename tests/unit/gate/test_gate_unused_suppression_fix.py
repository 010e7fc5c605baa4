"""SL003's fix: an unused suppression is removed, through the gate and the whole engine."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from standards_lint.api import check_source
from standards_lint.config import Standards, load_standards
from standards_lint.engine.comments import find_suppressions
from standards_lint.fixing.edits import apply_fixes
from standards_lint.gate.suppressions import REMOVE_UNUSED, apply_suppressions
from standards_lint.model import FixSafety, Severity, Span, Violation
from standards_lint.registry import load_registry

#: One suppression in use (line 2 is long) and unused ones in every layout.
SOURCE = (
    '"""A module."""\n'
    'WORDS = ["alpha", "beta", "gamma", "delta", "epsilon"]  # standards-lint: ignore[STY001]\n'
    "x = 1  # standards-lint: ignore[STY001] stale\n"
    "y = 2  # noqa: E501  # standards-lint: ignore[line-too-long]\n"
    "\n"
    "\n"
    "def f():\n"
    '    """Return one."""\n'
    "    # standards-lint: ignore\n"
    "    return 1\n"
)


@pytest.fixture
def standards(tmp_path: Path) -> Standards:
    path = tmp_path / "standards.toml"
    path.write_text(
        'select = ["line-too-long", "tool"]\n\n[style]\nmax-line-length = 60\n', encoding="utf-8"
    )
    return load_standards(path)


def fix_until_clean(text: str, standards: Standards) -> str:
    """``text`` after the safe fixes of what ``check_source`` reports, round after round."""
    for _ in range(5):
        report = check_source(text, "src/module.py", standards)
        applied = apply_fixes(text, [v for v in report.violations if v.fix is not None])
        if applied.text == text:
            return text
        text = applied.text
    raise AssertionError(f"the fixes never settle:\n{text}")


def test_each_unused_suppression_is_reported_with_a_safe_fix(standards: Standards) -> None:
    report = check_source(SOURCE, "src/module.py", standards)
    unused = [v for v in report.violations if v.rule == "SL003"]
    assert [v.line for v in unused] == [3, 4, 9]
    for violation in unused:
        assert violation.fix is not None
        assert violation.fix.safety is FixSafety.SAFE
        assert violation.fix.description == REMOVE_UNUSED
    assert not [v for v in report.violations if v.rule != "SL003"]


def test_the_fixes_remove_only_the_unused_suppressions(standards: Standards) -> None:
    fixed = fix_until_clean(SOURCE, standards)
    assert fixed == (
        '"""A module."""\n'
        'WORDS = ["alpha", "beta", "gamma", "delta", "epsilon"]  # standards-lint: ignore[STY001]\n'
        "x = 1\n"
        "y = 2  # noqa: E501\n"
        "\n"
        "\n"
        "def f():\n"
        '    """Return one."""\n'
        "    return 1\n"
    )
    ast.parse(fixed)
    after = check_source(fixed, "src/module.py", standards)
    assert not [v for v in after.violations if v.rule == "SL003"]


def test_an_unused_file_level_suppression_is_removed(standards: Standards) -> None:
    text = '"""A module."""\n# standards-lint: ignore-file[STY001] nothing is long now\nx = 1\n'
    assert fix_until_clean(text, standards) == '"""A module."""\nx = 1\n'


def test_a_last_line_without_a_newline(standards: Standards) -> None:
    text = "x = 1\ny = 2  # standards-lint: ignore[STY001]"
    assert fix_until_clean(text, standards) == "x = 1\ny = 2"


def test_crlf_line_endings_survive_the_fixes(standards: Standards) -> None:
    text = "a = 1\r\n# standards-lint: ignore\r\nb = 2  # standards-lint: ignore[STY001]\r\n"
    fixed = fix_until_clean(text, standards)
    assert fixed == "a = 1\r\nb = 2\r\n"


def test_only_the_unused_suppression_finding_gets_a_fix() -> None:
    registry = load_registry()
    text = (
        "a = 1  # standards-lint: ignore[NOPE123] why\n"
        "b = 2  # standards-lint: ignore[STY001]\n"
        "c = 3  # standards-lint: ignore[STY001]\n"
    )
    long_line = Violation("STY001", "line-too-long", Severity.ERROR, "a.py", Span(3, 1, 3, 9), "")
    result = apply_suppressions(
        "a.py",
        [long_line],
        find_suppressions(text),
        registry,
        enabled=lambda code: True,
        require_reason=True,
    )
    found = {(v.rule, v.line): v.fix for v in result.violations}
    assert set(found) == {("SL007", 1), ("SL003", 2), ("SL004", 2), ("SL004", 3)}
    assert found[("SL007", 1)] is None
    assert found[("SL004", 2)] is None
    assert found[("SL004", 3)] is None
    fix = found[("SL003", 2)]
    assert fix is not None
    [edit] = fix.edits
    assert text[edit.start : edit.end] == "  # standards-lint: ignore[STY001]"


def test_a_comment_the_tokenizer_could_not_place_is_reported_without_a_fix() -> None:
    text = "x = (  # standards-lint: ignore[STY001]\n"
    result = apply_suppressions(
        "a.py",
        [],
        find_suppressions(text),
        load_registry(),
        enabled=lambda code: True,
        require_reason=False,
    )
    [unused] = result.violations
    assert (unused.rule, unused.fix) == ("SL003", None)

"""Code actions computed from real checks of the sample project."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as lsp

from standards_lint.engine_rules import InternalErrorRule
from standards_lint.gate.baseline import Baseline, BaselineEntry, load_baseline, write_baseline
from standards_lint.model import Edit, Severity, Span, Violation
from standards_lint.server.actions import (
    can_baseline,
    fix_all_edit,
    fix_title,
    suppression_edit,
    text_edits,
    with_accepted,
)
from standards_lint.server.project import DocumentCheck, ProjectContext

BARE = "try:\n    x()\nexcept:\n    pass\n"


def _check(root: Path, text: str) -> DocumentCheck:
    return ProjectContext.load(root).check_document(root / "module.py", text, {})


def _one(check: DocumentCheck, code: str) -> Violation:
    (found,) = [violation for violation in check.violations if violation.rule == code]
    return found


def _applied(text: str, edit: Edit) -> str:
    return text[: edit.start] + edit.replacement + text[edit.end :]


def test_the_bare_except_fix_is_unsafe_and_says_so(server_project: Path) -> None:
    violation = _one(_check(server_project, BARE), "STY011")
    assert fix_title(violation) == "Fix STY011: Catch `Exception`, not every exception (unsafe)"


def test_a_fix_becomes_lsp_edits_in_utf16_units(server_project: Path) -> None:
    text = "s = '😀'\n" + BARE
    violation = _one(_check(server_project, text), "STY011")
    assert violation.fix is not None
    (edit,) = text_edits(text, violation.fix.edits)
    assert edit.new_text == " Exception"
    # Line 3 of the text ("except:"), after "except".
    assert edit.range.start == lsp.Position(line=3, character=6)


def test_fix_all_applies_every_safe_fix_and_leaves_unsafe_ones(server_project: Path) -> None:
    text = "a = 1   \nb = 'é😀'  \n" + BARE
    edit = fix_all_edit(text, lambda current: _check(server_project, current).violations)
    assert edit is not None
    assert _applied(text, edit) == "a = 1\nb = 'é😀'\n" + BARE
    # One edit over the changed region only.
    assert (edit.start, edit.end) == (5, len("a = 1   \nb = 'é😀'  "))


def test_fix_all_offers_nothing_without_safe_fixes(server_project: Path) -> None:
    assert fix_all_edit(BARE, lambda current: _check(server_project, current).violations) is None


def test_suppressing_appends_a_comment_with_a_reason_to_write(server_project: Path) -> None:
    text = "value = 'a line of text that is far too long'\n"
    violation = _one(_check(server_project, text), "STY001")
    edit = suppression_edit(text, violation)
    assert edit is not None
    suppressed = _applied(text, edit)
    assert suppressed.endswith("  # standards-lint: ignore[STY001] reason: ...\n")
    assert [v.rule for v in _check(server_project, suppressed).violations] == []


def test_suppressing_adds_the_code_to_an_existing_comment(server_project: Path) -> None:
    text = "value = 'long text here'  # standards-lint: ignore[TRL001] kept  \n"
    check = _check(server_project, text)
    edit = suppression_edit(text, _one(check, "STY001"))
    assert edit is not None
    suppressed = _applied(text, edit)
    assert "ignore[TRL001, STY001] kept" in suppressed
    assert _check(server_project, suppressed).violations == ()


def test_no_suppression_inside_a_string_or_after_a_continuation() -> None:
    inside = 'text = """\nline two\n"""\n'
    violation = Violation(
        "STY001", "line-too-long", Severity.ERROR, "a.py", Span(2, 1, 2, 5), "long"
    )
    assert suppression_edit(inside, violation) is None
    continued = "total = 1 + \\\n    2\n"
    violation = Violation(
        "STY001", "line-too-long", Severity.ERROR, "a.py", Span(1, 1, 1, 5), "long"
    )
    assert suppression_edit(continued, violation) is None


def test_a_blanket_comment_already_suppresses_everything() -> None:
    text = "x = 1  # standards-lint: ignore because\n"
    violation = Violation(
        "STY001", "line-too-long", Severity.ERROR, "a.py", Span(1, 1, 1, 2), "long"
    )
    assert suppression_edit(text, violation) is None


def test_accepting_a_violation_adds_it_to_the_baseline_file(server_project: Path) -> None:
    context = ProjectContext.load(server_project)
    violation = _one(_check(server_project, BARE), "STY011")
    accepted = with_accepted(None, violation, "module.py", context.standards)
    write_baseline(server_project / context.standards.baseline, accepted)
    assert load_baseline(context.standards) == accepted
    assert accepted.entries == (BaselineEntry("module.py", "STY011", (violation.fingerprint,)),)
    # The baseline now holds it back, as check would.
    assert _check(server_project, BARE).violations == ()


def test_accepting_merges_with_what_the_baseline_holds(server_project: Path) -> None:
    existing = Baseline(
        standards="standards.toml",
        tool_version="1",
        entries=(
            BaselineEntry("b.py", "CPX001", ("ffffffffffffffff",), {"ffffffffffffffff": 12.0}),
            BaselineEntry("a.py", "STY001", ("1111111111111111",)),
        ),
    )
    violation = Violation(
        "CPX001",
        "complex",
        Severity.ERROR,
        "b.py",
        Span(1, 1, 1, 1),
        "x",
        fingerprint="0000000000000000",
        value=14.0,
    )
    standards = ProjectContext.load(server_project).standards
    merged = with_accepted(existing, violation, "b.py", standards)
    assert [(entry.path, entry.rule) for entry in merged.entries] == [
        ("a.py", "STY001"),
        ("b.py", "CPX001"),
    ]
    assert merged.entries[1].fingerprints == ("0000000000000000", "ffffffffffffffff")
    assert merged.entries[1].values == {"0000000000000000": 14.0, "ffffffffffffffff": 12.0}


@pytest.mark.parametrize(
    ("rule", "fingerprint", "expected"),
    [
        ("STY001", "0123456789abcdef", True),
        (InternalErrorRule.code, "0123456789abcdef", False),
        ("STY001", "", False),
    ],
)
def test_what_a_baseline_can_accept(rule: str, fingerprint: str, expected: bool) -> None:
    violation = Violation(
        rule, "x", Severity.ERROR, "a.py", Span(1, 1, 1, 1), "m", fingerprint=fingerprint
    )
    assert can_baseline(violation) is expected

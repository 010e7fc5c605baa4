"""Applying fixes to a text: each fix whole or not at all, never two that overlap."""

from __future__ import annotations

from standards_lint.fixing.edits import apply_fixes, fixable
from standards_lint.model import Edit, Fix, FixSafety, Severity, Span, Violation

SPAN = Span(1, 1, 1, 1)


def plain(rule: str = "STY001", fix: Fix | None = None) -> Violation:
    return Violation(rule, "name", Severity.ERROR, "example.py", SPAN, "message", fix=fix)


def violation(*edits: Edit, rule: str = "FXP002", safety: FixSafety = FixSafety.SAFE) -> Violation:
    return plain(rule, Fix(f"fix {edits}", tuple(edits), safety))


def test_edits_apply_in_the_order_of_the_text_whatever_the_order_given() -> None:
    text = "abc def ghi"
    later = violation(Edit(8, 11, "GHI"))
    earlier = violation(Edit(0, 3, "A"))
    applied = apply_fixes(text, [later, earlier])
    assert applied.text == "A def GHI"
    assert set(applied.applied) == {later, earlier}
    assert applied.deferred == ()


def test_insertion_deletion_and_replacement() -> None:
    text = "x = 1\n"
    applied = apply_fixes(
        text,
        [violation(Edit(0, 0, "# head\n")), violation(Edit(4, 5, "22")), violation(Edit(5, 6, ""))],
    )
    assert applied.text == "# head\nx = 22"


def test_overlapping_fixes_never_both_apply() -> None:
    text = "colour = 1\n"
    first = violation(Edit(0, 6, "color"))
    second = violation(Edit(2, 8, "XX"), rule="FXP005")
    applied = apply_fixes(text, [first, second])
    assert applied.text == "color = 1\n"
    assert applied.applied == (first,)
    assert applied.deferred == (second,)


def test_two_insertions_at_one_place_overlap() -> None:
    first = violation(Edit(3, 3, "a"))
    second = violation(Edit(3, 3, "b"), rule="FXP005")
    applied = apply_fixes("xyzw", [first, second])
    assert applied.text == "xyzaw"
    assert applied.deferred == (second,)


def test_an_insertion_at_the_edge_of_a_replacement_does_not_overlap() -> None:
    applied = apply_fixes("abcdef", [violation(Edit(2, 4, "XY")), violation(Edit(4, 4, "+"))])
    assert applied.text == "abXY+ef"
    assert applied.deferred == ()


def test_a_fix_is_applied_whole_or_not_at_all() -> None:
    # The second fix's first edit is free, its second overlaps the first fix.
    first = violation(Edit(4, 5, "B"))
    second = violation(Edit(0, 1, "A"), Edit(4, 6, "ZZ"), rule="FXP005")
    applied = apply_fixes("a = b + c", [first, second])
    # The fix that starts first in the text is taken; the other waits, whole.
    assert applied.text == "A = ZZ+ c"
    assert applied.deferred == (first,)


def test_the_same_fix_twice_is_made_once_and_settles_both() -> None:
    one = violation(Edit(0, 1, "y"))
    other = plain("FXP005", one.fix)
    applied = apply_fixes("x = 1", [one, other])
    assert applied.text == "y = 1"
    assert applied.applied == (one, other)


def test_a_fix_past_the_end_of_the_text_waits() -> None:
    beyond = violation(Edit(3, 9, "zz"))
    applied = apply_fixes("abcd", [beyond])
    assert applied.text == "abcd"
    assert applied.deferred == (beyond,)


def test_violations_without_a_fix_are_ignored() -> None:
    applied = apply_fixes("abc", [plain()])
    assert (applied.text, applied.applied, applied.deferred) == ("abc", (), ())


def test_fixable_by_safety() -> None:
    safe = violation(Edit(0, 1, "a"))
    unsafe = violation(Edit(1, 2, "b"), safety=FixSafety.UNSAFE)
    assert fixable([safe, unsafe, plain()], FixSafety.SAFE) == [safe]
    assert fixable([safe, unsafe, plain()], FixSafety.UNSAFE) == [safe, unsafe]

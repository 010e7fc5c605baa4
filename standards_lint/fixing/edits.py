"""Apply fixes to a text: each fix whole or not at all, and never two that overlap."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from standards_lint.model import Edit, Fix, FixSafety, Violation


@dataclass(frozen=True, slots=True)
class AppliedFixes:
    """The text after one round of fixes, and which violations' fixes went in."""

    text: str
    applied: tuple[Violation, ...]
    #: Fixable violations left for a later round, because their fix overlapped
    #: one that was applied.
    deferred: tuple[Violation, ...]


def fixable(violations: Iterable[Violation], safety: FixSafety) -> list[Violation]:
    """The violations whose fix may be applied at ``safety`` (unsafe includes safe)."""
    return [
        violation
        for violation in violations
        if violation.fix is not None and violation.fix.safety.rank <= safety.rank
    ]


def apply_fixes(text: str, violations: Iterable[Violation]) -> AppliedFixes:
    """Apply the fix of each of ``violations`` to ``text``, in the order of the text.

    A fix that overlaps one already taken (or reaches past the text) waits
    for the next round, when it is proposed again against the changed text.
    """
    taken: list[Violation] = []
    deferred: list[Violation] = []
    chosen: list[Fix] = []
    candidates = [violation for violation in violations if violation.fix is not None]
    candidates.sort(key=lambda violation: _first_offset(violation.fix))
    for violation in candidates:
        fix = violation.fix
        assert fix is not None
        fits = all(0 <= edit.start <= edit.end <= len(text) for edit in fix.edits)
        if fits and not any(fix.overlaps(other) or fix == other for other in chosen):
            chosen.append(fix)
            taken.append(violation)
        elif fits and any(fix == other for other in chosen):
            # The same repair proposed twice (two rules, or two reports of
            # one problem): it is made once and settles both.
            taken.append(violation)
        else:
            deferred.append(violation)
    edits = sorted((edit for fix in chosen for edit in fix.edits), key=_edit_order)
    return AppliedFixes(_edited(text, edits), tuple(taken), tuple(deferred))


def _first_offset(fix: Fix | None) -> tuple[int, int]:
    assert fix is not None
    first = min(fix.edits, key=_edit_order)
    return first.start, first.end


def _edit_order(edit: Edit) -> tuple[int, int]:
    return edit.start, edit.end


def _edited(text: str, edits: list[Edit]) -> str:
    pieces = []
    position = 0
    for edit in edits:
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)

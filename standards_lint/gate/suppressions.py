"""Apply suppression comments, and report the ones that suppress nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from standards_lint.engine_rules import (
    InternalErrorRule,
    SuppressionWithoutReasonRule,
    UnknownSuppressedRule,
    UnusedSuppressionRule,
)
from standards_lint.model import (
    Fix,
    FixSafety,
    HeldBy,
    Span,
    SuppressedViolation,
    Suppression,
    Violation,
)
from standards_lint.registry import Registry

Enabled = Callable[[str], bool]

#: What the fix of an unused suppression (SL003) does.
REMOVE_UNUSED: Final = "Remove the unused suppression"


@dataclass(frozen=True, slots=True)
class _NamedSuppression:
    """A suppression comment with the rules it names resolved."""

    suppression: Suppression
    #: The codes it names, or ``None`` for a blanket suppression.
    codes: set[str] | None
    #: What it names that is no known rule.
    unknown: tuple[str, ...]


def _resolve(suppression: Suppression, registry: Registry) -> _NamedSuppression:
    if not suppression.codes:
        return _NamedSuppression(suppression, None, ())
    codes: set[str] = set()
    unknown = []
    for selector in suppression.codes:
        try:
            codes |= registry.select(selector)
        except KeyError:
            unknown.append(selector)
    return _NamedSuppression(suppression, codes, tuple(unknown))


@dataclass(frozen=True, slots=True)
class Suppressed:
    """The violations no comment suppressed (plus the comments' own findings)."""

    violations: list[Violation]
    held_back: int
    #: What the comments held back, with the reason of the comment that did.
    suppressed: list[SuppressedViolation] = field(default_factory=list)


def apply_suppressions(
    path: str,
    violations: Sequence[Violation],
    suppressions: Sequence[Suppression],
    registry: Registry,
    *,
    enabled: Enabled,
    require_reason: bool,
    judge_comments: bool = True,
) -> Suppressed:
    """The violations left after ``suppressions``, plus findings about the comments.

    With ``judge_comments``, a comment naming no known rule is SL007, one
    that suppresses nothing although a rule it names ran on the file is
    SL003, and one without a reason, where reasons are required, is SL004.
    """
    named = [_resolve(suppression, registry) for suppression in suppressions]
    used: set[int] = set()
    kept: list[Violation] = []
    held: list[SuppressedViolation] = []
    for violation in violations:
        reasons: list[str] = []
        if violation.rule != InternalErrorRule.code:
            for index, entry in enumerate(named):
                suppression, codes = entry.suppression, entry.codes
                applies_here = suppression.line is None or suppression.line == violation.line
                if applies_here and (codes is None or violation.rule in codes):
                    used.add(index)
                    reasons.append(suppression.reason)
        if reasons:
            reason = next((text for text in reasons if text), "")
            held.append(SuppressedViolation(violation, HeldBy.COMMENT, reason))
        else:
            kept.append(violation)
    held_back = len(violations) - len(kept)
    if judge_comments:
        for index, entry in enumerate(named):
            kept.extend(
                _judge_comment(
                    path,
                    entry,
                    registry,
                    used=index in used,
                    enabled=enabled,
                    require_reason=require_reason,
                )
            )
    return Suppressed(kept, held_back, held)


def _judge_comment(
    path: str,
    named: _NamedSuppression,
    registry: Registry,
    *,
    used: bool,
    enabled: Enabled,
    require_reason: bool,
) -> list[Violation]:
    suppression, codes, unknown = named.suppression, named.codes, named.unknown
    span = Span(suppression.comment_line, 1, suppression.comment_line, 1)
    found = []
    for selector in unknown:
        message = registry.unknown_selector_message(selector).replace(
            "unknown rule, prefix or area", "this suppression names no known rule:"
        )
        found.append(_tool(UnknownSuppressedRule, path, span, message))
    # A suppression of rules that did not run here (not selected for this
    # path) may well be needed elsewhere or later: it is not "unused".
    ran = codes is None or any(enabled(code) for code in codes)
    if not used and ran and len(unknown) < len(suppression.codes or ("",)):
        what = ", ".join(suppression.codes) or "every rule"
        message = f"this suppression of {what} suppresses nothing"
        # Deleting a comment that suppresses nothing changes no verdict and no
        # behaviour, so the fix is safe.
        removal = suppression.removal
        fix = None if removal is None else Fix(REMOVE_UNUSED, (removal,), FixSafety.SAFE)
        found.append(_tool(UnusedSuppressionRule, path, span, message, fix))
    if require_reason and not suppression.reason:
        message = "say why the rule does not apply here, after the codes"
        found.append(_tool(SuppressionWithoutReasonRule, path, span, message))
    return found


def _tool(
    rule: type[UnusedSuppressionRule | SuppressionWithoutReasonRule | UnknownSuppressedRule],
    path: str,
    span: Span,
    message: str,
    fix: Fix | None = None,
) -> Violation:
    return Violation(rule.code, rule.name, rule.severity, path, span, message, fix=fix)

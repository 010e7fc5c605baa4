"""Apply suppression comments, and report the ones that suppress nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from standards_lint.model import Span, Suppression, Violation
from standards_lint.registry import Registry
from standards_lint.tool_rules import (
    InternalErrorRule,
    SuppressionWithoutReasonRule,
    UnknownSuppressedRule,
    UnusedSuppressionRule,
)

Enabled = Callable[[str], bool]


def _codes_named(
    suppression: Suppression, registry: Registry, unknown: list[str]
) -> set[str] | None:
    """The codes a suppression names, or ``None`` for a blanket suppression.

    Selectors that name no rule are appended to ``unknown``.
    """
    if not suppression.codes:
        return None
    codes: set[str] = set()
    for selector in suppression.codes:
        try:
            codes |= registry.select(selector)
        except KeyError:
            unknown.append(selector)
    return codes


def apply_suppressions(
    path: str,
    violations: Sequence[Violation],
    suppressions: Sequence[Suppression],
    registry: Registry,
    *,
    enabled: Enabled,
    require_reason: bool,
) -> list[Violation]:
    """The violations left after ``suppressions``, plus SL003/SL004 where enabled."""
    unknown_codes: list[list[str]] = [[] for _ in suppressions]
    named = [
        (suppression, _codes_named(suppression, registry, unknown))
        for suppression, unknown in zip(suppressions, unknown_codes, strict=True)
    ]
    used: set[int] = set()
    kept: list[Violation] = []
    for violation in violations:
        suppressed = False
        if violation.rule != InternalErrorRule.code:
            for index, (suppression, codes) in enumerate(named):
                applies_here = suppression.line is None or suppression.line == violation.line
                if applies_here and (codes is None or violation.rule in codes):
                    used.add(index)
                    suppressed = True
        if not suppressed:
            kept.append(violation)
    for index, (suppression, _) in enumerate(named):
        span = Span(suppression.comment_line, 1, suppression.comment_line, 1)
        for selector in unknown_codes[index]:
            message = registry.unknown_selector_message(selector).replace(
                "unknown rule, prefix or area", "this suppression names no known rule:"
            )
            kept.append(_tool(UnknownSuppressedRule, path, span, message))
        if unknown_codes[index] and len(unknown_codes[index]) == len(suppression.codes):
            continue  # it names nothing real: SL007 says so, an SL003 would repeat it
        if index not in used and enabled(UnusedSuppressionRule.code):
            what = ", ".join(suppression.codes) or "every rule"
            kept.append(
                _tool(
                    UnusedSuppressionRule,
                    path,
                    span,
                    f"this suppression of {what} suppresses nothing",
                )
            )
        if require_reason and not suppression.reason and enabled(SuppressionWithoutReasonRule.code):
            message = "say why the rule does not apply here, after the codes"
            kept.append(_tool(SuppressionWithoutReasonRule, path, span, message))
    return kept


def _tool(
    rule: type[UnusedSuppressionRule | SuppressionWithoutReasonRule | UnknownSuppressedRule],
    path: str,
    span: Span,
    message: str,
) -> Violation:
    return Violation(rule.code, rule.name, rule.severity, path, span, message)

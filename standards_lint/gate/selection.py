"""The gate's first stage: which rules apply to each path, and at which severity.

A per-file result holds what the rules of its profile found; project rules
report into any file. Here each violation is kept only if its rule is
selected for the path it is in (after ``[[overrides]]``), and takes the
severity the standards give it there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from standards_lint.config import EffectiveStandards
from standards_lint.engine_rules import InternalErrorRule
from standards_lint.model import Violation

#: Problems of the tool itself are always reported, whatever the selection.
ALWAYS_REPORTED = frozenset({InternalErrorRule.code})


@dataclass(frozen=True, slots=True)
class Selected:
    """The violations of one path that its standards select, and how many were not."""

    violations: list[Violation]
    held_back: int


def select_for_path(violations: Sequence[Violation], effective: EffectiveStandards) -> Selected:
    """Keep the violations whose rule ``effective`` selects, at its severity for them."""
    kept = []
    for violation in violations:
        if violation.rule not in effective.codes and violation.rule not in ALWAYS_REPORTED:
            continue
        severity = effective.severity.get(violation.rule, violation.severity)
        if severity is not violation.severity:
            violation = dataclasses.replace(violation, severity=severity)
        kept.append(violation)
    return Selected(kept, len(violations) - len(kept))

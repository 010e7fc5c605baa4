"""How the complexity rules write figures and limits in their messages."""

from __future__ import annotations

from radon.complexity import cc_rank

from .thresholds import Limit, cyclomatic_bound, maintainability_floor


def cyclomatic_rank(complexity: float) -> str:
    """Radon's rank letter of a cyclomatic complexity, whole or mean."""
    return str(cc_rank(complexity))


def describe_cyclomatic_limit(limit: Limit) -> str:
    """``10`` as ``10``, and the rank letter ``"b"`` as ``B (10)``."""
    if isinstance(limit, str):
        return f"{limit.strip().upper()} ({cyclomatic_bound(limit):g})"
    return f"{limit:g}"


def describe_maintainability_limit(limit: Limit) -> str:
    """``20`` as ``20``, and the rank letter ``"B"`` as ``B (above 9)``."""
    if isinstance(limit, str):
        floor = int(maintainability_floor(limit))
        return f"{limit.strip().upper()} (above {floor})" if floor else limit.strip().upper()
    return f"{limit:g}"

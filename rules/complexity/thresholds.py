"""Complexity limits as a standards file writes them, judged the way radon and xenon do.

A limit is a radon rank letter or a number. For cyclomatic complexity the
letter names the worst rank allowed, and radon's table gives its top value:

====  ========  ====  ========
rank  values    rank  values
====  ========  ====  ========
A     1 - 5     D     21 - 30
B     6 - 10    E     31 - 40
C     11 - 20   F     41 +
====  ========  ====  ========

so ``"B"`` allows up to 10, like the number ``10``. For the maintainability
index (higher is better) radon ranks A above 19, B above 9, and C the rest;
a letter names the worst rank allowed and a number the lowest index allowed.

Xenon's three gates, reproduced by :func:`xenon_verdict`:

- ``--max-absolute``: every block (function, method, class) within the limit;
- ``--max-modules``: every module's mean block complexity within the limit;
- ``--max-average``: the mean complexity of all blocks of all modules within it.

Xenon compares rank letters; for every complexity, whole or mean, a rank is
worse than a letter exactly when the complexity is above that letter's top
value, so :func:`exceeds` compares numbers and agrees with it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from radon.complexity import cc_rank

if TYPE_CHECKING:
    from .metrics import ModuleMetrics

Limit: TypeAlias = str | int | float
"""A rank letter (``"B"``) or a number (``12``)."""

_CYCLOMATIC_RANK_TOPS: dict[str, float] = {
    "A": 5,
    "B": 10,
    "C": 20,
    "D": 30,
    "E": 40,
    "F": math.inf,
}

# Radon's mi_rank: A when the index is above 19, B above 9, C otherwise. The
# lowest index a rank accepts is the next float above those values.
_MAINTAINABILITY_RANK_FLOORS: dict[str, float] = {
    "A": math.nextafter(19.0, math.inf),
    "B": math.nextafter(9.0, math.inf),
    "C": 0.0,
}


def cyclomatic_bound(limit: Limit) -> float:
    """The highest cyclomatic complexity ``limit`` allows: ``"B"`` → 10, ``"F"`` → ∞, 12 → 12."""
    return _bound(limit, _CYCLOMATIC_RANK_TOPS, "cyclomatic complexity")


def maintainability_floor(limit: Limit) -> float:
    """The lowest maintainability index ``limit`` allows: ``"B"`` → just above 9, ``20`` → 20."""
    return _bound(limit, _MAINTAINABILITY_RANK_FLOORS, "maintainability index")


def exceeds(limit: Limit, complexity: float) -> bool:
    """Whether a cyclomatic complexity (a block's, or a mean) is above ``limit``."""
    return complexity > cyclomatic_bound(limit)


def falls_short(limit: Limit, maintainability_index: float) -> bool:
    """Whether a maintainability index is below what ``limit`` allows."""
    return maintainability_index < maintainability_floor(limit)


def module_rank(module: ModuleMetrics) -> str:
    """Xenon's rank of a module: radon's rank of its mean block complexity."""
    return str(cc_rank(module.average_complexity))


def project_average(modules: Iterable[ModuleMetrics]) -> float:
    """The mean complexity of every block of every module (xenon's average), 0 if none."""
    total = 0
    count = 0
    for module in modules:
        total += sum(block.complexity for block in module.blocks)
        count += len(module.blocks)
    return total / count if count else 0.0


def average_rank(modules: Iterable[ModuleMetrics]) -> str:
    """Xenon's rank of a whole project: radon's rank of :func:`project_average`."""
    return str(cc_rank(project_average(modules)))


@dataclass(frozen=True, slots=True)
class BlockOverLimit:
    """A block above ``--max-absolute``."""

    path: str
    line: int
    name: str
    rank: str


@dataclass(frozen=True, slots=True)
class ModuleOverLimit:
    """A module whose mean block complexity is above ``--max-modules``."""

    path: str
    rank: str


@dataclass(frozen=True, slots=True)
class XenonVerdict:
    """What xenon would report for a project, and whether it would pass."""

    blocks: tuple[BlockOverLimit, ...]
    modules: tuple[ModuleOverLimit, ...]
    average: float
    average_over_limit: bool

    @property
    def passed(self) -> bool:
        """Whether xenon would exit with 0."""
        return not (self.blocks or self.modules or self.average_over_limit)


def xenon_verdict(
    modules: Mapping[str, ModuleMetrics],
    *,
    max_absolute: Limit | None = None,
    max_modules: Limit | None = None,
    max_average: Limit | None = None,
) -> XenonVerdict:
    """Judge measured modules (by path) as xenon does with the three limits given."""
    over_blocks = tuple(
        BlockOverLimit(path, block.line, block.name, str(cc_rank(block.complexity)))
        for path, module in modules.items()
        for block in module.blocks
        if max_absolute is not None and exceeds(max_absolute, block.complexity)
    )
    over_modules = tuple(
        ModuleOverLimit(path, module_rank(module))
        for path, module in modules.items()
        if max_modules is not None and exceeds(max_modules, module.average_complexity)
    )
    average = project_average(modules.values())
    return XenonVerdict(
        blocks=over_blocks,
        modules=over_modules,
        average=average,
        average_over_limit=max_average is not None and exceeds(max_average, average),
    )


def _bound(limit: Limit, rank_bounds: Mapping[str, float], measure: str) -> float:
    """The bound of a rank letter from ``rank_bounds``, or a number as it is."""
    if isinstance(limit, str):
        letter = limit.strip().upper()
        if letter in rank_bounds:
            return rank_bounds[letter]
        ranks = ", ".join(rank_bounds)
        raise ValueError(f"{measure} limit {limit!r} is not a rank letter ({ranks}) or a number")
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not limit >= 0:
        raise ValueError(f"{measure} limit {limit!r} is not a rank letter or a number from 0")
    return float(limit)

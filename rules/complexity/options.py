"""The options of the ``[complexity]`` area.

Limits on cyclomatic complexity are written as radon and xenon write them: a
rank letter (``"B"``: at most 10) or a number. The limit on how many
parameters a function takes is not here: it is ``max-arguments`` in
``[style]``, checked by STY016 too-many-arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from standards_lint.rule import option

from .thresholds import Limit, cyclomatic_bound, maintainability_floor

_CYCLOMATIC_RANKS = "ABCDEF"
_RANK_DOC = (
    " A radon rank letter names the worst rank allowed (A: 1-5, B: 6-10, C: 11-20,"
    " D: 21-30, E: 31-40, F: 41 and more), a number the highest figure allowed."
)


@dataclass(frozen=True, slots=True)
class ComplexityOptions:
    """Options of the ``[complexity]`` section of the standards file.

    The parameter limit lives in ``[style]`` as ``max-arguments`` (STY016).
    """

    max_cyclomatic: int | str = option(
        10,
        "Highest cyclomatic complexity (radon's figure) of one function or method." + _RANK_DOC,
    )
    max_cognitive: int = option(
        15, "Highest cognitive complexity (SonarSource's specification) of one function."
    )
    max_function_lines: int = option(
        50,
        "Most logical lines (radon's LLOC: statements, not physical lines) in one function's body.",
    )
    max_nesting: int = option(
        4,
        "Deepest nesting of if, for, while, try, with and match blocks in one"
        " function's body (elif and else sit at the level of their if).",
    )
    min_maintainability: float | str | None = option(
        None,
        "Lowest maintainability index (radon's, 0-100) of a module: a rank letter (A:"
        " above 19, B: above 9, C: any) names the worst rank allowed, a number the"
        " lowest index allowed. Unset, modules are not judged (the index is mostly"
        " size, which max-module-lines in [style] limits); it is still published.",
    )
    max_module_rank: str | None = option(
        None,
        "Worst rank (A-F) of a module's mean block complexity, as xenon's"
        " --max-modules; unset, modules are not ranked.",
    )
    max_average: float | str = option(
        "A",
        "Highest mean cyclomatic complexity of every function, method and class in the"
        " project, as xenon's --max-average (a rank) or --max-average-num (a number)."
        " Read from the top level only." + _RANK_DOC,
    )

    def __post_init__(self) -> None:
        """Refuse limits that are neither rank letters nor numbers from 0, naming the key."""
        problems = [
            *_limit_problems("max-cyclomatic", self.max_cyclomatic, cyclomatic_bound),
            *_limit_problems("max-average", self.max_average, cyclomatic_bound),
            *_limit_problems("min-maintainability", self.min_maintainability, _mi_floor),
        ]
        for key, count in (
            ("max-cognitive", self.max_cognitive),
            ("max-function-lines", self.max_function_lines),
            ("max-nesting", self.max_nesting),
        ):
            if count < 0:
                problems.append(f"{key} must be a number from 0, not {count}")
        rank = self.max_module_rank
        if rank is not None and (len(rank) != 1 or rank.upper() not in _CYCLOMATIC_RANKS):
            problems.append(f"max-module-rank must be a rank letter A-F, not {rank!r}")
        if problems:
            raise ValueError("; ".join(problems))


def _mi_floor(limit: Limit) -> float:
    """:func:`maintainability_floor`, refusing an index above 100 (none is that high)."""
    floor = maintainability_floor(limit)
    if floor > 100:
        raise ValueError(f"maintainability index limit {limit!r} is above 100")
    return floor


def _limit_problems(key: str, limit: Limit | None, bound: Callable[[Limit], float]) -> list[str]:
    """What is wrong with one rank-or-number limit, as a message naming its key."""
    if limit is None:
        return []
    try:
        bound(limit)
    except ValueError as error:
        return [f"{key}: {error}"]
    return []

"""Limits as rank letters or numbers, judged exactly as radon's ranks and xenon's gates do."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from radon.complexity import cc_rank
from radon.metrics import mi_rank

from standards_lint.rules.complexity.metrics import CyclomaticBlock, ModuleMetrics
from standards_lint.rules.complexity.thresholds import (
    average_rank,
    cyclomatic_bound,
    exceeds,
    falls_short,
    maintainability_floor,
    module_rank,
    project_average,
    xenon_verdict,
)

CYCLOMATIC_RANKS = "ABCDEF"
MAINTAINABILITY_RANKS = "ABC"


def test_a_rank_letter_allows_the_top_of_radons_rank() -> None:
    bounds = {letter: cyclomatic_bound(letter) for letter in CYCLOMATIC_RANKS}
    assert bounds == {"A": 5, "B": 10, "C": 20, "D": 30, "E": 40, "F": math.inf}


def test_a_number_is_its_own_bound_and_a_letter_may_be_lower_case() -> None:
    assert cyclomatic_bound(12) == 12
    assert cyclomatic_bound(7.5) == 7.5
    assert cyclomatic_bound(" c ") == 20


@given(
    letter=st.sampled_from(CYCLOMATIC_RANKS),
    complexity=st.one_of(
        st.integers(min_value=0, max_value=200),
        st.floats(min_value=0, max_value=200, allow_nan=False),
    ),
)
def test_exceeding_a_letter_is_being_ranked_worse_than_it(letter: str, complexity: float) -> None:
    # Xenon's own test: cc_rank(complexity) > letter, as strings.
    assert exceeds(letter, complexity) == (cc_rank(complexity) > letter)


@given(
    letter=st.sampled_from(MAINTAINABILITY_RANKS),
    index=st.floats(min_value=0, max_value=100, allow_nan=False),
)
def test_falling_short_of_a_letter_is_being_ranked_worse_than_it(letter: str, index: float) -> None:
    assert falls_short(letter, index) == (mi_rank(index) > letter)


def test_a_maintainability_number_is_the_lowest_index_allowed() -> None:
    assert maintainability_floor(20) == 20
    assert falls_short(20, 19.99)
    assert not falls_short(20, 20)
    assert maintainability_floor("C") == 0
    assert falls_short("A", 19.0) and not falls_short("A", 19.01)


@pytest.mark.parametrize("limit", ["G", "", "12", -1, math.nan, True])
def test_a_limit_that_is_neither_a_letter_nor_a_number_is_named_in_the_error(
    limit: object,
) -> None:
    with pytest.raises(ValueError, match="cyclomatic complexity limit") as error:
        cyclomatic_bound(limit)  # type: ignore[arg-type]
    assert repr(limit) in str(error.value)


def test_maintainability_ranks_stop_at_c() -> None:
    with pytest.raises(ValueError, match="'D' is not a rank letter"):
        maintainability_floor("D")


def _module(*complexities: int) -> ModuleMetrics:
    blocks = tuple(
        CyclomaticBlock(name=f"f{index}", kind="function", line=index + 1, complexity=complexity)
        for index, complexity in enumerate(complexities)
    )
    return ModuleMetrics(100.0, "A", functions=(), blocks=blocks)


def test_a_module_is_ranked_by_its_mean_block_complexity() -> None:
    assert module_rank(_module(4, 8)) == "B"  # mean 6
    assert module_rank(_module(5, 6)) == "B"  # mean 5.5 is above A's 5
    assert module_rank(_module()) == "A"


def test_the_project_average_is_over_all_blocks_not_over_module_means() -> None:
    modules = [_module(1, 1, 1), _module(31)]
    assert project_average(modules) == 34 / 4
    assert average_rank(modules) == "B"
    assert project_average([]) == 0.0


def test_xenon_verdict_names_blocks_and_modules_over_their_limits() -> None:
    modules = {"calm.py": _module(1, 2), "busy.py": _module(3, 25), "empty.py": _module()}
    verdict = xenon_verdict(modules, max_absolute="C", max_modules="A", max_average="B")
    assert [(block.path, block.line, block.rank) for block in verdict.blocks] == [
        ("busy.py", 2, "D")
    ]
    assert [(module.path, module.rank) for module in verdict.modules] == [("busy.py", "C")]
    assert verdict.average == 31 / 4
    assert not verdict.average_over_limit
    assert not verdict.passed


def test_xenon_verdict_passes_when_no_limit_is_given_or_none_is_broken() -> None:
    modules = {"busy.py": _module(3, 25)}
    assert xenon_verdict(modules).passed
    assert xenon_verdict(modules, max_absolute="D", max_modules="C", max_average=14).passed
    assert not xenon_verdict(modules, max_average=13.9).passed

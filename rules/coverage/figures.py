"""How coverage figures are judged against thresholds and shown, as coverage.py does both."""

from __future__ import annotations

import decimal
from collections.abc import Iterable


def _decimals(threshold: float) -> int:
    """How many decimals ``threshold`` is written with (``80``: none, ``92.5``: one)."""
    if threshold == int(threshold):
        return 0
    exponent = decimal.Decimal(str(threshold)).as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def falls_short(percent: float, threshold: float) -> bool:
    """Whether ``percent`` misses ``threshold``, by coverage.py's ``fail_under`` rule.

    The figure is rounded to as many decimals as the threshold is written with
    (79.6% meets 80), except that 100 must really be 100.
    """
    if threshold == 100 and percent != 100:
        return True
    return round(percent, _decimals(threshold)) < threshold


def shown(percent: float, threshold: float | None = None) -> str:
    """The figure with two decimals (more if the threshold has them), never rounded to 0 or 100.

    As in coverage.py's report, "100" means every line and branch is covered
    and "0" means none is.
    """
    places = max(2, _decimals(threshold) if threshold is not None else 0)
    near = 10.0**-places
    if 0 < percent < near:
        percent = near
    elif 100 - near < percent < 100:
        percent = 100 - near
    return f"{percent:.{places}f}%"


def line_ranges(lines: Iterable[int]) -> str:
    """Lines collapsed into ranges: ``3-5, 9, 12-13``."""
    runs: list[list[int]] = []
    for line in sorted(set(lines)):
        if runs and runs[-1][1] == line - 1:
            runs[-1][1] = line
        else:
            runs.append([line, line])
    return ", ".join(str(first) if first == last else f"{first}-{last}" for first, last in runs)

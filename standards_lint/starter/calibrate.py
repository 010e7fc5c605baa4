"""Choose the starter standards: measure, set each limit, ignore the rest, then verify."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from standards_lint.engine.discover import find_files
from standards_lint.starter.conventions import ConventionGuess, guess_convention
from standards_lint.starter.measure import THRESHOLDS, Measurements, failing_counts, measure
from standards_lint.starter.probe import check_with, standards_for
from standards_lint.starter.render import (
    IgnoredRule,
    Setting,
    StarterChoices,
    render_standards,
)

#: Line lengths teams commonly agree on: the longest line is rounded up to one.
ROUND_LINE_LENGTHS: Final = (79, 88, 100, 120)
#: Ignoring a rule can only remove violations, so one round of ignoring
#: suffices; a second only guards against a rule that reports on the others.
MAX_ROUNDS: Final = 3


@dataclass(frozen=True, slots=True)
class Starter:
    """The starter standards file, and what today's code still breaks under it."""

    text: str
    #: Violations that fail ``check`` under ``text``, by rule name: empty
    #: unless the starter keeps the defaults and leaves them to a baseline.
    remaining: Mapping[str, int]


def round_line_length(longest: int) -> int:
    """The smallest round limit at least ``longest``: 79, 88, 100, 120, then tens."""
    for candidate in ROUND_LINE_LENGTHS:
        if longest <= candidate:
            return candidate
    return math.ceil(longest / 10) * 10


def threshold_settings(measured: Measurements) -> list[Setting]:
    """Each limit at today's worst figure (lines rounded up); unmeasured limits keep the default."""
    settings = []
    for threshold in THRESHOLDS:
        worst = measured.worst.get(threshold.key)
        if worst is None:
            continue
        value = max(worst, threshold.minimum)
        comment = threshold.today.format(worst) + f", at {measured.where[threshold.key]}."
        if threshold.key == "max-line-length":
            value = round_line_length(worst)
            if value != worst:
                comment += f"\nRounded up to {value}, a round number that still passes."
        settings.append(Setting(threshold.table, threshold.key, value, comment))
    return settings


def docstring_settings(measured: Measurements, guess: ConventionGuess) -> list[Setting]:
    """The convention the docstrings clearly follow, and coverage held at today's figure."""
    settings = []
    if guess.convention is not None:
        count = guess.counts[guess.convention]
        settings.append(
            Setting(
                "docstrings",
                "convention",
                guess.convention,
                f"{count} of the {guess.marked} docstrings with sections are in"
                f" {guess.convention}'s form.",
            )
        )
    elif guess.marked:
        shares = ", ".join(f"{name} {count}" for name, count in guess.counts.items() if count)
        settings.append(
            Setting(
                "docstrings",
                "convention",
                "pep257",
                f"No convention is clearly followed ({shares} docstrings with sections),"
                "\nso only the summary line is checked.",
            )
        )
    coverage = measured.docstring_coverage
    if coverage is not None:
        settings.append(
            Setting(
                "docstrings",
                "fail-under",
                math.floor(coverage),
                f"Docstring coverage today is {coverage:.1f}%; it may not drop below this.",
            )
        )
    return settings


def _sources(target: Path, text: str) -> Iterable[str]:
    """The text of every file the standards ``text`` would check under ``target``."""
    for path in find_files([target.resolve()], standards_for(target, text)).files:
        try:
            yield path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue


def _ignored(counts: Mapping[str, int], summaries: Mapping[str, str]) -> list[IgnoredRule]:
    return [
        IgnoredRule(name, f"{count} today: {summaries.get(name, '')}".rstrip(": "))
        for name, count in sorted(counts.items())
    ]


def calibrate(target: Path, *, with_baseline: bool = False) -> Starter:
    """The starter standards for the code under ``target``, verified to pass on it.

    Rules that today's code breaks and that have no limit are ignored, each
    with its count; ``with_baseline`` keeps them instead, for a baseline to
    accept what they report today.
    """
    measured = measure(target)
    guess = guess_convention(_sources(target, render_standards(StarterChoices())))
    settings = [*threshold_settings(measured), *docstring_settings(measured, guess)]
    ignored: list[IgnoredRule] = []
    for _ in range(MAX_ROUNDS):
        text = render_standards(StarterChoices(settings, ignored))
        report = check_with(target, text)
        counts = failing_counts(report)
        if not counts or with_baseline:
            break
        registry = standards_for(target, text).registry
        summaries = {rule.name: rule.summary for rule in registry.rules.values()}
        ignored.extend(_ignored(counts, summaries))
    if with_baseline and counts:
        total = sum(counts.values())
        note = (
            f"Today's {total} violation(s) of rules without a limit are"
            "\naccepted in the baseline file written with this one"
            " (.standards-lint-baseline.json):\n`check` reports only new ones."
            " `standards-lint baseline --prune` records fixes."
        )
        text = render_standards(StarterChoices(settings, ignored, baseline_note=note))
    return Starter(text, dict(counts))

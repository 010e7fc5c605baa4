"""Choose the starter standards: measure, set each limit, ignore the rest, then verify."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from standards_lint.engine.discover import find_files
from standards_lint.starter.conventions import ConventionGuess, guess_convention
from standards_lint.starter.layers import describe, find_layering, import_graph
from standards_lint.starter.measure import THRESHOLDS, Measurements, failing_counts, measure
from standards_lint.starter.naming import naming_settings
from standards_lint.starter.probe import check_with, standards_for
from standards_lint.starter.render import (
    IgnoredRule,
    LayersChoice,
    Setting,
    StarterChoices,
    render_standards,
)

#: Line lengths teams commonly agree on: the longest line is rounded up to one.
ROUND_LINE_LENGTHS: Final = (79, 88, 100, 120)
#: Ignoring a rule can only remove violations, so one round of ignoring
#: suffices; a second only guards against a rule that reports on the others,
#: and one more is for a layers contract that has to be left out.
MAX_ROUNDS: Final = 4
#: The rule of layers contracts: if it reports, the contract is left out, never ignored.
LAYERS_RULE: Final = "ARC001"


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


def layers_choices(target: Path, text: str) -> list[LayersChoice]:
    """The layers contract today's imports keep, when there are at least two layers."""
    layering = find_layering(import_graph(target, standards_for(target, text)))
    if layering is None:
        return []
    name = f"{layering.container} layers"
    return [LayersChoice(name, layering.container, layering.entries(), describe(layering))]


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
    plain = render_standards(StarterChoices())
    guess = guess_convention(_sources(target, plain))
    settings = [
        *threshold_settings(measured),
        *naming_settings(measured.names),
        *docstring_settings(measured, guess),
    ]
    contracts = layers_choices(target, plain)
    ignored: list[IgnoredRule] = []
    registry = standards_for(target, plain).registry
    layers_rule = registry.rules[LAYERS_RULE].name
    for _ in range(MAX_ROUNDS):
        text = render_standards(StarterChoices(settings, ignored, contracts))
        counts = failing_counts(check_with(target, text))
        if contracts and counts.pop(layers_rule, 0):
            # Only a chain the graph here missed can break it: leave the contract out.
            contracts = []
            continue
        if not counts or with_baseline:
            break
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
        text = render_standards(StarterChoices(settings, ignored, contracts, baseline_note=note))
    return Starter(text, dict(counts))

"""The verdict of each area, in words someone who does not read code can act on.

An area meets the team's standard when none of its rules found an
error-severity violation and each of its project figures meets its limit.
An area none of whose rules ran is "not checked", never "met".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from standards_lint.model import Report, Severity
from standards_lint.reporters.context import RenderContext, RuleDoc, area_of


@dataclass(frozen=True, slots=True)
class AreaPlain:
    """What an area is about, and what meeting it means, in plain words."""

    title: str
    meaning: str
    figures: tuple[str, ...] = ()


#: The areas every report shows, in this order, even when nothing ran there.
AREAS: Final[Mapping[str, AreaPlain]] = MappingProxyType(
    {
        "style": AreaPlain(
            "Code style",
            "Code is written the same way everywhere, so anyone on the team can read"
            " and change any part of it.",
        ),
        "docstrings": AreaPlain(
            "Documentation",
            "Public parts of the code explain what they do, so people new to them"
            " do not have to reverse-engineer them.",
            ("docstring_coverage",),
        ),
        "complexity": AreaPlain(
            "Complexity",
            "Functions stay small and simple enough to change without breaking something else.",
            ("average_cyclomatic",),
        ),
        "architecture": AreaPlain(
            "Architecture",
            "The system's parts depend on each other only in the directions the team"
            " agreed, so one part can change without rippling through the rest.",
        ),
        "coverage": AreaPlain(
            "Test coverage",
            "Enough of the code runs under the automated tests that a mistake is"
            " likely to be caught before users see it.",
            ("total_coverage", "line_coverage"),
        ),
        "tests": AreaPlain(
            "Tests",
            "Every part of the code has tests, and the tests really check something.",
        ),
        "technologies": AreaPlain(
            "Technologies",
            "Only libraries the team approved are used, and every one is declared.",
        ),
    }
)


@dataclass(frozen=True, slots=True)
class FigureVerdict:
    """A project figure against its limit (``met`` is ``None`` without a limit)."""

    name: str
    value: float
    written_limit: str
    met: bool | None


@dataclass(frozen=True, slots=True)
class AreaVerdict:
    """One area's outcome."""

    area: str
    title: str
    meaning: str
    #: ``"met"``, ``"not met"`` or ``"not checked"``.
    status: str
    errors: int
    others: int
    figures: tuple[FigureVerdict, ...]
    rules: tuple[RuleDoc, ...]

    @property
    def sentence(self) -> str:
        """The verdict as one plain sentence."""
        if self.status == "not checked":
            return "Not checked: none of this area's standards ran."
        missed = [figure for figure in self.figures if figure.met is False]
        reasons = []
        if self.errors:
            reasons.append(f"{self.errors:,} blocking problem{'' if self.errors == 1 else 's'}")
        reasons += [f"{_figure_title(figure.name)} below the team's limit" for figure in missed]
        if reasons:
            return "Not met: " + ", ".join(reasons) + "."
        if self.others:
            return f"Met, with {self.others:,} minor finding{'' if self.others == 1 else 's'}."
        return "Met: nothing to fix."


def area_verdicts(report: Report, context: RenderContext) -> list[AreaVerdict]:
    """A verdict for each area in :data:`AREAS`, then for any other area that ran or reported."""
    errors: Counter[str] = Counter()
    others: Counter[str] = Counter()
    for violation in report.violations:
        area = area_of(context, violation.rule, violation.name)
        (errors if violation.severity is Severity.ERROR else others)[area] += 1
    rules_by_area: dict[str, list[RuleDoc]] = {}
    for doc in context.rules.values():
        rules_by_area.setdefault(doc.area, []).append(doc)
    extra = sorted((set(rules_by_area) | set(errors) | set(others)) - set(AREAS) - {""})
    verdicts = []
    for area in [*AREAS, *extra]:
        rules = tuple(sorted(rules_by_area.get(area, ()), key=lambda doc: doc.code))
        plain = AREAS.get(area) or AreaPlain(_extra_title(rules, area), "")
        figures = _figures(report, context, plain.figures)
        ran = bool(rules) or bool(errors[area] or others[area])
        failed = errors[area] > 0 or any(figure.met is False for figure in figures)
        status = "not checked" if not ran else ("not met" if failed else "met")
        verdicts.append(
            AreaVerdict(
                area, plain.title, plain.meaning, status, errors[area], others[area], figures, rules
            )
        )
    return verdicts


def _extra_title(rules: Sequence[RuleDoc], area: str) -> str:
    return next((doc.area_title for doc in rules if doc.area_title), area)


def _figures(
    report: Report, context: RenderContext, names: Sequence[str]
) -> tuple[FigureVerdict, ...]:
    found = []
    for name in names:
        value = report.metrics.get(name)
        if value is None or not math.isfinite(value):
            continue
        limit = context.figure_limits.get(name)
        found.append(
            FigureVerdict(
                name,
                value,
                limit.written if limit else "",
                limit.met_by(value) if limit else None,
            )
        )
    return tuple(found)


def _figure_title(name: str) -> str:
    return name.replace("_", " ")

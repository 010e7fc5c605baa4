"""The renderer contract: a report, plus what a format needs to know beyond it.

Every format is a function ``render(report, context) -> str``. The context
carries the documentation of each rule that ran (summary, rationale,
severity, help link, options), the project figures' limits, and facts about
the run (tool version, where paths are relative to, the exit code). The
command line builds it once with :func:`build_context` and hands the same
one to every format it writes, so no reporter reaches into the registry or
the standards file, and every report of a run tells the same story.
"""

from __future__ import annotations

import json
import math
import posixpath
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Protocol

from standards_lint.config import Standards, StandardsResolver
from standards_lint.model import Report, Severity
from standards_lint.rule import RuleMeta, toml_key
from standards_lint.rules.complexity.thresholds import cyclomatic_bound
from standards_lint.version import tool_version

__all__ = [
    "RULES_REFERENCE_URL",
    "TOOL_NAME",
    "FigureLimit",
    "RenderContext",
    "Renderer",
    "RuleDoc",
    "area_of",
    "build_context",
    "reference_anchor",
]

TOOL_NAME: Final = "standards-lint"
#: The generated rule reference (docs/rules.md); a rule's help link is its section.
RULES_REFERENCE_URL: Final = "https://example.invalid/standards-lint/blob/main/docs/rules.md"
_INFORMATION_URL: Final = "https://example.invalid/standards-lint"


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """What a report may say about one rule: the registry's metadata, as plain data."""

    code: str
    name: str
    area: str
    #: The severity the standards give the rule at the top level.
    severity: Severity
    summary: str
    rationale: str
    #: The rule's section of the rule reference.
    help_uri: str
    #: The options the rule reads (TOML keys), with their value at the top level as TOML-like text.
    options: Mapping[str, str] = field(default_factory=dict)
    #: The title of the rule's area (``Code style``), or its name when unknown.
    area_title: str = ""


@dataclass(frozen=True, slots=True)
class FigureLimit:
    """A project figure's threshold, as the standards set it."""

    #: The limit as a number (a rank letter already turned into its bound).
    bound: float
    #: ``"higher"`` when a larger figure is better (coverage), else ``"lower"``.
    better: str
    #: The limit as the standards file writes it, with its option: ``max-average = "A"``.
    written: str

    def met_by(self, value: float) -> bool | None:
        """Whether ``value`` meets the limit (``None`` for a figure that is not a number)."""
        if not math.isfinite(value):
            return None
        return value >= self.bound if self.better == "higher" else value <= self.bound


@dataclass(frozen=True, slots=True)
class RenderContext:
    """Everything about a run that a format needs besides the report itself."""

    tool_version: str
    #: The directory display paths are relative to (absolute; the working directory).
    working_directory: Path
    #: The root CI systems resolve paths against: the enclosing Git work tree, or else
    #: the working directory. Absolute.
    source_root: Path
    rules: Mapping[str, RuleDoc] = field(default_factory=dict)
    figure_limits: Mapping[str, FigureLimit] = field(default_factory=dict)
    #: The exit code the command ends with (after ``--exit-zero``).
    exit_code: int = 0
    color: bool = False
    statistics: bool = False
    tool_name: str = TOOL_NAME
    information_uri: str = _INFORMATION_URL

    def source_path(self, display_path: str) -> str:
        """``display_path`` relative to :attr:`source_root`, with ``/``, as CI systems want it."""
        absolute = Path(posixpath.normpath((self.working_directory / display_path).as_posix()))
        try:
            return absolute.relative_to(self.source_root).as_posix()
        except ValueError:
            return display_path

    def rule(self, code: str, name: str = "") -> RuleDoc:
        """The documentation of ``code``; a bare one for a rule the context does not know."""
        known = self.rules.get(code)
        if known is not None:
            return known
        return RuleDoc(
            code=code,
            name=name or code.lower(),
            area="",
            severity=Severity.ERROR,
            summary="",
            rationale="",
            help_uri=f"{RULES_REFERENCE_URL}#{reference_anchor(code, name or code.lower())}",
        )


class Renderer(Protocol):
    """A format: renders a report, with the run's context, as the text of one file."""

    def __call__(self, report: Report, context: RenderContext) -> str: ...


def reference_anchor(code: str, name: str) -> str:
    """The anchor of a rule's section in the reference (``### STY001 `line-too-long```).

    GitHub and most Markdown renderers lower-case a heading, drop its
    punctuation but ``-`` and ``_``, and turn spaces into ``-``.
    """
    heading = f"{code} {name}".lower()
    kept = "".join(char for char in heading if char.isalnum() or char in "-_ ")
    return kept.replace(" ", "-")


@dataclass(frozen=True, slots=True)
class _FigureOption:
    area: str
    attribute: str
    better: str
    rank_letters: bool = False


#: Which option limits each project figure the built-in areas publish. A
#: figure not named here (a plugin's) is shown without a limit.
_FIGURE_OPTIONS: Final[Mapping[str, _FigureOption]] = types.MappingProxyType(
    {
        "docstring_coverage": _FigureOption("docstrings", "fail_under", "higher"),
        "average_cyclomatic": _FigureOption(
            "complexity", "max_average", "lower", rank_letters=True
        ),
    }
)


def build_context(
    standards: Standards,
    report: Report,
    *,
    working_directory: Path,
    exit_code: int,
    color: bool = False,
    statistics: bool = False,
) -> RenderContext:
    """The context of a run of ``standards`` that produced ``report``.

    Its rules are those selected at the top level and any other that
    reported (an override may add rules for some paths).
    """
    here = working_directory.resolve()
    resolver = StandardsResolver(standards)
    top_level = resolver.top_level
    codes = set(top_level.codes)
    codes.update(violation.rule for violation in report.violations)
    codes.update(held.violation.rule for held in report.suppressed)
    registry = standards.registry
    rules = {}
    for code in sorted(codes):
        rule = registry.rules.get(code)
        if rule is not None:
            severity = top_level.severity.get(code, rule.severity)
            rules[code] = _rule_doc(rule, severity, standards.areas, registry.areas)
    return RenderContext(
        tool_version=tool_version(),
        working_directory=here,
        source_root=_work_tree_root(here),
        rules=types.MappingProxyType(rules),
        figure_limits=types.MappingProxyType(_figure_limits(standards.areas)),
        exit_code=exit_code,
        color=color,
        statistics=statistics,
    )


def _rule_doc(
    rule: type[RuleMeta],
    severity: Severity,
    options_by_area: Mapping[str, object],
    areas: Mapping[str, object],
) -> RuleDoc:
    options = options_by_area.get(rule.area)
    values = {key: _option_text(options, key) for key in rule.options_used}
    area = areas.get(rule.area)
    return RuleDoc(
        code=rule.code,
        name=rule.name,
        area=rule.area,
        severity=severity,
        summary=rule.summary,
        rationale=rule.rationale,
        help_uri=f"{RULES_REFERENCE_URL}#{reference_anchor(rule.code, rule.name)}",
        options=types.MappingProxyType(values),
        area_title=str(getattr(area, "title", rule.area)),
    )


def _option_text(options: object, key: str) -> str:
    attribute = key.replace("-", "_")
    if options is None or not hasattr(options, attribute):
        return ""
    return json.dumps(getattr(options, attribute), default=str, ensure_ascii=False)


def _figure_limits(options_by_area: Mapping[str, object]) -> dict[str, FigureLimit]:
    limits = {}
    for figure, where in _FIGURE_OPTIONS.items():
        value = getattr(options_by_area.get(where.area), where.attribute, None)
        if value is None:
            continue
        bound = cyclomatic_bound(value) if where.rank_letters else float(value)
        written = f"{toml_key(where.attribute)} = {json.dumps(value)}"
        limits[figure] = FigureLimit(bound=float(bound), better=where.better, written=written)
    return limits


def _work_tree_root(directory: Path) -> Path:
    """The Git work tree that holds ``directory`` (a ``.git`` entry), else ``directory``."""
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return directory


def area_of(context: RenderContext, code: str, name: str = "") -> str:
    """The area a rule belongs to; a rule the context does not know goes by its code's prefix."""
    return context.rule(code, name).area or code.rstrip("0123456789").lower()

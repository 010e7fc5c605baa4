"""The page's sections that summarise: verdicts, charts, hotspots, trend, rule explanations."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Final

from standards_lint.history import HistoryEntry
from standards_lint.hotspots import Hotspot
from standards_lint.model import Report, Violation
from standards_lint.reporters.context import RenderContext, RuleDoc, area_of
from standards_lint.reporters.html.areas import AREAS, AreaVerdict
from standards_lint.reporters.html.charts import Bar, Series, bar_chart, line_chart, threshold_gauge
from standards_lint.reporters.html.markup import anchor, plural, text

MAX_BARS: Final = 15
_BUCKET_WIDTH: Final = 5
_TREND_AREAS: Final = 4


def verdict_cards(verdicts: Sequence[AreaVerdict]) -> str:
    """One card per area: its status, what it means, its figures and why it matters."""
    cards = []
    for verdict in verdicts:
        figures = "".join(
            f'<li data-figure="{text(figure.name)}" data-value="{figure.value:.2f}">'
            f"{text(figure.name.replace('_', ' '))}: {_figure(figure.name, figure.value)}"
            + (
                f" (team limit: <code>{text(figure.written_limit)}</code>"
                f" — {'met' if figure.met else 'not met'})"
                if figure.written_limit
                else ""
            )
            + "</li>"
            for figure in verdict.figures
        )
        why = "".join(
            f'<div class="rule-doc"><strong><a href="#{anchor("rule", doc.code)}">'
            f"{text(doc.code)}</a> {text(doc.name)}</strong>: {text(doc.summary)}"
            f"<br>{text(doc.rationale)}</div>"
            for doc in verdict.rules
        )
        details = (
            f"<details><summary>Why this standard matters ({plural(len(verdict.rules), 'rule')})"
            f"</summary>{why}</details>"
            if verdict.rules
            else ""
        )
        css = verdict.status.replace(" ", "-")
        cards.append(
            f'<article class="verdict {css}" data-area="{text(verdict.area)}"'
            f' data-status="{text(verdict.status)}" data-errors="{verdict.errors}"'
            f' data-others="{verdict.others}">'
            f'<h3>{text(verdict.title)} — <span class="status">{text(verdict.status)}</span></h3>'
            f"<p>{text(verdict.sentence)}</p><p>{text(verdict.meaning)}</p>"
            f"{f'<ul class=figures>{figures}</ul>' if figures else ''}{details}</article>"
        )
    return f'<div class="verdicts">{"".join(cards)}</div>'


def count_charts(report: Report, context: RenderContext) -> str:
    """Violations by area, by rule and by directory."""
    by_area = Counter(area_of(context, item.rule, item.name) for item in report.violations)
    by_rule = Counter(f"{item.rule} {item.name}" for item in report.violations)
    by_directory = Counter(_directory(item.path) for item in report.violations)
    titled = [
        Bar(AREAS[area].title if area in AREAS else area, count) for area, count in _ranked(by_area)
    ]
    return (
        "<h3>Violations by area</h3>"
        + bar_chart("by-area", "Violations by area", titled)
        + "<h3>Violations by rule</h3>"
        + bar_chart("by-rule", "Violations by rule", _bars(by_rule))
        + "<h3>Violations by directory</h3>"
        + bar_chart("by-directory", "Violations by directory", _bars(by_directory))
    )


def figure_charts(report: Report, context: RenderContext) -> str:
    """Docstring and test coverage against their limits, and the complexity distribution."""
    parts = []
    for name, label in (
        ("docstring_coverage", "Docstring coverage (%)"),
        ("total_coverage", "Test coverage (%)"),
        ("line_coverage", "Test line coverage (%)"),
    ):
        value = report.metrics.get(name)
        if value is None or not math.isfinite(value):
            if name == "total_coverage" and "line_coverage" not in report.metrics:
                parts.append(
                    '<p class="note" data-chart="total_coverage">No test coverage data was read:'
                    " point the [coverage] area at a coverage report to see it here.</p>"
                )
            continue
        limit = context.figure_limits.get(name)
        bound = limit.bound if limit else None
        parts.append(threshold_gauge(name, label, value, bound, higher_is_better=True))
    parts.append("<h3>Complexity</h3>")
    average = report.metrics.get("average_cyclomatic")
    if average is not None and math.isfinite(average):
        limit = context.figure_limits.get("average_cyclomatic")
        parts.append(
            threshold_gauge(
                "average_cyclomatic",
                "Average cyclomatic complexity",
                average,
                limit.bound if limit else None,
                higher_is_better=False,
            )
        )
    parts.append(_complexity_distribution(report.violations, context))
    return "".join(parts)


def _complexity_distribution(violations: Sequence[Violation], context: RenderContext) -> str:
    by_rule: dict[str, list[float]] = defaultdict(list)
    for item in violations:
        if item.value is not None and area_of(context, item.rule, item.name) == "complexity":
            by_rule[f"{item.rule} {item.name}"].append(item.value)
    if not by_rule:
        return (
            '<p class="note" data-chart="complexity-distribution">No function goes over a'
            " complexity limit, so there is no distribution of offenders to draw.</p>"
        )
    charts = []
    for rule, values in sorted(by_rule.items()):
        buckets = Counter(int(value // _BUCKET_WIDTH) for value in values)
        bars = [
            Bar(f"{low * _BUCKET_WIDTH} to {low * _BUCKET_WIDTH + _BUCKET_WIDTH - 1}", count)
            for low, count in sorted(buckets.items())
        ]
        charts.append(
            f"<h4>{text(rule)}: how far the offending functions go</h4>"
            + bar_chart(f"distribution-{rule.split()[0]}", f"{rule} distribution", bars)
        )
    return "".join(charts)


def hotspot_table(hotspots: Sequence[Hotspot] | None, note: str) -> str:
    """The files ranked by violations times recent changes, or why they cannot be."""
    if hotspots is None:
        return f'<p class="note" id="hotspots-note">{text(note)}</p>'
    if not hotspots:
        return '<p class="empty">No file has violations.</p>'
    rows = "".join(
        f'<tr data-path="{text(spot.path)}" data-score="{spot.score}">'
        f'<td>{text(spot.path)}</td><td class="number">{spot.violations}</td>'
        f'<td class="number">{spot.changes}</td><td class="number">{spot.score}</td></tr>'
        for spot in hotspots
    )
    chart = bar_chart(
        "hotspots",
        "Hotspots",
        [
            Bar(spot.path, spot.score, f"{spot.score} = {spot.violations} x {spot.changes}")
            for spot in hotspots
        ],
    )
    return (
        f'<p>{text(note)}</p>{chart}<table id="hotspot-table"><thead><tr><th>file</th>'
        '<th class="number">violations</th><th class="number">recent changes</th>'
        f'<th class="number">score</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def trend(history: Sequence[HistoryEntry], note: str, replayed: int | None = None) -> str:
    """The debt over recorded runs, or over ``replayed`` commits: the total and largest areas."""
    if len(history) < 2:
        return f'<p class="note" id="trend-note">{text(note)} {_too_short(history, replayed)}</p>'
    labels = [entry.timestamp[:10] for entry in history]
    totals: Counter[str] = Counter()
    for entry in history:
        totals.update(entry.by_area)
    areas = [area for area, _ in totals.most_common(_TREND_AREAS)]
    series = [Series("total", tuple(float(entry.total) for entry in history))]
    series += [
        Series(area, tuple(float(entry.by_area.get(area, 0)) for entry in history))
        for area in areas
    ]
    rows = "".join(
        f"<tr><td>{text(entry.timestamp)}</td><td>{text((entry.commit or '')[:12])}</td>"
        f'<td class="number">{entry.total}</td>'
        f'<td class="number">{"" if entry.baselined is None else entry.baselined}</td></tr>'
        for entry in history
    )
    if replayed is None:
        title, listing, when = "Violations over recorded runs", "Every recorded run", "recorded"
    else:
        title = f"Violations over the last {plural(replayed, 'commit')}, replayed from Git"
        listing, when = "Every replayed commit", "committed"
    shown_note = f'<p class="note" id="trend-note">{text(note)}</p>' if note else ""
    return (
        f'<h3 id="trend-title">{text(title)}</h3>{shown_note}'
        + line_chart("trend", title, labels, series)
        + f'<details><summary>{listing}</summary><table id="trend-table"><thead><tr>'
        f'<th>{when}</th><th>commit</th><th class="number">violations</th>'
        f'<th class="number">baselined</th></tr></thead><tbody>{rows}</tbody></table></details>'
    )


def _too_short(history: Sequence[HistoryEntry], replayed: int | None) -> str:
    """Why there is no line yet, and how the trend gets one."""
    if replayed is not None:
        checked = "one commit" if history else "no commit"
        return f"Of the commits replayed, {checked} could be checked; the trend needs two."
    recorded = "one run is" if history else "no run is"
    return (
        f"So far {recorded} recorded; the trend appears from the second. CI records one per"
        " run with <code>standards-lint check --record</code>."
    )


def rule_explanations(report: Report, context: RenderContext) -> str:
    """Every rule that ran or reported, with its rationale, options and reference link."""
    docs: dict[str, RuleDoc] = dict(context.rules)
    for item in report.violations:
        docs.setdefault(item.rule, context.rule(item.rule, item.name))
    counts = Counter(item.rule for item in report.violations)
    entries = []
    for code in sorted(docs):
        doc = docs[code]
        options = "".join(
            f"<li><code>{text(key)} = {text(value)}</code></li>"
            for key, value in doc.options.items()
        )
        entries.append(
            f'<details id="{anchor("rule", code)}" data-rule="{text(code)}">'
            f"<summary><strong>{text(code)}</strong> {text(doc.name)} —"
            f" {plural(counts[code], 'violation')}</summary>"
            f"<p>{text(doc.summary)}</p><p>{text(doc.rationale)}</p>"
            f"{f'<ul>{options}</ul>' if options else ''}"
            f'<p>Severity: {doc.severity.value}. <a href="{text(doc.help_uri)}">'
            "Full reference</a></p></details>"
        )
    return "".join(entries)


def _bars(counts: Counter[str]) -> list[Bar]:
    ranked = _ranked(counts)
    bars = [Bar(label, count) for label, count in ranked[:MAX_BARS]]
    rest = sum(count for _, count in ranked[MAX_BARS:])
    if rest:
        bars.append(Bar(f"{len(ranked) - MAX_BARS} more", rest))
    return bars


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _directory(path: str) -> str:
    parent = PurePosixPath(path.replace("\\", "/")).parent.as_posix()
    return "(top level)" if parent in ("", ".") else parent + "/"


def _figure(name: str, value: float) -> str:
    if name.endswith("coverage"):
        return f"{value:.1f}%"
    return f"{value:.2f}"

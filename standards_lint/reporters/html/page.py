"""The whole page: one self-contained HTML file, no network, its own figures as JSON.

A Content-Security-Policy allows nothing from outside, and inline script
and style only by their hashes, so even text that escaped escaping could not run.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from importlib.resources import files

from standards_lint.history import HistoryEntry
from standards_lint.hotspots import Hotspot
from standards_lint.model import Report, Severity
from standards_lint.reporters.context import RenderContext
from standards_lint.reporters.html import sections
from standards_lint.reporters.html.areas import area_verdicts
from standards_lint.reporters.html.charts import pattern_definitions
from standards_lint.reporters.html.graph import (
    LayerContract,
    architecture_drawing,
    breaking_imports,
)
from standards_lint.reporters.html.markup import json_for_script, plural, text
from standards_lint.reporters.html.table import violations_table
from standards_lint.reporters.json_report import render_json


@dataclass(frozen=True, slots=True)
class PageExtras:
    """What the ``report`` command gathers beyond the run: Git, the history, the contracts."""

    #: Files by violations times recent changes; ``None`` when Git could not tell.
    hotspots: tuple[Hotspot, ...] | None = None
    hotspot_note: str = "Change frequency needs Git; this report was made without it."
    history: tuple[HistoryEntry, ...] = ()
    history_note: str = ""
    #: How many commits ``report --replay`` checked for ``history``; ``None``: it was recorded.
    replayed_commits: int | None = None
    contracts: tuple[LayerContract, ...] = ()


def _asset(name: str) -> str:
    assets = files("standards_lint.reporters.html").joinpath("assets")
    return assets.joinpath(name).read_text("utf-8")


def _digest(source: str) -> str:
    return base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def render_page(report: Report, context: RenderContext, extras: PageExtras | None = None) -> str:
    """The report as one HTML page."""
    extras = extras or PageExtras()
    script, style = _asset("report.js"), _asset("report.css")
    policy = (
        "default-src 'none'; img-src data:;"
        f" style-src 'sha256-{_digest(style)}'; script-src 'sha256-{_digest(script)}'"
    )
    data = json_for_script(render_json(report, statistics=True))
    title = f"{context.tool_name} report"
    body = [
        pattern_definitions(),
        _heading(report, context),
        '<h2 id="areas">Standards, area by area</h2>',
        sections.verdict_cards(area_verdicts(report, context)),
        '<h2 id="charts">Where the violations are</h2>',
        sections.count_charts(report, context),
        '<h2 id="figures">Coverage and complexity against the team\'s limits</h2>',
        sections.figure_charts(report, context),
        '<h2 id="hotspots">Hotspots: violations where the code changes most</h2>',
        sections.hotspot_table(extras.hotspots, extras.hotspot_note),
        '<h2 id="architecture">Architecture</h2>',
        architecture_drawing(extras.contracts, breaking_imports(report.violations)),
        '<h2 id="trend">Debt over time</h2>',
        sections.trend(extras.history, extras.history_note, extras.replayed_commits),
        f'<h2 id="all-violations">Every violation ({len(report.violations):,})</h2>',
        violations_table(report.violations, context),
        '<h2 id="rules">The standards that ran</h2>',
        sections.rule_explanations(report, context),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{text(policy)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(title)}</title><style>{style}</style></head><body>"
        + "".join(body)
        + f'<script type="application/json" id="report-data">{data}</script>'
        + f"<script>{script}</script></body></html>\n"
    )


def _heading(report: Report, context: RenderContext) -> str:
    errors = report.count(Severity.ERROR)
    if report.exit_code == 2:
        verdict = "The check could not finish: a rule failed (see the run's log)."
    elif errors:
        problems = plural(errors, "blocking problem")
        verdict = f"The code does not meet the team's standards yet: {problems}."
    else:
        verdict = "The code meets the team's standards: no blocking problem."
    against = report.standards_path or "the default standards"
    held = ""
    if report.baselined is not None:
        held = (
            f' <span data-figure="baselined" data-value="{report.baselined}">'
            f"{plural(report.baselined, 'older violation')} accepted in the baseline</span>,"
            f" {report.fixed_in_baseline:,} of them fixed since."
        )
    counts = ", ".join(
        f'<span data-figure="{severity.value}" data-value="{report.count(severity)}">'
        f"{report.count(severity):,} {severity.value}</span>"
        for severity in Severity
    )
    return (
        f"<header><h1>{text(context.tool_name)} report</h1>"
        f'<p class="summary" data-exit-code="{context.exit_code}">{text(verdict)}</p>'
        f'<p><span data-figure="total" data-value="{len(report.violations)}">'
        f"{plural(len(report.violations), 'violation')}</span> ({counts}) in"
        f' <span data-figure="files_checked" data-value="{report.files_checked}">'
        f"{plural(report.files_checked, 'file')}</span>, checked against"
        f" {text(against)} by {text(context.tool_name)} {text(context.tool_version)}.{held}</p>"
        "</header>"
    )

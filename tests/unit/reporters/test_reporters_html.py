"""The HTML page: escaping, the data island, the verdicts, and the data behind its sections."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from reporter_samples import HOSTILE, RULES

from standards_lint.history import (
    HistoryEntry,
    append_entry,
    entry_for,
    parse_entry,
    read_history,
)
from standards_lint.hotspots import current_commit, rank_hotspots, recent_changes
from standards_lint.model import Report, Severity, Span, Violation
from standards_lint.reporters import FigureLimit, RenderContext
from standards_lint.reporters.html import LayerContract, PageExtras, render_html, render_page
from standards_lint.reporters.html.areas import area_verdicts
from standards_lint.reporters.html.charts import Bar, Series, bar_chart, line_chart
from standards_lint.reporters.html.graph import breaking_imports
from standards_lint.reporters.html.markup import json_for_script
from standards_lint.reporters.html.sections import count_charts, trend
from standards_lint.reporters.html.table import violations_table
from standards_lint.reporters.json_report import render_json

SCRIPT = "<script>alert(1)</script>"


def _island(page: str) -> object:
    found = re.search(
        r'<script type="application/json" id="report-data">(.*?)</script>', page, re.DOTALL
    )
    assert found is not None
    return json.loads(found.group(1))


def test_the_data_island_holds_the_json_report(report: Report, context: RenderContext) -> None:
    page = render_html(report, context)
    assert _island(page) == json.loads(render_json(report, statistics=True))


def test_no_text_from_the_run_can_add_markup(report: Report, context: RenderContext) -> None:
    hostile_rule = replace(
        RULES["STY001"],
        summary=SCRIPT,
        rationale=SCRIPT,
        options={SCRIPT: SCRIPT},
        help_uri='javascript:"><script>',
    )
    hostile_report = replace(
        report,
        violations=(
            *report.violations,
            Violation(
                "ARC001",
                "layer-violation",
                Severity.ERROR,
                f"{SCRIPT}/x.py",
                Span(1, 1, 1, 1),
                f"{SCRIPT} (contract): a.b:3 → c.d",
            ),
        ),
        standards_path=SCRIPT,
    )
    hostile_context = replace(context, rules={**context.rules, "STY001": hostile_rule})
    extras = PageExtras(
        hotspots=(),
        hotspot_note=SCRIPT,
        history=(HistoryEntry("2026-01-01", 1, {SCRIPT: 1}), HistoryEntry(SCRIPT, 2, {SCRIPT: 2})),
        contracts=(LayerContract(SCRIPT, ((f"a | {SCRIPT}",), ("c",))),),
    )
    page = render_page(hostile_report, hostile_context, extras)
    assert "<script>alert" not in page
    assert "<script" not in HOSTILE.replace("<script>", "")  # the sample's own markup
    assert page.count("<script") == 2  # the data island and the page's own script
    assert '"><script>' not in page
    assert _island(page) == json.loads(render_json(hostile_report, statistics=True))


def test_json_for_script_cannot_close_the_element() -> None:
    document = json.dumps({"a": "</script><!-- \u2028 &"})
    safe = json_for_script(document)
    assert "<" not in safe and ">" not in safe and "&" not in safe
    assert json.loads(safe) == json.loads(document)


def test_an_area_with_an_error_or_a_missed_figure_is_not_met(
    report: Report, context: RenderContext
) -> None:
    unlimited = replace(context, figure_limits={})
    verdicts = {verdict.area: verdict for verdict in area_verdicts(report, unlimited)}
    assert verdicts["style"].status == "not met"  # STY001 at error severity
    assert verdicts["docstrings"].status == "met"  # DOC101 is only info; no limit on coverage
    assert verdicts["architecture"].status == "not checked"
    limited = replace(
        context,
        figure_limits={"docstring_coverage": FigureLimit(80.0, "higher", "fail-under = 80")},
    )
    docstrings = next(v for v in area_verdicts(report, limited) if v.area == "docstrings")
    assert docstrings.status == "not met"
    assert "docstring coverage below" in docstrings.sentence


def test_breaking_imports_follow_every_step_of_a_chain() -> None:
    message = "a may not import c (contract 'x'): a.one:3 → b.two:7 → c.three"
    violation = Violation(
        "ARC001", "layer-violation", Severity.ERROR, "a/one.py", Span(3, 1, 3, 1), message
    )
    steps = breaking_imports([violation])
    assert [(s.importer, s.imported, s.line) for s in steps] == [
        ("a.one", "b.two", 3),
        ("b.two", "c.three", 7),
    ]


def test_the_page_marks_an_import_between_drawn_layers(
    report: Report, context: RenderContext
) -> None:
    violation = Violation(
        "ARC001",
        "layer-violation",
        Severity.ERROR,
        "low/x.py",
        Span(4, 1, 4, 1),
        "low may not import high (contract 'layers'): low.x:4 → high.y",
    )
    extras = PageExtras(contracts=(LayerContract("layers", (("high",), ("low",))),))
    page = render_page(replace(report, violations=(violation,)), context, extras)
    assert 'class="breaking-import" data-importer="low.x" data-imported="high.y"' in page
    assert "✗ line 4" in page


def test_history_round_trips_and_skips_lines_that_do_not_fit(tmp_path: Path) -> None:
    target = tmp_path / "history.jsonl"
    report = Report(
        files_checked=1,
        violations=(
            Violation("STY001", "line-too-long", Severity.ERROR, "a.py", Span(1, 1, 1, 1), "m"),
        ),
        metrics={"docstring_coverage": 50.0, "broken": float("nan")},
        baselined=3,
    )
    entry = entry_for(report, lambda code: "style", commit="abc")
    append_entry(target, entry)
    with target.open("a", encoding="utf-8") as stream:
        stream.write('{"schema": 1, "total": "many"}\nnot json\n{"schema":1')
    entries, problems = read_history(target)
    assert entries == [replace(entry, metrics={"docstring_coverage": 50.0})]
    assert len(problems) == 3
    assert ":2: skipped: timestamp is not text" in problems[0]


@pytest.mark.parametrize(
    "line",
    [
        '{"schema":1,"timestamp":"t","total":-1,"by_area":{},"metrics":{}}',
        '{"schema":1,"timestamp":"t","total":true,"by_area":{},"metrics":{}}',
        '{"schema":1,"timestamp":"t","total":1,"by_area":{"a":"1"},"metrics":{}}',
        '{"schema":2,"timestamp":"t","total":1,"by_area":{},"metrics":{}}',
        '["schema"]',
    ],
)
def test_a_history_line_outside_the_schema_is_refused(line: str) -> None:
    with pytest.raises(ValueError):
        parse_entry(line)


def test_hotspots_multiply_violations_by_changes(report: Report) -> None:
    calls = []

    def fake_git(arguments: object, directory: Path) -> str:
        calls.append(arguments)
        return "app/a.py\napp/a.py\n\napp/a.py\nsrc/odd dir/50%,a:b.py\n"

    changes = recent_changes(fake_git, Path("."))
    assert changes is not None
    spots = rank_hotspots(report, changes)
    assert [(spot.path, spot.violations, spot.changes, spot.score) for spot in spots] == [
        ("app/a.py", 2, 3, 6),
        ("src/odd dir/50%,a:b.py", 2, 1, 2),
    ]
    assert isinstance(calls[0], list) and calls[0][0] == "log"


def test_without_git_there_are_no_hotspots_and_no_commit() -> None:
    def no_git(arguments: object, directory: Path) -> None:
        return None

    assert recent_changes(no_git, Path(".")) is None
    assert current_commit(no_git, Path(".")) is None
    page_note = "Git is not available"
    page = render_page(
        Report(files_checked=0, violations=()),
        RenderContext("1", Path("/"), Path("/")),
        PageExtras(hotspots=None, hotspot_note=page_note),
    )
    assert page_note in page


def test_every_bar_and_line_carries_its_number() -> None:
    bars = bar_chart("c", "title", [Bar("a<b", 3), Bar("c", 1.5)])
    assert 'data-label="a&lt;b" data-value="3"' in bars
    assert 'data-label="c" data-value="1.50"' in bars
    assert 'fill="url(#pattern-diagonal)"' in bars and 'fill="url(#pattern-dots)"' in bars
    lines = line_chart("t", "title", ["x", "y"], [Series("total", (4.0, 2.0))])
    assert 'data-label="total" data-values="4,2"' in lines


def test_counts_by_area_rule_and_directory(report: Report, context: RenderContext) -> None:
    charts = count_charts(report, context)
    assert 'data-label="Code style" data-value="2"' in charts
    assert 'data-label="STY001 line-too-long" data-value="1"' in charts
    assert 'data-label="src/odd dir/" data-value="2"' in charts


def test_the_table_has_a_row_per_violation_linked_to_its_rule(
    report: Report, context: RenderContext
) -> None:
    table = violations_table(report.violations, context)
    assert table.count("<tr data-severity=") == len(report.violations)
    assert '<a href="#rule-STY001"' in table
    assert "<script>" not in table


def test_the_trend_needs_two_runs() -> None:
    one = HistoryEntry("2026-01-01T00:00:00+00:00", 5, {"style": 5})
    assert 'data-chart="trend"' not in trend([one], "")
    drawn = trend([one, replace(one, total=3, by_area={"style": 3})], "")
    assert 'data-label="total" data-values="5,3"' in drawn
    assert 'data-label="style" data-values="5,3"' in drawn


class _Ids(HTMLParser):
    """Every ``id`` attribute of a page, in order, and every ``url(#…)`` it refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.references: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
            self.references.update(re.findall(r"url\(#([^)]+)\)", value or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def test_every_id_on_a_page_with_several_drawings_is_unique(
    report: Report, context: RenderContext
) -> None:
    breaking = Violation(
        "ARC001",
        "layer-violation",
        Severity.ERROR,
        "low/x.py",
        Span(4, 1, 4, 1),
        "low may not import high (contract 'layers'): low.x:4 → high.y",
    )
    history = (
        HistoryEntry("2026-01-01T00:00:00+00:00", 5, {"style": 5}),
        HistoryEntry("2026-01-02T00:00:00+00:00", 3, {"style": 3}),
    )
    extras = PageExtras(
        hotspots=rank_hotspots(report, {"app/a.py": 3}),
        history=history,
        contracts=(
            LayerContract("first", (("high",), ("low",))),
            LayerContract("second", (("high",), ("low",))),
        ),
    )
    page = render_page(replace(report, violations=(*report.violations, breaking)), context, extras)
    assert page.count("<marker ") == 2
    found = _Ids()
    found.feed(page)
    repeated = sorted({name for name in found.ids if found.ids.count(name) > 1})
    assert repeated == []
    # Each drawing's arrows point at its own arrow head, which is on the page.
    assert len(found.references & {name for name in found.ids if "arrow" in name}) == 2
    assert found.references <= set(found.ids)


def test_a_replayed_trend_says_it_was_replayed_from_commits() -> None:
    history = [
        HistoryEntry("2026-01-01T00:00:00+00:00", 5, {"style": 5}, commit="a" * 40),
        HistoryEntry("2026-01-02T00:00:00+00:00", 3, {"style": 3}, commit="b" * 40),
    ]
    note = "Replayed from the last 3 commits of this branch; 1 could not be checked."
    replayed = trend(history, note, replayed=3)
    assert "Violations over the last 3 commits, replayed from Git" in replayed
    assert "recorded" not in replayed
    assert note in replayed
    recorded = trend(history, "")
    assert "Violations over recorded runs" in recorded and "replayed" not in recorded
    alone = trend(history[:1], note, replayed=3)
    assert "one commit could be checked; the trend needs two" in alone
    assert "check --record" not in alone

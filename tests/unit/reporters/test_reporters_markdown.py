"""The Markdown summary: verdict, counts, figures, top rules, capped violations, all escaped."""

from __future__ import annotations

import dataclasses

from reporter_samples import violation

from standards_lint.model import Report, Severity
from standards_lint.reporters import RenderContext
from standards_lint.reporters.markdown import MAX_VIOLATIONS, escape_markdown, render_markdown


def test_verdict_and_counts(report: Report, context: RenderContext) -> None:
    text = render_markdown(report, context)
    lines = text.splitlines()
    assert lines[0] == "## standards-lint failed: 2 errors"
    assert "4 violations in 4 files, against standards.toml." in text
    assert "| Style | 1 | 1 | 0 | 2 |" in lines
    assert "| Complexity | 1 | 0 | 0 | 1 |" in lines
    assert "| Docstrings | 0 | 0 | 1 | 1 |" in lines
    assert "| **total** | **2** | **1** | **1** | **4** |" in lines


def test_a_clean_run_passes(context: RenderContext) -> None:
    text = render_markdown(Report(3, ()), context)
    assert text.startswith("## standards-lint passed\n")
    assert "### Violations" not in text


def test_new_baselined_and_fixed(report: Report, context: RenderContext) -> None:
    text = render_markdown(report, context)
    assert "- Baseline: **4 new**, 1 baselined (hidden), 2 fixed" in text
    assert "- Suppression comments: 1 suppressed" in text
    gated = dataclasses.replace(report, new_code_hidden=5, baselined=None)
    assert "5 violations outside the changed lines" in render_markdown(gated, context)


def test_figures_against_their_limits(report: Report, context: RenderContext) -> None:
    lines = render_markdown(report, context).splitlines()
    assert "| docstring\\_coverage | 75.0% | fail-under = 80 | **not met** |" in lines
    assert "| average\\_cyclomatic | 7.50 | max-average = &quot;B&quot; | met |" in lines
    assert "| custom | 3 | | |" in lines


def test_top_rules_link_to_their_explanation(report: Report, context: RenderContext) -> None:
    text = render_markdown(report, context)
    assert "[STY001 line-too-long](https://docs.example/rules.md#sty001-line-too-long)" in text


def test_hostile_text_cannot_inject_markup(report: Report, context: RenderContext) -> None:
    text = render_markdown(report, context)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "@team" not in text
    assert "\r" not in text
    # The message stays in its table row: every row of the table has five pipes.
    [row] = [line for line in text.splitlines() if "&lt;script&gt;" in line]
    assert row.count("|") - row.count("\\|") == 5


def test_escape_markdown() -> None:
    assert escape_markdown("a|b *c* <d> @e\nf") == "a\\|b \\*c\\* &lt;d&gt; &#64;e f"


def test_violations_are_capped(context: RenderContext) -> None:
    many = tuple(
        violation("STY001", "a.py", line, "too long", severity=Severity.WARNING)
        for line in range(1, MAX_VIOLATIONS + 8)
    )
    text = render_markdown(Report(1, many), context)
    rows = [line for line in text.splitlines() if line.startswith("| a.py:")]
    assert len(rows) == MAX_VIOLATIONS
    assert text.rstrip().endswith("and 7 more.")

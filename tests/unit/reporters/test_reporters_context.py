"""The renderer contract: the context the command line builds, and the plugin formats."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from standards_lint.config import Standards, load_standards
from standards_lint.model import Report, Severity
from standards_lint.reference import render_reference
from standards_lint.reporters import (
    RENDERERS,
    RenderContext,
    ReporterError,
    build_context,
    find_renderer,
    render,
)
from standards_lint.reporters.context import reference_anchor


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation but - and _ dropped."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_every_rule_links_to_its_section_of_the_reference(tmp_path: Path) -> None:
    standards = _standards(tmp_path, "")
    # The reference as `standards-lint rules --format markdown` writes docs/rules.md.
    reference = render_reference(standards.registry)
    anchors = {
        github_slug(line.removeprefix("### "))
        for line in reference.splitlines()
        if line.startswith("### ")
    }
    context = build_context(standards, Report(0, ()), working_directory=tmp_path, exit_code=0)
    assert len(context.rules) > 20
    for rule in context.rules.values():
        base, _, anchor = rule.help_uri.partition("#")
        assert base.endswith("/docs/rules.md")
        assert anchor == reference_anchor(rule.code, rule.name)
        assert anchor in anchors, rule.code


def _standards(tmp_path: Path, body: str) -> Standards:
    (tmp_path / "standards.toml").write_text('select = ["ALL"]\n' + body, encoding="utf-8")
    return load_standards(tmp_path / "standards.toml")


def test_the_context_carries_severity_options_and_limits(tmp_path: Path) -> None:
    standards = _standards(
        tmp_path,
        '[severity]\nSTY001 = "info"\n[style]\nmax-line-length = 120\n'
        '[docstrings]\nfail-under = 90\n[complexity]\nmax-average = "B"\n',
    )
    context = build_context(standards, Report(0, ()), working_directory=tmp_path, exit_code=1)
    line_length = context.rules["STY001"]
    assert line_length.severity is Severity.INFO
    assert line_length.options["max-line-length"] == "120"
    assert line_length.rationale and line_length.summary
    assert line_length.area_title == "Code style"
    assert context.figure_limits["docstring_coverage"].bound == 90
    assert context.figure_limits["docstring_coverage"].met_by(91.0) is True
    average = context.figure_limits["average_cyclomatic"]
    assert (average.bound, average.written) == (10, 'max-average = "B"')
    assert average.met_by(10.5) is False
    assert context.exit_code == 1


def test_the_source_root_is_the_enclosing_work_tree(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    project = tmp_path / "services" / "shop"
    project.mkdir(parents=True)
    context = build_context(
        _standards(project, ""), Report(0, ()), working_directory=project, exit_code=0
    )
    assert context.source_root == tmp_path.resolve()
    assert context.source_path("shop/a.py") == "services/shop/shop/a.py"
    assert context.source_path("../../other.py") == "other.py"


def test_built_in_formats() -> None:
    assert set(RENDERERS) == {
        "text",
        "json",
        "sarif",
        "github",
        "gitlab",
        "junit",
        "markdown",
        "html",
    }
    assert find_renderer("sarif") is RENDERERS["sarif"]


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(ReporterError, match="unknown format 'xml'; expected one of text, json"):
        find_renderer("xml")


def _context() -> RenderContext:
    return RenderContext(tool_version="1", working_directory=Path("/"), source_root=Path("/"))


def test_a_renderer_that_raises_becomes_a_reporter_error() -> None:
    def broken(report: Report, context: RenderContext) -> str:
        raise KeyError("boom")

    with pytest.raises(ReporterError, match="format 'broken' failed: KeyError: 'boom'"):
        render("broken", broken, Report(0, ()), _context())


def test_a_renderer_must_return_text() -> None:
    def wrong(report: Report, context: RenderContext) -> str:
        return b"bytes"  # type: ignore[return-value]

    with pytest.raises(ReporterError, match="returned bytes, not text"):
        render("wrong", wrong, Report(0, ()), _context())

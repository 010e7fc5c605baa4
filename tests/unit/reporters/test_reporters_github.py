"""GitHub workflow commands: one line per violation, escaped so that GitHub reads back the text."""

from __future__ import annotations

import dataclasses
import re

from reporter_samples import HOSTILE, ODD_PATH

from standards_lint.model import Report, Severity, Span, Violation
from standards_lint.reporters import RenderContext
from standards_lint.reporters.github import escape_data, escape_property, render_github

_COMMAND = re.compile(r"^::(?P<command>[a-z]+) (?P<properties>[^:]*)::(?P<message>.*)$")
_UNESCAPES = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def unescape(text: str) -> str:
    """Undo GitHub's escaping, as the runner does when it reads a command."""
    return re.sub("%25|%0D|%0A|%3A|%2C", lambda match: _UNESCAPES[match.group()], text)


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command line as GitHub parses it: command, properties, message."""
    match = _COMMAND.match(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match["properties"].split(","))
    return (
        match["command"],
        {key: unescape(value) for key, value in properties.items()},
        unescape(match["message"]),
    )


def test_exact_annotation(context: RenderContext) -> None:
    found = Violation(
        "STY001", "line-too-long", Severity.ERROR, "app/a.py", Span(3, 101, 3, 121), "too long"
    )
    lines = render_github(Report(1, (found,)), context).splitlines()
    assert lines[0] == (
        "::error file=app/a.py,line=3,col=101,endLine=3,endColumn=121,"
        "title=STY001 line-too-long::too long"
    )
    assert lines[1] == "standards-lint: 1 violation (1 error, 0 warning, 0 info) in 1 file."


def test_every_line_is_one_command_that_round_trips(report: Report, context: RenderContext) -> None:
    lines = render_github(report, context).splitlines()
    assert len(lines) == len(report.violations) + 1
    for line, violation in zip(lines, report.violations, strict=False):
        _, properties, message = parse(line)
        assert message == violation.message
        assert properties["file"] == violation.path
        assert properties["title"] == f"{violation.rule} {violation.name}"
    assert any(parse(line)[2] == HOSTILE for line in lines[:-1])
    assert any(parse(line)[1]["file"] == ODD_PATH for line in lines[:-1])


def test_severities_map_to_commands(report: Report, context: RenderContext) -> None:
    commands = [parse(line)[0] for line in render_github(report, context).splitlines()[:-1]]
    assert commands == ["error", "warning", "error", "notice"]


def test_a_multi_line_span_has_no_columns(report: Report, context: RenderContext) -> None:
    lines = render_github(report, context).splitlines()
    _, properties, _ = parse(lines[2])
    assert (properties["line"], properties["endLine"]) == ("2", "30")
    assert "col" not in properties and "endColumn" not in properties


def test_escaping() -> None:
    assert escape_data("50% a\r\nb::c,d") == "50%25 a%0D%0Ab::c,d"
    assert escape_property("50% a\r\nb::c,d") == "50%25 a%0D%0Ab%3A%3Ac%2Cd"


def test_paths_are_relative_to_the_source_root(report: Report, context: RenderContext) -> None:
    inside = dataclasses.replace(context, working_directory=context.source_root / "pkg")
    _, properties, _ = parse(render_github(report, inside).splitlines()[0])
    assert properties["file"] == "pkg/app/a.py"


def test_summary_says_what_the_baseline_held_back(report: Report, context: RenderContext) -> None:
    summary = render_github(report, context).splitlines()[-1]
    assert summary.startswith("standards-lint: 4 violations (2 error, 1 warning, 1 info)")
    assert "Baseline: 1 hidden, 2 fixed." in summary

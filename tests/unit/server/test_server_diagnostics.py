"""Violations and standards-file problems as LSP diagnostics."""

from __future__ import annotations

from lsprotocol import types as lsp

from standards_lint.config.locate import Position
from standards_lint.config.problems import Problem
from standards_lint.model import Severity, Span, Violation
from standards_lint.server.diagnostics import (
    help_uri,
    problem_diagnostic,
    violation_diagnostic,
)
from standards_lint.server.positions import TextLines


def _violation(severity: Severity, span: Span | None = None) -> Violation:
    return Violation(
        "STY001",
        "line-too-long",
        severity,
        "a.py",
        span or Span(1, 5, 1, 8),
        "too long",
        fingerprint="0123456789abcdef",
    )


def test_a_violation_becomes_a_diagnostic_with_its_code_link_and_fingerprint() -> None:
    diagnostic = violation_diagnostic(_violation(Severity.ERROR), TextLines("x = 'é'\n"))
    assert diagnostic.range == lsp.Range(
        start=lsp.Position(line=0, character=4), end=lsp.Position(line=0, character=7)
    )
    assert diagnostic.code == "STY001"
    assert diagnostic.source == "standards-lint"
    assert diagnostic.message == "too long"
    assert diagnostic.code_description is not None
    assert diagnostic.code_description.href.endswith("#sty001-line-too-long")
    assert diagnostic.code_description.href == help_uri("STY001", "line-too-long")
    assert diagnostic.data == {"fingerprint": "0123456789abcdef", "rule": "STY001"}


def test_each_severity_has_its_lsp_severity() -> None:
    lines = TextLines("x = 1\n")
    found = [
        violation_diagnostic(_violation(severity), lines).severity
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    ]
    assert found == [
        lsp.DiagnosticSeverity.Error,
        lsp.DiagnosticSeverity.Warning,
        lsp.DiagnosticSeverity.Information,
    ]


def test_the_range_counts_utf16_units() -> None:
    span = Span(2, 3, 2, 4)
    diagnostic = violation_diagnostic(_violation(Severity.INFO, span), TextLines("a\n😀bc\n"))
    assert diagnostic.range.start == lsp.Position(line=1, character=3)
    assert diagnostic.range.end == lsp.Position(line=1, character=4)


def test_a_problem_is_shown_at_its_key() -> None:
    problem = Problem("standards.toml", ("style",), "[style]: bad", Position(4, 1))
    diagnostic = problem_diagnostic(problem)
    assert diagnostic.range.start == lsp.Position(line=3, character=0)
    assert diagnostic.message == "[style]: bad"
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error


def test_a_problem_without_a_position_is_shown_at_the_start() -> None:
    diagnostic = problem_diagnostic(Problem("standards.toml", (), "cannot parse"))
    assert diagnostic.range.start == lsp.Position(line=0, character=0)

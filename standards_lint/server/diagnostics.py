"""Violations and standards-file problems as LSP diagnostics."""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Final

from lsprotocol import types as lsp

from standards_lint.config.problems import Problem
from standards_lint.model import Severity, Violation
from standards_lint.reporters.context import RULES_REFERENCE_URL, TOOL_NAME, reference_anchor
from standards_lint.server.positions import LspPosition, TextLines

#: ``info`` is LSP's "information"; hints are not a severity the standards give.
SEVERITIES: Final[Mapping[Severity, lsp.DiagnosticSeverity]] = types.MappingProxyType(
    {
        Severity.ERROR: lsp.DiagnosticSeverity.Error,
        Severity.WARNING: lsp.DiagnosticSeverity.Warning,
        Severity.INFO: lsp.DiagnosticSeverity.Information,
    }
)


def help_uri(code: str, name: str) -> str:
    """The rule's section of the rule reference, as reports link it."""
    return f"{RULES_REFERENCE_URL}#{reference_anchor(code, name)}"


def lsp_range(start: LspPosition, end: LspPosition) -> lsp.Range:
    """An LSP range from two positions."""
    return lsp.Range(
        start=lsp.Position(line=start.line, character=start.character),
        end=lsp.Position(line=end.line, character=end.character),
    )


def violation_diagnostic(violation: Violation, lines: TextLines) -> lsp.Diagnostic:
    """The diagnostic of ``violation`` in the document whose text ``lines`` holds.

    The code links to the rule's explanation, and ``data`` carries the
    fingerprint (which baselines key on) and the code, so that a code action
    or a hover finds the violation again.
    """
    start, end = lines.span_range(violation.span)
    return lsp.Diagnostic(
        range=lsp_range(start, end),
        message=violation.message,
        severity=SEVERITIES[violation.severity],
        code=violation.rule,
        code_description=lsp.CodeDescription(href=help_uri(violation.rule, violation.name)),
        source=TOOL_NAME,
        data={"fingerprint": violation.fingerprint, "rule": violation.rule},
    )


def problem_diagnostic(problem: Problem) -> lsp.Diagnostic:
    """The diagnostic of a problem of the standards file, at its key (or the file's start)."""
    line = problem.position.line - 1 if problem.position is not None else 0
    column = problem.position.column - 1 if problem.position is not None else 0
    start = lsp.Position(line=line, character=column)
    return lsp.Diagnostic(
        range=lsp.Range(start=start, end=lsp.Position(line=line + 1, character=0)),
        message=problem.message,
        severity=lsp.DiagnosticSeverity.Error,
        source=TOOL_NAME,
    )

"""Analyse one file: parse once, walk once with every rule, collect facts.

This is a pure function of the file's bytes and its profile, which is what
makes results cacheable and safe to compute in any worker process.
"""

from __future__ import annotations

import traceback
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from standards_lint.engine.comments import find_suppressions
from standards_lint.engine.definitions import find_definitions
from standards_lint.engine.fingerprints import local_fingerprints
from standards_lint.engine_rules import (
    InternalErrorRule,
    SyntaxErrorRule,
    ToolRule,
    UndecodableFileRule,
    UnsupportedSyntaxRule,
)
from standards_lint.interruption import UserInterrupt
from standards_lint.model import FileResult, Span, Violation
from standards_lint.rule import Fact, PendingReport, Rule, RuleMeta
from standards_lint.source import SourceDecodeError, SourceFile, decode_source
from standards_lint.syntax import PARSE_ERRORS

_FILE_START = Span(1, 1, 1, 1)


@dataclass(frozen=True, slots=True)
class FileProfile:
    """The effective standards for one file: which rules run, with which options.

    Files that match the same ``[[overrides]]`` share a profile. ``fingerprint``
    identifies everything here (and the tool version) for the cache.
    """

    rules: tuple[type[Rule[Any]], ...]
    options: Mapping[str, object]
    facts: tuple[Fact[Any], ...]
    fingerprint: str


def tool_violation(rule: type[ToolRule], path: str, span: Span, message: str) -> Violation:
    """A violation of one of the tool's own (``SL``) rules."""
    return Violation(rule.code, rule.name, rule.severity, path, span, message)


def internal_error(path: str, culprit: str, error: BaseException, span: Span) -> Violation:
    """An SL002 violation: ``culprit`` (a rule, a fact collector) raised ``error``."""
    origin = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    where = f" at {origin[0].filename}:{origin[0].lineno}" if origin else ""
    message = f"{culprit} failed: {type(error).__name__}: {error}{where}"
    return tool_violation(InternalErrorRule, path, span, message)


def analyze_file(path: str, raw: bytes, profile: FileProfile) -> FileResult:
    """Run ``profile`` on the file at display path ``path`` whose content is ``raw``.

    Whether the file parses is decided the same way whatever rules run: by
    the running Python's own parser first (cheap, and what ``ast``-based facts
    need), then by LibCST if a rule walks its tree.
    """
    try:
        text = decode_source(raw)
    except SourceDecodeError as error:
        message = f"cannot decode the file: {error}"
        span = Span(error.line, error.column, error.line, error.column)
        return FileResult(path, (tool_violation(UndecodableFileRule, path, span, message),))
    source = SourceFile(path, text)
    violations: list[Violation] = []
    rules: list[Rule[Any]] = []
    for rule_class in profile.rules:
        try:
            rules.append(rule_class(source, profile.options[rule_class.area], []))
        except (KeyboardInterrupt, UserInterrupt):
            raise
        except BaseException as error:  # noqa: BLE001 - isolate the failing rule
            violations.append(internal_error(path, rule_label(rule_class), error, _FILE_START))
    failed: set[int] = set()
    parses = _check_syntax(source, violations)

    def guarded_call(rule: Rule[Any], hook: str) -> object:
        if id(rule) in failed:
            return None
        try:
            return getattr(rule, hook)()
        except (KeyboardInterrupt, UserInterrupt):
            raise
        except BaseException as error:  # noqa: BLE001 - isolate the failing rule
            failed.add(id(rule))
            # In a file that does not parse (SL001 says so), a rule that read
            # its syntax tree has nothing to check, which is not a failure.
            if parses or not isinstance(error, PARSE_ERRORS):
                violations.append(internal_error(path, rule_label(rule), error, _FILE_START))
            return None

    walkers = [rule for rule in rules if guarded_call(rule, "start_file") is not False]
    # LibCST parses every file that Python parses, whichever rules run, so
    # that whether a file is reported as beyond LibCST never depends on the
    # selection.
    module = _parse_concrete_tree(source, violations) if parses else None
    tree_rules = [rule for rule in walkers if rule.uses_tree()] if module is not None else []
    if tree_rules:
        _walk_tree(source, module, tree_rules, violations, failed)
    for rule in rules:
        guarded_call(rule, "end_file")
    violations.extend(_resolve_reports(source, module, rules))
    facts = _collect_facts(source, profile, violations) if parses else {}
    violations.sort(key=lambda violation: violation.sort_key)
    definitions = find_definitions(source.ast_module) if parses else ()
    stamped = local_fingerprints(violations, source.lines, definitions) if violations else ()
    return FileResult(path, tuple(stamped), find_suppressions(text), facts, definitions)


def rule_label(rule: RuleMeta | type[RuleMeta]) -> str:
    """How an internal error names a rule: ``rule STY001 (line-too-long)``."""
    return f"rule {rule.code} ({rule.name})"


def _parse_concrete_tree(source: SourceFile, violations: list[Violation]) -> Any:
    """LibCST's tree of a file Python parses, or ``None`` with an SL006 violation."""
    import libcst  # noqa: PLC0415 - only files analysed (not cached) pay for LibCST

    try:
        return source.cst_module
    except libcst.ParserSyntaxError as error:
        line, column = error.editor_line, error.editor_column
        span = Span(line, column, line, column)
        detail = error.message
    except RecursionError:
        span = _FILE_START
        detail = "the code is nested too deeply"
    if _mixes_tabs_and_spaces(source.lines):
        detail += " (tabs and spaces are mixed in the indentation, which Python allows)"
    message = (
        f"Python compiles this file but LibCST cannot parse it: {detail};"
        " the rules that read its syntax tree did not run"
    )
    violations.append(tool_violation(UnsupportedSyntaxRule, source.path, span, message))
    return None


def _mixes_tabs_and_spaces(lines: Sequence[str]) -> bool:
    seen: set[str] = set()
    for line in lines:
        indentation = line[: len(line) - len(line.lstrip(" \t"))]
        seen.update(indentation)
        if len(seen) == 2:
            return True
    return False


def _walk_tree(
    source: SourceFile,
    module: Any,
    tree_rules: Sequence[Rule[Any]],
    violations: list[Violation],
    failed: set[int],
) -> None:
    from standards_lint.engine import walk as walker  # noqa: PLC0415

    ancestors: list[Any] = []
    table = walker.DispatchTable()
    for rule in tree_rules:
        if id(rule) in failed:
            continue
        rule._ancestors = ancestors
        try:
            for kind, node_type in type(rule).subscriptions():
                table.subscribe(kind, node_type, getattr(rule, f"{kind}_{node_type}"))
        except walker.UnknownNodeTypeError as error:
            failed.add(id(rule))
            table.unsubscribe(rule)
            violations.append(internal_error(source.path, rule_label(rule), error, _FILE_START))

    def on_error(handler: Any, error: BaseException) -> None:
        rule = handler.__self__
        failed.add(id(rule))
        table.unsubscribe(rule)
        violations.append(internal_error(source.path, rule_label(rule), error, _FILE_START))

    walker.walk(module, table, ancestors, on_error)


def _check_syntax(source: SourceFile, violations: list[Violation]) -> bool:
    """Parse with ``ast``; report SL001 and return ``False`` if the file does not parse."""
    try:
        with warnings.catch_warnings():
            # Invalid escape sequences and the like are not this tool's to report.
            warnings.simplefilter("ignore")
            source.ast_module  # noqa: B018 - parsing is the check
    except SyntaxError as error:
        line = error.lineno or 1
        column = error.offset or 1
        span = Span(line, column, line, column)
        message = f"cannot parse: {error.msg}"
        violations.append(tool_violation(SyntaxErrorRule, source.path, span, message))
        return False
    except (RecursionError, MemoryError, ValueError):
        message = "cannot parse: the code is nested too deeply or contains null bytes"
        violations.append(tool_violation(SyntaxErrorRule, source.path, _FILE_START, message))
        return False
    return True


def _resolve_reports(
    source: SourceFile, module: Any, rules: Sequence[Rule[Any]]
) -> list[Violation]:
    pending: list[tuple[Rule[Any], PendingReport]] = [
        (rule, report) for rule in rules for report in rule.reports
    ]
    wanted = [
        (report.node, report.statement, report.enclosing)
        for _, report in pending
        if report.node is not None
    ]
    spans: dict[int, Span] = {}
    if wanted and module is not None:
        from standards_lint.engine.positions import find_spans_by_statement  # noqa: PLC0415

        spans = find_spans_by_statement(module, source.ast_module, wanted)
    resolved = []
    for rule, report in pending:
        span = report.span if report.node is None else spans.get(id(report.node), _FILE_START)
        assert span is not None
        fix = None
        if report.fix is not None:
            from standards_lint.engine.fix_edits import resolve_fix  # noqa: PLC0415

            try:
                fix = resolve_fix(report.fix, source, module, report.statement)
            except (KeyboardInterrupt, UserInterrupt):
                raise
            except BaseException as error:  # noqa: BLE001 - a broken fix is the rule's failure
                label = f"the fix of {rule_label(rule)}"
                resolved.append(internal_error(source.path, label, error, _FILE_START))
        resolved.append(
            Violation(
                rule.code,
                rule.name,
                rule.severity,
                source.path,
                span,
                report.message,
                value=report.value,
                fix=fix,
            )
        )
    return resolved


def _collect_facts(
    source: SourceFile, profile: FileProfile, violations: list[Violation]
) -> dict[str, object]:
    facts: dict[str, object] = {}
    for fact in profile.facts:
        try:
            facts[fact.name] = fact.collect(source, profile.options[fact.area])
        except SyntaxError:
            continue  # already reported as SL001
        except (KeyboardInterrupt, UserInterrupt):
            raise
        except BaseException as error:  # noqa: BLE001 - isolate the failing collector
            violations.append(
                internal_error(source.path, f"fact {fact.name!r}", error, _FILE_START)
            )
    return facts

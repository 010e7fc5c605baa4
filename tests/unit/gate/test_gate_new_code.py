"""The new-code stage: what is kept on changed lines, in changed definitions, and always."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from standards_lint.gate.diff import RepositoryChanges
from standards_lint.gate.new_code import changed_lines_by_display, keep_new_code
from standards_lint.model import Definition, FileResult, Severity, Span, Violation

STANDARDS = "standards.toml"

# A file of two functions and a class with a method:
#   1  import os
#   3  @cached
#   4  def price(
#   5      amount,
#   6  ):
#   7      total = amount
#   8      return total
#  11  class Cart:
#  12      def add(self): pass
#  14      def remove(self):
#  15          return None
DEFINITIONS = (
    Definition("price", "function", start_line=3, line=4, body_line=7, end_line=8),
    Definition("Cart", "class", start_line=11, line=11, body_line=12, end_line=15),
    Definition("Cart.add", "function", start_line=12, line=12, body_line=12, end_line=12),
    Definition("Cart.remove", "function", start_line=14, line=14, body_line=15, end_line=15),
)


def violation(code: str, line: int, end_line: int | None = None, path: str = "a.py") -> Violation:
    span = Span(line, 1, end_line or line, 1)
    return Violation(code, code.lower(), Severity.ERROR, path, span, f"{code} at {line}")


def kept(
    violations: Sequence[Violation],
    changed: Mapping[str, frozenset[int]],
    definitions: Mapping[str, Sequence[Definition]] | None = None,
) -> list[tuple[str, int]]:
    if definitions is None:
        definitions = {"a.py": DEFINITIONS}
    outcome = keep_new_code(violations, definitions, changed, STANDARDS)
    assert outcome.hidden == len(violations) - len(outcome.violations)
    return [(v.rule, v.line) for v in outcome.violations]


def test_a_violation_on_a_changed_line_is_kept_and_others_are_hidden() -> None:
    violations = [violation("STY001", 1), violation("STY002", 7), violation("STY003", 8)]

    assert kept(violations, {"a.py": frozenset({7})}) == [("STY002", 7)]


def test_a_violation_is_kept_when_any_line_of_its_span_changed() -> None:
    violations = [violation("STY001", 5, end_line=8), violation("STY002", 1, end_line=2)]

    assert kept(violations, {"a.py": frozenset({8})}) == [("STY001", 5)]


@pytest.mark.parametrize("header_line", [3, 4, 5, 6])
def test_a_violation_at_a_definition_header_is_kept_when_its_body_changed(
    header_line: int,
) -> None:
    # Complexity at the def line, a decorator finding, a parameter finding...
    assert kept([violation("CPX001", header_line)], {"a.py": frozenset({8})}) == [
        ("CPX001", header_line)
    ]


def test_a_violation_at_a_definition_header_is_hidden_when_the_definition_did_not_change() -> None:
    changed = {"a.py": frozenset({1, 9, 10})}  # around price, not in it

    assert kept([violation("CPX001", 4)], changed) == []


def test_a_violation_in_a_body_line_is_judged_by_its_own_lines() -> None:
    # Line 7 is in price's body, not its header: a change on line 8 does not keep it.
    assert kept([violation("STY001", 7)], {"a.py": frozenset({8})}) == []


def test_a_class_counts_as_changed_when_one_of_its_methods_changed() -> None:
    violations = [violation("DOC101", 11), violation("DOC102", 12), violation("DOC103", 14)]

    assert kept(violations, {"a.py": frozenset({15})}) == [("DOC101", 11), ("DOC103", 14)]


def test_a_one_line_definition_has_its_line_as_header() -> None:
    assert kept([violation("DOC102", 12)], {"a.py": frozenset({12})}) == [("DOC102", 12)]


@pytest.mark.parametrize("code", ["SL001", "SL002", "SL005", "SL006", "SL008"])
def test_the_tools_own_problems_are_always_kept(code: str) -> None:
    assert kept([violation(code, 3)], {}) == [(code, 3)]


def test_other_tool_findings_are_judged_by_their_line() -> None:
    # An unused suppression (SL003) on an untouched line is old news.
    assert kept([violation("SL003", 1)], {"a.py": frozenset({2})}) == []


def test_project_findings_against_the_standards_file_are_kept() -> None:
    figure = violation("DOC201", 1, path=STANDARDS)

    assert kept([figure], {}) == [("DOC201", 1)]


def test_a_file_without_changes_reports_nothing() -> None:
    violations = [violation("STY001", 1, path="b.py"), violation("STY001", 1)]

    outcome = keep_new_code(violations, {}, {"a.py": frozenset({1})}, STANDARDS)

    assert [(v.path, v.line) for v in outcome.violations] == [("a.py", 1)]
    assert outcome.hidden == 1


def test_a_file_without_known_definitions_is_judged_line_by_line() -> None:
    assert kept([violation("CPX001", 4)], {"a.py": frozenset({8})}, definitions={}) == []


def test_the_order_of_violations_is_kept() -> None:
    violations = [violation("STY003", 8), violation("STY001", 1), violation("STY002", 8)]

    assert kept(violations, {"a.py": frozenset({1, 8})}) == [
        ("STY003", 8),
        ("STY001", 1),
        ("STY002", 8),
    ]


def test_changed_lines_are_mapped_from_repository_paths_to_display_paths(tmp_path: Path) -> None:
    changes = RepositoryChanges(
        tmp_path, {"src/a.py": frozenset({1, 2}), "src/gone.py": frozenset({1})}
    )
    files = [
        (tmp_path / "src" / "a.py", FileResult("a.py", ())),
        (tmp_path / "src" / "b.py", FileResult("b.py", ())),
        (tmp_path.parent / "outside.py", FileResult("../outside.py", ())),
    ]

    assert changed_lines_by_display(files, changes) == {"a.py": frozenset({1, 2})}

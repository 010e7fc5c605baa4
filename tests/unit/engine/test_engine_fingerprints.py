"""Definitions and fingerprints: a violation keeps its fingerprint across unrelated edits."""

from __future__ import annotations

import ast
import dataclasses
import textwrap

import pytest

from standards_lint.engine.analyze import FileProfile, analyze_file
from standards_lint.engine.definitions import find_definitions
from standards_lint.engine.fingerprints import (
    complete_fingerprints,
    local_fingerprints,
    message_fingerprints,
    path_fingerprint,
)
from standards_lint.model import Definition, Edit, Fix, FixSafety, Severity, Span, Violation
from standards_lint.testing import run_rule

LONG = {"max-line-length": 40}
COMPLEX = {"max-cyclomatic": 2}

SAMPLE = textwrap.dedent(
    '''\
    """Orders."""


    def total(order):
        label = "a line that is long enough to break the limit"
        return order.amount


    def tax(order):
        rate = 0.2
        return order.amount * rate
    '''
)


def fingerprints(code: str, rule: str = "line-too-long", **options: object) -> list[str]:
    """The fingerprints of ``rule``'s violations in ``code``, in order of position."""
    return [
        violation.fingerprint
        for violation in run_rule(rule, code, options=options or LONG, path="app/orders.py")
    ]


def source(text: str) -> str:
    return textwrap.dedent(text)


# Definitions ---------------------------------------------------------------------


def test_definitions_are_qualified_with_dots_and_carry_their_lines() -> None:
    module = ast.parse(
        source(
            """\
            import x


            @decorate
            @twice
            class Cart:
                size = 1

                async def fetch(self):
                    def inner():
                        return 1
                    return inner
            """
        )
    )
    assert find_definitions(module) == (
        Definition("Cart", "class", 4, 6, 7, 12),
        Definition("Cart.fetch", "async function", 9, 9, 10, 12),
        Definition("Cart.fetch.inner", "function", 10, 10, 11, 11),
    )


def test_definitions_inside_blocks_take_no_name_from_the_block() -> None:
    module = ast.parse(
        source(
            """\
            if FLAG:
                def a(): return 1
            try:
                import y
            except ImportError:
                def b():
                    pass
            else:
                pass
            finally:
                class C: pass
            match value:
                case 1:
                    def d():
                        pass
            """
        )
    )
    names = [(item.qualified_name, item.line, item.body_line) for item in find_definitions(module)]
    assert names == [("a", 2, 2), ("b", 6, 7), ("C", 11, 11), ("d", 14, 15)]


def test_analysis_records_the_definitions_of_a_file_that_parses() -> None:
    profile = FileProfile(rules=(), options={}, facts=(), fingerprint="test")
    result = analyze_file("m.py", b"class A:\n    def f(self):\n        pass\n", profile)
    assert [item.qualified_name for item in result.definitions] == ["A", "A.f"]
    broken = analyze_file("m.py", b"def f(:\n", profile)
    assert broken.definitions == ()
    assert broken.violations[0].fingerprint  # even SL001 has one


# Fingerprints survive unrelated edits ---------------------------------------------


def test_lines_inserted_at_the_top_keep_fingerprints() -> None:
    before = fingerprints(SAMPLE)
    after = fingerprints(SAMPLE.replace('"""Orders."""\n', '"""Orders."""\n\nimport os\n\n\n'))
    assert len(before) == 1
    assert after == before


def test_reformatting_another_function_keeps_fingerprints() -> None:
    reformatted = SAMPLE.replace(
        "def tax(order):\n    rate = 0.2\n    return order.amount * rate\n",
        "def tax(\n    order,\n):\n    rate = 0.2\n\n"
        "    return (\n        order.amount  *  rate\n    )\n",
    )
    assert reformatted != SAMPLE
    assert fingerprints(reformatted) == fingerprints(SAMPLE)


def test_moving_a_function_within_the_file_keeps_fingerprints() -> None:
    first, second = SAMPLE.split("\n\n\ndef tax")
    moved = '"""Orders."""\n\n\ndef tax' + second + "\n\n" + first.removeprefix('"""Orders."""\n')
    assert moved.index("def tax") < moved.index("def total")
    assert fingerprints(moved) == fingerprints(SAMPLE)


def test_renaming_an_unrelated_variable_keeps_fingerprints() -> None:
    renamed = SAMPLE.replace("rate", "share")
    assert fingerprints(renamed) == fingerprints(SAMPLE)


def test_a_second_identical_violation_gets_another_fingerprint() -> None:
    doubled = SAMPLE.replace(
        '    label = "a line that is long enough to break the limit"\n',
        '    label = "a line that is long enough to break the limit"\n' * 2,
    )
    first, second = fingerprints(doubled)
    assert first != second
    assert first == fingerprints(SAMPLE)[0]


def test_the_same_text_in_another_function_is_another_violation() -> None:
    code = SAMPLE.replace("rate = 0.2", 'label = "a line that is long enough to break the limit"')
    first, second = fingerprints(code)
    assert first != second


def test_editing_the_reported_text_changes_the_fingerprint() -> None:
    edited = SAMPLE.replace("long enough to break", "long enough, surely, to break")
    assert fingerprints(edited) != fingerprints(SAMPLE)


def test_a_whole_function_report_keeps_its_fingerprint_when_the_body_changes() -> None:
    code = "def route(a, b):\n    if a:\n        return 1\n    if b:\n        return 2\n"
    grown = code + "    if a and b:\n        return 3\n    return 0\n"
    [before] = run_rule("cyclomatic-complexity", code, options=COMPLEX)
    [after] = run_rule("cyclomatic-complexity", "\n\n" + grown, options=COMPLEX)
    assert (before.value, after.value) == (3, 5)
    assert after.fingerprint == before.fingerprint
    assert after.line == before.line + 2


def test_the_path_is_part_of_the_fingerprint() -> None:
    assert fingerprints(SAMPLE) != [
        violation.fingerprint
        for violation in run_rule("line-too-long", SAMPLE, options=LONG, path="app/other.py")
    ]


# The parts, one by one -------------------------------------------------------------


def violation(
    line: int, message: str = "m", *, end_line: int | None = None, end_column: int = 1
) -> Violation:
    span = Span(line, 1, end_line or line, end_column)
    return Violation("TST001", "test", Severity.ERROR, "a.py", span, message)


LINES = ["def f():", "    x = 1", "    y = 2", "", "z = 3"]
F = Definition("f", "function", 1, 1, 2, 3)


def test_no_line_number_enters_a_fingerprint() -> None:
    [at_five] = local_fingerprints([violation(5)], LINES, [F])
    [at_two] = local_fingerprints([violation(2)], ["", "z = 3"], [])
    assert at_five.fingerprint == at_two.fingerprint


def test_a_report_covering_a_definition_is_known_by_its_name_alone() -> None:
    whole = violation(1, end_line=3, end_column=10)
    [covering] = local_fingerprints([whole], LINES, [F])
    edited = ["def f():", "    x = 10", "    y = 20", "", "z = 3"]
    [after_edit] = local_fingerprints([whole], edited, [F])
    assert covering.fingerprint == after_edit.fingerprint
    statement = violation(2, end_line=2, end_column=11)
    [partial] = local_fingerprints([statement], LINES, [F])
    [partial_edited] = local_fingerprints([statement], edited, [F])
    assert partial.fingerprint != partial_edited.fingerprint


def test_whitespace_in_the_reported_text_does_not_count() -> None:
    [tight] = local_fingerprints([violation(1)], ["x=[1,2]"], [])
    [loose] = local_fingerprints([violation(1)], ["x = [1, 2]   "], [])
    assert tight.fingerprint == loose.fingerprint


def test_project_messages_count_without_their_digits() -> None:
    first = message_fingerprints([violation(1, "a imports b (line 3)")])
    moved = message_fingerprints([violation(1, "a imports b (line 17)")])
    other = message_fingerprints([violation(1, "a imports c (line 3)")])
    assert first[0].fingerprint == moved[0].fingerprint != other[0].fingerprint
    twice = message_fingerprints([violation(1, "x 1"), violation(2, "x 2")])
    assert twice[0].fingerprint != twice[1].fingerprint


def test_completion_mixes_in_the_root_relative_path() -> None:
    local = local_fingerprints([violation(5)], LINES, [])
    [here] = complete_fingerprints(local, {"a.py": "pkg/a.py"})
    [elsewhere] = complete_fingerprints(local, {"a.py": "other/a.py"})
    assert here.fingerprint == path_fingerprint("pkg/a.py", local[0].fingerprint)
    assert here.fingerprint != elsewhere.fingerprint
    assert len(here.fingerprint) == 16


@pytest.mark.parametrize("line", [1, 3])
def test_a_point_at_the_start_of_the_file_is_about_the_module(line: int) -> None:
    lines = [""] * (line - 1) + ["import os", "x = 1"]
    [stamped] = local_fingerprints([violation(1)], lines, [])
    [plain] = local_fingerprints([violation(1)], ["something else"], [])
    assert stamped.fingerprint == plain.fingerprint


def test_completing_a_fingerprint_keeps_every_other_field() -> None:
    original = Violation(
        "CPX001",
        "cyclomatic-complexity",
        Severity.WARNING,
        "a.py",
        Span(1, 2, 3, 4),
        "m",
        "local",
        14.0,
        Fix("Change it", (Edit(0, 1, "x"),), FixSafety.UNSAFE),
    )
    [completed] = complete_fingerprints([original], {"a.py": "src/a.py"})
    expected = dataclasses.replace(original, fingerprint=path_fingerprint("src/a.py", "local"))
    assert completed == expected
    assert [f.name for f in dataclasses.fields(Violation)] == [
        "rule",
        "name",
        "severity",
        "path",
        "span",
        "message",
        "fingerprint",
        "value",
        "fix",
    ], "complete_fingerprints builds Violation field by field: add the new field there"

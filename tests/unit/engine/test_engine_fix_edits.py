"""Turning proposed fixes into text edits: the smallest edit, or none rather than a guess."""

from __future__ import annotations

import libcst as cst

from standards_lint.engine.fix_edits import resolve_fix
from standards_lint.model import Edit, FixSafety
from standards_lint.rule import ProposedFix, Replace
from standards_lint.source import SourceFile


def parsed(text: str) -> tuple[SourceFile, cst.Module]:
    source = SourceFile("mod.py", text)
    return source, source.cst_module


def apply(text: str, edits: tuple[Edit, ...]) -> str:
    for edit in sorted(edits, key=lambda edit: edit.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def test_text_edits_are_kept_in_order_of_the_text() -> None:
    source, module = parsed("a = 1\nb = 2\n")
    proposed = ProposedFix("Both", [Edit(6, 7, "c"), Edit(0, 1, "x")], FixSafety.UNSAFE)
    fix = resolve_fix(proposed, source, module, None)
    assert fix is not None
    assert fix.edits == (Edit(0, 1, "x"), Edit(6, 7, "c"))
    assert (fix.description, fix.safety) == ("Both", FixSafety.UNSAFE)


def test_edits_that_overlap_or_leave_the_text_are_dropped() -> None:
    source, module = parsed("a = 1\n")
    overlapping = ProposedFix("Overlap", [Edit(0, 3, "x"), Edit(2, 4, "y")])
    assert resolve_fix(overlapping, source, module, None) is None
    outside = ProposedFix("Outside", [Edit(4, 99, "x")])
    assert resolve_fix(outside, source, module, None) is None
    assert resolve_fix(ProposedFix("Nothing", []), source, module, None) is None


def test_a_tree_change_in_a_statement_becomes_the_smallest_edit() -> None:
    text = "x = 1\n\n\ndef f():\n    try:\n        run()\n    except  :  # keep\n        pass\n"
    source, module = parsed(text)
    function = module.body[1]
    assert isinstance(function, cst.FunctionDef)
    handler = function.body.body[0].handlers[0]  # type: ignore[attr-defined]
    new = handler.with_changes(
        type=cst.Name("Exception"),
        whitespace_after_except=cst.SimpleWhitespace(" "),
        whitespace_before_colon=cst.SimpleWhitespace(""),
    )
    fix = resolve_fix(ProposedFix("Catch", [Replace(handler, new)]), source, module, function)
    assert fix is not None
    (edit,) = fix.edits
    # "except  :" becomes "except Exception:": only the second space is replaced.
    start = text.index("except") + len("except ")
    assert edit == Edit(start, start + 1, "Exception")
    assert apply(text, fix.edits) == text.replace("except  :", "except Exception:")


def test_removing_a_module_level_statement_removes_its_line() -> None:
    text = "import os\nimport unused  # gone\nx = 1\n"
    source, module = parsed(text)
    statement = module.body[1]
    proposed = ProposedFix("Remove", [Replace(statement, cst.RemoveFromParent())])
    fix = resolve_fix(proposed, source, module, statement)
    assert fix is not None
    assert apply(text, fix.edits) == "import os\nx = 1\n"


def test_a_tree_change_without_a_tree_or_without_effect_is_no_fix() -> None:
    source, module = parsed("x = 1\n")
    statement = module.body[0]
    assert (
        resolve_fix(ProposedFix("Same", [Replace(statement, statement)]), source, None, None)
        is None
    )
    assert (
        resolve_fix(ProposedFix("Same", [Replace(statement, statement)]), source, module, statement)
        is None
    )


def test_a_tree_that_does_not_reproduce_the_text_is_not_guessed_at() -> None:
    source, _ = parsed("x = 1\n")
    other = cst.parse_module("y = 2\n")
    statement = other.body[0]
    new = cst.parse_statement("z = 3\n")
    assert (
        resolve_fix(ProposedFix("Elsewhere", [Replace(statement, new)]), source, other, None)
        is None
    )


def test_crlf_text_keeps_its_endings_around_the_edit() -> None:
    text = "try:\r\n    run()\r\nexcept:\r\n    pass\r\n"
    source, module = parsed(text)
    statement = module.body[0]
    handler = statement.handlers[0]  # type: ignore[attr-defined]
    new = handler.with_changes(
        type=cst.Name("Exception"), whitespace_after_except=cst.SimpleWhitespace(" ")
    )
    fix = resolve_fix(ProposedFix("Catch", [Replace(handler, new)]), source, module, statement)
    assert fix is not None
    assert apply(text, fix.edits) == "try:\r\n    run()\r\nexcept Exception:\r\n    pass\r\n"

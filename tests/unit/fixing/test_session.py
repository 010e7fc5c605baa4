"""Fixing one file in memory: rounds until nothing changes, parse check, encoding kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from standards_lint.api import check_source
from standards_lint.config import Standards
from standards_lint.fixing.session import (
    MAX_ROUNDS,
    FileFixes,
    files_to_fix,
    fix_source,
    fixed_counts,
    write_fixes,
)
from standards_lint.model import FixSafety

MakeStandards = Callable[[Sequence[str]], Standards]


def fix(raw: bytes, standards: Standards, *, safety: FixSafety = FixSafety.UNSAFE) -> FileFixes:
    path = standards.root / "mod.py"
    return fix_source(raw, path, "mod.py", standards, safety=safety)


def test_a_text_fix_is_applied_to_every_report(fix_standards: MakeStandards) -> None:
    result = fix(b"colour = 1\nprint(colour, 'colour')\n", fix_standards(["FXP002"]))
    assert result.content == b"color = 1\nprint(color, 'color')\n"
    assert result.after == result.content.decode()
    assert result.fixed == {"FXP002": 3}
    assert result.changed and result.problem is None


def test_nothing_to_fix_changes_nothing(fix_standards: MakeStandards) -> None:
    result = fix(b"color = 1\n", fix_standards(["FXP002"]))
    assert not result.changed
    assert result.content is None and result.after == result.before == "color = 1\n"
    assert result.diff() == b""


def test_crlf_endings_are_kept(fix_standards: MakeStandards) -> None:
    result = fix(b"x = 1\r\ncolour = 2\r\ny = colour\r\n", fix_standards(["FXP002"]))
    assert result.content == b"x = 1\r\ncolor = 2\r\ny = color\r\n"


def test_a_byte_order_mark_is_kept(fix_standards: MakeStandards) -> None:
    result = fix(b"\xef\xbb\xbfcolour = 'caf\xc3\xa9'\n", fix_standards(["FXP002"]))
    assert result.content == b"\xef\xbb\xbfcolor = 'caf\xc3\xa9'\n"
    assert result.diff().splitlines()[3] == b"-\xef\xbb\xbfcolour = 'caf\xc3\xa9'"


def test_a_latin_1_file_is_fixed_at_the_right_place_and_stays_latin_1(
    fix_standards: MakeStandards,
) -> None:
    # Non-ASCII text before the fix on the same line: offsets count characters.
    raw = b"# -*- coding: latin-1 -*-\nname = '\xe9\xe9\xe9'; colour = 1\n"
    result = fix(raw, fix_standards(["FXP002"]))
    assert result.content == b"# -*- coding: latin-1 -*-\nname = '\xe9\xe9\xe9'; color = 1\n"
    assert result.encoding == "iso-8859-1"
    assert b"\xe9\xe9\xe9" in result.diff()


def test_fixes_that_do_not_parse_leave_the_whole_file_as_it_was(
    fix_standards: MakeStandards,
) -> None:
    raw = b"colour = 1\nBREAK_ME = colour\n"
    result = fix(raw, fix_standards(["FXP001", "FXP002"]))
    assert not result.changed
    assert result.after == result.before == raw.decode()
    assert result.problem is not None
    assert "FXP001" in result.problem and "does not parse" in result.problem
    assert "left as it was" in result.problem


def test_overlapping_fixes_wait_for_the_next_round(fix_standards: MakeStandards) -> None:
    # FXP002 and FXP005 both rewrite colour: one is applied, and the other,
    # proposed again against the changed text, has nothing left to fix.
    result = fix(b"colour = 1\n", fix_standards(["FXP002", "FXP005"]))
    assert result.content in (b"color = 1\n", b"hue = 1\n")
    assert sum(result.fixed.values()) == 1


def test_a_tree_fix_removes_a_statement_in_later_rounds_too(fix_standards: MakeStandards) -> None:
    raw = b"import unused\nimport os\nimport unused\n\ndef f():\n    import unused\n    return 1\n"
    result = fix(raw, fix_standards(["FXP004"]))
    assert result.content == b"import os\n\ndef f():\n    return 1\n"
    assert result.fixed == {"FXP004": 3}


def test_fixes_that_never_settle_stop_after_the_last_round(fix_standards: MakeStandards) -> None:
    result = fix(b"ping = 1\n", fix_standards(["FXP003"]))
    assert result.fixed == {"FXP003": MAX_ROUNDS}
    assert result.problem is not None and f"after {MAX_ROUNDS} rounds" in result.problem


def test_unsafe_fixes_only_when_asked(fix_standards: MakeStandards) -> None:
    standards = fix_standards(["FXP003", "STY011"])
    raw = b"try:\n    run()\nexcept:\n    pass\n"
    assert not fix(raw, standards, safety=FixSafety.SAFE).changed
    unsafe = fix(raw, standards, safety=FixSafety.UNSAFE)
    assert unsafe.content == b"try:\n    run()\nexcept Exception:\n    pass\n"


def test_an_undecodable_file_is_reported(fix_standards: MakeStandards) -> None:
    result = fix(b"colour = '\xff'\n", fix_standards(["FXP002"]))
    assert not result.changed
    assert result.problem is not None and result.problem.startswith("cannot decode the file")


def test_write_fixes_writes_only_over_what_was_read(
    fix_standards: MakeStandards, tmp_path: Path
) -> None:
    standards = fix_standards(["FXP002"])
    target = tmp_path / "mod.py"
    target.write_bytes(b"colour = 1\n")
    fixed = fix(b"colour = 1\n", standards)
    written = write_fixes(fixed, b"colour = 1\n")
    assert written is fixed
    assert target.read_bytes() == b"color = 1\n"

    target.write_bytes(b"colour = 1\n")
    # The file changed between the check and the write: the fixes were made
    # for other content, and the file is left alone.
    stale = write_fixes(fixed, b"colour = 0\n")
    assert not stale.changed
    assert stale.problem is not None and "changed on disk" in stale.problem
    assert target.read_bytes() == b"colour = 1\n"
    assert sorted(path.name for path in tmp_path.iterdir() if path.is_file()) == [
        "mod.py",
        "standards.toml",
    ]


def test_write_fixes_reports_a_file_that_cannot_be_written(
    fix_standards: MakeStandards, tmp_path: Path
) -> None:
    fixed = fix(b"colour = 1\n", fix_standards(["FXP002"]))
    # mod.py was never written: there is nothing to replace.
    unwritten = write_fixes(fixed, b"colour = 1\n")
    assert not unwritten.changed
    assert unwritten.problem is not None and unwritten.problem.startswith("cannot write")
    assert not (tmp_path / "mod.py").exists()


def test_files_to_fix_and_counts(fix_standards: MakeStandards) -> None:
    standards = fix_standards(["FXP002", "STY011"])
    first = fix(b"colour = colour\n", standards)
    second = fix(b"try:\n    colour()\nexcept:\n    pass\n", standards)
    unchanged = fix(b"x = 1\n", standards)
    assert fixed_counts([first, second, unchanged]) == {"FXP002": 3, "STY011": 1}
    report = check_source(b"try:\n    x()\nexcept:\n    pass\n", "b.py", standards)
    assert files_to_fix(report.violations, FixSafety.SAFE) == []
    assert files_to_fix(report.violations, FixSafety.UNSAFE) == ["b.py"]


@pytest.mark.parametrize("safety", [FixSafety.SAFE, FixSafety.UNSAFE])
def test_a_fixed_file_has_nothing_more_to_fix(
    fix_standards: MakeStandards, safety: FixSafety
) -> None:
    standards = fix_standards(["FXP002", "FXP004", "STY011"])
    once = fix(b"import unused\ntry:\n    colour()\nexcept:\n    pass\n", standards, safety=safety)
    assert once.content is not None
    assert not fix(once.content, standards, safety=safety).changed

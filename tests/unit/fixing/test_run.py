"""Fixing the files of a report: what is written, what a preview shows, what is summarised."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from standards_lint.api import check
from standards_lint.config import Standards
from standards_lint.fixing.run import fix_report, unsafe_fixes_left
from standards_lint.model import FixSafety

MakeStandards = Callable[[Sequence[str]], Standards]

FILES = {
    "one.py": b"colour = 1\n",
    "two.py": b"colour = 2\r\nprint(colour)\r\n",
    "clean.py": b"color = 3\n",
    "bare.py": b"try:\n    run()\nexcept:\n    pass\n",
}


def project(root: Path) -> None:
    for name, content in FILES.items():
        (root / name).write_bytes(content)


def test_a_preview_writes_nothing_and_diffs_every_changed_file(
    fix_standards: MakeStandards, tmp_path: Path
) -> None:
    standards = fix_standards(["FXP002", "STY011"])
    project(tmp_path)
    report = check([tmp_path], standards, use_cache=False, cwd=tmp_path)
    outcome = fix_report(report, standards, cwd=tmp_path, safety=FixSafety.SAFE, write=False)
    assert [result.display for result in outcome.changed] == ["one.py", "two.py"]
    assert all((tmp_path / name).read_bytes() == content for name, content in FILES.items())
    diff = outcome.diff()
    assert diff.count(b"\n--- a/") + diff.startswith(b"--- a/") == 2
    assert b"+color = 2\r\n" in diff and b"+print(color)\r\n" in diff
    assert outcome.summary() == "3 violations in 2 files (FXP002 3)"
    assert outcome.problems == []
    assert unsafe_fixes_left(report) == 1


def test_fixing_writes_the_files_and_summarises_by_rule(
    fix_standards: MakeStandards, tmp_path: Path
) -> None:
    standards = fix_standards(["FXP002", "STY011"])
    project(tmp_path)
    report = check([tmp_path], standards, use_cache=False, cwd=tmp_path)
    outcome = fix_report(report, standards, cwd=tmp_path, safety=FixSafety.UNSAFE, write=True)
    assert outcome.summary() == "4 violations in 3 files (FXP002 3, STY011 1)"
    assert (tmp_path / "two.py").read_bytes() == b"color = 2\r\nprint(color)\r\n"
    assert (tmp_path / "bare.py").read_bytes() == b"try:\n    run()\nexcept Exception:\n    pass\n"
    again = check([tmp_path], standards, use_cache=False, cwd=tmp_path)
    assert again.violations == ()
    assert unsafe_fixes_left(again) == 0


def test_one_violation_in_one_file_is_singular(
    fix_standards: MakeStandards, tmp_path: Path
) -> None:
    standards = fix_standards(["FXP002"])
    (tmp_path / "one.py").write_bytes(b"colour = 1\n")
    report = check([tmp_path], standards, use_cache=False, cwd=tmp_path)
    outcome = fix_report(report, standards, cwd=tmp_path, safety=FixSafety.SAFE, write=False)
    assert outcome.summary() == "1 violation in 1 file (FXP002 1)"


def test_files_that_cannot_be_fixed_are_named(fix_standards: MakeStandards, tmp_path: Path) -> None:
    standards = fix_standards(["FXP001", "FXP002"])
    (tmp_path / "broken.py").write_bytes(b"BREAK_ME = 1\n")
    (tmp_path / "gone.py").write_bytes(b"colour = 1\n")
    (tmp_path / "fine.py").write_bytes(b"colour = 1\n")
    report = check([tmp_path], standards, use_cache=False, cwd=tmp_path)
    (tmp_path / "gone.py").unlink()
    outcome = fix_report(report, standards, cwd=tmp_path, safety=FixSafety.SAFE, write=True)
    problems = outcome.problems
    assert len(problems) == 2
    assert problems[0].startswith("gone.py: ")
    assert problems[1].startswith("broken.py: the fixes of FXP001 would leave code that")
    assert (tmp_path / "broken.py").read_bytes() == b"BREAK_ME = 1\n"
    assert (tmp_path / "fine.py").read_bytes() == b"color = 1\n"
    assert [result.display for result in outcome.changed] == ["fine.py"]

"""`check --fix` removes suppressions that suppress nothing, and the reports show the fix."""

from __future__ import annotations

import json
from pathlib import Path

from .harness import Invoke

STANDARDS = 'select = ["line-too-long", "tool"]\n\n[style]\nmax-line-length = 60\n'
LONG = 'WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]'


def write_project(root: Path, source: bytes) -> Path:
    (root / "standards.toml").write_text(STANDARDS, encoding="utf-8")
    module = root / "module.py"
    module.write_bytes(source)
    return module


def test_fix_removes_the_unused_suppressions_and_keeps_the_used_one(
    cli: Invoke, tmp_path: Path
) -> None:
    source = (
        f"{LONG}  # standards-lint: ignore[STY001] a table\r\n"
        "# standards-lint: ignore[STY001]\r\n"
        "x = 1  # standards-lint: ignore[STY001] stale\r\n"
    )
    module = write_project(tmp_path, source.encode())
    before = cli("check", "--no-cache", cwd=tmp_path)
    assert before.exit_code == 0, before.stdout
    assert "module.py:2:1: SL003 [*] [unused-suppression]" in before.stdout
    assert "Fixable: 2 with `standards-lint check --fix` (marked [*])." in before.lines

    fixed = cli("check", "--no-cache", "--fix", cwd=tmp_path)
    assert fixed.exit_code == 0, fixed.stderr
    assert (
        module.read_bytes()
        == f"{LONG}  # standards-lint: ignore[STY001] a table\r\nx = 1\r\n".encode()
    )
    assert "SL003" not in fixed.stdout
    assert "Fixable" not in fixed.stdout


def test_the_json_report_carries_the_fix(cli: Invoke, tmp_path: Path) -> None:
    source = "x = 1  # standards-lint: ignore[STY001] stale\n"
    write_project(tmp_path, source.encode())
    result = cli("check", "--no-cache", "--format", "json", cwd=tmp_path)
    [violation] = json.loads(result.stdout)["violations"]
    assert violation["rule"] == "SL003"
    fix = violation["fix"]
    assert (fix["description"], fix["safety"]) == ("Remove the unused suppression", "safe")
    [edit] = fix["edits"]
    assert edit["replacement"] == ""
    assert source[: edit["start"]] + source[edit["end"] :] == "x = 1\n"


def test_a_byte_order_mark_is_kept_and_not_counted(cli: Invoke, tmp_path: Path) -> None:
    source = "é = 1  # standards-lint: ignore[STY001]\ny = 2\n"
    module = write_project(tmp_path, source.encode("utf-8-sig"))
    result = cli("check", "--no-cache", "--fix", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert module.read_bytes() == "é = 1\ny = 2\n".encode("utf-8-sig")

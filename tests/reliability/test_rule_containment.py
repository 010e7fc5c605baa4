"""A rule that raises anything at all (SystemExit too) cannot change the 0/1/2 contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from functional.harness import Invoke, run_process

PLUGIN = '''
from __future__ import annotations

import os

import libcst as cst

from standards_lint import Invalid, Rule, RulePack, Valid


class Misbehaves(Rule[object]):
    code = "BAD001"
    name = "misbehaves"
    area = "style"
    summary = "Raises on a call to trigger()."
    rationale = "Used to check that the engine contains whatever a rule raises."
    valid = (Valid("x = 1\\n"),)
    invalid = (Invalid("trigger()\\n", line=1),)

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == "trigger":
            {raise_it}
        self.report(node, "a call")


PACK = RulePack(name="misbehaving", rules=[Misbehaves])
'''
MANY_FILES = 24  # above the number of files for which worker processes start


def make_project(root: Path, raise_it: str) -> Path:
    root.mkdir()
    (root / "lint").mkdir()
    (root / "lint" / "misbehaving.py").write_text(
        PLUGIN.replace("{raise_it}", raise_it), encoding="utf-8"
    )
    (root / "standards.toml").write_text(
        'select = ["BAD001"]\nplugins = ["lint/misbehaving.py"]\nexclude = ["lint/"]\n',
        encoding="utf-8",
    )
    (root / "src").mkdir()
    (root / "src" / "a_trigger.py").write_text("trigger()\nok()\n", encoding="utf-8")
    for index in range(MANY_FILES):
        (root / "src" / f"m{index:02}.py").write_text("ok()\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    "raise_it",
    ["raise SystemExit(5)", "raise KeyboardInterrupt", "raise GeneratorExit", "raise ValueError"],
)
def test_whatever_a_rule_raises_is_sl002_and_exit_2(
    tmp_path: Path, raise_it: str, jobs: str
) -> None:
    if raise_it == "raise KeyboardInterrupt" and jobs == "1":
        pytest.skip("in one process an interrupt is the user's: the run ends (exit 2)")
    root = make_project(tmp_path / "project", raise_it)
    result = run_process(
        ["standards-lint", "check", "--no-cache", "--format", "json", "-j", jobs], root
    )
    assert result.exit_code == 2, result.stderr
    document = json.loads(result.stdout)
    [failure] = [v for v in document["violations"] if v["rule"] == "SL002"]
    assert failure["path"] == "src/a_trigger.py"
    assert "BAD001 (misbehaves)" in failure["message"] or "the analysis" in failure["message"]
    # The other files were still checked, by the same rule.
    reported = [v for v in document["violations"] if v["rule"] == "BAD001"]
    assert len(reported) >= MANY_FILES


def test_an_interrupt_raised_in_one_process_ends_the_run_with_exit_2(
    cli: Invoke, tmp_path: Path
) -> None:
    root = make_project(tmp_path / "project", "raise KeyboardInterrupt")
    result = run_process(["standards-lint", "check", "--no-cache", "-j", "1"], root)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_a_worker_that_exits_the_process_is_a_clear_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", "os._exit(7)")
    result = run_process(["standards-lint", "check", "--no-cache", "-j", "2"], root)
    assert result.exit_code == 2
    assert "a worker process died while analysing files" in result.stderr
    assert "Traceback" not in result.stderr

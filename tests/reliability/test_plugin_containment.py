"""Plugin code that raises anything at all while it loads, and the user's Ctrl-C.

The contract: whatever a plugin raises at import or at entry-point load
(``SystemExit``, ``KeyboardInterrupt`` or any other ``BaseException``) is a
problem of the standards, naming the plugin: ``check`` exits 2 and lists it
with the file's other problems, and ``rules`` still lists the rules that did
load. A SIGINT that really arrives while a plugin loads is the user's: the run
ends with ``standards-lint: interrupted`` and exit code 2, never 1 (which
means "violations found") and never a traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from functional.harness import (
    BIN,
    Invoke,
    Run,
    as_from_a_terminal,
    assert_no_traceback,
    run_process,
    without_positions,
)

from standards_lint import registry as registry_module

HEADER = "standards-lint: the standards file has problems:"

# (the plugin's source, how its failure is described)
RUDE_PLUGINS = [
    pytest.param("import sys\nsys.exit(0)\n", "SystemExit: 0", id="sys-exit-0-is-no-success"),
    pytest.param("import sys\nsys.exit(3)\n", "SystemExit: 3", id="sys-exit-3"),
    pytest.param("raise SystemExit('bye')\n", "SystemExit: bye", id="system-exit-message"),
    pytest.param("raise KeyboardInterrupt\n", "KeyboardInterrupt", id="keyboard-interrupt"),
    pytest.param(
        "class Halt(BaseException):\n    pass\n\nraise Halt('halted')\n",
        "Halt: halted",
        id="own-base-exception",
    ),
    pytest.param("raise GeneratorExit\n", "GeneratorExit", id="generator-exit"),
]


def write_project(root: Path, plugin_source: str, standards: str = "") -> Path:
    """A project whose standards name ``lint/rude.py``, a plugin with ``plugin_source``."""
    (root / "lint").mkdir(parents=True)
    (root / "lint" / "rude.py").write_text(plugin_source, encoding="utf-8")
    (root / "code.py").write_text("VALUE = 1\n", encoding="utf-8")
    (root / "standards.toml").write_text(
        'plugins = ["lint/rude.py"]\nexclude = ["lint/"]\n' + standards, encoding="utf-8"
    )
    return root


def problem_lines(result: Run) -> list[str]:
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert_no_traceback(result)
    lines = [without_positions(line) for line in result.stderr.splitlines()]
    assert lines[0] == HEADER, result.stderr
    return lines[1:]


@pytest.mark.parametrize(("source", "described"), RUDE_PLUGINS)
def test_check_reports_the_plugin_with_every_other_problem(
    source: str, described: str, cli: Invoke, tmp_path: Path
) -> None:
    root = write_project(tmp_path / "project", source, "selct = []\n")
    assert problem_lines(cli("check", cwd=root)) == [
        f"  plugin 'lint/rude.py' failed to load: {described}",
        f"  {root / 'standards.toml'}: unknown key 'selct'; did you mean 'select'?",
    ]


@pytest.mark.parametrize(("source", "described"), RUDE_PLUGINS)
def test_rules_lists_the_rules_that_loaded(
    source: str, described: str, cli: Invoke, tmp_path: Path
) -> None:
    root = write_project(tmp_path / "project", source)
    result = cli("rules", cwd=root)
    assert result.exit_code == 0, result.stderr
    assert_no_traceback(result)
    assert any(line.startswith("STY001  line-too-long") for line in result.lines)
    assert result.stderr == (
        f"standards-lint: warning: the standards file {root / 'standards.toml'} has problems;"
        " `standards-lint check` lists them\n"
    )


class FakeEntryPoint:
    """An installed pack whose loading raises ``error``."""

    def __init__(self, error: BaseException) -> None:
        self.name = "rude"
        self.value = "rude_pack:PACK"
        self._error = error

    def load(self) -> object:
        raise self._error


@pytest.mark.parametrize(
    ("error", "described"),
    [
        (SystemExit(3), "SystemExit: 3"),
        (KeyboardInterrupt(), "KeyboardInterrupt"),
        (BaseException("odd"), "BaseException: odd"),
    ],
    ids=["system-exit", "keyboard-interrupt", "base-exception"],
)
def test_an_entry_point_that_raises_at_load(
    error: BaseException,
    described: str,
    cli: Invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = registry_module.entry_points
    monkeypatch.setattr(
        registry_module,
        "entry_points",
        lambda *, group: [*real(group=group), FakeEntryPoint(error)],
    )
    (tmp_path / "code.py").write_text("VALUE = 1\n", encoding="utf-8")
    (tmp_path / "standards.toml").write_text('select = ["line-too-long"]\n', encoding="utf-8")
    assert problem_lines(cli("check", cwd=tmp_path)) == [
        f"  entry point 'rude' (rude_pack:PACK) failed to load: {described}"
    ]


# Real processes: what the console script does --------------------------------------


def test_the_console_script_contains_a_plugins_exit(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", "import sys\nsys.exit(0)\n")
    result = run_process([str(BIN / "standards-lint"), "check"], cwd=root)
    assert result.exit_code == 2, result.stderr
    assert "plugin 'lint/rude.py' failed to load: SystemExit: 0" in result.stderr
    assert_no_traceback(result)


def test_a_sigint_while_a_plugin_loads_interrupts_the_run(tmp_path: Path) -> None:
    # The signal is real (not a raised KeyboardInterrupt): it is the user's.
    root = write_project(
        tmp_path / "project", "import signal\nsignal.raise_signal(signal.SIGINT)\n"
    )
    result = run_process([str(BIN / "standards-lint"), "check"], cwd=root, interruptible=True)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.strip() == "standards-lint: interrupted"
    assert result.stdout == ""


def test_ctrl_c_pressed_while_a_plugin_loads(tmp_path: Path) -> None:
    marker = tmp_path / "loading"
    root = write_project(
        tmp_path / "project",
        f"import pathlib, time\npathlib.Path({str(marker)!r}).touch()\ntime.sleep(30)\n",
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "CI": "1"}
    env.pop("STANDARDS_LINT_DEBUG", None)
    process = subprocess.Popen(
        [str(BIN / "standards-lint"), "check"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_from_a_terminal,
    )
    try:
        deadline = time.monotonic() + 30
        while not marker.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the plugin never started loading"
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 2, stderr
    assert stderr.strip() == "standards-lint: interrupted"
    assert "Traceback" not in stderr
    assert stdout == ""

"""Helpers for driving ``standards-lint`` over the sample projects in ``tests/assets``."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
#: Files stored under this prefix in an asset are copied as dot-files (a real
#: ``.gitignore`` in the repository would hide the asset's own files from git).
DOT_PREFIX = "dot-"
#: What a copy leaves out: caches left by earlier runs in the source tree.
IGNORED_IN_COPIES = shutil.ignore_patterns(
    "__pycache__", ".standards-lint-cache", ".pytest_cache", "*.egg-info", "report.json"
)


@dataclass(frozen=True)
class Run:
    """What one run of the command produced."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        """Standard output, line by line."""
        return self.stdout.splitlines()


#: ``cli(*args, cwd=path)``: run the command in process (the ``cli`` fixture).
Invoke = Callable[..., Run]
#: ``project(name)``: a private copy of a sample project (the ``project`` fixture).
MakeProject = Callable[[str], Path]


def copy_asset(name: str, destination: Path, *, assets: Path = ASSETS) -> Path:
    """Copy the sample project ``name`` into ``destination``; return the copy's root."""
    source = assets / name
    if not source.is_dir():
        raise LookupError(f"no sample project {name!r} in {assets}")
    target = destination / name
    shutil.copytree(source, target, ignore=IGNORED_IN_COPIES)
    for path in sorted(target.rglob(f"{DOT_PREFIX}*")):
        path.rename(path.with_name("." + path.name.removeprefix(DOT_PREFIX)))
    return target


def run_process(
    command: Sequence[str],
    cwd: Path,
    *,
    extra_env: Mapping[str, str] | None = None,
    timeout: float = 60,
    interruptible: bool = False,
) -> Run:
    """Run a real process with this environment's tools first on PATH.

    ``interruptible`` gives it Ctrl-C as a terminal would (see :func:`as_from_a_terminal`).
    """
    env = {key: value for key, value in os.environ.items() if key != "STANDARDS_LINT_DEBUG"}
    env.update(extra_env or {})
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["CI"] = "1"  # no progress line on a terminal
    completed = subprocess.run(
        list(command),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=as_from_a_terminal if interruptible else None,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def as_from_a_terminal() -> None:
    """Let SIGINT interrupt the process, as it does a command typed at a terminal.

    A suite started in the background (``make test &``, some CI runners)
    ignores SIGINT, and processes inherit that: the tests of Ctrl-C would
    then test nothing.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def assert_lines(actual: Sequence[str], expected: Sequence[str | re.Pattern[str]]) -> None:
    """Compare output lines exactly; an expected ``re.Pattern`` must fully match its line."""
    shown = "\n".join(actual)
    assert len(actual) == len(expected), f"expected {len(expected)} lines, got:\n{shown}"
    for number, (line, wanted) in enumerate(zip(actual, expected, strict=True), start=1):
        if isinstance(wanted, re.Pattern):
            assert wanted.fullmatch(line), (
                f"line {number} does not match {wanted.pattern!r}:\n{shown}"
            )
        else:
            assert line == wanted, f"line {number} is not {wanted!r}:\n{shown}"


def assert_no_traceback(run: Run) -> None:
    """Neither stream shows a Python traceback or the internal-error apology."""
    for stream in (run.stdout, run.stderr):
        assert "Traceback" not in stream
        assert "internal error" not in stream


_PROBLEM_POSITION = re.compile(r"^(\s*)(.+?\.toml):\d+:\d+: ")


def without_positions(line: str) -> str:
    """A standards-file problem as ``file: message``: its line and column dropped.

    Tests about what a problem says compare this; the positions themselves
    are tested where they are the point.
    """
    return _PROBLEM_POSITION.sub(r"\1\2: ", line)

"""Fixtures: a private copy of a sample project, and the command run in process.

Every test works on a copy of its sample project in a temporary directory, so
caches and reports never land in the repository, and a test may edit its copy.
Most runs go through click's ``CliRunner`` (in process, fast); a few go through
the real console script to check what only a real process shows.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner

from standards_lint.cli import main

from .harness import Invoke, MakeProject, Run, copy_asset


@pytest.fixture
def project(tmp_path: Path) -> MakeProject:
    """A function that copies a sample project into this test's temporary directory."""
    return lambda name: copy_asset(name, tmp_path)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run ``standards-lint ARGS`` in process, from ``cwd``.

    An exception that escapes the command (rather than a deliberate exit) fails
    the test with its traceback: users must never see one.
    """
    monkeypatch.delenv("STANDARDS_LINT_DEBUG", raising=False)

    def invoke(*args: str, cwd: Path) -> Run:
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(main, list(args), catch_exceptions=True)
        error = result.exception
        if error is not None and not isinstance(error, SystemExit):
            shown = "".join(traceback.format_exception(error))
            pytest.fail(f"standards-lint {' '.join(args)} raised:\n{shown}")
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke

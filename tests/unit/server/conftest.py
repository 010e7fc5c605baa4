"""The language server's sample project (tests/assets/server), copied for each test.

Its standards select a few per-file rules; its local plugin ``trail_rules.py``
adds a text rule with a safe fix, so that "fix all" has something to apply.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "assets" / "server"


@pytest.fixture
def server_project(tmp_path: Path) -> Path:
    """A copy of the sample project in this test's temporary directory."""
    root = tmp_path / "project"
    shutil.copytree(SAMPLE, root)
    return root

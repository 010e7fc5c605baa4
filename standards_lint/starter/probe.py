"""Run ``check`` over a directory with standards given as TOML text, not yet written there."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from standards_lint.api import check
from standards_lint.config import Standards, load_standards
from standards_lint.model import Report

STANDARDS_NAME = "standards.toml"


def standards_for(target: Path, text: str) -> Standards:
    """The standards that ``text`` would be as ``target``'s standards file.

    The text is read from a temporary directory, so that nothing is written
    into ``target`` before the user has seen the result; the root is then
    moved to ``target``, where its patterns apply. Raises
    :class:`~standards_lint.config.ConfigError` for invalid text.
    """
    root = target.resolve()
    with tempfile.TemporaryDirectory(prefix="standards-lint-init-") as scratch:
        path = Path(scratch) / STANDARDS_NAME
        path.write_text(text, encoding="utf-8")
        standards = load_standards(path)
    return dataclasses.replace(standards, root=root, path=root / STANDARDS_NAME)


def check_with(target: Path, text: str) -> Report:
    """Check every file under ``target`` with the standards ``text``, with no cache."""
    standards = standards_for(target, text)
    return check([standards.root], standards, use_cache=False, cwd=standards.root)

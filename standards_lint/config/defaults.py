"""Defaults that several parts of the configuration share."""

from __future__ import annotations

from typing import Final

#: Never checked, and never searched for standards files: tools' and
#: packaging's own directories hold no code of the project.
DEFAULT_EXCLUDE: Final = (
    ".git/",
    ".hg/",
    ".venv/",
    "venv/",
    ".tox/",
    ".nox/",
    ".eggs/",
    "*.egg-info/",
    "__pycache__/",
    "build/",
    "dist/",
    "node_modules/",
    # Tools' caches: mypy's, pytest's, ruff's, import-linter's...
    ".*_cache/",
    ".standards-lint-cache/",
)

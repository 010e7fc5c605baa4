"""The installed version of standards-lint."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def tool_version() -> str:
    """The version of the installed distribution (``0+unknown`` when run from a bare tree)."""
    try:
        return version("standards-lint")
    except PackageNotFoundError:
        return "0+unknown"

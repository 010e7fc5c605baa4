"""The installed version of standards-lint."""

from __future__ import annotations

import functools
from importlib.metadata import PackageNotFoundError, version


@functools.cache
def tool_version() -> str:
    """The version of the installed distribution (``0+unknown`` when run from a bare tree).

    Looked up once per process: finding it reads the installed distributions.
    """
    try:
        return version("standards-lint")
    except PackageNotFoundError:
        return "0+unknown"

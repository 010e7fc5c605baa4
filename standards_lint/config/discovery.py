"""Find the standards file: the nearest one above the starting directory."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Any, Final

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

from standards_lint.config.errors import ConfigError

STANDARDS_FILES: Final = ("standards.toml", ".standards.toml")
PYPROJECT: Final = "pyproject.toml"
PYPROJECT_TABLE: Final = ("tool", "standards-lint")
#: How alike a ``[tool.*]`` table's name must be to ``standards-lint`` to be taken
#: for a misspelling of it: ``standards_lint`` and ``standardslint`` are, while
#: ``standards`` and the names of other tools (``pylint``, ``importlinter``) are not.
MISSPELT_TABLE_CUTOFF: Final = 0.8


def find_standards_file(start: Path) -> Path | None:
    """The nearest standards file in ``start`` or a parent of it.

    In each directory, ``standards.toml`` comes first, then ``.standards.toml``,
    then a ``pyproject.toml`` that has a ``[tool.standards-lint]`` table. A
    ``pyproject.toml`` whose ``[tool.*]`` table is a misspelling of it (such as
    ``[tool.standards_lint]``) is found too: it is the file its author meant,
    and reading it reports the misspelling instead of running the defaults.
    """
    for directory in (start, *start.parents):
        found = standards_file_in(directory)
        if found is not None:
            return found
    return None


def standards_file_in(directory: Path) -> Path | None:
    """The standards file of ``directory`` itself, in the order :func:`find_standards_file` says."""
    for name in STANDARDS_FILES:
        candidate = directory / name
        if candidate.is_file():
            return candidate
    pyproject = directory / PYPROJECT
    if pyproject.is_file() and _has_tool_table(pyproject):
        return pyproject
    return None


def read_standards_table(path: Path) -> dict[str, Any]:
    """The standards table of ``path``; raise :class:`ConfigError` naming file and line."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError([f"{path}: cannot read the standards file: {error.strerror}"]) from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError([f"{path}: not UTF-8 text: {error}"]) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([f"{path}: invalid TOML: {error}"]) from None
    if path.name != PYPROJECT:
        return dict(document)
    table: Any = document
    for key in PYPROJECT_TABLE:
        table = table.get(key, {}) if isinstance(table, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError([f"{path}: [tool.standards-lint] must be a table"])
    # Settings under a misspelt name would otherwise be passed over in silence.
    misspelt = misspelt_tool_table(document)
    if misspelt is not None:
        raise ConfigError(
            [f"{path}: unknown table [tool.{misspelt}]; did you mean [tool.standards-lint]?"]
        )
    return table


def misspelt_tool_table(document: dict[str, Any]) -> str | None:
    """The name of a ``[tool.*]`` table in ``document`` that looks like ``standards-lint``."""
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        return None
    by_lower = {name.lower(): name for name in tool if name != PYPROJECT_TABLE[1]}
    close = difflib.get_close_matches(
        PYPROJECT_TABLE[1], list(by_lower), n=1, cutoff=MISSPELT_TABLE_CUTOFF
    )
    return by_lower[close[0]] if close else None


def _has_tool_table(pyproject: Path) -> bool:
    """Whether ``pyproject`` has the standards table, or a misspelling of it."""
    try:
        document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml is only an error if it is the standards
        # file; searching goes on past it.
        return b"[tool.standards-lint" in pyproject.read_bytes()
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        return False
    return PYPROJECT_TABLE[1] in tool or misspelt_tool_table(document) is not None

"""Reporters turn a :class:`~standards_lint.model.Report` into text in one format.

Every format is a :class:`Renderer`: ``render(report, context) -> str``, where
the :class:`RenderContext` carries the rule metadata and the facts of the run
(see :mod:`.context`). The built-in formats are in :data:`RENDERERS`; other
packages add formats under the ``standards_lint.reporters`` entry-point
group, each entry point naming a renderer::

    [project.entry-points."standards_lint.reporters"]
    checkstyle = "my_formats:render_checkstyle"
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from importlib.metadata import entry_points
from typing import Final

from standards_lint.model import Report
from standards_lint.reporters.context import (
    FigureLimit,
    RenderContext,
    Renderer,
    RuleDoc,
    build_context,
)
from standards_lint.reporters.json_report import render_json
from standards_lint.reporters.text import render_text

ENTRY_POINT_GROUP: Final = "standards_lint.reporters"


class ReporterError(Exception):
    """A format could not be found, loaded or run; the message names it and why."""


def _text(report: Report, context: RenderContext) -> str:
    return render_text(report, color=context.color, statistics=context.statistics)


def _json(report: Report, context: RenderContext) -> str:
    return render_json(report, statistics=context.statistics)


class _BuiltInRenderers(Mapping[str, Renderer]):
    """The built-in formats, each module imported when its format is first used."""

    _MODULES: Final = {
        "sarif": ("standards_lint.reporters.sarif", "render_sarif"),
        "github": ("standards_lint.reporters.github", "render_github"),
        "gitlab": ("standards_lint.reporters.gitlab", "render_gitlab"),
        "junit": ("standards_lint.reporters.junit", "render_junit"),
        "markdown": ("standards_lint.reporters.markdown", "render_markdown"),
        "html": ("standards_lint.reporters.html", "render_html"),
    }

    def __init__(self) -> None:
        self._names = ("text", "json", *self._MODULES)
        self._loaded: dict[str, Renderer] = {"text": _text, "json": _json}

    def __getitem__(self, name: str) -> Renderer:
        found = self._loaded.get(name)
        if found is None:
            module, function = self._MODULES[name]  # KeyError for an unknown format
            found = getattr(importlib.import_module(module), function)
            self._loaded[name] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


#: The built-in formats, by the name ``--format`` and ``--output-format`` take.
RENDERERS: Final[Mapping[str, Renderer]] = _BuiltInRenderers()


def plugin_format_names() -> list[str]:
    """The formats installed packages register, sorted (built-in names shadow them)."""
    names = {entry.name for entry in entry_points(group=ENTRY_POINT_GROUP)}
    return sorted(names - set(RENDERERS))


def find_renderer(name: str) -> Renderer:
    """The renderer of format ``name``: a built-in one, else an installed plugin's.

    Raises :class:`ReporterError` for an unknown name (listing the known
    ones) and for a plugin whose entry point fails to load or is not callable.
    """
    built_in = RENDERERS.get(name)
    if built_in is not None:
        return built_in
    found = [entry for entry in entry_points(group=ENTRY_POINT_GROUP) if entry.name == name]
    if not found:
        known = ", ".join([*RENDERERS, *plugin_format_names()])
        raise ReporterError(f"unknown format {name!r}; expected one of {known}")
    entry = found[0]
    try:
        loaded = entry.load()
    # A plugin's import runs its code: whatever it raises is a problem of
    # that plugin, reported by name, never a crash of the run.
    except Exception as error:
        raise ReporterError(
            f"format {name!r} ({entry.value}) failed to load: {type(error).__name__}: {error}"
        ) from error
    if not callable(loaded):
        raise ReporterError(f"format {name!r} ({entry.value}) is not a function")
    renderer: Renderer = loaded
    return renderer


def render(name: str, renderer: Renderer, report: Report, context: RenderContext) -> str:
    """Run ``renderer``; whatever it raises or returns but text becomes a :class:`ReporterError`."""
    try:
        rendered = renderer(report, context)
    except Exception as error:
        raise ReporterError(f"format {name!r} failed: {type(error).__name__}: {error}") from error
    if not isinstance(rendered, str):
        raise ReporterError(f"format {name!r} returned {type(rendered).__name__}, not text")
    return rendered


__all__ = [
    "ENTRY_POINT_GROUP",
    "RENDERERS",
    "FigureLimit",
    "RenderContext",
    "Renderer",
    "ReporterError",
    "RuleDoc",
    "build_context",
    "find_renderer",
    "plugin_format_names",
    "render",
]

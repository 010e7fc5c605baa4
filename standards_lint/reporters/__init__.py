"""Reporters turn a :class:`~standards_lint.model.Report` into text in one format."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Protocol

from standards_lint.model import Report
from standards_lint.reporters.json_report import render_json
from standards_lint.reporters.text import render_text


class Renderer(Protocol):
    """Renders a report; ``color`` and ``statistics`` apply where the format has them."""

    def __call__(self, report: Report, *, color: bool = ..., statistics: bool = ...) -> str: ...


RENDERERS: Final[Mapping[str, Renderer]] = {"text": render_text, "json": render_json}

__all__ = ["RENDERERS", "Renderer", "render_json", "render_text"]

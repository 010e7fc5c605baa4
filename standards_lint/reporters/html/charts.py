"""SVG charts that read in print and without colour.

Every bar carries its number as text and a hatch pattern as well as a
shade; lines differ by dash and marker shape and are labelled at their end.
Each mark has ``data-label`` and ``data-value`` attributes, so the figures
can be read back from the page and compared with the JSON report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from standards_lint.reporters.html.markup import text

#: The hatch patterns defined once per page by :func:`pattern_definitions`.
PATTERNS: Final = ("diagonal", "dots", "cross", "vertical", "horizontal", "solid")
_BAR_HEIGHT: Final = 22
_LABEL_WIDTH: Final = 260
_PLOT_WIDTH: Final = 420
_DASHES: Final = ("", "6 3", "2 3", "10 3 2 3", "1 5")
_MARKERS: Final = ("circle", "square", "triangle", "diamond", "cross")


def pattern_definitions() -> str:
    """One hidden SVG holding the patterns the charts fill with."""
    shapes = {
        "diagonal": '<path d="M0 8 L8 0" stroke="#1f3a5f" stroke-width="2"/>',
        "dots": '<circle cx="4" cy="4" r="1.8" fill="#1f3a5f"/>',
        "cross": '<path d="M0 0 L8 8 M8 0 L0 8" stroke="#1f3a5f" stroke-width="1.2"/>',
        "vertical": '<path d="M4 0 L4 8" stroke="#1f3a5f" stroke-width="2"/>',
        "horizontal": '<path d="M0 4 L8 4" stroke="#1f3a5f" stroke-width="2"/>',
        "solid": '<rect width="8" height="8" fill="#1f3a5f"/>',
    }
    patterns = "".join(
        f'<pattern id="pattern-{name}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="#dbe6f3"/>{shape}</pattern>'
        for name, shape in shapes.items()
    )
    return (
        '<svg class="pattern-defs" width="0" height="0" aria-hidden="true">'
        f"<defs>{patterns}</defs></svg>"
    )


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: what it counts and how many."""

    label: str
    value: float
    #: The text shown after the bar (the value, unless given).
    caption: str = ""


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar]) -> str:
    """A horizontal bar chart, longest scale first as given; ``chart_id`` names it in the page."""
    if not bars:
        return f'<p class="empty" data-chart="{text(chart_id)}">Nothing to show: no violations.</p>'
    top = max(bar.value for bar in bars) or 1.0
    height = _BAR_HEIGHT * len(bars) + 10
    rows = []
    for index, bar in enumerate(bars):
        y = 5 + index * _BAR_HEIGHT
        width = max(1.0, bar.value / top * _PLOT_WIDTH)
        pattern = PATTERNS[index % len(PATTERNS)]
        caption = bar.caption or _number(bar.value)
        rows.append(
            f'<g class="bar" data-label="{text(bar.label)}" data-value="{_number(bar.value)}">'
            f"<title>{text(bar.label)}: {text(caption)}</title>"
            f'<text x="{_LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">'
            f"{text(_shorten(bar.label))}</text>"
            f'<rect x="{_LABEL_WIDTH}" y="{y + 2}" width="{width:.1f}" height="{_BAR_HEIGHT - 6}"'
            f' fill="url(#pattern-{pattern})" stroke="#1f3a5f"/>'
            f'<text x="{_LABEL_WIDTH + width + 6:.1f}" y="{y + 15}">{text(caption)}</text></g>'
        )
    total_width = _LABEL_WIDTH + _PLOT_WIDTH + 90
    return (
        f'<svg class="chart" data-chart="{text(chart_id)}" role="img"'
        f' viewBox="0 0 {total_width} {height}" width="{total_width}" height="{height}">'
        f"<title>{text(title)}</title>{''.join(rows)}</svg>"
    )


def threshold_gauge(
    chart_id: str, label: str, value: float, bound: float | None, *, higher_is_better: bool
) -> str:
    """A bar for ``value`` on a scale, with the team's limit drawn and named on it."""
    scale = 100.0 if higher_is_better else max(value, bound or 0.0, 1.0) * 1.25
    width = min(value, scale) / scale * _PLOT_WIDTH
    limit = ""
    if bound is not None:
        x = _LABEL_WIDTH + min(bound, scale) / scale * _PLOT_WIDTH
        word = "at least" if higher_is_better else "at most"
        limit = (
            f'<line class="limit" x1="{x:.1f}" y1="2" x2="{x:.1f}" y2="34" stroke="#000"'
            f' stroke-width="2" stroke-dasharray="4 2"/>'
            f'<text x="{x:.1f}" y="46" text-anchor="middle">limit: {word} {_number(bound)}</text>'
        )
    return (
        f'<svg class="chart gauge" data-chart="{text(chart_id)}" role="img"'
        f' viewBox="0 0 {_LABEL_WIDTH + _PLOT_WIDTH + 90} 50"'
        f' width="{_LABEL_WIDTH + _PLOT_WIDTH + 90}" height="50">'
        f"<title>{text(label)}</title>"
        f'<g class="bar" data-label="{text(label)}" data-value="{_number(value)}">'
        f'<text x="{_LABEL_WIDTH - 6}" y="23" text-anchor="end">{text(label)}</text>'
        f'<rect x="{_LABEL_WIDTH}" y="8" width="{_PLOT_WIDTH}" height="20" fill="#fff"'
        f' stroke="#1f3a5f"/>'
        f'<rect x="{_LABEL_WIDTH}" y="8" width="{width:.1f}" height="20"'
        f' fill="url(#pattern-diagonal)" stroke="#1f3a5f"/>'
        f'<text x="{_LABEL_WIDTH + _PLOT_WIDTH + 6}" y="23">{_number(value)}</text></g>'
        f"{limit}</svg>"
    )


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a trend chart."""

    label: str
    values: tuple[float, ...]


def line_chart(chart_id: str, title: str, x_labels: Sequence[str], series: Sequence[Series]) -> str:
    """A line chart over runs; each line has its own dash and marker and is named at its end."""
    width, height, left, right, top, bottom = 760, 260, 50, 150, 12, 40
    plot_width, plot_height = width - left - right, height - top - bottom
    peak = max((max(line.values, default=0) for line in series), default=0) or 1
    step = plot_width / max(1, len(x_labels) - 1)

    def point(index: int, value: float) -> tuple[float, float]:
        return left + index * step, top + plot_height - value / peak * plot_height

    parts = [
        f'<line x1="{left}" y1="{top + plot_height}" x2="{left + plot_width}"'
        f' y2="{top + plot_height}" stroke="#000"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_height}" stroke="#000"/>',
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end">{_number(peak)}</text>',
        f'<text x="{left - 6}" y="{top + plot_height}" text-anchor="end">0</text>',
    ]
    shown_every = max(1, len(x_labels) // 8)
    for index, label in enumerate(x_labels):
        if index % shown_every == 0 or index == len(x_labels) - 1:
            x, _ = point(index, 0)
            parts.append(
                f'<text class="tick" x="{x:.1f}" y="{top + plot_height + 16}"'
                f' text-anchor="middle">{text(label)}</text>'
            )
    for number, line in enumerate(series):
        points = [point(index, value) for index, value in enumerate(line.values)]
        dash = _DASHES[number % len(_DASHES)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        dash_attribute = f' stroke-dasharray="{dash}"' if dash else ""
        marks = "".join(
            _marker(_MARKERS[number % len(_MARKERS)], x, y)
            + f"<title>{text(line.label)}: {_number(value)}</title>"
            for (x, y), value in zip(points, line.values, strict=True)
        )
        end_x, end_y = points[-1] if points else (left, top + plot_height)
        values = ",".join(_number(value) for value in line.values)
        parts.append(
            f'<g class="series" data-label="{text(line.label)}" data-values="{values}">'
            f'<polyline points="{path}" fill="none" stroke="#1f3a5f"'
            f' stroke-width="2"{dash_attribute}/>'
            f"{marks}"
            f'<text x="{end_x + 8:.1f}" y="{end_y + 4:.1f}">{text(_shorten(line.label, 18))}'
            f" ({_number(line.values[-1]) if line.values else 0})</text></g>"
        )
    return (
        f'<svg class="chart" data-chart="{text(chart_id)}" role="img"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f"<title>{text(title)}</title>{''.join(parts)}</svg>"
    )


def _marker(shape: str, x: float, y: float) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#fff" stroke="#000"/>'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="#000"/>'
    if shape == "triangle":
        outline = f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y + 4:.1f} L{x - 5:.1f} {y + 4:.1f} Z"
        return f'<path d="{outline}" fill="#000"/>'
    if shape == "diamond":
        outline = (
            f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} L{x - 5:.1f} {y:.1f} Z"
        )
        return f'<path d="{outline}" fill="#fff" stroke="#000"/>'
    strokes = (
        f"M{x - 4:.1f} {y - 4:.1f} L{x + 4:.1f} {y + 4:.1f}"
        f" M{x + 4:.1f} {y - 4:.1f} L{x - 4:.1f} {y + 4:.1f}"
    )
    return f'<path d="{strokes}" stroke="#000" stroke-width="2"/>'


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def _shorten(label: str, limit: int = 34) -> str:
    # About 7 pixels a character at the chart's font size: 34 characters fit
    # the label column (a rule's code and name, the tail of a long path).
    return label if len(label) <= limit else "…" + label[-(limit - 1) :]

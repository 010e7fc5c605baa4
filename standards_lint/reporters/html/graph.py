"""The architecture drawn as layers, with the imports that break a contract marked.

The layers come from the standards' layer contracts; the breaking imports
from the architecture rules' findings, whose messages end with the import
chain (``a.b:12 → c.d``). A chain step whose ends are on the drawing
becomes a dashed arrow marked ✗; every breaking import is listed too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from standards_lint.model import Violation
from standards_lint.reporters.html.markup import text

ARCHITECTURE_PREFIX: Final = "ARC"
_CHAIN_STEP: Final = re.compile(r"([A-Za-z_][\w.]*)(?::(\d+))? → (?=([A-Za-z_][\w.]*))")
_BOX_HEIGHT: Final = 30
_ROW_GAP: Final = 34
_WIDTH: Final = 760


@dataclass(frozen=True, slots=True)
class LayerContract:
    """A layers contract: its name and layers, highest first, each a tuple of modules."""

    name: str
    layers: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class ImportStep:
    """One import of a breaking chain: ``importer`` (at ``line``) imports ``imported``."""

    importer: str
    imported: str
    line: int | None
    path: str


def breaking_imports(violations: Sequence[Violation]) -> list[ImportStep]:
    """Every chain step named by an architecture finding, in the findings' order."""
    steps = []
    for violation in violations:
        if not violation.rule.startswith(ARCHITECTURE_PREFIX):
            continue
        for match in _CHAIN_STEP.finditer(violation.message):
            line = int(match.group(2)) if match.group(2) else None
            steps.append(ImportStep(match.group(1), match.group(3), line, violation.path))
    return steps


def architecture_drawing(contracts: Sequence[LayerContract], steps: Sequence[ImportStep]) -> str:
    """An SVG per layers contract, then the list of breaking imports."""
    # Each drawing defines its own arrow head, so its id is numbered: ids are unique on the page.
    drawings = [
        _contract_svg(contract, steps, f"contract-{number}")
        for number, contract in enumerate(contracts, start=1)
    ]
    if steps:
        items = "".join(
            f'<li data-importer="{text(step.importer)}" data-imported="{text(step.imported)}">'
            f"✗ <code>{text(step.importer)}</code> imports <code>{text(step.imported)}</code>"
            f"{f' (line {step.line})' if step.line else ''} in {text(step.path)}</li>"
            for step in steps
        )
        listing = f'<ul class="breaking" id="breaking-imports">{items}</ul>'
    else:
        listing = '<p id="breaking-imports">No import breaks an architecture contract.</p>'
    if not contracts:
        drawings.append("<p>The standards define no layers contract to draw.</p>")
    return "".join(drawings) + listing


def _split(module_spec: str) -> list[str]:
    names = re.split(r"[|:]", module_spec)
    return [name.strip().strip("()") for name in names if name.strip().strip("()")]


def _contract_svg(contract: LayerContract, steps: Sequence[ImportStep], prefix: str) -> str:
    """The drawing of ``contract``; ``prefix`` starts every id it defines."""
    arrow_id = f"{prefix}-arrow-head"
    boxes: dict[str, tuple[float, float, float]] = {}
    parts = []
    for row, layer in enumerate(contract.layers):
        modules = [name for spec in layer for name in _split(spec)]
        y = 10 + row * (_BOX_HEIGHT + _ROW_GAP)
        width = (_WIDTH - 20) / max(1, len(modules))
        for column, module in enumerate(modules):
            x = 10 + column * width
            boxes[module] = (x + width / 2, y, width - 12)
            parts.append(
                f'<g class="module" data-module="{text(module)}">'
                f'<rect x="{x + 6:.1f}" y="{y}" width="{width - 12:.1f}" height="{_BOX_HEIGHT}"'
                f' fill="#eef3f9" stroke="#1f3a5f"/>'
                f'<text x="{x + width / 2:.1f}" y="{y + 19}" text-anchor="middle">'
                f"{text(module)}</text></g>"
            )
    height = 20 + len(contract.layers) * (_BOX_HEIGHT + _ROW_GAP)
    for step in steps:
        start, end = _box_of(boxes, step.importer), _box_of(boxes, step.imported)
        if start is None or end is None or start == end:
            continue
        going_up = end[1] < start[1]
        y1 = start[1] if going_up else start[1] + _BOX_HEIGHT
        y2 = end[1] + _BOX_HEIGHT if going_up else end[1]
        x1, x2 = start[0] + 12, end[0] - 12
        label = f"✗ line {step.line}" if step.line else "✗"
        parts.append(
            f'<g class="breaking-import" data-importer="{text(step.importer)}"'
            f' data-imported="{text(step.imported)}">'
            f'<line x1="{x1:.1f}" y1="{y1}" x2="{x2:.1f}" y2="{y2}" stroke="#b00020"'
            f' stroke-width="3" stroke-dasharray="7 4" marker-end="url(#{arrow_id})"/>'
            f'<text x="{(x1 + x2) / 2 + 6:.1f}" y="{(y1 + y2) / 2:.1f}" class="breaking-label">'
            f"{text(label)}</text></g>"
        )
    arrow = (
        f'<defs><marker id="{arrow_id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"'
        ' markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 Z" fill="#b00020"/>'
        "</marker></defs>"
    )
    return (
        f"<figure><figcaption>Contract “{text(contract.name)}”: each layer may use only the"
        " layers below it.</figcaption>"
        f'<svg class="chart architecture" role="img" viewBox="0 0 {_WIDTH} {height}"'
        f' width="{_WIDTH}" height="{height}"><title>{text(contract.name)}</title>'
        f"{arrow}{''.join(parts)}</svg></figure>"
    )


def _box_of(
    boxes: dict[str, tuple[float, float, float]], module: str
) -> tuple[float, float, float] | None:
    """The box of ``module`` or of the longest drawn package that contains it."""
    best = None
    for name, box in boxes.items():
        if (module == name or module.startswith(name + ".")) and (
            best is None or len(name) > len(best[0])
        ):
            best = (name, box)
    return best[1] if best else None

"""The starter standards file as TOML text, each choice with the comment that explains it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

#: The values a starter file writes.
TomlValue = bool | int | float | str | tuple[str, ...]

#: The tables in the order the file lists them ("" is the top level).
TABLE_ORDER = ("", "style", "complexity", "docstrings")

HEADER = """\
# Engineering standards, calibrated by `standards-lint init` to the code as it
# is today: every limit is set at what today's code meets, and every rule that
# today's code breaks is ignored below with its count (or kept on, with today's
# violations in a baseline), so `standards-lint check` passes from the first
# run. Each tightening from here is a choice: lower a limit, or take a rule out
# of `ignore` and fix what it reports. `standards-lint explain RULE` says what
# a rule checks; `standards-lint rules` lists them all.

# Only this directory's code was measured: standards files above it do not apply.
root = true
"""


@dataclass(frozen=True, slots=True)
class Setting:
    """One key of the file, in ``table`` ("" for the top level), with why it has its value."""

    table: str
    key: str
    value: TomlValue
    comment: str


@dataclass(frozen=True, slots=True)
class IgnoredRule:
    """A rule today's code breaks and that has no limit to loosen, with how often it is broken."""

    name: str
    comment: str


@dataclass(frozen=True, slots=True)
class LayersChoice:
    """A layers contract of the starter file: the package that holds them, and the layers."""

    name: str
    container: str
    layers: tuple[str, ...]
    comment: str


@dataclass(frozen=True, slots=True)
class StarterChoices:
    """Everything the starter file says: settings, ignored rules, and a note on the baseline."""

    settings: Sequence[Setting] = ()
    ignored: Sequence[IgnoredRule] = ()
    contracts: Sequence[LayersChoice] = ()
    #: Said at the top when today's remaining violations are kept in a baseline.
    baseline_note: str | None = None


def toml_value(value: TomlValue) -> str:
    """``value`` written as TOML (JSON's strings are valid TOML basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    return "[" + ", ".join(json.dumps(item) for item in value) + "]"


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}" if line else f"{indent}#" for line in text.splitlines()]


def _ignore_lines(ignored: Sequence[IgnoredRule]) -> list[str]:
    if not ignored:
        return []
    lines = [
        "",
        "# Rules today's code breaks, with no limit to set instead; each count is today's.",
    ]
    lines.append("ignore = [")
    for rule in ignored:
        lines.extend(_comment(rule.comment, "    "))
        lines.append(f"    {json.dumps(rule.name)},")
    lines.append("]")
    return lines


def render_standards(choices: StarterChoices) -> str:
    """The whole standards file for ``choices``."""
    lines = HEADER.splitlines()
    if choices.baseline_note:
        lines[0:0] = [*_comment(choices.baseline_note), ""]
    lines.extend(_ignore_lines(choices.ignored))
    for table in TABLE_ORDER:
        settings = [setting for setting in choices.settings if setting.table == table]
        if not settings:
            continue
        lines.append("")
        if table:
            lines.append(f"[{table}]")
        for setting in settings:
            lines.extend(_comment(setting.comment))
            lines.append(f"{setting.key} = {toml_value(setting.value)}")
    for contract in choices.contracts:
        lines.extend(_contract_lines(contract))
    return "\n".join(lines) + "\n"


def _contract_lines(contract: LayersChoice) -> list[str]:
    return [
        "",
        *_comment(contract.comment),
        "[[architecture.contracts]]",
        f"name = {toml_value(contract.name)}",
        'type = "layers"',
        f"containers = {toml_value((contract.container,))}",
        "layers = [",
        *(f"    {toml_value(layer)}," for layer in contract.layers),
        "]",
    ]

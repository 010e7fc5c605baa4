"""The text of ``standards-lint explain``: why a rule exists, its options, its examples."""

from __future__ import annotations

import dataclasses
import textwrap
from typing import Any

from standards_lint.registry import Registry
from standards_lint.rule import RuleMeta, option_doc, toml_key


def explain_rule(rule: type[RuleMeta], registry: Registry) -> str:
    """A rule's full self-description, ready to print."""
    area = registry.areas[rule.area]
    lines = [
        f"{rule.code} [{rule.name}]",
        "",
        f"Area: {area.name} ({area.title})",
        f"Default severity: {rule.severity.value}"
        + ("" if rule.enabled_by_default else " (not enabled unless selected)"),
        "",
        rule.summary,
        "",
        "Why:",
        *textwrap.wrap(rule.rationale, width=78, initial_indent="  ", subsequent_indent="  "),
    ]
    options = _options(rule, area.options)
    if options:
        lines += ["", f"Options ([{area.name}] in the standards file):", *options]
    for title, examples in (("Reported", rule.invalid), ("Not reported", rule.valid)):
        if not examples:
            continue
        lines += ["", f"{title}:"]
        for example in examples:
            settings = ", ".join(f"{key} = {value!r}" for key, value in example.options.items())
            if settings:
                lines.append(f"  # with {settings}")
            if example.path != "example.py":
                lines.append(f"  # in {example.path}")
            lines += [
                f"  {line}" if line else "" for line in example.code.rstrip("\n").splitlines()
            ]
            lines.append("")
        lines.pop()
    return "\n".join(lines) + "\n"


def _options(rule: type[RuleMeta], options_type: type[Any]) -> list[str]:
    fields = {toml_key(field.name): field for field in dataclasses.fields(options_type)}
    lines = []
    for key in rule.options_used:
        field = fields.get(key)
        if field is None:
            continue
        lines.append(f"  {key} = {_toml_value(field.default)}")
        lines += textwrap.wrap(
            option_doc(field), width=76, initial_indent="      ", subsequent_indent="      "
        )
    return lines


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if hasattr(value, "items"):
        return (
            "{ " + ", ".join(f'"{key}" = {_toml_value(item)}' for key, item in value.items()) + " }"
        )
    if value is None:
        return "(not set)"
    return str(value)

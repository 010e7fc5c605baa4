"""The text of ``standards-lint explain``: why a rule exists, its options, its examples."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from collections.abc import Mapping
from typing import Any

from standards_lint.model import FixSafety
from standards_lint.registry import Registry
from standards_lint.rule import RuleMeta, option_default, option_doc, toml_key


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
    if rule.fix_safety:
        flag = "--fix" if FixSafety.SAFE in rule.fix_safety else "--fix --unsafe-fixes"
        lines += ["", f"Fix ({rule.fix_label()}; `check {flag}`):"]
        lines += textwrap.wrap(
            rule.fix_summary, width=78, initial_indent="  ", subsequent_indent="  "
        )
    for title, examples in (("Reported", rule.invalid), ("Not reported", rule.valid)):
        if not examples:
            continue
        lines += ["", f"{title}:"]
        for example in examples:
            settings = ", ".join(f"{k} = {toml_value(v)}" for k, v in example.options.items())
            if settings:
                lines.append(f"  # with {settings}")
            if example.path != "example.py":
                lines.append(f"  # in {example.path}")
            lines += [
                f"  {line}" if line else "" for line in example.code.rstrip("\n").splitlines()
            ]
            fixed = getattr(example, "fixed", None)
            if fixed is not None:
                lines.append("  # fixed:")
                lines += [f"  {line}" if line else "" for line in fixed.rstrip("\n").splitlines()]
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
        lines.append(f"  {key} = {toml_value(option_default(field))}")
        lines += textwrap.wrap(
            option_doc(field), width=76, initial_indent="      ", subsequent_indent="      "
        )
    return lines


def toml_value(value: Any) -> str:
    """``value`` written as it would be in TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {toml_key(f.name): getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        pairs = ", ".join(f"{_toml_key(str(k))} = {toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }"
    if value is None:
        return "(not set)"
    return str(value)


def _toml_key(key: str) -> str:
    bare = key.replace("-", "").replace("_", "").isalnum()
    return key if bare else json.dumps(key)

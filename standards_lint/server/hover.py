"""What hovering over a diagnostic shows: the rule, why it exists, and what set its threshold."""

from __future__ import annotations

from pathlib import Path

from standards_lint.config import StandardsReading
from standards_lint.explain import toml_value
from standards_lint.model import Violation
from standards_lint.origins import explain_standards
from standards_lint.server.diagnostics import help_uri


def hover_text(violation: Violation, reading: StandardsReading, path: Path) -> str:
    """Markdown about ``violation`` in ``path``: summary, rationale, options with their origin.

    The options are those the rule reads, with the value in force for
    ``path`` (after ``[[overrides]]``) and where it came from, as
    ``standards-lint config PATH`` shows them.
    """
    lines = [f"**{violation.rule}** `{violation.name}` ({violation.severity.value})", ""]
    rule = reading.standards.registry.rules.get(violation.rule)
    if rule is not None:
        lines += [rule.summary, "", rule.rationale, ""]
        settings = explain_standards(reading, path, reading.standards.root).areas.get(rule.area, ())
        used = [setting for setting in settings if setting.key in rule.options_used]
        if used:
            lines.append("Options:")
            lines += [
                f"- `{item.key} = {toml_value(item.value)}` (from {item.origin.describe()})"
                for item in used
            ]
            lines.append("")
    lines.append(
        f"[{violation.rule} in the rule reference]({help_uri(violation.rule, violation.name)})"
    )
    return "\n".join(lines)

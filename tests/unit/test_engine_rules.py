"""The tool's own rules: described like any rule, with the right defaults."""

from __future__ import annotations

from standards_lint.engine_rules import TOOL_AREA, TOOL_RULES
from standards_lint.model import Severity


def test_codes_names_and_defaults() -> None:
    described = {
        rule.code: (rule.name, rule.severity, rule.always_selected, rule.enabled_by_default)
        for rule in TOOL_RULES
    }
    assert described == {
        "SL001": ("syntax-error", Severity.ERROR, True, True),
        "SL002": ("internal-error", Severity.ERROR, True, True),
        "SL003": ("unused-suppression", Severity.WARNING, False, True),
        "SL004": ("suppression-without-reason", Severity.ERROR, False, True),
        "SL005": ("undecodable-file", Severity.ERROR, True, True),
        "SL006": ("unsupported-syntax", Severity.ERROR, True, True),
        "SL007": ("unknown-rule-in-suppression", Severity.WARNING, True, True),
        "SL008": ("file-too-large", Severity.ERROR, True, True),
        "SL009": ("figure-below-baseline", Severity.ERROR, True, True),
    }


def test_complete_metadata_in_the_tool_area() -> None:
    assert (TOOL_AREA.name, TOOL_AREA.prefix) == ("tool", "SL")
    for rule in TOOL_RULES:
        assert rule.check_metadata() == []
        assert rule.area == TOOL_AREA.name
        assert rule.code.startswith(TOOL_AREA.prefix)

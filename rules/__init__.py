"""The built-in rule pack, registered like any other through the entry point."""

from standards_lint.rules.style import STYLE_AREA, STYLE_RULES

from standards_lint.rule import RulePack

PACK = RulePack(
    name="builtin",
    rules=[*STYLE_RULES],
    areas=[STYLE_AREA],
)

__all__ = ["PACK"]

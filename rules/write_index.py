"""Writes :mod:`standards_lint.rules.index` from the areas' rule sets.

The index is what the registry knows of each built-in area before importing
its rules: codes, names, whether each is on by default, and the facts. Run
``make rule-index`` after adding, renaming or re-enabling a built-in rule; a
test fails while the index and the rules disagree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from standards_lint.rule import DeferredRules

#: Each built-in area and the rule set that holds its rules, in the order they are registered.
SOURCES: Final = (
    ("style", "standards_lint.rules.style.rule_set:RULE_SET"),
    ("architecture", "standards_lint.rules.architecture.rule_set:RULE_SET"),
    ("docstrings", "standards_lint.rules.docstrings.rule_set:RULE_SET"),
    ("complexity", "standards_lint.rules.complexity.rule_set:RULE_SET"),
    ("technologies", "standards_lint.rules.technologies.rule_set:RULE_SET"),
    ("tests", "standards_lint.rules.tests.rule_set:RULE_SET"),
    ("coverage", "standards_lint.rules.coverage.rule_set:RULE_SET"),
)

_HEADER: Final = '''"""What the registry knows of each built-in area before importing its rules.

Written by ``make rule-index`` (:mod:`standards_lint.rules.write_index`) from
the areas' rule sets: edit the rules, not this file.
"""

from standards_lint.rule import DeferredRules, RuleEntry

DEFERRED = (
'''


def describe_builtin() -> tuple[DeferredRules, ...]:
    """The index as the rule sets give it (they are imported)."""
    return tuple(DeferredRules.describe(source, area) for area, source in SOURCES)


def render_index(index: tuple[DeferredRules, ...]) -> str:
    """The text of the index module for ``index``."""
    lines = [_HEADER.rstrip("\n")]
    for deferred in index:
        lines += ["    DeferredRules(", f'        "{deferred.source}",']
        lines += [f'        "{deferred.area}",', "        ("]
        for entry in deferred.rules:
            off = "" if entry.enabled_by_default else ", enabled_by_default=False"
            lines.append(f'            RuleEntry("{entry.code}", "{entry.name}"{off}),')
        lines.append("        ),")
        if deferred.facts:
            facts = "".join(f'"{fact}", ' for fact in deferred.facts).rstrip(" ")
            lines.append(f"        ({facts}),")
        lines.append("    ),")
    lines.append(")")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write the index beside this module."""
    Path(__file__).with_name("index.py").write_text(
        render_index(describe_builtin()), encoding="utf-8"
    )


if __name__ == "__main__":
    main()

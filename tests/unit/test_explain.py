"""The text of `standards-lint explain`: metadata, options with defaults, examples."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import pytest

from standards_lint.explain import explain_rule
from standards_lint.model import Severity
from standards_lint.registry import Registry, RegistryBuilder, load_registry
from standards_lint.rule import Area, Invalid, Rule, RulePack, Valid, option


@dataclass(frozen=True, slots=True)
class ExplainOptions:
    max_depth: int = option(4, "How deep blocks may nest before the rule reports.")
    strict: bool = option(False, "Also count comprehensions.")
    style: str = option("google", "The docstring style.")
    allowed: tuple[str, ...] = option(("a", "b"), "Names that are always fine.")
    limits: Any = option(MappingProxyType({"x": 1, "y": True}), "Per-name limits.")  # noqa: RUF009
    unset: int | None = option(None, "Optional.")
    unused: int = option(0, "Not used by the rule, so not shown.")


class DeepNesting(Rule[ExplainOptions]):
    """A rule with every kind of self-description."""

    code = "EXP001"
    name = "deep-nesting"
    area = "explained"
    severity = Severity.WARNING
    enabled_by_default = False
    summary = "Blocks nest deeper than max-depth."
    rationale = (
        "Deeply nested code makes the reader hold every enclosing condition in mind at once."
        " Early returns and small functions keep each level readable, and they make the"
        " tests smaller too."
    )
    options_used = ("max-depth", "strict", "style", "allowed", "limits", "unset", "no-such-key")
    invalid = (
        Invalid("if a:\n    if b:\n\n        pass\n", line=2),
        Invalid("if a:\n    pass\n", options={"max-depth": 0, "strict": True}, path="tests/x.py"),
    )
    valid = (Valid("pass\n"),)


class Bare(Rule[ExplainOptions]):
    """No options used and no examples."""

    code = "EXP002"
    name = "bare"
    area = "explained"
    summary = "Bare."
    rationale = "Short."


PACK = RulePack(
    "explained",
    [DeepNesting, Bare],
    [Area("explained", "EXP", "Explained things", ExplainOptions)],
)


@pytest.fixture(scope="module")
def registry() -> Registry:
    # Built without the check of options_used: DeepNesting names a missing
    # option on purpose, to show that the explanation skips it.
    builder = RegistryBuilder.from_registry(load_registry())
    problems: list[str] = []
    builder.add_pack(PACK, "test", problems)
    assert problems == []
    return builder.build()


def test_full_explanation(registry: Registry) -> None:
    assert explain_rule(DeepNesting, registry) == (
        "EXP001 [deep-nesting]\n"
        "\n"
        "Area: explained (Explained things)\n"
        "Default severity: warning (not enabled unless selected)\n"
        "\n"
        "Blocks nest deeper than max-depth.\n"
        "\n"
        "Why:\n"
        "  Deeply nested code makes the reader hold every enclosing condition in mind\n"
        "  at once. Early returns and small functions keep each level readable, and\n"
        "  they make the tests smaller too.\n"
        "\n"
        "Options ([explained] in the standards file):\n"
        "  max-depth = 4\n"
        "      How deep blocks may nest before the rule reports.\n"
        "  strict = false\n"
        "      Also count comprehensions.\n"
        '  style = "google"\n'
        "      The docstring style.\n"
        '  allowed = ["a", "b"]\n'
        "      Names that are always fine.\n"
        "  limits = { x = 1, y = true }\n"
        "      Per-name limits.\n"
        "  unset = (not set)\n"
        "      Optional.\n"
        "\n"
        "Reported:\n"
        "  if a:\n"
        "      if b:\n"
        "\n"
        "          pass\n"
        "\n"
        "  # with max-depth = 0, strict = true\n"
        "  # in tests/x.py\n"
        "  if a:\n"
        "      pass\n"
        "\n"
        "Not reported:\n"
        "  pass\n"
    )


def test_a_rule_without_options_or_examples(registry: Registry) -> None:
    assert explain_rule(Bare, registry) == (
        "EXP002 [bare]\n\nArea: explained (Explained things)\nDefault severity: error\n\n"
        "Bare.\n\nWhy:\n  Short.\n"
    )


def test_every_registered_rule_explains_itself() -> None:
    registry = load_registry()
    for rule in registry.rules.values():
        text = explain_rule(rule, registry)
        lines = text.splitlines()
        assert lines[0] == f"{rule.code} [{rule.name}]"
        assert rule.summary in lines
        assert text.endswith("\n")
        assert not text.endswith("\n\n"), rule.code


def test_the_explanation_names_rules_found_through_the_registry(registry: Registry) -> None:
    found = registry.find("deep-nesting")
    assert found is DeepNesting
    assert explain_rule(found, registry).startswith("EXP001 [deep-nesting]\n")

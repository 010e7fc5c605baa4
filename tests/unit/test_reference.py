"""The Markdown reference of every area, option and rule."""

from __future__ import annotations

from dataclasses import dataclass

from standards_lint.reference import render_reference
from standards_lint.registry import Registry, load_registry
from standards_lint.rule import Area, Invalid, Rule, RulePack, Valid, option


@dataclass(frozen=True, slots=True)
class ReferenceOptions:
    limit: int = option(4, "How many | at most.")
    names: tuple[str, ...] = option(("a",), "Names.")


class Referenced(Rule[ReferenceOptions]):
    """A rule to document."""

    code = "REF001"
    name = "referenced"
    area = "referenced"
    enabled_by_default = False
    summary = "Something is referenced."
    rationale = "Because."
    options_used = ("limit",)
    invalid = (Invalid("x = 1\n", options={"limit": 0}, path="tests/x.py"),)
    valid = (Valid("pass\n"),)


def registry() -> Registry:
    area = Area("referenced", "REF", "Referenced things", ReferenceOptions)
    return load_registry().with_packs([RulePack("ref", [Referenced], [area])], "test")


def test_an_area_and_its_rule() -> None:
    text = render_reference(registry())
    section = text[text.index("## Referenced things") :]
    section = section[: section.index("\n## ")]
    assert section.splitlines() == [
        "## Referenced things (`[referenced]`, codes REF)",
        "",
        "| option | type | default | meaning |",
        "| --- | --- | --- | --- |",
        "| `limit` | an integer | `4` | How many \\| at most. |",
        '| `names` | a list of strings | `["a"]` | Names. |',
        "",
        "### REF001 `referenced`",
        "",
        "*error, off unless selected.* Something is referenced.",
        "",
        "Because.",
        "",
        "Options: `limit`.",
        "",
        "Reported in `tests/x.py` with `limit = 0`:",
        "",
        "```python",
        "x = 1",
        "```",
        "",
        "Not reported:",
        "",
        "```python",
        "pass",
        "```",
    ]


def test_every_rule_is_in_it_and_the_tool_area_comes_last() -> None:
    loaded = registry()
    text = render_reference(loaded)
    assert text.startswith("# Rules and options\n")
    assert text.endswith("\n") and not text.endswith("\n\n")
    for code, rule in loaded.rules.items():
        assert f"### {code} `{rule.name}`" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[-1].startswith("## Problems found by the tool itself")
    assert text.count("```python") * 2 == text.count("```")

"""The starter file's text: valid TOML, every choice with its comment."""

from __future__ import annotations

import tomllib

from standards_lint.starter.render import (
    IgnoredRule,
    Setting,
    StarterChoices,
    render_standards,
    toml_value,
)


def test_values_are_written_as_toml() -> None:
    assert toml_value(True) == "true"
    assert toml_value(12) == "12"
    assert toml_value('say "hi"') == '"say \\"hi\\""'
    assert toml_value(("snake_case", "UPPER_CASE")) == '["snake_case", "UPPER_CASE"]'


def test_settings_and_ignores_land_in_their_tables_with_comments() -> None:
    choices = StarterChoices(
        settings=[
            Setting("complexity", "max-nesting", 6, "The deepest nesting is 6 blocks."),
            Setting("style", "max-line-length", 120, "The longest line today is 117 characters."),
        ],
        ignored=[IgnoredRule("bare-except", "3 today: bare except")],
    )
    text = render_standards(choices)
    document = tomllib.loads(text)
    assert document["root"] is True
    assert document["ignore"] == ["bare-except"]
    assert document["style"] == {"max-line-length": 120}
    assert document["complexity"] == {"max-nesting": 6}
    lines = text.splitlines()
    assert lines[lines.index("max-line-length = 120") - 1] == (
        "# The longest line today is 117 characters."
    )
    assert "    # 3 today: bare except" in lines
    # [style] comes before [complexity], whatever order the settings came in.
    assert text.index("[style]") < text.index("[complexity]")


def test_a_baseline_note_opens_the_file() -> None:
    text = render_standards(StarterChoices(baseline_note="Kept in the baseline."))
    assert text.startswith("# Kept in the baseline.\n")
    assert "ignore" not in tomllib.loads(text)

"""docs/rules.md is the generated reference, and it is current."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from standards_lint.cli import main

REFERENCE = Path(__file__).resolve().parents[3] / "docs" / "rules.md"


def test_the_rule_reference_is_current() -> None:
    result = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert REFERENCE.read_text(encoding="utf-8") == result.output, (
        "docs/rules.md is out of date: run `make docs`"
    )


def test_every_rule_and_option_is_in_the_reference() -> None:
    listing = CliRunner().invoke(main, ["rules", "--format", "json"])
    text = REFERENCE.read_text(encoding="utf-8")
    for rule in json.loads(listing.output):
        assert f"### {rule['code']} `{rule['name']}`" in text

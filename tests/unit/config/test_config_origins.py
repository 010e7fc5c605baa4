"""How the origin of a value reads in `standards-lint config`."""

from __future__ import annotations

from standards_lint.origins import Origin


def test_an_origin_names_the_default_the_file_or_the_override() -> None:
    assert Origin().describe() == "default"
    assert Origin("standards.toml").describe() == "standards.toml"
    assert Origin("standards.toml", 2).describe() == "[[overrides]] #2 in standards.toml"

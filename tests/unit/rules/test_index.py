"""The index of the built-in rules: what the registry knows before importing an area."""

from __future__ import annotations

from pathlib import Path

from standards_lint.rules import PACK, index
from standards_lint.rules.write_index import SOURCES, describe_builtin, render_index


def test_the_index_describes_the_rules_as_they_are() -> None:
    # After adding, renaming or re-enabling a built-in rule: `make rule-index`.
    assert Path(index.__file__).read_text(encoding="utf-8") == render_index(describe_builtin())


def test_every_built_in_area_has_its_rule_set_in_the_index() -> None:
    assert [area.name for area in PACK.areas] == [area for area, _ in SOURCES]
    assert [deferred.area for deferred in index.DEFERRED] == [area for area, _ in SOURCES]


def test_the_builtin_pack_defers_all_of_its_rules() -> None:
    assert list(PACK.rules) == []
    assert list(PACK.facts) == []

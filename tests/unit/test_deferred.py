"""Deferred rule sets: known by their description, imported when first needed, checked then."""

from __future__ import annotations

import itertools
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from standards_lint.config.standards import read_standards
from standards_lint.deferred import LazyTable
from standards_lint.registry import Registry, RegistryBuilder, RegistryError
from standards_lint.rule import Area, DeferredRules, RuleEntry, RulePack

AREA = Area(name="later", prefix="LAT", title="Rules imported later")

RULES_SOURCE = """\
from standards_lint.rule import Fact, ProjectRule, Rule, RulePack


class First(Rule):
    code = "LAT001"
    name = "first-later"
    area = "later"
    summary = "s"
    rationale = "r"


class Second(Rule):
    code = "LAT002"
    name = "second-later"
    area = "later"
    summary = "s"
    rationale = "r"
    enabled_by_default = False


class Sizes(ProjectRule):
    code = "LAT100"
    name = "sizes-later"
    area = "later"
    facts = ("later-sizes",)
    summary = "s"
    rationale = "r"


SIZES = Fact("later-sizes", "later", lambda source, options: len(source.text))
RULE_SET = RulePack("later", [First, Second, Sizes], facts=[SIZES])
"""

ENTRIES = (
    RuleEntry("LAT001", "first-later"),
    RuleEntry("LAT002", "second-later", enabled_by_default=False),
    RuleEntry("LAT100", "sizes-later"),
)

_numbers = itertools.count()


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh importable package holding the rules above in ``rules.py``; its name."""
    name = f"deferred_pack_{next(_numbers)}"
    directory = tmp_path / name
    directory.mkdir()
    (directory / "__init__.py").write_text("")
    (directory / "rules.py").write_text(RULES_SOURCE)
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    yield name
    for module in set(sys.modules) - before:
        del sys.modules[module]


def registry_of(*deferred: DeferredRules) -> Registry:
    builder = RegistryBuilder()
    problems: list[str] = []
    builder.add_pack(RulePack("pack", [], [AREA], deferred=deferred), "origin", problems)
    builder.check_areas(problems)
    assert problems == []
    return builder.build()


def described(package: str, *, rules: tuple[RuleEntry, ...] = ENTRIES) -> DeferredRules:
    return DeferredRules(f"{package}.rules:RULE_SET", "later", rules, ("later-sizes",))


def test_deferred_rules_are_selected_and_named_without_importing_them(package: str) -> None:
    registry = registry_of(described(package))
    assert registry.select("later") == {"LAT001", "LAT002", "LAT100"}
    assert registry.select("LAT0") == {"LAT001", "LAT002"}
    assert registry.default_selection() == {"LAT001", "LAT100"}
    assert registry.knows_rule("second-later")
    assert registry.knows_rule("lat001")
    assert not registry.knows_rule("third-later")
    assert "later-sizes" in registry.facts
    assert f"{package}.rules" not in sys.modules


def test_a_deferred_rule_is_imported_when_looked_up(package: str) -> None:
    registry = registry_of(described(package))
    first = registry.rules["LAT001"]
    assert first.name == "first-later"
    assert f"{package}.rules" in sys.modules
    assert registry.find("sizes-later").code == "LAT100"  # type: ignore[union-attr]
    assert registry.facts["later-sizes"].name == "later-sizes"
    assert [rule.code for rule in registry.project_rules({"LAT001", "LAT100"})] == ["LAT100"]


def test_loading_imports_the_selected_sets_and_reports_nothing_when_they_match(
    package: str,
) -> None:
    registry = registry_of(described(package))
    assert registry.load({"LAT002"}) == []
    assert f"{package}.rules" in sys.modules


READER_SOURCE = '''\
from standards_lint.rule import ProjectRule, RulePack


class Reader(ProjectRule):
    code = "LAT200"
    name = "reads-later-sizes"
    area = "later"
    facts = ("later-sizes",)
    summary = "s"
    rationale = "r"


RULE_SET = RulePack("readers", [Reader])
'''


def test_loading_a_set_imports_the_set_whose_facts_its_project_rules_read(
    package: str, tmp_path: Path
) -> None:
    (tmp_path / package / "readers.py").write_text(READER_SOURCE)
    readers = DeferredRules(
        f"{package}.readers:RULE_SET", "later", (RuleEntry("LAT200", "reads-later-sizes"),)
    )
    registry = registry_of(described(package), readers)
    assert registry.load({"LAT200"}) == []
    assert f"{package}.readers" in sys.modules
    assert f"{package}.rules" in sys.modules  # the set that collects later-sizes


def test_a_description_that_does_not_match_the_rules_is_refused_on_import(package: str) -> None:
    wrong = (ENTRIES[0], RuleEntry("LAT002", "second-later"), ENTRIES[2])
    registry = registry_of(described(package, rules=wrong))
    problems = registry.load({"LAT001"})
    assert problems == [
        f"origin: {package}.rules:RULE_SET has no rule"
        " RuleEntry(code='LAT002', name='second-later', enabled_by_default=True) as described",
        f"origin: {package}.rules:RULE_SET has a rule not described:"
        " RuleEntry(code='LAT002', name='second-later', enabled_by_default=False)",
    ]
    with pytest.raises(RegistryError) as raised:
        registry.rules["LAT001"]
    assert raised.value.problems == problems


def test_a_deferred_rule_reading_an_unknown_option_is_refused_on_import(
    package: str, tmp_path: Path
) -> None:
    source = RULES_SOURCE.replace(
        "    enabled_by_default = False\n",
        '    enabled_by_default = False\n    options_used = ("width",)\n',
    )
    (tmp_path / package / "rules.py").write_text(source)
    registry = registry_of(described(package))
    assert registry.load({"LAT002"}) == [
        "origin: Second (LAT002) reads unknown option 'width' of [later]"
    ]


def test_a_deferred_rule_with_broken_metadata_is_refused_on_import(
    package: str, tmp_path: Path
) -> None:
    source = RULES_SOURCE.replace('    name = "first-later"\n', "")
    (tmp_path / package / "rules.py").write_text(source)
    registry = registry_of(described(package))
    assert registry.load({"LAT001"}) == ["origin: First has no name"]


def test_a_deferred_source_that_fails_to_import_is_a_problem_naming_its_pack(
    package: str,
) -> None:
    registry = registry_of(DeferredRules(f"{package}.missing:RULE_SET", "later", ENTRIES))
    assert registry.load({"LAT001"}) == [
        f"origin failed to load: ModuleNotFoundError: No module named '{package}.missing'"
    ]


def test_a_deferred_source_must_name_a_rule_pack(package: str) -> None:
    registry = registry_of(DeferredRules(f"{package}.rules:First", "later", ENTRIES))
    assert registry.load({"LAT001"}) == [f"origin: {package}.rules:First is not a RulePack"]


def test_a_described_code_taken_by_another_rule_is_refused(package: str) -> None:
    builder = RegistryBuilder()
    problems: list[str] = []
    clash = RuleEntry("LAT001", "clash")
    builder.add_pack(RulePack("a", [], [AREA], deferred=[described(package)]), "first", problems)
    builder.add_pack(
        RulePack("b", [], deferred=[DeferredRules("x:Y", "later", (clash,))]), "second", problems
    )
    assert problems == ["second: x:Y clash reuses code LAT001 of first-later"]


def test_a_deferred_set_of_an_unknown_area_is_refused(package: str) -> None:
    builder = RegistryBuilder()
    problems: list[str] = []
    builder.add_pack(RulePack("a", [], [], deferred=[described(package)]), "first", problems)
    builder.check_areas(problems)
    assert problems == [f"first: {package}.rules:RULE_SET names unknown area 'later'"]


def test_the_fingerprint_covers_deferred_modules_without_importing_them(
    package: str, tmp_path: Path
) -> None:
    before = registry_of(described(package)).fingerprint
    assert f"{package}.rules" not in sys.modules
    (tmp_path / package / "rules.py").write_text(RULES_SOURCE + "\n# changed\n")
    assert registry_of(described(package)).fingerprint != before


def test_a_run_reports_a_selected_set_that_fails_to_import(tmp_path: Path) -> None:
    (tmp_path / "team_pack.py").write_text(
        textwrap.dedent(
            """\
            from standards_lint.rule import Area, DeferredRules, RuleEntry, RulePack

            PACK = RulePack(
                "team",
                [],
                [Area("later", "LAT", "Later")],
                deferred=[
                    DeferredRules("team_pack_rules_missing:RULE_SET", "later",
                                  (RuleEntry("LAT001", "first-later"),)),
                ],
            )
            """
        )
    )
    (tmp_path / "standards.toml").write_text('plugins = ["team_pack.py"]\nselect = ["later"]\n')
    reading = read_standards(tmp_path / "standards.toml")
    assert any(
        "failed to load: ModuleNotFoundError: No module named 'team_pack_rules_missing'" in problem
        for problem in reading.problems
    )


def test_two_registries_of_one_pack_are_equal_without_importing_it(package: str) -> None:
    first, second = registry_of(described(package)), registry_of(described(package))
    assert isinstance(first.rules, LazyTable)
    assert first.rules == first.rules
    assert first.rules != second.rules  # each registration is its own deferred set
    assert len(first.rules) == 3
    assert f"{package}.rules" not in sys.modules

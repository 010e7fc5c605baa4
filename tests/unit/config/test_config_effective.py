"""What applies to one path: selection, severity and options once [[overrides]] apply."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from standards_lint.config import StandardsResolver, load_standards
from standards_lint.config.effective import ALWAYS_SELECTED
from standards_lint.engine_rules import TOOL_RULES
from standards_lint.model import Severity

WriteStandards = Callable[..., Path]
PROBE = frozenset({"PRB001", "PRB002", "PRB003", "PRB100"})


def resolver_for(write_standards: WriteStandards, text: str) -> StandardsResolver:
    return StandardsResolver(load_standards(write_standards(text)))


def test_always_selected_are_the_tool_problems() -> None:
    assert {rule.code for rule in TOOL_RULES if rule.always_selected} == ALWAYS_SELECTED
    assert {"SL001", "SL002", "SL005"} <= ALWAYS_SELECTED
    assert not {"SL003", "SL004"} & ALWAYS_SELECTED


def test_default_selection_leaves_out_opt_in_rules(write_standards: WriteStandards) -> None:
    resolver = resolver_for(write_standards, "")
    registry = resolver.standards.registry
    codes = resolver.top_level.codes
    assert codes == registry.default_selection() | ALWAYS_SELECTED
    assert {"PRB001", "PRB002", "PRB100", "STY001", "SL003", "SL004"} <= codes
    assert "PRB003" not in codes


def test_select_replaces_the_default_and_keeps_tool_problems(
    write_standards: WriteStandards,
) -> None:
    resolver = resolver_for(write_standards, 'select = ["probe"]\n')
    assert resolver.top_level.codes == PROBE | ALWAYS_SELECTED


def test_ignore_removes_even_tool_problems(write_standards: WriteStandards) -> None:
    resolver = resolver_for(write_standards, 'select = ["probe"]\nignore = ["PRB00", "SL001"]\n')
    assert resolver.top_level.codes == {"PRB100"} | ALWAYS_SELECTED - {"SL001"}


def test_overrides_apply_to_matching_paths_only(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    resolver = resolver_for(
        write_standards,
        """\
        select = ["PRB001"]
        [[overrides]]
        paths = ["tests/", "*_test.py"]
        select = ["PRB002"]
        ignore = ["PRB001"]
        """,
    )
    plain = resolver.for_path(tmp_path / "src" / "app.py")
    in_tests = resolver.for_path(tmp_path / "tests" / "deep" / "test_app.py")
    by_name = resolver.for_path(tmp_path / "src" / "app_test.py")
    assert plain.key == ()
    assert plain.codes == {"PRB001"} | ALWAYS_SELECTED
    assert in_tests.key == (0,)
    assert in_tests.codes == {"PRB002"} | ALWAYS_SELECTED
    assert by_name is in_tests


def test_override_patterns_are_relative_to_the_root(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    resolver = resolver_for(
        write_standards, '[[overrides]]\npaths = ["/src/gen"]\nignore = ["ALL"]\n'
    )
    assert resolver.for_path(tmp_path / "src" / "gen" / "x.py").key == (0,)
    assert resolver.for_path(tmp_path / "other" / "src" / "gen" / "x.py").key == ()


@pytest.mark.parametrize(
    ("first", "second", "selected"),
    [("ignore", "select", True), ("select", "ignore", False)],
)
def test_the_later_override_wins_on_selection(
    write_standards: WriteStandards, tmp_path: Path, first: str, second: str, selected: bool
) -> None:
    resolver = resolver_for(
        write_standards,
        f"""\
        [[overrides]]
        paths = ["tests/"]
        {first} = ["PRB002"]
        [[overrides]]
        paths = ["tests/unit/"]
        {second} = ["PRB002"]
        """,
    )
    effective = resolver.for_path(tmp_path / "tests" / "unit" / "test_x.py")
    assert effective.key == (0, 1)
    assert ("PRB002" in effective.codes) is selected


@pytest.mark.parametrize("level", ["top", "override"])
def test_the_more_specific_selector_wins_within_a_level(
    write_standards: WriteStandards, tmp_path: Path, level: str
) -> None:
    if level == "top":
        text = 'select = ["ALL", "PRB002"]\nignore = ["probe"]\n'
    else:
        text = '[[overrides]]\npaths = ["*.py"]\nselect = ["PRB002"]\nignore = ["probe"]\n'
    effective = resolver_for(write_standards, text).for_path(tmp_path / "a.py")
    assert "PRB002" in effective.codes
    assert "PRB001" not in effective.codes


def test_override_options_build_on_the_top_level_options(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    resolver = resolver_for(
        write_standards,
        """\
        [probe]
        limit = 5
        label = "top"
        [[overrides]]
        paths = ["tests/"]
        probe = { limit = 50, names = ["x"] }
        [[overrides]]
        paths = ["tests/unit/"]
        probe = { limit = 70 }
        """,
    )
    top = resolver.top_level.areas["probe"]
    tests = resolver.for_path(tmp_path / "tests" / "a.py").areas["probe"]
    unit = resolver.for_path(tmp_path / "tests" / "unit" / "a.py").areas["probe"]
    assert (top.limit, top.label, top.names) == (5, "top", ("bad",))
    assert (tests.limit, tests.label, tests.names) == (50, "top", ("x",))
    assert (unit.limit, unit.label, unit.names) == (70, "top", ("x",))
    assert resolver.standards.areas["probe"] is top


def test_severity_defaults_to_the_rules_own(write_standards: WriteStandards) -> None:
    severity = resolver_for(write_standards, 'select = ["ALL"]\n').top_level.severity
    assert severity["PRB001"] is Severity.ERROR
    assert severity["PRB002"] is Severity.WARNING
    assert severity["PRB003"] is Severity.INFO
    assert severity["SL003"] is Severity.WARNING


@pytest.mark.parametrize(
    "entries",
    [
        [
            'ALL = "info"',
            'probe = "warning"',
            'PRB = "error"',
            'PRB00 = "info"',
            'bad-name = "error"',
        ],
        [
            'bad-name = "error"',
            'PRB00 = "info"',
            'PRB = "error"',
            'probe = "warning"',
            'ALL = "info"',
        ],
    ],
    ids=["general-first", "specific-first"],
)
def test_the_most_specific_severity_selector_wins(
    write_standards: WriteStandards, entries: list[str]
) -> None:
    text = 'select = ["ALL"]\n[severity]\n' + "\n".join(entries) + "\n"
    severity = resolver_for(write_standards, text).top_level.severity
    assert severity["PRB002"] is Severity.ERROR  # by name
    assert severity["PRB001"] is Severity.INFO  # by the longer prefix PRB00
    assert severity["PRB100"] is Severity.ERROR  # by the prefix PRB, over the area
    assert severity["STY001"] is Severity.INFO  # only ALL matches


def test_an_area_is_more_specific_than_all(write_standards: WriteStandards) -> None:
    text = '[severity]\nprobe = "info"\nALL = "warning"\n'
    severity = resolver_for(write_standards, text).top_level.severity
    assert severity["PRB001"] is Severity.INFO
    assert severity["STY001"] is Severity.WARNING


def test_a_later_override_severity_wins_over_an_earlier_level(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    resolver = resolver_for(
        write_standards,
        """\
        [severity]
        PRB001 = "info"
        [[overrides]]
        paths = ["tests/"]
        severity = { probe = "warning" }
        [[overrides]]
        paths = ["tests/unit/"]
        severity = { ALL = "error" }
        """,
    )
    assert resolver.top_level.severity["PRB001"] is Severity.INFO
    assert resolver.for_path(tmp_path / "tests" / "a.py").severity["PRB001"] is Severity.WARNING
    unit = resolver.for_path(tmp_path / "tests" / "unit" / "a.py")
    assert unit.severity["PRB001"] is Severity.ERROR
    assert unit.severity["PRB002"] is Severity.ERROR


def test_an_override_severity_for_other_rules_leaves_a_rule_alone(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    resolver = resolver_for(
        write_standards,
        '[severity]\nPRB001 = "info"\n[[overrides]]\npaths = ["t/"]\nseverity = { STY = "info" }\n',
    )
    assert resolver.for_path(tmp_path / "t" / "a.py").severity["PRB001"] is Severity.INFO


def test_effective_standards_are_shared_and_read_only(
    write_standards: WriteStandards, tmp_path: Path
) -> None:
    resolver = resolver_for(write_standards, "")
    first = resolver.for_path(tmp_path / "a.py")
    assert resolver.for_path(tmp_path / "sub" / "b.py") is first is resolver.top_level
    with pytest.raises(TypeError):
        first.severity["PRB001"] = Severity.INFO  # type: ignore[index]


def test_relative_paths(write_standards: WriteStandards, tmp_path: Path) -> None:
    resolver = resolver_for(write_standards, "")
    assert resolver.relative(tmp_path / "src" / "a.py") == "src/a.py"
    outside = tmp_path.parent / "elsewhere.py"
    assert resolver.relative(outside) == outside.resolve().as_posix()

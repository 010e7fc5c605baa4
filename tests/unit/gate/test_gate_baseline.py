"""The baseline: its file format, and the ratchet that lets nothing get worse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from standards_lint.gate.baseline import (
    FIGURE_DIRECTIONS,
    FORMAT_VERSION,
    Baseline,
    BaselineEntry,
    BaselineError,
    BaselineScope,
    apply_baseline,
    compare_baselines,
    dump_baseline,
    parse_baseline,
    prune_baseline,
    read_baseline,
    record_baseline,
    update_baseline,
    write_baseline,
)
from standards_lint.model import Severity, Span, Violation

FP_A, FP_B, FP_C, FP_D = "a" * 16, "b" * 16, "c" * 16, "d" * 16

SCOPE = BaselineScope(
    root_paths={"app/cart.py": "app/cart.py", "standards.toml": "standards.toml"},
    checked_paths=frozenset({"app/cart.py", "app/tax.py"}),
    codes=frozenset({"CPX001", "STY001", "SL009"}),
    standards="standards.toml",
    standards_display="standards.toml",
)


def found(
    fingerprint: str,
    rule: str = "STY001",
    *,
    path: str = "app/cart.py",
    value: float | None = None,
    line: int = 1,
) -> Violation:
    return Violation(
        rule,
        "rule-name",
        Severity.ERROR,
        path,
        Span(line, 1, line, 1),
        "message",
        fingerprint=fingerprint,
        value=value,
    )


def baseline(*entries: BaselineEntry, figures: dict[str, float] | None = None) -> Baseline:
    return Baseline("standards.toml", "1.0", tuple(entries), figures or {})


CART_LINES = BaselineEntry("app/cart.py", "STY001", (FP_A, FP_B))
CART_COMPLEX = BaselineEntry("app/cart.py", "CPX001", (FP_C,), {FP_C: 14})


# The file ----------------------------------------------------------------------------


def test_the_file_is_sorted_indented_and_ends_with_a_newline() -> None:
    text = dump_baseline(baseline(CART_LINES, CART_COMPLEX, figures={"docstring_coverage": 81.5}))
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"
    document = json.loads(text)
    assert document["format"] == FORMAT_VERSION
    assert document["standards"] == "standards.toml"
    assert document["figures"] == {"docstring_coverage": 81.5}
    assert document["violations"][0] == {
        "count": 1,
        "fingerprints": [FP_C],
        "path": "app/cart.py",
        "rule": "CPX001",
        "values": {FP_C: 14},
    }
    assert "values" not in document["violations"][1]


def test_recording_groups_by_path_and_rule_and_sorts() -> None:
    violations = [
        found(FP_B),
        found(FP_C, "CPX001", value=14.0),
        found(FP_A),
        found(FP_D, path="standards.toml", rule="SL009"),
    ]
    recorded = record_baseline(violations, {"docstring_coverage": 80.0}, SCOPE, "1.0")
    assert recorded == baseline(CART_COMPLEX, CART_LINES, figures={"docstring_coverage": 80.0})
    assert record_baseline(reversed(violations), {"docstring_coverage": 80.0}, SCOPE, "1.0") == (
        recorded
    )


def test_internal_errors_are_never_recorded() -> None:
    recorded = record_baseline([found(FP_A, "SL002")], {}, SCOPE, "1.0")
    assert recorded.entries == ()


def test_a_round_trip_gives_the_same_baseline(tmp_path: Path) -> None:
    original = baseline(CART_LINES, CART_COMPLEX, figures={"average_cyclomatic": 3.25})
    target = tmp_path / "nested" / "baseline.json"
    write_baseline(target, original)
    assert read_baseline(target, standards="standards.toml") == baseline(
        CART_COMPLEX, CART_LINES, figures={"average_cyclomatic": 3.25}
    )
    assert [path.name for path in target.parent.iterdir()] == ["baseline.json"]


def test_a_missing_file_is_no_baseline(tmp_path: Path) -> None:
    assert read_baseline(tmp_path / "absent.json", standards=None) is None


def valid_document() -> dict[str, object]:
    return json.loads(dump_baseline(baseline(CART_LINES, CART_COMPLEX)))  # type: ignore[no-any-return]


def broken(change: str) -> str:
    document = valid_document()
    entries = document["violations"]
    assert isinstance(entries, list)
    if change == "not json":
        return "{"
    if change == "a list":
        return "[]"
    if change == "count":
        entries[0]["count"] = 3
    elif change == "fingerprint":
        entries[0]["fingerprints"] = ["not-hex"]
    elif change == "duplicate entry":
        entries.append(dict(entries[0]))
    elif change == "unknown key":
        document["extra"] = 1
    elif change == "missing key":
        del document["figures"]
    elif change == "figure":
        document["figures"] = {"docstring_coverage": "high"}
    elif change == "stray value":
        entries[0]["values"] = {FP_D: 3}
    return json.dumps(document)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("not json", "not valid JSON"),
        ("a list", "expected a JSON object"),
        ("count", "count: 3 is not the number of its fingerprints"),
        ("fingerprint", "16 hexadecimal digits"),
        ("duplicate entry", "more than one entry"),
        ("unknown key", "unknown key 'extra'"),
        ("missing key", "has no 'figures'"),
        ("figure", "figures.docstring_coverage: expected a number"),
        ("stray value", "is not one of its fingerprints"),
    ],
)
def test_a_corrupt_file_is_an_error(change: str, reason: str) -> None:
    with pytest.raises(BaselineError, match="corrupt") as raised:
        parse_baseline(broken(change), "b.json", standards="standards.toml")
    assert reason in str(raised.value)
    assert str(raised.value).startswith("b.json: ")


def test_another_format_version_is_an_error() -> None:
    document = valid_document()
    document["format"] = FORMAT_VERSION + 1
    with pytest.raises(BaselineError, match=f"format {FORMAT_VERSION + 1}.*reads format 1"):
        parse_baseline(json.dumps(document), "b.json", standards="standards.toml")


def test_a_baseline_of_other_standards_is_an_error() -> None:
    with pytest.raises(BaselineError, match=r"written for the standards 'standards\.toml'"):
        parse_baseline(dump_baseline(baseline(CART_LINES)), "b.json", standards="pyproject.toml")


# Checking against it -------------------------------------------------------------------


def test_recorded_violations_are_hidden_and_new_ones_reported() -> None:
    new = found(FP_D)
    outcome = apply_baseline([found(FP_A), new, found(FP_B)], {}, baseline(CART_LINES), SCOPE)
    assert outcome.violations == (new,)
    assert (outcome.baselined, outcome.fixed) == (2, 0)


def test_recorded_violations_that_no_longer_occur_are_fixed_within_the_scope() -> None:
    elsewhere = BaselineEntry("lib/other.py", "STY001", (FP_D,))
    unselected_rule = BaselineEntry("app/cart.py", "DOC101", ("e" * 16,))
    recorded = baseline(CART_LINES, CART_COMPLEX, elsewhere, unselected_rule)
    outcome = apply_baseline([found(FP_A)], {}, recorded, SCOPE)
    assert outcome.fixed == 2  # FP_B and FP_C; the other file and rule were not checked
    assert outcome.violations == ()


def test_a_metric_no_worse_than_recorded_stays_hidden() -> None:
    for value in (14, 12):
        violation = found(FP_C, "CPX001", value=value)
        outcome = apply_baseline([violation], {}, baseline(CART_COMPLEX), SCOPE)
        assert outcome.violations == ()
        assert outcome.baselined == 1


def test_a_metric_worse_than_recorded_is_reported_with_the_recorded_value() -> None:
    worse = found(FP_C, "CPX001", value=16)
    outcome = apply_baseline([worse], {}, baseline(CART_COMPLEX), SCOPE)
    [reported] = outcome.violations
    assert reported.message == "message (the baseline accepts 14)"
    assert (outcome.baselined, outcome.fixed) == (0, 0)


def test_internal_errors_are_never_hidden() -> None:
    crash = found(FP_A, "SL002")
    assert apply_baseline([crash], {}, baseline(CART_LINES), SCOPE).violations == (crash,)


@pytest.mark.parametrize(
    ("figure", "recorded", "today", "worse"),
    [
        ("docstring_coverage", 85.0, 80.0, True),
        ("docstring_coverage", 85.0, 90.0, False),
        ("docstring_coverage", 85.0, 85.0, False),
        ("average_cyclomatic", 3.2, 3.6, True),
        ("average_cyclomatic", 3.2, 2.9, False),
        ("average_cyclomatic", 0.1 + 0.2, 0.3, False),
        ("a_plugin_figure", 1.0, 0.0, False),
    ],
)
def test_a_figure_worse_than_recorded_is_sl009(
    figure: str, recorded: float, today: float, worse: bool
) -> None:
    outcome = apply_baseline([], {figure: today}, baseline(figures={figure: recorded}), SCOPE)
    if not worse:
        assert outcome.violations == ()
        return
    [regression] = outcome.violations
    assert regression.rule == "SL009"
    assert regression.path == "standards.toml"
    assert figure in regression.message
    assert f"from the baseline's {recorded:g}" in regression.message
    assert f"to {today:g}" in regression.message
    assert regression.fingerprint


def test_a_figure_regression_is_not_reported_when_sl009_is_ignored() -> None:
    scope = BaselineScope(**{**_fields(SCOPE), "figure_severity": None})
    recorded = baseline(figures={"docstring_coverage": 90.0})
    assert apply_baseline([], {"docstring_coverage": 10.0}, recorded, scope).violations == ()


def test_figure_directions_cover_every_built_in_figure() -> None:
    assert {
        "docstring_coverage",
        "average_cyclomatic",
        "worst_cyclomatic",
        "average_maintainability",
        "line_coverage",
    } <= set(FIGURE_DIRECTIONS)


def _fields(scope: BaselineScope) -> dict[str, object]:
    return {name: getattr(scope, name) for name in scope.__slots__}


# Pruning and updating ------------------------------------------------------------------


def test_pruning_removes_what_was_fixed_and_lowers_values_but_adds_nothing() -> None:
    old = baseline(
        CART_LINES,
        CART_COMPLEX,
        BaselineEntry("lib/other.py", "STY001", (FP_D,)),
        figures={"docstring_coverage": 80.0, "average_cyclomatic": 4.0},
    )
    today = record_baseline(
        [found(FP_A), found(FP_C, "CPX001", value=11), found("e" * 16)],
        {"docstring_coverage": 85.0, "average_cyclomatic": 4.5, "worst_cyclomatic": 9.0},
        SCOPE,
        "2.0",
    )
    pruned = prune_baseline(old, today, SCOPE)
    assert pruned.entries == (
        BaselineEntry("app/cart.py", "CPX001", (FP_C,), {FP_C: 11}),
        BaselineEntry("app/cart.py", "STY001", (FP_A,)),
        BaselineEntry("lib/other.py", "STY001", (FP_D,)),  # not checked: kept
    )
    assert pruned.figures == {"average_cyclomatic": 4.0, "docstring_coverage": 85.0}
    changes = compare_baselines(old, pruned)
    assert (changes.removed, changes.lowered, changes.improved) == (1, 1, 1)


def test_pruning_never_raises_a_value() -> None:
    today = record_baseline([found(FP_C, "CPX001", value=20)], {}, SCOPE, "2.0")
    pruned = prune_baseline(baseline(CART_COMPLEX), today, SCOPE)
    assert pruned.entries == (CART_COMPLEX,)
    assert not compare_baselines(baseline(CART_COMPLEX), pruned).any


def test_updating_takes_today_and_keeps_what_was_not_checked() -> None:
    elsewhere = BaselineEntry("lib/other.py", "STY001", (FP_D,))
    old = baseline(CART_LINES, elsewhere, figures={"line_coverage": 70.0, "docstring_coverage": 1})
    today = record_baseline([found("e" * 16)], {"docstring_coverage": 50.0}, SCOPE, "2.0")
    updated = update_baseline(old, today, SCOPE)
    assert updated.entries == (BaselineEntry("app/cart.py", "STY001", ("e" * 16,)), elsewhere)
    assert updated.figures == {"docstring_coverage": 50.0, "line_coverage": 70.0}
    assert update_baseline(None, today, SCOPE) == today

"""Choosing the naming style each kind of name follows today."""

from __future__ import annotations

from standards_lint.starter.naming import (
    KINDS,
    choose_style,
    naming_settings,
    reported_name,
    share,
)

FUNCTIONS = next(kind for kind in KINDS if kind.key == "naming-functions")
CONSTANTS = next(kind for kind in KINDS if kind.key == "naming-constants")


def test_a_clear_majority_is_chosen_and_the_default_wins_a_tie() -> None:
    camel = ["parseFile", "readAll", "run", "_helperOne", "loadIt"]
    assert choose_style(FUNCTIONS, camel) == ("camelCase", 1.0)
    # One-word names are both snake_case and camelCase: the default is kept.
    assert choose_style(FUNCTIONS, ["run", "parse", "load"]) == ("snake_case", 1.0)


def test_mixed_names_get_the_two_styles_they_mix() -> None:
    names = ["parse_file", "read_all", "loadIt", "saveIt", "Odd_Name"]
    spec, _ = choose_style(FUNCTIONS, names)
    assert spec == ("snake_case", "camelCase")
    assert share(spec, names) == 0.8


def test_constants_keep_the_default_pair_when_it_fits() -> None:
    assert choose_style(CONSTANTS, ["MAX_SIZE", "logger", "TIMEOUT"])[0] == (
        "UPPER_CASE",
        "snake_case",
    )


def test_settings_say_how_many_names_follow_the_style() -> None:
    settings = naming_settings({"naming-classes": ["Invoice", "Line", "lower_one", "Order", "X"]})
    assert [(item.key, item.value) for item in settings] == [("naming-classes", "PascalCase")]
    assert settings[0].comment.startswith("4 of the 5 class names (80%) are PascalCase.")
    assert "The other 1 break it today" in settings[0].comment


def test_the_name_is_read_from_a_naming_report() -> None:
    assert reported_name("STY004", "function name 'parseFile' should be matching '^$'") == (
        "naming-functions",
        "parseFile",
    )
    assert reported_name("STY008", "Final name 'limit' should be UPPER_CASE") is None
    assert reported_name("STY001", "line too long (120 > 100)") is None
    assert reported_name("STY005", "method name '__init__' should be matching '^$'") is None

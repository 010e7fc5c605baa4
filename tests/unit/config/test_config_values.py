"""TOML values into typed options: every supported type, and the messages for mistakes."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import pytest

from standards_lint.config.values import ValueProblem, build_options, convert, describe


@dataclass(frozen=True, slots=True)
class Bounds:
    low: int = 0
    high: int = 10


@dataclass(frozen=True, slots=True)
class Options:
    max_items: int = 3
    ratio: float = 0.5
    strict: bool = False
    label: str = "x"
    names: tuple[str, ...] = ()
    weights: Mapping[str, int] = field(default_factory=dict)
    mode: Literal["fast", "slow"] = "fast"
    bound: int | str = 1
    maybe: int | None = None
    bounds: Bounds = Bounds()
    layers: tuple[Bounds, ...] = ()

    def __post_init__(self) -> None:
        if self.max_items < 0:
            raise ValueError("max-items must not be negative")


@pytest.mark.parametrize(
    ("value", "annotation", "expected"),
    [
        (True, bool, True),
        (False, bool, False),
        (3, int, 3),
        (-2, int, -2),
        (2.5, float, 2.5),
        (2, float, 2.0),
        ("text", str, "text"),
        ("slow", Literal["fast", "slow"], "slow"),
        (["a", "b"], tuple[str, ...], ("a", "b")),
        ([], tuple[int, ...], ()),
        ({"a": 1}, Mapping[str, int], {"a": 1}),
        ({"a": 1}, dict[str, int], {"a": 1}),
        (4, int | str, 4),
        ("four", int | str, "four"),
        (None, int | None, None),
        (5, int | None, 5),
        ({"low": 1}, Bounds, Bounds(low=1)),
        ([{"high": 3}, {}], tuple[Bounds, ...], (Bounds(high=3), Bounds())),
    ],
)
def test_convert_accepts(value: Any, annotation: Any, expected: Any) -> None:
    converted = convert(value, annotation, "where")
    assert converted == expected
    assert type(converted) is type(expected) or isinstance(converted, Mapping)


def test_converted_float_is_a_float() -> None:
    assert type(convert(2, float, "w")) is float


def test_converted_tables_are_read_only() -> None:
    converted = convert({"a": 1}, Mapping[str, int], "w")
    with pytest.raises(TypeError):
        converted["b"] = 2  # type: ignore[index]


@pytest.mark.parametrize(
    ("value", "annotation", "message"),
    [
        (1, bool, "w: expected true or false, got an integer (1)"),
        ("yes", bool, "w: expected true or false, got a string ('yes')"),
        (True, int, "w: expected an integer, got a boolean (True)"),
        (1.5, int, "w: expected an integer, got a number (1.5)"),
        ("3", int, "w: expected an integer, got a string ('3')"),
        (False, float, "w: expected a number, got a boolean (False)"),
        ("1.0", float, "w: expected a number, got a string ('1.0')"),
        (3, str, "w: expected a string, got an integer (3)"),
        (["a"], str, "w: expected a string, got a list"),
        ({"a": 1}, str, "w: expected a string, got a table"),
        (
            "medium",
            Literal["fast", "slow"],
            "w: expected one of 'fast', 'slow', got a string ('medium')",
        ),
        ("a", tuple[str, ...], "w: expected a list of strings, got a string ('a')"),
        (["a", 2], tuple[str, ...], "w[1]: expected a string, got an integer (2)"),
        ([1], tuple[bool, ...], "w[0]: expected true or false, got an integer (1)"),
        ([1, 2], Mapping[str, int], "w: expected a table of integers, got a list"),
        ({"a": "x"}, Mapping[str, int], "w.a: expected an integer, got a string ('x')"),
        ([1], int | str, "w: expected an integer or a string, got a list"),
        ("x", int | None, "w: expected an integer, got a string ('x')"),
        (3, Bounds, "w: expected a table, got an integer (3)"),
        ({"low": "x"}, Bounds, "w: low: expected an integer, got a string ('x')"),
        ({"lowe": 1}, Bounds, "w: unknown key 'lowe'; did you mean 'low'?"),
        (
            [{"high": "x"}],
            tuple[Bounds, ...],
            "w[0]: high: expected an integer, got a string ('x')",
        ),
    ],
)
def test_convert_rejects_with_a_message_naming_the_place(
    value: Any, annotation: Any, message: str
) -> None:
    with pytest.raises(ValueProblem) as raised:
        convert(value, annotation, "w")
    assert str(raised.value) == message


@pytest.mark.parametrize(
    "value",
    [datetime.date(2024, 1, 2), datetime.time(12, 0), datetime.datetime(2024, 1, 2, 3, 4)],
)
def test_a_toml_date_is_not_described_as_a_table(value: object) -> None:
    with pytest.raises(ValueProblem) as raised:
        convert(value, int, "w")
    assert "got a table" not in str(raised.value)
    assert str(value) in str(raised.value)


@pytest.mark.parametrize(
    ("annotation", "text"),
    [
        (bool, "true or false"),
        (int, "an integer"),
        (float, "a number"),
        (str, "a string"),
        (Literal["a", "b"], "one of 'a', 'b'"),
        (tuple[int, ...], "a list of integers"),
        (tuple[Bounds, ...], "a list of tables"),
        (Mapping[str, str], "a table of strings"),
        (int | str, "an integer or a string"),
        (int | None, "an integer"),
        (Bounds, "a table"),
    ],
)
def test_describe(annotation: Any, text: str) -> None:
    assert describe(annotation) == text


def test_build_options_from_a_full_table() -> None:
    table = {
        "max-items": 5,
        "ratio": 1,
        "strict": True,
        "label": "y",
        "names": ["a"],
        "weights": {"k": 2},
        "mode": "slow",
        "bound": "b",
        "maybe": 4,
        "bounds": {"high": 20},
        "layers": [{"low": 1}],
    }
    options, problems = build_options(Options, table, "[area]")
    assert problems == []
    assert options == Options(
        max_items=5,
        ratio=1.0,
        strict=True,
        label="y",
        names=("a",),
        weights={"k": 2},
        mode="slow",
        bound="b",
        maybe=4,
        bounds=Bounds(high=20),
        layers=(Bounds(low=1),),
    )


def test_build_options_defaults_for_an_empty_table() -> None:
    assert build_options(Options, {}, "[area]") == (Options(), [])


def test_build_options_reports_every_problem_at_once() -> None:
    table = {"max-itemz": 1, "ratio": "high", "strict": 1, "mode": "medium"}
    options, problems = build_options(Options, table, "f.toml: [area]")
    assert options == Options()
    assert problems == [
        "f.toml: [area]: unknown key 'max-itemz'; did you mean 'max-items'?",
        "f.toml: [area]: ratio: expected a number, got a string ('high')",
        "f.toml: [area]: strict: expected true or false, got an integer (1)",
        "f.toml: [area]: mode: expected one of 'fast', 'slow', got a string ('medium')",
    ]


def test_python_field_names_are_not_keys() -> None:
    _, problems = build_options(Options, {"max_items": 1}, "[area]")
    assert problems == ["[area]: unknown key 'max_items'; did you mean 'max-items'?"]


def test_an_unknown_key_with_no_close_match_lists_the_valid_keys() -> None:
    _, problems = build_options(Bounds, {"zzzzzz": 1}, "[b]")
    assert problems == ["[b]: unknown key 'zzzzzz'; valid keys are: high, low"]


def test_a_table_without_keys_says_so() -> None:
    @dataclass(frozen=True)
    class Empty:
        pass

    _, problems = build_options(Empty, {"x": 1}, "[e]")
    assert problems == ["[e]: unknown key 'x'; this table takes no keys"]


def test_post_init_rejection_reaches_the_user_with_the_place() -> None:
    options, problems = build_options(Options, {"max-items": -1}, "f.toml: [area]")
    assert options == Options()
    assert problems == ["f.toml: [area]: max-items must not be negative"]


def test_build_options_onto_a_base_keeps_the_base_values() -> None:
    base = Options(max_items=7, label="base")
    options, problems = build_options(Options, {"label": "over"}, "override", base=base)
    assert problems == []
    assert options == Options(max_items=7, label="over")


def test_build_options_onto_a_base_returns_the_base_on_problems() -> None:
    base = Options(max_items=7)
    options, problems = build_options(Options, {"max-items": "x"}, "override", base=base)
    assert options is base
    assert problems == ["override: max-items: expected an integer, got a string ('x')"]

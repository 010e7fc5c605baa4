"""Engine positions (1-based, characters) to LSP positions (0-based, UTF-16 code units)."""

from __future__ import annotations

import pytest

from standards_lint.model import Span
from standards_lint.server.positions import LspPosition, TextLines, utf16_length


@pytest.mark.parametrize(
    ("text", "units"),
    [("", 0), ("abc", 3), ("é", 1), ("😀", 2), ("a😀b", 4), ("日本", 2)],
)
def test_utf16_length_counts_astral_characters_twice(text: str, units: int) -> None:
    assert utf16_length(text) == units


def test_a_span_after_an_emoji_moves_by_two_units_per_emoji() -> None:
    lines = TextLines("x = '😀😀' + y\n")
    # "y" is the 12th character (1-based), after two astral characters.
    start, end = lines.span_range(Span(1, 12, 1, 13))
    assert start == LspPosition(0, 13)
    assert end == LspPosition(0, 14)


def test_accented_letters_are_one_unit_each() -> None:
    lines = TextLines("print('café')  \n")
    start, end = lines.span_range(Span(1, 14, 1, 16))
    assert (start, end) == (LspPosition(0, 13), LspPosition(0, 15))


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_every_line_ending_starts_a_line(ending: str) -> None:
    lines = TextLines(f"first{ending}😀second{ending}third")
    assert lines.line_text(1) == "😀second"
    assert lines.offset_position(len(f"first{ending}😀s")).line == 1
    assert lines.offset_position(len(f"first{ending}😀s")).character == 3
    assert lines.position(2, 0) == LspPosition(2, 0)


def test_a_form_feed_does_not_end_a_line() -> None:
    lines = TextLines("a\x0cb\nc\n")
    assert lines.line_text(0) == "a\x0cb"
    assert lines.offset_position(4) == LspPosition(1, 0)


def test_positions_past_the_end_are_clamped() -> None:
    lines = TextLines("ab\ncd")
    assert lines.position(0, 99) == LspPosition(0, 2)
    assert lines.position(7, 0) == LspPosition(1, 2)
    assert lines.offset_position(99) == LspPosition(1, 2)


def test_an_offset_between_cr_and_lf_is_the_end_of_its_line() -> None:
    lines = TextLines("ab\r\ncd")
    assert lines.offset_position(3) == LspPosition(0, 2)


def test_offset_reverses_offset_position_across_astral_characters() -> None:
    text = "a😀b\nc😀😀d\n"
    lines = TextLines(text)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset] == "\r":
            continue
        assert lines.offset(lines.offset_position(offset)) == offset


def test_a_span_that_ends_before_it_starts_becomes_empty() -> None:
    lines = TextLines("abc\n")
    start, end = lines.span_range(Span(1, 3, 1, 1))
    assert start == end == LspPosition(0, 2)

"""Suppression comments: codes, reasons, file level, and markers that are not comments."""

from __future__ import annotations

import pytest

from standards_lint.engine.comments import find_suppressions
from standards_lint.model import Suppression


@pytest.mark.parametrize(
    ("line", "codes", "reason"),
    [
        ("x = 1  # standards-lint: ignore[STY001]", ("STY001",), ""),
        (
            "x = 1  # standards-lint: ignore[STY001, line-too-long ,DOC]",
            ("STY001", "line-too-long", "DOC"),
            "",
        ),
        ("x = 1  # standards-lint: ignore[STY001] generated code", ("STY001",), "generated code"),
        ("x = 1  # standards-lint: ignore[STY001]: generated code", ("STY001",), "generated code"),
        ("x = 1  # standards-lint: ignore[STY001] -- generated", ("STY001",), "generated"),
        ("x = 1  # standards-lint: ignore[STY001] — generated", ("STY001",), "generated"),
        ("x = 1  # standards-lint: ignore", (), ""),
        ("x = 1  # standards-lint: ignore because reasons", (), "because reasons"),
        ("x = 1  # standards-lint: ignore[] empty list", (), "empty list"),
        ("x = 1  #standards-lint:ignore[STY001]", ("STY001",), ""),
        ("x = 1  # noqa: E501  # standards-lint: ignore[STY001]", ("STY001",), ""),
    ],
)
def test_line_suppressions(line: str, codes: tuple[str, ...], reason: str) -> None:
    assert find_suppressions(f"a = 0\n{line}\n") == (Suppression(2, 2, codes, reason),)


def test_file_level_suppressions_have_no_line() -> None:
    text = '"""Doc."""\n# standards-lint: ignore-file[DOC001] legacy module\nx = 1\n'
    assert find_suppressions(text) == (Suppression(None, 2, ("DOC001",), "legacy module"),)


def test_a_blanket_file_level_suppression() -> None:
    assert find_suppressions("# standards-lint: ignore-file\n") == (Suppression(None, 1, (), ""),)


def test_a_comment_on_its_own_line_applies_to_that_line() -> None:
    assert find_suppressions("# standards-lint: ignore[X001]\nx = 1\n") == (
        Suppression(1, 1, ("X001",), ""),
    )


def test_several_suppressions_in_line_order() -> None:
    text = "a = 1  # standards-lint: ignore[A001]\nb = 2\nc = 3  # standards-lint: ignore\n"
    assert find_suppressions(text) == (
        Suppression(1, 1, ("A001",), ""),
        Suppression(3, 3, (), ""),
    )


@pytest.mark.parametrize(
    "text",
    [
        's = "# standards-lint: ignore[STY001]"\n',
        "s = '''\n# standards-lint: ignore[STY001]\n'''\n",
        '"""Docs say: # standards-lint: ignore-file"""\n',
        'f"{x}  # standards-lint: ignore"\n',
    ],
    ids=["string", "multiline-string", "docstring", "f-string"],
)
def test_markers_inside_strings_are_not_suppressions(text: str) -> None:
    assert find_suppressions(text) == ()


@pytest.mark.parametrize(
    "comment",
    [
        "# standards-lint: ignored",
        "# standards-lint: please ignore[STY001]",
        "# standards-lint: fix[STY001]",
        "# standards-lint:",
    ],
)
def test_other_comments_mentioning_the_tool_are_not_suppressions(comment: str) -> None:
    assert find_suppressions(f"x = 1  {comment}\n") == ()


def test_no_marker_no_tokenizing() -> None:
    assert find_suppressions("x = (\n") == ()


def test_a_file_that_does_not_tokenize_still_has_its_suppressions() -> None:
    text = "x = (  # standards-lint: ignore[SL001] work in progress\n"
    assert find_suppressions(text) == (Suppression(1, 1, ("SL001",), "work in progress"),)


def without_suppression(text: str) -> str:
    """``text`` after the removal edit of its one suppression comment."""
    [suppression] = find_suppressions(text)
    removal = suppression.removal
    assert removal is not None
    assert removal.replacement == ""
    return text[: removal.start] + text[removal.end :]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a = 1\n# standards-lint: ignore[X001] why\nb = 2\n", "a = 1\nb = 2\n"),
        ("a = 1\n    # standards-lint: ignore\nb = 2\n", "a = 1\nb = 2\n"),
        ("a = 1\n# standards-lint: ignore   \nb = 2\n", "a = 1\nb = 2\n"),
        ("a = 1  # standards-lint: ignore[X001] why\nb = 2\n", "a = 1\nb = 2\n"),
        ("a = 1\t# standards-lint: ignore\n", "a = 1\n"),
        ("a = 1 #standards-lint:ignore[X001]\n", "a = 1\n"),
        ("a = 1  # noqa: E501  # standards-lint: ignore[X] why\n", "a = 1  # noqa: E501\n"),
        ("# type: ignore  # standards-lint: ignore\nb = 2\n", "# type: ignore\nb = 2\n"),
        ("a = 1  # note:# standards-lint: ignore\n", "a = 1  # note:\n"),
    ],
    ids=[
        "alone",
        "alone-indented",
        "alone-trailing-blanks",
        "after-code",
        "after-code-tab",
        "after-code-no-blank",
        "after-another-comment",
        "alone-after-another-comment",
        "glued-to-another-comment",
    ],
)
def test_the_removal_of_each_layout(text: str, expected: str) -> None:
    assert without_suppression(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a = 1\r\n# standards-lint: ignore\r\nb = 2\r\n", "a = 1\r\nb = 2\r\n"),
        ("a = 1  # standards-lint: ignore\r\nb = 2\r\n", "a = 1\r\nb = 2\r\n"),
        ("a = 1\n# standards-lint: ignore", "a = 1\n"),
        ("a = 1  # standards-lint: ignore", "a = 1"),
        ("# standards-lint: ignore", ""),
    ],
    ids=["crlf-alone", "crlf-after-code", "last-line-alone", "last-line-after-code", "only-line"],
)
def test_the_removal_keeps_the_other_lines_and_their_endings(text: str, expected: str) -> None:
    assert without_suppression(text) == expected


def test_a_file_level_suppression_is_removed_with_its_line() -> None:
    text = '"""Doc."""\n# standards-lint: ignore-file[DOC001] legacy module\nx = 1\n'
    [suppression] = find_suppressions(text)
    assert suppression.line is None
    assert without_suppression(text) == '"""Doc."""\nx = 1\n'


def test_removal_offsets_count_characters_not_bytes() -> None:
    text = 's = "héllo wörld"  # standards-lint: ignore\nt = "ü"\n'
    assert without_suppression(text) == 's = "héllo wörld"\nt = "ü"\n'


def test_each_of_several_comments_removes_only_itself() -> None:
    text = "a = 1  # standards-lint: ignore[A]\n# standards-lint: ignore[B]\nc = 3\n"
    first, second = find_suppressions(text)
    assert first.removal is not None and second.removal is not None
    assert text[first.removal.start : first.removal.end] == "  # standards-lint: ignore[A]"
    assert text[second.removal.start : second.removal.end] == "# standards-lint: ignore[B]\n"


def test_a_lone_carriage_return_keeps_the_text_after_it() -> None:
    # The tokenizer ends lines at "\n" only, so a lone "\r" is no line ending
    # to remove the comment with: only the comment goes.
    assert without_suppression("a = 1  # standards-lint: ignore\rb = 2\n") == "a = 1\rb = 2\n"


def test_a_comment_running_over_a_lone_carriage_return_offers_no_removal() -> None:
    # Python ends the line at the "\r", so "b = 2" is code, although the
    # tokenizer's comment token runs on to the "\n".
    [suppression] = find_suppressions("# standards-lint: ignore\rb = 2\n")
    assert suppression.removal is None


def test_the_removal_does_not_take_part_in_equality() -> None:
    [found] = find_suppressions("x = 1  # standards-lint: ignore[X001]\n")
    assert found.removal is not None
    assert found == Suppression(1, 1, ("X001",), "")


def test_a_file_that_does_not_tokenize_offers_no_removal() -> None:
    text = "x = (  # standards-lint: ignore[SL001] work in progress\n"
    [suppression] = find_suppressions(text)
    assert suppression.removal is None

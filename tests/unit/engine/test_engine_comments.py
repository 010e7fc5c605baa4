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

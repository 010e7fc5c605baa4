"""The syntax facts that several rule areas share."""

from __future__ import annotations

import ast

import pytest

from standards_lint.syntax import (
    PARSE_ERRORS,
    decorator_name,
    decorator_names,
    dotted_name,
    is_package_init,
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("pkg/__init__.py", True),
        ("__init__.pyi", True),
        ("pkg/init.py", False),
        ("pkg/__init__.py/other.py", False),
        ("pkg/not__init__.py", False),
    ],
)
def test_package_inits_are_told_by_their_file_name(path: str, expected: bool) -> None:
    assert is_package_init(path) is expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("a", "a"), ("a.b.c", "a.b.c"), ("a().b", ""), ("a[0]", ""), ("'text'.join", "")],
)
def test_dotted_names_follow_attributes_down_to_a_name(expression: str, expected: str) -> None:
    node = ast.parse(expression, mode="eval").body
    assert dotted_name(node) == expected


def test_decorators_are_named_by_their_last_part_through_calls() -> None:
    function = ast.parse(
        "@pytest.fixture(scope='module')\n@property\n@registry[0]\ndef f(): pass\n"
    ).body[0]
    assert isinstance(function, ast.FunctionDef)
    assert [decorator_name(node) for node in function.decorator_list] == ["fixture", "property", ""]
    assert decorator_names(function) == frozenset({"fixture", "property"})


@pytest.mark.parametrize("code", ["def f(:\n", "x = 1\x00\n", "(" * 1000 + ")" * 1000])
def test_parse_errors_cover_what_parsing_bad_code_raises(code: str) -> None:
    with pytest.raises(PARSE_ERRORS):
        ast.parse(code)

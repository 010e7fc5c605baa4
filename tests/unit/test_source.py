"""Decoding source bytes and parsing them at most once."""

from __future__ import annotations

import ast

import pytest

from standards_lint.lazy_libcst import LazyModule
from standards_lint.source import (
    SourceDecodeError,
    SourceFile,
    decode_source,
    split_lines,
)
from standards_lint.syntax import walk_statements


def test_decode_utf8_and_strip_bom() -> None:
    assert decode_source("x = 'é'\n".encode()) == "x = 'é'\n"
    assert decode_source(b"\xef\xbb\xbfx = 1\n") == "x = 1\n"


def test_decode_honours_the_coding_cookie() -> None:
    raw = "# -*- coding: latin-1 -*-\nx = 'é'\n".encode("latin-1")
    assert decode_source(raw).endswith("x = 'é'\n")


@pytest.mark.parametrize(
    "raw",
    [
        b"x = '\xff'\n",
        b"# -*- coding: no-such-codec -*-\nx = 1\n",
        b"\xef\xbb\xbf# coding: latin-1\n",
    ],
    ids=["invalid-utf8", "unknown-codec", "bom-and-other-cookie"],
)
def test_undecodable_bytes_raise_source_decode_error(raw: bytes) -> None:
    with pytest.raises(SourceDecodeError):
        decode_source(raw)


def test_lines_have_no_endings() -> None:
    assert SourceFile("a.py", "a = 1\r\nb = 2\n").lines == ["a = 1", "b = 2"]


def test_trees_are_parsed_once() -> None:
    source = SourceFile("a.py", "x = 1\n")
    assert source.ast_module is source.ast_module
    assert isinstance(source.ast_module, ast.Module)
    assert source.cst_module is source.cst_module
    assert source.cst_module.code == "x = 1\n"


def test_ast_module_raises_syntax_error() -> None:
    with pytest.raises(SyntaxError):
        SourceFile("a.py", "def (:\n").ast_module  # noqa: B018


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("pkg/__init__.py", True),
        ("__init__.py", True),
        ("pkg/init.py", False),
        ("x__init__.py", False),
    ],
)
def test_is_package_init(path: str, expected: bool) -> None:
    assert SourceFile(path, "").is_package_init is expected


def test_lazy_module_imports_on_first_attribute() -> None:
    lazy = LazyModule("json")
    assert "dumps" not in vars(lazy)
    assert lazy.dumps([1]) == "[1]"
    assert "dumps" in vars(lazy)


def test_lazy_module_raises_attribute_error_for_missing_names() -> None:
    with pytest.raises(AttributeError):
        LazyModule("json").no_such_name  # noqa: B018


WALK_SAMPLE = """\
import a
def f():
    try:
        import b
    except ValueError:
        import c
    else:
        x = lambda: 1
    finally:
        pass
class C:
    match x:
        case 1:
            import d
"""


def test_walk_statements_finds_every_statement_in_source_order() -> None:
    tree = ast.parse(WALK_SAMPLE)
    every = [node for node in ast.walk(tree) if isinstance(node, ast.stmt)]
    found = list(walk_statements(tree))
    assert sorted(map(id, found)) == sorted(map(id, every))
    positions = [(node.lineno, node.col_offset) for node in found]
    assert positions == sorted(positions)
    assert [type(node).__name__ for node in found][:3] == ["Import", "FunctionDef", "Try"]


def test_a_derived_view_is_computed_once_per_file_and_key() -> None:
    source = SourceFile("a.py", "x = 1\n")
    calls: list[str] = []

    def compute(name: str) -> str:
        calls.append(name)
        return name.upper()

    assert source.derived(("view", 1), lambda: compute("one")) == "ONE"
    assert source.derived(("view", 1), lambda: compute("again")) == "ONE"
    assert source.derived(("view", 2), lambda: compute("two")) == "TWO"
    other = SourceFile("a.py", "x = 1\n")
    assert other.derived(("view", 1), lambda: compute("other")) == "OTHER"
    assert calls == ["one", "two", "other"]


def test_the_python_tree_is_none_for_code_that_does_not_parse() -> None:
    assert SourceFile("a.py", "def f(:\n").python_tree is None
    tree = SourceFile("a.py", "x = 1\n").python_tree
    assert tree is not None
    assert isinstance(tree.body[0], ast.Assign)


def test_offsets_count_characters_from_the_start_of_the_text() -> None:
    text = "é = 1\r\nx = 2\ny\n"
    source = SourceFile("a.py", text)
    assert source.offset(1, 1) == 0
    assert text[source.offset(2, 1)] == "x"
    assert text[source.offset(3, 1)] == "y"
    assert source.offset(9, 1) == len(text)
    assert split_lines(text) == ["é = 1", "x = 2", "y", ""]

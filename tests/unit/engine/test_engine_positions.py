"""find_spans must agree with LibCST's PositionProvider, for every node but the Module."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import click.core
import libcst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

import standards_lint.config.standards
import standards_lint.engine.walk
from standards_lint.engine import positions
from standards_lint.engine.positions import find_spans, find_spans_by_statement
from standards_lint.model import Span

TRICKY = {
    "empty": "",
    "comment-only": "# nothing here\n",
    "no-final-newline": "x = 1\ny = (2,\n     3)",
    "crlf": "def f(a,\r\n      b):\r\n    return a + b\r\n",
    "tabs": "if x:\n\tif y:\n\t\tz = 1\n",
    "unicode": "s = 'héllo wörld'; t = '日本語'; u = s + t\n",
    "backslash": "total = 1 + \\\n    2\nassert total, \\\n    'message'\n",
    "semicolons": "a = 1; b = 2; c = a if b else (b or a)\n",
    "decorators": "@a\n@b.c(d=1)\nasync def f[T](x: T, /, *a, k=1, **kw) -> T:\n    await g()\n",
    "strings": 'x = f"{a!r:>{width}} {b}"\ny = """multi\nline""" "concat"\nz = rb"\\x00"\n',
    "comprehensions": "r = {k: [v for v in vs if v] for k, vs in d.items()}\ng = (i for i in r)\n",
    "match": (
        "match p:\n    case Point(x=0, y=0) | [1, *_]:\n        pass\n    case _:\n        pass\n"
    ),
    "blank-lines": "\n\n\nclass A:\n\n    x = 1\n\n\n    def f(self): ...\n\n\n",
    "global-walrus": "def f():\n    global n\n    if (m := n) > 1:\n        del m\n",
    "try": (
        "try:\n    pass\nexcept* (A, B) as e:\n    raise X from e\n"
        "else:\n    pass\nfinally:\n    pass\n"
    ),
}


def real_files() -> dict[str, str]:
    files = {
        "click/core.py": click.core.__file__,
        "standards_lint/config/standards.py": standards_lint.config.standards.__file__,
        "standards_lint/engine/walk.py": standards_lint.engine.walk.__file__,
    }
    return {name: Path(path).read_text(encoding="utf-8") for name, path in files.items()}  # type: ignore[arg-type]


def expected_and_found(source: str) -> tuple[dict[int, Span], dict[int, Span], int]:
    wrapper = MetadataWrapper(libcst.parse_module(source))
    positions = wrapper.resolve(PositionProvider)
    nodes = [node for node in positions if not isinstance(node, libcst.Module)]
    expected = {}
    for node in nodes:
        found = positions[node]
        expected[id(node)] = Span(
            found.start.line, found.start.column + 1, found.end.line, found.end.column + 1
        )
    return expected, find_spans(wrapper.module, nodes), len(nodes)


@pytest.mark.parametrize(("name", "source"), [*TRICKY.items(), *real_files().items()])
def test_spans_agree_with_position_provider(name: str, source: str) -> None:
    expected, found, count = expected_and_found(source)
    assert count > 0 or name in {"empty", "comment-only"}
    assert found.keys() == expected.keys()
    wrong = {key: (expected[key], found[key]) for key in expected if found[key] != expected[key]}
    assert not wrong, f"{len(wrong)} of {count} spans differ in {name}"


def test_only_the_asked_nodes_are_returned() -> None:
    module = libcst.parse_module("def f():\n    return value\n")
    function = module.body[0]
    assert isinstance(function, libcst.FunctionDef)
    spans = find_spans(module, [function.name])
    assert spans == {id(function.name): Span(1, 5, 1, 6)}


def test_a_multiline_node_spans_its_lines() -> None:
    module = libcst.parse_module("x = 0\ndef f():\n    return value\n")
    function = module.body[1]
    assert find_spans(module, [function])[id(function)] == Span(2, 1, 3, 17)


def test_a_node_not_in_the_tree_gets_the_file_start() -> None:
    module = libcst.parse_module("x = 1\n")
    stranger = libcst.Name("stranger")
    assert find_spans(module, [stranger]) == {id(stranger): Span(1, 1, 1, 1)}


def test_no_nodes_no_spans() -> None:
    assert find_spans(libcst.parse_module("x = 1\n"), []) == {}


Wanted = tuple[libcst.CSTNode, libcst.CSTNode, tuple[libcst.CSTNode, ...]]


def nodes_with_statements(module: libcst.Module) -> list[Wanted]:
    """Every node below the module, with its module-level statement and its enclosing nodes."""
    wanted: list[Wanted] = []

    def collect(node: libcst.CSTNode, enclosing: tuple[libcst.CSTNode, ...]) -> None:
        chain = (*enclosing, node)
        wanted.append((node, chain[1], chain))
        for child in node.children:
            collect(child, chain)

    for statement in module.body:
        collect(statement, (module,))
    return wanted


@pytest.mark.parametrize(("name", "source"), [*TRICKY.items(), *real_files().items()])
def test_spans_by_statement_agree_with_the_whole_module_pass(name: str, source: str) -> None:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        pytest.skip("newer syntax than this Python's ast (the engine reports SL001 then)")
    module = libcst.parse_module(source)
    wanted = nodes_with_statements(module)
    whole = find_spans(module, [node for node, _, _ in wanted])
    assert find_spans_by_statement(module, tree, wanted) == whole
    # Without the enclosing nodes, each node is found in its module-level statement.
    alone = [(node, statement, ()) for node, statement, _ in wanted]
    assert find_spans_by_statement(module, tree, alone) == whole


def test_a_node_in_a_method_is_found_by_generating_its_statement_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    generated: list[libcst.CSTNode] = []
    generate = positions._generate

    def recording(module: libcst.Module, place: Any) -> Any:
        generated.append(place.statement)
        return generate(module, place)

    monkeypatch.setattr(positions, "_generate", recording)
    source = (
        "class A:\n    x = 1\n\n    # about f\n    @property\n"
        "    def f(self):\n        return (\n            1)\n"
    )
    module = libcst.parse_module(source)
    wanted = nodes_with_statements(module)
    method = module.body[0].body.body[1]  # type: ignore[attr-defined]
    returned = method.body.body[0].body[0].value
    chain = next(chain for node, _, chain in wanted if node is returned)
    spans = find_spans_by_statement(module, ast.parse(source), [(returned, module.body[0], chain)])
    assert spans == {id(returned): Span(8, 13, 8, 14)} == find_spans(module, [returned])
    assert generated == [method.body.body[0]]


def test_a_node_reported_outside_the_enclosing_nodes_is_still_found() -> None:
    source = "class A:\n    def f(self):\n        pass\n\n    y = 2\n"
    module = libcst.parse_module(source)
    klass = module.body[0]
    method = klass.body.body[0]  # type: ignore[attr-defined]
    other = klass.body.body[1]  # type: ignore[attr-defined]
    # Reported while the walk was in f, about a statement beside it.
    chain = (module, klass, klass.body, method, other)  # type: ignore[attr-defined]
    spans = find_spans_by_statement(module, ast.parse(source), [(other, klass, chain)])
    assert spans == find_spans(module, [other])


def test_spans_by_statement_fall_back_without_a_statement() -> None:
    module = libcst.parse_module("x = 1\n\n\ny = (\n    2)\n")
    node = module.body[1]
    spans = find_spans_by_statement(module, ast.parse(module.code), [(node, None, ())])
    assert spans[id(node)] == Span(4, 1, 5, 7)

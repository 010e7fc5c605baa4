"""measure_module: which functions it lists, each figure, and radon's figures for the module."""

from __future__ import annotations

import sys
import textwrap

import pytest
from radon.complexity import cc_visit
from radon.metrics import mi_rank, mi_visit
from radon.raw import analyze
from radon.visitors import Class, Function

from standards_lint.rules.complexity.metrics import FunctionMetrics, measure_module
from standards_lint.source import split_lines

SAMPLE = textwrap.dedent(
    '''\
    """A module with one of everything."""
    import functools


    @functools.lru_cache(
        maxsize=None,
    )
    def decorated(a, /, b, *args, c, **kwargs):
        """Documented."""
        if a:
            for x in b:
                if x:
                    return x
        elif b:
            with open(a) as stream:
                try:
                    return stream.read()
                except OSError:
                    pass
        return None


    def outer(values):
        def inner(value):
            return value if value else 0
        class Local:
            def method(self):
                pass
        return [inner(value) for value in values]


    class Shape:
        def area(self):
            return 0

        class Corner:
            def angle(self):
                return 90

    if True:
        async def conditional():
            return 1

    def one_liner(): return 1
    '''
)


def _by_name(source: str) -> dict[str, FunctionMetrics]:
    return {function.qualified_name: function for function in measure_module(source).functions}


def test_every_function_is_listed_under_its_qualified_name_in_source_order() -> None:
    names = [function.qualified_name for function in measure_module(SAMPLE).functions]
    assert names == [
        "decorated",
        "outer",
        "outer.<locals>.inner",
        "outer.<locals>.Local.method",
        "Shape.area",
        "Shape.Corner.angle",
        "conditional",
        "one_liner",
    ]


def test_a_decorated_function_is_at_its_def_line_as_radon_says() -> None:
    decorated = _by_name(SAMPLE)["decorated"]
    radon_line = next(block.lineno for block in cc_visit(SAMPLE) if block.name == "decorated")
    assert (decorated.line, decorated.column, decorated.end_line) == (radon_line, 0, 20)
    assert SAMPLE.splitlines()[decorated.line - 1].startswith("def decorated(")


def test_cyclomatic_complexity_is_radons_and_leaves_closures_out() -> None:
    functions = _by_name(SAMPLE)
    outer = next(block for block in cc_visit(SAMPLE) if block.name == "outer")
    assert functions["decorated"].cyclomatic == 6  # if, for, if, elif, except
    assert functions["outer"].cyclomatic == outer.complexity == 2  # its comprehension
    assert functions["outer.<locals>.inner"].cyclomatic == outer.closures[0].complexity == 2


def test_cognitive_complexity_counts_closures_in_their_enclosing_function() -> None:
    functions = _by_name(SAMPLE)
    assert functions["decorated"].cognitive == 9  # 1 + 2 + 3, elif 1, except 2
    assert functions["outer"].cognitive == 2  # inner's conditional expression, nested once
    assert functions["outer.<locals>.inner"].cognitive == 1
    assert functions["outer.<locals>.inner"].is_nested
    assert not functions["Shape.Corner.angle"].is_nested


def test_logical_lines_are_radons_lloc_of_the_body() -> None:
    functions = _by_name(SAMPLE)
    body = "\n".join(SAMPLE.splitlines()[8:20])
    assert functions["decorated"].logical_lines == analyze(body).lloc == 12
    assert functions["one_liner"].logical_lines == 1


def test_logical_lines_of_a_body_with_wide_characters_before_it() -> None:
    source = 'def f(é="ü"): x = "∂"; return x\n'
    assert _by_name(source)["f"].logical_lines == 2


def test_nesting_depth_counts_blocks_with_elif_at_the_level_of_its_if() -> None:
    functions = _by_name(SAMPLE)
    assert functions["decorated"].max_nesting == 3  # if / for / if, and elif / with / try
    assert functions["outer"].max_nesting == 0  # nested definitions are measured on their own
    source = (
        "def f():\n    if a:\n        pass\n    elif b:\n        pass\n    else:\n        pass\n"
    )
    assert _by_name(source)["f"].max_nesting == 1


def test_nesting_depth_counts_match_cases_and_loop_else() -> None:
    source = textwrap.dedent(
        """\
        def f(x):
            match x:
                case 1:
                    while x:
                        pass
                    else:
                        if x:
                            pass
        """
    )
    assert _by_name(source)["f"].max_nesting == 3


def test_parameters_are_counted_as_declared() -> None:
    functions = _by_name(SAMPLE)
    assert functions["decorated"].parameters == 5
    assert functions["Shape.area"].parameters == 1
    assert functions["one_liner"].parameters == 0


def test_the_module_has_radons_maintainability_index_and_rank() -> None:
    module = measure_module(SAMPLE)
    assert module.maintainability_index == pytest.approx(mi_visit(SAMPLE, True))
    assert module.maintainability_rank == mi_rank(mi_visit(SAMPLE, True))


def test_the_module_blocks_are_radons_with_classes_and_without_closures() -> None:
    module = measure_module(SAMPLE)
    listed = [(block.kind, block.name, block.line, block.complexity) for block in module.blocks]
    expected = [
        (_radon_kind(block), block.fullname, block.lineno, block.complexity)
        for block in cc_visit(SAMPLE)
    ]
    assert listed == expected
    assert ("class", "Shape", 32, 2) in listed
    assert module.average_complexity == sum(row[3] for row in listed) / len(listed)


def _radon_kind(block: Function | Class) -> str:
    if isinstance(block, Class):
        return "class"
    return "method" if block.is_method else "function"


def test_an_empty_module_has_no_functions_and_no_blocks() -> None:
    module = measure_module("")
    assert (module.functions, module.blocks, module.average_complexity) == ((), (), 0.0)
    assert (module.maintainability_index, module.maintainability_rank) == (100.0, "A")


@pytest.mark.parametrize("source", ["def f(:\n", "x = 1\0\n", "(" * 300 + ")" * 300 + "\n"])
def test_what_does_not_parse_raises_syntax_error(source: str) -> None:
    with pytest.raises(SyntaxError):
        measure_module(source)


def test_an_expression_deeper_than_radons_recursion_is_measured() -> None:
    limit = sys.getrecursionlimit()
    source = "def f(x):\n    return " + " + ".join(["x"] * 1500) + "\n"
    assert _by_name(source)["f"].cyclomatic == 1
    assert sys.getrecursionlimit() == limit


def test_a_form_feed_does_not_shift_the_lines_of_later_functions() -> None:
    source = "\x0c\ndef f(x):\n    if x:\n        pass\n    else:\n        pass\n"
    (function,) = measure_module(source).functions
    assert (function.line, function.cognitive, function.logical_lines) == (2, 2, 4)
    assert split_lines(source)[1] == "def f(x):"


@pytest.mark.parametrize(
    ("source", "logical_lines"),
    [
        ("def f(x):  # don\x1e't split here\n    return x\n", 1),
        ("\x0cdef f(x):  # \u2028'\n    return x\n", 1),
        ("def f(x):\n    A\u0300 = x\n    return A\u0300\n", 2),
    ],
    ids=["record-separator", "form-feed-and-line-separator", "combining-mark"],
)
def test_valid_code_that_radon_misreads_is_measured(source: str, logical_lines: int) -> None:
    # Radon alone reports "SyntaxError at line: N" for these valid modules.
    module = measure_module(source)
    assert module.functions[0].logical_lines == logical_lines
    assert module.maintainability_index > 0

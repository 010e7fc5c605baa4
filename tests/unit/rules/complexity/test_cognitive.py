"""Cognitive complexity, rule by rule, on the specification's examples written in Python.

The specification is SonarSource's *Cognitive Complexity* (G. Ann Campbell,
version 1.7, 2023): B1 lists the increments, B2 what raises the nesting level,
B3 which increments also add the nesting level.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from standards_lint.rules.complexity.cognitive import (
    IncrementKind,
    cognitive_complexity,
    cognitive_increments,
)


def _first_function(source: str) -> tuple[ast.FunctionDef | ast.AsyncFunctionDef, str | None]:
    """The first function of ``source``, or the first method of its first class."""
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node, None
        if isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    return member, node.name
    raise AssertionError("no function in the example")


def score(source: str) -> int:
    """The cognitive complexity of the first function (or method) in ``source``."""
    source = textwrap.dedent(source)
    function, class_name = _first_function(source)
    return cognitive_complexity(function, source.splitlines(), class_name=class_name)


def increments(source: str) -> list[tuple[int, str, int]]:
    """(line, kind, amount) of every increment of the first function in ``source``."""
    source = textwrap.dedent(source)
    function, class_name = _first_function(source)
    found = cognitive_increments(function, source.splitlines(), class_name=class_name)
    return [(increment.line, increment.kind.value, increment.amount) for increment in found]


def test_the_specifications_sum_of_primes_scores_seven() -> None:
    # Java's ``continue OUT`` (+1, a jump to a label) is Python's for/else (+1).
    assert increments(
        """
        def sum_of_primes(maximum):
            total = 0
            for i in range(1, maximum + 1):
                for j in range(2, i):
                    if i % j == 0:
                        break
                else:
                    total += i
            return total
        """
    ) == [(4, "loop", 1), (5, "loop", 2), (6, "if", 3), (8, "else", 1)]


def test_the_specifications_get_words_scores_one_for_the_whole_switch() -> None:
    assert (
        score(
            """
            def get_words(number):
                match number:
                    case 1:
                        return "one"
                    case 2:
                        return "a couple"
                    case _:
                        return "lots"
            """
        )
        == 1
    )


def test_the_specifications_nesting_example_scores_nine() -> None:
    assert increments(
        """
        def my_method():
            try:
                if condition1:
                    for i in range(10):
                        while condition2:
                            pass
            except (ExcepType1, ExcepType2):
                if condition2:
                    pass
        """
    ) == [(4, "if", 1), (5, "loop", 2), (6, "loop", 3), (8, "except", 1), (9, "if", 2)]


def test_a_lambda_adds_nesting_but_no_increment() -> None:
    assert increments(
        """
        def my_method2():
            r = lambda: first if condition1 else second
        """
    ) == [(3, "conditional expression", 2)]


def test_elif_and_else_are_hybrid_increments() -> None:
    # +1 each, no nesting increment, but they nest what they contain.
    assert increments(
        """
        def f(x):
            for item in x:
                if item > 1:
                    pass
                elif item < 0:
                    if item:
                        pass
                else:
                    pass
        """
    ) == [(3, "loop", 1), (4, "if", 2), (6, "elif", 1), (7, "if", 3), (9, "else", 1)]


def test_an_else_increment_sits_on_the_else_line_past_comments() -> None:
    assert increments(
        """
        def f(x):
            if x:
                pass

            # a comment about the other case
            else: pass
        """
    ) == [(3, "if", 1), (7, "else", 1)]


def test_an_if_inside_else_is_not_an_elif() -> None:
    assert increments(
        """
        def f(x):
            if x:
                pass
            else:
                if y:
                    pass
        """
    ) == [(3, "if", 1), (5, "else", 1), (6, "if", 2)]


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("a and b", 1),
        ("a and b and c", 1),
        ("a and b or c", 2),
        ("a and b or c and d", 3),
        ("a and b and c or d or e and f", 3),  # the specification's example
        ("a or b and c or d", 3),  # written inline: or, and, or
        ("a or (b and c) or d", 2),  # the group is a sequence of its own
        ("a or (\n    b and c  # a group\n) or d", 2),
        ("a and (b or c) and d", 2),  # or inside and is always a group
        ("a and (b and c)", 2),
        ("a and not (b and c)", 2),  # the specification's negation example
        ("g(a and b) or c", 2),
    ],
)
def test_each_sequence_of_like_boolean_operators_adds_one(condition: str, expected: int) -> None:
    assert score(f"def f():\n    return ({condition})\n") == expected


def test_boolean_operators_count_wherever_they_are_written() -> None:
    assert (
        score(
            """
            async def f(values):
                x = g(key=a or b) + (c or d).e
                y = f"{e or g}"
                z = await (h or i)
                yield j or k
            """
        )
        == 5
    )


def test_a_conditional_expression_nests_what_it_contains() -> None:
    assert increments(
        """
        def f(a):
            if a:
                return 1 if a else (2 if b else 3)
        """
    ) == [(3, "if", 1), (4, "conditional expression", 2), (4, "conditional expression", 3)]


def test_try_finally_and_with_add_nothing_and_nest_nothing() -> None:
    assert increments(
        """
        def f():
            try:
                with open(name) as stream:
                    if stream:
                        pass
            finally:
                if done:
                    pass
        """
    ) == [(5, "if", 1), (8, "if", 1)]


def test_every_except_clause_and_a_try_else_count() -> None:
    assert increments(
        """
        def f():
            try:
                pass
            except KeyError:
                pass
            except ValueError:
                if x:
                    pass
            else:
                if y:
                    pass
        """
    ) == [(5, "except", 1), (7, "except", 1), (8, "if", 2), (10, "else", 1), (11, "if", 2)]


def test_a_while_loop_else_counts_like_any_else() -> None:
    assert increments(
        """
        def f():
            while x:
                pass
            else:
                pass
        """
    ) == [(3, "loop", 1), (5, "else", 1)]


def test_match_counts_once_and_nests_its_cases_and_guards() -> None:
    assert increments(
        """
        def f(x):
            if x:
                match x:
                    case 1 if (1 if y else 0):
                        pass
                    case _:
                        if y:
                            pass
        """
    ) == [
        (3, "if", 1),
        (4, "match", 2),
        (5, "conditional expression", 3),
        (8, "if", 3),
    ]


def test_break_continue_and_return_are_free() -> None:
    assert increments(
        """
        def f(x):
            for item in x:
                if item:
                    break
                continue
            return
        """
    ) == [(3, "loop", 1), (4, "if", 2)]


def test_comprehensions_are_shorthand_and_add_nothing() -> None:
    assert increments(
        """
        def f(rows):
            return [cell for row in rows if row for cell in row if cell and cell.ok]
        """
    ) == [(3, "sequence of like boolean operators", 1)]


def test_a_nested_function_adds_nesting_to_its_body() -> None:
    assert increments(
        """
        def f(x):
            if x:
                def g():
                    if y:
                        pass
            return g
        """
    ) == [(3, "if", 1), (5, "if", 3)]


def test_a_decorator_wrapper_adds_no_nesting() -> None:
    assert increments(
        """
        def decorator(function):
            def wrapper(*args):
                if args:
                    return function(*args)
            return wrapper
        """
    ) == [(4, "if", 1)]


def test_a_decorator_with_a_docstring_is_not_the_wrapper_pattern() -> None:
    assert (
        score(
            '''
            def decorator(function):
                """Wrap."""
                def wrapper(*args):
                    if args:
                        return function(*args)
                return wrapper
            '''
        )
        == 2
    )


def test_methods_of_a_class_inside_a_function_are_nested_functions() -> None:
    assert increments(
        """
        def f():
            class Local:
                value = 1 if flag else 2
                def method(self):
                    if self.value:
                        pass
            return Local
        """
    ) == [(4, "conditional expression", 1), (6, "if", 2)]


def test_decorators_defaults_and_annotations_are_not_the_body() -> None:
    assert (
        score(
            """
            @decorate(a or b)
            def f(x=1 if c else 2, y: d or e = None) -> f or g:
                return x
            """
        )
        == 0
    )


def test_a_function_that_calls_itself_adds_one_for_recursion() -> None:
    assert increments(
        """
        def factorial(n):
            if n <= 1:
                return 1
            return n * factorial(n - 1) * factorial(n - 2)
        """
    ) == [(3, "if", 1), (5, "recursion", 1)]


def test_a_method_that_calls_itself_through_self_or_its_class_is_recursive() -> None:
    source = """
        class Tree:
            def depth(self, node):
                return 1 + max(self.depth(child) for child in node.children)
        """
    assert increments(source) == [(4, "recursion", 1)]
    assert score(source.replace("self.depth(", "Tree.depth(")) == 1


def test_a_method_calling_a_global_function_of_the_same_name_is_not_recursive() -> None:
    assert (
        score(
            """
            class Wrapper:
                def open(self, path):
                    return open(path)
            """
        )
        == 0
    )


def test_a_nested_function_calling_itself_counts_in_its_enclosing_score() -> None:
    assert (
        score(
            """
            def walk(tree):
                def visit(node):
                    for child in node:
                        visit(child)
                visit(tree)
            """
        )
        == 3  # loop at nesting 1 (+2), visit's recursion (+1)
    )


def test_increment_kinds_are_the_specifications_structures() -> None:
    assert {kind.value for kind in IncrementKind} == {
        "if",
        "elif",
        "else",
        "conditional expression",
        "loop",
        "except",
        "match",
        "sequence of like boolean operators",
        "recursion",
    }


def test_a_very_long_expression_does_not_exhaust_the_stack() -> None:
    long_sum = " + ".join(["x"] * 1500)
    assert score(f"def f(x):\n    return {long_sum} if x else 0\n") == 1

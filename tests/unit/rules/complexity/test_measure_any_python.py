"""measure_module measures any Python that parses, without raising."""

from __future__ import annotations

import ast

import pytest
from hypothesis import HealthCheck, example, given, settings

from standards_lint.rules.complexity.metrics import measure_module

hypothesmith = pytest.importorskip("hypothesmith")


@pytest.mark.filterwarnings("ignore::SyntaxWarning")  # odd but valid code, such as 1()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(source=hypothesmith.from_grammar())
# A backslash on the last line: Python parses it, the tokenizer does not.
@example(source="A\n\\\r\n")
@example(source="A\u00b7\n\\\r\n")
def test_any_module_that_parses_is_measured(source: str) -> None:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):  # hypothesmith's grammar is wider than Python
        return
    module = measure_module(source)
    definitions = [
        node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    assert len(module.functions) == len(definitions)
    assert 0 <= module.maintainability_index <= 100

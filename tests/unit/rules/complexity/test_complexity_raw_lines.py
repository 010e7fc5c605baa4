"""Radon's raw counts from one tokenization, and logical lines told without tokens, are radon's.

The complexity rules count radon's raw metrics (for the maintainability index
and each function's logical lines) in linear time, where radon's own
``analyze`` re-tokenizes a growing buffer for every line of a statement; the
counts must equal radon's on real code and on the cases that take the slow way.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest
from radon.metrics import mi_visit
from radon.raw import analyze

from standards_lint.rules.complexity._definitions import logical_lines_ceiling
from standards_lint.rules.complexity._raw_lines import count_raw_lines
from standards_lint.rules.complexity.metrics import ModuleMeasures, measure_module

# Not libcst: radon alone takes most of a minute over its test files.
PACKAGES = ("click", "pathspec", "radon", "_pytest")
RADON_FIELDS = ("loc", "lloc", "sloc", "comments", "multi", "blank", "single_comments")

CASES = {
    "empty": "",
    "blank-lines-at-the-end": "x = 1\n\n\n",
    "no-final-newline": "x = 1",
    "comment-at-the-end": "x = 1\n# done",
    "docstrings": '"""Module."""\n\n\ndef f():\n    """One\n\n    two.\n    """\n',
    "semicolons-and-colons": "x = 1; y = {1: 2}\nif x: y = 2; z = 3\nlambda: 1; w = 4\n",
    "brackets-over-lines": "x = [\n    1,  # one\n\n    2,\n]\ny = (1 +\n     2)\n",
    "backslash": "x = 1 + \\\n    2\nassert x, \\\n    'no'\n",
    "strings-over-lines": "x = '''a\n\n  b''' + 'c'\ny = f'''{x}\n'''\n",
    "crlf": "def f():\r\n    return 1\r\n",
    "decorators-and-clauses": (
        "@a\n@b(1,\n   2)\ndef f():\n    try:\n        pass\n    except E:\n        pass\n"
        "    else:\n        pass\n    finally:\n        pass\n"
    ),
}


def raw(counts: object) -> tuple[int, ...]:
    """The counts radon reports, in radon's order."""
    return tuple(getattr(counts, name) for name in RADON_FIELDS)


@pytest.mark.parametrize("source", CASES.values(), ids=CASES.keys())
def test_the_counts_are_radons(source: str) -> None:
    assert raw(count_raw_lines(source)) == tuple(analyze(source))


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the tokenizer reads it since 3.12")
def test_code_radon_cannot_tokenize_is_refused_as_radon_refuses_it() -> None:
    # A combining mark in a name is an error token to the pure-Python tokenizer.
    source = "x = 1\nA\u0300 = x\n"
    with pytest.raises(SyntaxError):
        analyze(source)
    with pytest.raises(SyntaxError):
        count_raw_lines(source)
    assert measure_module(source).maintainability_index > 0


def test_the_logical_lines_of_a_range_start_at_a_line_that_starts_one() -> None:
    counts = count_raw_lines("x = [\n    1,\n]\nif x: y = 2\n")
    assert counts.lloc_between(1, 4) == 3
    assert counts.lloc_between(4, 4) == 2
    assert counts.lloc_between(2, 4) is None


def test_a_long_statement_costs_one_tokenization() -> None:
    source = "DATA = {\n" + "".join(f"    {n}: '{n}',\n" for n in range(600)) + "}\n"
    assert raw(count_raw_lines(source)) == tuple(analyze(source))
    assert measure_module(source).maintainability_index == pytest.approx(mi_visit(source, True))


def package_files(name: str) -> list[Path]:
    """The ``.py`` files of an installed package."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        pytest.skip(f"{name} is not installed")
    return sorted(Path(spec.origin).parent.rglob("*.py"))


@pytest.mark.slow
@pytest.mark.parametrize("package", PACKAGES)
def test_on_real_packages_counts_and_logical_lines_are_radons(package: str) -> None:
    functions = 0
    for path in package_files(package):
        source = path.read_text(encoding="utf-8")
        assert raw(count_raw_lines(source)) == tuple(analyze(source)), path
        tree = ast.parse(source)
        measured = measure_module(source)  # logical lines from the module's tokens
        alone = ModuleMeasures(source, tree)  # logical lines from each body's tokens
        for definition, function in zip(alone.definitions, measured.functions, strict=True):
            count = alone.logical_lines(definition)
            assert count == function.logical_lines, (path, function.qualified_name)
            assert logical_lines_ceiling(definition.node) >= count
            functions += 1
        assert measured.maintainability_index == pytest.approx(mi_visit(source, True))
    assert functions > 100

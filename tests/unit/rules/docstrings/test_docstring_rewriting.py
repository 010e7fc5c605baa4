"""rewrite_docstring and docstring_fix: what the fixes of DOC303-DOC305 write, and when not."""

from __future__ import annotations

import ast

import pytest

from standards_lint.model import Edit
from standards_lint.rules.docstrings.conventions import (
    ConventionOptions,
    DocumentedNode,
    check_docstring,
)
from standards_lint.rules.docstrings.docstring_fixes import docstring_fix
from standards_lint.rules.docstrings.problems import ProblemKind
from standards_lint.rules.docstrings.rewriting import PLACEHOLDER, rewrite_docstring
from standards_lint.rules.docstrings.structure import Convention
from standards_lint.source import SourceFile

PARAMETERS: frozenset[ProblemKind] = frozenset(
    {"missing-parameter", "extra-parameter", "parameter-order"}
)
RETURNS: frozenset[ProblemKind] = frozenset({"missing-returns", "extra-returns"})
YIELDS: frozenset[ProblemKind] = frozenset({"missing-yields", "extra-yields"})
OPTIONS = ConventionOptions()


def first_definition(code: str) -> DocumentedNode:
    """The first class or function of ``code``."""
    node = ast.parse(code).body[0]
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    return node


def rewrite(code: str, convention: Convention, kinds: frozenset[ProblemKind]) -> str | None:
    """The rewritten docstring of the first definition of ``code``."""
    node = first_definition(code)
    docstring = ast.get_docstring(node, clean=False)
    assert docstring is not None
    return rewrite_docstring(docstring, node, convention, OPTIONS, kinds, indentation="    ")


def fixed_source(code: str, convention: Convention, kinds: frozenset[ProblemKind]) -> str | None:
    """``code`` with the fix of its first definition's docstring applied, or None."""
    source = SourceFile("example.py", code)
    fix = docstring_fix(
        source, first_definition(code), convention, OPTIONS, kinds, "Fix the docstring"
    )
    if fix is None:
        return None
    (edit,) = fix.changes
    assert isinstance(edit, Edit)
    return code[: edit.start] + edit.replacement + code[edit.end :]


@pytest.mark.parametrize(
    ("code", "convention", "kinds", "expected"),
    [
        pytest.param(
            'def f(b, a, c):\n    """Do it.\n\n    Args:\n        a: The a.\n'
            '        gone: Old.\n        b: The b,\n            on two lines.\n    """\n',
            "google",
            PARAMETERS,
            "Do it.\n\n    Args:\n        b: The b,\n            on two lines.\n"
            f"        a: The a.\n        c: {PLACEHOLDER}\n    ",
            id="google-drop-reorder-add",
        ),
        pytest.param(
            'def f(a, b: float, c):\n    """Do it.\n\n    Parameters\n    ----------\n'
            '    a : int\n        The a.\n\n    c : str\n        The c.\n    """\n',
            "numpy",
            PARAMETERS,
            "Do it.\n\n    Parameters\n    ----------\n    a : int\n        The a.\n\n"
            f"    b : float\n        {PLACEHOLDER}\n\n    c : str\n        The c.\n    ",
            id="numpy-blank-separated-entries",
        ),
        pytest.param(
            'def f(x) -> dict[str, int]:\n    """Do it.\n\n    Args:\n        x (str): The x.\n'
            '    """\n    return {x: 1}\n',
            "google",
            RETURNS,
            "Do it.\n\n    Args:\n        x (str): The x.\n\n    Returns:\n"
            f"        dict[str, int]: {PLACEHOLDER}\n    ",
            id="google-returns-typed-as-the-args",
        ),
        pytest.param(
            'def f(x):\n    """Do it.\n\n    Parameters\n    ----------\n    x : int\n'
            '        The x.\n    """\n    yield x\n',
            "numpy",
            YIELDS,
            "Do it.\n\n    Parameters\n    ----------\n    x : int\n        The x.\n\n"
            f"    Yields\n    ------\n    TODO\n        {PLACEHOLDER}\n    ",
            id="numpy-yields-without-annotation",
        ),
        pytest.param(
            'def f(x):\n    """Do it.\n\n    Args:\n        gone: Old.\n\n    Raises:\n'
            '        ValueError: Never.\n    """\n',
            "google",
            PARAMETERS,
            f"Do it.\n\n    Args:\n        x: {PLACEHOLDER}\n\n    Raises:\n"
            "        ValueError: Never.\n    ",
            id="google-replace-the-only-entry",
        ),
        pytest.param(
            'def f():\n    """Do it.\n\n    Args:\n        gone: Old.\n\n    Raises:\n'
            '        ValueError: Never.\n    """\n',
            "google",
            PARAMETERS,
            "Do it.\n\n    Raises:\n        ValueError: Never.\n    ",
            id="google-drop-emptied-section",
        ),
        pytest.param(
            'def f(x):\n    """Do it.\n\n    :param x: The x.\n    :param gone: Old.\n'
            '    :type gone: int\n    :returns: Something.\n    """\n    return x\n',
            "sphinx",
            PARAMETERS,
            "Do it.\n\n    :param x: The x.\n    :returns: Something.\n    ",
            id="sphinx-drop-with-its-type",
        ),
    ],
)
def test_rewrites_in_the_docstrings_convention(
    code: str, convention: Convention, kinds: frozenset[ProblemKind], expected: str
) -> None:
    """The rewrite is laid out as the convention and the docstring lay it out."""
    rewritten = rewrite(code, convention, kinds)
    assert rewritten == expected
    after = check_docstring(first_definition(code), rewritten, convention, OPTIONS)
    assert not [problem for problem in after if problem.kind in kinds]


def test_no_rewrite_when_nothing_of_the_kinds_is_reported() -> None:
    """A docstring that agrees with its signature is left alone."""
    code = 'def f(x):\n    """Do it.\n\n    Args:\n        x: The x.\n    """\n'
    assert rewrite(code, "google", PARAMETERS) is None


def test_no_rewrite_for_an_extra_returns_section() -> None:
    """Removing what the author wrote about a value is not a fix a tool should guess."""
    code = 'def f(x):\n    """Do it.\n\n    Args:\n        x: The x.\n\n    Returns:\n'
    code += '        The x.\n    """\n    print(x)\n'
    assert rewrite(code, "google", RETURNS) is None


def test_no_rewrite_of_a_name_list_with_an_extra_name() -> None:
    """An entry documenting a parameter and a stale name together is not split."""
    code = 'def f(x):\n    """Do it.\n\n    Parameters\n    ----------\n    x, gone : int\n'
    code += '        The values.\n    """\n'
    assert rewrite(code, "numpy", PARAMETERS) is None


def test_a_one_line_docstring_gets_its_closing_quotes_on_a_line_of_their_own() -> None:
    """A section added to a one-liner ends with the quotes at the docstring's indentation."""
    code = 'def f(x):\n    """Do it."""\n'
    node = first_definition(code)
    options = ConventionOptions(skip_summary_only_docstrings=False)
    rewritten = rewrite_docstring("Do it.", node, "google", options, PARAMETERS, indentation="  ")
    assert rewritten == f"Do it.\n\n  Args:\n      x: {PLACEHOLDER}\n  "


def test_the_fix_keeps_raw_prefix_quotes_and_line_endings() -> None:
    """The text between the quotes is replaced; the prefix, quotes and CRLF endings stay."""
    code = "def f(x, y):\r\n    r'''Do it.\r\n\r\n    :param x: The x.\r\n    '''\r\n"
    assert fixed_source(code, "sphinx", PARAMETERS) == (
        "def f(x, y):\r\n    r'''Do it.\r\n\r\n    :param x: The x.\r\n"
        f"    :param y: {PLACEHOLDER}\r\n    '''\r\n"
    )


@pytest.mark.parametrize(
    "code",
    [
        pytest.param(
            'def f(x, y):\n    """Do it.\n\n    Args:\n        x: The x.\n    """ ""\n',
            id="concatenated",
        ),
        pytest.param(
            'def f(x, y):\n    """Do it\\u0021\n\n    Args:\n        x: The x.\n    """\n',
            id="escapes",
        ),
        pytest.param(
            "def f(x, y):\n    'Do it.\\n\\n    Args:\\n        x: The x.\\n    '\n",
            id="single-quoted",
        ),
        pytest.param(
            'def f(x, y): """Do it.\n\n    Args:\n        x: The x.\n    """\n',
            id="code-before-the-literal",
        ),
    ],
)
def test_no_fix_for_literals_that_cannot_be_rewritten_reliably(code: str) -> None:
    """The report stays without a fix when the literal is not plain triple-quoted text."""
    node = first_definition(code)
    docstring = ast.get_docstring(node, clean=False)
    assert docstring is not None
    problems = check_docstring(node, docstring, "google", OPTIONS)
    assert any(problem.kind == "missing-parameter" for problem in problems)
    assert fixed_source(code, "google", PARAMETERS) is None

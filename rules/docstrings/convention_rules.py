"""DOC301-DOC306: docstrings against the team's convention and against the code they document.

All six rules share one reading of the file (``convention_problems``); each
reports one family of problems, so a team can select or ignore them apart.
The default convention, ``pep257``, is checked by DOC301 alone: it has no
sections for the others to read. Every docstring of the file
is checked, whether or not docstring coverage counts its item.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import ClassVar

from standards_lint.model import FixSafety
from standards_lint.rule import Invalid, ProposedFix, Rule, Valid
from standards_lint.rules.docstrings.conventions import DocumentedNode, check_docstring
from standards_lint.rules.docstrings.docstring_fixes import docstring_fix
from standards_lint.rules.docstrings.file_items import parsed_tree
from standards_lint.rules.docstrings.options import DocstringOptions
from standards_lint.rules.docstrings.problems import ProblemKind
from standards_lint.rules.docstrings.strictness import ConventionOptions
from standards_lint.rules.docstrings.structure import Convention
from standards_lint.source import SourceFile
from standards_lint.syntax import walk_statements

_DOCUMENTED_NODES = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
_STRICTNESS_OPTIONS = ("convention", "skip-summary-only-docstrings")


@dataclass(frozen=True, slots=True)
class LocatedProblem:
    """A docstring problem placed in the file: its line and column in the source.

    ``node`` is what the docstring documents, for a fix to rewrite it.
    """

    kind: ProblemKind
    message: str
    line: int
    column: int
    node: DocumentedNode | None = field(default=None, compare=False, repr=False)


def convention_problems(
    source: SourceFile, convention: Convention, options: ConventionOptions
) -> tuple[LocatedProblem, ...]:
    """Every problem of every docstring in the file, in line order (worked out once per file)."""
    return source.derived(
        (convention_problems, convention, options),
        lambda: _find_problems(source, convention, options),
    )


def _find_problems(
    source: SourceFile, convention: Convention, options: ConventionOptions
) -> tuple[LocatedProblem, ...]:
    tree = parsed_tree(source)
    if tree is None:
        return ()
    found: list[LocatedProblem] = []
    for node in (tree, *walk_statements(tree)):
        if not isinstance(node, _DOCUMENTED_NODES):
            continue
        docstring = ast.get_docstring(node, clean=False)
        if docstring is None:
            continue
        literal = node.body[0]
        last_line = literal.end_lineno or literal.lineno
        for problem in check_docstring(node, docstring, convention, options):
            # An escaped newline ("\n") in the literal is no line of the source,
            # so an offset may overshoot: keep the report on the docstring.
            line = min(literal.lineno + problem.line_offset, last_line)
            found.append(
                LocatedProblem(problem.kind, problem.message, line, literal.col_offset + 1, node)
            )
    found.sort(key=lambda problem: (problem.line, problem.column))
    return tuple(found)


class _ConventionRule(Rule[DocstringOptions]):
    """Reports the problems of some kinds found in the file's docstrings."""

    area = "docstrings"
    kinds: ClassVar[frozenset[ProblemKind]]
    #: What the rule's fix does, when it has one (see ``docstring_fixes``).
    fix_description: ClassVar[str] = ""

    def start_file(self) -> None:
        """Read every docstring of the file's ``ast`` tree; no LibCST tree is needed."""
        options = self.options
        problems = convention_problems(
            self.source, options.convention, options.convention_options()
        )
        fixes: dict[int, ProposedFix | None] = {}
        for problem in problems:
            if problem.kind in self.kinds:
                fix = None
                if self.fix_description and problem.node is not None:
                    key = id(problem.node)
                    if key not in fixes:
                        fixes[key] = self._fix(problem.node)
                    fix = fixes[key]
                self.report_at(problem.line, problem.column, problem.message, fix=fix)

    def _fix(self, node: DocumentedNode) -> ProposedFix | None:
        """The fix of ``node``'s docstring for this rule's kinds of problem, if one is possible."""
        options = self.options
        return docstring_fix(
            self.source,
            node,
            options.convention,
            options.convention_options(),
            self.kinds,
            self.fix_description,
        )


class DocstringSummary(_ConventionRule):
    """Reports a docstring without a summary line, or whose summary is not one sentence line."""

    code = "DOC301"
    name = "docstring-summary"
    summary = "A docstring's summary is missing, spans lines, or lacks its closing period."
    rationale = (
        "PEP 257: a docstring starts with a one-line summary, a sentence ending with a"
        " period, then a blank line before any more. Tools rely on it: help() listings,"
        " IDE completion, Sphinx autosummary and API indexes show the first line alone,"
        " so it must stand on its own. Checked for every convention, pep257 included."
    )
    options_used = ("convention", "summary-endings", "require-one-line-summary")
    kinds = frozenset({"summary-form"})
    valid = (
        Valid('"""Parse an order file."""\n', options={"convention": "pep257"}),
        Valid('"""parse an order file"""\n', options={"summary-endings": []}),
        Valid(
            'def f():\n    """Parse an order file!"""\n',
            options={"convention": "google", "summary-endings": [".", "!"]},
        ),
        Valid(
            'def f():\n    """Parse an order file\n    in two lines."""\n',
            options={"convention": "numpy", "require-one-line-summary": False},
        ),
    )
    invalid = (
        Invalid(
            '"""Parse an order file"""\n',
            line=1,
            message="the summary should end with '.': 'Parse an order file'",
        ),
        Invalid(
            'def f():\n    """Parse an order file,\n    which suppliers send.\n    """\n',
            options={"convention": "google"},
            line=2,
            message="the summary spans 2 lines",
        ),
        Invalid(
            'def f(x):\n    """\n    Args:\n        x: The x.\n    """\n',
            options={"convention": "google"},
            line=3,
            message="starts with section 'Args' instead of a summary",
        ),
        Invalid(
            'class Order:\n    """   """\n',
            options={"convention": "sphinx"},
            line=2,
            message="blank",
        ),
    )


class MalformedSection(_ConventionRule):
    """Reports a docstring section that is empty or has entries not in the convention's form."""

    code = "DOC302"
    name = "malformed-section"
    summary = "A docstring section is empty or has entries not in the convention's form."
    rationale = (
        "Sections are read by tools as well as people: Sphinx with Napoleon or numpydoc,"
        " IDEs and the checks that compare parameters with signatures. An entry in the"
        " wrong form (`x -- the x` in a Google Args section, a numpy entry without its"
        " indentation, `:param x the x` without a colon) is silently mis-rendered or"
        " lost, and the checks cannot read it. pep257 has no sections: nothing to report."
    )
    options_used = ("convention",)
    kinds = frozenset({"malformed-section"})
    valid = (
        Valid(
            'def f(x):\n    """Do it.\n\n    Args:\n        x: The x.\n    """\n',
            options={"convention": "google"},
        ),
        Valid(
            'def f(x):\n    """Do it.\n\n    Args:\n        x -- the x.\n    """\n',
            options={"convention": "pep257"},
        ),
        Valid(
            'def f(x):\n    """Do it.\n\n    Parameters\n    ----------\n    x : int\n'
            '        The x.\n    """\n',
            options={"convention": "numpy"},
        ),
    )
    invalid = (
        Invalid(
            'def f(x, y):\n    """Do it.\n\n    Args:\n        x: The x.\n        y -- the y.\n'
            '    """\n',
            options={"convention": "google"},
            line=6,
            message="'y -- the y.' in section 'Args'",
        ),
        Invalid(
            'def f():\n    """Do it.\n\n    Returns\n    -------\n    """\n',
            options={"convention": "numpy"},
            line=4,
            message="section 'Returns' is empty",
        ),
        Invalid(
            'def f(x):\n    """Do it.\n\n    :param x the x\n    """\n',
            options={"convention": "sphinx"},
            line=4,
            message="not a well-formed field",
        ),
    )


class ParameterMismatch(_ConventionRule):
    """Reports documented parameters that the signature lacks, or parameters left undocumented."""

    code = "DOC303"
    name = "parameter-mismatch"
    summary = "Documented parameters do not match the signature: missing, extra or out of order."
    rationale = (
        "A parameters section that disagrees with the signature misleads exactly the"
        " reader who trusts it: a renamed parameter still documented under its old name,"
        " a new one never explained, an order that no longer matches the call. Once a"
        " docstring documents parameters, it should document all of them, by their"
        " names, in order. A docstring with no parameters, returns, raises, attributes or"
        " examples section is not required to (skip-summary-only-docstrings); private"
        " `_name` parameters may be left out; receivers (self, cls) always are."
    )
    options_used = (
        *_STRICTNESS_OPTIONS,
        "check-parameter-order",
        "require-star-arguments",
    )
    kinds = frozenset({"missing-parameter", "extra-parameter", "parameter-order"})
    fix_safety = (FixSafety.SAFE,)
    fix_summary = (
        "adds a stub entry for each undocumented parameter, drops the entries of"
        " parameters the signature lacks and puts the entries in the signature's order,"
        " in the docstring's convention"
    )
    fix_description = "Bring the documented parameters in line with the signature"
    valid = (
        Valid(
            'def f(x, *args):\n    """Do it.\n\n    Args:\n        x: The x.\n'
            '        *args: More.\n    """\n',
            options={"convention": "google"},
        ),
        Valid('def f(x, y):\n    """Do it, with x and y."""\n', options={"convention": "google"}),
        Valid(
            'def f(x, y):\n    """Do it.\n\n    :param y: The y.\n    :param x: The x.\n    """\n',
            options={"convention": "sphinx", "check-parameter-order": False},
        ),
        Valid(
            'class C:\n    def f(self, x):\n        """Do it.\n\n        Parameters\n'
            '        ----------\n        x : int\n            The x.\n        """\n',
            options={"convention": "numpy"},
        ),
    )
    invalid = (
        Invalid(
            'def f(x, y):\n    """Do it.\n\n    Args:\n        x: The x.\n    """\n',
            options={"convention": "google"},
            line=4,
            message="parameter 'y' of f() is not documented",
            fixed='def f(x, y):\n    """Do it.\n\n    Args:\n        x: The x.\n'
            '        y: TODO: describe.\n    """\n',
        ),
        Invalid(
            'def f(x):\n    """Do it.\n\n    :param x: The x.\n    :param z: The z.\n    """\n',
            options={"convention": "sphinx"},
            line=5,
            message="'z' is documented but is not a parameter of f()",
            fixed='def f(x):\n    """Do it.\n\n    :param x: The x.\n    """\n',
        ),
        Invalid(
            'def f(x, y):\n    """Do it.\n\n    Parameters\n    ----------\n    y : int\n'
            '        The y.\n    x : int\n        The x.\n    """\n',
            options={"convention": "numpy"},
            line=8,
            message="documented in the order y, x; the signature has x, y",
            fixed='def f(x, y):\n    """Do it.\n\n    Parameters\n    ----------\n    x : int\n'
            '        The x.\n    y : int\n        The y.\n    """\n',
        ),
        Invalid(
            'def f(x, **options):\n    """Do it.\n\n    Args:\n        x: The x.\n    """\n',
            options={"convention": "google"},
            line=4,
            message="parameter '**options' of f()",
            fixed='def f(x, **options):\n    """Do it.\n\n    Args:\n        x: The x.\n'
            '        **options: TODO: describe.\n    """\n',
        ),
        Invalid(
            'def f(a, b: int, c):\n    """Do it.\n\n    Parameters\n    ----------\n'
            "    c : str\n        The c.\n    z : int\n        Gone.\n\n    Returns\n"
            '    -------\n    int\n        The sum.\n    """\n    return 1\n',
            options={"convention": "numpy"},
            lines=(4, 4, 8),
            fixed='def f(a, b: int, c):\n    """Do it.\n\n    Parameters\n    ----------\n    a\n'
            "        TODO: describe.\n    b : int\n        TODO: describe.\n    c : str\n"
            '        The c.\n\n    Returns\n    -------\n    int\n        The sum.\n    """\n'
            "    return 1\n",
        ),
        Invalid(
            'def f(a: int, b: str, c):\n    """Do it.\n\n    :param c: The c.\n'
            '    :type c: float\n    :param a: The a.\n    :returns: The sum.\n    """\n'
            "    return 1\n",
            options={"convention": "sphinx"},
            lines=(4, 6),
            fixed='def f(a: int, b: str, c):\n    """Do it.\n\n    :param a: The a.\n'
            "    :param b: TODO: describe.\n    :type b: str\n    :param c: The c.\n"
            '    :type c: float\n    :returns: The sum.\n    """\n    return 1\n',
        ),
        Invalid(
            'def f(a, b) -> int:\n    """Do it.\n\n    Returns:\n        int: The sum.\n'
            '    """\n    return a + b\n',
            options={"convention": "google"},
            lines=(2, 2),
            fixed='def f(a, b) -> int:\n    """Do it.\n\n    Args:\n        a: TODO: describe.\n'
            '        b: TODO: describe.\n\n    Returns:\n        int: The sum.\n    """\n'
            "    return a + b\n",
        ),
        Invalid(
            'def f(total, count):\n    """Do it.\n\n    Args:\n        count (int): How many,\n'
            "            at most.\n        old: Gone.\n        total (float): The sum.\n"
            '    """\n',
            options={"convention": "google"},
            lines=(7, 8),
            fixed='def f(total, count):\n    """Do it.\n\n    Args:\n'
            "        total (float): The sum.\n        count (int): How many,\n"
            '            at most.\n    """\n',
        ),
        Invalid(
            'class C:\n    """A thing.\n\n    :param z: Gone.\n    """\n\n'
            "    def __init__(self, x):\n        self.x = x\n",
            options={"convention": "sphinx"},
            lines=(4, 4),
            fixed='class C:\n    """A thing.\n\n    :param x: TODO: describe.\n    """\n\n'
            "    def __init__(self, x):\n        self.x = x\n",
        ),
        # Concatenated literals: reported, but not rewritten.
        Invalid(
            'def f(x, y):\n    """Do it.\n\n    Args:\n        x: The x.\n    """ ""\n',
            options={"convention": "google"},
            line=4,
            message="parameter 'y' of f() is not documented",
        ),
    )


class ReturnsMismatch(_ConventionRule):
    """Reports a value returned but undocumented, or a Returns section with nothing returned."""

    code = "DOC304"
    name = "returns-mismatch"
    summary = "A function returns a value its docstring does not document, or the reverse."
    rationale = (
        "What a function gives back is half its contract. A Returns section that is"
        " missing leaves the caller guessing what the value means; one that describes a"
        " value the function no longer returns is worse. A summary that starts with"
        " 'Return' documents the value already (Google's style allows it); property"
        " getters, pytest fixtures and placeholder bodies (abstract methods, overloads)"
        " are not required to have one."
    )
    options_used = _STRICTNESS_OPTIONS
    kinds = frozenset({"missing-returns", "extra-returns"})
    fix_safety = (FixSafety.SAFE,)
    fix_summary = (
        "adds a missing Returns section with a stub description after the parameters,"
        " in the docstring's convention"
    )
    fix_description = "Add a Returns section"
    valid = (
        Valid(
            'def f(x):\n    """Do it.\n\n    Args:\n        x: The x.\n\n    Returns:\n'
            '        The double.\n    """\n    return 2 * x\n',
            options={"convention": "google"},
        ),
        Valid(
            'def f(x):\n    """Return the double.\n\n    :param x: The x.\n    """\n'
            "    return 2 * x\n",
            options={"convention": "sphinx"},
        ),
        Valid('def f(x):\n    """Do it."""\n    return 2 * x\n', options={"convention": "google"}),
    )
    invalid = (
        Invalid(
            'def f(x):\n    """Do it.\n\n    Args:\n        x: The x.\n    """\n    return 2 * x\n',
            options={"convention": "google"},
            line=2,
            message="f() returns a value but its docstring has no Returns section",
            fixed='def f(x):\n    """Do it.\n\n    Args:\n        x: The x.\n\n    Returns:\n'
            '        TODO: describe.\n    """\n    return 2 * x\n',
        ),
        Invalid(
            'def f(x):\n    """Do it.\n\n    Parameters\n    ----------\n    x : int\n'
            "        The x.\n\n    Returns\n    -------\n    int\n        The double.\n"
            '    """\n    print(x)\n',
            options={"convention": "numpy"},
            line=9,
            message="f() has a Returns section but no return statement gives a value",
        ),
        Invalid(
            'def f(x):\n    """Do it.\n\n    :param x: The x.\n    """\n    return x\n',
            options={"convention": "sphinx"},
            line=2,
            message="no :returns: section",
            fixed='def f(x):\n    """Do it.\n\n    :param x: The x.\n'
            '    :returns: TODO: describe.\n    """\n    return x\n',
        ),
        Invalid(
            'def f(x) -> list[int]:\n    """Do it.\n\n    Parameters\n    ----------\n'
            "    x : int\n        The x.\n\n    Raises\n    ------\n    ValueError\n"
            '        If x is negative.\n    """\n    return [x]\n',
            options={"convention": "numpy"},
            line=2,
            fixed='def f(x) -> list[int]:\n    """Do it.\n\n    Parameters\n    ----------\n'
            "    x : int\n        The x.\n\n    Returns\n    -------\n    list[int]\n"
            "        TODO: describe.\n\n    Raises\n    ------\n    ValueError\n"
            '        If x is negative.\n    """\n    return [x]\n',
        ),
        Invalid(
            'def f(x: int) -> int:\n    """Do it.\n\n    Args:\n        x (int): The x.\n\n'
            '    Examples:\n        >>> f(2)\n        4\n    """\n    return 2 * x\n',
            options={"convention": "google"},
            line=2,
            fixed='def f(x: int) -> int:\n    """Do it.\n\n    Args:\n        x (int): The x.\n\n'
            "    Returns:\n        int: TODO: describe.\n\n    Examples:\n        >>> f(2)\n"
            '        4\n    """\n    return 2 * x\n',
        ),
        Invalid(
            'def f(x) -> int:\n    """Do it.\n\n    :param x: The x.\n    :type x: int\n'
            '    """\n    return x\n',
            options={"convention": "sphinx"},
            line=2,
            fixed='def f(x) -> int:\n    """Do it.\n\n    :param x: The x.\n    :type x: int\n'
            '    :returns: TODO: describe.\n    :rtype: int\n    """\n    return x\n',
        ),
    )


class YieldsMismatch(_ConventionRule):
    """Reports a generator whose output is undocumented, or a Yields section on a plain function."""

    code = "DOC305"
    name = "yields-mismatch"
    summary = "A generator's docstring has no Yields section, or a non-generator's has one."
    rationale = (
        "A generator is used differently from a function that returns: it is iterated,"
        " lazily, and what each step produces is its contract. The Yields section says"
        " so; on a function that yields nothing it misleads. A generator may document its"
        " values under Returns instead, and context managers and fixtures written as"
        " generators produce nothing for the caller, so they need no Yields section."
    )
    options_used = _STRICTNESS_OPTIONS
    kinds = frozenset({"missing-yields", "extra-yields"})
    fix_safety = (FixSafety.SAFE,)
    fix_summary = (
        "adds a missing Yields section with a stub description after the parameters,"
        " in the docstring's convention"
    )
    fix_description = "Add a Yields section"
    valid = (
        Valid(
            'def f(n):\n    """Count.\n\n    Args:\n        n: How far.\n\n    Yields:\n'
            '        Each number.\n    """\n    yield from range(n)\n',
            options={"convention": "google"},
        ),
        Valid(
            '@contextmanager\ndef f(n):\n    """Hold it.\n\n    Args:\n        n: How long.\n'
            '    """\n    yield\n',
            options={"convention": "google"},
        ),
        Valid(
            'def f(n):\n    """Yield each number."""\n    yield n\n',
            options={"convention": "numpy"},
        ),
    )
    invalid = (
        Invalid(
            'def f(n):\n    """Count.\n\n    Args:\n        n: How far.\n    """\n    yield n\n',
            options={"convention": "google"},
            line=2,
            message="f() is a generator but its docstring has no Yields section",
            fixed='def f(n):\n    """Count.\n\n    Args:\n        n: How far.\n\n    Yields:\n'
            '        TODO: describe.\n    """\n    yield n\n',
        ),
        Invalid(
            'def f(n) -> Iterator[int]:\n    """Count.\n\n    Parameters\n    ----------\n'
            '    n : int\n        How far.\n    """\n    yield n\n',
            options={"convention": "numpy"},
            line=2,
            fixed='def f(n) -> Iterator[int]:\n    """Count.\n\n    Parameters\n    ----------\n'
            "    n : int\n        How far.\n\n    Yields\n    ------\n    int\n"
            '        TODO: describe.\n    """\n    yield n\n',
        ),
        Invalid(
            'def f(n) -> Iterator[int]:\n    """Count.\n\n    :param int n: How far.\n    """\n'
            "    yield n\n",
            options={"convention": "sphinx"},
            line=2,
            fixed='def f(n) -> Iterator[int]:\n    """Count.\n\n    :param int n: How far.\n'
            '    :yields: TODO: describe.\n    :ytype: int\n    """\n    yield n\n',
        ),
        Invalid(
            'def f(n):\n    """Count.\n\n    Yields\n    ------\n    int\n        A number.\n'
            '    """\n    print(n)\n',
            options={"convention": "numpy"},
            line=4,
            message="f() has a Yields section but neither yields nor returns anything",
        ),
    )


class RaisesMismatch(_ConventionRule):
    """Reports an exception raised directly that the docstring does not mention."""

    code = "DOC306"
    name = "raises-mismatch"
    summary = "A function raises an exception its docstring does not mention (or the reverse)."
    rationale = (
        "Exceptions are part of what a caller must handle, and the docstring is where"
        " they learn which ones. An exception the body raises by name should be"
        " documented (mentioning it anywhere in the docstring is enough);"
        " NotImplementedError, re-raises and exceptions caught in the same function are"
        " not required. With strict-raises, an exception documented but not raised"
        " directly is reported too (off by default: it usually comes from a callee)."
    )
    options_used = (*_STRICTNESS_OPTIONS, "strict-raises")
    kinds = frozenset({"missing-raises", "extra-raises"})
    valid = (
        Valid(
            'def f(x):\n    """Do it.\n\n    Args:\n        x: The x.\n\n    Raises:\n'
            '        ValueError: If x is negative.\n    """\n    if x < 0:\n'
            "        raise ValueError(x)\n",
            options={"convention": "google"},
        ),
        Valid(
            'def f(x):\n    """Do it.\n\n    :param x: The x.\n    :raises KeyError: If absent.\n'
            '    """\n    return lookup(x)\n',
            options={"convention": "sphinx"},
        ),
        Valid(
            'def f(x):\n    """Do it.\n\n    :param x: The x.\n    """\n'
            "    raise NotImplementedError\n",
            options={"convention": "sphinx"},
        ),
    )
    invalid = (
        Invalid(
            'def f(x):\n    """Do it.\n\n    Args:\n        x: The x.\n    """\n    if x < 0:\n'
            "        raise ValueError(x)\n",
            options={"convention": "google"},
            line=2,
            message="f() raises ValueError (line 8) but its docstring does not mention it",
        ),
        Invalid(
            'def f(x):\n    """Do it.\n\n    :param x: The x.\n    :raises KeyError: If absent.\n'
            '    """\n    return lookup(x)\n',
            options={"convention": "sphinx", "strict-raises": True},
            line=5,
            message="'KeyError' is documented as raised but f() does not raise it directly",
        ),
    )


CONVENTION_RULES = (
    DocstringSummary,
    MalformedSection,
    ParameterMismatch,
    ReturnsMismatch,
    YieldsMismatch,
    RaisesMismatch,
)

"""check_docstring: small valid and invalid examples per check, and a run over real code.

Each example is a snippet whose first class or function (or the module, when
there is none) is checked; VALID examples must report nothing, INVALID ones
exactly the problems listed, as (kind, a fragment of the message).
"""

from __future__ import annotations

import ast
import importlib.util
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from standards_lint.rules.docstrings.conventions import (
    ConventionOptions,
    DocProblem,
    DocumentedNode,
    check_docstring,
)
from standards_lint.rules.docstrings.sections import CONVENTIONS, Convention

from .test_sections import DOCSTRING_LINES


@dataclass(frozen=True)
class Example:
    """A snippet, the convention to read it with, and what must be reported."""

    name: str
    convention: Convention
    source: str
    expected: tuple[tuple[str, str], ...] = ()
    options: ConventionOptions = field(default_factory=ConventionOptions)


def documented_node(source: str) -> DocumentedNode:
    """Return the first class or function of ``source`` with a docstring, else its module."""
    module = ast.parse(textwrap.dedent(source))
    for node in ast.walk(module):
        definition = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        if isinstance(node, definition) and ast.get_docstring(node) is not None:
            return node
    return module


def problems_of(example: Example) -> list[DocProblem]:
    """Check the example's docstring as written in its source."""
    node = documented_node(example.source)
    docstring = ast.get_docstring(node, clean=False)
    assert docstring is not None, "every example has a docstring"
    return check_docstring(node, docstring, example.convention, example.options)


VALID = [
    Example("one-line", "pep257", 'def f(x):\n    """Do it."""\n'),
    Example(
        "summary-only-skips-parameters",
        "google",
        '''
        def f(x, y):
            """Do it.

            Longer words about x and y.
            """
            return x
        ''',
    ),
    Example(
        "google-complete",
        "google",
        '''
        def f(self, x, *args, flag=False, **kwargs):
            """Do it.

            Args:
                x (int): The x.
                *args: More.
                flag: A flag.
                **kwargs: Options.

            Returns:
                int: The result.

            Raises:
                ValueError: If x is bad.
            """
            if x < 0:
                raise ValueError(x)
            return x
        ''',
    ),
    Example(
        "stars-may-be-omitted-or-escaped",
        "sphinx",
        '''
        def f(*args, **kwargs):
            """Do it.

            :param args: More.
            :param \\\\*\\\\*kwargs: Options.
            """
        ''',
    ),
    Example(
        "names-passed-through-kwargs",
        "google",
        '''
        def f(x, **kwargs):
            """Do it.

            Args:
                x: The x.
                color: Passed on to draw().
            """
        ''',
    ),
    Example(
        "private-and-underscore-parameters-need-no-docs",
        "google",
        '''
        def f(x, _cache={}, _=None):
            """Do it.

            Args:
                x: The x.
            """
        ''',
    ),
    Example(
        "numpy-ellipsis-documents-star-args",
        "numpy",
        '''
        def stack(*arrays):
            """Stack arrays.

            Parameters
            ----------
            a1, a2, ... : array_like
                The arrays.
            """
        ''',
    ),
    Example(
        "numpy-none-parameters",
        "numpy",
        '''
        def now():
            """Tell the time.

            Parameters
            ----------
            None

            Returns
            -------
            float
            """
            return 1.0
        ''',
    ),
    Example(
        "summary-starting-with-returns-documents-the-value",
        "google",
        '''
        def f(x):
            """Returns the double of x.

            Args:
                x: The x.
            """
            return 2 * x
        ''',
    ),
    Example(
        "property-needs-no-returns",
        "google",
        '''
        class C:
            @property
            def value(self):
                """The value.

                Raises:
                    KeyError: If unset.
                """
                return self._value
        ''',
    ),
    Example(
        "generator-may-document-returns",
        "google",
        '''
        def lines(path):
            """Read lines.

            Args:
                path: Where.

            Returns:
                Iterator over the lines.
            """
            yield from open(path)
        ''',
    ),
    Example(
        "context-manager-needs-no-yields",
        "google",
        '''
        @contextlib.contextmanager
        def opened(path):
            """Open a file.

            Args:
                path: Where.
            """
            yield open(path)
        ''',
    ),
    Example(
        "abstract-method-documents-the-interface",
        "google",
        '''
        @abc.abstractmethod
        def fetch(self, key):
            """Fetch.

            Args:
                key: The key.

            Returns:
                The value.

            Yields:
                Parts.
            """
        ''',
    ),
    Example(
        "explicit-return-none-is-not-extra",
        "google",
        '''
        def default(self, key):
            """The default, overridden in subclasses.

            Args:
                key: The key.

            Returns:
                Mapping: The value.
            """
            return None
        ''',
    ),
    Example(
        "raises-mentioned-anywhere",
        "sphinx",
        '''
        def get(key):
            """Get a value; raise :exc:`KeyError` when missing.

            :param key: The key.
            :returns: The value.
            """
            if key not in store:
                raise KeyError(key)
            return store[key]
        ''',
    ),
    Example(
        "exempt-raises",
        "google",
        '''
        def f(x):
            """Do it.

            Args:
                x: The x.
            """
            try:
                raise ValueError(x)
            except ValueError:
                pass
            try:
                g()
            except OSError as error:
                raise error
            except Exception:
                raise
            def inner():
                raise TypeError()
            raise NotImplementedError
        ''',
    ),
    Example(
        "class-docstring-documents-init",
        "numpy",
        '''
        class Point:
            """A point.

            Parameters
            ----------
            x, y : float
                The coordinates.
            """

            def __init__(self, x, y):
                self.x, self.y = x, y
        ''',
    ),
    Example(
        "class-without-own-init-is-not-checked",
        "google",
        '''
        @dataclass
        class Point:
            """A point.

            Args:
                x: The x.
            """

            x: float
        ''',
    ),
    Example(
        "fixture-documents-what-it-provides",
        "sphinx",
        '''
        @pytest.fixture
        def record(request):
            """Record a property.

            :param name: The property name.
            """
            return lambda name: None
        ''',
    ),
    Example(
        "template-placeholder-stands-for-parameters",
        "numpy",
        '''
        def eye(n, *, like=None):
            """Make an identity matrix.

            Parameters
            ----------
            n : int
                Size.
            ${ARRAY_FUNCTION_LIKE}
            """
        ''',
    ),
    Example(
        "parameters-passed-by-decorators",
        "sphinx",
        '''
        @click.pass_context
        @pass_environment
        def show(ctx, environment, name):
            """Show it.

            :param name: What.
            """
        ''',
    ),
    Example(
        "autodoc-metadata-only",
        "sphinx",
        'def f(x):\n    """:meta private:"""\n',
    ),
    Example(
        "summary-endings-configurable",
        "pep257",
        'def f():\n    """Is it ready?"""\n',
        options=ConventionOptions(summary_endings=(".", "?")),
    ),
]

INVALID = [
    Example("no-period", "pep257", 'def f():\n    """Do it"""\n', (("summary-form", "'.'"),)),
    Example(
        "two-line-summary",
        "google",
        'def f():\n    """Do the thing\n    at length.\n    """\n',
        (("summary-form", "spans 2 lines"),),
    ),
    Example(
        "two-line-summary-without-period",
        "numpy",
        'def f():\n    """Do the thing\n    at length\n    """\n',
        (("summary-form", "spans 2 lines"), ("summary-form", "'.'")),
    ),
    Example("blank", "sphinx", 'def f():\n    """   """\n', (("summary-form", "blank"),)),
    Example(
        "starts-with-section",
        "google",
        'def f(x):\n    """Args:\n        x: The x.\n        y: Extra.\n    """\n',
        (("summary-form", "starts with section 'Args'"), ("extra-parameter", "'y'")),
    ),
    Example(
        "malformed-entry",
        "google",
        '''
        def f(x, y):
            """Do it.

            Args:
                x: The x.
                y -- the y.
            """
        ''',
        (("malformed-section", "'y -- the y.'"),),
    ),
    Example(
        "missing-and-extra-parameter",
        "google",
        '''
        def f(x, y):
            """Do it.

            Args:
                x: The x.
                z: The z.
            """
        ''',
        (("extra-parameter", "'z'"), ("missing-parameter", "'y' of f()")),
    ),
    Example(
        "missing-star-arguments",
        "numpy",
        '''
        def f(x, *args, **kwargs):
            """Do it.

            Parameters
            ----------
            x : int
            """
        ''',
        (("missing-parameter", "'*args'"), ("missing-parameter", "'**kwargs'")),
    ),
    Example(
        "star-arguments-not-required-when-asked",
        "numpy",
        '''
        def f(x, *args, y, **kwargs):
            """Do it.

            Parameters
            ----------
            x : int
            """
        ''',
        (("missing-parameter", "'y'"),),
        ConventionOptions(require_star_arguments=False),
    ),
    Example(
        "only-returns-documented",
        "sphinx",
        '''
        def f(x):
            """Do it.

            :returns: The x.
            """
            return x
        ''',
        (("missing-parameter", "'x'"),),
    ),
    Example(
        "parameter-order",
        "sphinx",
        '''
        def f(a, b, c):
            """Do it.

            :param a: A.
            :param c: C.
            :param b: B.
            """
        ''',
        (("parameter-order", "order a, c, b; the signature has a, b, c"),),
    ),
    Example(
        "missing-returns",
        "google",
        '''
        def f(x):
            """Double it.

            Args:
                x: The x.
            """
            return 2 * x
        ''',
        (("missing-returns", "f() returns a value"),),
    ),
    Example(
        "extra-returns",
        "numpy",
        '''
        def f(x) -> None:
            """Do it.

            Parameters
            ----------
            x : int

            Returns
            -------
            int
            """
            print(x)
        ''',
        (("extra-returns", "Returns section"),),
    ),
    Example(
        "missing-yields",
        "google",
        '''
        async def f(x):
            """Produce.

            Args:
                x: The x.
            """
            yield x
        ''',
        (("missing-yields", "f() is a generator"),),
    ),
    Example(
        "extra-yields",
        "sphinx",
        '''
        def f(x):
            """Do it.

            :param x: The x.
            :yields: Parts.
            """
            print(x)
        ''',
        (("extra-yields", ":yields:"),),
    ),
    Example(
        "missing-raises",
        "google",
        '''
        def f(x):
            """Do it.

            Args:
                x: The x.

            Raises:
                TypeError: Never.
            """
            if x:
                raise errors.UsageError("bad")
        ''',
        (("missing-raises", "raises errors.UsageError (line 12)"),),
    ),
    Example(
        "extra-raises-when-strict",
        "google",
        '''
        def f(x):
            """Do it.

            Args:
                x: The x.

            Raises:
                TypeError: Never.
            """
            print(x)
        ''',
        (("extra-raises", "'TypeError'"),),
        ConventionOptions(strict_raises=True),
    ),
    Example(
        "class-docstring-against-init",
        "google",
        '''
        class Point:
            """A point.

            Args:
                x: The x.
                z: The z.
            """

            def __init__(self, x, y):
                pass
        ''',
        (
            ("extra-parameter", "not a parameter of Point.__init__()"),
            ("missing-parameter", "'y' of Point.__init__()"),
        ),
    ),
]


@pytest.mark.parametrize("example", VALID, ids=lambda example: example.name)
def test_valid_examples_report_nothing(example: Example) -> None:
    assert problems_of(example) == []


@pytest.mark.parametrize("example", INVALID, ids=lambda example: example.name)
def test_invalid_examples_report_what_is_listed(example: Example) -> None:
    reported = [(problem.kind, problem.message) for problem in problems_of(example)]
    assert len(reported) == len(example.expected), reported
    for (kind, message), (expected_kind, fragment) in zip(reported, example.expected, strict=True):
        assert kind == expected_kind
        assert fragment in message


def test_offsets_point_into_the_docstring() -> None:
    source = '''
    def f(x, y):
        """Do it.

        Args:
            x: The x.
            z: The z.
        """
    '''
    node = documented_node(source)
    docstring = ast.get_docstring(node, clean=False)
    assert docstring is not None
    problems = check_docstring(node, docstring, "google")
    offsets = {problem.kind: problem.line_offset for problem in problems}
    assert offsets == {"extra-parameter": 4, "missing-parameter": 2}


def test_default_options_are_used_when_none_given() -> None:
    node = documented_node('def f():\n    """Done"""\n')
    assert check_docstring(node, "Done", "pep257", None)[0].kind == "summary-form"


_SIGNATURES = ast.parse(
    "def f(a, b=1, *args, c, **kwargs):\n    yield a\n    raise ValueError(b)\n"
    "class C:\n    def __init__(self, x, *, y):\n        return None\n"
    "async def g(self, /, p):\n    return p\n"
).body


@settings(max_examples=300, deadline=None)
@given(
    lines=DOCSTRING_LINES,
    convention=st.sampled_from(CONVENTIONS),
    node_index=st.integers(min_value=0, max_value=len(_SIGNATURES) - 1),
)
def test_any_docstring_like_text_is_checked_without_error(
    lines: list[tuple[int, str]], convention: Convention, node_index: int
) -> None:
    docstring = "\n".join(" " * indent + text for indent, text in lines)
    node = _SIGNATURES[node_index]
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    options = ConventionOptions(strict_raises=True)
    for problem in check_docstring(node, docstring, convention, options):
        assert 0 <= problem.line_offset < len(docstring.split("\n"))


REAL_PACKAGES = ("click", "_pytest", "pathspec")


@pytest.mark.slow
@pytest.mark.parametrize("package", REAL_PACKAGES)
def test_checks_run_over_a_real_package_in_every_convention(package: str) -> None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        pytest.skip(f"{package} is not installed")
    checked = 0
    for path in sorted(Path(spec.origin).parent.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(
                node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
            ):
                continue
            docstring = ast.get_docstring(node, clean=False)
            if docstring is None:
                continue
            line_count = len(docstring.split("\n"))
            for convention in CONVENTIONS:
                for problem in check_docstring(node, docstring, convention):
                    assert 0 <= problem.line_offset < line_count, (path, problem)
                    assert problem.message
            checked += 1
    assert checked > 50

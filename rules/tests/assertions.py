"""Whether a test checks anything: the assertions of a function body, read from its ``ast``.

A body checks something when it holds an ``assert``, raises an exception
(``AssertionError``, or anything at all outside a nested function), turns
warnings into errors (``warnings.simplefilter("error")``), or calls a check:
pytest's (``pytest.raises``, ``warns``, ``approx``, ``fail``,
``deprecated_call``), any function or method whose name starts with
``assert`` (unittest's ``self.assertEqual``, a mock's
``assert_called_once_with``, ``numpy.testing.assert_allclose``), unittest's
``self.fail``, a function named in ``assertion-helpers``, or a function or
method of the same module whose own body checks something (found to a fixed
point, so helpers of helpers count). A function nested in the test counts
when the test uses it (calls it or hands it on as a callback).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from standards_lint.rules.tests.names import matches_any, qualified_name
from standards_lint.syntax import FunctionNode

PYTEST_CHECKS = frozenset(
    {
        "pytest.raises",
        "pytest.warns",
        "pytest.approx",
        "pytest.fail",
        "pytest.deprecated_call",
    }
)
#: Raising one of these (by last name part) is an assertion written by hand.
_ASSERTION_EXCEPTIONS = frozenset({"AssertionError", "failureException"})
_SELF_NAMES = frozenset({"self", "cls"})
#: unittest.TestCase's own methods that fail the test.
_TESTCASE_FAILURES = frozenset({"fail"})
#: With the action "error", these make any warning fail the test: a check that none is issued.
_WARNING_FILTERS = frozenset({"warnings.simplefilter", "warnings.filterwarnings"})
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(slots=True)
class AssertionScope:
    """What a body's calls may resolve to: the imports, the configured helpers, the module's checks.

    ``trust_unknown_methods``: a call ``self.name()`` of a method the module does
    not define counts as a check (the class inherits from a base defined
    elsewhere, whose helpers may well assert).
    """

    aliases: Mapping[str, str]
    helpers: tuple[str, ...]
    asserting_functions: set[str] = field(default_factory=set)
    asserting_methods: set[str] = field(default_factory=set)
    defined_methods: frozenset[str] = frozenset()
    trust_unknown_methods: bool = False


def _own_nodes(body: Iterable[ast.stmt]) -> tuple[list[ast.AST], list[ast.AST]]:
    """The nodes of ``body`` outside nested definitions, and the nested definitions themselves."""
    own: list[ast.AST] = []
    nested: list[ast.AST] = []
    pending: list[ast.AST] = list(body)
    while pending:
        node = pending.pop()
        if isinstance(node, _DEFINITIONS):
            nested.append(node)
            # Decorators and defaults run in the enclosing body.
            pending.extend(getattr(node, "decorator_list", ()))
            continue
        own.append(node)
        pending.extend(ast.iter_child_nodes(node))
    return own, nested


def body_checks(body: Iterable[ast.stmt], scope: AssertionScope, *, nested: bool = False) -> bool:
    """Whether ``body`` checks something, itself or through a function it uses.

    In a test's or a module function's own body, raising any exception fails
    the test, so it is a check written by hand (``else: raise ValueError(...)``
    after an expected error did not come). In a nested function it is more
    often the behaviour a test feeds to the code (a callback that raises), so
    there only assertions count.
    """
    own, definitions = _own_nodes(body)
    if any(_is_check(node, scope, raises_fail=not nested) for node in own):
        return True
    used = {node.id for node in own if isinstance(node, ast.Name)}
    for definition in definitions:
        name = getattr(definition, "name", "")
        if name in used and body_checks(_definition_body(definition), scope, nested=True):
            return True
    return False


def _definition_body(definition: ast.AST) -> list[ast.stmt]:
    """A nested function's or class's statements."""
    return list(getattr(definition, "body", []))


def _is_check(node: ast.AST, scope: AssertionScope, *, raises_fail: bool) -> bool:
    if isinstance(node, ast.Assert):
        return True
    if isinstance(node, ast.Raise) and node.exc is not None:
        if raises_fail:
            return True
        raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        name = qualified_name(raised, scope.aliases)
        return name is not None and name.rpartition(".")[2] in _ASSERTION_EXCEPTIONS
    if isinstance(node, ast.Call):
        return is_check_call(node, scope)
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
        # A module function that asserts, handed on as a callback.
        return node.id in scope.asserting_functions
    return False


def is_check_call(call: ast.Call, scope: AssertionScope) -> bool:
    """Whether ``call`` is an assertion: pytest's, unittest's, a mock's, or a helper's."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr.startswith("assert"):
        return True  # on any receiver: self.assertEqual, mock.assert_called_once_with
    name = qualified_name(func, scope.aliases)
    if name is None:
        return False
    last = name.rpartition(".")[2]
    if last.startswith("assert") or name in PYTEST_CHECKS or matches_any(name, scope.helpers):
        return True
    if name in _WARNING_FILTERS:
        return _turns_warnings_into_errors(call)
    if isinstance(func, ast.Name):
        return func.id in scope.asserting_functions
    if (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in _SELF_NAMES
    ):
        return _is_checking_method(func.attr, scope)
    return False


def _turns_warnings_into_errors(call: ast.Call) -> bool:
    """Whether a ``warnings`` filter call makes warnings fail the test (action ``"error"``)."""
    action = call.args[0] if call.args else None
    for argument in call.keywords:
        if argument.arg == "action":
            action = argument.value
    return isinstance(action, ast.Constant) and action.value == "error"


def _is_checking_method(name: str, scope: AssertionScope) -> bool:
    """Whether ``self.name(...)`` checks something."""
    if name in _TESTCASE_FAILURES or name in scope.asserting_methods:
        return True
    return scope.trust_unknown_methods and name not in scope.defined_methods


def module_definitions(
    tree: ast.Module,
) -> tuple[list[FunctionNode], list[tuple[ast.ClassDef, FunctionNode]]]:
    """The module's top-level functions, and its top-level classes' methods with their class."""
    functions: list[FunctionNode] = []
    methods: list[tuple[ast.ClassDef, FunctionNode]] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(node)
        elif isinstance(node, ast.ClassDef):
            methods.extend((node, method) for method in _methods(node))
    return functions, methods


def _methods(node: ast.ClassDef) -> Iterator[FunctionNode]:
    for child in node.body:
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield child
        elif isinstance(child, ast.ClassDef):
            yield from _methods(child)


def _class_attributes(tree: ast.Module) -> Iterator[str]:
    """Names assigned in the bodies of the module's classes (``Validator = Draft3Validator``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                targets = statement.targets if isinstance(statement, ast.Assign) else []
                if isinstance(statement, ast.AnnAssign):
                    targets = [statement.target]
                yield from (target.id for target in targets if isinstance(target, ast.Name))


def find_asserting_definitions(
    tree: ast.Module, scope: AssertionScope, trusting: Callable[[ast.ClassDef], bool]
) -> None:
    """Fill ``scope`` with the module's functions and methods that check something.

    Repeats until nothing changes, so a helper that calls a helper that
    asserts is found, in whatever order they are defined. ``trusting`` says
    of a class whether its calls of methods it does not define count as checks.
    """
    functions, methods = module_definitions(tree)
    scope.defined_methods = frozenset(
        {method.name for _, method in methods} | set(_class_attributes(tree))
    )
    trusts = {id(owner): trusting(owner) for owner, _ in methods}
    changed = True
    while changed:
        changed = False
        for function in functions:
            if function.name not in scope.asserting_functions and body_checks(function.body, scope):
                scope.asserting_functions.add(function.name)
                changed = True
        for owner, method in methods:
            if method.name in scope.asserting_methods:
                continue
            scope.trust_unknown_methods = trusts[id(owner)]
            if body_checks(method.body, scope):
                scope.asserting_methods.add(method.name)
                changed = True
    scope.trust_unknown_methods = False

"""What pytest collects: which files are test modules, which functions and classes are tests.

The rules follow pytest's own (``python_files``, ``python_functions``,
``python_classes``, ``testpaths``), and unittest's for ``TestCase``
subclasses, which pytest collects whatever their name and whose test methods
are the ones starting with ``test``. Everything is read from the file's
``ast``; nothing is imported.
"""

from __future__ import annotations

import ast
import fnmatch
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import pathspec

from standards_lint.rules.tests.names import dotted_name, qualified_name
from standards_lint.rules.tests.options import TestStandardsOptions
from standards_lint.syntax import FunctionNode

_GLOB_CHARACTERS = frozenset("*?[")
_UNITTEST_PREFIX = "test"
_FIXTURE_DECORATORS = frozenset({"pytest.fixture", "pytest_asyncio.fixture", "fixture"})


def matches_prefix_or_glob(name: str, patterns: Iterable[str]) -> bool:
    """Whether pytest's name rule accepts ``name``: a prefix, or a glob when it looks like one."""
    for pattern in patterns:
        if name.startswith(pattern):
            return True
        if _GLOB_CHARACTERS & set(pattern) and fnmatch.fnmatchcase(name, pattern):
            return True
    return False


def is_test_module(path: str, options: TestStandardsOptions) -> bool:
    """Whether the file at ``path`` (with ``/``) is a test module pytest would collect."""
    file_name = path.rpartition("/")[2]
    if file_name == "conftest.py" or not file_name.endswith(".py"):
        return False
    named = any(
        fnmatch.fnmatchcase(path, f"*/{pattern}") or fnmatch.fnmatchcase(path, pattern)
        if "/" in pattern
        else fnmatch.fnmatchcase(file_name, pattern)
        for pattern in options.python_files
    )
    return named and in_test_paths(path, options)


def in_test_paths(path: str, options: TestStandardsOptions) -> bool:
    """Whether ``path`` lies where test modules live (anywhere, when test-paths is empty)."""
    if not options.test_paths:
        return True
    return bool(pathspec.GitIgnoreSpec.from_lines(options.test_paths).match_file(path))


def is_conftest(path: str) -> bool:
    """Whether the file is a ``conftest.py``, which holds fixtures but no tests."""
    return path.rpartition("/")[2] == "conftest.py"


@dataclass(frozen=True, slots=True)
class CollectedTest:
    """A function pytest runs as a test, and the class it is a method of, if any."""

    function: FunctionNode
    owner: ast.ClassDef | None


ClassKind = Literal["pytest", "unittest"]


def module_classes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    """The classes defined at the module's top level, by name."""
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


def functions_of(body: Sequence[ast.stmt]) -> Iterator[FunctionNode]:
    """The functions defined directly in ``body``."""
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def disabled_by_dunder_test(body: Sequence[ast.stmt]) -> bool:
    """Whether ``body`` sets ``__test__ = False``, pytest's way to opt out of collection."""
    for node in body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and node.value.value is False
            and any(
                isinstance(target, ast.Name) and target.id == "__test__" for target in node.targets
            )
        ):
            return True
    return False


def is_fixture(function: FunctionNode, aliases: dict[str, str]) -> bool:
    """Whether ``function`` is decorated as a pytest fixture (with or without arguments)."""
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = qualified_name(target, aliases)
        if name in _FIXTURE_DECORATORS:
            return True
    return False


class CollectedModule:
    """The tests of one test module, found as pytest would find them."""

    def __init__(
        self, tree: ast.Module, options: TestStandardsOptions, aliases: dict[str, str]
    ) -> None:
        self.tree = tree
        self.options = options
        self.aliases = aliases
        self.classes = module_classes(tree)
        self._kinds: dict[str, ClassKind | None] = {}
        #: Classes whose methods pytest runs: collected classes and the
        #: module's classes they inherit from (mixins of tests).
        self.test_classes: dict[str, ClassKind] = {}
        for name in self.classes:
            kind = self.class_kind(name)
            if kind is not None:
                self._mark_with_bases(name, kind)

    def _mark_with_bases(self, name: str, kind: ClassKind) -> None:
        """Record ``name`` and its bases in this module as classes holding tests of ``kind``."""
        if name in self.test_classes:
            return
        self.test_classes[name] = kind
        for base in self.classes[name].bases:
            base_name = dotted_name(base)
            if base_name in self.classes:
                self._mark_with_bases(base_name, kind)

    def class_kind(self, name: str) -> ClassKind | None:
        """How pytest collects the module's class ``name``: as a TestCase, a test class, or not."""
        if name not in self._kinds:
            self._kinds[name] = None  # guards against a class that (wrongly) inherits from itself
            self._kinds[name] = self._find_kind(self.classes[name])
        return self._kinds[name]

    def _find_kind(self, node: ast.ClassDef) -> ClassKind | None:
        if disabled_by_dunder_test(node.body):
            return None
        if self.is_unittest_case(node):
            return "unittest"
        if not matches_prefix_or_glob(node.name, self.options.python_classes):
            return None
        if any(function.name in ("__init__", "__new__") for function in functions_of(node.body)):
            return None
        return "pytest"

    def is_unittest_case(self, node: ast.ClassDef, seen: frozenset[str] = frozenset()) -> bool:
        """Whether the class derives from a ``TestCase``, by name or through classes here."""
        for base in node.bases:
            name = dotted_name(base)
            if name is None:
                continue
            if name.rpartition(".")[2].endswith("TestCase"):
                return True
            if (
                name in self.classes
                and name not in seen
                and self.is_unittest_case(self.classes[name], seen | {node.name})
            ):
                return True
        return False

    def inherits_unread_helpers(self, node: ast.ClassDef) -> bool:
        """Whether the class inherits methods this module cannot read, that may assert.

        A ``TestCase`` base does not count: its checking methods are named
        ``assert*`` and ``fail``, which are recognised by name.
        """
        for base in node.bases:
            name = dotted_name(base)
            if name == "object" or (name or "").rpartition(".")[2].endswith("TestCase"):
                continue
            if name in self.classes:
                if self.inherits_unread_helpers(self.classes[name]):
                    return True
                continue
            return True
        return False

    def has_outside_base(self, node: ast.ClassDef) -> bool:
        """Whether the class inherits from something not defined here (its methods are unknown)."""
        for base in node.bases:
            name = dotted_name(base)
            if name == "object":
                continue
            if name in self.classes:
                if self.has_outside_base(self.classes[name]):
                    return True
                continue
            return True
        return False

    def is_test_function_name(self, name: str, kind: ClassKind | None) -> bool:
        """Whether a function ``name`` is a test, at module level (``kind`` None) or in a class."""
        if kind == "unittest":
            return name.startswith(_UNITTEST_PREFIX)
        return matches_prefix_or_glob(name, self.options.python_functions)

    def tests(self) -> Iterator[CollectedTest]:
        """Every test function and test method, in source order."""
        if disabled_by_dunder_test(self.tree.body):
            return
        for node in self.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if self.is_test_function_name(node.name, None) and not is_fixture(
                    node, self.aliases
                ):
                    yield CollectedTest(node, None)
            elif isinstance(node, ast.ClassDef) and node.name in self.test_classes:
                yield from self._class_tests(node, self.test_classes[node.name])

    def _class_tests(self, node: ast.ClassDef, kind: ClassKind) -> Iterator[CollectedTest]:
        for child in node.body:
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if self.is_test_function_name(child.name, kind) and not is_fixture(
                    child, self.aliases
                ):
                    yield CollectedTest(child, node)
            elif (
                isinstance(child, ast.ClassDef)
                and kind == "pytest"
                and matches_prefix_or_glob(child.name, self.options.python_classes)
            ):
                # pytest collects test classes nested in test classes.
                yield from self._class_tests(child, "pytest")

"""TST001: every source module that needs tests has some.

Each file yields its shape (how many statements and lines, whether it is
generated), a cached fact; the architecture area's import fact says what each
file imports. The project rule then reads which modules the test modules (and
conftest.py files) import, following the re-exports of a package's
``__init__`` (``import shop`` tests what ``shop/__init__.py`` imports), and
which test files exist by the naming map ``test-names``.
"""

from __future__ import annotations

import ast
import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pathspec

from standards_lint.rule import Invalid, ProjectFacts, ProjectRule, Valid
from standards_lint.rules.architecture.imports import (
    IMPORTS_FACT,
    ImportStatement,
    imported_names,
    module_of,
)
from standards_lint.rules.architecture.options import ArchitectureOptions
from standards_lint.rules.tests.collection import in_test_paths, is_conftest, is_test_module
from standards_lint.rules.tests.options import TestStandardsOptions
from standards_lint.source import SourceFile
from standards_lint.syntax import walk_statements

MODULE_SHAPE_FACT = "tests.module-shape"
_MARKER_LINES = 10
_NO_TESTS_MESSAGE = (
    "no test module ({patterns}) or conftest.py is among the checked files, so no module"
    " can count as tested: include the test suite in the checked files, or ignore TST001"
)
_SIMPLE = (
    "def price(amount, rate):\n    total = amount * rate\n    if total < 0:\n"
    "        raise ValueError(total)\n    return round(total, 2)\n"
)


@dataclass(frozen=True, slots=True)
class ModuleShape:
    """A file's size, in statements (as min-statements counts them) and lines; is it generated."""

    statements: int
    lines: int
    generated: bool


def _counts(node: ast.stmt) -> bool:
    """Whether a statement counts towards the module's size (not a docstring, import or pass)."""
    if isinstance(node, (ast.Import, ast.ImportFrom, ast.Pass)):
        return False
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return not isinstance(node.value.value, str) and node.value.value is not Ellipsis
    return True


def collect_module_shape(source: SourceFile, options: TestStandardsOptions) -> ModuleShape:
    """The file's size and whether one of its first lines marks it as generated."""
    statements = sum(1 for node in walk_statements(source.ast_module) if _counts(node))
    head = source.lines[:_MARKER_LINES]
    generated = any(marker in line for line in head for marker in options.generated_markers)
    return ModuleShape(statements, len(source.lines), generated)


@dataclass(frozen=True, slots=True)
class ProjectModule:
    """A file of the project: where it is, which module it is, and its shape."""

    path: str
    root_path: str
    name: str | None
    is_package: bool
    shape: ModuleShape


def expected_test_paths(name: str, options: TestStandardsOptions) -> list[str]:
    """The test-names patterns filled in for module ``name`` (``shop.orders.models``)."""
    package, _, stem = name.rpartition(".")
    filled = []
    for pattern in options.test_names:
        path = pattern.replace("{package}", package.replace(".", "/")).replace("{name}", stem)
        while "//" in path:
            path = path.replace("//", "/")
        filled.append(path.lstrip("/"))
    return filled


class UntestedModule(ProjectRule[TestStandardsOptions]):
    """Reports each module that needs tests when no test imports it and none is named for it."""

    code = "TST001"
    name = "untested-module"
    area = "tests"
    facts = (MODULE_SHAPE_FACT, IMPORTS_FACT)
    summary = "A source module has no tests: no test module imports it and none is named for it."
    rationale = (
        "Code without a single test is code whose behaviour nobody has pinned down:"
        " it breaks silently, and the first test is hardest to write later, when the"
        " module has grown around untestable habits. A module counts as tested when a"
        " test module or a conftest.py imports it (directly, or through a package"
        " __init__ that re-exports it), or when a file named by test-names exists for"
        " it (tests/test_models.py for shop/models.py). Which modules need tests is"
        " yours to say: require-tests-for and exempt-from-tests choose the files,"
        " min-statements and min-lines leave small ones alone, and package __init__"
        " files, generated files (generated-markers) and test code never need tests."
        " Imports are matched to modules through source-roots and package-map, set as"
        " in [architecture]. The report is on the module's own file, line 1. A file"
        " whose [[overrides]] ignore TST001 is left out entirely: it needs no tests, and"
        " its imports do not count as tests of other modules. When the checked files"
        " hold no test code at all, one report against the standards file says so"
        " instead of one per module: the likelier cause is an exclude that leaves the"
        " tests out."
    )
    options_used = (
        "require-tests-for",
        "exempt-from-tests",
        "min-statements",
        "min-lines",
        "generated-markers",
        "test-names",
        "source-roots",
        "package-map",
        "python-files",
        "test-paths",
    )
    valid = (
        Valid("RATE = 0.2\n", path="shop/prices.py"),
        Valid(_SIMPLE, path="shop/__init__.py"),
        Valid("# @generated by protoc\n" + _SIMPLE, path="shop/prices.py"),
        Valid(_SIMPLE, path="shop/prices.py", options={"exempt-from-tests": ["shop/"]}),
        Valid(_SIMPLE, path="shop/prices.py", options={"min-statements": 10}),
        Valid(
            "from shop.prices import price\n\ndef test_price():\n    assert price(1, 2) == 2\n",
            path="tests/test_prices.py",
        ),
    )
    invalid = (
        Invalid(
            _SIMPLE,
            path="shop/prices.py",
            line=1,
            message="no test module (test_*.py, *_test.py) or conftest.py is among the"
            " checked files",
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Find what the tests import and which test files exist, then report untested modules."""
        modules = self._modules(project)
        by_name = {module.name: module for module in modules if module.name is not None}
        tests = [module for module in modules if self._is_test_code(module.root_path)]
        if not tests:
            # Every module would be reported; the likelier cause is an exclude that
            # leaves the tests out, so say that once, against the standards file.
            if any(self._needs_tests(module) for module in modules):
                self.report(_NO_TESTS_MESSAGE.format(patterns=", ".join(self.options.python_files)))
            return
        imports = {
            path: value for path, value in project.values(IMPORTS_FACT) if isinstance(value, tuple)
        }
        tested = _imported_modules(tests, imports, by_name)
        existing = {module.root_path for module in modules}
        for module in modules:
            if module.name is None or module.name in tested or not self._needs_tests(module):
                continue
            expected = expected_test_paths(module.name, self.options)
            if any(fnmatch.filter(existing, pattern) for pattern in expected):
                continue
            self.report(
                f"module {module.name} has no tests: no test module imports it, and there"
                f" is no {' or '.join(expected[:2])}",
                path=module.path,
                line=1,
            )

    def _modules(self, project: ProjectFacts) -> list[ProjectModule]:
        """Every file with a shape, named as a module through source-roots and package-map."""
        naming = ArchitectureOptions(
            source_roots=self.options.source_roots, package_map=self.options.package_map
        )
        modules = []
        for path, shape in project.values(MODULE_SHAPE_FACT):
            # A stub describes a module's types, not its code: it needs no tests, and
            # must not stand in for the module it describes.
            if isinstance(shape, ModuleShape) and not path.endswith(".pyi"):
                root_path = project.root_paths.get(path, path)
                name, is_package = module_of(root_path, naming) or (None, False)
                modules.append(ProjectModule(path, root_path, name, is_package, shape))
        return modules

    def _is_test_code(self, root_path: str) -> bool:
        return is_test_module(root_path, self.options) or is_conftest(root_path)

    def _needs_tests(self, module: ProjectModule) -> bool:
        """Whether the module is source code that the options say must have tests."""
        shape = module.shape
        if module.is_package or shape.generated or self._is_test_code(module.root_path):
            return False
        if self.options.test_paths and in_test_paths(module.root_path, self.options):
            return False
        if shape.statements < self.options.min_statements or shape.lines < self.options.min_lines:
            return False
        return _matches(module.root_path, self.options.require_tests_for) and not _matches(
            module.root_path, self.options.exempt_from_tests
        )


def _matches(path: str, patterns: tuple[str, ...]) -> bool:
    return bool(patterns) and bool(pathspec.GitIgnoreSpec.from_lines(patterns).match_file(path))


def _imported_modules(
    tests: Iterable[ProjectModule],
    imports: Mapping[str, tuple[object, ...]],
    by_name: Mapping[str, ProjectModule],
) -> set[str]:
    """The project modules the tests import, with what imported packages' ``__init__`` imports."""
    found: set[str] = set()
    pending = list(tests)
    while pending:
        importer = pending.pop()
        for statement in imports.get(importer.path, ()):
            if not isinstance(statement, ImportStatement):
                continue
            if importer.name is None and statement.level:
                continue  # a relative import of a file that is no module leads nowhere known
            for imported_name in imported_names(
                importer.name or "", importer.is_package, statement
            ):
                # `from shop import prices` imports a module; `from shop.prices import price`
                # an attribute of one.
                target = (
                    imported_name if imported_name in by_name else imported_name.rpartition(".")[0]
                )
                if target in found or target not in by_name:
                    continue
                found.add(target)
                imported = by_name[target]
                if imported.is_package:
                    pending.append(imported)  # a package re-exports what it imports
    return found

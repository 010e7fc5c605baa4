"""Docstring coverage from collect_documentable_items agrees with interrogate 1.7.0's own figure.

Interrogate is run through its programmatic API on real installed packages and on
a small package written to exercise its quirks, and the two results must match.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import importlib.util
import os
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from standards_lint.rules.docstrings.items import (
    PresenceOptions,
    collect_documentable_items,
    docstring_coverage,
)

interrogate_config = pytest.importorskip("interrogate.config")
interrogate_coverage = pytest.importorskip("interrogate.coverage")

# Folders that interrogate skips when they sit directly in a walked root.
_INTERROGATE_SKIPPED_FOLDERS = (".tox", ".venv", "venv", ".git", ".hg")

OPTION_SETS = {
    "defaults": PresenceOptions(),
    "private-and-magic": PresenceOptions(
        ignore_magic=True, ignore_private=True, ignore_semiprivate=True, ignore_init_method=True
    ),
    "structure": PresenceOptions(
        ignore_module=True,
        ignore_init_module=True,
        ignore_nested_functions=True,
        ignore_nested_classes=True,
    ),
    "decorators-and-regex": PresenceOptions(
        ignore_property_decorators=True,
        ignore_setters=True,
        ignore_overloaded_functions=True,
        ignore_regex=("test_", "visit_", "leave_"),
    ),
    "google-and-include-regex": PresenceOptions(
        docstring_style="google", include_regex=("[A-Z]", "get"), ignore_nested_classes=True
    ),
}

REAL_PACKAGES = ("click", "radon", "pathspec", "_pytest")


def interrogate_result(root: Path, options: PresenceOptions) -> tuple[int, int]:
    """Return interrogate's ``(covered, total)`` for ``root`` under ``options``."""
    settings: dict[str, Any] = {}
    for field in dataclasses.fields(PresenceOptions):
        value = getattr(options, field.name)
        if field.name in ("ignore_regex", "include_regex"):
            value = [re.compile(pattern) for pattern in value] or False
        setting = "ignore_property_setters" if field.name == "ignore_setters" else field.name
        settings[setting] = value
    config = interrogate_config.InterrogateConfig(**settings)
    result = interrogate_coverage.InterrogateCoverage(paths=[str(root)], conf=config)
    coverage = result.get_coverage()
    return coverage.covered, coverage.total


def our_result(root: Path, options: PresenceOptions) -> tuple[int, int]:
    """Return ``(documented, counted)`` over the ``.py`` files interrogate would read."""
    documented = counted = 0
    skipped = tuple(str(root / folder) for folder in _INTERROGATE_SKIPPED_FOLDERS)
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            if not name.endswith(".py") or path.startswith(skipped):
                continue
            items = collect_documentable_items(parsed_file(path), path=path, options=options)
            file_documented, file_counted = docstring_coverage(items)
            documented += file_documented
            counted += file_counted
    return documented, counted


@functools.cache
def parsed_file(path: str) -> ast.Module:
    """Parse a file once for all the option sets compared on it."""
    return ast.parse(Path(path).read_text(encoding="utf-8"))


def percent(documented: int, counted: int) -> float:
    """Coverage in percent, 100 for nothing counted (as interrogate has it)."""
    return 100.0 if counted == 0 else documented / counted * 100


@pytest.mark.slow
@pytest.mark.parametrize("options_name", sorted(OPTION_SETS))
@pytest.mark.parametrize("package", REAL_PACKAGES)
def test_coverage_of_real_package_matches_interrogate(package: str, options_name: str) -> None:
    module = pytest.importorskip(package)
    assert module.__file__ is not None
    root = Path(module.__file__).parent
    options = OPTION_SETS[options_name]

    ours = our_result(root, options)
    theirs = interrogate_result(root, options)

    assert percent(*ours) == pytest.approx(percent(*theirs), abs=0.1)
    assert ours == theirs


QUIRKS_PACKAGE = {
    "__init__.py": "",
    "documented_init/__init__.py": '"""A package with a docstring."""\n',
    "blank_docstrings.py": '"""   """\nclass Blank:\n    """\n\n    """\n',
    "kinds.py": '''
        """Module."""
        import typing
        from typing import overload

        class Public:
            """Documented."""

            def __init__(self):
                pass

            def __repr__(self):
                return ""

            def __private(self):
                """Private."""

            def _semiprivate(self):
                pass

            def _semi_dunder__(self):
                pass

            @property
            def value(self):
                """Getter."""

            @value.setter
            def value(self, new):
                pass

            @value.deleter
            def value(self):
                pass

            @functools.cached_property
            def cached(self):
                pass

            class Inner:
                def inner_method(self):
                    def deep():
                        pass

                class InnerMost:
                    def innermost_method(self):
                        pass

        @overload
        def parse(x: int) -> int: ...
        @typing.overload
        def parse(x: str) -> str: ...
        def parse(x):
            """Parse."""
            lam = lambda: None

        def outer():
            def nested():
                async def nested_async():
                    def inside_async():
                        pass
                class NestedClass:
                    def method(self):
                        def in_method():
                            pass
            return nested

        async def outer_async():
            def not_nested_to_interrogate():
                pass

        if True:
            def conditional():
                """Counted even inside an if."""
        try:
            class InTry:
                pass
        except ImportError:
            def fallback():
                pass

        def __init__():
            """A module-level function called __init__."""

        class NoDoc:
            def __init__(self):
                """Documents the class under the Google style."""

        def test_something():
            def visit_helper():
                pass
    ''',
}

QUIRK_OPTION_SETS = {
    **OPTION_SETS,
    "each-visit-option": PresenceOptions(
        ignore_init_method=True,
        ignore_magic=True,
        ignore_private=True,
        ignore_property_decorators=True,
        ignore_overloaded_functions=True,
        ignore_regex=("Inner$",),
    ),
    "nested-functions": PresenceOptions(ignore_nested_functions=True),
    "nested-classes": PresenceOptions(ignore_nested_classes=True),
    "setters": PresenceOptions(ignore_setters=True),
    "semiprivate": PresenceOptions(ignore_semiprivate=True),
    "init-module": PresenceOptions(ignore_init_module=True),
    "google": PresenceOptions(docstring_style="google"),
    "include-nothing": PresenceOptions(include_regex=("no_such_name",)),
}


@pytest.fixture(scope="module")
def quirks_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package whose files exercise every quirk of interrogate's counting."""
    root = tmp_path_factory.mktemp("quirks")
    for relative_path, source in QUIRKS_PACKAGE.items():
        path = root / relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return root


@pytest.mark.parametrize("options_name", sorted(QUIRK_OPTION_SETS))
def test_quirks_match_interrogate_file_by_file(quirks_package: Path, options_name: str) -> None:
    options = QUIRK_OPTION_SETS[options_name]
    for relative_path in QUIRKS_PACKAGE:
        path = quirks_package / relative_path
        expected = (
            (0, 0)
            if options.ignore_init_module and path.name == "__init__.py"
            else interrogate_result(path, options)
        )
        assert _file_result(path, options) == expected, relative_path


def _file_result(path: Path, options: PresenceOptions) -> tuple[int, int]:
    """Return ``(documented, counted)`` for one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return docstring_coverage(collect_documentable_items(tree, path=str(path), options=options))


def test_real_packages_are_importable_for_the_comparison() -> None:
    """At least three of the compared packages must really be compared, not skipped."""
    available = [name for name in REAL_PACKAGES if importlib.util.find_spec(name) is not None]
    assert len(available) >= 3, available

"""collect_documentable_items: what each item says about itself, and why it is left out."""

from __future__ import annotations

import ast
import textwrap

import pytest

from standards_lint.rules.docstrings.items import (
    DocItem,
    PresenceOptions,
    collect_documentable_items,
    docstring_coverage,
)

SOURCE = '''
"""The module."""

@decorator
class Shape:
    """A shape."""

    def __init__(self):
        pass

    def __len__(self):
        """Dunder."""

    @property
    def area(self):
        """The area."""

    @area.setter
    def area(self, value):
        pass

    def _helper(self):
        def inner():
            pass

    class Meta:
        pass

async def fetch():
    """Fetch."""

def __private():
    pass
'''


def items_of(
    source: str = SOURCE, path: str = "pkg/shapes.py", **options: object
) -> dict[str, DocItem]:
    """Collect the items of ``source`` by qualified name (the last of each name)."""
    tree = ast.parse(textwrap.dedent(source))
    found = collect_documentable_items(tree, path=path, options=PresenceOptions(**options))  # type: ignore[arg-type]
    return {item.qualified_name: item for item in found}


def test_kinds_names_and_lines() -> None:
    items = items_of()
    assert [(name, item.kind, item.line) for name, item in items.items()] == [
        ("shapes", "module", 1),
        ("Shape", "class", 5),
        ("Shape.__init__", "method", 8),
        ("Shape.__len__", "method", 11),
        ("Shape.area", "method", 19),
        ("Shape._helper", "method", 22),
        ("Shape._helper.inner", "nested-function", 23),
        ("Shape.Meta", "nested-class", 26),
        ("fetch", "function", 29),
        ("__private", "function", 32),
    ]


def test_docstring_presence_and_line() -> None:
    items = items_of()
    assert (items["shapes"].has_docstring, items["shapes"].docstring_line) == (True, 2)
    assert (items["Shape"].has_docstring, items["Shape"].docstring_line) == (True, 6)
    assert (items["fetch"].has_docstring, items["fetch"].docstring_line) == (True, 30)
    assert (items["Shape.__init__"].has_docstring, items["Shape.__init__"].docstring_line) == (
        False,
        None,
    )


def test_blank_docstring_does_not_count_but_has_a_line() -> None:
    items = items_of('def f():\n    """   """\n')
    assert (items["f"].has_docstring, items["f"].docstring_line) == (False, 2)


def test_everything_counts_by_default() -> None:
    tree = ast.parse(textwrap.dedent(SOURCE))
    items = collect_documentable_items(tree, path="pkg/shapes.py", options=PresenceOptions())
    assert all(item.counted for item in items)
    assert docstring_coverage(items) == (5, 11)


def test_package_module_is_named_after_its_folder() -> None:
    items = items_of("", path="src/pkg/__init__.py")
    (item,) = items.values()
    assert (item.kind, item.qualified_name, item.has_docstring) == ("package", "pkg", False)
    assert docstring_coverage(items.values()) == (0, 1)


@pytest.mark.parametrize(
    ("option", "value", "left_out"),
    [
        ("ignore_init_method", True, ["Shape.__init__"]),
        ("ignore_magic", True, ["Shape.__len__"]),
        ("ignore_private", True, ["__private"]),
        ("ignore_semiprivate", True, ["Shape._helper", "Shape._helper.inner"]),
        ("ignore_setters", True, ["Shape.area"]),
        ("ignore_nested_functions", True, ["Shape._helper.inner"]),
        ("ignore_nested_classes", True, ["Shape.Meta"]),
        ("ignore_module", True, ["shapes"]),
        ("ignore_regex", ("f", "Met"), ["Shape.Meta", "fetch"]),
    ],
)
def test_each_option_names_what_it_leaves_out(
    option: str, value: object, left_out: list[str]
) -> None:
    found = collect_documentable_items(
        ast.parse(textwrap.dedent(SOURCE)),
        path="pkg/shapes.py",
        options=PresenceOptions(**{option: value}),  # type: ignore[arg-type]
    )
    assert {item.qualified_name for item in found if item.ignored_by == option} == set(left_out)
    assert all(item.counted for item in found if item.qualified_name not in left_out)


def test_excluding_a_class_excludes_what_it_contains() -> None:
    found = collect_documentable_items(
        ast.parse(textwrap.dedent(SOURCE)),
        path="pkg/shapes.py",
        options=PresenceOptions(ignore_regex=("Shape",)),
    )
    left_out = [item.qualified_name for item in found if item.ignored_by == "ignore_regex"]
    assert left_out[0] == "Shape"
    assert all(name.startswith("Shape") for name in left_out)
    assert len(left_out) == 8


def test_init_module_option_leaves_out_the_whole_file() -> None:
    tree = ast.parse("def f():\n    pass\n")
    options = PresenceOptions(ignore_init_module=True)
    found = collect_documentable_items(tree, path="pkg/__init__.py", options=options)
    assert {item.ignored_by for item in found} == {"ignore_init_module"}
    assert docstring_coverage(found) == (0, 0)


def test_google_style_credits_a_class_and_its_init() -> None:
    source = '''
    class Documented:
        """Here."""
        def __init__(self):
            pass

    class ThroughInit:
        def __init__(self):
            """Here."""
    '''
    items = items_of(source, docstring_style="google")
    assert items["Documented.__init__"].documented
    assert not items["Documented.__init__"].has_docstring
    assert items["ThroughInit"].documented
    assert not items["ThroughInit"].has_docstring


def test_include_regex_counts_the_module_only_with_a_match() -> None:
    assert docstring_coverage(items_of(include_regex=("nothing",)).values()) == (0, 0)
    assert docstring_coverage(items_of(include_regex=("fetch",)).values()) == (2, 2)

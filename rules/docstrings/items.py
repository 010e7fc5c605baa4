"""The items that count for docstring coverage, counted exactly as interrogate 1.7.0 counts them.

Interrogate's notion of what counts has quirks that a team porting its settings
relies on, so they are kept here on purpose:

- Every file counts its module, even an empty ``__init__.py`` (as undocumented).
- Classes, functions and ``async`` functions count wherever they are defined
  (inside ``if``, ``try``, other functions...); lambdas never count.
- An item excluded by an ``ignore_*`` option takes everything defined inside it
  out with it.
- ``ignore_nested_functions`` only excludes a plain ``def`` directly inside a
  plain ``def``: an ``async def`` on either side is not "nested" to interrogate.
- ``ignore_nested_classes`` excludes a class inside a class or a plain ``def``,
  and the classes and functions defined directly in its body, but not those
  defined deeper.
- Names are matched against ``ignore_regex`` and ``include_regex`` with
  ``re.match``: the pattern must match at the start of the bare name.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal, TypeAlias

ItemKind: TypeAlias = Literal[
    "module", "package", "class", "nested-class", "method", "function", "nested-function"
]
DocstringStyle: TypeAlias = Literal["sphinx", "google"]

_DefinitionNode: TypeAlias = ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
_MAGIC_AFFIX = "__"


@dataclass(frozen=True, slots=True)
class PresenceOptions:
    """Which items are left out of docstring coverage, named after interrogate's settings.

    Every field defaults to interrogate's default, so ``PresenceOptions()`` counts
    what a bare ``interrogate`` run counts.

    Attributes:
        ignore_init_method: Leave out ``__init__`` methods.
        ignore_init_module: Leave out every item of an ``__init__.py`` file.
        ignore_magic: Leave out dunder functions other than ``__init__``.
        ignore_module: Leave out module docstrings.
        ignore_nested_functions: Leave out a ``def`` directly inside a ``def``.
        ignore_nested_classes: Leave out classes defined in classes or functions.
        ignore_private: Leave out ``__name`` classes and functions.
        ignore_semiprivate: Leave out ``_name`` classes and functions.
        ignore_property_decorators: Leave out property getters, setters and deleters.
        ignore_setters: Leave out property setters.
        ignore_overloaded_functions: Leave out ``@overload`` functions.
        ignore_regex: Leave out classes and functions whose name matches one of these.
        include_regex: When given, count only classes and functions whose name
            matches one of these (interrogate's ``whitelist_regex``).
        docstring_style: ``"google"`` credits a class and its ``__init__`` when
            either of them has a docstring; ``"sphinx"`` does not.
    """

    ignore_init_method: bool = False
    ignore_init_module: bool = False
    ignore_magic: bool = False
    ignore_module: bool = False
    ignore_nested_functions: bool = False
    ignore_nested_classes: bool = False
    ignore_private: bool = False
    ignore_semiprivate: bool = False
    ignore_property_decorators: bool = False
    ignore_setters: bool = False
    ignore_overloaded_functions: bool = False
    ignore_regex: tuple[str, ...] = ()
    include_regex: tuple[str, ...] = ()
    docstring_style: DocstringStyle = "sphinx"


@dataclass(frozen=True, slots=True)
class DocItem:
    """A module, class or function, with whether it has a docstring and whether it counts.

    Attributes:
        kind: What the item is, by where it is defined.
        qualified_name: Dotted path of names from the module down (``Outer.method``);
            for a module, its file name without suffix; for a package, its folder name.
        line: Line of the ``def`` or ``class`` keyword (not of a decorator); 1 for a module.
        has_docstring: Whether the item has a docstring that is not blank.
        docstring_line: First line of the docstring literal, or None when there is none.
        documented: Whether the item counts as documented: it has a docstring, or
            with ``docstring_style="google"`` its class or ``__init__`` partner has one.
        ignored_by: The option that leaves the item out of coverage, or None when it counts.
    """

    kind: ItemKind
    qualified_name: str
    line: int
    has_docstring: bool
    docstring_line: int | None
    documented: bool
    ignored_by: str | None

    @property
    def counted(self) -> bool:
        """Whether the item counts towards docstring coverage."""
        return self.ignored_by is None


@dataclass(slots=True)
class _Candidate:
    """An item while the filters are applied: interrogate's view of it, mutable."""

    node: ast.Module | _DefinitionNode
    kind: ItemKind
    name: str
    qualified_name: str
    parent: _Candidate | None
    has_docstring: bool
    documented: bool
    ignored_by: str | None

    @property
    def node_type(self) -> str:
        """Interrogate's name for the node type, which decides what is "nested"."""
        return type(self.node).__name__

    def freeze(self) -> DocItem:
        """Return the finished, immutable item."""
        return DocItem(
            kind=self.kind,
            qualified_name=self.qualified_name,
            line=1 if isinstance(self.node, ast.Module) else self.node.lineno,
            has_docstring=self.has_docstring,
            docstring_line=_docstring_line(self.node),
            documented=self.documented,
            ignored_by=self.ignored_by,
        )


def collect_documentable_items(
    tree: ast.Module, *, path: str, options: PresenceOptions
) -> list[DocItem]:
    """List the module, classes and functions of one file, in interrogate's order.

    Args:
        tree: The parsed file.
        path: The file's path; its name decides whether it is a package's
            ``__init__.py`` and names the module item.
        options: Which items to leave out of coverage.

    Returns:
        Every item, the module first and then in source order (a definition before
        what it contains); items left out of coverage have ``ignored_by`` set.

    Raises:
        re.error: If a pattern in ``options`` is not a valid regular expression.
    """
    candidates = list(_walk_file(tree, path, options))
    module = candidates[0]
    if options.ignore_module:
        module.ignored_by = "ignore_module"
    if options.include_regex:
        _exclude_names_not_included(candidates, _compile(options.include_regex))
    if options.ignore_nested_functions:
        _exclude_nested_functions(candidates)
    if options.ignore_nested_classes:
        _exclude_nested_classes(candidates)
    if options.docstring_style == "google":
        _credit_class_and_init_pairs(candidates)
    if options.ignore_init_module and PurePath(path).name == "__init__.py":
        for candidate in candidates:
            candidate.ignored_by = "ignore_init_module"
    return [candidate.freeze() for candidate in candidates]


def docstring_coverage(items: Iterable[DocItem]) -> tuple[int, int]:
    """Count the documented items and the items that count, as ``(documented, counted)``.

    Coverage in percent is ``documented / counted * 100`` (interrogate calls a
    total of zero 100%).
    """
    counted = [item for item in items if item.counted]
    return sum(item.documented for item in counted), len(counted)


def _walk_file(tree: ast.Module, path: str, options: PresenceOptions) -> Iterator[_Candidate]:
    """Yield the module and then every class and function, each before its contents."""
    file_path = PurePath(path)
    is_package = file_path.stem == "__init__"
    has_docstring = _has_docstring(tree)
    module = _Candidate(
        node=tree,
        kind="package" if is_package else "module",
        name=file_path.name,
        qualified_name=file_path.parent.name if is_package else file_path.stem,
        parent=None,
        has_docstring=has_docstring,
        documented=has_docstring,
        ignored_by=None,
    )
    yield module
    yield from _walk_definitions(tree, module, options)


def _walk_definitions(
    scope: ast.AST, parent: _Candidate, options: PresenceOptions
) -> Iterator[_Candidate]:
    """Yield the classes and functions defined in ``scope``, at any statement depth.

    ``parent`` is the item that ``scope`` belongs to: definitions found are named
    after it, and an option that left it out leaves them out too.
    """
    name_prefix = "" if isinstance(parent.node, ast.Module) else parent.qualified_name + "."
    for statement in _statements_within(scope):
        if not isinstance(statement, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            yield from _walk_definitions(statement, parent, options)
            continue
        # An excluded class or function takes its contents out with it; the
        # module's own exclusion (ignore_module) does not reach its definitions.
        exclusion = parent.ignored_by if parent.kind not in ("module", "package") else None
        has_docstring = _has_docstring(statement)
        candidate = _Candidate(
            node=statement,
            kind=_kind_within(statement, parent.node),
            name=statement.name,
            qualified_name=name_prefix + statement.name,
            parent=parent,
            has_docstring=has_docstring,
            documented=has_docstring,
            ignored_by=exclusion or _exclusion_when_visited(statement, options),
        )
        yield candidate
        yield from _walk_definitions(statement, candidate, options)


def _statements_within(node: ast.AST) -> Iterator[ast.stmt]:
    """Yield the statements directly inside ``node``, in source order.

    Definitions only ever occur as statements, so expressions need no visit.
    """
    for _, value in ast.iter_fields(node):
        if not isinstance(value, list):
            continue
        for child in value:
            if isinstance(child, ast.stmt):
                yield child
            elif isinstance(child, (ast.ExceptHandler, ast.match_case)):
                yield from child.body


def _kind_within(node: _DefinitionNode, enclosing: ast.AST) -> ItemKind:
    """Name what a definition is, from the definition that encloses it."""
    enclosed_in_function = isinstance(enclosing, (ast.FunctionDef, ast.AsyncFunctionDef))
    if isinstance(node, ast.ClassDef):
        nested = enclosed_in_function or isinstance(enclosing, ast.ClassDef)
        return "nested-class" if nested else "class"
    if isinstance(enclosing, ast.ClassDef):
        return "method"
    return "nested-function" if enclosed_in_function else "function"


def _exclusion_when_visited(node: _DefinitionNode, options: PresenceOptions) -> str | None:
    """Name the option that makes interrogate skip this definition and its contents."""
    if not isinstance(node, ast.ClassDef):
        function_exclusion = _function_exclusion(node, options)
        if function_exclusion is not None:
            return function_exclusion
    name = node.name
    if options.ignore_private and _is_private(name):
        return "ignore_private"
    if options.ignore_semiprivate and _is_semiprivate(name):
        return "ignore_semiprivate"
    if any(pattern.match(name) for pattern in _compile(options.ignore_regex)):
        return "ignore_regex"
    return None


def _function_exclusion(
    node: ast.FunctionDef | ast.AsyncFunctionDef, options: PresenceOptions
) -> str | None:
    """Name the function-only option that excludes ``node``, in interrogate's order."""
    name = node.name
    decorators = node.decorator_list
    if options.ignore_init_method and name == "__init__":
        return "ignore_init_method"
    if options.ignore_magic and _is_magic(name):
        return "ignore_magic"
    if options.ignore_property_decorators and any(map(_is_property_decorator, decorators)):
        return "ignore_property_decorators"
    if options.ignore_setters and any(_attribute_name(d) == "setter" for d in decorators):
        return "ignore_setters"
    if options.ignore_overloaded_functions and any(map(_is_overload_decorator, decorators)):
        return "ignore_overloaded_functions"
    return None


def _is_magic(name: str) -> bool:
    """Tell a dunder name other than ``__init__`` (interrogate's "magic")."""
    return name.startswith(_MAGIC_AFFIX) and name.endswith(_MAGIC_AFFIX) and name != "__init__"


def _is_private(name: str) -> bool:
    """Tell a name that starts, but does not end, with two underscores."""
    return name.startswith(_MAGIC_AFFIX) and not name.endswith(_MAGIC_AFFIX)


def _is_semiprivate(name: str) -> bool:
    """Tell a name that starts with exactly one underscore and does not end with two."""
    return (
        name.startswith("_")
        and not name.startswith(_MAGIC_AFFIX)
        and not name.endswith(_MAGIC_AFFIX)
    )


def _attribute_name(decorator: ast.expr) -> str | None:
    """Return ``attr`` of a ``@something.attr`` decorator, else None."""
    return decorator.attr if isinstance(decorator, ast.Attribute) else None


def _is_property_decorator(decorator: ast.expr) -> bool:
    """Tell ``@property``, ``@x.setter`` and ``@x.deleter``, matched by name only."""
    if isinstance(decorator, ast.Name):
        return decorator.id == "property"
    return _attribute_name(decorator) in ("setter", "deleter")


def _is_overload_decorator(decorator: ast.expr) -> bool:
    """Tell ``@overload`` and ``@typing.overload``."""
    if isinstance(decorator, ast.Name):
        return decorator.id == "overload"
    return (
        isinstance(decorator, ast.Attribute)
        and decorator.attr == "overload"
        and isinstance(decorator.value, ast.Name)
        and decorator.value.id == "typing"
    )


def _exclude_names_not_included(
    candidates: list[_Candidate], include_patterns: tuple[re.Pattern[str], ...]
) -> None:
    """Leave out definitions whose name no include pattern matches.

    The module counts only when some definition in the file matched.
    """
    module, *definitions = candidates
    any_matched = False
    for candidate in definitions:
        if candidate.ignored_by is not None:
            continue
        if any(pattern.match(candidate.name) for pattern in include_patterns):
            any_matched = True
        else:
            candidate.ignored_by = "include_regex"
    if not any_matched and module.ignored_by is None:
        module.ignored_by = "include_regex"


def _exclude_nested_functions(candidates: list[_Candidate]) -> None:
    """Leave out each plain ``def`` whose enclosing definition is a plain ``def``."""
    for candidate in _still_counted(candidates):
        parent = candidate.parent
        if candidate.node_type == "FunctionDef" and parent and parent.node_type == "FunctionDef":
            candidate.ignored_by = "ignore_nested_functions"


def _exclude_nested_classes(candidates: list[_Candidate]) -> None:
    """Leave out classes in a class or plain ``def``, and what is defined directly in them."""
    nested_classes = [
        candidate
        for candidate in _still_counted(candidates)
        if candidate.node_type == "ClassDef"
        and candidate.parent is not None
        and candidate.parent.node_type in ("ClassDef", "FunctionDef")
    ]
    for candidate in _still_counted(candidates):
        if any(candidate.parent is nested for nested in nested_classes):
            candidate.ignored_by = "ignore_nested_classes"
    for nested in nested_classes:
        nested.ignored_by = "ignore_nested_classes"


def _credit_class_and_init_pairs(candidates: list[_Candidate]) -> None:
    """Count a plain ``def __init__`` and its parent as documented when either one is."""
    for candidate in _still_counted(candidates):
        parent = candidate.parent
        if candidate.node_type != "FunctionDef" or candidate.name != "__init__" or not parent:
            continue
        if not candidate.documented and parent.documented:
            candidate.documented = True
        elif candidate.documented and not parent.documented:
            parent.documented = True


def _still_counted(candidates: list[_Candidate]) -> list[_Candidate]:
    """Return the candidates that no filter has left out so far."""
    return [candidate for candidate in candidates if candidate.ignored_by is None]


def _has_docstring(node: ast.Module | _DefinitionNode) -> bool:
    """Tell whether ``node`` has a docstring with more than whitespace in it."""
    docstring = ast.get_docstring(node)
    return docstring is not None and docstring.strip() != ""


def _docstring_line(node: ast.Module | _DefinitionNode) -> int | None:
    """Return the first line of ``node``'s docstring literal, blank or not."""
    if ast.get_docstring(node, clean=False) is None:
        return None
    return node.body[0].lineno


@functools.lru_cache(maxsize=64)
def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Compile option patterns once per distinct tuple."""
    return tuple(re.compile(pattern) for pattern in patterns)

"""Naming styles: what ``"snake_case"`` or a regular expression accepts, and which names are exempt.

A naming option holds one *spec* or a tuple of them; a name is accepted when
any spec accepts it. A spec is one of the named styles below or a regular
expression that the whole name must match.

The named styles judge a name without its leading underscores (``_private``
and ``__mangled`` are snake_case), by the case of its letters, so non-ASCII
identifiers are judged like ASCII ones:

- ``snake_case``: no upper-case letter (``parse_file``, ``v2``, ``class_``).
- ``UPPER_CASE``: no lower-case letter (``MAX_SIZE``, ``T``).
- ``PascalCase``: starts with an upper-case letter, no underscore (``HTTPServer``).
- ``camelCase``: starts with a lower-case letter, no underscore (``parseFile``).
- ``any``: every name.

Regular expressions see the whole name, leading underscores included.
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
import re
from collections.abc import Callable, Iterable

NameSpec = str | tuple[str, ...]
NameTest = Callable[[str], bool]


def _is_snake_case(core: str) -> bool:
    """No upper-case letter."""
    return core == core.lower()


def _is_upper_case(core: str) -> bool:
    """No lower-case letter."""
    return core == core.upper()


def _is_pascal_case(core: str) -> bool:
    """An upper-case first letter and no underscore."""
    return core[:1].isupper() and "_" not in core


def _is_camel_case(core: str) -> bool:
    """A lower-case first letter and no underscore."""
    return core[:1].islower() and "_" not in core


def _is_anything(core: str) -> bool:
    """Every name."""
    return True


#: The named styles, each judging a name without its leading underscores.
NAMED_STYLES: dict[str, NameTest] = {
    "snake_case": _is_snake_case,
    "UPPER_CASE": _is_upper_case,
    "PascalCase": _is_pascal_case,
    "camelCase": _is_camel_case,
    "any": _is_anything,
}

_PLAIN_WORD = re.compile(r"[A-Za-z_]+")


def is_exempt(name: str) -> bool:
    """Whether no naming style applies: ``_``, ``__`` and dunder names (``__init__``)."""
    if not name.strip("_"):
        return True
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def spec_problems(key: str, spec: NameSpec) -> list[str]:
    """What is wrong with the naming option ``key`` set to ``spec``, for an error message."""
    specs = (spec,) if isinstance(spec, str) else spec
    if not specs:
        return [f"{key} must name at least one style or regular expression"]
    problems = []
    for one in specs:
        if one in NAMED_STYLES:
            continue
        if _PLAIN_WORD.fullmatch(one):
            close = difflib.get_close_matches(one, NAMED_STYLES, n=1, cutoff=0.5)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(
                f"{key}: {one!r} is not a naming style{hint}; use one of "
                f"{', '.join(NAMED_STYLES)} or a regular expression such as '^[a-z_]+$'"
            )
            continue
        try:
            re.compile(one)
        except re.error as error:
            problems.append(f"{key}: {one!r} is not a valid regular expression: {error}")
    return problems


@functools.lru_cache(maxsize=64)
def name_test(spec: NameSpec) -> NameTest:
    """A function that tells whether a name follows ``spec`` (built once per spec)."""
    specs = (spec,) if isinstance(spec, str) else spec
    tests = tuple(_one_test(one) for one in specs)
    if len(tests) == 1:
        return tests[0]
    return lambda name: any(test(name) for test in tests)


def _one_test(spec: str) -> NameTest:
    """The test for one named style (on the name without leading underscores) or regex."""
    style = NAMED_STYLES.get(spec)
    if style is not None:
        return lambda name: style(name.lstrip("_"))
    matches = re.compile(spec).fullmatch
    return lambda name: matches(name) is not None


def uses_named_styles_only(spec: NameSpec) -> bool:
    """Whether ``spec`` is made of named styles other than ``any`` (no regular expression)."""
    specs = (spec,) if isinstance(spec, str) else spec
    return all(one in NAMED_STYLES and one != "any" for one in specs)


def describe_spec(spec: NameSpec) -> str:
    """How a spec reads in a message: ``snake_case``, ``UPPER_CASE or snake_case``."""
    specs = (spec,) if isinstance(spec, str) else spec
    return " or ".join(one if one in NAMED_STYLES else f"matching {one!r}" for one in specs)


@functools.lru_cache(maxsize=16)
def ignored_names_test(patterns: tuple[str, ...]) -> NameTest:
    """A function that tells whether a name matches one of the glob ``patterns`` (``visit_*``)."""
    if not patterns:
        return lambda name: False
    matches = re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns)).match
    return lambda name: matches(name) is not None


def glob_problems(key: str, patterns: Iterable[str]) -> list[str]:
    """What is wrong with a list of name globs, for an error message."""
    return [f"{key}: patterns must not be empty" for pattern in patterns if not pattern]

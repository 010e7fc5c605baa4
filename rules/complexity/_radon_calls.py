"""Calling radon safely on any Python the parser accepts.

Radon recurses once per level of the syntax tree, and its raw metrics read
code with ``str.splitlines`` and the pure-Python tokenizer, which reject some
valid code; these helpers retry such measurements the way that works.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import TypeVar

_Result = TypeVar("_Result")

# Radon's visitors recurse once per level of the syntax tree; an expression such
# as a long chain of ``+`` can be deeper than the default recursion limit, yet
# ``ast.parse`` builds trees up to about three times that limit.
_RADON_RECURSION_LIMIT = 20_000

# Radon's raw metrics read code with str.splitlines and the pure-Python tokenize
# module, which reject some valid code that the parser accepts: a line separator
# that only str.splitlines honours (\x0b, \x0c, \x1c-\x1e, \x85, \u2028,
# \u2029) inside a comment or string, or an identifier with a combining mark
# (before Python 3.12). For such code only, radon reads a transliteration: those
# separators dropped and every other non-ASCII character spelled in ASCII, so
# lines, statements, comments and distinct names stay as they were.
_SPLITLINES_ONLY_BREAKS = "\x0b\x0c\x1c\x1d\x1e"
_SPLITLINES_ONLY = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def numbers_lines_like_python(source: str) -> bool:
    """Whether ``str.splitlines`` (radon's way) numbers the lines of ``source`` as Python does."""
    return _SPLITLINES_ONLY.search(source) is None


def radon_reads(measure: Callable[[str], _Result], source: str) -> _Result:
    """Run a measurement of radon's raw metrics; on a transliteration if radon misreads."""
    try:
        return measure(source)
    except SyntaxError:
        return measure(_transliterate(source))


def with_recursion_headroom(measure: Callable[[], _Result]) -> _Result:
    """Run a radon measurement, again with a higher recursion limit if it runs out."""
    try:
        return measure()
    except RecursionError:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, _RADON_RECURSION_LIMIT))
        try:
            return measure()
        finally:
            sys.setrecursionlimit(limit)


def _transliterate(source: str) -> str:
    """``source`` with the characters radon's tokenizing trips on written in ASCII."""
    return "".join(map(_ascii_spelling, source))


def _ascii_spelling(character: str) -> str:
    """How :func:`_transliterate` writes one character."""
    if character in _SPLITLINES_ONLY_BREAKS:
        return ""  # Python reads them as nothing, or as a form feed that indents nothing
    if character.isascii():
        return character
    return f"_{ord(character):x}_"

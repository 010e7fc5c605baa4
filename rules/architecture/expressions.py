"""Module and import expressions: the names a contract is written with.

A module expression is a dotted module name in which a component may be ``*``
(exactly one name) or ``**`` (one or more names): ``shop.*.models`` matches
``shop.orders.models``; ``shop.**.models`` also matches
``shop.orders.admin.models``. An import expression is two module expressions
joined by ``->``: ``shop.models -> shop.web.**``. These are import-linter's
forms, so a contract reads the same in both tools.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

_COMPONENT = r"(\w+|\*{1,2})"
_EXPRESSION = re.compile(rf"^{_COMPONENT}(\.{_COMPONENT})*$")
_ADJACENT_WILDCARDS = frozenset({("*", "**"), ("**", "*"), ("**", "**")})


def expression_problem(expression: str) -> str | None:
    """Why ``expression`` is not a valid module expression, or ``None`` if it is."""
    if not _EXPRESSION.match(expression):
        return f"{expression!r} is not a module name (dotted names, '*' and '**' components)"
    parts = expression.split(".")
    for pair in pairwise(parts):
        if pair in _ADJACENT_WILDCARDS:
            return f"{expression!r} puts two wildcards side by side, one of them '**'"
    return None


def has_wildcard(expression: str) -> bool:
    """Whether ``expression`` stands for a pattern rather than one module."""
    return "*" in expression


@dataclass(frozen=True, slots=True)
class ModuleExpression:
    """A compiled module expression."""

    text: str
    pattern: re.Pattern[str]

    @classmethod
    def parse(cls, text: str) -> ModuleExpression:
        """Compile ``text`` (already validated with :func:`expression_problem`)."""
        pieces = []
        for part in text.split("."):
            if part == "*":
                pieces.append(r"[^.]+")
            elif part == "**":
                pieces.append(r"[^.]+(?:\.[^.]+)*?")
            else:
                pieces.append(re.escape(part))
        return cls(text, re.compile("^" + r"\.".join(pieces) + "$"))

    def matches(self, module: str) -> bool:
        """Whether ``module`` is one the expression stands for."""
        return self.pattern.match(module) is not None


@dataclass(frozen=True, slots=True)
class ImportExpression:
    """``importer -> imported``, each side a module expression."""

    text: str
    importer: ModuleExpression
    imported: ModuleExpression

    @classmethod
    def parse(cls, text: str) -> ImportExpression:
        """Compile ``text`` (already validated with :func:`import_expression_problem`)."""
        importer, _, imported = (side.strip() for side in text.partition("->"))
        return cls(text, ModuleExpression.parse(importer), ModuleExpression.parse(imported))


def import_expression_problem(text: str) -> str | None:
    """Why ``text`` is not ``importer -> imported``, or ``None`` if it is."""
    if text.count("->") != 1:
        return f"ignore-imports entry {text!r} is not 'importer -> imported'"
    for side in text.split("->"):
        problem = expression_problem(side.strip())
        if problem is not None:
            return f"ignore-imports entry {text!r}: {problem}"
    return None

"""Which docstring convention (google, numpy, sphinx) the code's docstrings follow, if one."""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

#: A line that opens a section, or a field, in each convention's form.
MARKERS: Final = {
    "google": re.compile(
        r"^[ \t]*(Args|Arguments|Returns|Yields|Raises|Attributes|Examples?):[ \t]*$", re.M
    ),
    "numpy": re.compile(
        r"^[ \t]*(Parameters|Returns|Yields|Raises|Attributes|Examples)[ \t]*\n[ \t]*-{3,}[ \t]*$",
        re.M,
    ),
    "sphinx": re.compile(r"^[ \t]*:(param|type|returns?|rtype|raises?)\b", re.M),
}
#: Fewer marked docstrings than this say nothing about a habit.
MIN_MARKED: Final = 3
#: The share of marked docstrings one convention needs to be "clearly" followed.
CLEAR_SHARE: Final = 0.8


@dataclass(frozen=True, slots=True)
class ConventionGuess:
    """What the docstrings show: the convention clearly followed (or None) and the counts."""

    convention: str | None
    #: How many docstrings carry each convention's markers.
    counts: dict[str, int]

    @property
    def marked(self) -> int:
        """How many docstrings carry some convention's markers."""
        return sum(self.counts.values())


def docstrings_of(source: str) -> list[str]:
    """The docstrings of a module's text: the module's, its classes' and functions'."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                found.append(docstring)
    return found


def guess_convention(sources: Iterable[str]) -> ConventionGuess:
    """The convention that at least 80% of the marked docstrings in ``sources`` follow."""
    counts: Counter[str] = Counter()
    for source in sources:
        for docstring in docstrings_of(source):
            for name, marker in MARKERS.items():
                if marker.search(docstring):
                    counts[name] += 1
                    # A docstring counts once, for the first convention it matches.
                    break
    marked = sum(counts.values())
    chosen = None
    if marked >= MIN_MARKED:
        name, most = counts.most_common(1)[0]
        chosen = name if most >= CLEAR_SHARE * marked else None
    return ConventionGuess(chosen, {name: counts[name] for name in MARKERS})

"""A checked file's complexity measures, worked out once for every rule and fact.

The engine hands the complexity rules and the fact collector of one file the
same :class:`SourceFile`, so a small cache keyed by that object lets them share
one :class:`ModuleMeasures` (and the figures it has worked out). It holds the
last few files only: a worker checks one file at a time.
"""

from __future__ import annotations

import functools

from standards_lint.source import SourceFile

from .metrics import ModuleMeasures


@functools.lru_cache(maxsize=4)
def file_measures(source: SourceFile) -> ModuleMeasures | None:
    """The measures of the file, or None when it does not parse (the engine reports that)."""
    try:
        tree = source.ast_module
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        # ValueError: null bytes in the source, on Python before 3.12.
        return None
    return ModuleMeasures(source.text, tree)

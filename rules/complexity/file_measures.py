"""A checked file's complexity measures, worked out once for every rule and fact.

The engine hands the complexity rules and the fact collector of one file the
same :class:`SourceFile`, which keeps one :class:`ModuleMeasures` (and the
figures it has worked out) for them all (:meth:`SourceFile.derived`).
"""

from __future__ import annotations

from standards_lint.source import SourceFile

from .metrics import ModuleMeasures


def file_measures(source: SourceFile) -> ModuleMeasures | None:
    """The measures of the file, or None when it does not parse (the engine reports that)."""
    return source.derived(file_measures, lambda: _measure(source))


def _measure(source: SourceFile) -> ModuleMeasures | None:
    tree = source.python_tree
    return None if tree is None else ModuleMeasures(source.text, tree)

"""A checked file's syntax tree and documentable items, worked out once for every rule.

The presence rules, the coverage fact and the convention rules all read the same
file; the engine hands each of them the same :class:`SourceFile`, which keeps
the items it derived (:meth:`SourceFile.derived`) for as long as the file is
analysed, whatever order the rules ask in.
"""

from __future__ import annotations

import ast

from standards_lint.rules.docstrings.items import DocItem, collect_documentable_items
from standards_lint.rules.docstrings.options import DocstringOptions
from standards_lint.source import SourceFile

_STUB_SUFFIX = ".pyi"


def parsed_tree(source: SourceFile) -> ast.Module | None:
    """The file's ``ast`` tree, or None when it does not parse (the engine reports that)."""
    return source.python_tree


def counts_file(source: SourceFile, options: DocstringOptions) -> bool:
    """Whether the file's items count: stubs only when ``ext`` asks for them, as in interrogate."""
    return not source.path.endswith(_STUB_SUFFIX) or options.counts_stubs


def file_items(source: SourceFile, options: DocstringOptions) -> tuple[DocItem, ...]:
    """Every documentable item of the file, each marked counted or not under ``options``.

    Nothing for a file that does not parse or does not count.
    """
    return source.derived((file_items, options), lambda: _collect_items(source, options))


def _collect_items(source: SourceFile, options: DocstringOptions) -> tuple[DocItem, ...]:
    tree = parsed_tree(source)
    if tree is None or not counts_file(source, options):
        return ()
    items = collect_documentable_items(tree, path=source.path, options=options.presence_options())
    return tuple(items)


def undocumented_items(source: SourceFile, options: DocstringOptions) -> list[DocItem]:
    """The counted items of the file that do not count as documented."""
    return [item for item in file_items(source, options) if item.counted and not item.documented]

"""Turn the fixes rules propose into plain text edits of the file.

A rule proposes changes to the syntax tree (:class:`~standards_lint.rule.Replace`)
or to the text (:class:`~standards_lint.model.Edit`). Tree changes are made
on the module-level statement that holds them, that statement's code is
generated again, and only the part that differs becomes an edit, so that
fixes of neighbouring violations rarely overlap. Where the statement cannot
be placed in the text, the whole module is generated instead; where even
that does not reproduce the file, the fix is dropped rather than guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import libcst

from standards_lint.model import Edit, Fix
from standards_lint.rule import ProposedFix, Replace
from standards_lint.source import SourceFile


class _Replacer(libcst.CSTTransformer):
    """Puts each replacement where its original node was, by identity."""

    def __init__(self, replacements: Sequence[Replace]) -> None:
        super().__init__()
        self._by_node = {id(change.node): change.new for change in replacements}

    def on_leave(  # type: ignore[override]
        self, original_node: libcst.CSTNode, updated_node: libcst.CSTNode
    ) -> libcst.CSTNode | libcst.RemovalSentinel:
        """The replacement proposed for ``original_node``, or the node as the walk rebuilt it."""
        return self._by_node.get(id(original_node), updated_node)


def resolve_fix(
    proposed: ProposedFix,
    source: SourceFile,
    module: libcst.Module | None,
    statement: libcst.CSTNode | None,
) -> Fix | None:
    """The plain :class:`Fix` for ``proposed``, or ``None`` when it cannot be placed.

    ``statement`` is the module-level statement that holds the reported
    node, when the report was made at one.
    """
    edits = [change for change in proposed.changes if isinstance(change, Edit)]
    replacements = [change for change in proposed.changes if isinstance(change, Replace)]
    if replacements:
        if module is None:
            return None
        edit = _tree_edit(replacements, source, module, statement)
        if edit is None:
            return None
        if edit.start != edit.end or edit.replacement:
            edits.append(edit)
    edits.sort(key=lambda edit: (edit.start, edit.end))
    if (
        not edits
        or any(not 0 <= edit.start <= edit.end <= len(source.text) for edit in edits)
        or any(first.overlaps(second) for first, second in itertools.pairwise(edits))
    ):
        return None
    return Fix(proposed.description, tuple(edits), proposed.safety)


def _tree_edit(
    replacements: Sequence[Replace],
    source: SourceFile,
    module: libcst.Module,
    statement: libcst.CSTNode | None,
) -> Edit | None:
    """The one edit of the text that makes ``replacements``, or ``None`` if it cannot be placed."""
    if statement is not None and statement in module.body:
        start = _statement_offset(source, module, statement)
        if start is not None:
            before = module.code_for_node(statement)
            if source.text[start : start + len(before)] == before:
                changed = statement.visit(_Replacer(replacements))
                if isinstance(changed, libcst.CSTNode) and changed is not statement:
                    after = module.code_for_node(changed)
                    if after != before:
                        return Edit.between(before, after, start)
    if module.code != source.text:
        return None
    changed_module = module.visit(_Replacer(replacements))
    return Edit.between(source.text, changed_module.code)


def _statement_offset(
    source: SourceFile, module: libcst.Module, statement: libcst.CSTNode
) -> int | None:
    """Where ``statement``'s code (its leading blank lines and comments first) starts."""
    from standards_lint.engine.positions import statement_start_lines  # noqa: PLC0415

    starts = statement_start_lines(module, source.ast_module)
    if starts is None or id(statement) not in starts:
        return None
    return source.offset(starts[id(statement)], 1)

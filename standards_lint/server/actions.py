"""Code actions: fix one violation, fix the whole file, suppress, accept in the baseline.

Each action is computed from plain text and violations into engine
:class:`~standards_lint.model.Edit` values (character offsets); the server
turns them into LSP text edits with :func:`text_edits`.
"""

from __future__ import annotations

import dataclasses
import io
import re
import tokenize
from collections.abc import Callable, Sequence
from typing import Final

from lsprotocol import types as lsp

from standards_lint.config import Standards
from standards_lint.engine.comments import find_suppressions
from standards_lint.engine_rules import FigureRegressionRule, InternalErrorRule
from standards_lint.fixing.edits import apply_fixes, fixable
from standards_lint.gate.baseline import Baseline, BaselineEntry, standards_name
from standards_lint.model import Edit, FixSafety, Violation
from standards_lint.server.diagnostics import lsp_range
from standards_lint.server.positions import TextLines
from standards_lint.version import tool_version

#: Rounds of check-and-fix for "fix all", as ``check --fix`` bounds them.
MAX_FIX_ROUNDS: Final = 10
#: What a new suppression says until its author writes the reason.
REASON_PLACEHOLDER: Final = "reason: ..."
#: Violations a baseline never records (see :mod:`standards_lint.gate.baseline`).
_NEVER_BASELINED: Final = frozenset({InternalErrorRule.code, FigureRegressionRule.code})
#: Tokens of string text (Python 3.12 splits f-strings into several tokens).
_STRING_TOKENS: Final = frozenset(
    {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
)
_CODES_OF_COMMENT: Final = re.compile(r"#\s*standards-lint:\s*ignore\[(?P<codes>[^\]]*)\]")

#: Checks a text, giving the violations of the document.
CheckText = Callable[[str], Sequence[Violation]]


def text_edits(text: str, edits: Sequence[Edit]) -> list[lsp.TextEdit]:
    """LSP text edits for engine edits of ``text`` (character offsets to UTF-16 positions)."""
    lines = TextLines(text)
    return [
        lsp.TextEdit(
            range=lsp_range(lines.offset_position(edit.start), lines.offset_position(edit.end)),
            new_text=edit.replacement,
        )
        for edit in sorted(edits, key=lambda edit: (edit.start, edit.end))
    ]


def fix_title(violation: Violation) -> str:
    """``Fix STY011: Catch Exception instead of everything (unsafe)``."""
    assert violation.fix is not None
    unsafe = " (unsafe)" if violation.fix.safety is FixSafety.UNSAFE else ""
    return f"Fix {violation.rule}: {violation.fix.description}{unsafe}"


def fix_all_edit(text: str, check: CheckText) -> Edit | None:
    """One edit that applies every safe fix of ``text``, round after round; ``None`` if none.

    Fixes that overlap wait for the next round, checked afresh; after
    :data:`MAX_FIX_ROUNDS` rounds, or when a round changes nothing, the
    changed region of the text is replaced at once.
    """
    fixed = text
    for _ in range(MAX_FIX_ROUNDS):
        chosen = fixable(check(fixed), FixSafety.SAFE)
        if not chosen:
            break
        applied = apply_fixes(fixed, chosen)
        if applied.text == fixed:
            break
        fixed = applied.text
    if fixed == text:
        return None
    return Edit.between(text, fixed)


def suppression_edit(text: str, violation: Violation) -> Edit | None:
    """The edit that suppresses ``violation`` on its line, or ``None`` where no comment can.

    An existing ``ignore[...]`` comment on the line gets the code added; a
    line without one gets a new comment with a reason to fill in. A line
    that ends inside a string, after a line continuation, or that a blanket
    comment already covers gets none.
    """
    lines = TextLines(text)
    line = violation.span.line
    line_text = lines.line_text(line - 1)
    if line_text.rstrip().endswith("\\") or _ends_inside_string(text, line):
        return None
    existing = [found for found in find_suppressions(text) if found.line == line]
    if existing:
        if not all(found.codes for found in existing) or violation.rule in existing[0].codes:
            return None
        match = _CODES_OF_COMMENT.search(line_text)
        if match is None:
            return None
        at = lines.starts[line - 1] + match.end("codes")
        separator = ", " if match.group("codes").strip() else ""
        return Edit(at, at, f"{separator}{violation.rule}")
    end = lines.line_end_offset(line - 1)
    comment = f"# standards-lint: ignore[{violation.rule}] {REASON_PLACEHOLDER}"
    spacing = "  " if line_text.strip() else ""
    return Edit(end, end, f"{spacing}{comment}")


def _ends_inside_string(text: str, line: int) -> bool:
    """Whether the 1-based ``line`` ends inside a string that goes on to a later line."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.start[0] > line:
                return False
            if token.type in _STRING_TOKENS and token.start[0] <= line < token.end[0]:
                return True
    except (tokenize.TokenError, SyntaxError):
        return False
    return False


def can_baseline(violation: Violation) -> bool:
    """Whether a baseline can accept ``violation`` (it has a fingerprint and may be recorded)."""
    return bool(violation.fingerprint) and violation.rule not in _NEVER_BASELINED


def with_accepted(
    existing: Baseline | None, violation: Violation, root_path: str, standards: Standards
) -> Baseline:
    """``existing`` (or a new baseline) that also accepts ``violation``, in ``root_path``."""
    baseline = existing or Baseline(
        standards=standards_name(standards), tool_version=tool_version()
    )
    entries = {(entry.path, entry.rule): entry for entry in baseline.entries}
    key = (root_path, violation.rule)
    old = entries.get(key, BaselineEntry(root_path, violation.rule, ()))
    values = dict(old.values)
    if violation.value is not None:
        values[violation.fingerprint] = violation.value
    entries[key] = BaselineEntry(
        path=root_path,
        rule=violation.rule,
        fingerprints=tuple(sorted({*old.fingerprints, violation.fingerprint})),
        values=dict(sorted(values.items())),
    )
    return dataclasses.replace(baseline, entries=tuple(entries[key] for key in sorted(entries)))

"""The fix of a docstring: its literal found in the source, and its text replaced.

Only a plain or raw triple-quoted literal, alone at the start of its line, is
rewritten: there the docstring's value is exactly the text between the quotes
(line endings aside), so the rewritten text can take its place. A byte string,
an f-string, a concatenation of literals or text with escapes keeps its report
without a fix.
"""

from __future__ import annotations

import ast
import re
from typing import Final

from standards_lint.model import Edit, FixSafety
from standards_lint.rule import ProposedFix
from standards_lint.source import SourceFile

from .conventions import DocumentedNode
from .problems import ProblemKind
from .rewriting import rewrite_docstring
from .strictness import ConventionOptions
from .structure import Convention

_LITERAL: Final = re.compile(
    r"(?P<prefix>[rRuU]?)(?P<quotes>\"\"\"|''')(?P<body>.*)(?P=quotes)", re.DOTALL
)


def docstring_fix(
    source: SourceFile,
    node: DocumentedNode,
    convention: Convention,
    options: ConventionOptions,
    kinds: frozenset[ProblemKind],
    description: str,
) -> ProposedFix | None:
    """The safe fix that settles the problems of ``kinds`` in ``node``'s docstring, if any.

    Args:
        source: The file.
        node: The class or function whose docstring is fixed.
        convention: The docstring convention of the file.
        options: How strictly docstrings are checked.
        kinds: The kinds of problem the fix settles.
        description: What the fix does, as ``check --fix`` tells it.

    Returns:
        The fix, or None when the docstring's literal or layout cannot be rewritten reliably.
    """
    if not node.body or not isinstance(node.body[0], ast.Expr):
        return None
    literal = node.body[0].value
    if not isinstance(literal, ast.Constant) or not isinstance(literal.value, str):
        return None
    located = _literal_span(source, literal)
    if located is None:
        return None
    start, end, indentation = located
    match = _LITERAL.fullmatch(source.text[start:end])
    if match is None:
        return None
    body, quotes = match["body"], match["quotes"]
    newline = "\r\n" if "\r\n" in body else "\n"
    docstring = body.replace("\r\n", "\n")
    if (
        quotes in body
        or "\r" in docstring
        or (not match["prefix"].lower().startswith("r") and "\\" in body)
        or docstring != literal.value
    ):
        return None
    rewritten = rewrite_docstring(
        docstring, node, convention, options, kinds, indentation=indentation
    )
    if rewritten is None or quotes in rewritten or rewritten.endswith(quotes[0]):
        return None
    body_start = start + len(match["prefix"]) + len(quotes)
    edit = Edit(body_start, body_start + len(body), rewritten.replace("\n", newline))
    return ProposedFix(description, [edit], FixSafety.SAFE)


def _literal_span(source: SourceFile, literal: ast.Constant) -> tuple[int, int, str] | None:
    """The literal's character offsets in the text and its line's indentation.

    None when code precedes it on its line (``def f(): '''...'''``).
    """
    lines = source.lines
    if literal.end_lineno is None or literal.end_col_offset is None:
        return None
    if not (0 < literal.lineno <= len(lines) and 0 < literal.end_lineno <= len(lines)):
        return None
    first = lines[literal.lineno - 1]
    # ast columns count UTF-8 bytes.
    column = len(first.encode("utf-8")[: literal.col_offset].decode("utf-8", "replace"))
    last = lines[literal.end_lineno - 1]
    end_column = len(last.encode("utf-8")[: literal.end_col_offset].decode("utf-8", "replace"))
    indentation = first[:column]
    if indentation.strip():
        return None
    start = source.offset(literal.lineno, column + 1)
    end = source.offset(literal.end_lineno, end_column + 1)
    return start, end, indentation

"""Small facts about Python's ``ast`` and source text that the complexity measures share."""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Iterator, Sequence


def elif_branch(node: ast.If) -> ast.If | None:
    """The ``elif`` that continues ``node``, if there is one.

    The ``ast`` writes ``elif`` as an ``if`` alone in ``orelse``. It is an
    ``elif`` (not an ``if`` inside an ``else:`` block) when it starts in the
    same column as its ``if``: the statements of a block are indented deeper.
    """
    if len(node.orelse) != 1:
        return None
    branch = node.orelse[0]
    if isinstance(branch, ast.If) and branch.col_offset == node.col_offset:
        return branch
    return None


def statement_blocks(statement: ast.stmt) -> Iterator[list[ast.stmt]]:
    """The blocks of statements directly inside a compound statement.

    Bodies of ``if``, loops, ``with``, ``try`` (every clause) and ``match``
    (every case); a ``def`` or ``class`` body is not included: it is a scope
    of its own, which the callers treat separately.
    """
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return
    for field in ("body", "orelse", "finalbody"):
        block = getattr(statement, field, None)
        if block:
            yield block
    for clause in getattr(statement, "handlers", ()):
        yield clause.body
    for case in getattr(statement, "cases", ()):
        yield case.body


def follows_open_parenthesis(source_lines: Sequence[str], node: ast.expr) -> bool:
    """Whether the code just before ``node`` (comments and line breaks aside) is ``(``."""
    line_index = node.lineno - 1
    if line_index >= len(source_lines):
        return False
    encoded = source_lines[line_index].encode("utf-8")
    text = encoded[: node.col_offset].decode("utf-8", errors="replace")
    while True:
        code = _without_comment(text).rstrip()
        if code:
            return code.endswith("(")
        line_index -= 1
        if line_index < 0:
            return False
        text = source_lines[line_index]


def _without_comment(text: str) -> str:
    """``text`` without a trailing comment; a ``#`` inside a string is kept."""
    if "#" not in text:
        return text
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                return text[: token.start[1]]
    except (tokenize.TokenError, SyntaxError):
        # A fragment of a longer statement (an open bracket or string) ends
        # the tokens early; the comment, if any, has been seen by then.
        pass
    return text

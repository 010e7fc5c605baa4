"""Find ``# standards-lint: ignore[...]`` comments in a file's text.

Only real comments count: a string that happens to contain the marker does not
suppress anything. The tokenizer is only run on files that contain the marker.
Each comment found carries the edit that removes it, worked out here because
the text is at hand (the gate, which judges a comment unused, no longer has it).
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from standards_lint.model import Edit, Suppression

MARKER = "standards-lint:"

_DIRECTIVE = re.compile(
    r"#\s*standards-lint:\s*(?P<kind>ignore-file|ignore)\b"
    r"(?:\[(?P<codes>[^\]]*)\])?\s*(?P<reason>.*)$"
)
#: What may end the line of a comment that is removed with its line; the last
#: line of a file may have no ending. Anything else after the comment (a lone
#: "\r", which the tokenizer does not end a line at) keeps the line.
_LINE_ENDINGS = ("\r\n", "\n")
_NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class _Comment:
    """A comment token that holds the marker: where it starts, and its text."""

    line: int
    #: The 0-based character column of its ``#`` on its line.
    column: int
    text: str
    #: Whether the column is exact (from the tokenizer) rather than a guess.
    tokenized: bool = True


def find_suppressions(text: str) -> tuple[Suppression, ...]:
    """Every suppression comment in ``text``, in line order."""
    if MARKER not in text:
        return ()
    found: list[Suppression] = []
    starts: list[int] | None = None
    for comment in _comments(text):
        match = _DIRECTIVE.search(comment.text)
        if match is None:
            continue
        codes = tuple(
            code.strip() for code in (match.group("codes") or "").split(",") if code.strip()
        )
        reason = match.group("reason").strip().lstrip(":-—").strip()
        file_level = match.group("kind") == "ignore-file"
        removal = None
        # A comment that runs over a lone "\r" hides code that Python, which
        # ends lines there, compiles: removing it would remove that code too.
        if comment.tokenized and "\r" not in comment.text:
            starts = starts if starts is not None else _line_starts(text)
            removal = _removal(text, starts, comment, match.start())
        line = comment.line
        found.append(Suppression(None if file_level else line, line, codes, reason, removal))
    return tuple(found)


def _line_starts(text: str) -> list[int]:
    """The offset at which each line begins (index 0 is line 1)."""
    # The tokenizer reads lines split at "\n" only, so a "\r\n" ends one line.
    return [0, *(newline.end() for newline in _NEWLINE.finditer(text))]


def _removal(text: str, starts: list[int], comment: _Comment, directive: int) -> Edit:
    """The edit that deletes the directive, which starts ``directive`` characters into it.

    Alone on its line, the whole line goes, line ending included. After code
    or after another comment, the directive goes with the blanks before it,
    and the line keeps its ending.
    """
    line_start = starts[comment.line - 1]
    begin = line_start + comment.column + directive
    end = line_start + comment.column + len(comment.text)
    if directive == 0 and not text[line_start:begin].strip():
        if end == len(text):
            return Edit(line_start, end, "")
        ending = next((found for found in _LINE_ENDINGS if text.startswith(found, end)), None)
        if ending is not None:
            return Edit(line_start, end + len(ending), "")
    while begin > line_start and text[begin - 1] in " \t\f":
        begin -= 1
    return Edit(begin, end, "")


def _comments(text: str) -> list[_Comment]:
    comments: list[_Comment] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT and MARKER in token.string:
                comments.append(_Comment(token.start[0], token.start[1], token.string))
    except (tokenize.TokenError, SyntaxError):
        # A file that does not tokenize: fall back to plain lines so that its
        # suppressions still apply to the violations found in it. Where the
        # comment starts is a guess there, so nothing offers to remove it.
        return [
            _Comment(number, line.index("#"), line[line.index("#") :], tokenized=False)
            for number, line in enumerate(text.splitlines(), start=1)
            if "#" in line and MARKER in line
        ]
    return comments

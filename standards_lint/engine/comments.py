"""Find ``# standards-lint: ignore[...]`` comments in a file's text.

Only real comments count: a string that happens to contain the marker does not
suppress anything. The tokenizer is only run on files that contain the marker.
"""

from __future__ import annotations

import io
import re
import tokenize

from standards_lint.model import Suppression

MARKER = "standards-lint:"

_DIRECTIVE = re.compile(
    r"#\s*standards-lint:\s*(?P<kind>ignore-file|ignore)\b"
    r"(?:\[(?P<codes>[^\]]*)\])?\s*(?P<reason>.*)$"
)


def find_suppressions(text: str) -> tuple[Suppression, ...]:
    """Every suppression comment in ``text``, in line order."""
    if MARKER not in text:
        return ()
    found: list[Suppression] = []
    for line, comment in _comments(text):
        match = _DIRECTIVE.search(comment)
        if match is None:
            continue
        codes = tuple(
            code.strip() for code in (match.group("codes") or "").split(",") if code.strip()
        )
        reason = match.group("reason").strip().lstrip(":-—").strip()
        file_level = match.group("kind") == "ignore-file"
        found.append(Suppression(None if file_level else line, line, codes, reason))
    return tuple(found)


def _comments(text: str) -> list[tuple[int, str]]:
    comments: list[tuple[int, str]] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT and MARKER in token.string:
                comments.append((token.start[0], token.string))
    except (tokenize.TokenError, SyntaxError):
        # A file that does not tokenize: fall back to plain lines so that its
        # suppressions still apply to the violations found in it.
        return [
            (number, line[line.index("#") :])
            for number, line in enumerate(text.splitlines(), start=1)
            if "#" in line and MARKER in line
        ]
    return comments

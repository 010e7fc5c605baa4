"""A unified diff of what fixing would change, in the form ``patch -p1`` and ``git apply`` take.

A patch is bytes: :func:`unified_diff_bytes` diffs the file's own bytes, so
its encoding, a byte-order mark and ``\r\n`` endings are in the patch as they
are in the file; :func:`unified_diff` is the same diff of two texts, to read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

#: A line as ``patch`` and ``git apply`` see one: only ``\n`` ends it, so a
#: ``\r\n`` ending stays part of its line and a lone ``\r`` is text within it.
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
_LINE_BYTES = re.compile(rb"[^\n]*\n|[^\n]+$")
_NO_NEWLINE = "\\ No newline at end of file\n"


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as a patch holds them, each with its ending (the last may lack one)."""
    return _LINE.findall(text)


def unified_diff(before: str, after: str, path: str) -> str:
    """The diff from ``before`` to ``after`` of the file at display path ``path``.

    Headers name ``a/PATH`` and ``b/PATH``; lines keep their endings, and a
    last line without one is marked as patch expects.
    """
    return "".join(_diff_lines(before, after, path))


def _diff_lines(before: str, after: str, path: str) -> Iterator[str]:
    """The lines of :func:`unified_diff`, each ending with a newline."""
    old, new = split_lines(before), split_lines(after)
    for line in difflib.unified_diff(old, new, f"a/{path}", f"b/{path}", lineterm="\n"):
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n" + _NO_NEWLINE


def unified_diff_bytes(before: bytes, after: bytes, path: str) -> bytes:
    """The diff from ``before`` to ``after`` as :func:`unified_diff` makes it, of bytes.

    The header's path is written in UTF-8; the lines are the file's bytes.
    """
    old, new = _LINE_BYTES.findall(before), _LINE_BYTES.findall(after)
    name = path.encode("utf-8", "surrogateescape")
    lines = difflib.diff_bytes(
        difflib.unified_diff, old, new, b"a/" + name, b"b/" + name, lineterm=b"\n"
    )
    marker = _NO_NEWLINE.encode("ascii")
    return b"".join(line if line.endswith(b"\n") else line + b"\n" + marker for line in lines)

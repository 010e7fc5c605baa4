"""Positions in a document as the Language Server Protocol counts them.

The engine counts lines and columns from 1, and columns (and fix offsets) in
characters of the decoded text. LSP counts lines and columns from 0, and its
columns in UTF-16 code units: a character outside the Basic Multilingual
Plane (an emoji, say) is two of them. Lines end at ``\\n``, ``\\r\\n`` or
``\\r``, as they do for LibCST and for LSP; ``str.splitlines`` would also break
at form feeds and other separators, and so disagree with both.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from standards_lint.model import Span
from standards_lint.source import line_starts, split_lines


@dataclass(frozen=True, slots=True)
class LspPosition:
    """A 0-based line and a 0-based column in UTF-16 code units."""

    line: int
    character: int


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class TextLines:
    """A document's text cut into lines, to turn engine positions into LSP ones."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: The offset of each line's first character; a last, empty line
        #: follows a final line break.
        self.starts = line_starts(text)
        self._ends = [
            start + len(line) for start, line in zip(self.starts, split_lines(text), strict=True)
        ]

    def line_text(self, line: int) -> str:
        """The text of the 0-based ``line``, without its line break ('' past the end)."""
        if not 0 <= line < len(self.starts):
            return ""
        return self.text[self.starts[line] : self._ends[line]]

    def line_end_offset(self, line: int) -> int:
        """The offset of the end of the 0-based ``line``, before its line break."""
        return self._ends[min(max(line, 0), len(self._ends) - 1)]

    def position(self, line: int, column: int) -> LspPosition:
        """The LSP position of the 0-based ``line`` and 0-based character ``column``.

        A line past the end is the end of the text; a column past the end of
        its line is the end of that line.
        """
        if line >= len(self.starts):
            last = len(self.starts) - 1
            return LspPosition(last, utf16_length(self.line_text(last)))
        text = self.line_text(max(line, 0))
        return LspPosition(max(line, 0), utf16_length(text[: max(column, 0)]))

    def offset_position(self, offset: int) -> LspPosition:
        """The LSP position of a 0-based character ``offset`` into the text."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self.starts, offset) - 1
        # An offset between "\r" and "\n" belongs to the end of its line.
        column = min(offset, self._ends[line]) - self.starts[line]
        return self.position(line, column)

    def span_range(self, span: Span) -> tuple[LspPosition, LspPosition]:
        """The LSP range of an engine span (1-based lines and columns, end column exclusive)."""
        start = self.position(span.line - 1, span.column - 1)
        end = self.position(span.end_line - 1, span.end_column - 1)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        return start, end

    def offset(self, position: LspPosition) -> int:
        """The character offset of an LSP position (clamped to its line)."""
        if position.line >= len(self.starts):
            return len(self.text)
        text = self.line_text(position.line)
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return self.starts[position.line] + index
            units += 2 if ord(char) > 0xFFFF else 1
        return self.starts[position.line] + len(text)

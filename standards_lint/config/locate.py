"""Where each key of a TOML document is written: line and column, 1-based.

tomllib gives values but no positions, so this reads the text once more
(after tomllib has accepted it, so it may assume valid TOML) and records where
every key path starts: ``("style", "max-line-length")``, ``("overrides", 1,
"paths")`` for the second ``[[overrides]]``, ``("select", 2)`` for an array's
third item. Headers, dotted keys, inline tables, arrays of tables and arrays
of inline tables are followed; strings (multi-line ones too) and comments are
skipped so that nothing inside them is taken for a key.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

#: One step of a key path: a table key, or the index of an array item.
KeyStep = str | int
KeyPath = tuple[KeyStep, ...]

_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END: Final = frozenset(",]}\n#")


@dataclass(frozen=True, slots=True)
class Position:
    """A line and a column in a text, both counted from 1."""

    line: int
    column: int


class KeyPositions:
    """The position of every key path of one TOML document."""

    def __init__(self, text: str) -> None:
        scanner = _Scanner(text)
        scanner.scan_document()
        self._starts = scanner.starts
        self._strings = scanner.strings
        self._line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]

    def find(self, path: KeyPath) -> Position | None:
        """Where ``path`` itself is written, or None."""
        offset = self._starts.get(path)
        return None if offset is None else self._position(offset)

    def locate(self, path: KeyPath) -> Position:
        """Where ``path`` is written, else its nearest enclosing table, else line 1."""
        for length in range(len(path), 0, -1):
            found = self.find(path[:length])
            if found is not None:
                return found
        return Position(1, 1)

    def has(self, path: KeyPath) -> bool:
        """Whether ``path`` is written in the document."""
        return path in self._starts

    def item_with_value(self, path: KeyPath, value: str) -> int | None:
        """The index of the first string item of the array at ``path`` equal to ``value``."""
        index = 0
        while (*path, index) in self._starts:
            if self._strings.get((*path, index)) == value:
                return index
            index += 1
        return None

    def _position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._line_starts, offset)
        return Position(line, offset - self._line_starts[line - 1] + 1)


class _Scanner:
    """A reader of valid TOML that notes where each key path starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        #: The offset where each key path is first written.
        self.starts: dict[KeyPath, int] = {}
        #: The value of each array item that is a one-line string.
        self.strings: dict[KeyPath, str] = {}
        #: The index of the last table of each array of tables, by its path.
        self._last_item: dict[KeyPath, int] = {}

    def scan_document(self) -> None:
        table: KeyPath = ()
        while True:
            self._skip_blank(newlines=True)
            if self.at >= len(self.text):
                return
            if self.text.startswith("[[", self.at):
                table = self._array_table_header()
            elif self.text[self.at] == "[":
                table = self._table_header()
            else:
                self._key_value(table)
            self._skip_rest_of_line()

    def _table_header(self) -> KeyPath:
        start = self.at
        self.at += 1
        keys = [key for key, _ in self._keys()]
        self.at += 1  # ]
        path = self._resolve(keys)
        self.starts.setdefault(path, start)
        return path

    def _array_table_header(self) -> KeyPath:
        start = self.at
        self.at += 2
        keys = [key for key, _ in self._keys()]
        self.at += 2  # ]]
        array = (*self._resolve(keys[:-1]), keys[-1])
        index = self._last_item.get(array, -1) + 1
        self._last_item[array] = index
        self.starts.setdefault(array, start)
        self.starts.setdefault((*array, index), start)
        return (*array, index)

    def _resolve(self, keys: Sequence[str]) -> KeyPath:
        """The key path of a header: each array of tables on the way means its last table."""
        path: KeyPath = ()
        for key in keys:
            path = (*path, key)
            if path in self._last_item:
                path = (*path, self._last_item[path])
        return path

    def _key_value(self, table: KeyPath) -> None:
        path = table
        for key, start in self._keys():
            path = (*path, key)
            self.starts.setdefault(path, start)
        self._skip_blank(newlines=False)
        self.at += 1  # =
        self._value(path)

    def _keys(self) -> list[tuple[str, int]]:
        """A dotted key: each part with the offset where it starts."""
        keys = []
        while True:
            self._skip_blank(newlines=False)
            start = self.at
            char = self.text[self.at]
            if char in "\"'":
                raw = self._string_text()
                keys.append((_decode_string(raw), start))
            else:
                match = _BARE_KEY.match(self.text, self.at)
                end = match.end() if match else self.at + 1
                keys.append((self.text[start:end], start))
                self.at = end
            self._skip_blank(newlines=False)
            if self.at < len(self.text) and self.text[self.at] == ".":
                self.at += 1
                continue
            return keys

    def _value(self, path: KeyPath) -> None:
        self._skip_blank(newlines=False)
        char = self.text[self.at] if self.at < len(self.text) else ""
        if char == "[":
            self._array(path)
        elif char == "{":
            self._inline_table(path)
        elif char in "\"'":
            self._string_text()
        else:
            while self.at < len(self.text) and self.text[self.at] not in _SCALAR_END:
                self.at += 1

    def _array(self, path: KeyPath) -> None:
        self.at += 1
        index = 0
        while True:
            self._skip_blank(newlines=True)
            if self.at >= len(self.text) or self.text[self.at] == "]":
                self.at += 1
                return
            item = (*path, index)
            self.starts.setdefault(item, self.at)
            if self.text[self.at] in "\"'" and not self._at_multiline_string():
                self.strings[item] = _decode_string(self._string_text())
            else:
                self._value(item)
            self._skip_blank(newlines=True)
            if self.at < len(self.text) and self.text[self.at] == ",":
                self.at += 1
            index += 1

    def _inline_table(self, path: KeyPath) -> None:
        self.at += 1
        while True:
            self._skip_blank(newlines=True)
            if self.at >= len(self.text) or self.text[self.at] == "}":
                self.at += 1
                return
            if self.text[self.at] == ",":
                self.at += 1
                continue
            self._key_value(path)

    def _at_multiline_string(self) -> bool:
        return self.text.startswith(('"""', "'''"), self.at)

    def _string_text(self) -> str:
        """Skip the string that starts here; return its text with the quotes."""
        start = self.at
        quote = self.text[self.at]
        if self._at_multiline_string():
            end = self._closing(quote * 3, start + 3, escapes=quote == '"')
            # A closing delimiter may follow up to two quotes of the content.
            while end < len(self.text) and self.text[end] == quote and end - start < 3 + 2:
                end += 1
        else:
            end = self._closing(quote, start + 1, escapes=quote == '"')
        self.at = end
        return self.text[start:end]

    def _closing(self, delimiter: str, at: int, *, escapes: bool) -> int:
        """The offset just past ``delimiter``, searching from ``at``."""
        while at < len(self.text):
            if escapes and self.text[at] == "\\":
                at += 2
                continue
            if self.text.startswith(delimiter, at):
                return at + len(delimiter)
            at += 1
        return at

    def _skip_blank(self, *, newlines: bool) -> None:
        blank = " \t\r\n" if newlines else " \t"
        while self.at < len(self.text):
            char = self.text[self.at]
            if char in blank:
                self.at += 1
            elif char == "#" and newlines:
                self._skip_rest_of_line()
            else:
                return

    def _skip_rest_of_line(self) -> None:
        end = self.text.find("\n", self.at)
        self.at = len(self.text) if end < 0 else end + 1


def _decode_string(raw: str) -> str:
    """The value of a TOML string written as ``raw`` (quotes included)."""
    try:
        return str(tomllib.loads(f"value = {raw}")["value"])
    except tomllib.TOMLDecodeError:
        return raw.strip("\"'")

"""The text of one file, with its syntax trees parsed lazily and at most once."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar

from standards_lint.syntax import PARSE_ERRORS, is_package_init

if TYPE_CHECKING:
    import libcst


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
T = TypeVar("T")
_PYTHON_TREE = "python_tree"


class SourceDecodeError(ValueError):
    """The file's bytes are not text in the encoding it declares.

    ``line`` and ``column`` (1-based, the column counted in bytes) say where
    the first bad byte is.
    """

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def decode_source(raw: bytes) -> str:
    """Decode Python source bytes as the interpreter would (PEP 263 cookie, BOM)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    except (SyntaxError, LookupError) as error:
        raise SourceDecodeError(str(error)) from error
    try:
        text = raw.decode(encoding)
    except LookupError as error:
        raise SourceDecodeError(str(error)) from error
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - line_start + 1
        bad = raw[error.start : error.end].hex(" ")
        message = (
            f"not valid {encoding}: byte{'s' if error.end - error.start > 1 else ''} {bad}"
            f" at line {line}, column {column} (byte offset {error.start}): {error.reason}"
        )
        raise SourceDecodeError(message, line, column) from error
    return text.removeprefix("\ufeff")


class SourceFile:
    """One file as rules see it: its path, its text, and its trees on demand.

    ``path`` is the display path (relative to the working directory, with
    ``/``). Parsing happens on first use and is remembered, so many rules can
    ask for the same tree at the cost of one parse.
    """

    __slots__ = ("_ast", "_cst", "_derived", "_line_starts", "_lines", "path", "text")

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self._lines: list[str] | None = None
        self._line_starts: list[int] | None = None
        self._ast: ast.Module | None = None
        self._cst: libcst.Module | None = None
        self._derived: dict[Hashable, object] | None = None

    @property
    def lines(self) -> list[str]:
        """The file's lines without their line endings.

        Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line, as for Python itself; form
        feeds and Unicode separators (which ``str.splitlines`` also splits at)
        stay inside their line, so line numbers agree with the parser's.
        """
        if self._lines is None:
            lines = split_lines(self.text)
            if lines and lines[-1] == "":
                lines.pop()
            self._lines = lines
        return self._lines

    def offset(self, line: int, column: int) -> int:
        """The character offset in :attr:`text` of 1-based ``line`` and ``column``.

        This is how a text-based rule places an :class:`~standards_lint.model.Edit`.
        A line past the end gives the end of the text.
        """
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        if line > len(self._line_starts):
            return len(self.text)
        return self._line_starts[line - 1] + column - 1

    @property
    def ast_module(self) -> ast.Module:
        """The standard-library AST; raises ``SyntaxError`` for invalid code."""
        if self._ast is None:
            self._ast = ast.parse(self.text, filename=self.path)
        return self._ast

    @property
    def python_tree(self) -> ast.Module | None:
        """The standard-library AST, or ``None`` when the file does not parse.

        For rules and facts that have nothing to say about such a file (the
        engine reports it as SL001).
        """
        return self.derived(_PYTHON_TREE, self._tree_or_none)

    def _tree_or_none(self) -> ast.Module | None:
        try:
            return self.ast_module
        except PARSE_ERRORS:
            return None  # remembered: a file that does not parse is parsed once

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What ``compute()`` gives, computed on the first request for ``key`` and then kept.

        This is how rule areas share a view of the file they derive (the
        documented items, the complexity measures): the view lives as long
        as the file's analysis, and rules asking in any order get the same
        one. ``key`` names the view and any options it depends on, such as
        ``(file_items, options)``.
        """
        if self._derived is None:
            self._derived = {}
        try:
            return self._derived[key]  # type: ignore[return-value]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    @property
    def cst_module(self) -> libcst.Module:
        """The LibCST tree; raises ``libcst.ParserSyntaxError`` for invalid code."""
        if self._cst is None:
            import libcst  # noqa: PLC0415 - fully cached runs never pay for this import

            self._cst = libcst.parse_module(self.text)
        return self._cst

    @property
    def is_package_init(self) -> bool:
        """Whether this file is a package's ``__init__.py`` (or its stub, ``__init__.pyi``)."""
        return is_package_init(self.path)


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as Python numbers them, without their line breaks.

    Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line; a form feed or a Unicode
    separator, where ``str.splitlines`` would also split, does not. A text
    ending with a line break gives an empty last item.
    """
    return _LINE_BREAK.split(text)


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts.

    Lines break as in :attr:`SourceFile.lines`.
    """
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

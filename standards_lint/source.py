"""The text of one file, with its syntax trees parsed lazily and at most once."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import libcst


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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

    __slots__ = ("_ast", "_cst", "_lines", "path", "text")

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self._lines: list[str] | None = None
        self._ast: ast.Module | None = None
        self._cst: libcst.Module | None = None

    @property
    def lines(self) -> list[str]:
        """The file's lines without their line endings.

        Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line, as for Python itself; form
        feeds and Unicode separators (which ``str.splitlines`` also splits at)
        stay inside their line, so line numbers agree with the parser's.
        """
        if self._lines is None:
            lines = _LINE_BREAK.split(self.text)
            if lines and lines[-1] == "":
                lines.pop()
            self._lines = lines
        return self._lines

    @property
    def ast_module(self) -> ast.Module:
        """The standard-library AST; raises ``SyntaxError`` for invalid code."""
        if self._ast is None:
            self._ast = ast.parse(self.text, filename=self.path)
        return self._ast

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
        return self.path.rsplit("/", 1)[-1] in ("__init__.py", "__init__.pyi")


def walk_statements(tree: ast.AST) -> Iterator[ast.stmt]:
    """Every statement in ``tree`` at any depth, in source order.

    Much cheaper than ``ast.walk`` for rules that only look at statements
    (definitions, imports): expressions, which hold most of a tree's nodes,
    are never visited.
    """
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.stmt):
            yield node
        blocks: list[ast.AST] = []
        for name in _BLOCK_FIELDS:
            for child in getattr(node, name, ()):
                if isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case)):
                    blocks.append(child)
        pending.extend(reversed(blocks))


_BLOCK_FIELDS = ("body", "handlers", "orelse", "finalbody", "cases")

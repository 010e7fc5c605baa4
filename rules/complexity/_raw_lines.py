"""Radon's raw line counts (``radon.raw.analyze``) from one tokenization of the code.

Radon cuts code into logical lines by tokenizing a growing buffer of stripped
lines until the tokenizer stops complaining, so a statement of n lines costs n
tokenizations of up to n lines: minutes for a data table of a few thousand lines
(pip's vendored ``idnadata.py``), where the maintainability index needs it.

The tokenizer reads line by line, and at the end of a buffer it complains
exactly when that end falls inside a bracket, a string or a backslash
continuation. So tokenizing all the stripped lines at once and cutting after
every line that ends outside them gives radon's logical lines with radon's own
tokens, which radon's helpers then count. Radon also goes on past a cut when
the tokens hold an error token; code that has one is left to radon itself.
"""

from __future__ import annotations

import bisect
import dataclasses
import io
import itertools
import tokenize
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from radon.raw import _logical, analyze, is_single_token

# Radon's buffer always ends with the tokenizer's end marker, which its
# counting of logical lines relies on; the cut pieces are given one.
_END_MARKER = tokenize.TokenInfo(tokenize.ENDMARKER, "", (0, 0), (0, 0), "")
_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
# Tokens after which radon's own buffer would not stop where the cut is.
_NOT_CUT_ALIKE = frozenset({tokenize.ERRORTOKEN, tokenize.INDENT, tokenize.DEDENT})


class _CutsDiffer(Exception):
    """The code holds tokens for which radon's logical lines may differ from the cuts."""


@dataclass(frozen=True, slots=True)
class LogicalLine:
    """One logical line as radon reads it: the physical lines it spans and its LLOC."""

    first_line: int
    last_line: int
    logical_lines: int
    """Radon's LLOC of it: 2 for ``if x: y``, 0 for a comment or a blank line."""


@dataclass(frozen=True, slots=True)
class RawCounts:
    """What ``radon.raw.analyze`` counts, and the logical lines it counted them over."""

    loc: int
    lloc: int
    sloc: int
    comments: int
    multi: int
    blank: int
    single_comments: int
    logical_lines: tuple[LogicalLine, ...] | None
    """In order, numbered as ``str.splitlines`` numbers lines; None when radon counted."""
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _lloc_before: tuple[int, ...] = field(default=(0,), repr=False, compare=False)

    def lloc_between(self, first_line: int, last_line: int) -> int | None:
        """The LLOC of the logical lines that start from ``first_line`` to ``last_line``.

        None when no logical line starts at ``first_line`` (or radon counted
        the code itself): the range would cut one in two.
        """
        starts = self._starts
        index = bisect.bisect_left(starts, first_line)
        if self.logical_lines is None or index == len(starts) or starts[index] != first_line:
            return None
        stop = bisect.bisect_right(starts, last_line)
        return self._lloc_before[stop] - self._lloc_before[index]


def count_raw_lines(source: str) -> RawCounts:
    """Radon's raw counts of ``source``, equal to ``radon.raw.analyze(source)``'s.

    Raises :class:`SyntaxError` where radon does (code its tokenizing misreads).
    """
    lines = [line.strip() for line in source.splitlines()]
    try:
        pieces = list(_cut_logical_lines(lines))
    except (_CutsDiffer, tokenize.TokenError):
        try:
            counted = analyze(source)
        except SyntaxError:
            if not (lines and lines[-1].endswith("\\")):
                raise
            # Python reads a backslash on the last line as joining an empty
            # line; the tokenizer (and so radon) stops with an error instead.
            # Counted with that empty line written out, less the line itself.
            padded = count_raw_lines(source.rstrip("\r\n") + "\n\n")
            return dataclasses.replace(padded, loc=padded.loc - 1, blank=padded.blank - 1)
        return RawCounts(
            loc=counted.loc,
            lloc=counted.lloc,
            sloc=counted.sloc,
            comments=counted.comments,
            multi=counted.multi,
            blank=counted.blank,
            single_comments=counted.single_comments,
            logical_lines=None,
        )
    return _count(lines, pieces)


def _cut_logical_lines(lines: Sequence[str]) -> Iterator[list[tokenize.TokenInfo]]:
    """The tokens of ``lines``, cut after each line that ends outside a bracket or string."""
    depth = 0
    piece: list[tokenize.TokenInfo] = []
    for token in _tokens("".join(f"{line}\n" for line in lines)):
        piece.append(token)
        depth = _depth_after(token, depth)
        if token.type == tokenize.NEWLINE or (token.type == tokenize.NL and depth == 0):
            yield piece
            piece = []
    if piece:
        raise _CutsDiffer


def _tokens(text: str) -> Iterator[tokenize.TokenInfo]:
    """The tokens of ``text`` up to its end marker, refusing those radon cuts otherwise."""
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.ENDMARKER:
            return
        if token.type in _NOT_CUT_ALIKE:
            raise _CutsDiffer
        yield token


def _depth_after(token: tokenize.TokenInfo, depth: int) -> int:
    """How many brackets are open after ``token``, as the tokenizer counts them."""
    if token.type != tokenize.OP:
        return depth
    depth += (token.string in _OPENING) - (token.string in _CLOSING)
    if depth < 0:
        raise _CutsDiffer
    return depth


def _count(lines: Sequence[str], pieces: Sequence[list[tokenize.TokenInfo]]) -> RawCounts:
    """Count the cut pieces as radon counts each of its buffers (``radon.raw.analyze``)."""
    tally = _Tally()
    logical: list[LogicalLine] = []
    last_line = 0
    for piece in pieces:
        first_line, last_line = last_line + 1, piece[-1].start[0]
        tokens = [*piece, _END_MARKER]
        tally.add(tokens, lines[first_line - 1 : last_line])
        logical.append(LogicalLine(first_line, last_line, int(_logical(tokens))))
    return RawCounts(
        loc=tally.sloc + tally.blank + tally.multi + tally.single_comments,
        lloc=sum(piece.logical_lines for piece in logical),
        sloc=tally.sloc,
        comments=tally.comments,
        multi=tally.multi,
        blank=tally.blank,
        single_comments=tally.single_comments,
        logical_lines=tuple(logical),
        _starts=tuple(piece.first_line for piece in logical),
        _lloc_before=(0, *itertools.accumulate(piece.logical_lines for piece in logical)),
    )


@dataclass(slots=True)
class _Tally:
    """Radon's running counts of lines, as ``radon.raw.analyze`` keeps them."""

    comments: int = 0
    single_comments: int = 0
    multi: int = 0
    blank: int = 0
    sloc: int = 0

    def add(self, tokens: Sequence[tokenize.TokenInfo], parsed: Sequence[str]) -> None:
        """Count one logical line: its tokens, and the stripped lines they span."""
        self.comments += sum(token.type == tokenize.COMMENT for token in tokens)
        empty = parsed.count("")
        if is_single_token(tokenize.COMMENT, tokens):
            self.single_comments += 1
        elif not is_single_token(tokenize.STRING, tokens):
            self.sloc += len(parsed) - empty
            self.blank += empty
        elif tokens[0].start[0] == tokens[0].end[0]:
            self.single_comments += 1  # a one-line docstring
        else:
            self.multi += len(parsed) - empty
            self.blank += empty

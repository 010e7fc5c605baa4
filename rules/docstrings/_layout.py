"""Line layout shared by the style parsers: indentation, and entries made of a head and its body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from .structure import Malformation, SectionKind

# One or more names separated by commas, each optionally starred (``*args``),
# with rST escapes allowed before the stars (``\*args``); an ellipsis may stand
# for more names, as numpydoc documents ``*args`` ("x1, x2, ..., xn").
_NAME_OR_ELLIPSIS: Final = r"(?:(?:\\?\*){0,2}[A-Za-z_]\w*|\.\.\.|\u2026)"
NAME_LIST: Final = re.compile(rf"{_NAME_OR_ELLIPSIS}(?:\s*,\s*{_NAME_OR_ELLIPSIS})*")
ELLIPSES: Final = ("...", "\u2026")
_TEMPLATE_PLACEHOLDER: Final = re.compile(r"\$\{\w+\}|%\(\w+\)s|\{\w+\}")
# One or more dotted names separated by commas, as exceptions are written.
DOTTED_NAME_LIST: Final = re.compile(r"~?[A-Za-z_][\w.]*(?:\s*,\s*~?[A-Za-z_][\w.]*)*")


@dataclass(frozen=True, slots=True)
class Line:
    """A docstring line with its offset from the docstring's first line."""

    offset: int
    text: str

    @property
    def indentation(self) -> int:
        """Columns of leading whitespace."""
        return len(self.text) - len(self.text.lstrip())

    @property
    def is_blank(self) -> bool:
        """Whether the line holds only whitespace."""
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Block:
    """An entry as laid out: its head line and the more indented lines below it."""

    head: Line
    body: tuple[Line, ...]

    @property
    def description_lines(self) -> list[str]:
        """The body's non-blank lines, stripped."""
        return [line.text.strip() for line in self.body if not line.is_blank]


def prepare_lines(docstring: str) -> list[Line]:
    """Split a docstring into lines, dedented as ``inspect.cleandoc`` does, keeping blank ones.

    The first line is stripped; the others lose their common indentation. Offsets
    stay those of the text given, so they can be mapped back to the source.
    """
    texts = [text.rstrip() for text in docstring.expandtabs().split("\n")]
    margins = [len(text) - len(text.lstrip()) for text in texts[1:] if text.strip()]
    margin = min(margins, default=0)
    first, *rest = texts
    prepared = [first.strip(), *(text[margin:] for text in rest)]
    return [Line(offset, text) for offset, text in enumerate(prepared)]


def split_blocks(content: Sequence[Line]) -> list[Block]:
    """Group a section's content into entries: each head is at the entries' indentation.

    The entries' indentation is that of the first non-blank line; a line indented
    no deeper starts a new entry, deeper lines belong to the entry above them.
    """
    non_blank = [line for line in content if not line.is_blank]
    if not non_blank:
        return []
    entry_indentation = non_blank[0].indentation
    blocks: list[Block] = []
    head: Line | None = None
    body: list[Line] = []
    for line in content:
        if line.is_blank:
            body.append(line)
        elif line.indentation <= entry_indentation:
            if head is not None:
                blocks.append(Block(head, tuple(body)))
            head, body = line, []
        elif head is not None:
            body.append(line)
    if head is not None:
        blocks.append(Block(head, tuple(body)))
    return blocks


def split_names(names: str) -> list[str]:
    """Split ``"x, y"`` into names, dropping rST escapes (``\\*args`` is ``*args``).

    A list with an ellipsis in it (``"x1, x2, ..., xn"``) stands for the values of
    one variadic parameter, so it stays whole.
    """
    unescaped = names.replace("\\", "").strip()
    if any(ellipsis in unescaped for ellipsis in ELLIPSES):
        return [unescaped]
    return [name.strip() for name in unescaped.split(",") if name.strip()]


def is_template_placeholder(text: str) -> bool:
    """Tell a placeholder filled in when the docstring is built (``${ARRAY_LIKE}``)."""
    return _TEMPLATE_PLACEHOLDER.fullmatch(text.strip()) is not None


def join_description(parts: Sequence[str]) -> str:
    """Join description fragments into one line of text."""
    return " ".join(part.strip() for part in parts if part.strip())


def malformed_entries(
    title: str, kind: SectionKind, heads: Sequence[Line], form: str
) -> list[Malformation]:
    """Report entry heads that are not in ``form``.

    A paragraph of prose is reported once, at its first line, not at every line.
    """
    problems: list[Malformation] = []
    previous_offset = -2
    for head in heads:
        text = head.text.strip()
        if head.offset != previous_offset + 1:
            message = f"'{text}' in section '{title}' is not of the form '{form}'"
            problems.append(Malformation(title, kind, head.offset, message))
        previous_offset = head.offset
    return problems

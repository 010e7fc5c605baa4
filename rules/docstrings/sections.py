"""Take a docstring apart by convention: summary line, sections, and the entries in them.

``parse_docstring`` accepts any text and never raises for it. Conventions:

- ``google``: Napoleon's ``Args:`` / ``Returns:`` titles with indented content;
- ``numpy``: numpydoc titles underlined with dashes;
- ``sphinx``: reST fields such as ``:param x:``, ``:returns:``, ``:raises E:``;
- ``pep257``: no sections at all, only the summary.

Line offsets count from the first line of the text given (0), so passing the
docstring as written in the source (``ast.get_docstring(node, clean=False)``)
lets a caller add them to the line of the docstring literal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from . import _google_style, _numpy_style, _sphinx_style
from ._layout import Line, prepare_lines
from .structure import (
    CONVENTIONS,
    Convention,
    Malformation,
    ParsedDocstring,
    Section,
    SectionEntry,
    SectionKind,
)

__all__ = [
    "CONVENTIONS",
    "Convention",
    "Malformation",
    "ParsedDocstring",
    "Section",
    "SectionEntry",
    "SectionKind",
    "parse_docstring",
]

_LineTest = Callable[[Sequence[Line], int], bool]
_SectionReader = Callable[[Sequence[Line], int], tuple[list[Section], list[Malformation]]]


@dataclass(frozen=True, slots=True)
class _StyleReader:
    """How one convention marks its sections."""

    starts_section: _LineTest
    interrupts_paragraph: _LineTest
    read_sections: _SectionReader


def _never(lines: Sequence[Line], index: int) -> bool:
    """A line test for a convention without sections."""
    return False


def _no_sections(lines: Sequence[Line], start: int) -> tuple[list[Section], list[Malformation]]:
    """A section reader for a convention without sections."""
    return [], []


_READERS: Final[dict[Convention, _StyleReader]] = {
    "google": _StyleReader(
        _google_style.starts_section,
        _google_style.interrupts_paragraph,
        _google_style.read_sections,
    ),
    "numpy": _StyleReader(
        _numpy_style.starts_section,
        _numpy_style.interrupts_paragraph,
        _numpy_style.read_sections,
    ),
    "sphinx": _StyleReader(
        _sphinx_style.starts_section,
        _sphinx_style.interrupts_paragraph,
        _sphinx_style.read_sections,
    ),
    "pep257": _StyleReader(_never, _never, _no_sections),
}


def parse_docstring(docstring: str, convention: Convention) -> ParsedDocstring:
    """Parse ``docstring`` as written in ``convention``.

    Args:
        docstring: The docstring's text, as written or already cleaned.
        convention: One of ``google``, ``numpy``, ``sphinx`` or ``pep257``.

    Returns:
        The summary, the sections and what in them breaks the convention's form.

    Raises:
        ValueError: If ``convention`` is not one of the four known ones.
    """
    reader = _READERS.get(convention)
    if reader is None:
        known = ", ".join(CONVENTIONS)
        raise ValueError(f"unknown docstring convention {convention!r}; expected one of {known}")
    lines = prepare_lines(docstring)
    first = next((line for line in lines if not line.is_blank), None)
    if first is None or reader.starts_section(lines, first.offset):
        start = len(lines) if first is None else first.offset
        sections, malformations = reader.read_sections(lines, start)
        return ParsedDocstring(
            convention, "", "", None, 0, tuple(sections), _in_order(malformations)
        )
    sections, malformations = reader.read_sections(lines, first.offset + 1)
    paragraph_length = _paragraph_length(lines, first.offset, reader.interrupts_paragraph)
    paragraph = lines[first.offset : first.offset + paragraph_length]
    return ParsedDocstring(
        convention=convention,
        summary=first.text.strip(),
        summary_paragraph=" ".join(line.text.strip() for line in paragraph),
        summary_line_offset=first.offset,
        summary_line_count=paragraph_length,
        sections=tuple(sections),
        malformations=_in_order(malformations),
    )


def _paragraph_length(lines: Sequence[Line], start: int, interrupts: _LineTest) -> int:
    """Count the lines of the paragraph at ``start``, up to a blank line or a section."""
    end = start + 1
    while end < len(lines) and not lines[end].is_blank and not interrupts(lines, end):
        end += 1
    return end - start


def _in_order(malformations: list[Malformation]) -> tuple[Malformation, ...]:
    """Order malformations by line, as a reader meets them."""
    return tuple(sorted(malformations, key=lambda malformation: malformation.line_offset))

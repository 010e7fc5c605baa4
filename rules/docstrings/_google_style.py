"""Sections of Google-style docstrings, as Napoleon reads them: ``Title:``, then indented lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ._layout import (
    DOTTED_NAME_LIST,
    NAME_LIST,
    Block,
    Line,
    is_template_placeholder,
    join_description,
    malformed_entries,
    split_blocks,
    split_names,
)
from .structure import (
    PARAMETER_KINDS,
    SECTION_TITLES,
    STRUCTURED_KINDS,
    Malformation,
    Section,
    SectionEntry,
    SectionKind,
)

_HEADER: Final = re.compile(r"(?P<title>[A-Za-z][A-Za-z ]*?)\s*:(?P<inline>.*)")
_PARAMETER_HEAD: Final = re.compile(
    rf"(?P<names>{NAME_LIST.pattern})\s*(?:\((?P<type>.*)\))?\s*:(?P<description>.*)"
)
_EXCEPTION_HEAD: Final = re.compile(
    rf"(?P<names>{DOTTED_NAME_LIST.pattern})\s*(?::(?P<description>.*))?"
)
# "type: description" on a value's first line, where the type has no spaces
# outside brackets ("Dict[str, int]: ..." but not "True if found: ...").
_TYPED_VALUE: Final = re.compile(r"(?P<type>[^\s:\[(]+(?:[\[(].*?[\])])?):\s+(?P<description>.*)")
_ENTRY_INDENTATION_FOR_INLINE_TEXT: Final = 4


def starts_section(lines: Sequence[Line], index: int) -> bool:
    """Tell whether ``lines[index]`` is a section title standing alone on its line."""
    header = _header(lines[index])
    return header is not None and not header[2]


def interrupts_paragraph(lines: Sequence[Line], index: int) -> bool:
    """Tell whether ``lines[index]`` starts a section, ending the paragraph before it."""
    return _header(lines[index]) is not None


def read_sections(lines: Sequence[Line], start: int) -> tuple[list[Section], list[Malformation]]:
    """Read the sections that begin at or after ``lines[start]``."""
    sections: list[Section] = []
    malformations: list[Malformation] = []
    index = start
    while index < len(lines):
        header = _header(lines[index])
        if header is None:
            index += 1
            continue
        end = section_end(lines, index)
        title, kind, inline_text = header
        section, problems = _read_section(
            lines[index], title, kind, inline_text, lines[index + 1 : end]
        )
        sections.append(section)
        malformations.extend(problems)
        index = end
    return sections, malformations


def section_end(lines: Sequence[Line], title_index: int) -> int:
    """Return the index after the last line of the section titled at ``title_index``.

    A section holds the lines indented below its title. A title on the docstring's
    first line, right after the quotes, has no indentation to compare with (the
    dedent made its content flush), so it holds every line up to the next title.
    """
    end = title_index + 1
    while end < len(lines) and (
        lines[end].is_blank
        or lines[end].indentation > 0
        or (title_index == 0 and not interrupts_paragraph(lines, end))
    ):
        end += 1
    return end


def parameter_names(head: str) -> list[str] | None:
    """The names an entry head such as ``x, y (int): The x.`` documents; None if not one."""
    match = _PARAMETER_HEAD.fullmatch(head.strip())
    return None if match is None else split_names(match["names"])


def _header(line: Line) -> tuple[str, SectionKind, str] | None:
    """Return ``(title, kind, text after the colon)`` when ``line`` is a section title.

    Text after the colon is allowed (and reported) for sections that hold entries
    or values; for free text titles such a line is prose ("Note: it is slow.").
    """
    if line.indentation != 0:
        return None
    match = _HEADER.fullmatch(line.text)
    if match is None:
        return None
    kind = SECTION_TITLES.get(match["title"].lower())
    inline_text = match["inline"].strip()
    if kind is None or inline_text.startswith(":"):
        return None
    if inline_text and kind not in STRUCTURED_KINDS:
        return None
    return match["title"], kind, inline_text


def _read_section(
    header: Line, title: str, kind: SectionKind, inline_text: str, content: Sequence[Line]
) -> tuple[Section, list[Malformation]]:
    """Read one section's entries from the lines indented below its title."""
    problems: list[Malformation] = []
    content = _without_trailing_blanks(content)
    if inline_text:
        problems.append(
            Malformation(
                title,
                kind,
                header.offset,
                f"text follows '{title}:' on its line; Google style puts the section's"
                " content on the lines below, indented",
            )
        )
        indentation = next(
            (line.indentation for line in content if not line.is_blank),
            _ENTRY_INDENTATION_FOR_INLINE_TEXT,
        )
        content = [Line(header.offset, " " * indentation + inline_text), *content]
    if kind in STRUCTURED_KINDS and not content:
        problems.append(
            Malformation(
                title, kind, header.offset, f"section '{title}' has no content indented below it"
            )
        )
    entries: list[SectionEntry] = []
    blocks = split_blocks(content)
    if kind in PARAMETER_KINDS or kind == "attributes":
        entries = _named_entries(title, kind, blocks, problems)
    elif kind in ("raises", "warns"):
        entries = [_exception_entry(name, block) for block in blocks for name in _names(block)]
    elif kind in ("returns", "yields", "receives") and content:
        entries = [_value_entry(content)]
    return Section(title, kind, header.offset, tuple(entries)), problems


def _named_entries(
    title: str, kind: SectionKind, blocks: Sequence[Block], malformations: list[Malformation]
) -> list[SectionEntry]:
    """Read ``name (type): description`` entries, reporting heads of another form.

    A parameters section of prose only ("Args:" then "See `parse`.") is taken as
    written on purpose: it yields no entries and no report.
    """
    entries: list[SectionEntry] = []
    bad_heads: list[Line] = []
    for block in blocks:
        head = block.head.text.strip()
        if is_template_placeholder(head):
            entries.append(SectionEntry(head, "", "", block.head.offset))
            continue
        match = _PARAMETER_HEAD.fullmatch(head)
        if match is None:
            bad_heads.append(block.head)
            continue
        description = join_description([match["description"], *block.description_lines])
        entries.extend(
            SectionEntry(name, (match["type"] or "").strip(), description, block.head.offset)
            for name in split_names(match["names"])
        )
    if entries and kind in PARAMETER_KINDS:
        form = "name (type): description"
        malformations.extend(malformed_entries(title, kind, bad_heads, form))
    return entries


def _names(block: Block) -> list[str]:
    """Return the exception names an entry starts with, or one empty name if it does not."""
    match = _EXCEPTION_HEAD.fullmatch(block.head.text.strip())
    return split_names(match["names"]) if match else [""]


def _exception_entry(name: str, block: Block) -> SectionEntry:
    """Build the entry for one exception (or free text, when ``name`` is empty)."""
    head = block.head.text.strip()
    match = _EXCEPTION_HEAD.fullmatch(head)
    first = (match["description"] or "") if match and name else head
    description = join_description([first, *block.description_lines])
    return SectionEntry(name, "", description, block.head.offset)


def _value_entry(content: Sequence[Line]) -> SectionEntry:
    """Read a returned or yielded value: an optional ``type:`` and a description."""
    texts = [line.text.strip() for line in content if not line.is_blank]
    first_line = next(line for line in content if not line.is_blank)
    match = _TYPED_VALUE.fullmatch(texts[0])
    if match is None:
        return SectionEntry("", "", join_description(texts), first_line.offset)
    description = join_description([match["description"], *texts[1:]])
    return SectionEntry("", match["type"], description, first_line.offset)


def _without_trailing_blanks(content: Sequence[Line]) -> list[Line]:
    """Drop the blank lines that end a section."""
    kept = list(content)
    while kept and kept[-1].is_blank:
        kept.pop()
    return kept

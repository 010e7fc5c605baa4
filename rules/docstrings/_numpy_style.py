"""Sections of numpydoc-style docstrings: a title underlined with dashes, then entries."""

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

_UNDERLINE: Final = re.compile(r"-{3,}")


def starts_section(lines: Sequence[Line], index: int) -> bool:
    """Tell whether ``lines[index]`` is a section title with a dashed underline below it."""
    if index + 1 >= len(lines):
        return False
    title, underline = lines[index], lines[index + 1]
    return (
        title.indentation == 0
        and not title.is_blank
        and _UNDERLINE.fullmatch(title.text.strip()) is None
        and _UNDERLINE.fullmatch(underline.text.strip()) is not None
    )


def interrupts_paragraph(lines: Sequence[Line], index: int) -> bool:
    """Tell whether ``lines[index]`` starts a section, ending the paragraph before it."""
    return starts_section(lines, index)


def read_sections(lines: Sequence[Line], start: int) -> tuple[list[Section], list[Malformation]]:
    """Read the sections that begin at or after ``lines[start]``."""
    titles = [index for index in range(start, len(lines)) if starts_section(lines, index)]
    ends = [*titles[1:], len(lines)][: len(titles)]
    sections: list[Section] = []
    malformations: list[Malformation] = []
    for title_index, end in zip(titles, ends, strict=True):
        title_line = lines[title_index]
        title = title_line.text.strip()
        kind: SectionKind = SECTION_TITLES.get(title.lower(), "text")
        content = lines[title_index + 2 : end]
        blocks = split_blocks(content)
        if kind in STRUCTURED_KINDS and not blocks:
            malformations.append(
                Malformation(title, kind, title_line.offset, f"section '{title}' is empty")
            )
        entries = _entries(title, kind, blocks, malformations)
        sections.append(Section(title, kind, title_line.offset, tuple(entries)))
    return sections, malformations


def _entries(
    title: str, kind: SectionKind, blocks: Sequence[Block], malformations: list[Malformation]
) -> list[SectionEntry]:
    """Read a section's entries according to what the section documents."""
    if kind in PARAMETER_KINDS or kind == "attributes":
        return _named_entries(title, kind, blocks, malformations)
    if kind in ("raises", "warns"):
        return [entry for block in blocks for entry in _exception_entries(block)]
    if kind in ("returns", "yields", "receives"):
        return [_value_entry(block) for block in blocks]
    return []


def _named_entries(
    title: str, kind: SectionKind, blocks: Sequence[Block], malformations: list[Malformation]
) -> list[SectionEntry]:
    """Read ``name : type`` entries (several names may share one), reporting other forms.

    A parameters section of prose only ("See `amin` for complete descriptions.")
    is taken as written on purpose: it yields no entries and no report.
    """
    entries: list[SectionEntry] = []
    bad_heads: list[Line] = []
    for block in blocks:
        head = block.head.text.strip()
        names, _, type_ = head.partition(":")
        if head == "None":  # numpydoc's way to say there are none
            continue
        if is_template_placeholder(head):
            entries.append(SectionEntry(head, "", "", block.head.offset))
            continue
        if NAME_LIST.fullmatch(names.strip()) is None:
            bad_heads.append(block.head)
            continue
        description = join_description(block.description_lines)
        entries.extend(
            SectionEntry(name, type_.strip(), description, block.head.offset)
            for name in split_names(names)
        )
    if entries and kind in PARAMETER_KINDS:
        malformations.extend(malformed_entries(title, kind, bad_heads, "name : type"))
    return entries


def parameter_names(head: str) -> list[str] | None:
    """The names an entry head such as ``x, y : int`` documents; None if not one."""
    names = head.strip().partition(":")[0].strip()
    return split_names(names) if NAME_LIST.fullmatch(names) else None


def _exception_entries(block: Block) -> list[SectionEntry]:
    """Read an exception entry: its names, or free text under an empty name."""
    head = block.head.text.strip()
    description = join_description(block.description_lines)
    if DOTTED_NAME_LIST.fullmatch(head) is None:
        return [SectionEntry("", "", join_description([head, description]), block.head.offset)]
    return [SectionEntry(name, "", description, block.head.offset) for name in split_names(head)]


def _value_entry(block: Block) -> SectionEntry:
    """Read a returned or yielded value: ``type`` or ``name : type``."""
    head = block.head.text.strip()
    name, colon, type_ = head.partition(":")
    description = join_description(block.description_lines)
    if colon and NAME_LIST.fullmatch(name.strip()):
        return SectionEntry(name.strip(), type_.strip(), description, block.head.offset)
    return SectionEntry("", head, description, block.head.offset)

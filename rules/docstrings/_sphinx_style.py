"""Fields of Sphinx-style (reST) docstrings, grouped into sections: ``:param x:``, ``:returns:``.

Fields of a kind form one section, placed where the first of them is. ``:type x:``,
``:rtype:``, ``:ytype:`` and ``:vartype x:`` give types to the entries they name;
an ``:rtype:`` alone is enough to document a returned value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from ._layout import Line, join_description, split_names
from .structure import Malformation, Section, SectionEntry, SectionKind

# A field list item: ":name argument: text", the closing colon followed by
# whitespace or the end of the line (":class:`x`" is a role, not a field).
_FIELD: Final = re.compile(
    r":(?P<field>[A-Za-z][\w-]*)(?P<argument>[^:]*?)\s*:(?:\s+(?P<text>.*))?"
)

_ENTRY_FIELDS: Final[dict[str, SectionKind]] = {
    "param": "parameters",
    "parameter": "parameters",
    "arg": "parameters",
    "argument": "parameters",
    "key": "keyword-arguments",
    "keyword": "keyword-arguments",
    "kwarg": "keyword-arguments",
    "kwparam": "keyword-arguments",
    "raises": "raises",
    "raise": "raises",
    "except": "raises",
    "exception": "raises",
    "var": "attributes",
    "ivar": "attributes",
    "cvar": "attributes",
}
_VALUE_FIELDS: Final[dict[str, SectionKind]] = {
    "returns": "returns",
    "return": "returns",
    "yields": "yields",
    "yield": "yields",
}
_ENTRY_TYPE_FIELDS: Final[dict[str, SectionKind]] = {"type": "parameters", "vartype": "attributes"}
_VALUE_TYPE_FIELDS: Final[dict[str, SectionKind]] = {"rtype": "returns", "ytype": "yields"}
_NAMED_FIELDS: Final = frozenset(_ENTRY_FIELDS) - {"raises", "raise", "except", "exception"}
_KNOWN_FIELDS: Final = sorted(
    {*_ENTRY_FIELDS, *_VALUE_FIELDS, *_ENTRY_TYPE_FIELDS, *_VALUE_TYPE_FIELDS},
    key=len,
    reverse=True,
)
_KNOWN_FIELD_START: Final = re.compile(rf":(?:{'|'.join(_KNOWN_FIELDS)})\b")


@dataclass(slots=True)
class _DraftSection:
    """A section while its fields are gathered."""

    name: str
    kind: SectionKind
    line_offset: int
    entries: list[SectionEntry] = field(default_factory=list)
    value_type: str = ""


def starts_section(lines: Sequence[Line], index: int) -> bool:
    """Tell whether ``lines[index]`` is a field, or an attempt at one of the known fields."""
    line = lines[index]
    text = line.text.strip()
    return line.indentation == 0 and (
        _FIELD.fullmatch(text) is not None or _KNOWN_FIELD_START.match(text) is not None
    )


def interrupts_paragraph(lines: Sequence[Line], index: int) -> bool:
    """Tell whether ``lines[index]`` starts a field, ending the paragraph before it."""
    return starts_section(lines, index)


def read_sections(lines: Sequence[Line], start: int) -> tuple[list[Section], list[Malformation]]:
    """Read the fields at or after ``lines[start]`` into sections."""
    drafts: dict[SectionKind, _DraftSection] = {}
    entry_types: dict[tuple[SectionKind, str], str] = {}
    malformations: list[Malformation] = []
    for line, match, description in _fields(lines, start, malformations):
        name = match["field"]
        argument = match["argument"].strip()
        if name in _ENTRY_FIELDS:
            draft = _draft(drafts, _ENTRY_FIELDS[name], name, line.offset)
            entries = _field_entries(name, argument, description, line)
            if isinstance(entries, Malformation):
                malformations.append(entries)
            else:
                draft.entries.extend(entries)
        elif name in _VALUE_FIELDS:
            draft = _draft(drafts, _VALUE_FIELDS[name], name, line.offset)
            draft.entries.append(SectionEntry("", "", description, line.offset))
        elif name in _ENTRY_TYPE_FIELDS and argument:
            # Without a name, ``:type:`` gives the type of a documented attribute or
            # property (autodoc's option), so it is not an error.
            entry_types[(_ENTRY_TYPE_FIELDS[name], argument.replace("\\", ""))] = description
        elif name in _VALUE_TYPE_FIELDS:
            _draft(drafts, _VALUE_TYPE_FIELDS[name], name, line.offset).value_type = description
    sections = [_finish(draft, entry_types) for draft in drafts.values()]
    return sorted(sections, key=lambda section: section.line_offset), malformations


def _fields(
    lines: Sequence[Line], start: int, malformations: list[Malformation]
) -> list[tuple[Line, re.Match[str], str]]:
    """Return each field with its description (its text and the indented lines below)."""
    fields: list[tuple[Line, re.Match[str], str]] = []
    index = start
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        is_field = starts_section(lines, index)
        index += 1
        if not is_field:
            continue
        match = _FIELD.fullmatch(text)
        body: list[str] = []
        while index < len(lines) and (lines[index].is_blank or lines[index].indentation > 0):
            body.append(lines[index].text)
            index += 1
        if match is None:
            field_name = _KNOWN_FIELD_START.match(text)
            name = field_name.group().strip(":") if field_name else text.split()[0].strip(":")
            malformations.append(
                Malformation(
                    name,
                    _kind_of_field(name),
                    line.offset,
                    f"'{text}' is not a well-formed field (':field name: description')",
                )
            )
            continue
        fields.append((line, match, join_description([match["text"] or "", *body])))
    return fields


def field_parts(text: str) -> tuple[str, str] | None:
    """The field name and argument of a field line (``param``, ``int x``); None if not one."""
    match = _FIELD.fullmatch(text.strip())
    return None if match is None else (match["field"], match["argument"].strip())


def field_kind(field_name: str) -> SectionKind:
    """What a field documents (``param``: parameters, ``rtype``: returns); free text if unknown."""
    return _kind_of_field(field_name)


def _field_entries(
    field_name: str, argument: str, description: str, line: Line
) -> list[SectionEntry] | Malformation:
    """Return the entries of one ``:param ...:``-like field, or why it has none."""
    if field_name not in _NAMED_FIELDS:
        names = split_names(argument) or [""]
        return [SectionEntry(name, "", description, line.offset) for name in names]
    *type_words, name = argument.split() or [""]
    if not name:
        return _nameless(field_name, line)
    return [SectionEntry(name.replace("\\", ""), " ".join(type_words), description, line.offset)]


def _draft(
    drafts: dict[SectionKind, _DraftSection], kind: SectionKind, field_name: str, offset: int
) -> _DraftSection:
    """Return the section being gathered for ``kind``, starting it if needed."""
    if kind not in drafts:
        drafts[kind] = _DraftSection(field_name, kind, offset)
    return drafts[kind]


def _finish(draft: _DraftSection, entry_types: dict[tuple[SectionKind, str], str]) -> Section:
    """Give entries the types documented for them in separate fields, and freeze."""
    entries = [
        entry if entry.type else replace(entry, type=entry_types.get((draft.kind, entry.name), ""))
        for entry in draft.entries
    ]
    if draft.value_type:
        if entries:
            entries[0] = replace(entries[0], type=draft.value_type)
        else:
            entries = [SectionEntry("", draft.value_type, "", draft.line_offset)]
    return Section(draft.name, draft.kind, draft.line_offset, tuple(entries))


def _nameless(field_name: str, line: Line) -> Malformation:
    """Report a field that should name what it documents but names nothing."""
    return Malformation(
        field_name,
        _kind_of_field(field_name),
        line.offset,
        f"':{field_name}:' names nothing; write ':{field_name} name:'",
    )


def _kind_of_field(field_name: str) -> SectionKind:
    """Return what a field documents; unknown fields are free text."""
    for kinds in (_ENTRY_FIELDS, _VALUE_FIELDS, _ENTRY_TYPE_FIELDS, _VALUE_TYPE_FIELDS):
        if field_name in kinds:
            return kinds[field_name]
    return "text"

"""The parts of a parsed docstring: summary, sections and their entries, plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

Convention: TypeAlias = Literal["google", "numpy", "sphinx", "pep257"]
CONVENTIONS: Final[tuple[Convention, ...]] = ("google", "numpy", "sphinx", "pep257")

SectionKind: TypeAlias = Literal[
    "parameters",
    "keyword-arguments",
    "other-parameters",
    "returns",
    "yields",
    "receives",
    "raises",
    "warns",
    "attributes",
    "methods",
    "examples",
    "text",
]

PARAMETER_KINDS: Final[frozenset[SectionKind]] = frozenset(
    {"parameters", "keyword-arguments", "other-parameters"}
)
# Sections whose content is a list of entries or a statement about a value,
# so an empty one is a mistake; free text sections may be anything.
STRUCTURED_KINDS: Final[frozenset[SectionKind]] = PARAMETER_KINDS | {
    "returns",
    "yields",
    "receives",
    "raises",
    "warns",
    "attributes",
}

# Section titles of the Google (Napoleon) and numpydoc styles, lower-cased.
SECTION_TITLES: Final[dict[str, SectionKind]] = {
    "args": "parameters",
    "arguments": "parameters",
    "parameters": "parameters",
    "params": "parameters",
    "keyword args": "keyword-arguments",
    "keyword arguments": "keyword-arguments",
    "keyword parameters": "keyword-arguments",
    "kwargs": "keyword-arguments",
    "other args": "other-parameters",
    "other arguments": "other-parameters",
    "other parameters": "other-parameters",
    "other params": "other-parameters",
    "return": "returns",
    "returns": "returns",
    "yield": "yields",
    "yields": "yields",
    "receive": "receives",
    "receives": "receives",
    "raise": "raises",
    "raises": "raises",
    "except": "raises",
    "exceptions": "raises",
    "warns": "warns",
    "attributes": "attributes",
    "attribute": "attributes",
    "methods": "methods",
    "example": "examples",
    "examples": "examples",
    "attention": "text",
    "caution": "text",
    "danger": "text",
    "error": "text",
    "hint": "text",
    "important": "text",
    "note": "text",
    "notes": "text",
    "references": "text",
    "see also": "text",
    "seealso": "text",
    "tip": "text",
    "todo": "text",
    "warning": "text",
    "warnings": "text",
}


@dataclass(frozen=True, slots=True)
class SectionEntry:
    """One documented item: a parameter, an exception, a returned or yielded value.

    Attributes:
        name: The name as written, without rST escapes (``*args``, ``ValueError``);
            empty when the entry has none, as most returned values. A template
            placeholder filled in when the docstring is built (``${ARRAY_LIKE}``)
            is an entry of its own, named by the placeholder.
        type: The type as written, or empty.
        description: The description, its lines joined by single spaces.
        line_offset: Line of the entry, counted from the docstring's first line (0).
    """

    name: str
    type: str
    description: str
    line_offset: int


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of a docstring (or, in the Sphinx style, a group of fields).

    Attributes:
        name: The title as written (``Args``, ``Parameters``), or the Sphinx field
            name of the group's first field (``param``, ``returns``).
        kind: What the section documents.
        line_offset: Line of the title or first field, counted from the docstring's first line.
        entries: The entries, in the order written.
    """

    name: str
    kind: SectionKind
    line_offset: int
    entries: tuple[SectionEntry, ...]


@dataclass(frozen=True, slots=True)
class Malformation:
    """A part of a section that does not follow its convention's form.

    Attributes:
        section: The name of the section at fault, as written.
        kind: What the section at fault documents.
        line_offset: Line of the fault, counted from the docstring's first line.
        message: What is wrong, naming the text at fault.
    """

    section: str
    kind: SectionKind
    line_offset: int
    message: str


@dataclass(frozen=True, slots=True)
class ParsedDocstring:
    """A docstring taken apart according to one convention.

    Attributes:
        convention: The convention the docstring was read with.
        summary: The first line of the summary, stripped; empty when there is none.
        summary_paragraph: The summary's whole paragraph, its lines joined by spaces.
        summary_line_offset: Line of the summary, or None when there is none.
        summary_line_count: Lines in the summary's paragraph (1 for a proper summary).
        sections: The sections, in the order written.
        malformations: Every departure from the convention's form that was found.
    """

    convention: Convention
    summary: str
    summary_paragraph: str
    summary_line_offset: int | None
    summary_line_count: int
    sections: tuple[Section, ...]
    malformations: tuple[Malformation, ...]

    def sections_of(self, *kinds: SectionKind) -> tuple[Section, ...]:
        """Return the sections of the given kinds, in the order written."""
        return tuple(section for section in self.sections if section.kind in kinds)

    def entries_of(self, *kinds: SectionKind) -> tuple[SectionEntry, ...]:
        """Return the entries of every section of the given kinds, in the order written."""
        return tuple(entry for section in self.sections_of(*kinds) for entry in section.entries)

    @property
    def parameters(self) -> tuple[SectionEntry, ...]:
        """The documented parameters, keyword arguments included, in the order written."""
        return self.entries_of(*sorted(PARAMETER_KINDS))

    @property
    def returns(self) -> tuple[SectionEntry, ...]:
        """The entries of the returns sections."""
        return self.entries_of("returns")

    @property
    def yields(self) -> tuple[SectionEntry, ...]:
        """The entries of the yields sections."""
        return self.entries_of("yields")

    @property
    def raises(self) -> tuple[SectionEntry, ...]:
        """The entries of the raises sections."""
        return self.entries_of("raises")

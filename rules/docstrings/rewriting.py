"""Rewrite a docstring so that its parameters, Returns and Yields agree with the code.

This is what the fixes of DOC303-DOC305 write. The docstring keeps every line
its author wrote, save the entries of parameters that no longer exist; it is
changed line by line, in the layout of its convention and with its own
indentation:

- a parameter left undocumented gets a stub entry (its description is
  :data:`PLACEHOLDER`), placed after the entry of the parameter before it in
  the signature, in a new parameters section when there is none;
- the entry of a parameter the signature lacks is dropped, its section too
  when nothing is left in it;
- a main parameters section out of the signature's order is put in order;
- a missing Returns or Yields section is added, after the parameters.

Types are written where the convention writes them: always in numpydoc, in the
Google and Sphinx styles only when the docstring already gives types. The
result is checked again before it is offered: it must settle every problem it
was asked to and add none, or no rewrite is offered.
"""

from __future__ import annotations

import ast
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from . import _google_style, _numpy_style, _sphinx_style
from ._layout import Line, prepare_lines, split_blocks
from ._parameter_checks import (
    Parameter,
    ParameterComparison,
    annotation_text,
    bare_name,
    compare_parameters,
)
from .conventions import DocumentedNode, check_docstring, documented_signature
from .problems import DocProblem, ProblemKind
from .sections import parse_docstring
from .strictness import ConventionOptions
from .structure import PARAMETER_KINDS, Convention, ParsedDocstring, SectionKind

#: The description of every stub entry: visible, and easy to search for.
PLACEHOLDER: Final = "TODO: describe."
#: The kinds of problem a rewrite can settle.
FIXABLE_KINDS: Final[frozenset[ProblemKind]] = frozenset(
    {"missing-parameter", "extra-parameter", "parameter-order", "missing-returns", "missing-yields"}
)
_PARAMETER_PROBLEMS: Final[frozenset[ProblemKind]] = frozenset(
    {"missing-parameter", "extra-parameter", "parameter-order"}
)
# The order sections are written in; a new section goes where it belongs in it.
_SECTION_ORDER: Final[tuple[SectionKind, ...]] = (
    "parameters",
    "keyword-arguments",
    "other-parameters",
    "returns",
    "yields",
    "receives",
    "raises",
    "warns",
)
_TITLES: Final[dict[SectionKind, str]] = {
    "parameters": "Args",
    "returns": "Returns",
    "yields": "Yields",
}
_NUMPY_TITLES: Final[dict[SectionKind, str]] = {
    "parameters": "Parameters",
    "returns": "Returns",
    "yields": "Yields",
}
# The fields that document one parameter each (`:param x:`, `:keyword y:`).
_SPHINX_ENTRY_KINDS: Final[frozenset[SectionKind]] = frozenset(
    {"parameters", "keyword-arguments"}
)
_ITERATOR_TYPES: Final = frozenset(
    {"Iterator", "Iterable", "Generator", "AsyncIterator", "AsyncIterable", "AsyncGenerator"}
)
_DEFAULT_INDENTATION: Final = 4
_UNKNOWN_NUMPY_TYPE: Final = "TODO"


class _CannotRewrite(Exception):
    """The docstring's layout is one the rewrite cannot change reliably."""


@dataclass(frozen=True, slots=True)
class _Chunk:
    """An entry as laid out: the lines it spans (end exclusive) and the bare names it documents."""

    start: int
    end: int
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Region:
    """A section (a Sphinx field) as laid out: its lines, end exclusive, and its entries.

    ``typed`` is the parameter a Sphinx ``:type x:`` field standing apart gives a type to.
    """

    kind: SectionKind
    start: int
    end: int
    chunks: tuple[_Chunk, ...] = ()
    separated: bool = False
    typed: str = ""


@dataclass(slots=True)
class _LineEdits:
    """Replacements of line ranges of the docstring, applied together."""

    lines: list[str]
    indentation: str
    changes: list[tuple[int, int, int, list[str]]] = field(default_factory=list)

    def replace(self, start: int, end: int, texts: Sequence[str]) -> None:
        """Replace lines ``start`` to ``end`` (exclusive) with ``texts``, dedented text."""
        self.changes.append((start, end, len(self.changes), [self.raw(text) for text in texts]))

    def move(self, start: int, end: int, raw_lines: Sequence[str]) -> None:
        """Replace lines ``start`` to ``end`` with lines as they are written in the docstring."""
        self.changes.append((start, end, len(self.changes), list(raw_lines)))

    def raw(self, text: str) -> str:
        """A dedented line as written in the docstring, with its indentation."""
        return self.indentation + text if text else ""

    def result(self) -> list[str]:
        """The lines after every change; raises :class:`_CannotRewrite` if two overlap."""
        output: list[str] = []
        position = 0
        for start, end, _, new in sorted(self.changes):
            if start < position:
                raise _CannotRewrite("two changes overlap")
            output.extend(self.lines[position:start])
            output.extend(new)
            position = end
        output.extend(self.lines[position:])
        return output


def rewrite_docstring(
    docstring: str,
    node: DocumentedNode,
    convention: Convention,
    options: ConventionOptions,
    kinds: frozenset[ProblemKind],
    *,
    indentation: str,
) -> str | None:
    """``docstring`` with the problems of ``kinds`` that it has settled, or None if it cannot be.

    Args:
        docstring: The docstring as written in the source (not cleaned).
        node: The class or function it documents.
        convention: The convention it is written in.
        options: How strictly it is checked, as the rules check it.
        kinds: The kinds of problem to settle; others are left as they are.
        indentation: The indentation of the docstring's quotes in the source, used
            for new lines when the docstring has no indented line of its own.

    Returns:
        The new docstring text, or None when nothing of ``kinds`` is reported, a
        reported problem is not one a rewrite settles, or the layout is not one
        it can change reliably.
    """
    before = [p for p in check_docstring(node, docstring, convention, options)]
    reported = {problem.kind for problem in before if problem.kind in kinds}
    if not reported or not reported <= FIXABLE_KINDS or "\t" in docstring:
        return None
    parsed = parse_docstring(docstring, convention)
    if parsed.summary_line_offset is None:
        return None
    try:
        rewritten = _rewrite(docstring, node, parsed, options, reported, indentation)
    except _CannotRewrite:
        return None
    if rewritten == docstring or not _settles(before, rewritten, node, options, parsed, kinds):
        return None
    return rewritten


def _settles(
    before: list[DocProblem],
    rewritten: str,
    node: DocumentedNode,
    options: ConventionOptions,
    parsed: ParsedDocstring,
    kinds: frozenset[ProblemKind],
) -> bool:
    """Whether ``rewritten`` has no problem of ``kinds`` left and no other one added."""
    after = check_docstring(node, rewritten, parsed.convention, options)
    if any(problem.kind in kinds for problem in after):
        return False
    others_before = Counter((p.kind, p.message) for p in before if p.kind not in kinds)
    others_after = Counter((p.kind, p.message) for p in after)
    return others_after <= others_before


def _rewrite(
    docstring: str,
    node: DocumentedNode,
    parsed: ParsedDocstring,
    options: ConventionOptions,
    reported: set[ProblemKind],
    indentation: str,
) -> str:
    """Make the changes that settle the ``reported`` problems; see :func:`rewrite_docstring`."""
    raw_lines = docstring.split("\n")
    lines = prepare_lines(docstring)
    edits = _LineEdits(raw_lines, _margin(raw_lines) or indentation)
    regions = _regions(parsed.convention, lines, parsed)
    writer = _Writer(parsed, lines, regions, edits)
    if reported & _PARAMETER_PROBLEMS:
        documented = documented_signature(node, parsed)
        if documented is None:
            raise _CannotRewrite("the parameters are not compared")
        comparison = compare_parameters(
            documented[0], parsed, owner="", is_method=documented[1], options=options
        )
        writer.fix_parameters(comparison)
    if "missing-returns" in reported:
        writer.add_value_section("returns", annotation_text(_function_of(node).returns))
    if "missing-yields" in reported:
        writer.add_value_section("yields", _yielded_type(_function_of(node).returns))
    result = edits.result()
    while len(result) > 2 and not result[-1].strip() and not result[-2].strip():
        del result[-2]
    return "\n".join(result)


def _function_of(node: DocumentedNode) -> ast.FunctionDef | ast.AsyncFunctionDef:
    """The function whose returns and yields a docstring documents."""
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        raise _CannotRewrite("only functions return or yield")
    return node


def _margin(raw_lines: Sequence[str]) -> str:
    """The common indentation of the docstring's lines after the first, or empty."""
    margins = [line[: len(line) - len(line.lstrip())] for line in raw_lines[1:] if line.strip()]
    return min(margins, key=len) if margins else ""


def _yielded_type(annotation: ast.expr | None) -> str:
    """What an ``Iterator[int]``-like return annotation says is yielded (``int``), or empty."""
    if not isinstance(annotation, ast.Subscript):
        return ""
    base = annotation.value
    name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
    if name not in _ITERATOR_TYPES:
        return ""
    item = annotation.slice
    if isinstance(item, ast.Tuple) and item.elts:
        item = item.elts[0]
    return ast.unparse(item)


def _regions(convention: Convention, lines: list[Line], parsed: ParsedDocstring) -> list[_Region]:
    """The sections of the docstring as laid out, in the order written."""
    if convention == "sphinx":
        return _sphinx_regions(lines, parsed)
    starts = [section.line_offset for section in parsed.sections]
    regions = []
    for index, section in enumerate(parsed.sections):
        title = section.line_offset
        if convention == "google":
            end, content_start = _google_style.section_end(lines, title), title + 1
        else:
            end = starts[index + 1] if index + 1 < len(starts) else len(lines)
            content_start = title + 2
        content = lines[content_start:end]
        chunks, separated = (
            _chunks(convention, content) if section.kind in PARAMETER_KINDS else ((), False)
        )
        regions.append(
            _Region(section.kind, title, _last_text(lines, title, end), chunks, separated)
        )
    return regions


def _last_text(lines: Sequence[Line], start: int, end: int) -> int:
    """The index after the last non-blank line from ``start`` to ``end``."""
    while end > start + 1 and lines[end - 1].is_blank:
        end -= 1
    return end


def _chunks(convention: Convention, content: list[Line]) -> tuple[tuple[_Chunk, ...], bool]:
    """The entries of a Google or numpydoc parameters section, and whether blank lines part them."""
    read_names = (
        _google_style.parameter_names if convention == "google" else _numpy_style.parameter_names
    )
    chunks = []
    for block in split_blocks(content):
        texts = [line for line in block.body if not line.is_blank]
        end = (texts[-1] if texts else block.head).offset + 1
        names = read_names(block.head.text) or []
        chunks.append(_Chunk(block.head.offset, end, tuple(bare_name(name) for name in names)))
    separated = any(later.start > earlier.end for earlier, later in itertools.pairwise(chunks))
    return tuple(chunks), separated


def _sphinx_regions(lines: list[Line], parsed: ParsedDocstring) -> list[_Region]:
    """Each field of a Sphinx docstring; a ``:type x:`` right after ``:param x:`` joins it."""
    start = (parsed.summary_line_offset or 0) + 1
    fields: list[tuple[int, int, str, str]] = []
    index = start
    while index < len(lines):
        if not _sphinx_style.starts_section(lines, index):
            index += 1
            continue
        parts = _sphinx_style.field_parts(lines[index].text)
        if parts is None:
            raise _CannotRewrite("a field is not well formed")
        end = index + 1
        while end < len(lines) and (lines[end].is_blank or lines[end].indentation > 0):
            end += 1
        fields.append((index, _last_text(lines, index, end), *parts))
        index = end
    regions: list[_Region] = []
    for field_start, field_end, name, argument in fields:
        documented = bare_name(argument.split()[-1]) if argument else ""
        previous = regions[-1] if regions else None
        if (
            name == "type"
            and previous is not None
            and previous.chunks
            and previous.chunks[0].names == (documented,)
            and previous.end == field_start
        ):
            regions[-1] = _Region(
                previous.kind,
                previous.start,
                field_end,
                (_Chunk(previous.start, field_end, (documented,)),),
            )
        elif name != "type" and _sphinx_style.field_kind(name) in _SPHINX_ENTRY_KINDS:
            kind: SectionKind = _sphinx_style.field_kind(name)
            chunk = _Chunk(field_start, field_end, (documented,))
            regions.append(_Region(kind, field_start, field_end, (chunk,)))
        else:
            typed = documented if name == "type" else ""
            kind = _sphinx_style.field_kind(name)
            regions.append(_Region(kind, field_start, field_end, typed=typed))
    return regions


@dataclass(frozen=True, slots=True)
class _Plan:
    """What becomes of each parameter entry: moved, dropped, followed by stubs.

    ``slots`` are the entries of the main parameters section; ``placed`` what
    each of them holds after the fix (None: nothing); ``stubs`` the stub
    entries written after an entry (under None: before the first one).
    """

    slots: list[_Chunk]
    placed: dict[_Chunk, _Chunk | None]
    dropped: set[_Chunk]
    stubs: dict[_Chunk | None, list[list[str]]]

    def held(self, chunk: _Chunk) -> _Chunk | None:
        """The entry written where ``chunk`` is, or None."""
        if chunk in self.placed:
            return self.placed[chunk]
        return None if chunk in self.dropped else chunk

    def pieces(self, chunk: _Chunk, edits: _LineEdits) -> list[list[str]]:
        """The entries written where ``chunk`` is, each as its lines in the docstring."""
        pieces: list[list[str]] = []
        if self.slots and chunk is self.slots[0]:
            pieces.extend([edits.raw(text) for text in stub] for stub in self.stubs.get(None, []))
        held = self.held(chunk)
        if held is not None:
            pieces.append(edits.lines[held.start : held.end])
        pieces.extend([edits.raw(text) for text in stub] for stub in self.stubs.get(chunk, []))
        return pieces


@dataclass(slots=True)
class _Writer:
    """Plans the line changes of one docstring in its convention's layout."""

    parsed: ParsedDocstring
    lines: list[Line]
    regions: list[_Region]
    edits: _LineEdits

    @property
    def convention(self) -> Convention:
        """The docstring's convention."""
        return self.parsed.convention

    @property
    def writes_types(self) -> bool:
        """Whether new entries give types: always in numpydoc, else as the docstring does."""
        if self.convention == "numpy":
            return True
        kinds = (*PARAMETER_KINDS, "returns", "yields")
        return any(entry.type for entry in self.parsed.entries_of(*kinds))

    def fix_parameters(self, comparison: ParameterComparison) -> None:
        """Drop extra entries, put the main section in order, and add stubs of missing ones."""
        position = {parameter.name: index for index, parameter in enumerate(comparison.signature)}
        dropped = self._dropped(comparison)
        main = [region for region in self.regions if region.kind == "parameters"]
        if self.convention != "sphinx":
            main = main[:1]
        slots = [chunk for region in main for chunk in region.chunks]
        placed = self._ordered(slots, dropped, position, comparison.misordered is not None)
        plan = _Plan(
            slots, placed, dropped, self._stub_anchors(slots, placed, position, comparison.missing)
        )
        if not slots and plan.stubs:
            self._insert_section("parameters", [line for stub in plan.stubs[None] for line in stub])
        dropped_names = {name for chunk in dropped for name in chunk.names}
        for region in self.regions:
            self._rewrite_region(region, plan)
            if region.typed and region.typed in dropped_names:
                self.edits.replace(region.start, region.end, [])

    def _dropped(self, comparison: ParameterComparison) -> set[_Chunk]:
        """The entries of the parameters the signature lacks."""
        extra_lines = {entry.line_offset for entry in comparison.extra}
        extra_names = {bare_name(entry.name) for entry in comparison.extra}
        dropped = set()
        for chunk in (chunk for region in self.regions for chunk in region.chunks):
            if chunk.start in extra_lines:
                if not set(chunk.names) <= extra_names:
                    raise _CannotRewrite("an entry documents an extra name with others")
                dropped.add(chunk)
        return dropped

    def _ordered(
        self,
        slots: list[_Chunk],
        dropped: set[_Chunk],
        position: dict[str, int],
        reorder: bool,
    ) -> dict[_Chunk, _Chunk | None]:
        """What each entry of the main section holds after the fix (None: nothing)."""
        placed: dict[_Chunk, _Chunk | None] = {
            chunk: None if chunk in dropped else chunk for chunk in slots
        }
        if not reorder:
            return placed
        sortable = [
            chunk
            for chunk in slots
            if chunk not in dropped and any(name in position for name in chunk.names)
        ]
        names = [chunk.names for chunk in sortable]
        if any(len(chunk_names) != 1 for chunk_names in names) or len(set(names)) != len(names):
            raise _CannotRewrite("the entries cannot be put in order one by one")
        in_order = sorted(sortable, key=lambda chunk: position[chunk.names[0]])
        placed.update(zip(sortable, in_order, strict=True))
        return placed

    def _stub_anchors(
        self,
        slots: list[_Chunk],
        placed: dict[_Chunk, _Chunk | None],
        position: dict[str, int],
        missing: Sequence[Parameter],
    ) -> dict[_Chunk | None, list[list[str]]]:
        """The stub entries to write after each slot of the main section (None: before all)."""
        anchors: dict[_Chunk | None, list[list[str]]] = {}
        for parameter in missing:
            anchor: _Chunk | None = None
            for slot in slots:
                held = placed[slot]
                positions = [
                    position[name] for name in (held.names if held else ()) if name in position
                ]
                if positions and max(positions) < position[parameter.name]:
                    anchor = slot
            anchors.setdefault(anchor, []).append(self._parameter_stub(parameter, slots))
        return anchors

    def _rewrite_region(self, region: _Region, plan: _Plan) -> None:
        """Write one section's entries: moved, dropped or followed by stubs."""
        if not region.chunks:
            return
        if self.convention != "sphinx" and not any(
            plan.pieces(chunk, self.edits) for chunk in region.chunks
        ):
            self._remove_section(region)
            return
        joiner = [""] if region.separated else []
        for index, chunk in enumerate(region.chunks):
            pieces = plan.pieces(chunk, self.edits)
            if plan.held(chunk) is chunk and len(pieces) == 1:
                continue
            new = [
                line
                for number, piece in enumerate(pieces)
                for line in (*(joiner if number else []), *piece)
            ]
            start, end = chunk.start, chunk.end
            if not new and region.separated:
                if index + 1 < len(region.chunks):
                    end = region.chunks[index + 1].start
                elif index > 0:
                    start = region.chunks[index - 1].end
            self.edits.move(start, end, new)

    def _remove_section(self, region: _Region) -> None:
        """Remove a section left empty, with the blank lines that parted it from the next."""
        start, end = region.start, region.end
        following = next((line.offset for line in self.lines[end:] if not line.is_blank), None)
        if following is not None:
            end = following
        else:
            while start > 1 and self.lines[start - 1].is_blank:
                start -= 1
        self.edits.replace(start, end, [])

    def _parameter_stub(self, parameter: Parameter, slots: list[_Chunk]) -> list[str]:
        """The dedented lines of a stub entry for ``parameter``, at the section's indentation."""
        typed = parameter.annotation if self.writes_types else ""
        if self.convention == "sphinx":
            stub = [f":param {parameter.name}: {PLACEHOLDER}"]
            return [*stub, f":type {parameter.name}: {typed}"] if typed else stub
        head = " " * (self.lines[slots[0].start].indentation if slots else self._entry_indent())
        if self.convention == "google":
            written = f"{parameter.written} ({typed})" if typed else parameter.written
            return [f"{head}{written}: {PLACEHOLDER}"]
        written = f"{parameter.written} : {typed}" if typed else parameter.written
        return [f"{head}{written}", f"{head}{self._description_indent()}{PLACEHOLDER}"]

    def _entry_indent(self) -> int:
        """How deep entries sit below a title: as in the docstring's sections, else the default."""
        if self.convention == "numpy":
            return 0
        for region in self.regions:
            for line in self.lines[region.start + 1 : region.end]:
                if not line.is_blank:
                    return line.indentation
        return _DEFAULT_INDENTATION

    def _description_indent(self) -> str:
        """How much deeper a numpydoc description sits than its entry's head."""
        for region in self.regions:
            for chunk in region.chunks:
                head = self.lines[chunk.start]
                for line in self.lines[chunk.start + 1 : chunk.end]:
                    if not line.is_blank and line.indentation > head.indentation:
                        return " " * (line.indentation - head.indentation)
        return " " * _DEFAULT_INDENTATION

    def add_value_section(self, kind: SectionKind, value_type: str) -> None:
        """Add a Returns or Yields section with a stub description."""
        typed = value_type if self.writes_types else ""
        if self.convention == "sphinx":
            field_name = "returns" if kind == "returns" else "yields"
            type_field = "rtype" if kind == "returns" else "ytype"
            block = [f":{field_name}: {PLACEHOLDER}"]
            self._insert_section(kind, [*block, f":{type_field}: {typed}"] if typed else block)
            return
        indent = " " * self._entry_indent()
        if self.convention == "google":
            text = f"{typed}: {PLACEHOLDER}" if typed else PLACEHOLDER
            self._insert_section(kind, [f"{indent}{text}"])
            return
        description = self._description_indent() + PLACEHOLDER
        self._insert_section(kind, [typed or _UNKNOWN_NUMPY_TYPE, description])

    def _insert_section(self, kind: SectionKind, entries: list[str]) -> None:
        """Insert a new section of ``kind`` holding ``entries`` where the order puts it."""
        if self.convention == "sphinx":
            block = entries
        else:
            titles = _TITLES if self.convention == "google" else _NUMPY_TITLES
            title = titles[kind] + (":" if self.convention == "google" else "")
            underline = [] if self.convention == "google" else ["-" * len(title)]
            block = [title, *underline, *entries]
        rank = _SECTION_ORDER.index(kind)
        ordered = [region for region in self.regions if region.kind in _SECTION_ORDER]
        later = [region for region in ordered if _SECTION_ORDER.index(region.kind) > rank]
        separator = [] if self.convention == "sphinx" else [""]
        if later:
            self.edits.replace(later[0].start, later[0].start, [*block, *separator])
        elif ordered:
            self.edits.replace(ordered[-1].end, ordered[-1].end, [*separator, *block])
        elif self.regions:
            self.edits.replace(self.regions[0].start, self.regions[0].start, [*block, *separator])
        else:
            end = _last_text(self.lines, 0, len(self.lines))
            closing = [] if end < len(self.lines) else [self.edits.indentation]
            self.edits.replace(end, end, ["", *block])
            if closing:
                self.edits.move(end, end, closing)

"""Read a Cobertura XML report (``coverage xml``, and what other tools write).

Parsed with the standard library's expat parser, hardened the way defusedxml
hardens it: a document that declares an entity is refused (that is how the
"billion laughs" and external-entity attacks work), and external entities and
DTDs are never fetched. That covers what a coverage report can carry without
another dependency; expat itself (2.4.1 and later, as Python 3.10+ ships)
limits amplification too.

A ``<line>`` with ``hits="0"`` is missing; ``condition-coverage="50% (1/2)"``
on a branch line gives that line's branches, covered and total, which is how
coverage.py writes them, so the counts equal its report. A file listed in
several ``<class>`` elements (some tools write one per class) is merged: a
line is covered if any of them covered it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NoReturn
from xml.parsers import expat

_CONDITIONS = re.compile(r"\((\d+)/(\d+)\)")


class CoverageReportError(ValueError):
    """The report cannot be read: not well-formed, refused, or without the expected content."""


@dataclass(slots=True)
class ReportedFile:
    """One file's lines as a report gives them: hits by line, and branches by line."""

    hits: dict[int, int] = field(default_factory=dict)
    #: (covered, total) branches, for the lines that branch.
    branches: dict[int, tuple[int, int]] = field(default_factory=dict)


@dataclass(slots=True)
class CoberturaReport:
    """What a Cobertura report holds: its source roots and each file's lines."""

    sources: list[str] = field(default_factory=list)
    files: dict[str, ReportedFile] = field(default_factory=dict)
    has_branches: bool = False


class _Collector:
    """Expat callbacks that keep only sources, classes and lines."""

    def __init__(self) -> None:
        self.report = CoberturaReport()
        self.current: ReportedFile | None = None
        self.in_source = False
        self.text: list[str] = []
        self.seen_root = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if not self.seen_root:
            self.seen_root = True
            if name != "coverage":
                raise CoverageReportError(f"the root element is <{name}>, not <coverage>")
            # coverage.py writes branches-valid="0" when branches were not measured.
            self.report.has_branches = attributes.get("branches-valid", "0") not in ("", "0")
        if name == "source":
            self.in_source, self.text = True, []
        elif name == "class":
            filename = attributes.get("filename")
            if not filename:
                raise CoverageReportError("a <class> element has no filename")
            self.current = self.report.files.setdefault(filename, ReportedFile())
        elif name == "line" and self.current is not None:
            self._line(self.current, attributes)

    def _line(self, reported: ReportedFile, attributes: dict[str, str]) -> None:
        try:
            number = int(attributes["number"])
            hits = int(attributes.get("hits", "0"))
        except (KeyError, ValueError) as error:
            message = f"a <line> element has no valid number or hits: {error}"
            raise CoverageReportError(message) from error
        reported.hits[number] = max(hits, reported.hits.get(number, 0))
        conditions = _CONDITIONS.search(attributes.get("condition-coverage", ""))
        if attributes.get("branch") == "true" and conditions:
            covered, every = int(conditions.group(1)), int(conditions.group(2))
            before = reported.branches.get(number, (0, 0))
            reported.branches[number] = (max(covered, before[0]), max(every, before[1]))
            self.report.has_branches = True

    def end(self, name: str) -> None:
        if name == "source":
            self.in_source = False
            self.report.sources.append("".join(self.text).strip())
        elif name == "class":
            self.current = None

    def characters(self, text: str) -> None:
        if self.in_source:
            self.text.append(text)


def _refuse_entities(*_: object) -> NoReturn:
    raise CoverageReportError("the report declares XML entities, which are refused")


def parse_cobertura(content: bytes) -> CoberturaReport:
    """Parse a Cobertura report; raises :class:`CoverageReportError` if it cannot be used."""
    collector = _Collector()
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.characters
    try:
        parser.Parse(content, True)
    except expat.ExpatError as error:
        raise CoverageReportError(f"not well-formed XML: {error}") from error
    if not collector.seen_root:
        raise CoverageReportError("the report is empty")
    return collector.report

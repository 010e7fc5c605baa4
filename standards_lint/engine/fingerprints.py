"""Fingerprints: what identifies a violation across edits that do not touch it.

A baseline, and the CI formats that track findings across commits, must
recognise a violation after lines were added above it, after another function
was reformatted, after its function moved within the file. So a fingerprint
never holds a line number. It is 16 hexadecimal digits, a BLAKE2b hash of:

- the file's path relative to the standards' root, with ``/``;
- the violation's *local* fingerprint, computed with the file (and cached
  with it, so that it does not depend on where the run starts), itself a hash
  of:

  - the rule's code;
  - the qualified name of the innermost function or class whose lines hold the
    start of the reported span (``Cart.total``; empty at module level);
  - the reported text, with all whitespace removed: the source text of the
    reported span, or the whole line for a span that is a single point. A
    report about a whole definition (its span starts in the definition's
    header, between its first decorator and its body, and reaches the
    definition's last line) has no text, so that editing the body of a
    complex function keeps its fingerprint; nor has a point at line 1, column
    1, which is how rules report about the module as a whole;
  - the occurrence: 0 for the first violation of the file with the same three
    parts, 1 for the next, in order of position.

Violations without a span of source text (those of project rules, such as an
import chain or a coverage threshold, and of suppression comments) use their
message instead of the reported text, with every run of digits replaced by
``#`` so that the line numbers in an import chain do not count.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from standards_lint.model import Definition, Span, Violation

__all__ = [
    "complete_fingerprints",
    "local_fingerprints",
    "message_fingerprints",
    "path_fingerprint",
]

_DIGITS = re.compile(r"[0-9]+")
_SEPARATOR = "\0"


def _digest(*parts: str) -> str:
    text = _SEPARATOR.join(parts)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def local_fingerprints(
    violations: Sequence[Violation], lines: Sequence[str], definitions: Sequence[Definition]
) -> list[Violation]:
    """``violations`` (sorted by position) with their local fingerprints set.

    ``lines`` are the file's lines and ``definitions`` its functions and
    classes in source order (empty for a file that does not parse).
    """
    locator = _DefinitionLocator(definitions)
    occurrences: Counter[tuple[str, str, str]] = Counter()
    stamped = []
    for violation in violations:
        enclosing = locator.innermost(violation.span.line)
        name = enclosing.qualified_name if enclosing is not None else ""
        if _is_about_module(violation.span):
            name = text = ""
        elif _covers(violation.span, enclosing):
            text = ""
        else:
            text = _normalised_text(violation.span, lines)
        key = (violation.rule, name, text)
        occurrence = occurrences[key]
        occurrences[key] += 1
        fingerprint = _digest(*key, str(occurrence))
        stamped.append(dataclasses.replace(violation, fingerprint=fingerprint))
    return stamped


def message_fingerprints(violations: Sequence[Violation]) -> list[Violation]:
    """``violations`` with a local fingerprint made from their message where they have none.

    The occurrence counts violations of the same path, rule and normalised
    message, in the order given.
    """
    occurrences: Counter[tuple[str, str, str]] = Counter()
    stamped = []
    for violation in violations:
        if violation.fingerprint:
            stamped.append(violation)
            continue
        key = (violation.path, violation.rule, _DIGITS.sub("#", violation.message))
        occurrence = occurrences[key]
        occurrences[key] += 1
        fingerprint = _digest("message", key[1], key[2], str(occurrence))
        stamped.append(dataclasses.replace(violation, fingerprint=fingerprint))
    return stamped


def path_fingerprint(root_path: str, local_fingerprint: str) -> str:
    """The fingerprint of a violation whose file is ``root_path`` (root-relative, with ``/``)."""
    return _digest(root_path, local_fingerprint)


def complete_fingerprints(
    violations: Sequence[Violation], root_paths: Mapping[str, str]
) -> list[Violation]:
    """``violations`` with their final fingerprints: the root-relative path mixed in.

    ``root_paths`` maps display paths to root-relative ones; a path missing
    from it is used as it is. Violations still without a local fingerprint
    (made by the gate) get one from their message first.
    """
    completed = []
    for violation in message_fingerprints(violations):
        root_path = root_paths.get(violation.path, violation.path)
        fingerprint = path_fingerprint(root_path, violation.fingerprint)
        # Built directly: dataclasses.replace costs several times more, and
        # this runs for every violation of every run, cached or not.
        completed.append(
            Violation(
                violation.rule,
                violation.name,
                violation.severity,
                violation.path,
                violation.span,
                violation.message,
                fingerprint,
                violation.value,
                violation.fix,
            )
        )
    return completed


def _is_about_module(span: Span) -> bool:
    return span.line == span.column == span.end_line == span.end_column == 1


def _covers(span: Span, definition: Definition | None) -> bool:
    """Whether ``span`` reports ``definition`` as a whole: from its header to its end."""
    if definition is None:
        return False
    header_end = max(definition.line, definition.body_line - 1)
    starts_in_header = definition.start_line <= span.line <= header_end
    return starts_in_header and span.end_line >= definition.end_line


def _normalised_text(span: Span, lines: Sequence[str]) -> str:
    """The reported text without whitespace; a point's whole line."""
    first = span.line - 1
    if not 0 <= first < len(lines):
        return ""
    if span.line == span.end_line and span.column == span.end_column:
        text = lines[first]
    elif span.line == span.end_line:
        text = lines[first][span.column - 1 : span.end_column - 1]
    else:
        last = min(span.end_line, len(lines)) - 1
        rows = [lines[first][span.column - 1 :], *lines[first + 1 : last]]
        if last > first:
            rows.append(lines[last][: span.end_column - 1])
        text = "".join(rows)
    return "".join(text.split())


class _DefinitionLocator:
    """Finds the innermost definition around a line, by bisecting their first lines."""

    def __init__(self, definitions: Sequence[Definition]) -> None:
        # Definitions come in source order, so their first lines never decrease.
        self._definitions = definitions
        self._starts = [definition.start_line for definition in definitions]

    def innermost(self, line: int) -> Definition | None:
        """The innermost definition whose lines hold ``line``, if any."""
        index = bisect.bisect_right(self._starts, line) - 1
        # Going back from the last definition that starts at or before the
        # line, the first one that also ends at or after it is the innermost.
        while index >= 0:
            definition = self._definitions[index]
            if definition.end_line >= line:
                return definition
            index -= 1
        return None

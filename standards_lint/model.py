"""Plain data that crosses every stage boundary: violations, file results, reports.

Everything here is frozen and slotted plain data: worker processes return it,
and the cache stores it as checked JSON (see ``engine/plain_data.py``, which
names the field types it accepts). Nothing here imports LibCST.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    """How much a violation matters; only ``error`` fails a run."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Return the severity named by ``text``, or raise ``ValueError`` naming the choices."""
        try:
            return cls(text)
        except ValueError:
            choices = ", ".join(member.value for member in cls)
            raise ValueError(f"unknown severity {text!r}; expected one of {choices}") from None


@dataclass(frozen=True, slots=True)
class Span:
    """A region of a file: 1-based lines and columns, end inclusive of its last line."""

    line: int
    column: int
    end_line: int
    end_column: int

    def __reduce__(self) -> tuple[type[Span], tuple[int, int, int, int]]:
        # Rebuilding through __init__ unpickles several times faster than the
        # field-by-field state a slotted dataclass uses, which fully cached
        # runs of large projects feel.
        return (Span, (self.line, self.column, self.end_line, self.end_column))


class FixSafety(str, enum.Enum):
    """Whether applying a fix can change what the code does."""

    #: The code means exactly what it meant: ``check --fix`` applies it.
    SAFE = "safe"
    #: The code may behave differently (an exception now caught narrower, a
    #: renamed argument): applied only with ``--unsafe-fixes``.
    UNSAFE = "unsafe"

    @property
    def rank(self) -> int:
        """0 for safe, 1 for unsafe: a fix is applied when its rank is at most the run's."""
        return 0 if self is FixSafety.SAFE else 1


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the file's text from ``start`` to ``end`` with ``replacement``.

    The offsets count characters (not bytes) of the decoded text, 0-based,
    ``end`` exclusive; ``start == end`` inserts. The text keeps its own line
    endings, and a byte-order mark is not part of it.
    """

    start: int
    end: int
    replacement: str

    @classmethod
    def between(cls, before: str, after: str, offset: int = 0) -> Edit:
        """The smallest single edit that turns ``before`` into ``after``.

        It replaces what lies between their common beginning and common end,
        placed ``offset`` characters into the file.
        """
        limit = min(len(before), len(after))
        prefix = 0
        while prefix < limit and before[prefix] == after[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < limit - prefix
            and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]
        ):
            suffix += 1
        return cls(
            offset + prefix, offset + len(before) - suffix, after[prefix : len(after) - suffix]
        )

    def overlaps(self, other: Edit) -> bool:
        """Whether applying both would touch the same text (two insertions at one place do)."""
        if self.start == self.end == other.start == other.end:
            return True
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Fix:
    """How to repair one violation: edits applied together, or not at all."""

    #: What the fix does, as an imperative: "Remove the unused suppression".
    description: str
    edits: tuple[Edit, ...]
    safety: FixSafety = FixSafety.SAFE

    def overlaps(self, other: Fix) -> bool:
        """Whether any edit of this fix overlaps any edit of ``other``."""
        return any(mine.overlaps(theirs) for mine in self.edits for theirs in other.edits)


@dataclass(frozen=True, slots=True)
class Violation:
    """One breach of a standard, at one place in one file."""

    rule: str
    name: str
    severity: Severity
    path: str
    span: Span
    message: str
    #: Identifies the violation across unrelated edits (never a line number);
    #: the engine fills it in, and baselines and CI formats key on it.
    fingerprint: str = ""
    #: The measured figure of a metric rule (a function's complexity, length,
    #: nesting), so that a baseline can hold it to "no worse than before".
    value: float | None = None
    #: How the tool can repair it, if it can (see :class:`Fix`).
    fix: Fix | None = None

    def __reduce__(
        self,
    ) -> tuple[
        type[Violation], tuple[str, str, Severity, str, Span, str, str, float | None, Fix | None]
    ]:
        # See Span.__reduce__.
        return (
            Violation,
            (
                self.rule,
                self.name,
                self.severity,
                self.path,
                self.span,
                self.message,
                self.fingerprint,
                self.value,
                self.fix,
            ),
        )

    @property
    def line(self) -> int:
        """The 1-based line the violation starts on."""
        return self.span.line

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """The order every report uses: by path, position, code, then message."""
        return (self.path, self.span.line, self.span.column, self.rule, self.message)


@dataclass(frozen=True, slots=True)
class Suppression:
    """A ``# standards-lint: ignore[...]`` comment found in a file.

    ``codes`` is empty for a blanket suppression. ``line`` is ``None`` for a
    file-level suppression (``ignore-file``).
    """

    line: int | None
    comment_line: int
    codes: tuple[str, ...]
    reason: str
    #: The edit that deletes the comment (its line, when nothing else is on
    #: it), so that an unused one can be fixed where the text is no longer at
    #: hand; ``None`` when the file did not tokenize. It is derived from where
    #: the comment lies, so two records of one comment compare equal without it.
    removal: Edit | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Definition:
    """A function or class of a file, with the lines it covers (all 1-based).

    ``qualified_name`` joins the enclosing definitions' names with dots
    (``Cart.total``, ``outer.inner``). ``start_line`` is the first decorator's
    line, ``line`` the ``def``/``class`` keyword's, ``body_line`` the first
    line of the body and ``end_line`` the last line of the definition.
    """

    qualified_name: str
    kind: str
    start_line: int
    line: int
    body_line: int
    end_line: int


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything the per-file analysis learned about one file.

    ``facts`` holds, per fact name, the plain value a fact collector produced
    (documented items, function metrics, imports...). Project rules read them.
    """

    path: str
    violations: tuple[Violation, ...]
    suppressions: tuple[Suppression, ...] = ()
    facts: Mapping[str, object] = field(default_factory=dict)
    #: The file's functions and classes in source order (empty if it does not
    #: parse): fingerprints and new-code gating place violations in them.
    definitions: tuple[Definition, ...] = ()


class HeldBy(str, enum.Enum):
    """Which gate stage held a violation back instead of reporting it."""

    #: A suppression comment in the file.
    COMMENT = "comment"
    #: The baseline file, which accepts the violations recorded in it.
    BASELINE = "baseline"


@dataclass(frozen=True, slots=True)
class SuppressedViolation:
    """A violation the gate held back, kept aside for formats that show it as suppressed.

    It neither counts towards the verdict nor appears in the text or JSON
    output; SARIF lists it with a suppression, so that code scanning closes
    the alert instead of forgetting it.
    """

    violation: Violation
    held_by: HeldBy
    #: The suppression comment's reason (empty when it gives none).
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path that was named or walked but not checked, and why (display path)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of a whole run, as every reporter receives it."""

    files_checked: int
    violations: tuple[Violation, ...]
    metrics: Mapping[str, float] = field(default_factory=dict)
    internal_errors: int = 0
    #: Paths named or walked that were not checked, with the reason.
    skipped: tuple[Skipped, ...] = ()
    #: The standards file in use (display path), ``None`` when the defaults ran.
    standards_path: str | None = None
    #: How many violations the new-code stage held back because they lie
    #: outside the changed lines; ``None`` when the run was not gated on a diff.
    new_code_hidden: int | None = None
    #: How many violations the baseline held back (accepted as they were when
    #: it was written); ``None`` when the run used no baseline.
    baselined: int | None = None
    #: How many of the baseline's violations (in the files and rules this run
    #: checked) no longer occur: ``standards-lint baseline --prune`` drops them.
    fixed_in_baseline: int = 0
    #: Violations that suppression comments or the baseline held back.
    suppressed: tuple[SuppressedViolation, ...] = ()
    #: The display paths of the files checked, sorted (formats with a test
    #: case per file list the clean ones too).
    checked_paths: tuple[str, ...] = ()

    def count(self, severity: Severity) -> int:
        """How many violations have ``severity``."""
        return sum(1 for violation in self.violations if violation.severity is severity)

    def rule_counts(self) -> list[tuple[str, str, int]]:
        """``(code, name, count)`` for each rule that reported, the most frequent first."""
        counts = Counter((violation.rule, violation.name) for violation in self.violations)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(code, name, count) for (code, name), count in ranked]

    @property
    def exit_code(self) -> int:
        """2 when the tool failed somewhere, 1 for error violations, else 0."""
        if self.internal_errors:
            return 2
        return 1 if self.count(Severity.ERROR) else 0

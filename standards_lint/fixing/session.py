"""Fix files: check in memory, apply the fixes, check again, until nothing changes.

Each file is fixed on its own, in memory, through
:func:`~standards_lint.api.check_source` with the run's standards, baseline
and diff, so that ``--fix`` repairs exactly what ``check`` reports. A round
applies every fix that does not overlap another; the next round sees the
changed text and proposes again, up to :data:`MAX_ROUNDS`. The result is
kept only if it still parses; it keeps the file's encoding, byte-order mark
and line endings (edits are made on the decoded text, which keeps them).
"""

from __future__ import annotations

import ast
import io
import tokenize
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from standards_lint.api import check_source
from standards_lint.config import Standards
from standards_lint.fixing.diff import unified_diff_bytes
from standards_lint.fixing.edits import apply_fixes, fixable
from standards_lint.fixing.writing import FileChangedError, replace_contents
from standards_lint.gate.baseline import Baseline
from standards_lint.gate.diff import RepositoryChanges
from standards_lint.model import FixSafety, Violation
from standards_lint.source import SourceDecodeError, decode_source

#: Rounds of check-and-fix per file: fixes that overlap wait for a later
#: round, and a fix may reveal another; more than this means fixes that
#: undo each other, and the last text that parsed is kept.
MAX_ROUNDS = 10


@dataclass(frozen=True, slots=True)
class FileFixes:
    """What fixing one file did: its text before and after, and the fixes applied."""

    path: Path
    #: The file's display path, as reports show it.
    display: str
    before: str
    after: str
    #: How many fixes of each rule were applied, by code.
    fixed: Counter[str] = field(default_factory=Counter)
    #: Why the file was left as it was (the fixed code did not parse, say).
    problem: str | None = None
    #: The bytes to write, when the file changes.
    content: bytes | None = None
    #: The file's encoding, as its cookie or byte-order mark gives it.
    encoding: str = "utf-8"

    @property
    def changed(self) -> bool:
        """Whether fixing changes the file."""
        return self.content is not None

    def diff(self) -> bytes:
        """The unified diff of the file's bytes before and after fixing (empty if unchanged)."""
        if self.content is None:
            return b""
        return unified_diff_bytes(self.before.encode(self.encoding), self.content, self.display)


def fix_source(
    raw: bytes,
    path: Path,
    display: str,
    standards: Standards,
    *,
    safety: FixSafety,
    changes: RepositoryChanges | None = None,
    baseline: Baseline | None = None,
) -> FileFixes:
    """Fix the file at ``path`` whose content is ``raw``, in memory; nothing is written."""
    try:
        before = decode_source(raw)
        encoding = tokenize.detect_encoding(io.BytesIO(raw).readline)[0]
    except (SourceDecodeError, SyntaxError) as error:
        return FileFixes(path, display, "", "", problem=f"cannot decode the file: {error}")
    text = before
    fixed: Counter[str] = Counter()
    problem = None
    for round_number in range(MAX_ROUNDS + 1):
        # The engine reads bytes: the text goes back in the file's own encoding
        # (a cookie or a BOM says which), or its offsets would not be the text's.
        try:
            content = text.encode(encoding)
        except UnicodeEncodeError as error:
            problem = f"the fixed text cannot be written in the file's encoding {encoding}: {error}"
            return FileFixes(path, display, before, before, problem=problem)
        report = check_source(content, path, standards, changes=changes, baseline=baseline)
        candidates = fixable(report.violations, safety)
        if not candidates:
            break
        if round_number == MAX_ROUNDS:
            problem = (
                f"fixes were still proposed after {MAX_ROUNDS} rounds (do two undo each"
                " other?); those of the first rounds are kept"
            )
            break
        applied = apply_fixes(text, candidates)
        if applied.text == text:
            break
        parse_error = _parse_error(applied.text, encoding)
        if parse_error is not None:
            rules = ", ".join(sorted({violation.rule for violation in applied.applied}))
            problem = (
                f"the fixes of {rules} would leave code that does not parse ({parse_error});"
                " the file was left as it was"
            )
            return FileFixes(path, display, before, before, problem=problem)
        fixed.update(violation.rule for violation in applied.applied)
        text = applied.text
    if text == before:
        return FileFixes(path, display, before, text, fixed, problem, encoding=encoding)
    return FileFixes(path, display, before, text, fixed, problem, content, encoding)


def write_fixes(fixes: FileFixes, original: bytes) -> FileFixes:
    """Write ``fixes`` to disk if the file still holds ``original``; return what happened."""
    if fixes.content is None:
        return fixes
    try:
        replace_contents(fixes.path, original, fixes.content)
    except FileChangedError as error:
        return _unwritten(fixes, f"{error}; it was left as it is")
    except OSError as error:
        return _unwritten(fixes, f"cannot write the fixed file: {error.strerror or error}")
    return fixes


def _unwritten(fixes: FileFixes, problem: str) -> FileFixes:
    """``fixes`` as they are when the file could not be written: unchanged, with the reason."""
    before = fixes.before
    return FileFixes(
        fixes.path, fixes.display, before, before, problem=problem, encoding=fixes.encoding
    )


def _parse_error(text: str, encoding: str) -> str | None:
    """Why ``text``, written in ``encoding``, would not parse; ``None`` if it does."""
    try:
        # The bytes that would be written are parsed, cookie and BOM included.
        written = text.encode(encoding)
    except UnicodeEncodeError as error:
        return f"it cannot be written in the file's encoding {encoding}: {error}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(written)
    except SyntaxError as error:
        return f"line {error.lineno}: {error.msg}"
    except (ValueError, RecursionError, MemoryError) as error:
        return str(error) or type(error).__name__
    return None


def files_to_fix(violations: Iterable[Violation], safety: FixSafety) -> list[str]:
    """The display paths of the files with a violation ``safety`` allows fixing, sorted."""
    return sorted({violation.path for violation in fixable(violations, safety)})


def fixed_counts(results: Sequence[FileFixes]) -> Counter[str]:
    """How many fixes of each rule were applied over ``results``."""
    total: Counter[str] = Counter()
    for result in results:
        if result.changed:
            total.update(result.fixed)
    return total

"""The baseline: today's violations and figures, accepted so that legacy code can adopt the gate.

``standards-lint baseline`` records every reported violation (after selection,
severity and suppressions) and the project's figures. ``check`` then hides the
recorded violations, reports the new ones, and holds the rest to "no worse":

- a metric violation (a function's complexity, length, nesting...) whose
  fingerprint is recorded with a value is hidden while its value is at most
  the recorded one, and reported again, naming the recorded value, once it is
  higher;
- a project figure may not get worse than the recorded one (an SL009
  violation against the standards file), even while it meets its threshold;
  :data:`FIGURE_DIRECTIONS` says which way is better for each figure;
- recorded violations that no longer occur are counted as fixed, and
  ``baseline --prune`` removes them (and lowers values, raises figures to
  today's better ones), so that an improvement cannot be undone silently.

The file is JSON, written for small diffs in review (two-space indent, sorted
keys, one entry per path and rule, sorted fingerprints, a trailing newline)::

    {
      "figures": {"average_cyclomatic": 3.41, "docstring_coverage": 82.5},
      "format": 1,
      "standards": "standards.toml",
      "tool_version": "0.1.0",
      "violations": [
        {
          "count": 2,
          "fingerprints": ["0c5e...", "9a1f..."],
          "path": "shop/cart.py",
          "rule": "CPX001",
          "values": {"9a1f...": 14}
        }
      ]
    }

``path`` is relative to the standards' root, ``standards`` is the standards
file the baseline was written for (relative to the same root), ``values``
holds the measured figure of the fingerprints that have one. Reading is
strict: a file that is not exactly this shape, is of another format version,
or was written for other standards raises :class:`BaselineError`. Nothing in
the file is ever executed: it is plain JSON, checked field by field.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import math
import os
import re
import tempfile
import types
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from standards_lint.config import Standards, StandardsResolver
from standards_lint.engine.fingerprints import path_fingerprint
from standards_lint.engine_rules import FigureRegressionRule, InternalErrorRule
from standards_lint.model import Severity, Span, Violation

__all__ = [
    "FIGURE_DIRECTIONS",
    "FORMAT_VERSION",
    "Baseline",
    "BaselineChanges",
    "BaselineEntry",
    "BaselineError",
    "BaselineOutcome",
    "BaselineScope",
    "Better",
    "apply_baseline",
    "baseline_path",
    "baseline_scope",
    "compare_baselines",
    "dump_baseline",
    "load_baseline",
    "parse_baseline",
    "prune_baseline",
    "read_baseline",
    "record_baseline",
    "standards_name",
    "update_baseline",
    "write_baseline",
]

FORMAT_VERSION: Final = 1
#: Violations that are never recorded: a rule that failed makes the run exit 2
#: whatever the baseline says, and a figure's regression is judged afresh.
_NEVER_RECORDED: Final = frozenset({InternalErrorRule.code, FigureRegressionRule.code})
_FINGERPRINT: Final = re.compile(r"^[0-9a-f]{16}$")
_TOP_LEVEL_KEYS: Final = frozenset({"figures", "format", "standards", "tool_version", "violations"})
_ENTRY_KEYS: Final = frozenset({"count", "fingerprints", "path", "rule", "values"})


class Better(enum.Enum):
    """Which way a figure improves."""

    HIGHER = "higher"
    LOWER = "lower"


#: Which way each project figure improves: the one place that says so. A
#: figure not named here (one a plugin publishes) is recorded but not held
#: to its baseline; nor are the new-code figures, which measure one change.
FIGURE_DIRECTIONS: Final[Mapping[str, Better]] = types.MappingProxyType(
    {
        "docstring_coverage": Better.HIGHER,
        "total_coverage": Better.HIGHER,
        "line_coverage": Better.HIGHER,
        "branch_coverage": Better.HIGHER,
        "average_cyclomatic": Better.LOWER,
        "worst_cyclomatic": Better.LOWER,
        "average_maintainability": Better.HIGHER,
    }
)


class BaselineError(Exception):
    """The baseline file cannot be used: unreadable, corrupt, or of other standards."""


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """The recorded violations of one rule in one file."""

    path: str
    rule: str
    #: Sorted, without duplicates.
    fingerprints: tuple[str, ...]
    #: The measured figure of each fingerprint that has one.
    values: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Baseline:
    """Accepted violations and project figures, as a baseline file holds them."""

    #: The standards file it was written for, relative to the standards' root
    #: (``None`` for the built-in defaults, when there is no file).
    standards: str | None
    tool_version: str
    #: Sorted by path, then rule; one per path and rule.
    entries: tuple[BaselineEntry, ...] = ()
    figures: Mapping[str, float] = field(default_factory=dict)

    @property
    def violation_count(self) -> int:
        """How many violations it accepts."""
        return sum(len(entry.fingerprints) for entry in self.entries)

    def recorded_values(self) -> dict[str, float | None]:
        """Every recorded fingerprint, with its value (``None`` when it has none)."""
        return {
            fingerprint: entry.values.get(fingerprint)
            for entry in self.entries
            for fingerprint in entry.fingerprints
        }


@dataclass(frozen=True, slots=True)
class BaselineScope:
    """What a run looked at, so that what it did not look at is neither fixed nor dropped.

    A run over some of the files, or with some rules deselected, cannot tell
    whether the other recorded violations still occur.
    """

    #: Display path to root-relative path, for every checked file and the standards file.
    root_paths: Mapping[str, str]
    #: The root-relative paths of the files whose violations this run reports.
    checked_paths: frozenset[str]
    #: The rules that ran on at least one checked file.
    codes: frozenset[str]
    #: The standards file, relative to the root (``None`` without one).
    standards: str | None
    #: Where violations against the standards file are reported (its display path).
    standards_display: str
    #: The severity of SL009 here, or ``None`` when it is not selected.
    figure_severity: Severity | None = Severity.ERROR

    def covers(self, entry: BaselineEntry) -> bool:
        """Whether this run would have reported ``entry``'s violations."""
        in_files = entry.path in self.checked_paths or entry.path == self.standards
        return in_files and entry.rule in self.codes

    def root_path(self, violation: Violation) -> str:
        """The root-relative path of ``violation``'s file."""
        return self.root_paths.get(violation.path, violation.path)


@dataclass(frozen=True, slots=True)
class BaselineOutcome:
    """What the baseline stage lets through, and what it held back."""

    violations: tuple[Violation, ...]
    #: Violations hidden because the baseline accepts them.
    baselined: int
    #: Recorded violations, in the run's scope, that no longer occur.
    fixed: int
    #: The violations counted in ``baselined``, for formats that list them as suppressed.
    held: tuple[Violation, ...] = ()


def baseline_path(standards: Standards) -> Path:
    """Where the baseline of ``standards`` is: their ``baseline`` key, relative to their root."""
    return standards.root / standards.baseline


def standards_name(standards: Standards) -> str | None:
    """The standards file relative to the standards' root, as a baseline records it."""
    if standards.path is None:
        return None
    return StandardsResolver(standards).relative(standards.path)


def load_baseline(standards: Standards) -> Baseline | None:
    """The baseline of ``standards``, or ``None`` when its file does not exist.

    Raises :class:`BaselineError` for a baseline that cannot be used.
    """
    return read_baseline(baseline_path(standards), standards=standards_name(standards))


def baseline_scope(
    files: Mapping[str, Path],
    checked: Collection[str],
    resolver: StandardsResolver,
    standards_display: str,
) -> BaselineScope:
    """The scope of a run that analysed ``files`` (by display path) and reports on ``checked``."""
    standards = standards_name(resolver.standards)
    root_paths = {display: resolver.relative(path) for display, path in files.items()}
    if standards is not None:
        root_paths[standards_display] = standards
    top_level = resolver.top_level
    codes = set(top_level.codes)
    for display in checked:
        path = files.get(display)
        if path is not None:
            codes |= resolver.for_path(path).codes
    figures = FigureRegressionRule.code
    return BaselineScope(
        root_paths=root_paths,
        checked_paths=frozenset(root_paths.get(display, display) for display in checked),
        codes=frozenset(codes),
        standards=standards,
        standards_display=standards_display,
        figure_severity=(
            top_level.severity.get(figures, FigureRegressionRule.severity)
            if figures in top_level.codes
            else None
        ),
    )


def apply_baseline(
    violations: Sequence[Violation],
    metrics: Mapping[str, float],
    baseline: Baseline,
    scope: BaselineScope,
) -> BaselineOutcome:
    """Hide what ``baseline`` accepts; add SL009 for figures worse than it recorded.

    ``violations`` carry their final fingerprints (see
    :mod:`standards_lint.engine.fingerprints`); the result is sorted.
    """
    recorded = baseline.recorded_values()
    seen: set[str] = set()
    kept: list[Violation] = []
    held: list[Violation] = []
    for violation in violations:
        if violation.rule in _NEVER_RECORDED or violation.fingerprint not in recorded:
            kept.append(violation)
            continue
        seen.add(violation.fingerprint)
        accepted = recorded[violation.fingerprint]
        if accepted is not None and violation.value is not None and violation.value > accepted:
            message = f"{violation.message} (the baseline accepts {_figure(accepted)})"
            kept.append(dataclasses.replace(violation, message=message))
        else:
            held.append(violation)
    fixed = sum(
        1
        for entry in baseline.entries
        if scope.covers(entry)
        for fingerprint in entry.fingerprints
        if fingerprint not in seen
    )
    kept.extend(_figure_regressions(metrics, baseline.figures, scope))
    kept.sort(key=lambda violation: violation.sort_key)
    return BaselineOutcome(tuple(kept), len(held), fixed, tuple(held))


def _figure_regressions(
    metrics: Mapping[str, float], recorded: Mapping[str, float], scope: BaselineScope
) -> list[Violation]:
    if scope.figure_severity is None:
        return []
    regressions = []
    for name, accepted in sorted(recorded.items()):
        today = metrics.get(name)
        better = FIGURE_DIRECTIONS.get(name)
        if today is None or better is None or not math.isfinite(today):
            continue
        if not _is_worse(today, accepted, better):
            continue
        moved = "fell" if better is Better.HIGHER else "rose"
        shown_today, shown_accepted = _figures(today, accepted)
        message = (
            f"{name} {moved} to {shown_today} from the baseline's {shown_accepted}"
            f" ({better.value} is better); improve it again, or accept the new figure"
            " with `standards-lint baseline --update`"
        )
        violation = Violation(
            FigureRegressionRule.code,
            FigureRegressionRule.name,
            scope.figure_severity,
            scope.standards_display,
            Span(1, 1, 1, 1),
            message,
            fingerprint=_figure_fingerprint(scope.standards, name),
            value=today,
        )
        regressions.append(violation)
    return regressions


def _figure_fingerprint(standards: str | None, figure: str) -> str:
    return path_fingerprint(standards or ".", f"figure:{figure}")


def _is_worse(today: float, accepted: float, better: Better) -> bool:
    # Figures come back from JSON exactly as written, but an average computed
    # in another order may differ in its last bits; that is not a regression.
    tolerance = 1e-9 * max(1.0, abs(accepted))
    if better is Better.HIGHER:
        return today < accepted - tolerance
    return today > accepted + tolerance


def _figure(value: float, decimals: int = 2) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def _figures(today: float, accepted: float) -> tuple[str, str]:
    """Two figures as text, with enough decimals to show that they differ."""
    for decimals in (2, 4, 6):
        shown = _figure(today, decimals), _figure(accepted, decimals)
        if shown[0] != shown[1]:
            return shown
    return repr(today), repr(accepted)


# Recording, pruning and updating ------------------------------------------------


def record_baseline(
    violations: Iterable[Violation],
    metrics: Mapping[str, float],
    scope: BaselineScope,
    tool_version: str,
) -> Baseline:
    """The baseline that accepts exactly ``violations`` and today's ``metrics``."""
    grouped: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    for violation in violations:
        if violation.rule in _NEVER_RECORDED:
            continue
        grouped[(scope.root_path(violation), violation.rule)][violation.fingerprint] = (
            violation.value
        )
    entries = [_entry(path, rule, values) for (path, rule), values in grouped.items()]
    figures = {name: value for name, value in metrics.items() if math.isfinite(value)}
    return _baseline(scope.standards, tool_version, entries, figures)


def prune_baseline(old: Baseline, current: Baseline, scope: BaselineScope) -> Baseline:
    """``old`` less what no longer occurs, its values and figures moved to today's better ones.

    Pruning never accepts anything new: a fingerprint, a higher value or a
    worse figure only enters a baseline through :func:`update_baseline`.
    Entries outside ``scope`` are kept as they are.
    """
    today = current.recorded_values()
    entries = []
    for entry in old.entries:
        if not scope.covers(entry):
            entries.append(entry)
            continue
        values: dict[str, float | None] = {}
        for fingerprint in entry.fingerprints:
            if fingerprint not in today:
                continue
            accepted, measured = entry.values.get(fingerprint), today[fingerprint]
            values[fingerprint] = (
                accepted if accepted is None or measured is None else min(accepted, measured)
            )
        if values:
            entries.append(_entry(entry.path, entry.rule, values))
    figures = dict(old.figures)
    for name, accepted in old.figures.items():
        measured = current.figures.get(name)
        better = FIGURE_DIRECTIONS.get(name)
        if measured is not None and better is not None and _is_worse(accepted, measured, better):
            figures[name] = measured
    return _baseline(scope.standards, current.tool_version, entries, figures)


def update_baseline(old: Baseline | None, current: Baseline, scope: BaselineScope) -> Baseline:
    """``current``, plus what ``old`` holds outside ``scope`` (files or rules not checked).

    Figures not measured today keep their recorded value.
    """
    if old is None:
        return current
    entries = [*current.entries, *(entry for entry in old.entries if not scope.covers(entry))]
    figures = {**old.figures, **current.figures}
    return _baseline(scope.standards, current.tool_version, entries, figures)


@dataclass(frozen=True, slots=True)
class BaselineChanges:
    """How a pruned baseline differs from the one it was pruned from."""

    #: Recorded violations that no longer occur, now removed.
    removed: int
    #: Recorded values lowered to today's better figure.
    lowered: int
    #: Project figures moved to today's better figure.
    improved: int

    @property
    def any(self) -> bool:
        """Whether anything changed."""
        return bool(self.removed or self.lowered or self.improved)


def compare_baselines(old: Baseline, new: Baseline) -> BaselineChanges:
    """What pruning ``old`` into ``new`` changed."""
    before, after = old.recorded_values(), new.recorded_values()
    lowered = 0
    for fingerprint, value in after.items():
        accepted = before.get(fingerprint)
        if value is not None and accepted is not None and value < accepted:
            lowered += 1
    improved = sum(
        1 for name, value in new.figures.items() if old.figures.get(name, value) != value
    )
    return BaselineChanges(len(set(before) - set(after)), lowered, improved)


def _entry(path: str, rule: str, values: Mapping[str, float | None]) -> BaselineEntry:
    return BaselineEntry(
        path=path,
        rule=rule,
        fingerprints=tuple(sorted(values)),
        values={
            fingerprint: value for fingerprint, value in sorted(values.items()) if value is not None
        },
    )


def _baseline(
    standards: str | None,
    tool_version: str,
    entries: Iterable[BaselineEntry],
    figures: Mapping[str, float],
) -> Baseline:
    merged: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    for entry in entries:
        values = merged[(entry.path, entry.rule)]
        for fingerprint in entry.fingerprints:
            values[fingerprint] = entry.values.get(fingerprint)
    return Baseline(
        standards=standards,
        tool_version=tool_version,
        entries=tuple(_entry(path, rule, merged[(path, rule)]) for path, rule in sorted(merged)),
        figures=dict(sorted(figures.items())),
    )


# The file -----------------------------------------------------------------------


def dump_baseline(baseline: Baseline) -> str:
    """The text of a baseline file: stable, sorted, one fingerprint a line."""
    document = {
        "figures": {name: _number(value) for name, value in baseline.figures.items()},
        "format": FORMAT_VERSION,
        "standards": baseline.standards,
        "tool_version": baseline.tool_version,
        "violations": [
            _entry_json(entry)
            for entry in sorted(baseline.entries, key=lambda entry: (entry.path, entry.rule))
        ],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _entry_json(entry: BaselineEntry) -> dict[str, Any]:
    document: dict[str, Any] = {
        "count": len(entry.fingerprints),
        "fingerprints": sorted(entry.fingerprints),
        "path": entry.path,
        "rule": entry.rule,
    }
    if entry.values:
        document["values"] = {key: _number(value) for key, value in entry.values.items()}
    return document


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def write_baseline(path: Path, baseline: Baseline) -> None:
    """Write ``baseline`` to ``path`` atomically (a temporary file renamed into place).

    Raises :class:`BaselineError` when it cannot be written.
    """
    text = dump_baseline(baseline)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise BaselineError(f"cannot write the baseline {path}: {error.strerror}") from None


def read_baseline(path: Path, *, standards: str | None) -> Baseline | None:
    """The baseline at ``path``, or ``None`` when there is no such file.

    ``standards`` is the standards file of this run, relative to its root;
    a baseline written for another one raises :class:`BaselineError`, as
    does a file that cannot be read, is corrupt, or is of another format.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        detail = error.strerror if isinstance(error, OSError) else str(error)
        raise BaselineError(f"cannot read the baseline {path}: {detail}") from None
    return parse_baseline(text, str(path), standards=standards)


def parse_baseline(text: str, where: str, *, standards: str | None) -> Baseline:
    """Read a baseline file's text (``where`` names it in messages); see :func:`read_baseline`."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise _corrupt(where, f"not valid JSON: {error.msg} at line {error.lineno}") from None
    if not isinstance(document, dict):
        raise _corrupt(where, "expected a JSON object")
    version = document.get("format")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise BaselineError(
            f"{where}: the baseline is in format {version!r}, but this standards-lint reads"
            f" format {FORMAT_VERSION}; delete it and run `standards-lint baseline` to record"
            " a new one"
        )
    _check_keys(document, _TOP_LEVEL_KEYS, where, "the baseline")
    recorded_for = document["standards"]
    if recorded_for is not None and not isinstance(recorded_for, str):
        raise _corrupt(where, "standards: expected a string or null")
    if recorded_for != standards:
        raise BaselineError(
            f"{where}: the baseline was written for the standards"
            f" {_standards_name(recorded_for)}, but this run uses {_standards_name(standards)};"
            " use the baseline of these standards (the `baseline` key of the standards file),"
            " or record one with `standards-lint baseline`"
        )
    tool_version = document["tool_version"]
    if not isinstance(tool_version, str):
        raise _corrupt(where, "tool_version: expected a string")
    entries = document["violations"]
    if not isinstance(entries, list):
        raise _corrupt(where, "violations: expected a list")
    parsed = [
        _parse_entry(item, f"violations[{index}]", where) for index, item in enumerate(entries)
    ]
    keys = [(entry.path, entry.rule) for entry in parsed]
    if len(set(keys)) != len(keys):
        raise _corrupt(where, "violations: a path and rule appear in more than one entry")
    return Baseline(
        standards=recorded_for,
        tool_version=tool_version,
        entries=tuple(sorted(parsed, key=lambda entry: (entry.path, entry.rule))),
        figures=_numbers(document["figures"], "figures", where),
    )


def _parse_entry(item: object, label: str, where: str) -> BaselineEntry:
    if not isinstance(item, dict):
        raise _corrupt(where, f"{label}: expected an object")
    _check_keys(item, _ENTRY_KEYS, where, label, optional=frozenset({"values"}))
    path, rule, count = item["path"], item["rule"], item["count"]
    if not isinstance(path, str) or not path:
        raise _corrupt(where, f"{label}.path: expected a non-empty string")
    if not isinstance(rule, str) or not rule:
        raise _corrupt(where, f"{label}.rule: expected a non-empty string")
    fingerprints = item["fingerprints"]
    if not isinstance(fingerprints, list) or not all(
        isinstance(fingerprint, str) and _FINGERPRINT.match(fingerprint)
        for fingerprint in fingerprints
    ):
        raise _corrupt(where, f"{label}.fingerprints: expected a list of 16 hexadecimal digits")
    if len(set(fingerprints)) != len(fingerprints):
        raise _corrupt(where, f"{label}.fingerprints: a fingerprint appears twice")
    if isinstance(count, bool) or count != len(fingerprints):
        raise _corrupt(where, f"{label}.count: {count!r} is not the number of its fingerprints")
    values = _numbers(item.get("values", {}), f"{label}.values", where)
    stray = sorted(set(values) - set(fingerprints))
    if stray:
        raise _corrupt(where, f"{label}.values: {stray[0]} is not one of its fingerprints")
    return BaselineEntry(path, rule, tuple(sorted(fingerprints)), values)


def _numbers(table: object, label: str, where: str) -> dict[str, float]:
    if not isinstance(table, dict):
        raise _corrupt(where, f"{label}: expected an object")
    numbers = {}
    for key, value in table.items():
        number_like = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number_like or not math.isfinite(value):
            raise _corrupt(where, f"{label}.{key}: expected a number")
        numbers[key] = value
    return dict(sorted(numbers.items()))


def _check_keys(
    table: Mapping[str, object],
    expected: frozenset[str],
    where: str,
    label: str,
    *,
    optional: frozenset[str] = frozenset(),
) -> None:
    missing = sorted(expected - optional - set(table))
    unknown = sorted(set(table) - expected)
    if missing:
        raise _corrupt(where, f"{label} has no {missing[0]!r}")
    if unknown:
        raise _corrupt(where, f"{label} has an unknown key {unknown[0]!r}")


def _corrupt(where: str, detail: str) -> BaselineError:
    return BaselineError(
        f"{where}: the baseline is corrupt ({detail}); restore it from version control,"
        " or delete it and run `standards-lint baseline` to record a new one"
    )


def _standards_name(name: str | None) -> str:
    return repr(name) if name is not None else "defaults (no standards file)"

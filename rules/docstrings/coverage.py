"""DOC201: docstring coverage, of the whole project and of parts of it, against thresholds.

Each file yields how many of its counted items are documented (a cached fact,
counted under the file's own effective options); the project rule adds them up.
The figure is interrogate's: documented items over counted items, in percent,
100% when nothing counts. A file whose ``[[overrides]]`` ignore DOC201 yields no
fact, so it is left out of the figure (the way to keep tests or generated code
out of it). Files that do not parse count for nothing.

When the run is gated on a diff, the same items are counted again over the
changed code alone: an item counts there when one of its lines (decorators to
last line; for a module, any line of the file) changed.
"""

from __future__ import annotations

import ast
import bisect
import decimal
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pathspec

from standards_lint.rule import Invalid, ProjectFacts, ProjectRule, Valid
from standards_lint.rules.docstrings.file_items import file_items, parsed_tree
from standards_lint.rules.docstrings.items import DocItem, docstring_coverage
from standards_lint.rules.docstrings.options import (
    COUNTING_OPTIONS,
    DocstringOptions,
    PathThreshold,
)
from standards_lint.source import SourceFile
from standards_lint.syntax import walk_statements

COVERAGE_FACT = "docstrings.coverage"
COVERAGE_METRIC = "docstring_coverage"
NEW_CODE_COVERAGE_METRIC = "new_code_docstring_coverage"


@dataclass(frozen=True, slots=True)
class Tally:
    """How many counted items there are, and how many of them are documented."""

    documented: int = 0
    counted: int = 0

    def __add__(self, other: Tally) -> Tally:
        """Both tallies together."""
        return Tally(self.documented + other.documented, self.counted + other.counted)

    @property
    def percent(self) -> float:
        """Documented items in percent of counted ones; 100 when nothing counts."""
        return 100.0 if self.counted == 0 else self.documented / self.counted * 100


@dataclass(frozen=True, slots=True)
class CountedItem:
    """A counted item's lines (from its first decorator to its last line) and its verdict."""

    first_line: int
    last_line: int
    documented: bool


@dataclass(frozen=True, slots=True)
class FileCoverage:
    """A file's tally, and each counted item behind it, in source order."""

    tally: Tally
    items: tuple[CountedItem, ...] = ()

    def changed_tally(self, changed_lines: frozenset[int]) -> Tally:
        """The tally of the items with a line in ``changed_lines``."""
        lines = sorted(changed_lines)
        touched = [
            item for item in self.items if _has_line_in(lines, item.first_line, item.last_line)
        ]
        return Tally(sum(item.documented for item in touched), len(touched))


def collect_coverage(source: SourceFile, options: DocstringOptions) -> FileCoverage:
    """The file's counted items under its effective options (none for a stub or unparsable file).

    The tally counts exactly what interrogate counts; the items' lines let the
    new code be counted on its own.
    """
    every_item = file_items(source, options)
    tally = Tally(*docstring_coverage(every_item))
    counted = [item for item in every_item if item.counted]
    if not counted:
        return FileCoverage(tally)
    spans = _definition_spans(parsed_tree(source))
    file_span = (1, max(1, len(source.lines)))
    items = tuple(
        CountedItem(*_item_span(item, spans, file_span), documented=item.documented)
        for item in counted
    )
    return FileCoverage(tally, items)


def _has_line_in(sorted_lines: list[int], first: int, last: int) -> bool:
    """Whether some line of ``sorted_lines`` lies in ``first..last``."""
    position = bisect.bisect_left(sorted_lines, first)
    return position < len(sorted_lines) and sorted_lines[position] <= last


def _definition_spans(tree: ast.Module | None) -> dict[int, tuple[int, int]]:
    """The first and last line of every class and function, by its keyword's line."""
    spans: dict[int, tuple[int, int]] = {}
    for node in walk_statements(tree) if tree is not None else ():
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
            spans[node.lineno] = (first, node.end_lineno or node.lineno)
    return spans


def _item_span(
    item: DocItem, spans: Mapping[int, tuple[int, int]], file_span: tuple[int, int]
) -> tuple[int, int]:
    """The lines an item covers: its definition's, or the whole file's for a module."""
    if item.kind in ("module", "package"):
        return file_span
    return spans.get(item.line, (item.line, item.line))


def falls_short(percent: float, threshold: float) -> bool:
    """Whether ``percent`` misses ``threshold``, rounded as interrogate rounds it.

    Interrogate rounds the figure to as many decimals as the threshold is written
    with (``80.0``: one), so 79.96% meets 80.0.
    """
    return threshold > round(percent, _decimals(threshold))


def shortfall_message(what: str, tally: Tally, threshold: float, *, key: str = "fail-under") -> str:
    """Name the figure, the items behind it and the threshold (option ``key``) it misses.

    ``what`` follows "docstring coverage": empty for the whole project.
    """
    shown = f"{tally.percent:.{max(1, _decimals(threshold))}f}"
    return (
        f"docstring coverage{what} is {shown}% ({tally.documented} of {tally.counted}"
        f" counted items documented), below {key} {threshold:g}%"
    )


def _decimals(threshold: float) -> int:
    """How many decimals ``threshold`` is written with (``80.0``: one, ``66.67``: two)."""
    exponent = decimal.Decimal(str(threshold)).as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


class DocstringCoverage(ProjectRule[DocstringOptions]):
    """Publishes docstring coverage and reports each threshold it misses."""

    code = "DOC201"
    name = "docstring-coverage"
    area = "docstrings"
    facts = (COVERAGE_FACT,)
    reports_on_files = False
    summary = "Docstring coverage is below fail-under, overall or for a [[docstrings.paths]] glob."
    rationale = (
        "A coverage threshold holds the line on documentation without asking anyone to"
        " document everything at once: raise it as the figure grows. The figure equals"
        " interrogate's under the same options (it is counted the same way, options named"
        " the same), so a team can move its settings across; it is published as the"
        " docstring_coverage metric. Per-path thresholds hold public APIs to a higher"
        " standard than scripts. To leave files out of the figure, ignore DOC201 for them"
        " in [[overrides]]; to choose which items count, use the ignore-* options. On a"
        " pull request (check --diff-from), new-code-fail-under holds the changed"
        " classes and functions to their own threshold, so legacy files need not be"
        " documented before new code is held to the standard."
    )
    options_used = ("fail-under", "paths", "new-code-fail-under", *COUNTING_OPTIONS)
    valid = (
        Valid('"""Prices."""\n\n\ndef price():\n    """Price."""\n', options={"fail-under": 100}),
        Valid('"""Prices."""\n\n\ndef price():\n    pass\n', options={"fail-under": 50}),
        Valid('"""Prices."""\n\n\ndef price():\n    pass\n'),
        Valid(
            '"""Prices."""\n\n\ndef a():\n    """A."""\n\n\ndef b():\n    pass\n',
            options={"fail-under": 66.67},
        ),
        Valid(
            '"""Prices."""\n\n\ndef _price():\n    pass\n',
            options={"fail-under": 100, "ignore-semiprivate": True},
        ),
        Valid(
            '"""Prices."""\n\n\ndef price():\n    pass\n',
            path="scripts/run.py",
            options={"paths": [{"glob": "api/", "fail-under": 100}]},
        ),
    )
    invalid = (
        Invalid(
            '"""Prices."""\n\n\ndef price():\n    pass\n',
            options={"fail-under": 80},
            line=1,
            message="docstring coverage is 50.0% (1 of 2 counted items documented),"
            " below fail-under 80%",
        ),
        Invalid(
            '"""Prices."""\n\n\ndef price():\n    pass\n',
            path="api/prices.py",
            options={"paths": [{"glob": "api/", "fail-under": 90}]},
            line=1,
            message="docstring coverage of files matching 'api/' is 50.0%",
        ),
        Invalid(
            '"""Prices."""\n\n\ndef a():\n    """A."""\n\n\ndef b():\n    pass\n',
            options={"fail-under": 66.68},
            message="is 66.67% (2 of 3 counted items documented), below fail-under 66.68%",
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Add up the files' tallies, publish the figure and check every threshold."""
        coverage = {
            path: value
            for path, value in project.values(COVERAGE_FACT)
            if isinstance(value, FileCoverage)
        }
        if not coverage:
            return
        tallies = {
            project.root_paths.get(path, path): value.tally for path, value in coverage.items()
        }
        overall = _total(tallies.values())
        self.publish(COVERAGE_METRIC, overall.percent)
        fail_under = self.options.fail_under
        if fail_under is not None and falls_short(overall.percent, fail_under):
            self.report(shortfall_message("", overall, fail_under))
        for threshold in self.options.paths:
            self._check_path_threshold(threshold, tallies)
        if project.changed_lines is not None:
            self._check_new_code(coverage, project.changed_lines)

    def _check_new_code(
        self, coverage: Mapping[str, FileCoverage], changed_lines: Mapping[str, frozenset[int]]
    ) -> None:
        """Publish the coverage of the changed items and hold it to new-code-fail-under."""
        tally = _total(
            value.changed_tally(changed_lines[path])
            for path, value in coverage.items()
            if path in changed_lines
        )
        self.publish(NEW_CODE_COVERAGE_METRIC, tally.percent)
        threshold = self.options.new_code_fail_under
        if threshold is not None and falls_short(tally.percent, threshold):
            what = " of the changed code"
            self.report(shortfall_message(what, tally, threshold, key="new-code-fail-under"))

    def _check_path_threshold(self, threshold: PathThreshold, tallies: dict[str, Tally]) -> None:
        """Report a glob's files whose coverage, taken together, misses its threshold."""
        spec = pathspec.GitIgnoreSpec.from_lines([threshold.glob])
        matching = [tally for path, tally in tallies.items() if spec.match_file(path)]
        if not matching:
            return
        tally = _total(matching)
        if falls_short(tally.percent, threshold.fail_under):
            what = f" of files matching {threshold.glob!r}"
            self.report(shortfall_message(what, tally, threshold.fail_under))


def _total(tallies: Iterable[Tally]) -> Tally:
    """Add tallies up."""
    return sum(tallies, Tally())

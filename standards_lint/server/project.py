"""The standards of one project, and the context its open documents are checked in.

Per-file rules need only the document's unsaved text. Project rules (layer
contracts, coverage, averages) need every file's facts: they come from the
last full analysis of the project, which uses the same cache as ``check``
(so a warm cache from the command line is reused), with the open documents'
unsaved text in place of what is on disk. The document is then judged as
``check`` judges it: the gate, fingerprints, the baseline.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from standards_lint.api import check_source, judge_results
from standards_lint.config import Standards, StandardsReading, StandardsResolver, read_standards
from standards_lint.config.discovery import find_standards_file
from standards_lint.config.problems import Problem, parse_problem
from standards_lint.engine.cache import ResultCache
from standards_lint.engine.discover import FileFilter, PathProblemError, find_files
from standards_lint.engine.run import analyze_contents, analyze_files, display_path
from standards_lint.gate.baseline import (
    Baseline,
    BaselineError,
    load_baseline,
)
from standards_lint.model import FileResult, Report, Violation


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """What checking one document found: its violations, for the text that was checked."""

    path: Path
    text: str
    violations: tuple[Violation, ...]


def standards_start(document: Path) -> Path:
    """Where to read the standards of ``document`` from, as ``check`` run at their root would."""
    found = find_standards_file(document.parent)
    return found.parent if found is not None else document.parent


class ProjectContext:
    """One project's standards, the facts of its files, and the checks of its documents.

    Methods may be called from several threads: the facts of the last full
    analysis are replaced whole, never changed in place.
    """

    def __init__(self, reading: StandardsReading) -> None:
        self.reading = reading
        self.standards: Standards = reading.standards
        self.root = self.standards.root
        self._facts: Mapping[Path, FileResult] = {}
        self._fresh: dict[Path, tuple[str, FileResult]] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, start: Path) -> ProjectContext:
        """Read the standards found from ``start``, as ``check`` run there would."""
        return cls(read_standards(start=start))

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What is wrong with the standards file; while anything is, no code is checked."""
        if self.reading.located:
            return self.reading.located
        files = [path for path, _ in self.reading.files]
        return tuple(parse_problem(text, files) for text in self.reading.problems)

    @property
    def has_project_rules(self) -> bool:
        """Whether any project rule runs, so that other files' facts matter."""
        codes = StandardsResolver(self.standards).top_level.codes
        return bool(self.standards.registry.project_rules(codes))

    def checks(self, path: Path) -> bool:
        """Whether ``check`` over the project checks ``path`` (include, exclude, .gitignore)."""
        try:
            path.relative_to(self.root)
        except ValueError:
            return False
        return FileFilter(self.standards).checks_file(path)

    def refresh_facts(self) -> int:
        """Analyse the whole project (through the cache) for project rules; the file count.

        Does nothing without project rules.
        """
        if not self.has_project_rules:
            return 0
        try:
            files = find_files([self.root], self.standards).files
        except PathProblemError:
            return 0
        cache = ResultCache(self.root / self.standards.cache_dir)
        results = analyze_files(files, self.standards, cache=cache, cwd=self.root)
        self._facts = dict(zip(files, results, strict=True))
        # The facts live until the next refresh: out of the collector's sight,
        # they no longer make every collection during a check walk them all.
        gc.freeze()
        return len(files)

    def baseline(self) -> Baseline | None:
        """The standards' baseline; ``None`` without one or when it cannot be used."""
        try:
            return load_baseline(self.standards)
        except BaselineError:
            return None

    def check_document(
        self, path: Path, text: str, open_documents: Mapping[Path, str]
    ) -> DocumentCheck:
        """Check ``text`` as the content of ``path``; other open documents count as unsaved."""
        baseline = self.baseline()
        if not self.has_project_rules:
            report = check_source(text, path, self.standards, baseline=baseline)
        else:
            report = self._check_with_project(path, text, open_documents, baseline)
        shown = display_path(path, self.root)
        own = tuple(violation for violation in report.violations if violation.path == shown)
        return DocumentCheck(path, text, own)

    def _analysed(self, path: Path, text: str) -> FileResult:
        """The analysis of one open document, kept while its text stays the same."""
        with self._lock:
            known = self._fresh.get(path)
        if known is not None and known[0] == text:
            return known[1]
        shown = display_path(path, self.root)
        # Whole-project figures (averages, totals) are left to `check`: their
        # facts, the costliest to collect, are not worked out on each keystroke.
        (result,) = analyze_contents(
            [(path, shown, text.encode("utf-8"))], self.standards, project_figures=False
        )
        with self._lock:
            self._fresh[path] = (text, result)
        return result

    def forget(self, path: Path) -> None:
        """Drop what was kept of a closed document."""
        with self._lock:
            self._fresh.pop(path, None)

    def _check_with_project(
        self,
        path: Path,
        text: str,
        open_documents: Mapping[Path, str],
        baseline: Baseline | None,
    ) -> Report:
        """The judging of ``check`` for one file, with project rules over the known facts."""
        every = dict(self._facts)
        for other, other_text in open_documents.items():
            if other != path and other in every:
                every[other] = self._analysed(other, other_text)
        mine = self._analysed(path, text)
        every[path] = mine
        return judge_results(
            sorted(every.items()), self.standards, judged={mine.path}, baseline=baseline
        )

"""The one entry point: check paths against standards and get a report.

The CLI, the pre-commit hook, the test suite and other programs all call
:func:`check`; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from standards_lint.config import Standards, StandardsResolver
from standards_lint.engine.cache import ResultCache
from standards_lint.engine.discover import discover_files
from standards_lint.engine.project import run_project_rules
from standards_lint.engine.run import Progress, analyze_files, display_path
from standards_lint.gate import apply_gate
from standards_lint.model import Report
from standards_lint.tool_rules import InternalErrorRule


def check(
    paths: Sequence[Path],
    standards: Standards,
    *,
    jobs: int = 1,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    cwd: Path | None = None,
) -> Report:
    """Check the files under ``paths`` against ``standards``.

    Raises :class:`~standards_lint.engine.discover.MissingPathError` for a
    path that does not exist. ``cache_dir`` defaults to the standards'
    ``cache-dir``, relative to their root.
    """
    here = (cwd or Path.cwd()).resolve()
    files = discover_files(paths, standards)
    cache = None
    if use_cache:
        cache = ResultCache(cache_dir or standards.root / standards.cache_dir)
    results = analyze_files(files, standards, jobs=jobs, cache=cache, progress=progress, cwd=here)
    pairs = list(zip(files, results, strict=True))
    resolver = StandardsResolver(standards)
    standards_display = display_path(standards.path, here) if standards.path else "."
    project = run_project_rules(pairs, resolver, standards_display)
    violations = apply_gate(pairs, project.violations, resolver)
    internal_errors = sum(1 for violation in violations if violation.rule == InternalErrorRule.code)
    return Report(
        files_checked=len(files),
        violations=tuple(violations),
        metrics=dict(sorted(project.metrics.items())),
        internal_errors=internal_errors,
    )

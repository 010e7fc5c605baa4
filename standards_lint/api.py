"""The one entry point: check paths against standards and get a report.

The CLI, the pre-commit hook, the test suite and other programs all call
:func:`check`; editors and fixes check text in memory with :func:`check_source`.
Both share one pipeline after the analysis of each file's bytes: project
rules, the gate, fingerprints. Nothing here prints.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from standards_lint.config import Standards, StandardsResolver
from standards_lint.engine.cache import ResultCache
from standards_lint.engine.discover import FileFilter, find_files
from standards_lint.engine.fingerprints import complete_fingerprints
from standards_lint.engine.project import run_project_rules
from standards_lint.engine.run import Progress, analyze_contents, analyze_files, display_path
from standards_lint.engine_rules import InternalErrorRule
from standards_lint.gate import run_gate
from standards_lint.gate.baseline import (
    Baseline,
    BaselineScope,
    apply_baseline,
    baseline_scope,
    record_baseline,
)
from standards_lint.model import (
    Definition,
    FileResult,
    HeldBy,
    Report,
    Skipped,
    SuppressedViolation,
    Violation,
)
from standards_lint.version import tool_version

if TYPE_CHECKING:
    from standards_lint.gate.diff import RepositoryChanges


def check(  # standards-lint: ignore[STY016] keyword-only options of the one entry point
    paths: Sequence[Path],
    standards: Standards,
    *,
    jobs: int = 1,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    cwd: Path | None = None,
    changes: RepositoryChanges | None = None,
    baseline: Baseline | None = None,
) -> Report:
    """Check the files under ``paths`` against ``standards``.

    Raises :class:`~standards_lint.engine.discover.MissingPathError` for a
    path that does not exist. ``cache_dir`` defaults to the standards'
    ``cache-dir``, relative to their root. With ``changes`` (see
    :mod:`standards_lint.gate.diff`), only violations on the changed code are
    reported, and project rules judge the new code's figures too. With
    ``baseline`` (see :mod:`standards_lint.gate.baseline`), the violations it
    accepts are held back, and figures worse than it recorded are SL009.
    """
    here = (cwd or Path.cwd()).resolve()
    selection = find_files(paths, standards)
    resolver = StandardsResolver(standards)
    files = _files_to_analyse(paths, selection.files, standards, resolver)
    cache = None
    if use_cache:
        cache = ResultCache(cache_dir or standards.root / standards.cache_dir)
    results = analyze_files(
        files,
        standards,
        jobs=jobs,
        cache=cache,
        progress=progress,
        cwd=here,
        # Only gating on a diff places violations in their definitions.
        definitions=changes is not None,
    )
    analysed = _Analysed(
        every_file=list(zip(files, results, strict=True)),
        selected={display_path(path, here) for path in selection.files},
        standards_display=display_path(standards.path, here) if standards.path else ".",
        skipped=tuple(
            Skipped(display_path(skipped.path.absolute(), here), skipped.reason)
            for skipped in selection.skipped
        ),
    )
    return _judge(analysed, resolver, changes=changes, baseline=baseline)


def check_source(
    source: str | bytes,
    path: str | Path,
    standards: Standards,
    *,
    files: Mapping[str, str | bytes] | None = None,
    changes: RepositoryChanges | None = None,
    baseline: Baseline | None = None,
) -> Report:
    """Check one file given as text or bytes, as :func:`check` checks a file on disk.

    ``path`` places the file in the project (relative to the standards'
    root, or absolute below it): overrides match it and it is shown relative
    to the root. ``files`` are the other files of the project, by path in the
    same way; project rules see them with ``path``, as a run over the whole
    project would, but only ``path`` is judged. ``changes`` and ``baseline``
    gate the report as they gate :func:`check`'s. See :func:`check_sources`.
    """
    return check_sources(
        {**(files or {}), str(path): source},
        standards,
        judged=[str(path)],
        changes=changes,
        baseline=baseline,
    )


def check_sources(
    sources: Mapping[str, str | bytes],
    standards: Standards,
    *,
    judged: Collection[str] | None = None,
    changes: RepositoryChanges | None = None,
    baseline: Baseline | None = None,
) -> Report:
    """Check files given in memory (path to text or bytes): the project as it would be on disk.

    Paths are relative to the standards' root (or absolute below it). The
    files of ``judged`` (all of them by default) are reported on; the others
    are analysed only when project rules need the whole project, and only if
    the standards' ``include`` and ``exclude`` patterns take them. Nothing is
    read or written, but for the external inputs that some project rules
    read from the root (a coverage report, say); no cache is used.
    """
    resolver = StandardsResolver(standards)
    placed = {_place(path, standards.root): content for path, content in sources.items()}
    chosen = set(placed) if judged is None else {_place(path, standards.root) for path in judged}
    contents = {path: placed[path] for path in chosen if path in placed}
    if standards.registry.project_rules(resolver.top_level.codes):
        file_filter = FileFilter(standards)
        for path, content in placed.items():
            relative = resolver.relative(path)
            # .gitignore files live on disk, so only the patterns decide here.
            if file_filter.include.match_file(relative) and not file_filter.exclude.match_file(
                relative
            ):
                contents[path] = content
    ordered = sorted(contents)
    shown = {path: display_path(path, standards.root) for path in ordered}
    results = analyze_contents(
        [(path, shown[path], _as_bytes(contents[path])) for path in ordered], standards
    )
    analysed = _Analysed(
        every_file=list(zip(ordered, results, strict=True)),
        selected={shown[path] for path in chosen if path in contents},
        standards_display=display_path(standards.path, standards.root) if standards.path else ".",
    )
    return _judge(analysed, resolver, changes=changes, baseline=baseline)


def judge_results(
    results: Sequence[tuple[Path, FileResult]],
    standards: Standards,
    *,
    judged: Collection[str],
    changes: RepositoryChanges | None = None,
    baseline: Baseline | None = None,
) -> Report:
    """Judge files already analysed as :func:`check` judges them, and report on ``judged``.

    ``results`` pairs each file of the project (its absolute path) with what
    its analysis found, however that was obtained (the cache, an editor's
    unsaved text); project rules see them all. ``judged`` are the display
    paths (``FileResult.path``) whose findings are reported. This is the
    second half of :func:`check`: project rules, the gate, fingerprints, the
    baseline and new code.
    """
    root = standards.root
    analysed = _Analysed(
        every_file=list(results),
        selected=set(judged),
        standards_display=display_path(standards.path, root) if standards.path else ".",
    )
    return _judge(analysed, StandardsResolver(standards), changes=changes, baseline=baseline)


def _as_bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _place(path: str | Path, root: Path) -> Path:
    """``path`` as an absolute path: relative ones are below ``root``."""
    given = Path(path)
    return given if given.is_absolute() else root / given


@dataclass(frozen=True, slots=True)
class _Analysed:
    """What the analysis of a run gives the judging stages."""

    #: Every analysed file (the selected ones, and the project's for project rules).
    every_file: list[tuple[Path, FileResult]]
    #: The display paths of the files whose findings are reported.
    selected: set[str]
    standards_display: str
    skipped: tuple[Skipped, ...] = ()


def _judge(
    analysed: _Analysed,
    resolver: StandardsResolver,
    *,
    changes: RepositoryChanges | None = None,
    baseline: Baseline | None = None,
) -> Report:
    """Project rules, the gate, fingerprints, baseline and new code: analysed files to a report."""
    every_file, selected = analysed.every_file, analysed.selected
    standards_display = analysed.standards_display
    changed_lines = None
    if changes is not None:
        # Only a run gated on a diff uses the new-code gate.
        from standards_lint.gate.new_code import (  # noqa: PLC0415
            changed_lines_by_display,
            keep_new_code,
        )

        changed_lines = changed_lines_by_display(every_file, changes)
    project = run_project_rules(every_file, resolver, standards_display, changed_lines)
    # Project rules saw the whole project; what they found is reported when it
    # concerns a selected file, or the project as a whole.
    project_violations = [
        violation
        for index, violation in enumerate(project.violations)
        if violation.path == standards_display or selected.intersection(project.concerns(index))
    ]
    pairs = _results_to_gate(every_file, selected, project_violations)
    gated = run_gate(pairs, project_violations, resolver, judged=selected)
    violations = gated.violations
    scope = baseline_scope(
        {result.path: path for path, result in every_file}, selected, resolver, standards_display
    )
    violations = complete_fingerprints(violations, scope.root_paths)
    suppressed = _with_fingerprints(gated.suppressed, scope.root_paths)
    baselined, fixed_in_baseline = None, 0
    if baseline is not None:
        held = apply_baseline(violations, project.metrics, baseline, scope)
        violations, baselined, fixed_in_baseline = list(held.violations), held.baselined, held.fixed
        suppressed += [SuppressedViolation(violation, HeldBy.BASELINE) for violation in held.held]
    new_code_hidden = None
    if changed_lines is not None:
        definitions = {result.path: result.definitions for _, result in every_file}
        new_code = keep_new_code(violations, definitions, changed_lines, standards_display)
        violations, new_code_hidden = list(new_code.violations), new_code.hidden
        suppressed = _on_new_code(suppressed, definitions, changed_lines, standards_display)
    rules = resolver.standards.registry.rules
    internal_errors = sum(
        1
        for violation in violations
        if violation.rule == InternalErrorRule.code
        or getattr(rules.get(violation.rule), "fails_the_run", False)
    )
    return Report(
        files_checked=len(selected),
        standards_path=standards_display if resolver.standards.path else None,
        skipped=analysed.skipped,
        violations=tuple(violations),
        metrics=dict(sorted(project.metrics.items())),
        internal_errors=internal_errors,
        new_code_hidden=new_code_hidden,
        baselined=baselined,
        fixed_in_baseline=fixed_in_baseline,
        suppressed=tuple(sorted(suppressed, key=lambda held: held.violation.sort_key)),
        checked_paths=tuple(sorted(selected)),
    )


def _with_fingerprints(
    suppressed: Sequence[SuppressedViolation], root_paths: Mapping[str, str]
) -> list[SuppressedViolation]:
    """``suppressed`` with the fingerprints reported violations get, for SARIF to track them."""
    completed = complete_fingerprints([held.violation for held in suppressed], root_paths)
    return [
        dataclasses.replace(held, violation=violation)
        for held, violation in zip(suppressed, completed, strict=True)
    ]


def _on_new_code(
    suppressed: Sequence[SuppressedViolation],
    definitions: Mapping[str, Sequence[Definition]],
    changed_lines: Mapping[str, frozenset[int]],
    standards_display: str,
) -> list[SuppressedViolation]:
    """The suppressed violations on changed code: a diff-gated run shows no others."""
    from standards_lint.gate.new_code import keep_new_code  # noqa: PLC0415 - see _judge

    by_identity = {id(held.violation): held for held in suppressed}
    kept = keep_new_code(
        [held.violation for held in suppressed], definitions, changed_lines, standards_display
    )
    return [by_identity[id(violation)] for violation in kept.violations]


def _files_to_analyse(
    given: Sequence[Path],
    selected: Sequence[Path],
    standards: Standards,
    resolver: StandardsResolver,
) -> list[Path]:
    """The selected files, and the whole project's when project rules need them.

    Project rules (import contracts, coverage figures, averages) always judge
    the whole project, so that checking the staged files in a hook and the
    whole tree in CI give one verdict; the other files' facts come from the
    cache when it is warm.
    """
    if not standards.registry.project_rules(resolver.top_level.codes):
        return list(selected)
    if any(path.resolve() == standards.root for path in given):
        return list(selected)  # the root was walked: the selection is the whole project
    project = find_files([standards.root], standards).files
    return sorted({*selected, *project})


def _results_to_gate(
    every_file: Sequence[tuple[Path, FileResult]],
    selected: set[str],
    project_violations: Sequence[Violation],
) -> list[tuple[Path, FileResult]]:
    """The selected files' results, and the comments of files that host a project violation.

    A file that is not selected but hosts a project violation brings only its
    suppression comments: its own findings are not reported.
    """
    hosts = {violation.path for violation in project_violations}
    pairs = []
    for path, result in every_file:
        if result.path in selected:
            pairs.append((path, result))
        elif result.path in hosts:
            pairs.append((path, FileResult(result.path, (), result.suppressions)))
    return pairs


def current_baseline(
    paths: Sequence[Path],
    standards: Standards,
    *,
    jobs: int = 1,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    cwd: Path | None = None,
) -> tuple[Report, Baseline, BaselineScope]:
    """Check ``paths`` with no baseline, and record what a baseline of today would hold.

    Returns the report, the baseline of its violations and figures, and the
    scope of the run (which files and rules it covered), from which
    :mod:`standards_lint.gate.baseline` prunes or updates an existing one.
    """
    here = (cwd or Path.cwd()).resolve()
    report = check(
        paths,
        standards,
        jobs=jobs,
        use_cache=use_cache,
        cache_dir=cache_dir,
        progress=progress,
        cwd=here,
    )
    # The files again, to know the run's scope: discovery costs little next
    # to the analysis, and this command is run rarely.
    selection = find_files(paths, standards)
    resolver = StandardsResolver(standards)
    analysed = _files_to_analyse(paths, selection.files, standards, resolver)
    standards_display = display_path(standards.path, here) if standards.path else "."
    scope = baseline_scope(
        {display_path(path, here): path for path in analysed},
        {display_path(path, here) for path in selection.files},
        resolver,
        standards_display,
    )
    recorded = record_baseline(report.violations, report.metrics, scope, tool_version())
    return report, recorded, scope

"""``standards-lint baseline``: accept today's violations so that only new ones fail."""

from __future__ import annotations

import os
from pathlib import Path

import click

from standards_lint.api import current_baseline
from standards_lint.cli.common import (
    config_option,
    count_of,
    engine_options,
    fail,
    load_standards,
    main,
    progress_printer,
    read_baseline,
    write_baseline_file,
)
from standards_lint.config import Standards
from standards_lint.engine.discover import PathProblemError
from standards_lint.engine.run import WorkerCrashedError, display_path
from standards_lint.engine_rules import InternalErrorRule
from standards_lint.gate.baseline import (
    Baseline,
    BaselineChanges,
    baseline_path,
    compare_baselines,
    prune_baseline,
    update_baseline,
)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@click.option(
    "--update",
    is_flag=True,
    help="Rewrite an existing baseline from the current violations and figures,"
    " accepting new ones too.",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Only remove what no longer occurs from an existing baseline, and record"
    " better figures; never accepts anything new.",
)
@engine_options
def baseline(
    paths: tuple[Path, ...],
    config: Path | None,
    update: bool,
    prune: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
) -> None:
    """Record the violations in PATHS (default: the current directory) as accepted.

    The baseline file (the standards' `baseline` key, by default
    .standards-lint-baseline.json next to the standards file) lists every
    violation and project figure of today; `check` then reports only new
    violations, and figures that got worse. Commit the file. When one exists,
    --prune removes what was fixed and --update rewrites it, accepting new
    violations too.
    """
    if update and prune:
        fail("--update and --prune exclude each other: --prune only removes, --update rewrites")
    standards = load_standards(config)
    target = baseline_path(standards)
    shown = display_path(target.resolve(), Path.cwd().resolve())
    existing = _existing_baseline(standards, shown, update=update, prune=prune)
    try:
        report, current, scope = current_baseline(
            list(paths) or [Path(".")],
            standards,
            jobs=jobs or os.cpu_count() or 1,
            use_cache=not no_cache,
            cache_dir=cache_dir,
            progress=progress_printer(),
        )
    except (PathProblemError, WorkerCrashedError) as error:
        fail(str(error))
    if report.internal_errors:
        for violation in report.violations:
            if violation.rule == InternalErrorRule.code:
                click.echo(f"{violation.path}: {violation.message}", err=True)
        fail(f"a rule failed, so the baseline {shown} was not written")
    if existing is not None and prune:
        pruned = prune_baseline(existing, current, scope)
        changes = compare_baselines(existing, pruned)
        if changes.any:
            write_baseline_file(target, pruned)
        click.echo(_describe_prune(shown, changes, pruned))
        return
    recorded = update_baseline(existing, current, scope)
    write_baseline_file(target, recorded)
    files = len({entry.path for entry in recorded.entries})
    figures = len(recorded.figures)
    click.echo(
        f"Recorded {count_of(recorded.violation_count, 'violation')} in"
        f" {count_of(files, 'file')} and {count_of(figures, 'project figure')} in {shown}."
    )


def _existing_baseline(
    standards: Standards, shown: str, *, update: bool, prune: bool
) -> Baseline | None:
    """The baseline that ``--update`` or ``--prune`` starts from; refuse what cannot be done."""
    exists = baseline_path(standards).exists()
    if exists and not (update or prune):
        fail(
            f"the baseline {shown} exists; run `standards-lint baseline --prune` to remove"
            " what was fixed, or `standards-lint baseline --update` to rewrite it from the"
            " current violations (which accepts new ones)"
        )
    existing = read_baseline(standards) if exists else None
    if prune and existing is None:
        fail(f"there is no baseline {shown} to prune; `standards-lint baseline` records one")
    return existing


def _describe_prune(shown: str, changes: BaselineChanges, pruned: Baseline) -> str:
    if not changes.any:
        return f"Nothing to prune in {shown}: every recorded violation still occurs."
    parts = [f"removed {count_of(changes.removed, 'fixed violation')}"]
    if changes.lowered:
        parts.append(f"lowered {count_of(changes.lowered, 'value')}")
    if changes.improved:
        parts.append(f"raised {count_of(changes.improved, 'figure')} to today's")
    remaining = count_of(pruned.violation_count, "violation")
    return f"Pruned {shown}: {', '.join(parts)}; {remaining} remain recorded."

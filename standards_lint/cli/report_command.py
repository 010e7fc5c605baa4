"""``standards-lint report``: the HTML page for the team and its stakeholders."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

import click

from standards_lint.cli.common import (
    config_option,
    engine_options,
    fail,
    history_entry,
    history_option,
    history_path,
    load_standards,
    main,
    read_baseline,
    run_engine,
    write_report,
)
from standards_lint.config import Standards
from standards_lint.history import (
    HistoryEntry,
    read_history,
)
from standards_lint.hotspots import rank_hotspots, recent_changes, run_git
from standards_lint.model import Report
from standards_lint.replay import (
    ReplayedCommit,
    ReplayError,
    ReplayProgress,
    last_commits,
    replay,
    repository_root,
)
from standards_lint.replay import options_for as replay_options_for
from standards_lint.reporters import (
    build_context,
)
from standards_lint.reporters.html import LayerContract, PageExtras, render_page


class ReplayOptionsGiven(TypedDict):
    """The engine options of ``report`` that each replayed commit is checked with."""

    cache_dir: Path | None
    jobs: int
    use_baseline: bool


def _replayed_trend(
    count: int, standards: Standards, paths: Sequence[Path], options: ReplayOptionsGiven
) -> tuple[tuple[HistoryEntry, ...], str, int]:
    """The entries of the last ``count`` commits, checked one by one; the note; the commits.

    The number of commits is below ``count`` on a branch with fewer.
    """

    def entry_of(found: Report, there: Standards, commit: ReplayedCommit) -> HistoryEntry:
        context = build_context(
            there, found, working_directory=Path.cwd(), exit_code=found.exit_code
        )
        return history_entry(found, context, commit.commit, now=commit.committed)

    try:
        root = repository_root(run_git, Path.cwd())
        commits = last_commits(run_git, root, count)
        settings = replay_options_for(standards, root, paths, **options)
    except ReplayError as error:
        fail(str(error))
    replayed = replay(
        commits, root, settings, entry_of, runner=run_git, progress=_replay_progress()
    )
    for note in replayed.notes:
        click.echo(f"standards-lint: note: {note}", err=True)
    skipped = f"; {len(replayed.notes)} could not be checked" if replayed.notes else ""
    note = f"Replayed from the last {len(commits)} commits of this branch{skipped}."
    return replayed.entries, note, len(commits)


def _replay_progress() -> ReplayProgress | None:
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int, commit: str) -> None:
        # Erased at the end, as the files' progress is, so only the report stays.
        shown = f"\rReplaying commit {done + 1}/{total} {commit[:12]}"
        line = "\r\033[K" if done >= total else shown
        sys.stderr.write(line)
        sys.stderr.flush()

    return show


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("standards-lint-report.html"),
    show_default=True,
    help="The HTML file to write.",
)
@history_option
@click.option("--no-baseline", is_flag=True, help="Count every violation, ignoring the baseline.")
@click.option(
    "--replay",
    "replay_count",
    type=int,
    metavar="N",
    help="Draw the trend by checking each of the last N commits of this branch"
    " (first parent, in temporary worktrees) instead of reading the history file.",
)
@engine_options
def report(  # standards-lint: ignore[STY016] click passes one argument per option
    paths: tuple[Path, ...],
    config: Path | None,
    output: Path,
    history: Path | None,
    no_baseline: bool,
    replay_count: int | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
) -> None:
    """Write one self-contained HTML page about PATHS (default: the current directory).

    It gives a verdict per area against the team's thresholds, charts, hotspots
    from `git log`, the architecture contracts with the imports that break
    them, the trend recorded by `check --record`, and every violation. The
    page needs no network; its figures equal those of `check --format json`.
    """
    standards = load_standards(config)
    if replay_count is not None and replay_count < 1:
        fail(f"--replay takes a positive number of commits, not {replay_count}")
    baseline = None if no_baseline else read_baseline(standards)
    found = run_engine(paths, standards, engine=(jobs, no_cache, cache_dir), baseline=baseline)
    context = build_context(
        standards, found, working_directory=Path.cwd(), exit_code=found.exit_code
    )
    replayed_commits: int | None = None
    if replay_count is None:
        entries, note = _recorded_trend(standards, history)
    else:
        given: ReplayOptionsGiven = {
            "cache_dir": cache_dir,
            "jobs": jobs or os.cpu_count() or 1,
            "use_baseline": not no_baseline,
        }
        entries, note, replayed_commits = _replayed_trend(
            replay_count, standards, list(paths) or [Path(".")], given
        )
    changes = recent_changes(run_git, Path.cwd())
    extras = PageExtras(
        hotspots=None if changes is None else rank_hotspots(found, changes),
        hotspot_note=(
            "Git is not available here (or this is not a Git work tree), so change frequency"
            " is unknown and hotspots cannot be ranked."
            if changes is None
            else "Score = violations in the file times the commits that changed it"
            " in the last 90 days."
        ),
        history=entries,
        history_note=note,
        replayed_commits=replayed_commits,
        contracts=_layer_contracts(standards),
    )
    unwritten = write_report(render_page(found, context, extras), output)
    if unwritten is not None:
        fail(unwritten)
    click.echo(f"Wrote {output}.")


def _recorded_trend(
    standards: Standards, history: Path | None
) -> tuple[tuple[HistoryEntry, ...], str]:
    entries, problems = read_history(history_path(standards, history))
    for problem in problems:
        click.echo(f"standards-lint: warning: {problem}", err=True)
    return tuple(entries), ""


def _layer_contracts(standards: Standards) -> tuple[LayerContract, ...]:
    """The layers contracts of the ``[architecture]`` area, as the drawing takes them."""
    options = standards.areas.get("architecture")
    contracts = getattr(options, "contracts", ())
    return tuple(
        LayerContract(str(contract.name), tuple((layer,) for layer in contract.layers))
        for contract in contracts
        if getattr(contract, "type", "") == "layers"
    )

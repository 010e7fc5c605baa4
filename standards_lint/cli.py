"""The ``standards-lint`` command: flags in, one API call, a reporter, an exit code."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, TypedDict

import click

from standards_lint.api import check as run_check
from standards_lint.api import current_baseline
from standards_lint.config import ConfigError, Standards, read_standards
from standards_lint.engine.cache import CacheDirectoryError, cache_dir_problem, clear_cache
from standards_lint.engine.discover import PathProblemError
from standards_lint.engine.run import WorkerCrashedError, display_path
from standards_lint.explain import explain_rule
from standards_lint.gate.baseline import (
    Baseline,
    BaselineChanges,
    BaselineError,
    baseline_path,
    compare_baselines,
    load_baseline,
    prune_baseline,
    update_baseline,
    write_baseline,
)
from standards_lint.gate.diff import (
    DiffError,
    RepositoryChanges,
    changes_from_patch,
    changes_since,
)
from standards_lint.history import (
    DEFAULT_HISTORY_FILE,
    HistoryEntry,
    HistoryError,
    append_entry,
    entry_for,
    read_history,
)
from standards_lint.hotspots import current_commit, rank_hotspots, recent_changes, run_git
from standards_lint.interruption import UserInterrupt
from standards_lint.model import Report
from standards_lint.origins import (
    explain_standards,
    explained_as_json,
    explained_as_text,
)
from standards_lint.reference import render_reference
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
    RENDERERS,
    Renderer,
    ReporterError,
    build_context,
    find_renderer,
    render,
)
from standards_lint.reporters.context import RenderContext
from standards_lint.reporters.html import LayerContract, PageExtras, render_page
from standards_lint.reporters.html.areas import area_of
from standards_lint.schema import render_schema
from standards_lint.starter import calibrate as calibrate_starter
from standards_lint.tool_rules import InternalErrorRule
from standards_lint.version import tool_version

EXIT_TOOL_FAILED = 2


class ReplayOptionsGiven(TypedDict):
    """The engine options of ``report`` that each replayed commit is checked with."""

    cache_dir: Path | None
    jobs: int
    use_baseline: bool


def _fail(message: str) -> NoReturn:
    click.echo(f"standards-lint: error: {message}", err=True)
    sys.exit(EXIT_TOOL_FAILED)


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _load(
    config: Path | None, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
) -> Standards:
    try:
        reading = read_standards(config, select=select, ignore=ignore)
    except ConfigError as error:
        _fail_with_problems(error.problems)
    if reading.problems:
        # At their line and column where the key can be found in the file.
        _fail_with_problems([problem.render() for problem in reading.located])
    return reading.standards


def _fail_with_problems(problems: Sequence[str]) -> NoReturn:
    click.echo("standards-lint: the standards file has problems:", err=True)
    for problem in problems:
        click.echo(f"  {problem}", err=True)
    sys.exit(EXIT_TOOL_FAILED)


def _load_for_reference(config: Path | None) -> Standards:
    """The standards as far as they load: a broken file must not hide the docs that fix it.

    The rules of every pack that loaded are there; the problems are left to
    ``check``, with a one-line warning here.
    """
    try:
        reading = read_standards(config)
    except ConfigError as error:  # --config names no file: a bad flag, not a broken file
        _fail_with_problems(error.problems)
    if reading.problems:
        path = reading.standards.path
        what = f"the standards file {path}" if path is not None else "the rule packs"
        command = "standards-lint check" + (f" --config {config}" if config is not None else "")
        click.echo(
            f"standards-lint: warning: {what} has problems; `{command}` lists them", err=True
        )
    return reading.standards


def _progress_printer() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int) -> None:
        # The line is erased when the work is done, so that only the report
        # stays on the screen.
        line = "\r\033[K" if done >= total else f"\rChecking files: {done}/{total}"
        sys.stderr.write(line)
        sys.stderr.flush()

    return show


def _changes_to_gate_on(diff_from: str | None, diff_file: str | None) -> RepositoryChanges | None:
    """The changed lines that ``--diff-from`` or ``--diff-file`` name, or None for neither."""
    if diff_from is not None and diff_file is not None:
        _fail("--diff-from and --diff-file cannot be used together; give one of them")
    try:
        if diff_from is not None:
            return changes_since(diff_from, Path.cwd())
        if diff_file is not None:
            return changes_from_patch(_read_diff(diff_file), Path.cwd())
    except DiffError as error:
        _fail(str(error))
    return None


def _read_diff(diff_file: str) -> str:
    """The text of ``--diff-file`` (``-``: standard input)."""
    try:
        content = sys.stdin.buffer.read() if diff_file == "-" else Path(diff_file).read_bytes()
    except OSError as error:
        _fail(f"cannot read the diff {diff_file}: {error.strerror}")
    return content.decode("utf-8", "replace")


def _run_check(
    paths: Sequence[Path],
    standards: Standards,
    *,
    engine: tuple[int | None, bool, Path | None],
    baseline: Baseline | None,
    changes: RepositoryChanges | None = None,
) -> Report:
    """Run the check as ``--jobs``, ``--no-cache`` and ``--cache-dir`` (``engine``) say.

    A path that cannot be used, or a worker that dies, ends the command with
    a message and exit code 2.
    """
    jobs, no_cache, cache_dir = engine
    try:
        return run_check(
            list(paths) or [Path(".")],
            standards,
            jobs=jobs or os.cpu_count() or 1,
            use_cache=not no_cache,
            cache_dir=cache_dir,
            progress=_progress_printer(),
            baseline=baseline,
            changes=changes,
        )
    except (PathProblemError, WorkerCrashedError) as error:
        _fail(str(error))


def _say_which_standards(standards: Standards) -> None:
    """Name the standards file on standard error: always when there is none.

    Running the defaults by mistake (a misplaced or misnamed file) must not
    look like a clean run; which file is in use is shown on a terminal only,
    to keep CI logs and hooks quiet.
    """
    if standards.path is None:
        click.echo(
            "standards-lint: warning: no standards file found (standards.toml,"
            " .standards.toml or [tool.standards-lint] in pyproject.toml);"
            " checking the default standards",
            err=True,
        )
    elif sys.stderr.isatty():
        click.echo(f"standards-lint: standards from {standards.path}", err=True)


def _use_color(choice: str, to_terminal: bool) -> bool:
    """Whether to colour the output: ``--color``, then NO_COLOR and FORCE_COLOR, then the terminal.

    NO_COLOR (https://no-color.org) and FORCE_COLOR count when set to any
    non-empty value; ``--color always|never`` overrides both.
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return to_terminal


def engine_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--jobs``, ``--no-cache`` and ``--cache-dir``: how the files are analysed."""
    for option in reversed(
        (
            click.option(
                "--jobs",
                "-j",
                type=click.IntRange(min=1),
                default=None,
                help="Worker processes (default: the number of cores).",
            ),
            click.option(
                "--no-cache",
                is_flag=True,
                help="Analyse every file, ignoring and not updating the cache.",
            ),
            click.option(
                "--cache-dir",
                type=click.Path(file_okay=False, path_type=Path),
                help="Where to keep the cache (default: cache-dir from the standards file).",
            ),
        )
    ):
        command = option(command)
    return command


history_option = click.option(
    "--history",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The history file (default: {DEFAULT_HISTORY_FILE} next to the standards file).",
)


config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The standards file (default: the nearest standards.toml, .standards.toml"
    " or pyproject.toml with [tool.standards-lint], searched upward).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(tool_version(), prog_name="standards-lint")
def main() -> None:
    """Check code against a team's engineering standards, written once in TOML.

    Exit codes: 0 when no error-severity violation is found, 1 when some are,
    2 when the tool could not do its job (bad standards file, bad flags,
    missing paths, a rule that failed).
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@click.option(
    "--select",
    multiple=True,
    help="Rules to run instead of the file's select"
    " (comma-separated codes, prefixes, names or areas).",
)
@click.option("--ignore", multiple=True, help="Rules not to run, in addition to the file's ignore.")
@click.option(
    "--format",
    "output_format",
    metavar="FORMAT",
    default="text",
    show_default=True,
    help=f"Output format: {', '.join(RENDERERS)}, or one an installed package registers.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--output-format",
    "extra_outputs",
    metavar="FORMAT:PATH",
    multiple=True,
    help="Also write the report in FORMAT to PATH, from the same run (repeatable):"
    " --output-format sarif:results.sarif --output-format junit:junit.xml.",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when error-severity violations are found."
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Show how many violations each rule found (in JSON: a `statistics` list).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output: auto colours a terminal, unless NO_COLOR is set"
    " (FORCE_COLOR colours anything).",
)
@engine_options
@click.option(
    "--no-baseline",
    is_flag=True,
    help="Report every violation, ignoring the baseline file (see `standards-lint baseline`).",
)
@click.option(
    "--diff-from",
    metavar="REF",
    help="Report only violations on lines changed since the merge base of REF and HEAD"
    " (committed, staged, unstaged and untracked changes), as a pull request into REF.",
)
@click.option(
    "--diff-file",
    metavar="PATCH",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Report only violations on lines this unified diff adds ('-': standard input);"
    " its paths are relative to the repository root.",
)
@click.option(
    "--record",
    is_flag=True,
    help="Append this run's figures to the history file, for the trend in `standards-lint report`.",
)
@history_option
def check(  # standards-lint: ignore[STY016] click passes one argument per option
    paths: tuple[Path, ...],
    config: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    output: Path | None,
    extra_outputs: tuple[str, ...],
    exit_zero: bool,
    statistics: bool,
    color: str,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    no_baseline: bool,
    diff_from: str | None,
    diff_file: str | None,
    record: bool,
    history: Path | None,
) -> None:
    """Check PATHS (default: the current directory) against the standards.

    Violations recorded in the baseline file (`standards-lint baseline`) are
    hidden and only new ones reported, unless --no-baseline is given.
    """
    outputs = _outputs(output_format, output, extra_outputs)
    standards = _load(config, _split(select) or None, _split(ignore))
    _say_which_standards(standards)
    baseline = None if no_baseline else _read_baseline(standards)
    changes = _changes_to_gate_on(diff_from, diff_file)
    if not no_cache:
        _warn_if_cache_refused(cache_dir or standards.root / standards.cache_dir)
    report = _run_check(
        paths,
        standards,
        engine=(jobs, no_cache, cache_dir),
        baseline=baseline,
        changes=changes,
    )
    code = report.exit_code
    code = 0 if exit_zero and code == 1 else code
    context = build_context(
        standards, report, working_directory=Path.cwd(), exit_code=code, statistics=statistics
    )
    to_terminal = output is None and sys.stdout.isatty()
    failures = [] if not record else _record(report, context, _history_path(standards, history))
    for name, renderer, target in outputs:
        colored = name == "text" and target is None and _use_color(color, to_terminal)
        try:
            text = render(name, renderer, report, dataclasses.replace(context, color=colored))
        except ReporterError as error:
            failures.append(str(error))
            continue
        problem = _write_report(text, target)
        if problem is not None:
            failures.append(problem)
    # A format that failed makes the run a failure of the tool, whatever was
    # found: a CI gate must not pass on a report it could not write.
    for failure in failures:
        click.echo(f"standards-lint: error: {failure}", err=True)
    sys.exit(EXIT_TOOL_FAILED if failures else code)


def _outputs(
    output_format: str, output: Path | None, extra_outputs: Sequence[str]
) -> list[tuple[str, Renderer, Path | None]]:
    """Each report to write: its format, renderer and file (``None``: standard output).

    Every format is found before the check runs, so a misspelt one costs no run.
    """
    requested: list[tuple[str, Path | None]] = [(output_format, output)]
    for value in extra_outputs:
        name, separator, target = value.partition(":")
        if not separator or not name or not target:
            _fail(f"--output-format takes FORMAT:PATH (such as sarif:results.sarif), not {value!r}")
        requested.append((name, Path(target)))
    targets = [target for _, target in requested if target is not None]
    duplicates = sorted({str(target) for target in targets if targets.count(target) > 1})
    if duplicates:
        _fail(f"two reports would be written to {', '.join(duplicates)}; give each its own file")
    try:
        return [(name, find_renderer(name), target) for name, target in requested]
    except ReporterError as error:
        _fail(str(error))


def _write_report(text: str, target: Path | None) -> str | None:
    """Write one report; the problem, if it could not be written."""
    if target is None:
        click.echo(text, nl=False)
        return None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", errors="surrogateescape")
    except OSError as error:
        return f"cannot write {target}: {error.strerror}"
    return None


def _history_path(standards: Standards, history: Path | None) -> Path:
    return history if history is not None else standards.root / DEFAULT_HISTORY_FILE


def _record(report: Report, context: RenderContext, target: Path) -> list[str]:
    """Append the run's figures to ``target``; the problems, if it could not."""
    entry = _history_entry(report, context, current_commit(run_git, Path.cwd()))
    try:
        append_entry(target, entry)
    except HistoryError as error:
        return [str(error)]
    return []


def _history_entry(
    report: Report, context: RenderContext, commit: str | None, now: datetime | None = None
) -> HistoryEntry:
    """The line ``check --record`` writes for ``report``; ``report --replay`` makes the same."""
    return entry_for(report, lambda code: area_of(context, code), commit=commit, now=now)


def _replayed_trend(
    count: int, standards: Standards, paths: Sequence[Path], options: ReplayOptionsGiven
) -> tuple[tuple[HistoryEntry, ...], str]:
    """The entries of the last ``count`` commits, checked one by one, and the trend's note."""

    def entry_of(found: Report, there: Standards, commit: ReplayedCommit) -> HistoryEntry:
        context = build_context(
            there, found, working_directory=Path.cwd(), exit_code=found.exit_code
        )
        return _history_entry(found, context, commit.commit, now=commit.committed)

    try:
        root = repository_root(run_git, Path.cwd())
        commits = last_commits(run_git, root, count)
        settings = replay_options_for(standards, root, paths, **options)
    except ReplayError as error:
        _fail(str(error))
    replayed = replay(
        commits, root, settings, entry_of, runner=run_git, progress=_replay_progress()
    )
    for note in replayed.notes:
        click.echo(f"standards-lint: note: {note}", err=True)
    skipped = f"; {len(replayed.notes)} could not be checked" if replayed.notes else ""
    note = f"Replayed from the last {len(commits)} commits of this branch{skipped}."
    return replayed.entries, note


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
    standards = _load(config)
    if replay_count is not None and replay_count < 1:
        _fail(f"--replay takes a positive number of commits, not {replay_count}")
    baseline = None if no_baseline else _read_baseline(standards)
    found = _run_check(paths, standards, engine=(jobs, no_cache, cache_dir), baseline=baseline)
    context = build_context(
        standards, found, working_directory=Path.cwd(), exit_code=found.exit_code
    )
    if replay_count is None:
        entries, note = _recorded_trend(standards, history)
    else:
        given: ReplayOptionsGiven = {
            "cache_dir": cache_dir,
            "jobs": jobs or os.cpu_count() or 1,
            "use_baseline": not no_baseline,
        }
        entries, note = _replayed_trend(replay_count, standards, list(paths) or [Path(".")], given)
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
        contracts=_layer_contracts(standards),
    )
    unwritten = _write_report(render_page(found, context, extras), output)
    if unwritten is not None:
        _fail(unwritten)
    click.echo(f"Wrote {output}.")


def _recorded_trend(
    standards: Standards, history: Path | None
) -> tuple[tuple[HistoryEntry, ...], str]:
    entries, problems = read_history(_history_path(standards, history))
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


def _warn_if_cache_refused(directory: Path) -> None:
    # The run goes on uncached: a cache that cannot be used is worth a warning,
    # not a failure.
    problem = cache_dir_problem(directory)
    if problem is not None:
        click.echo(f"standards-lint: warning: not caching this run: {problem}", err=True)


def _read_baseline(standards: Standards) -> Baseline | None:
    try:
        return load_baseline(standards)
    except BaselineError as error:
        _fail(str(error))


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
        _fail("--update and --prune exclude each other: --prune only removes, --update rewrites")
    standards = _load(config)
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
            progress=_progress_printer(),
        )
    except (PathProblemError, WorkerCrashedError) as error:
        _fail(str(error))
    if report.internal_errors:
        for violation in report.violations:
            if violation.rule == InternalErrorRule.code:
                click.echo(f"{violation.path}: {violation.message}", err=True)
        _fail(f"a rule failed, so the baseline {shown} was not written")
    if existing is not None and prune:
        pruned = prune_baseline(existing, current, scope)
        changes = compare_baselines(existing, pruned)
        if changes.any:
            _write_baseline(target, pruned)
        click.echo(_describe_prune(shown, changes, pruned))
        return
    recorded = update_baseline(existing, current, scope)
    _write_baseline(target, recorded)
    files = len({entry.path for entry in recorded.entries})
    figures = len(recorded.figures)
    click.echo(
        f"Recorded {_count(recorded.violation_count, 'violation')} in"
        f" {_count(files, 'file')} and {_count(figures, 'project figure')} in {shown}."
    )


def _existing_baseline(
    standards: Standards, shown: str, *, update: bool, prune: bool
) -> Baseline | None:
    """The baseline that ``--update`` or ``--prune`` starts from; refuse what cannot be done."""
    exists = baseline_path(standards).exists()
    if exists and not (update or prune):
        _fail(
            f"the baseline {shown} exists; run `standards-lint baseline --prune` to remove"
            " what was fixed, or `standards-lint baseline --update` to rewrite it from the"
            " current violations (which accepts new ones)"
        )
    existing = _read_baseline(standards) if exists else None
    if prune and existing is None:
        _fail(f"there is no baseline {shown} to prune; `standards-lint baseline` records one")
    return existing


def _write_baseline(target: Path, recorded: Baseline) -> None:
    try:
        write_baseline(target, recorded)
    except BaselineError as error:
        _fail(str(error))


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _describe_prune(shown: str, changes: BaselineChanges, pruned: Baseline) -> str:
    if not changes.any:
        return f"Nothing to prune in {shown}: every recorded violation still occurs."
    parts = [f"removed {_count(changes.removed, 'fixed violation')}"]
    if changes.lowered:
        parts.append(f"lowered {_count(changes.lowered, 'value')}")
    if changes.improved:
        parts.append(f"raised {_count(changes.improved, 'figure')} to today's")
    remaining = _count(pruned.violation_count, "violation")
    return f"Pruned {shown}: {', '.join(parts)}; {remaining} remain recorded."


@main.command()
@config_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def rules(config: Path | None, output_format: str) -> None:
    """List every rule: code, name, area, default severity and summary.

    ``--format markdown`` prints the full reference: every area's options and
    every rule's rationale and examples.
    """
    registry = _load_for_reference(config).registry
    if output_format == "markdown":
        click.echo(render_reference(registry), nl=False)
        return
    rows = [registry.rules[code] for code in sorted(registry.rules)]
    if output_format == "json":
        listing = [
            {
                "code": rule.code,
                "name": rule.name,
                "area": rule.area,
                "severity": rule.severity.value,
                "summary": rule.summary,
            }
            for rule in rows
        ]
        click.echo(json.dumps(listing, indent=2))
        return
    widths = [
        max(len(text) for text in column)
        for column in zip(  # noqa: B905 - transposing rows of equal length
            *((rule.code, rule.name, rule.area, rule.severity.value) for rule in rows)
        )
    ]
    for rule in rows:
        cells = (rule.code, rule.name, rule.area, rule.severity.value)
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
            + "  "
            + rule.summary
        )


@main.command()
@click.argument("rule")
@config_option
def explain(rule: str, config: Path | None) -> None:
    """Explain RULE (a code such as STY001, or a name such as line-too-long)."""
    registry = _load_for_reference(config).registry
    found = registry.find(rule)
    if found is None:
        try:
            codes = sorted(registry.select(rule))
        except KeyError:
            if registry.incomplete:
                # A suggestion among the packs that loaded would mislead.
                packs = " and ".join(registry.incomplete)
                _fail(f"unknown rule {rule!r}; {packs} did not load, and may define it")
            _fail(registry.unknown_selector_message(rule).replace("rule, prefix or area", "rule"))
        _fail(
            f"{rule!r} names {len(codes)} rules, not one: {', '.join(codes)};"
            " give a single code or name (`standards-lint rules` lists them)"
        )
    click.echo(explain_rule(found, registry), nl=False)


@main.command()
@config_option
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of standard output.",
)
def schema(config: Path | None, output: Path | None) -> None:
    """Print the JSON schema of the standards file, with the project's plugins.

    Editors use it to complete keys, document options and flag mistakes: see
    "Editor support" in the README.
    """
    text = render_schema(_load_for_reference(config).registry)
    problem = _write_report(text, output)
    if problem is not None:
        _fail(problem)


@main.command(name="config")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@config_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def show_config(path: Path | None, config: Path | None, output_format: str) -> None:
    """Show the standards that apply to PATH (default: the current directory), and their origins.

    For a directory, the project's standards; for a file, the standards after
    the [[overrides]] that match it. Each value says where it came from: a
    file, an [[overrides]] entry, or the default.
    """
    target = path or Path(".")
    start = target if target.is_dir() else target.parent
    try:
        reading = read_standards(config, start=start.resolve())
    except ConfigError as error:
        _fail_with_problems(error.problems)
    if reading.problems:
        _fail_with_problems([problem.render() for problem in reading.located])
    explained = explain_standards(reading, target, shown_from=Path.cwd())
    if output_format == "json":
        click.echo(json.dumps(explained_as_json(explained), indent=2))
    else:
        click.echo(explained_as_text(explained), nl=False)


@main.command()
@config_option
def clean(config: Path | None) -> None:
    """Remove the cache directory."""
    standards = _load(config)
    directory = standards.root / standards.cache_dir
    try:
        removed = clear_cache(directory)
    except CacheDirectoryError as error:
        _fail(str(error))
    click.echo(f"Removed {directory}." if removed else f"No cache at {directory}.")


@main.command()
@click.argument(
    "path", required=False, type=click.Path(file_okay=False, path_type=Path), default=Path(".")
)
@click.option("--force", is_flag=True, help="Overwrite an existing standards.toml.")
@click.option("--dry-run", is_flag=True, help="Print the file instead of writing it.")
@click.option(
    "--with-baseline",
    is_flag=True,
    help="Keep the default rules on and accept today's violations in a baseline file,"
    " instead of ignoring the rules they break.",
)
def init(path: Path, force: bool, dry_run: bool, with_baseline: bool) -> None:
    """Write a standards.toml in PATH (default: here) that today's code passes.

    Limits are set at what the code meets today, its naming and docstring
    habits are kept, and rules it breaks are ignored with their counts (or,
    with --with-baseline, left on with today's violations in a baseline), so
    that every later tightening is a choice. Comments explain each setting.
    """
    if not path.is_dir():
        _fail(f"{path} is not a directory")
    target = path / "standards.toml"
    if target.exists() and not force and not dry_run:
        _fail(f"{target} exists; give --force to overwrite it, or --dry-run to see the new one")
    try:
        starter = calibrate_starter(path, with_baseline=with_baseline)
    except (PathProblemError, WorkerCrashedError, ConfigError) as error:
        _fail(str(error))
    if dry_run:
        click.echo(starter.text, nl=False)
        return
    target.write_text(starter.text, encoding="utf-8")
    message = f"Wrote {target}"
    if with_baseline and starter.remaining:
        standards = _load(target)
        _report, recorded, _scope = current_baseline([path], standards, use_cache=False)
        _write_baseline(baseline_path(standards), recorded)
        message += f" and a baseline of {_count(recorded.violation_count, 'violation')}"
    click.echo(message + "; `standards-lint check` passes on today's code.")


def _on_interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    raise UserInterrupt


def run() -> Any:
    """Entry point that keeps the 0/1/2 exit codes and never shows a traceback.

    Ctrl-C ends the run with ``standards-lint: interrupted`` and exit code 2
    (click's own "Aborted!" would exit 1, which here means "violations
    found"); so does a ``KeyboardInterrupt`` that escapes plugin code.
    """
    # Only where Python would raise KeyboardInterrupt: an ignored SIGINT stays ignored.
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_interrupt)
    try:
        code = main.main(standalone_mode=False)
    except (UserInterrupt, KeyboardInterrupt, click.exceptions.Abort):
        click.echo("\nstandards-lint: interrupted", err=True)
        sys.exit(EXIT_TOOL_FAILED)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_TOOL_FAILED)
    except Exception as error:
        if os.environ.get("STANDARDS_LINT_DEBUG"):
            raise
        click.echo(
            f"standards-lint: internal error: {type(error).__name__}: {error}\n"
            "Set STANDARDS_LINT_DEBUG=1 to see the traceback, and please report it.",
            err=True,
        )
        sys.exit(EXIT_TOOL_FAILED)
    sys.exit(code if isinstance(code, int) else 0)

"""``standards-lint check``: the verdict, in any format, with fixes on request."""

from __future__ import annotations

import dataclasses
import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from standards_lint.cli.common import (
    EXIT_TOOL_FAILED,
    changes_to_gate_on,
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
    say_which_standards,
    split_values,
    use_color,
    warn_if_cache_refused,
    write_report,
)
from standards_lint.config import Standards
from standards_lint.gate.baseline import (
    Baseline,
)
from standards_lint.model import FixSafety, Report
from standards_lint.reporters import (
    RENDERERS,
    Renderer,
    ReporterError,
    build_context,
    find_renderer,
    render,
)
from standards_lint.reporters.context import RenderContext

if TYPE_CHECKING:
    from standards_lint.fixing.run import FixOutcome
    from standards_lint.gate.diff import RepositoryChanges


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
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe fixes, then report what remains (see `standards-lint rules`:"
    " the Fix column).",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, apply the fixes that may change behaviour too.",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print a unified diff of what --fix would change and write nothing; exit 1"
    " when something would change, 0 when nothing would.",
)
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
    fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
) -> None:
    """Check PATHS (default: the current directory) against the standards.

    Violations recorded in the baseline file (`standards-lint baseline`) are
    hidden and only new ones reported, unless --no-baseline is given.

    --fix repairs what the rules can repair (each file is written only if
    it still parses), then reports what remains; --diff shows the same
    repairs as a patch instead.
    """
    _check_fix_flags(fix=fix, unsafe_fixes=unsafe_fixes, show_diff=show_diff)
    outputs = _outputs(output_format, output, extra_outputs)
    standards = load_standards(config, split_values(select) or None, split_values(ignore))
    say_which_standards(standards)
    baseline = None if no_baseline else read_baseline(standards)
    changes = changes_to_gate_on(diff_from, diff_file)
    if not no_cache:
        warn_if_cache_refused(cache_dir or standards.root / standards.cache_dir)
    report = run_engine(
        paths,
        standards,
        engine=(jobs, no_cache, cache_dir),
        baseline=baseline,
        changes=changes,
    )
    fix_failed = False
    if fix or show_diff:
        rerun = functools.partial(
            run_engine,
            paths,
            standards,
            engine=(jobs, no_cache, cache_dir),
            baseline=baseline,
            changes=changes,
        )
        gate = (changes, baseline)
        report, fix_failed = _fix(
            report, standards, rerun, unsafe=unsafe_fixes, write=fix, gate=gate
        )
    code = report.exit_code
    code = 0 if exit_zero and code == 1 else code
    context = build_context(
        standards, report, working_directory=Path.cwd(), exit_code=code, statistics=statistics
    )
    failures = [] if not record else _record(report, context, history_path(standards, history))
    failures += _write_outputs(outputs, report, context, color)
    # A format that failed makes the run a failure of the tool, whatever was
    # found: a CI gate must not pass on a report it could not write.
    for failure in failures:
        click.echo(f"standards-lint: error: {failure}", err=True)
    # A file that could not be fixed fails the run too: it was not what --fix promised.
    sys.exit(EXIT_TOOL_FAILED if failures or fix_failed else code)


def _check_fix_flags(*, fix: bool, unsafe_fixes: bool, show_diff: bool) -> None:
    """End the command if the fixing flags do not go together."""
    if unsafe_fixes and not (fix or show_diff):
        fail("--unsafe-fixes goes with --fix or --diff")
    if fix and show_diff:
        fail("--fix writes the fixes and --diff only shows them; give one of them")


def _write_outputs(
    outputs: Sequence[tuple[str, Renderer, Path | None]],
    report: Report,
    context: RenderContext,
    color: str,
) -> list[str]:
    """Render and write each requested report; the problems of those that failed."""
    to_terminal = sys.stdout.isatty()
    failures = []
    for name, renderer, target in outputs:
        colored = name == "text" and target is None and use_color(color, to_terminal)
        try:
            text = render(name, renderer, report, dataclasses.replace(context, color=colored))
        except ReporterError as error:
            failures.append(str(error))
            continue
        problem = write_report(text, target)
        if problem is not None:
            failures.append(problem)
    return failures


def _fix(
    report: Report,
    standards: Standards,
    rerun: Callable[[], Report],
    *,
    unsafe: bool,
    write: bool,
    gate: tuple[RepositoryChanges | None, Baseline | None],
) -> tuple[Report, bool]:
    """Fix what ``report`` found; the report of what remains, and whether a file was not fixed.

    ``gate`` is the run's diff and baseline: only what the report shows is fixed.

    Without ``write`` (``--diff``), print the diff and end the command: exit
    1 when something would change, 0 when nothing would, 2 when a file could
    not be fixed.
    """
    # Fixing, and recording the history below, are imported by the runs that do them.
    from standards_lint.fixing.run import fix_report  # noqa: PLC0415

    safety = FixSafety.UNSAFE if unsafe else FixSafety.SAFE
    outcome = fix_report(
        report,
        standards,
        cwd=Path.cwd(),
        safety=safety,
        write=write,
        changes=gate[0],
        baseline=gate[1],
    )
    if not write:
        _say_what_was_fixed(outcome, report, safety, written=write)
        click.echo(outcome.diff(), nl=False)
        sys.exit(EXIT_TOOL_FAILED if outcome.problems else (1 if outcome.changed else 0))
    remaining = rerun() if outcome.changed else report
    _say_what_was_fixed(outcome, report, safety, written=write, remaining=remaining)
    return remaining, bool(outcome.problems)


def _say_what_was_fixed(
    outcome: FixOutcome,
    report: Report,
    safety: FixSafety,
    *,
    written: bool,
    remaining: Report | None = None,
) -> None:
    """The fixing summary, on standard error: what was (or would be) fixed, and what could be.

    ``remaining`` is the report after writing the fixes: how many violations remain.
    """
    left = ""
    if remaining is not None:
        count = len(remaining.violations)
        left = f"; {count} violation{'s' if count != 1 else ''} remain{'s' if count == 1 else ''}"
    if outcome.changed:
        verb = "fixed" if written else "would fix"
        click.echo(f"standards-lint: {verb} {outcome.summary()}{left}", err=True)
    else:
        click.echo(f"standards-lint: nothing to fix{left}", err=True)
    for problem in outcome.problems:
        click.echo(f"standards-lint: warning: not fixed: {problem}", err=True)
    if safety is FixSafety.SAFE:
        from standards_lint.fixing.run import unsafe_fixes_left  # noqa: PLC0415 - see _fix

        # After writing, what waits is in what remains (a safe fix may have settled it).
        unsafe = unsafe_fixes_left(remaining if remaining is not None else report)
        if unsafe:
            click.echo(
                f"standards-lint: {unsafe} more violation{'s' if unsafe != 1 else ''}"
                " could be fixed with --unsafe-fixes (they may change behaviour: review them)",
                err=True,
            )


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
            fail(f"--output-format takes FORMAT:PATH (such as sarif:results.sarif), not {value!r}")
        requested.append((name, Path(target)))
    targets = [target for _, target in requested if target is not None]
    duplicates = sorted({str(target) for target in targets if targets.count(target) > 1})
    if duplicates:
        fail(f"two reports would be written to {', '.join(duplicates)}; give each its own file")
    try:
        return [(name, find_renderer(name), target) for name, target in requested]
    except ReporterError as error:
        fail(str(error))


def _record(report: Report, context: RenderContext, target: Path) -> list[str]:
    """Append the run's figures to ``target``; the problems, if it could not."""
    from standards_lint.history import HistoryError, append_entry  # noqa: PLC0415 - see _fix
    from standards_lint.hotspots import current_commit, run_git  # noqa: PLC0415

    entry = history_entry(report, context, current_commit(run_git, Path.cwd()))
    try:
        append_entry(target, entry)
    except HistoryError as error:
        return [str(error)]
    return []

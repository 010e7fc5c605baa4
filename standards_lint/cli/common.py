"""What every command shares: loading the standards, running the engine, failing clearly."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

import click

from standards_lint.api import check as run_check
from standards_lint.config import ConfigError, Standards, read_standards
from standards_lint.config.standards import DEFAULT_HISTORY_FILE
from standards_lint.engine.cache import cache_dir_problem
from standards_lint.engine.discover import PathProblemError
from standards_lint.engine.run import WorkerCrashedError
from standards_lint.gate.baseline import (
    Baseline,
    BaselineError,
    load_baseline,
    write_baseline,
)
from standards_lint.model import Report
from standards_lint.reporters.context import RenderContext, area_of
from standards_lint.version import tool_version

EXIT_TOOL_FAILED = 2

if TYPE_CHECKING:
    from standards_lint.gate.diff import RepositoryChanges
    from standards_lint.history import HistoryEntry


def fail(message: str) -> NoReturn:
    """End the command with ``message`` on standard error and exit code 2."""
    click.echo(f"standards-lint: error: {message}", err=True)
    sys.exit(EXIT_TOOL_FAILED)


def split_values(values: Sequence[str]) -> list[str]:
    """The comma-separated items of repeated options (``--select A,B --select C``)."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def load_standards(
    config: Path | None, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
) -> Standards:
    """The standards for ``--config`` (or found from here), with ``--select``/``--ignore``.

    A standards file with problems ends the command listing them, exit code 2.
    """
    try:
        reading = read_standards(config, select=select, ignore=ignore)
    except ConfigError as error:
        fail_with_problems(error.problems)
    if reading.problems:
        # At their line and column where the key can be found in the file.
        fail_with_problems([problem.render() for problem in reading.located])
    return reading.standards


def fail_with_problems(problems: Sequence[str]) -> NoReturn:
    """End the command listing the standards file's problems, exit code 2."""
    click.echo("standards-lint: the standards file has problems:", err=True)
    for problem in problems:
        click.echo(f"  {problem}", err=True)
    sys.exit(EXIT_TOOL_FAILED)


def load_for_reference(config: Path | None) -> Standards:
    """The standards as far as they load: a broken file must not hide the docs that fix it.

    The rules of every pack that loaded are there; the problems are left to
    ``check``, with a one-line warning here.
    """
    try:
        reading = read_standards(config)
    except ConfigError as error:  # --config names no file: a bad flag, not a broken file
        fail_with_problems(error.problems)
    if reading.problems:
        path = reading.standards.path
        what = f"the standards file {path}" if path is not None else "the rule packs"
        command = "standards-lint check" + (f" --config {config}" if config is not None else "")
        click.echo(
            f"standards-lint: warning: {what} has problems; `{command}` lists them", err=True
        )
    return reading.standards


def progress_printer() -> Callable[[int, int], None] | None:
    """A progress line for standard error, on a terminal outside CI only."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int) -> None:
        # The line is erased when the work is done, so that only the report
        # stays on the screen.
        line = "\r\033[K" if done >= total else f"\rChecking files: {done}/{total}"
        sys.stderr.write(line)
        sys.stderr.flush()

    return show


def changes_to_gate_on(diff_from: str | None, diff_file: str | None) -> RepositoryChanges | None:
    """The changed lines that ``--diff-from`` or ``--diff-file`` name, or None for neither."""
    if diff_from is not None and diff_file is not None:
        fail("--diff-from and --diff-file cannot be used together; give one of them")
    if diff_from is None and diff_file is None:
        return None
    # Only a run gated on a diff pays for reading one (and for git's subprocesses).
    from standards_lint.gate.diff import (  # noqa: PLC0415
        DiffError,
        changes_from_patch,
        changes_since,
    )

    try:
        if diff_from is not None:
            return changes_since(diff_from, Path.cwd())
        if diff_file is not None:
            return changes_from_patch(read_diff(diff_file), Path.cwd())
    except DiffError as error:
        fail(str(error))
    return None


def read_diff(diff_file: str) -> str:
    """The text of ``--diff-file`` (``-``: standard input)."""
    try:
        content = sys.stdin.buffer.read() if diff_file == "-" else Path(diff_file).read_bytes()
    except OSError as error:
        fail(f"cannot read the diff {diff_file}: {error.strerror}")
    return content.decode("utf-8", "replace")


def run_engine(
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
            progress=progress_printer(),
            baseline=baseline,
            changes=changes,
        )
    except (PathProblemError, WorkerCrashedError) as error:
        fail(str(error))


def say_which_standards(standards: Standards) -> None:
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


def use_color(choice: str, to_terminal: bool) -> bool:
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
    help="The history file (default: history-file from the standards file, else"
    f" {DEFAULT_HISTORY_FILE} next to it).",
)


config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The standards file (default: the nearest standards.toml, .standards.toml"
    " or pyproject.toml with [tool.standards-lint], searched upward).",
)


#: Where each command is defined: its module is imported when the command
#: runs (or ``--help`` lists them all), so a run pays only for its own.
COMMAND_MODULES: Final = {
    "baseline": "standards_lint.cli.baseline_command",
    "check": "standards_lint.cli.check_command",
    "clean": "standards_lint.cli.info_commands",
    "config": "standards_lint.cli.info_commands",
    "explain": "standards_lint.cli.info_commands",
    "init": "standards_lint.cli.info_commands",
    "report": "standards_lint.cli.report_command",
    "rules": "standards_lint.cli.info_commands",
    "schema": "standards_lint.cli.info_commands",
    "server": "standards_lint.cli.server_command",
}


class CommandsOnDemand(click.Group):
    """A group whose commands join it when their module is imported, on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, sorted."""
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command ``cmd_name``, its module imported if it was not yet."""
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(COMMAND_MODULES[cmd_name])
        return self.commands.get(cmd_name)


def _show_version(ctx: click.Context, _parameter: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"standards-lint, version {tool_version()}")
        ctx.exit()


@click.group(cls=CommandsOnDemand, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
def main() -> None:
    """Check code against a team's engineering standards, written once in TOML.

    Exit codes: 0 when no error-severity violation is found, 1 when some are,
    2 when the tool could not do its job (bad standards file, bad flags,
    missing paths, a rule that failed).
    """


def write_report(text: str, target: Path | None) -> str | None:
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


def history_path(standards: Standards, history: Path | None) -> Path:
    """The history file: ``--history``, or the standards' ``history-file`` next to them."""
    return history if history is not None else standards.root / standards.history_file


def history_entry(
    report: Report, context: RenderContext, commit: str | None, now: datetime | None = None
) -> HistoryEntry:
    """The line ``check --record`` writes for ``report``; ``report --replay`` makes the same."""
    from standards_lint.history import entry_for  # noqa: PLC0415 - only runs that record

    return entry_for(report, lambda code: area_of(context, code), commit=commit, now=now)


def warn_if_cache_refused(directory: Path) -> None:
    """Warn when the cache directory cannot be used (the run goes on without it)."""
    # The run goes on uncached: a cache that cannot be used is worth a warning,
    # not a failure.
    problem = cache_dir_problem(directory)
    if problem is not None:
        click.echo(f"standards-lint: warning: not caching this run: {problem}", err=True)


def read_baseline(standards: Standards) -> Baseline | None:
    """The standards' baseline, ``None`` without one; a broken one ends the command."""
    try:
        return load_baseline(standards)
    except BaselineError as error:
        fail(str(error))


def count_of(number: int, noun: str) -> str:
    """``3 violations``, ``1 violation``."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def write_baseline_file(target: Path, recorded: Baseline) -> None:
    """Write the baseline file, or end the command saying why it could not be written."""
    try:
        write_baseline(target, recorded)
    except BaselineError as error:
        fail(str(error))

"""The ``standards-lint`` command: flags in, one API call, a reporter, an exit code."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from standards_lint.api import check as run_check
from standards_lint.config import ConfigError, Standards, load_standards
from standards_lint.engine.cache import clear_cache
from standards_lint.engine.discover import MissingPathError
from standards_lint.explain import explain_rule
from standards_lint.reference import render_reference
from standards_lint.reporters import RENDERERS
from standards_lint.version import tool_version

EXIT_TOOL_FAILED = 2


def _fail(message: str) -> NoReturn:
    click.echo(f"standards-lint: error: {message}", err=True)
    sys.exit(EXIT_TOOL_FAILED)


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _load(
    config: Path | None, select: Sequence[str] | None = None, ignore: Sequence[str] = ()
) -> Standards:
    try:
        return load_standards(config, select=select, ignore=ignore)
    except ConfigError as error:
        click.echo("standards-lint: the standards file has problems:", err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(EXIT_TOOL_FAILED)


def _progress_printer() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\rChecking files: {done}/{total}{end}")
        sys.stderr.flush()

    return show


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
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when error-severity violations are found."
)
@click.option("--statistics", is_flag=True, help="Show how many violations each rule found.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of cores).",
)
@click.option(
    "--no-cache", is_flag=True, help="Analyse every file, ignoring and not updating the cache."
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to keep the cache (default: cache-dir from the standards file).",
)
def check(  # standards-lint: ignore[STY016] click passes one argument per option
    paths: tuple[Path, ...],
    config: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    output: Path | None,
    exit_zero: bool,
    statistics: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
) -> None:
    """Check PATHS (default: the current directory) against the standards."""
    standards = _load(config, _split(select) or None, _split(ignore))
    try:
        report = run_check(
            list(paths) or [Path(".")],
            standards,
            jobs=jobs or os.cpu_count() or 1,
            use_cache=not no_cache,
            cache_dir=cache_dir,
            progress=_progress_printer(),
        )
    except MissingPathError as error:
        _fail(str(error))
    color = output is None and output_format == "text" and sys.stdout.isatty()
    rendered = RENDERERS[output_format](report, color=color, statistics=statistics)
    if output is None:
        click.echo(rendered, nl=False)
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(rendered, encoding="utf-8")
        except OSError as error:
            _fail(f"cannot write {output}: {error.strerror}")
    code = report.exit_code
    sys.exit(0 if exit_zero and code == 1 else code)


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
    registry = _load(config).registry
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
    registry = _load(config).registry
    found = registry.find(rule)
    if found is None:
        try:
            codes = sorted(registry.select(rule))
        except KeyError:
            _fail(registry.unknown_selector_message(rule).replace("rule, prefix or area", "rule"))
        _fail(
            f"{rule!r} names {len(codes)} rules, not one: {', '.join(codes)};"
            " give a single code or name (`standards-lint rules` lists them)"
        )
    click.echo(explain_rule(found, registry), nl=False)


@main.command()
@config_option
def clean(config: Path | None) -> None:
    """Remove the cache directory."""
    standards = _load(config)
    directory = standards.root / standards.cache_dir
    removed = clear_cache(directory)
    click.echo(f"Removed {directory}." if removed else f"No cache at {directory}.")


def run() -> Any:
    """Entry point that turns unexpected failures into exit code 2 without a traceback."""
    try:
        return main()
    except Exception as error:
        if os.environ.get("STANDARDS_LINT_DEBUG"):
            raise
        click.echo(
            f"standards-lint: internal error: {type(error).__name__}: {error}\n"
            "Set STANDARDS_LINT_DEBUG=1 to see the traceback, and please report it.",
            err=True,
        )
        sys.exit(EXIT_TOOL_FAILED)

"""The commands that describe rather than check: rules, explain, schema, config, clean, init."""

from __future__ import annotations

import json
from pathlib import Path

import click

from standards_lint.api import current_baseline
from standards_lint.cli.common import (
    config_option,
    count_of,
    fail,
    fail_with_problems,
    load_for_reference,
    load_standards,
    main,
    write_baseline_file,
    write_report,
)
from standards_lint.config import ConfigError, read_standards
from standards_lint.engine.cache import CacheDirectoryError, clear_cache
from standards_lint.engine.discover import PathProblemError
from standards_lint.engine.run import WorkerCrashedError
from standards_lint.explain import explain_rule
from standards_lint.gate.baseline import (
    baseline_path,
)
from standards_lint.origins import (
    explain_standards,
    explained_as_json,
    explained_as_text,
)
from standards_lint.reference import render_reference
from standards_lint.rule import RuleMeta
from standards_lint.schema import render_schema
from standards_lint.starter import calibrate as calibrate_starter


def _fix_cell(rule: type[RuleMeta]) -> str:
    """The Fix column of ``rules``: how safely the rule fixes, or ``-``."""
    return f"fix:{rule.fix_label().replace(' or ', '/')}" if rule.fix_safety else "-"


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
    """List every rule: code, name, area, default severity, fix and summary.

    The fix column says whether ``check --fix`` repairs the rule's violations
    (``fix:safe``) or only ``--fix --unsafe-fixes`` does (``fix:unsafe``).

    ``--format markdown`` prints the full reference: every area's options and
    every rule's rationale and examples.
    """
    registry = load_for_reference(config).registry
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
                "fix": [safety.value for safety in rule.fix_safety],
            }
            for rule in rows
        ]
        click.echo(json.dumps(listing, indent=2))
        return
    widths = [
        max(len(text) for text in column)
        for column in zip(  # noqa: B905 - transposing rows of equal length
            *(
                (rule.code, rule.name, rule.area, rule.severity.value, _fix_cell(rule))
                for rule in rows
            )
        )
    ]
    for rule in rows:
        cells = (rule.code, rule.name, rule.area, rule.severity.value, _fix_cell(rule))
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
    registry = load_for_reference(config).registry
    found = registry.find(rule)
    if found is None:
        try:
            codes = sorted(registry.select(rule))
        except KeyError:
            if registry.incomplete:
                # A suggestion among the packs that loaded would mislead.
                packs = " and ".join(registry.incomplete)
                fail(f"unknown rule {rule!r}; {packs} did not load, and may define it")
            fail(registry.unknown_selector_message(rule).replace("rule, prefix or area", "rule"))
        fail(
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
    text = render_schema(load_for_reference(config).registry)
    problem = write_report(text, output)
    if problem is not None:
        fail(problem)


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
        fail_with_problems(error.problems)
    if reading.problems:
        fail_with_problems([problem.render() for problem in reading.located])
    explained = explain_standards(reading, target, shown_from=Path.cwd())
    if output_format == "json":
        click.echo(json.dumps(explained_as_json(explained), indent=2))
    else:
        click.echo(explained_as_text(explained), nl=False)


@main.command()
@config_option
def clean(config: Path | None) -> None:
    """Remove the cache directory."""
    standards = load_standards(config)
    directory = standards.root / standards.cache_dir
    try:
        removed = clear_cache(directory)
    except CacheDirectoryError as error:
        fail(str(error))
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
        fail(f"{path} is not a directory")
    target = path / "standards.toml"
    if target.exists() and not force and not dry_run:
        fail(f"{target} exists; give --force to overwrite it, or --dry-run to see the new one")
    try:
        starter = calibrate_starter(path, with_baseline=with_baseline)
    except (PathProblemError, WorkerCrashedError, ConfigError) as error:
        fail(str(error))
    if dry_run:
        click.echo(starter.text, nl=False)
        return
    target.write_text(starter.text, encoding="utf-8")
    message = f"Wrote {target}"
    if with_baseline and starter.remaining:
        standards = load_standards(target)
        _report, recorded, _scope = current_baseline([path], standards, use_cache=False)
        write_baseline_file(baseline_path(standards), recorded)
        message += f" and a baseline of {count_of(recorded.violation_count, 'violation')}"
    click.echo(message + "; `standards-lint check` passes on today's code.")

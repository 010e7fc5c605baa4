"""``standards-lint server``: the language server for editors, over standard input and output."""

from __future__ import annotations

import click

from standards_lint.cli.common import fail, main


@main.command()
@click.option(
    "--debounce",
    type=click.FloatRange(min=0.0),
    default=None,
    help="Seconds a change waits for the next keystroke before it is checked (default: 0.2).",
)
def server(debounce: float | None) -> None:
    """Run the Language Server Protocol server over standard input and output.

    Editors start it to show the standards as diagnostics while code is typed:
    the same standards file, overrides and severities as `check`. It needs the
    `server` extra: pip install 'standards-lint[server]'.
    """
    try:
        # Only this command needs pygls: `check` never pays for importing it.
        from standards_lint.server import DEBOUNCE_SECONDS, serve  # noqa: PLC0415
    except ImportError as error:
        fail(
            f"the language server needs pygls ({error}); "
            "install it with: pip install 'standards-lint[server]'"
        )
    serve(DEBOUNCE_SECONDS if debounce is None else debounce)

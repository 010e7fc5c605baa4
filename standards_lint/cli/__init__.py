"""The ``standards-lint`` command: flags in, one API call, a reporter, an exit code."""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType
from typing import Any, NoReturn

import click

from standards_lint.cli.common import EXIT_TOOL_FAILED, main
from standards_lint.interruption import UserInterrupt
from standards_lint.registry import RegistryError

__all__ = ["main", "run"]


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
    except RegistryError as error:
        # A pack's deferred rules that fail to import when first used.
        click.echo("standards-lint: error: a rule pack could not be loaded:", err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
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

"""Commands, and rule areas, are imported when a run uses them; the table of commands is right."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from standards_lint.cli import (
    baseline_command,
    check_command,
    info_commands,
    main,
    report_command,
    server_command,
)
from standards_lint.cli.common import COMMAND_MODULES

_MODULES = (baseline_command, check_command, info_commands, report_command, server_command)


def test_every_command_is_in_the_table_with_the_module_that_defines_it() -> None:
    # Every command module is imported above, so every command has joined ``main``.
    assert {module.__name__ for module in _MODULES} == set(COMMAND_MODULES.values())
    defined = {
        name: command.callback.__module__ if command.callback else None
        for name, command in main.commands.items()
    }
    assert defined == dict(COMMAND_MODULES)


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_a_command_is_found_by_name(name: str) -> None:
    with click.Context(main) as context:
        command = main.get_command(context, name)
    assert command is not None
    assert command.name == name
    assert name in main.list_commands(context)


def test_an_unknown_command_is_none() -> None:
    with click.Context(main) as context:
        assert main.get_command(context, "chekc") is None


def test_a_check_does_not_import_the_other_commands_or_the_html_report() -> None:
    program = (
        "import sys\n"
        "from standards_lint.cli import main\n"
        "main.main(['check', '--help'], standalone_mode=False)\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    loaded = set(ran.stdout.split())
    assert "standards_lint.cli.check_command" in loaded
    for unused in (
        "standards_lint.cli.report_command",
        "standards_lint.cli.info_commands",
        "standards_lint.cli.server_command",
        "standards_lint.reporters.html",
        "standards_lint.starter",
        "multiprocessing",
    ):
        assert unused not in loaded, unused


def test_a_check_imports_only_what_its_areas_and_patterns_need(tmp_path: Path) -> None:
    (tmp_path / "standards.toml").write_text('select = ["architecture"]\n')
    (tmp_path / "module.py").write_text("import os\n")
    program = (
        "import sys\n"
        "from standards_lint.cli import main\n"
        "try:\n"
        f"    main.main(['check', '--no-cache', {str(tmp_path)!r}], standalone_mode=False)\n"
        "finally:\n"
        "    print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert "All standards met" in ran.stdout
    loaded = set(ran.stderr.split())
    assert "standards_lint.rules.architecture.rule_set" in loaded
    for area in ("style", "docstrings", "complexity", "technologies", "tests", "coverage"):
        assert f"standards_lint.rules.{area}.rule_set" not in loaded, area
    # No pattern and no .gitignore file needs a gitignore matcher here; no
    # fix, diff or history was asked for.
    for unused in (
        "pathspec",
        "standards_lint.fixing.run",
        "standards_lint.gate.diff",
        "standards_lint.gate.new_code",
        "standards_lint.history",
    ):
        assert unused not in loaded, unused

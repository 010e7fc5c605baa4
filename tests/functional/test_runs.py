"""Whole runs: workers, the cache, and what makes cached results stale."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from .harness import Invoke, MakeProject, run_process

#: The engine starts worker processes from this many files to analyse.
MANY = 24


@pytest.fixture
def many_files(tmp_path: Path) -> Path:
    """A project of ``MANY`` modules, every third one with a long line, one broken."""
    root = tmp_path / "many"
    package = root / "pkg"
    package.mkdir(parents=True)
    (root / "standards.toml").write_text(
        'select = ["line-too-long", "tool"]\n\n[style]\nmax-line-length = 40\n', encoding="utf-8"
    )
    (package / "__init__.py").write_text('"""Many modules."""\n', encoding="utf-8")
    for number in range(MANY):
        body = f'"""Module {number}."""\n\nVALUE_{number} = {number}\n'
        if number % 3 == 0:
            body += f'TEXT_{number} = "{"x" * (30 + number)}"\n'
        (package / f"module_{number:02}.py").write_text(body, encoding="utf-8")
    (package / "module_07.py").write_text("def broken(:\n    pass\n", encoding="utf-8")
    return root


def _json_run(cli: Invoke, root: Path, *args: str) -> tuple[int, dict[str, object]]:
    result = cli("check", "--format", "json", *args, cwd=root)
    return result.exit_code, json.loads(result.stdout)


def test_workers_give_the_same_report_as_one_process(cli: Invoke, many_files: Path) -> None:
    one = _json_run(cli, many_files, "--jobs", "1", "--no-cache")
    two = _json_run(cli, many_files, "--jobs", "2", "--no-cache")
    assert one == two
    exit_code, document = one
    assert exit_code == 1
    assert document["files_checked"] == MANY + 1
    violations = document["violations"]
    assert isinstance(violations, list)
    reported = [(violation["path"], violation["rule"]) for violation in violations]
    expected = sorted(
        [(f"pkg/module_{n:02}.py", "STY001") for n in range(0, MANY, 3)]
        + [("pkg/module_07.py", "SL001")]
    )
    assert reported == expected


def test_cold_and_warm_cache_give_the_same_report(cli: Invoke, many_files: Path) -> None:
    uncached = _json_run(cli, many_files, "--no-cache")
    cold = _json_run(cli, many_files, "--jobs", "2")
    warm = _json_run(cli, many_files, "--jobs", "1")
    assert uncached == cold == warm
    entries = list((many_files / ".standards-lint-cache").rglob("*"))
    assert sum(1 for entry in entries if entry.is_file() and len(entry.name) == 64) == MANY + 1


def test_changing_a_file_or_the_standards_refreshes_its_result(
    cli: Invoke, many_files: Path
) -> None:
    assert _json_run(cli, many_files)[0] == 1
    (many_files / "pkg" / "module_07.py").write_text("FIXED = True\n", encoding="utf-8")
    standards = many_files / "standards.toml"
    standards.write_text(
        standards.read_text(encoding="utf-8").replace("= 40", "= 100"), encoding="utf-8"
    )
    exit_code, document = _json_run(cli, many_files)
    assert (exit_code, document["violations"]) == (0, [])


def test_a_failing_rule_still_fails_the_run_when_cached(cli: Invoke, project: MakeProject) -> None:
    root = project("failing_plugin")
    first = cli("check", cwd=root)
    second = cli("check", cwd=root)
    assert first.exit_code == second.exit_code == 2
    assert first.stdout == second.stdout


def test_editing_a_local_plugin_refreshes_cached_results(project: MakeProject) -> None:
    # Real processes: a plugin is imported once per process.
    root = project("failing_plugin")
    command = [sys.executable, "-m", "standards_lint", "check", "src/bystander.py"]
    before = run_process(command, root)
    assert "do not call eval" in before.stdout
    plugin = root / "lint" / "fragile_rules.py"
    plugin.write_text(
        plugin.read_text(encoding="utf-8").replace("do not call eval", "eval is banned"),
        encoding="utf-8",
    )
    after = run_process(command, root)
    assert after.exit_code == 1
    assert "eval is banned" in after.stdout
    assert "do not call eval" not in after.stdout


def test_a_fully_cached_run_does_not_import_libcst(project: MakeProject) -> None:
    root = project("violations")
    script = (
        "import sys\n"
        "from standards_lint.cli import main\n"
        "try:\n"
        "    main(['check', '--select', 'ALL', '--jobs', '1'])\n"
        "except SystemExit as stop:\n"
        "    print('exit', stop.code, 'libcst', 'libcst' in sys.modules, file=sys.stderr)\n"
    )
    cold = run_process([sys.executable, "-c", script], root)
    warm = run_process([sys.executable, "-c", script], root)
    assert cold.stdout == warm.stdout
    assert warm.stderr.strip().splitlines()[-1] == "exit 1 libcst False"


def test_jobs_spread_files_over_worker_processes(cli: Invoke, many_files: Path) -> None:
    (many_files / "lint").mkdir()
    (many_files / "lint" / "which_process.py").write_text(
        "import os\n"
        "from standards_lint import Area, Rule, RulePack\n\n\n"
        "class WhichProcess(Rule):\n"
        '    code = "PID001"\n'
        '    name = "which-process"\n'
        '    area = "pid"\n'
        '    summary = "Reports the process that analysed the file."\n'
        '    rationale = "It shows whether workers ran."\n\n'
        "    def start_file(self):\n"
        "        self.report_at(1, 1, str(os.getpid()))\n\n\n"
        'PACK = RulePack("pid", [WhichProcess], [Area("pid", "PID", "Processes")])\n',
        encoding="utf-8",
    )
    (many_files / "standards.toml").write_text(
        'select = ["which-process"]\nplugins = ["lint/which_process.py"]\nexclude = ["lint/"]\n',
        encoding="utf-8",
    )

    def processes(*args: str) -> set[str]:
        _, document = _json_run(cli, many_files, "--no-cache", *args)
        violations = document["violations"]
        assert isinstance(violations, list)
        pids = [violation["message"] for violation in violations if violation["rule"] == "PID001"]
        assert len(pids) == MANY + 1
        return set(pids)

    assert processes("--jobs", "1") == {str(os.getpid())}
    workers = processes("--jobs", "2")
    assert str(os.getpid()) not in workers
    assert 1 <= len(workers) <= 2


def test_a_rule_failing_in_a_worker_is_reported_like_in_one_process(
    cli: Invoke, many_files: Path
) -> None:
    (many_files / "lint").mkdir()
    (many_files / "lint" / "picky.py").write_text(
        "from standards_lint import Area, Rule, RulePack\n\n\n"
        "class Picky(Rule):\n"
        '    code = "PCK001"\n'
        '    name = "picky"\n'
        '    area = "picky"\n'
        '    summary = "Fails on one module."\n'
        '    rationale = "It shows that a failure in a worker is isolated."\n\n'
        "    def start_file(self):\n"
        '        if self.source.path.endswith("module_05.py"):\n'
        '            raise RuntimeError("cannot cope with module 5")\n\n\n'
        'PACK = RulePack("picky", [Picky], [Area("picky", "PCK", "Picky")])\n',
        encoding="utf-8",
    )
    standards = many_files / "standards.toml"
    standards.write_text(
        standards.read_text(encoding="utf-8").replace(
            'select = ["line-too-long", "tool"]',
            'select = ["line-too-long", "tool", "picky"]\n'
            'plugins = ["lint/picky.py"]\nexclude = ["lint/"]',
        ),
        encoding="utf-8",
    )
    one = _json_run(cli, many_files, "--jobs", "1", "--no-cache")
    two = _json_run(cli, many_files, "--jobs", "2", "--no-cache")
    assert one == two
    exit_code, document = two
    assert exit_code == 2
    violations = document["violations"]
    assert isinstance(violations, list)
    failures = [v for v in violations if v["rule"] == "SL002"]
    assert [v["path"] for v in failures] == ["pkg/module_05.py"]
    assert "RuntimeError: cannot cope with module 5" in failures[0]["message"]
    assert sum(1 for v in violations if v["rule"] == "STY001") == len(range(0, MANY, 3))

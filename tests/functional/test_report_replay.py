"""``report --replay N`` over a real history: the installed click package, changed commit by commit.

Each replayed point must equal what ``check --format json`` finds on a
checkout of its commit, and the user's working tree, index and worktree list
must be as they were.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import click
import pytest

from tests.functional.harness import Invoke

CLICK = Path(click.__file__).parent
STANDARDS = "standards.toml"
#: A line longer than 79 and 100 characters, in a function without a docstring.
ADDED_DEBT = (
    "\n\ndef undocumented_helper(value):\n"
    f"    return [value for value in range(10) if value % 3 == 0 or value % 5 == 0]  # {'x' * 40}\n"
)


def _git(repository: Path, *arguments: str, day: int = 1) -> str:
    when = f"2024-03-{day:02d}T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    completed = subprocess.run(
        ["git", *arguments], cwd=repository, env=env, capture_output=True, text=True, check=True
    )
    return completed.stdout


def _commit(repository: Path, message: str, day: int) -> str:
    _git(repository, "add", "--all")
    _git(repository, "commit", "--quiet", "-m", message, day=day)
    return _git(repository, "rev-parse", "HEAD").strip()


def _copy_modules(repository: Path, *names: str) -> None:
    package = repository / "click"
    package.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(CLICK / name, package / name)


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, list[str]]:
    """A repository of six commits growing and changing a copy of click; and their hashes."""
    repository = tmp_path / "repository"
    repository.mkdir()
    _git(repository, "init", "--quiet", "--initial-branch=main")
    (repository / ".gitignore").write_text(".standards-lint-cache/\n*.html\n", encoding="utf-8")
    (repository / "README.md").write_text("A copy of click.\n", encoding="utf-8")
    commits = [_commit(repository, "Start", 1)]
    # No standards file yet: the replay checks this commit with today's.
    _copy_modules(
        repository, "__init__.py", "_compat.py", "exceptions.py", "globals.py", "utils.py"
    )
    commits.append(_commit(repository, "The package's base", 2))
    _copy_modules(repository, "types.py", "parser.py")
    (repository / STANDARDS).write_text("[style]\nmax-line-length = 79\n", encoding="utf-8")
    commits.append(_commit(repository, "Types and parser; lines of 79", 3))
    with (repository / "click" / "utils.py").open("a", encoding="utf-8") as utils:
        utils.write(ADDED_DEBT)
    commits.append(_commit(repository, "A helper", 4))
    (repository / STANDARDS).write_text("[styel]\nmax-line-length = 79\n", encoding="utf-8")
    commits.append(_commit(repository, "A misspelt table", 5))
    (repository / STANDARDS).write_text("[style]\nmax-line-length = 100\n", encoding="utf-8")
    _copy_modules(repository, "formatting.py")
    commits.append(_commit(repository, "Formatting; lines of 100", 6))
    return repository, commits


def _state(repository: Path) -> tuple[str, str, str]:
    """What the replay must leave alone: the status, the index and the worktrees."""
    return (
        _git(repository, "status", "--porcelain"),
        _git(repository, "ls-files", "--stage"),
        _git(repository, "worktree", "list", "--porcelain"),
    )


def _trend_rows(page: str) -> list[tuple[str, str, int]]:
    table = re.search(r'<table id="trend-table">.*?<tbody>(.*?)</tbody>', page, re.DOTALL)
    assert table is not None, "the page draws no trend"
    return [
        (html.unescape(recorded), commit, int(total))
        for recorded, commit, total in re.findall(
            r'<tr><td>(.*?)</td><td>(\w*)</td><td class="number">(\d+)</td>', table.group(1)
        )
    ]


def _series(page: str) -> dict[str, list[int]]:
    chart = re.search(r'<svg class="chart" data-chart="trend".*?</svg>', page, re.DOTALL)
    assert chart is not None
    return {
        html.unescape(label): [int(float(value)) for value in values.split(",")]
        for label, values in re.findall(
            r'<g class="series" data-label="(.*?)" data-values="(.*?)">', chart.group(0)
        )
    }


def _checked_at(
    repository: Path, commit: str, cli: Invoke, scratch: Path
) -> tuple[dict[str, object], dict[str, object]]:
    """``check --record --format json`` on a checkout of ``commit``: the record and the report.

    A commit without a standards file is checked with today's, as the replay does.
    """
    checkout = scratch / commit[:12]
    _git(repository, "worktree", "add", "--detach", str(checkout), commit)
    try:
        if not (checkout / STANDARDS).exists():
            shutil.copy(repository / STANDARDS, checkout / STANDARDS)
        recorded = scratch / f"{commit[:12]}.jsonl"
        run = cli(
            "check",
            "--record",
            "--history",
            str(recorded),
            "--format",
            "json",
            "--no-cache",
            cwd=checkout,
        )
        assert run.exit_code in (0, 1), run.stderr
        return json.loads(recorded.read_text(encoding="utf-8")), json.loads(run.stdout)
    finally:
        _git(repository, "worktree", "remove", "--force", str(checkout))


def test_replay_draws_the_figures_check_finds_at_each_commit(
    history: tuple[Path, list[str]], cli: Invoke, tmp_path: Path
) -> None:
    repository, commits = history
    before = _state(repository)
    run = cli("report", "--replay", "20", "-o", "../report.html", cwd=repository)
    assert run.exit_code == 0, run.stderr
    assert _state(repository) == before
    # The checkouts shared the current checkout's cache (git ignores it here).
    assert (repository / ".standards-lint-cache").is_dir()
    broken = commits[4]
    assert f"standards-lint: note: {broken[:12]}: skipped: its standards have problems" in (
        run.stderr
    )
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    # Twenty were asked for; the branch has six.
    title = re.search(r'<h3 id="trend-title">(.*?)</h3>', page)
    assert title is not None
    assert title.group(1) == f"Violations over the last {len(commits)} commits, replayed from Git"
    assert "Replayed from the last 6 commits of this branch; 1 could not be checked." in page
    rows = _trend_rows(page)
    kept = [commit for commit in commits if commit != broken]
    assert [commit for _, commit, _ in rows] == [commit[:12] for commit in kept]
    # Each point is dated by its commit, oldest first.
    assert [recorded[:10] for recorded, _, _ in rows] == [
        f"2024-03-{day:02d}" for day in (1, 2, 3, 4, 6)
    ]
    series = _series(page)
    records = []
    for commit in kept:
        record, found = _checked_at(repository, commit, cli, tmp_path)
        assert record["total"] == len(found["violations"])  # type: ignore[arg-type]
        records.append(record)
    assert [total for _, _, total in rows] == [record["total"] for record in records]
    assert series.pop("total") == [record["total"] for record in records]
    assert series, "no area is drawn"
    for area, values in series.items():
        assert values == [record["by_area"].get(area, 0) for record in records]  # type: ignore[attr-defined]
    # The history is real: the debt moved between commits.
    totals = [record["total"] for record in records]
    assert totals[0] == 0 and len(set(totals)) == len(totals)


def test_outside_a_repository_the_replay_is_refused(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "module.py").write_text('"""A module."""\n', encoding="utf-8")
    run = cli("report", "--replay", "3", "--no-cache", cwd=tmp_path)
    assert run.exit_code == 2
    assert "is not in a Git work tree; --replay reads Git history" in run.stderr
    assert not (tmp_path / "standards-lint-report.html").exists()


@pytest.mark.parametrize("count", ["0", "-2"])
def test_a_count_that_is_not_positive_is_refused(
    history: tuple[Path, list[str]], cli: Invoke, count: str
) -> None:
    repository, _ = history
    run = cli("report", "--replay", count, "--no-cache", cwd=repository)
    assert run.exit_code == 2
    assert f"--replay takes a positive number of commits, not {count}" in run.stderr

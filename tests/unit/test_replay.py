"""The replay of commits, with a fake Git that records what it was asked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

import pytest

from standards_lint.config import Standards
from standards_lint.history import HistoryEntry
from standards_lint.model import Report
from standards_lint.replay import (
    CommitSkippedError,
    ReplayedCommit,
    ReplayError,
    ReplayOptions,
    check_commit,
    last_commits,
    replay,
    repository_root,
)

ONLY_LONG_LINES = 'select = ["line-too-long"]\n[style]\n'
WHEN = datetime(2024, 3, 1, 12, tzinfo=timezone.utc)


class FakeGit:
    """Answers ``log`` and ``rev-parse``; ``worktree add`` writes the files of its commit."""

    def __init__(self, trees: dict[str, dict[str, str]], log: str | None = "") -> None:
        self.trees = trees
        self.log = log
        self.calls: list[list[str]] = []

    def __call__(self, arguments: Sequence[str], directory: Path) -> str | None:
        self.calls.append(list(arguments))
        if "add" in arguments:
            commit = arguments[-1]
            if commit not in self.trees:
                return None
            checkout = Path(arguments[-2])
            for name, content in self.trees[commit].items():
                (checkout / name).parent.mkdir(parents=True, exist_ok=True)
                (checkout / name).write_text(content, encoding="utf-8")
            return ""
        if arguments[0] == "log":
            return self.log
        return ""


def _entry(report: Report, standards: Standards, commit: ReplayedCommit) -> HistoryEntry:
    return HistoryEntry(
        timestamp=commit.committed.isoformat(), total=len(report.violations), commit=commit.commit
    )


def _options(
    tmp_path: Path, standards: str | None = ONLY_LONG_LINES + "max-line-length = 10\n"
) -> ReplayOptions:
    return ReplayOptions(
        paths=(Path("."),),
        working_directory=Path("."),
        standards_file=None if standards is None else Path("standards.toml"),
        standards_text=None if standards is None else standards.encode(),
        cache_dir=tmp_path / "cache",
    )


def test_the_last_commits_come_oldest_first_and_the_count_reaches_git() -> None:
    git = FakeGit({}, log="bbb 2024-03-02T12:00:00+00:00\naaa 2024-03-01T12:00:00+00:00\n")
    commits = last_commits(git, Path("/repo"), 2)
    assert [commit.commit for commit in commits] == ["aaa", "bbb"]
    assert commits[0].committed == WHEN
    assert git.calls == [["log", "--first-parent", "--max-count=2", "--format=%H %cI", "HEAD"]]


@pytest.mark.parametrize("count", [0, -1])
def test_a_count_that_is_not_positive_is_refused(count: int) -> None:
    with pytest.raises(ReplayError, match="positive number"):
        last_commits(FakeGit({}), Path("/repo"), count)


def test_outside_a_repository_there_is_no_root() -> None:
    with pytest.raises(ReplayError, match="not in a Git work tree"):
        repository_root(lambda arguments, directory: None, Path("/somewhere"))


def test_every_checkout_is_removed_and_a_failed_one_is_a_note(tmp_path: Path) -> None:
    git = FakeGit({"aaa": {"module.py": "x = 'a line too long'\n"}})
    commits = [ReplayedCommit("aaa", WHEN), ReplayedCommit("gone", WHEN)]
    replayed = replay(commits, tmp_path, _options(tmp_path), _entry, runner=git)
    assert [entry.commit for entry in replayed.entries] == ["aaa"]
    assert replayed.entries[0].total == 1  # the current standards, copied in: lines of 10
    assert replayed.notes == ("gone: skipped: Git could not check it out",)
    added = [call for call in git.calls if "add" in call]
    removed = [call for call in git.calls if "remove" in call]
    # The checkout that was made is removed; the one Git refused never existed.
    assert [call[-1] for call in removed] == [added[0][-2]]
    assert removed[0][:3] == ["worktree", "remove", "--force"]
    assert all(call[:2] == ["-c", call[1]] and "hooksPath" in call[1] for call in added)


def test_a_commit_with_its_own_standards_is_checked_with_them(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "standards.toml").write_text(
        ONLY_LONG_LINES + "max-line-length = 100\n", encoding="utf-8"
    )
    (checkout / "module.py").write_text("x = 'a line too long'\n", encoding="utf-8")
    entry = check_commit(checkout, ReplayedCommit("aaa", WHEN), _options(tmp_path), _entry)
    assert entry.total == 0


def test_broken_standards_at_a_commit_skip_it(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "standards.toml").write_text("[styel]\n", encoding="utf-8")
    with pytest.raises(CommitSkippedError, match=r"its standards have problems: .*styel"):
        check_commit(checkout, ReplayedCommit("aaa", WHEN), _options(tmp_path), _entry)


def test_a_path_missing_at_a_commit_skips_it(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    options = _options(tmp_path)
    options = ReplayOptions(
        paths=(Path("src"),),
        working_directory=options.working_directory,
        standards_file=options.standards_file,
        standards_text=options.standards_text,
        cache_dir=options.cache_dir,
    )
    with pytest.raises(CommitSkippedError, match="no such file or directory"):
        check_commit(checkout, ReplayedCommit("aaa", WHEN), options, _entry)

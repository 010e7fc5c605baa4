"""Replay: the debt trend of the last commits, computed from Git history instead of recorded.

``report --replay N`` checks each of the last ``N`` commits of the current
branch's first-parent history, oldest first, and turns each report into the
:class:`~standards_lint.history.HistoryEntry` that ``check --record`` would
have written there. Each commit is checked out into a temporary worktree of
its own (``git worktree add --detach``), removed afterwards, so the user's
working tree and index are never touched. All runs share one cache
directory: a file unchanged between commits is analysed once.

The standards of a commit are the file at the same path in that commit;
when the commit has none there, the current file is copied into its
checkout. A commit whose check cannot run (its standards or baseline are
broken, a checked path does not exist yet) is skipped with a note.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from standards_lint.api import check
from standards_lint.config import ConfigError, Standards, load_standards
from standards_lint.engine.discover import PathProblemError
from standards_lint.engine.run import WorkerCrashedError
from standards_lint.gate.baseline import BaselineError, load_baseline
from standards_lint.history import HistoryEntry
from standards_lint.hotspots import GitRunner
from standards_lint.model import Report

#: A checkout must run no code of the repository's: with hooks looked for in
#: a path that holds none, ``worktree add`` cannot start a post-checkout hook.
_NO_HOOKS = ("-c", f"core.hooksPath={os.devnull}")


class ReplayError(Exception):
    """The replay cannot start at all: not a Git repository, or a count that is not positive."""


class CommitSkippedError(Exception):
    """The check could not run at one commit; the message says why."""


@dataclass(frozen=True, slots=True)
class ReplayedCommit:
    """One commit to replay: its hash and when it was committed."""

    commit: str
    committed: datetime


@dataclass(frozen=True, slots=True)
class ReplayOptions:
    """How each commit is checked, as the current run would check the current checkout.

    Paths are relative to the repository's root, so that they name the same
    place in every checkout.
    """

    #: What to check.
    paths: tuple[Path, ...]
    #: The directory the run works from (display paths are relative to it).
    working_directory: Path
    #: The current standards file (``None``: none, each commit finds its own).
    standards_file: Path | None
    #: The current standards file's text, used at a commit that has no file there.
    standards_text: bytes | None
    cache_dir: Path | None
    jobs: int = 1
    use_baseline: bool = True


@dataclass(frozen=True, slots=True)
class Replay:
    """The entries of the commits that could be checked, oldest first, and why others were not."""

    entries: tuple[HistoryEntry, ...]
    notes: tuple[str, ...]


#: ``entry_of(report, standards, commit)``: the history entry of one commit's report.
EntryOf = Callable[[Report, Standards, ReplayedCommit], HistoryEntry]
#: ``progress(done, total, commit)``: called before each commit is checked.
ReplayProgress = Callable[[int, int, str], None]


def repository_root(runner: GitRunner, directory: Path) -> Path:
    """The top of the Git work tree holding ``directory``; :class:`ReplayError` outside one."""
    output = runner(["rev-parse", "--show-toplevel"], directory)
    if output is None or not output.strip():
        raise ReplayError(f"{directory} is not in a Git work tree; --replay reads Git history")
    return Path(output.strip()).resolve()


def last_commits(runner: GitRunner, root: Path, count: int) -> list[ReplayedCommit]:
    """The last ``count`` commits of HEAD's first-parent history, oldest first."""
    if count < 1:
        raise ReplayError(f"--replay takes a positive number of commits, not {count}")
    output = runner(
        ["log", "--first-parent", f"--max-count={count}", "--format=%H %cI", "HEAD"], root
    )
    if output is None:
        raise ReplayError(f"cannot read the history of {root}: it has no commit yet")
    commits = []
    for line in output.splitlines():
        commit, _, when = line.strip().partition(" ")
        if commit and when:
            commits.append(ReplayedCommit(commit, datetime.fromisoformat(when)))
    return commits[::-1]


def options_for(
    standards: Standards,
    root: Path,
    paths: Sequence[Path],
    *,
    cache_dir: Path | None,
    jobs: int,
    use_baseline: bool,
) -> ReplayOptions:
    """The replay options of the current run: its paths and standards, relative to ``root``.

    The cache is the current checkout's, given as an absolute path, so every
    checkout reads and fills the same one.
    """
    here = Path.cwd().resolve()
    standards_file = None
    text = None
    if standards.path is not None:
        standards_file = _inside(standards.path.resolve(), root, "the standards file")
        text = standards.path.read_bytes()
    return ReplayOptions(
        paths=tuple(_inside((here / path).resolve(), root, str(path)) for path in paths),
        working_directory=_inside(here, root, "the current directory"),
        standards_file=standards_file,
        standards_text=text,
        cache_dir=(cache_dir or standards.root / standards.cache_dir).resolve(),
        jobs=jobs,
        use_baseline=use_baseline,
    )


def _inside(path: Path, root: Path, what: str) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        raise ReplayError(f"{what} ({path}) is outside the Git work tree {root}") from None


def replay(
    commits: Sequence[ReplayedCommit],
    root: Path,
    options: ReplayOptions,
    entry_of: EntryOf,
    *,
    runner: GitRunner,
    progress: ReplayProgress | None = None,
) -> Replay:
    """Check each of ``commits`` in a temporary worktree of ``root``, and collect the entries."""
    entries: list[HistoryEntry] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="standards-lint-replay-") as scratch:
        for index, commit in enumerate(commits):
            if progress is not None:
                progress(index, len(commits), commit.commit)
            checkout = Path(scratch) / str(index)
            added = runner(
                [*_NO_HOOKS, "worktree", "add", "--detach", str(checkout), commit.commit], root
            )
            if added is None:
                notes.append(f"{commit.commit[:12]}: skipped: Git could not check it out")
                continue
            try:
                entries.append(check_commit(checkout, commit, options, entry_of))
            except CommitSkippedError as error:
                notes.append(f"{commit.commit[:12]}: skipped: {error}")
            finally:
                runner(["worktree", "remove", "--force", str(checkout)], root)
        if progress is not None:
            progress(len(commits), len(commits), "")
    return Replay(tuple(entries), tuple(notes))


def check_commit(
    checkout: Path, commit: ReplayedCommit, options: ReplayOptions, entry_of: EntryOf
) -> HistoryEntry:
    """The history entry of the commit checked out at ``checkout``.

    Raises :class:`CommitSkippedError` when the check cannot run there.
    """
    here = checkout / options.working_directory
    try:
        standards = load_standards(_standards_file(checkout, options), start=here)
        baseline = load_baseline(standards) if options.use_baseline else None
        report = check(
            [checkout / path for path in options.paths],
            standards,
            jobs=options.jobs,
            cache_dir=options.cache_dir,
            cwd=here,
            baseline=baseline,
        )
    except ConfigError as error:
        raise CommitSkippedError(
            "its standards have problems: " + "; ".join(error.problems)
        ) from None
    except (BaselineError, PathProblemError, WorkerCrashedError) as error:
        raise CommitSkippedError(str(error)) from None
    return entry_of(report, standards, commit)


def _standards_file(checkout: Path, options: ReplayOptions) -> Path | None:
    """The commit's standards file; the current one, copied in, where the commit has none."""
    if options.standards_file is None or options.standards_text is None:
        return None
    target = checkout / options.standards_file
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(options.standards_text)
    return target

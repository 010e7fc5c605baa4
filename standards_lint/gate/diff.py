"""The lines a change adds: from git (``check --diff-from``) or from a patch (``--diff-file``).

Both give a :class:`RepositoryChanges`: for each file, by its path relative to
the repository root, the line numbers (in the file as it is now) that the diff
adds. A line that is replaced counts as added; a line that is only removed
leaves nothing behind to report on. Renamed files count under their new path,
deleted, binary, symlink and submodule entries change no line of a checked file.

Git is only ever run through a :data:`GitRunner`, a list of arguments and a
directory in and its output back, so that tests can give a fake one.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unidiff.patch import PatchedFile

__all__ = [
    "DiffError",
    "FileChange",
    "GitOutput",
    "GitRunner",
    "RepositoryChanges",
    "changes_from_patch",
    "changes_since",
    "parse_unified_diff",
    "run_git",
]

#: The escapes git writes inside a quoted path (besides three-digit octal bytes).
_QUOTED_PATH_ESCAPES = {
    "a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92
}  # fmt: skip
_OCTAL_DIGITS = frozenset("01234567")
#: How much of a mismatching line a message quotes.
_QUOTED_TEXT_LIMIT = 60


class DiffError(Exception):
    """The changed lines cannot be known: no git, no repository, a bad ref or a bad diff.

    The message is written for the user and names the culprit.
    """


@dataclass(frozen=True, slots=True)
class GitOutput:
    """What one git command gave back."""

    returncode: int
    stdout: bytes
    stderr: bytes

    @property
    def error_text(self) -> str:
        """Git's own complaint, on one line."""
        return " ".join(self.stderr.decode("utf-8", "replace").split())


#: ``run(arguments, cwd)``: run ``git *arguments`` in ``cwd``.
GitRunner = Callable[[Sequence[str], Path], GitOutput]


def run_git(arguments: Sequence[str], cwd: Path) -> GitOutput:
    """Run ``git`` with ``arguments`` in ``cwd`` (never through a shell).

    Raises :class:`DiffError` when git is not installed.
    """
    try:
        completed = subprocess.run(  # a list of arguments: never a shell
            ["git", *arguments], cwd=cwd, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise DiffError(
            "git is not installed (or not on PATH); install it, or pass the changes"
            " as a unified diff with --diff-file"
        ) from None
    return GitOutput(completed.returncode, completed.stdout, completed.stderr)


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file of a diff: its path (relative, with ``/``) and the text of each added line."""

    path: str
    added: Mapping[int, str]


@dataclass(frozen=True, slots=True)
class RepositoryChanges:
    """The added lines of every changed file, by path relative to the repository ``root``."""

    root: Path
    lines: Mapping[str, frozenset[int]]

    def lines_of(self, path: Path) -> frozenset[int]:
        """The added lines of the file at ``path`` (absolute); none if it is outside ``root``."""
        try:
            relative = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return frozenset()
        return self.lines.get(relative, frozenset())


def parse_unified_diff(text: str) -> tuple[FileChange, ...]:
    """The files a unified diff adds lines to, with the added lines' numbers and text.

    Deleted, binary, symlink and submodule entries are left out; a renamed file
    is listed under its new path (with no lines when it is only renamed).
    Raises :class:`DiffError` when the text is not a unified diff or a path in it
    leaves the repository.
    """
    # Imported here: only runs gated on a diff need the parser.
    from unidiff.errors import UnidiffParseError  # noqa: PLC0415
    from unidiff.patch import PatchSet  # noqa: PLC0415

    try:
        patch = PatchSet(text)
    except UnidiffParseError as error:
        raise DiffError(f"the diff does not parse: {error}") from None
    if not patch and text.strip():
        raise DiffError(
            "the diff does not parse: it has no file headers ('--- a/path' and '+++ b/path')"
        )
    return tuple(_file_change(patched) for patched in patch if _changes_text(patched))


def changes_since(ref: str, cwd: Path, *, run: GitRunner = run_git) -> RepositoryChanges:
    """The working tree's changes since the merge base of ``ref`` and ``HEAD``.

    That is what a pull request from this branch into ``ref`` would change:
    committed, staged and unstaged changes to tracked files, plus every
    untracked file that git does not ignore, counted as wholly added.
    """
    root = _repository_root(cwd, run, needed_for="--diff-from")
    base = _merge_base(ref, root, run)
    diff = run(
        [
            "-c", "core.quotepath=off",
            "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--submodule=short",
            "--find-renames", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/",
            base, "--",
        ],
        root,
    )  # fmt: skip
    if diff.returncode != 0:
        raise DiffError(f"git diff {base} failed: {diff.error_text}")
    lines = {
        change.path: frozenset(change.added)
        for change in parse_unified_diff(diff.stdout.decode("utf-8", "replace"))
    }
    lines.update(_untracked_files(root, run))
    return RepositoryChanges(root, lines)


def changes_from_patch(
    text: str,
    cwd: Path,
    *,
    run: GitRunner = run_git,
    read_file: Callable[[Path], bytes] = Path.read_bytes,
) -> RepositoryChanges:
    """The changes a unified diff describes, checked against the files on disk.

    Its paths are relative to the repository root (the current directory when
    it is not in a git repository). Every added line must read the same in the
    file as in the diff, so that a stale or foreign diff is refused rather than
    silently gating the wrong lines.
    """
    try:
        root = _repository_root(cwd, run, needed_for="--diff-file")
    except DiffError:
        root = cwd.resolve()
    changes = parse_unified_diff(text)
    for change in changes:
        _check_applies(change, root, read_file)
    return RepositoryChanges(root, {change.path: frozenset(change.added) for change in changes})


def _changes_text(patched: PatchedFile) -> bool:
    """Whether a diff entry can add lines to a checked file."""
    return not (
        patched.is_removed_file
        or patched.is_binary_file
        or patched.is_symlink
        or patched.is_submodule
    )


def _file_change(patched: PatchedFile) -> FileChange:
    """The added lines of one diff entry, under its (new) path."""
    added = {
        line.target_line_no: line.value.rstrip("\r\n")
        for hunk in patched
        for line in hunk
        if line.is_added and line.target_line_no is not None
    }
    return FileChange(_repository_path(_unquote(patched.path)), added)


def _repository_path(path: str) -> str:
    """``path`` as a clean relative path with ``/``; refuse one that leaves the repository."""
    posix = PurePosixPath(path)
    if posix.is_absolute() or PureWindowsPath(path).drive or ".." in posix.parts:
        raise DiffError(
            f"the diff names {path!r}, which is outside the repository: paths in a diff"
            " must be relative to the repository root"
        )
    return posix.as_posix()


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of a path with unusual characters (``"caf\\303\\251.py"``)."""
    if len(path) < 2 or not (path[0] == path[-1] == '"'):
        return path
    body = path[1:-1]
    decoded = bytearray()
    index = 0
    while index < len(body):
        character = body[index]
        octal = body[index + 1 : index + 4]
        escaped = body[index + 1 : index + 2]
        if character == "\\" and len(octal) == 3 and set(octal) <= _OCTAL_DIGITS:
            decoded.append(int(octal, 8))
            index += 4
        elif character == "\\" and escaped in _QUOTED_PATH_ESCAPES:
            decoded.append(_QUOTED_PATH_ESCAPES[escaped])
            index += 2
        else:
            decoded += character.encode("utf-8")
            index += 1
    return decoded.decode("utf-8", "replace")


def _repository_root(cwd: Path, run: GitRunner, *, needed_for: str) -> Path:
    """The top folder of the git working tree that holds ``cwd``."""
    found = run(["rev-parse", "--show-toplevel"], cwd)
    if found.returncode != 0:
        raise DiffError(
            f"{needed_for} needs a git repository, and {cwd} is not in one ({found.error_text})"
        )
    return Path(found.stdout.decode("utf-8", "surrogateescape").strip()).resolve()


def _merge_base(ref: str, root: Path, run: GitRunner) -> str:
    """The commit where ``ref`` and ``HEAD`` meet, as a full hash."""
    if not ref or ref.startswith("-"):
        raise DiffError(f"--diff-from: {ref!r} is not a branch, tag or commit")
    commit = run(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    if commit.returncode != 0:
        raise DiffError(
            f"--diff-from: unknown revision {ref!r}: no branch, tag or commit of that name"
            " (in CI, fetch it first: git fetch origin <branch>)"
        )
    if run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], root).returncode != 0:
        raise DiffError("--diff-from: the repository has no commit yet (HEAD does not exist)")
    base = run(["merge-base", commit.stdout.decode().strip(), "HEAD"], root)
    if base.returncode != 0:
        raise DiffError(f"--diff-from: {ref!r} and HEAD have no common ancestor")
    return base.stdout.decode().strip()


def _untracked_files(root: Path, run: GitRunner) -> Iterator[tuple[str, frozenset[int]]]:
    """Every untracked, not ignored file with all its lines: it is new code in full."""
    listed = run(["ls-files", "--others", "--exclude-standard", "-z"], root)
    if listed.returncode != 0:
        raise DiffError(f"git ls-files failed: {listed.error_text}")
    for raw in listed.stdout.split(b"\0"):
        name = raw.decode("utf-8", "surrogateescape")
        if not name or name.endswith("/"):
            continue  # a nested repository is listed as a folder
        try:
            content = (root / name).read_bytes()
        except OSError:
            continue  # gone since git listed it: nothing to check either
        if b"\0" in content:
            continue  # binary
        yield name, frozenset(range(1, _line_count(content) + 1))


def _line_count(content: bytes) -> int:
    """How many lines ``content`` has (a last line without a newline counts)."""
    return content.count(b"\n") + (1 if content and not content.endswith(b"\n") else 0)


def _check_applies(change: FileChange, root: Path, read_file: Callable[[Path], bytes]) -> None:
    """Refuse a diff whose added lines are not the file's lines at those numbers."""
    if not change.added:
        return
    try:
        content = read_file(root / change.path)
    except OSError:
        raise DiffError(
            f"the diff does not apply to the files on disk: it adds lines to {change.path},"
            f" which does not exist in {root}"
        ) from None
    text_on_disk = content.decode("utf-8", "replace")
    lines = [line.rstrip("\r") for line in text_on_disk.split("\n")]
    if text_on_disk.endswith("\n"):
        lines.pop()  # the newline ends the last line; it does not start another
    for number, text in sorted(change.added.items()):
        actual = lines[number - 1] if number <= len(lines) else None
        if actual != text:
            found = "past the end of the file" if actual is None else f"is {_quote(actual)}"
            raise DiffError(
                f"the diff does not apply to the files on disk: {change.path} line {number}"
                f" {found}, but the diff adds {_quote(text)} there"
                " (was the diff made from another version of the files?)"
            )


def _quote(text: str) -> str:
    """``text`` for a message, shortened."""
    if len(text) > _QUOTED_TEXT_LIMIT:
        text = text[: _QUOTED_TEXT_LIMIT - 3] + "..."
    return repr(text)

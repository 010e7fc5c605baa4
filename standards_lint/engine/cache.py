"""A content-addressed store of per-file results, safe to share between runs.

An entry's key is a hash of everything its result depends on: the file's
bytes, its display path, the effective standards for it, the rule packs'
code, and the tool's version. Entries are written to a temporary file and
renamed into place, so two runs sharing the directory never see half an
entry.

What an entry can do
--------------------
An entry is JSON and holds plain data only (see
:mod:`standards_lint.engine.plain_data`): strings, numbers, tuples, and
dataclasses and enums of modules that are already loaded. Reading one never
unpickles and never imports a module; the only code an entry can reach is
the constructor of a dataclass that is already loaded (or the lookup of an
enum member), called with plain values. Its last member is the SHA-256 of
every byte before it, which covers the format version, the key and the
result; an entry with another format, another key, a wrong checksum, bad
JSON or a value that does not fit the model's schema is a miss, and is
analysed and written again.

So whoever can write a shared cache (a CI cache restored between jobs, a
network drive) can at most change the findings of the runs that read it:
hide violations, invent them, skew the project's figures. They cannot run
code of their own, and the checksum only catches damage, not a forger, who
can compute it too. A CI cache should therefore be restored only from caches
that trusted branches (say, the default branch) saved, never from what a
pull request's own jobs saved.

Which directory is a cache
--------------------------
The cache directory carries two marks: a ``CACHEDIR.TAG`` (so backup tools
skip it) and ``standards-lint-cache.json``, which names this tool and the
entry format. The cache writes only into a directory that is missing, empty,
or already marked; a directory with anything else in it (``cache-dir =
"src"``) is never adopted, and caching is then off for the run
(:attr:`ResultCache.refusal` says why). A cache of the earlier, pickled
format (a ``CACHEDIR.TAG``, a ``.gitignore`` of ``*`` and ``v1/``) is
recognised as ours: its old entries are ignored and :func:`clear_cache`
removes them.

:func:`clear_cache` removes a directory only when it is marked and holds
nothing but what the cache writes (its marks, ``.gitignore`` and ``v<N>/``
entry directories); it refuses a symbolic link, a regular file and any other
directory. Removal never follows a link inside the cache: ``shutil.rmtree``
removes the link itself. Entries are written only into real directories of
the cache, never through a link planted in it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from standards_lint.engine.plain_data import PlainDataError, RowCodec
from standards_lint.model import FileResult

FORMAT_VERSION: Final = 3
TAG_NAME: Final = "CACHEDIR.TAG"
OWNER_NAME: Final = "standards-lint-cache.json"
_GITIGNORE_NAME: Final = ".gitignore"
_GITIGNORE: Final = "*\n"
_TAG_SIGNATURE: Final = "Signature: 8a477f597d28d172789f06886806bc55"
_TAG: Final = (
    f"{_TAG_SIGNATURE}\n"
    "# This directory holds standards-lint's cache; see https://bford.info/cachedir/\n"
)
_OWNER_TOOL: Final = "standards-lint"
_OWNER: Final = json.dumps(
    {
        "owner": _OWNER_TOOL,
        "format": FORMAT_VERSION,
        "about": "per-file results of standards-lint; `standards-lint clean` removes them",
    },
    indent=2,
)
_TEMPORARY_PREFIX: Final = ".tmp-"
_VERSION_DIRECTORY: Final = re.compile(r"v[0-9]+")

_RESULTS: Final = RowCodec(FileResult)
_DEFINITIONS: Final = _RESULTS.index_of("definitions")
#: An entry ends with its checksum, a member of fixed length.
_CHECKSUM_OPEN: Final = b'"sha256":"'
_CHECKSUM_CLOSE: Final = b'"}'
_CHECKSUM_LENGTH: Final = 64
_CHECKSUM_TAIL: Final = len(_CHECKSUM_OPEN) + _CHECKSUM_LENGTH + len(_CHECKSUM_CLOSE)


def entry_key(content: bytes, display_path: str, fingerprint: str) -> str:
    """The cache key of one file's result."""
    digest = hashlib.sha256(content)
    digest.update(b"\0" + display_path.encode() + b"\0" + fingerprint.encode())
    return digest.hexdigest()


def encode_entry(key: str, result: FileResult) -> bytes:
    """The bytes of the entry for ``result`` under ``key``.

    Raises :class:`~standards_lint.engine.plain_data.PlainDataError` when the
    result holds something other than plain data.
    """
    body = json.dumps(_RESULTS.encode(result), allow_nan=False, separators=(",", ":"))
    head = f'{{"format":{FORMAT_VERSION},"key":{json.dumps(key)},"result":{body},'.encode()
    checksum = hashlib.sha256(head).hexdigest().encode()
    return head + _CHECKSUM_OPEN + checksum + _CHECKSUM_CLOSE


def decode_entry(key: str, data: bytes, *, definitions: bool = True) -> FileResult:
    """The result an entry's bytes hold for ``key`` (with no definitions if not ``definitions``).

    Raises :class:`~standards_lint.engine.plain_data.PlainDataError` for
    anything but an intact entry of this format for this key.
    """
    head, tail = data[:-_CHECKSUM_TAIL], data[-_CHECKSUM_TAIL:]
    checksum = tail[len(_CHECKSUM_OPEN) : -len(_CHECKSUM_CLOSE)]
    if (
        not tail.startswith(_CHECKSUM_OPEN)
        or not tail.endswith(_CHECKSUM_CLOSE)
        or hashlib.sha256(head).hexdigest().encode() != checksum
    ):
        raise PlainDataError("the entry's checksum does not match its content")
    try:
        document = json.loads(data, parse_constant=_refuse_constant)
    except ValueError as error:  # also UnicodeDecodeError
        raise PlainDataError(f"the entry is not JSON: {error}") from None
    if (
        type(document) is not dict
        or document.keys() != {"format", "key", "result", "sha256"}
        or document["format"] != FORMAT_VERSION
        or document["key"] != key
    ):
        raise PlainDataError("the entry is of another format or for another key")
    row = document["result"]
    if not definitions and type(row) is list and len(row) == _RESULTS.width:
        row[_DEFINITIONS] = []  # the most numerous rows of an entry, left undecoded
    try:
        return _RESULTS.decode(row)
    except PlainDataError:
        raise
    except Exception as error:  # noqa: BLE001 - a rebuilt dataclass may raise anything
        raise PlainDataError(f"the entry's result does not fit the model: {error!r}") from None


def _refuse_constant(name: str) -> object:
    # Entries are written with allow_nan=False; NaN and Infinity literals are
    # not ours (non-finite floats are tagged instead).
    raise PlainDataError(f"{name} is not allowed in an entry")


class ResultCache:
    """Per-file results on disk under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._entries = directory / f"v{FORMAT_VERSION}"
        self._entries_text = str(self._entries)
        self._usable: bool | None = None
        self._prepared = False
        self._checked_shards: set[str] = set()
        #: Why the cache is off for this run (a directory it does not own), or
        #: ``None``; known once the cache has been read or written.
        self.refusal: str | None = None

    def _path(self, key: str) -> Path:
        return self._entries / key[:2] / key

    def _check_ownership(self) -> bool:
        if self._usable is None:
            self.refusal = cache_dir_problem(self.directory)
            self._usable = self.refusal is None
        return self._usable

    def get(self, key: str, *, definitions: bool = True) -> FileResult | None:
        """The stored result for ``key``, or ``None`` if absent, damaged or refused.

        With ``definitions=False``, the result holds none (see :func:`decode_entry`).
        """
        if not self._check_ownership():
            return None
        try:
            data = _read_entry(os.path.join(self._entries_text, key[:2], key))
            return decode_entry(key, data, definitions=definitions)
        except Exception:  # noqa: BLE001 - any damage is a miss, never a crash
            # Not only OSError and PlainDataError: JSON nested deep enough
            # raises RecursionError, say.
            return None

    def put(self, key: str, result: FileResult) -> None:
        """Store ``result`` under ``key``; failures to write are ignored (it is a cache)."""
        target = self._path(key)
        try:
            data = encode_entry(key, result)
            if not self._prepare() or not self._safe_shard(target.parent):
                return
            _write_atomically(target, data)
        except (OSError, PlainDataError, ValueError, RecursionError):
            # A result that cannot be stored is simply not cached.
            return

    def _prepare(self) -> bool:
        if self._prepared:
            return True
        if not self._check_ownership():
            return False
        self.directory.mkdir(parents=True, exist_ok=True)
        _write_marks(self.directory)
        # Check again: content that appeared meanwhile must not be adopted.
        self.refusal = cache_dir_problem(self.directory)
        if self.refusal is not None:
            self._usable = False
            return False
        self._entries.mkdir(exist_ok=True)
        if self._entries.is_symlink():
            self._usable = False
            return False
        self._prepared = True
        return True

    def _safe_shard(self, shard: Path) -> bool:
        # Entries are written only into real directories of the cache, never
        # through a link someone planted in it.
        if shard.name in self._checked_shards:
            return True
        shard.mkdir(exist_ok=True)
        if shard.is_symlink():
            return False
        self._checked_shards.add(shard.name)
        return True


def _read_entry(path: str) -> bytes:
    """The bytes of the entry at ``path``: usually one read, without buffering.

    A read that gets exactly the measured size is the whole entry (entries
    are replaced whole, never written in place); otherwise it is read on to
    its end, and the checksum judges the result. Anything but a regular file
    is refused without blocking on it.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(f"{path} is not a regular file")
        data = os.read(descriptor, status.st_size + 1)
        if len(data) != status.st_size:  # it changed since, or the read was short
            chunks = [data]
            while chunk := os.read(descriptor, 1 << 16):
                chunks.append(chunk)
            data = b"".join(chunks)
    finally:
        os.close(descriptor)
    return data


def _write_atomically(target: Path, data: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=_TEMPORARY_PREFIX)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_marks(directory: Path) -> None:
    # Each mark appears whole or not at all; a run that meets a directory
    # holding only some of them adopts it as well (see cache_dir_problem).
    for name, text in ((_GITIGNORE_NAME, _GITIGNORE), (TAG_NAME, _TAG), (OWNER_NAME, _OWNER)):
        path = directory / name
        if not path.exists():
            _write_atomically(path, text.encode())


# what a directory is --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Survey:
    """What stands at a cache path, as far as ownership goes."""

    kind: str  # "absent", "symlink", "not-a-directory" or "directory"
    names: frozenset[str] = frozenset()
    tagged: bool = False
    owned: bool = False
    our_gitignore: bool = False

    @property
    def marked(self) -> bool:
        """The directory carries both marks of a cache of this tool."""
        return self.tagged and self.owned

    @property
    def legacy(self) -> bool:
        """A cache of the earlier format: tag, ``.gitignore`` and version directories only."""
        return (
            self.tagged
            and self.our_gitignore
            and all(name in (TAG_NAME, _GITIGNORE_NAME) or _is_version(name) for name in self.names)
        )

    @property
    def adoptable(self) -> bool:
        """Empty, or holding nothing but marks that this tool writes."""
        marks = {TAG_NAME: self.tagged, OWNER_NAME: self.owned, _GITIGNORE_NAME: self.our_gitignore}
        return self.kind == "directory" and all(
            marks.get(name, name.startswith(_TEMPORARY_PREFIX)) for name in self.names
        )

    @property
    def foreign_names(self) -> list[str]:
        """What the directory holds that the cache never writes, sorted."""
        ours = (TAG_NAME, OWNER_NAME, _GITIGNORE_NAME)
        return sorted(
            name
            for name in self.names
            if name not in ours and not _is_version(name) and not name.startswith(_TEMPORARY_PREFIX)
        )


def _is_version(name: str) -> bool:
    return _VERSION_DIRECTORY.fullmatch(name) is not None


def _survey(directory: Path, *, follow_symlinks: bool = True) -> _Survey:
    try:
        mode = directory.lstat().st_mode
        if stat.S_ISLNK(mode):
            if not follow_symlinks:
                return _Survey("symlink")
            mode = directory.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return _Survey("absent")
    if not stat.S_ISDIR(mode):
        return _Survey("not-a-directory")
    names = frozenset(os.listdir(directory))
    return _Survey(
        "directory",
        names,
        tagged=TAG_NAME in names and _read(directory / TAG_NAME).startswith(_TAG_SIGNATURE),
        owned=OWNER_NAME in names and _names_this_tool(_read(directory / OWNER_NAME)),
        our_gitignore=_GITIGNORE_NAME in names and _read(directory / _GITIGNORE_NAME) == _GITIGNORE,
    )


def _read(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as stream:
            return stream.read(4096)
    except OSError:
        return ""


def _names_this_tool(text: str) -> bool:
    try:
        owner = json.loads(text)
    except ValueError:
        return False
    return type(owner) is dict and owner.get("owner") == _OWNER_TOOL


def cache_dir_problem(directory: Path) -> str | None:
    """Why results must not be cached in ``directory``, or ``None`` if they may be.

    They may be when it does not exist yet (it will be created with its
    marks), is empty, or is a cache of this tool (marked, or of the earlier
    format). Anything else is not the cache's to write into.
    """
    try:
        survey = _survey(directory)
    except OSError as error:
        return f"cannot read the cache directory {directory}: {error.strerror or error}"
    if survey.kind == "absent" or survey.marked or survey.legacy or survey.adoptable:
        return None
    if survey.kind == "not-a-directory":
        return f"cache-dir {directory} is not a directory"
    return (
        f"cache-dir {directory} already holds files and is not a standards-lint cache"
        f" (no {TAG_NAME} and {OWNER_NAME}); point cache-dir at a directory of its own"
    )


class CacheDirectoryError(Exception):
    """``clean`` will not, or could not, remove what ``cache-dir`` names; the message says why."""


def clear_cache(directory: Path) -> bool:
    """Remove the cache directory; ``False`` if there was none.

    Raises :class:`CacheDirectoryError` for anything but a directory this
    tool marked as its cache and that holds only what the cache writes, and
    when removing it fails.
    """
    try:
        survey = _survey(directory, follow_symlinks=False)
    except OSError as error:
        raise CacheDirectoryError(f"cannot read {directory}: {error.strerror or error}") from None
    if survey.kind == "absent":
        return False
    _refuse_unless_ours(directory, survey)
    try:
        # rmtree unlinks the links it meets and never descends through them
        # (nor through Windows junctions).
        shutil.rmtree(directory)
    except OSError as error:
        raise CacheDirectoryError(f"cannot remove {directory}: {error.strerror or error}") from None
    return True


def _refuse_unless_ours(directory: Path, survey: _Survey) -> None:
    refusal = "standards-lint removes only a cache directory it created"
    if survey.kind == "symlink":
        raise CacheDirectoryError(f"not removing {directory}: it is a symbolic link; {refusal}")
    if survey.kind == "not-a-directory":
        raise CacheDirectoryError(f"not removing {directory}: it is not a directory; {refusal}")
    if not (survey.marked or survey.legacy):
        raise CacheDirectoryError(
            f"not removing {directory}: it is not a standards-lint cache"
            f" (it lacks {TAG_NAME} and {OWNER_NAME}); {refusal}"
        )
    foreign = survey.foreign_names
    if foreign:
        shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
        raise CacheDirectoryError(
            f"not removing {directory}: besides the cache it holds {shown},"
            " which standards-lint did not write; remove the directory by hand if you mean to"
        )

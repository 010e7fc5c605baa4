"""A content-addressed store of per-file results, safe to share between runs.

An entry's key is a hash of everything its result depends on: the file's
bytes, its display path, the effective standards for it, the rule packs'
code, and the tool's version. Entries are written to a temporary file and
renamed into place, so two runs sharing the directory never see half an
entry. A damaged entry reads as a miss and is rewritten.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import Final

from standards_lint.model import FileResult

FORMAT_VERSION: Final = "1"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This directory holds standards-lint's cache; see https://bford.info/cachedir/\n"
)


def entry_key(content: bytes, display_path: str, fingerprint: str) -> str:
    """The cache key of one file's result."""
    digest = hashlib.sha256(content)
    digest.update(b"\0" + display_path.encode() + b"\0" + fingerprint.encode())
    return digest.hexdigest()


class ResultCache:
    """Per-file results on disk under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._entries = directory / f"v{FORMAT_VERSION}"
        self._prepared = False

    def _path(self, key: str) -> Path:
        return self._entries / key[:2] / key

    def get(self, key: str) -> FileResult | None:
        """The stored result for ``key``, or ``None`` if absent or unreadable."""
        try:
            data = self._path(key).read_bytes()
            result = pickle.loads(data)  # noqa: S301 - our own files, content-addressed
        except Exception:  # noqa: BLE001 - any damage is a miss, never a crash
            return None
        return result if isinstance(result, FileResult) else None

    def put(self, key: str, result: FileResult) -> None:
        """Store ``result`` under ``key``; failures to write are ignored (it is a cache)."""
        target = self._path(key)
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(descriptor, "wb") as stream:
                    pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            # A result that cannot be stored is simply not cached.
            return

    def _prepare(self) -> None:
        if self._prepared:
            return
        self._entries.mkdir(parents=True, exist_ok=True)
        tag = self.directory / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(_TAG, encoding="utf-8")
            (self.directory / ".gitignore").write_text("*\n", encoding="utf-8")
        self._prepared = True


def clear_cache(directory: Path) -> bool:
    """Remove the cache directory; ``False`` if there was none."""
    if not directory.exists():
        return False
    shutil.rmtree(directory)
    return True

"""Write a fixed file without ever losing what was there.

The new content goes to a temporary file in the same directory, is flushed
to disk, takes the old file's permission bits, and replaces the old file by
a rename, so a reader sees the whole old file or the whole new one. Just
before the rename the file is read again: if it is no longer what the fixes
were computed from (an editor saved it meanwhile), nothing is written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class FileChangedError(OSError):
    """The file on disk is no longer the content the fixes were made for."""


def replace_contents(path: Path, expected: bytes, new: bytes) -> None:
    """Replace ``path``'s content ``expected`` with ``new``, atomically.

    A symbolic link is followed: the file it points to is the one replaced,
    and the link stays. Raises :class:`FileChangedError` when the file no
    longer holds ``expected``, and ``OSError`` when it cannot be written;
    either way the file is as it was.
    """
    target = Path(os.path.realpath(path))
    status = target.stat()
    if not stat.S_ISREG(status.st_mode):
        raise FileChangedError(f"{path} is no longer a regular file")
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".standards-lint-fix", dir=target.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(new)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        if target.read_bytes() != expected:
            raise FileChangedError(f"{path} changed on disk while it was being fixed")
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise

"""Read a file to check: only regular files, and only up to a size limit.

A path that was a regular file when it was found may be something else by the
time it is read (a FIFO put in its place would block the run forever), so the
check is made on the open descriptor, which is opened without blocking.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from standards_lint.config.standards import DEFAULT_MAX_FILE_SIZE


class NotReadableError(OSError):
    """The path is not a regular file, or it cannot be opened or read."""


class FileTooLargeError(ValueError):
    """The file is larger than the size limit."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the file is {size:,} bytes, more than max-file-size ({limit:,} bytes)")
        self.size = size
        self.limit = limit


def read_source_bytes(path: Path | str, limit: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The bytes of the regular file at ``path``.

    Raises :class:`NotReadableError` for anything that is not a regular file
    or cannot be read, and :class:`FileTooLargeError` above ``limit`` bytes.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise NotReadableError(error.errno, error.strerror, str(path)) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotReadableError(0, "not a regular file", str(path))
        if status.st_size > limit:
            raise FileTooLargeError(status.st_size, limit)
        # One read is usually all: it gets exactly the measured size. A file
        # that grew or shrank since, or a short read, is read on to its end
        # (or past the limit).
        data = os.read(descriptor, status.st_size + 1)
        if len(data) != status.st_size:
            chunks = [data]
            remaining = limit + 1 - len(data)
            while remaining > 0 and (chunk := os.read(descriptor, min(remaining, 1 << 20))):
                chunks.append(chunk)
                remaining -= len(chunk)
            data = b"".join(chunks)
    except OSError as error:
        if isinstance(error, NotReadableError):
            raise
        raise NotReadableError(error.errno, error.strerror, str(path)) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        # The file grew between fstat and read.
        raise FileTooLargeError(len(data), limit)
    return data

"""Reading a file to check: regular files only, up to the size limit, never blocking."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from standards_lint.engine.reading import FileTooLargeError, NotReadableError, read_source_bytes


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"x = 1\n" * 1000)
    assert read_source_bytes(path) == b"x = 1\n" * 1000


def understated_sizes(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """Make ``os.fstat`` report ``size`` bytes: a file that grew after it was measured."""
    real = os.fstat

    def fstat(descriptor: int) -> os.stat_result:
        status = list(real(descriptor))
        status[6] = size  # st_size
        return os.stat_result(status)

    monkeypatch.setattr(os, "fstat", fstat)


def test_a_file_larger_than_it_was_measured_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"x = 1\n" * 300_000)
    understated_sizes(monkeypatch, 10)
    assert read_source_bytes(path) == b"x = 1\n" * 300_000
    with pytest.raises(FileTooLargeError):
        read_source_bytes(path, limit=100_000)


def test_a_short_read_is_read_on_to_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"x = 1\n" * 1000)
    real = os.read
    # The first read stops short, as one interrupted by a signal may.
    reads = iter([lambda descriptor, size: real(descriptor, 10)])
    monkeypatch.setattr(os, "read", lambda d, n: next(reads, real)(d, n))
    assert read_source_bytes(path) == b"x = 1\n" * 1000


def test_a_file_at_the_limit_is_read_and_one_above_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"#" * 10)
    assert read_source_bytes(path, limit=10) == b"#" * 10
    with pytest.raises(FileTooLargeError, match=r"11 bytes, more than max-file-size \(10 bytes\)"):
        path.write_bytes(b"#" * 11)
        read_source_bytes(path, limit=10)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "p.py"
    os.mkfifo(fifo)
    with pytest.raises(NotReadableError, match="not a regular file"):
        read_source_bytes(fifo)


def test_a_directory_or_a_missing_file_is_not_readable(tmp_path: Path) -> None:
    with pytest.raises(NotReadableError):
        read_source_bytes(tmp_path)
    with pytest.raises(NotReadableError):
        read_source_bytes(tmp_path / "missing.py")

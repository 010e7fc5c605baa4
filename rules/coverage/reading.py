"""Find the coverage data, recognise its format and read it, once per run.

The outcome is a closed union: a :class:`Measurement`, :class:`DataMissing`
or :class:`DataUnreadable`, so that each rule matches on what it cares about.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from standards_lint.rule import ProjectFacts

from .cobertura import CoverageReportError
from .coverage_py import configured_names, measurement_from_data_file
from .measurement import Measurement
from .reports import measurement_from_cobertura, measurement_from_json, root_relative

_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class DataMissing:
    """No data file where one was looked for."""

    looked_for: tuple[str, ...]
    #: coverage.py's parallel data files (``.coverage.*``) found instead, to combine.
    uncombined: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DataUnreadable:
    """A data file that exists and cannot be used, and why."""

    source: str
    reason: str


CoverageData = Measurement | DataMissing | DataUnreadable


def read_coverage(root: Path, data_file: str | None) -> CoverageData:
    """Read ``data_file`` (relative to ``root``), or the first default data file found."""
    if data_file is not None:
        candidates = [data_file]
    else:
        try:
            names = configured_names(root)
        except CoverageReportError as error:
            return DataUnreadable(".coveragerc", str(error))
        candidates = [names.data_file, names.json_output, names.xml_output]
    for candidate in candidates:
        path = root / candidate
        if path.is_file():
            return _read(path, root)
    shown = tuple(root_relative(candidate, root, root) for candidate in candidates)
    data_path = root / candidates[0]
    parallel = data_path.parent.glob(f"{data_path.name}.*")
    uncombined = tuple(sorted(root_relative(str(path), root, root) for path in parallel))
    return DataMissing(shown, uncombined if data_file is None else ())


def _read(path: Path, root: Path) -> Measurement | DataUnreadable:
    """Read one data file, in whichever of the three formats it is."""
    source = root_relative(str(path), root, root)
    try:
        content = path.read_bytes()
        if content.startswith(_SQLITE_HEADER):
            return measurement_from_data_file(path, root, source)
        start = content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if start == b"{":
            return measurement_from_json(content.decode("utf-8-sig"), root, source)
        if start == b"<":
            return measurement_from_cobertura(content, root, source)
    except OSError as error:
        return DataUnreadable(source, f"cannot read it: {error.strerror or error}")
    except UnicodeDecodeError as error:
        return DataUnreadable(source, f"not UTF-8: {error}")
    except CoverageReportError as error:
        return DataUnreadable(source, str(error))
    return DataUnreadable(
        source, "neither coverage.py data, a coverage.py JSON report nor Cobertura XML"
    )


class CoverageReader:
    """Reads coverage data once per run for the several rules that need it.

    A run's rules see the same :class:`ProjectFacts` object, so the reading is
    kept for that object alone (the last run's): the next run reads afresh,
    as the data and the measured sources may have changed in between.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: tuple[ProjectFacts, Path, str | None, CoverageData] | None = None

    def read(self, project: ProjectFacts, root: Path, data_file: str | None) -> CoverageData:
        """The data under ``root`` (see :func:`read_coverage`), read once for ``project``."""
        with self._lock:
            last = self._last
            if last is not None and last[0] is project and last[1:3] == (root, data_file):
                return last[3]
            found = read_coverage(root, data_file)
            self._last = (project, root, data_file, found)
            return found


#: The reader the coverage rules share within a process.
SHARED_READER = CoverageReader()

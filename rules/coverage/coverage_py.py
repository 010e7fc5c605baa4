"""Read coverage.py's data file through coverage.py itself, as ``coverage report`` would.

coverage.py resolves its configuration (``.coveragerc``, ``setup.cfg``,
``tox.ini``, ``pyproject.toml``), its ``omit``/``include`` patterns, relative
file names and ``[paths]`` against the working directory, so it is run from
the standards' root: the figures are then those of ``coverage report`` run
there. The working directory is restored afterwards; project rules run one
at a time in the main process, so nothing else sees the change.

coverage.py analyses each measured file's current source (with the
configured exclusions) and reports it as its JSON report, which
:mod:`.reports` reads like any other. Nothing measured is imported or run.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .cobertura import CoverageReportError
from .measurement import MeasuredFile, Measurement, Tally
from .reports import measurement_from_json, root_relative


@contextlib.contextmanager
def working_directory(directory: Path) -> Iterator[None]:
    """Run the block in ``directory`` and come back (``contextlib.chdir`` is 3.11+)."""
    before = Path.cwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(before)


@dataclass(frozen=True, slots=True)
class ConfiguredNames:
    """Where coverage.py's configuration, read from the root, puts its data and reports."""

    data_file: str
    json_output: str
    xml_output: str


def configured_names(root: Path) -> ConfiguredNames:
    """The data file and report names coverage.py would use from ``root``.

    Raises :class:`CoverageReportError` when the configuration cannot be read.
    """
    import coverage  # noqa: PLC0415 - imported only when coverage rules read data

    with working_directory(root):
        try:
            config = coverage.Coverage(config_file=True).config
        except coverage.exceptions.CoverageException as error:
            raise CoverageReportError(f"coverage.py's configuration: {error}") from error
    return ConfiguredNames(config.data_file, config.json_output, config.xml_output)


def measurement_from_data_file(path: Path, root: Path, source: str) -> Measurement:
    """Read the data file at ``path``; raises CoverageReportError if coverage.py cannot."""
    import coverage  # noqa: PLC0415 - imported only when coverage rules read data

    with working_directory(root), tempfile.TemporaryDirectory() as scratch:
        try:
            engine = coverage.Coverage(data_file=str(path), config_file=True)
            engine.load()
            data = engine.get_data()
            remapped = bool(engine.config.paths)
            # The lines as recorded: the report keeps only today's statements
            # among them, and the others are what tells stale data.
            recorded = {
                root_relative(name, root, root): frozenset(data.lines(name) or ())
                for name in data.measured_files()
            }
            report_path = Path(scratch, "coverage.json")
            try:
                with warnings.catch_warnings():
                    # A measured file that is gone is a COV003 finding, not a warning.
                    warnings.simplefilter("ignore", coverage.exceptions.CoverageWarning)
                    engine.json_report(outfile=str(report_path), ignore_errors=True)
                text = report_path.read_text(encoding="utf-8")
            except coverage.exceptions.NoDataError:
                text = '{"files": {}}'
            has_branches = data.has_arcs()
        except (coverage.exceptions.CoverageException, OSError) as error:
            raise CoverageReportError(str(error)) from error
        except Exception as error:
            raise CoverageReportError(f"{type(error).__name__}: {error}") from error
    measurement = measurement_from_json(text, root, source)
    # A file that was measured and no longer exists is missing from the
    # report; it is named so that stale data are reported. With [paths],
    # recorded names are not where the files are, so they cannot be judged.
    if remapped:
        files = measurement.files
    else:
        files = tuple(
            sorted(
                (
                    *(_with_recorded(file, recorded) for file in measurement.files),
                    *_vanished(recorded, root, measurement),
                ),
                key=lambda file: file.path,
            )
        )
    return replace(
        measurement, files=files, has_branches=has_branches, data_format="coverage.py data"
    )


def _with_recorded(file: MeasuredFile, recorded: Mapping[str, frozenset[int]]) -> MeasuredFile:
    """``file`` with the lines its data recorded as run, statements now or not."""
    return replace(file, executed=file.executed | recorded.get(file.path, frozenset()))


def _vanished(
    recorded: Mapping[str, frozenset[int]], root: Path, measurement: Measurement
) -> list[MeasuredFile]:
    """The recorded files that no longer exist and that the report therefore left out."""
    gone = []
    for path in sorted(recorded):
        if path not in measurement.by_path and not (root / path).exists():
            gone.append(MeasuredFile(path, frozenset(), frozenset(), frozenset(), Tally(), False))
    return gone

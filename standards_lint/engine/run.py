"""Analyse many files: from the cache where possible, else in worker processes.

Results come back in the order of the files given, whatever the number of
workers, so output never depends on ``--jobs``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from standards_lint.config import Standards, StandardsResolver
from standards_lint.config.standards import DEFAULT_MAX_FILE_SIZE
from standards_lint.engine.analyze import (
    FileProfile,
    analyze_file,
    internal_error,
    tool_violation,
)
from standards_lint.engine.cache import ResultCache, entry_key
from standards_lint.engine.profile import build_profile, tool_fingerprint
from standards_lint.engine.reading import (
    FileTooLargeError,
    NotReadableError,
    read_source_bytes,
)
from standards_lint.engine_rules import FileTooLargeRule, UndecodableFileRule
from standards_lint.interruption import UserInterrupt
from standards_lint.model import FileResult, Span

Progress = Callable[[int, int], None]

#: Below this many files to analyse, starting workers costs more than it saves.
MIN_FILES_FOR_WORKERS = 16

_FILE_START = Span(1, 1, 1, 1)


class WorkerCrashedError(RuntimeError):
    """A worker process died (a plugin called ``os._exit``, or the interpreter crashed)."""


@dataclass(frozen=True, slots=True)
class FileJob:
    """One file to analyse: where it is, how it is shown, which profile applies."""

    path: str
    display_path: str
    profile_key: tuple[int, ...]
    #: The bytes the cache key was computed from, so the result matches the key.
    content: bytes | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE


def display_path(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` when below it, always with ``/``."""
    # The common case, a path below ``cwd``, by cutting the string.
    prefix = os.path.join(cwd, "")
    text = str(path)
    if text.startswith(prefix):
        return text[len(prefix) :].replace(os.sep, "/")
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return (
            os.path.relpath(path, cwd).replace(os.sep, "/")
            if path.anchor == cwd.anchor
            else path.as_posix()
        )


class ProfileTable:
    """The profile of each override combination, built on first use."""

    def __init__(
        self, standards: Standards, resolver: StandardsResolver, *, project_figures: bool = True
    ) -> None:
        self.standards = standards
        self.resolver = resolver
        self.project_figures = project_figures
        self.tool = tool_fingerprint()
        registry = standards.registry
        self.project_codes = frozenset(
            rule.code for rule in registry.project_rules(resolver.top_level.codes)
        )
        self._profiles: dict[tuple[int, ...], FileProfile] = {}

    def get(self, key: tuple[int, ...]) -> FileProfile:
        """The profile for files matched by exactly the overrides in ``key``."""
        profile = self._profiles.get(key)
        if profile is None:
            effective = self.resolver.for_key(key)
            profile = build_profile(
                effective,
                self.standards,
                self.tool,
                self.project_codes,
                project_figures=self.project_figures,
            )
            self._profiles[key] = profile
        return profile


_worker_profiles: ProfileTable | None = None


def _start_worker(profiles: ProfileTable) -> None:
    global _worker_profiles  # noqa: PLW0603 - one table per worker process
    _worker_profiles = profiles
    # A worker only analyses: see fewer_collections.
    gc.set_threshold(COLLECT_AFTER_ALLOCATIONS, *gc.get_threshold()[1:])


#: Allocations between two collections of the youngest objects while files are
#: analysed (Python's default is 700).
COLLECT_AFTER_ALLOCATIONS: Final = 50_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often inside the block.

    Analysing a file allocates a syntax tree of many small objects, which
    reference counting frees; at Python's default thresholds the collector
    still runs hundreds of times per file, walking every live object each
    time it reaches the oldest generation: about a seventh of a cold run.
    """
    before = gc.get_threshold()
    gc.set_threshold(COLLECT_AFTER_ALLOCATIONS, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _analyze_chunk(jobs: Sequence[FileJob]) -> list[FileResult]:
    assert _worker_profiles is not None
    return [_analyze_job(job, _worker_profiles, in_worker=True) for job in jobs]


def _analyze_job(job: FileJob, profiles: ProfileTable, *, in_worker: bool = False) -> FileResult:
    try:
        raw = job.content
        if raw is None:
            raw = read_source_bytes(job.path, job.max_file_size)
        elif len(raw) > job.max_file_size:
            raise FileTooLargeError(len(raw), job.max_file_size)
    except FileTooLargeError as error:
        violation = tool_violation(FileTooLargeRule, job.display_path, _FILE_START, str(error))
        return FileResult(job.display_path, (violation,))
    except NotReadableError as error:
        message = f"cannot read the file: {error.strerror}"
        violation = tool_violation(UndecodableFileRule, job.display_path, _FILE_START, message)
        return FileResult(job.display_path, (violation,))
    try:
        return analyze_file(job.display_path, raw, profiles.get(job.profile_key))
    except UserInterrupt:
        raise
    except KeyboardInterrupt:
        if not in_worker:
            raise  # perhaps the user's interrupt: the run ends (exit 2)
        # A worker's own: the user's Ctrl-C also reaches the main process,
        # which ends the run; alone, it came from a rule.
        failure: BaseException = KeyboardInterrupt("raised inside a worker")
    except BaseException as error:  # noqa: BLE001 - plugin code may raise anything
        failure = error
    # Rules are isolated one by one inside analyze_file; this is what escaped
    # that (a SystemExit from a plugin, say): the file is reported, the run goes on.
    violation = internal_error(job.display_path, "the analysis", failure, _FILE_START)
    return FileResult(job.display_path, (violation,))


def analyze_files(
    files: Sequence[Path],
    standards: Standards,
    *,
    jobs: int = 1,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
    cwd: Path | None = None,
    definitions: bool = True,
) -> list[FileResult]:
    """Results for ``files`` (absolute paths), in the same order.

    A file larger than the standards' ``max-file-size`` is reported, not
    read (SL008). With ``definitions=False`` the results hold no definitions
    (only gating on a diff reads them), and cached ones are read without
    decoding them. Raises :class:`WorkerCrashedError` if a worker process dies.
    """
    resolver = StandardsResolver(standards)
    profiles = ProfileTable(standards, resolver)
    here = (cwd or Path.cwd()).resolve()
    max_file_size = standards.max_file_size
    results: list[FileResult | None] = [None] * len(files)
    misses: list[tuple[int, FileJob, str | None]] = []
    for index, path in enumerate(files):
        shown = display_path(path, here)
        profile_key = resolver.for_path(path).key
        content = key = None
        if cache is not None:
            try:
                content = read_source_bytes(path, max_file_size)
            except (OSError, FileTooLargeError):
                content = None
            if content is not None:
                key = entry_key(content, shown, profiles.get(profile_key).fingerprint)
                results[index] = cache.get(key, definitions=definitions)
        if results[index] is None:
            job = FileJob(str(path), shown, profile_key, content, max_file_size)
            misses.append((index, job, key))
    done = len(files) - len(misses)
    if progress is not None:
        progress(done, len(files))
    analysed = _run_jobs([job for _, job, _ in misses], profiles, jobs, progress, done, len(files))
    for (index, _, key), result in zip(misses, analysed, strict=True):
        if cache is not None and key is not None:
            cache.put(key, result)
        results[index] = result if definitions else dataclasses.replace(result, definitions=())
    return [result for result in results if result is not None]


def analyze_contents(
    contents: Sequence[tuple[Path, str, bytes]],
    standards: Standards,
    *,
    project_figures: bool = True,
) -> list[FileResult]:
    """Results for files given in memory as (absolute path, display path, bytes), in order.

    Each file goes through the same analysis as a file read from disk; none
    is read, and nothing is cached. ``project_figures`` is as for
    :func:`~standards_lint.engine.profile.build_profile`.
    """
    resolver = StandardsResolver(standards)
    profiles = ProfileTable(standards, resolver, project_figures=project_figures)
    with fewer_collections():
        return [
            _analyze_job(
                FileJob(
                    str(path),
                    shown,
                    resolver.for_path(path).key,
                    content=raw,
                    max_file_size=standards.max_file_size,
                ),
                profiles,
            )
            for path, shown, raw in contents
        ]


def _run_jobs(
    jobs_to_run: list[FileJob],
    profiles: ProfileTable,
    jobs: int,
    progress: Progress | None,
    done: int,
    total: int,
) -> list[FileResult]:
    if jobs <= 1 or len(jobs_to_run) < MIN_FILES_FOR_WORKERS or not _can_fork():
        results = []
        with fewer_collections():
            for job in jobs_to_run:
                results.append(_analyze_job(job, profiles))
                done += 1
                if progress is not None:
                    progress(done, total)
        return results
    # Only a run with work for workers pays for importing them.
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    chunk_size = max(1, min(64, len(jobs_to_run) // (jobs * 8) or 1))
    chunks = [
        jobs_to_run[start : start + chunk_size] for start in range(0, len(jobs_to_run), chunk_size)
    ]
    context = multiprocessing.get_context("fork")
    collected: list[FileResult] = []
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(profiles,)
        ) as executor:
            for chunk_results in executor.map(_analyze_chunk, chunks):
                collected.extend(chunk_results)
                done += len(chunk_results)
                if progress is not None:
                    progress(done, total)
    except BrokenProcessPool:
        raise WorkerCrashedError(
            "a worker process died while analysing files (a rule or plugin may have"
            " ended the process or crashed the interpreter); run with --jobs 1 to see which"
        ) from None
    return collected


def _can_fork() -> bool:
    # Workers inherit the loaded rule packs (local plugins included) by fork;
    # where there is no fork, the run stays in one process.
    import multiprocessing  # noqa: PLC0415 - see _run_jobs

    return "fork" in multiprocessing.get_all_start_methods()

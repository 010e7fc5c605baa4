"""Running many files: the same results with one or two processes, progress, order."""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Callable
from pathlib import Path

import libcst
import pytest

from standards_lint.config import Standards
from standards_lint.engine.cache import ResultCache
from standards_lint.engine.run import (
    COLLECT_AFTER_ALLOCATIONS,
    MIN_FILES_FOR_WORKERS,
    analyze_files,
    display_path,
    fewer_collections,
)
from standards_lint.engine_rules import FileTooLargeRule
from standards_lint.model import FileResult
from standards_lint.registry import Registry
from standards_lint.rule import Area, NoOptions, Rule, RulePack

PID_LOG: list[Path] = []


class RecordsProcess(Rule[NoOptions]):
    """Reports names called ``bad`` and notes which process analysed each file."""

    code = "RUN001"
    name = "records-process"
    area = "run"
    summary = "s"
    rationale = "r"

    def start_file(self) -> None:
        if PID_LOG:
            with PID_LOG[0].open("a", encoding="utf-8") as log:
                log.write(f"{os.getpid()}\n")

    def visit_Name(self, node: libcst.Name) -> None:
        if node.value == "bad":
            self.report(node, "a bad name")


PACK = RulePack("run", [RecordsProcess], [Area("run", "RUN", "Run")])


@pytest.fixture
def standards(
    tmp_path: Path,
    make_registry: Callable[..., Registry],
    make_standards: Callable[..., Standards],
) -> Standards:
    return make_standards(make_registry(PACK), tmp_path, select=("RUN001", "STY001"))


def make_files(root: Path, count: int) -> list[Path]:
    files = []
    for index in range(count):
        path = root / f"pkg{index % 3}" / f"module_{index:02}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"value_{index} = {index}"]
        if index % 2:
            lines.append("bad = 1")
        if index % 5 == 0:
            lines.append("x = '" + "y" * 120 + "'")
        if index == 7:
            lines.append("def broken(:")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path.resolve())
    return sorted(files)


def test_one_or_two_processes_give_identical_results(tmp_path: Path, standards: Standards) -> None:
    files = make_files(tmp_path, 24)
    assert len(files) >= MIN_FILES_FOR_WORKERS
    log = tmp_path / "pids.log"
    PID_LOG[:] = [log]
    try:
        single = analyze_files(files, standards, jobs=1, cwd=tmp_path)
        single_pids = set(log.read_text().split())
        log.unlink()
        double = analyze_files(files, standards, jobs=2, cwd=tmp_path)
        double_pids = set(log.read_text().split())
    finally:
        PID_LOG.clear()
    assert single_pids == {str(os.getpid())}
    assert str(os.getpid()) not in double_pids, "jobs=2 must analyse in worker processes"
    assert double == single
    assert [result.path for result in single] == [display_path(f, tmp_path) for f in files]
    codes = {v.rule for result in single for v in result.violations}
    assert codes == {"RUN001", "STY001", "SL001"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_counts_up_to_the_total(tmp_path: Path, standards: Standards, jobs: int) -> None:
    files = make_files(tmp_path, 20)
    calls: list[tuple[int, int]] = []
    analyze_files(
        files, standards, jobs=jobs, progress=lambda d, t: calls.append((d, t)), cwd=tmp_path
    )
    assert calls[0] == (0, 20)
    assert calls[-1] == (20, 20)
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert {t for _, t in calls} == {20}


def test_progress_starts_at_the_cached_count(tmp_path: Path, standards: Standards) -> None:
    files = make_files(tmp_path, 5)
    cache = ResultCache(tmp_path / "cache")
    analyze_files(files[:3], standards, cache=cache, cwd=tmp_path)
    calls: list[tuple[int, int]] = []
    analyze_files(
        files, standards, cache=cache, progress=lambda d, t: calls.append((d, t)), cwd=tmp_path
    )
    assert calls == [(3, 5), (4, 5), (5, 5)]


def test_results_without_definitions_hold_none_fresh_or_cached(
    tmp_path: Path, standards: Standards
) -> None:
    path = tmp_path / "defs.py"
    path.write_text("def f():\n    return 1\n", encoding="utf-8")
    cache = ResultCache(tmp_path / "cache")
    (full,) = analyze_files([path], standards, cwd=tmp_path)
    assert [definition.qualified_name for definition in full.definitions] == ["f"]
    for _ in range(2):  # a miss, then a hit
        (bare,) = analyze_files([path], standards, cache=cache, cwd=tmp_path, definitions=False)
        assert bare == dataclasses.replace(full, definitions=())
    (again,) = analyze_files([path], standards, cache=cache, cwd=tmp_path)
    assert again == full


def test_a_file_above_the_standards_max_file_size_is_sl008_cached_or_not(
    tmp_path: Path, standards: Standards
) -> None:
    path = tmp_path / "big.py"
    path.write_text("x = 1\n" * 10, encoding="utf-8")
    limited = dataclasses.replace(standards, max_file_size=20)
    for cache in (None, ResultCache(tmp_path / "cache")):
        (result,) = analyze_files([path], limited, cache=cache, cwd=tmp_path)
        assert [violation.rule for violation in result.violations] == [FileTooLargeRule.code]


def test_a_file_that_vanished_is_sl005_not_a_crash(tmp_path: Path, standards: Standards) -> None:
    (tmp_path / "gone.py").write_text("x = 1\n", encoding="utf-8")
    files = [(tmp_path / "gone.py").resolve()]
    (tmp_path / "gone.py").unlink()
    for cache in (None, ResultCache(tmp_path / "cache")):
        (result,) = analyze_files(files, standards, cache=cache, cwd=tmp_path)
        assert result.path == "gone.py"
        (violation,) = result.violations
        assert violation.rule == "SL005"
        assert violation.message == "cannot read the file: No such file or directory"


def test_no_files_no_results(standards: Standards, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    assert (
        analyze_files([], standards, progress=lambda d, t: calls.append((d, t)), cwd=tmp_path) == []
    )
    assert calls == [(0, 0)]


def test_results_are_plain_file_results(tmp_path: Path, standards: Standards) -> None:
    (result,) = analyze_files(make_files(tmp_path, 1), standards, cwd=tmp_path)
    assert isinstance(result, FileResult)


@pytest.mark.parametrize(
    ("path", "cwd", "expected"),
    [
        ("/work/project/src/a.py", "/work/project", "src/a.py"),
        ("/work/other/a.py", "/work/project", "../other/a.py"),
        ("/a.py", "/work/project", "../../a.py"),
    ],
)
def test_display_path(path: str, cwd: str, expected: str) -> None:
    assert display_path(Path(path), Path(cwd)) == expected


def test_the_collector_runs_less_often_during_analysis_and_as_before_after() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (COLLECT_AFTER_ALLOCATIONS, *before[1:])
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError
    assert gc.get_threshold() == before

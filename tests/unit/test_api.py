"""The one entry point: check(paths, standards) -> Report."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

import standards_lint
from standards_lint.api import check, check_source, check_sources
from standards_lint.config import Standards, load_standards
from standards_lint.engine.discover import MissingPathError, find_files
from standards_lint.engine_rules import FileTooLargeRule
from standards_lint.model import Report, Severity
from standards_lint.registry import Registry
from standards_lint.rule import Area, NoOptions, Rule, RulePack


@pytest.fixture
def project(
    tmp_path: Path,
    write_standards: Callable[..., Path],
    write_files: Callable[..., list[Path]],
) -> Standards:
    write_files(
        {
            "src/pkg/a.py": "x = 1  # PROBE\nbad = 2\n",
            "src/pkg/b.py": "y = 1\n",
            "src/pkg/long.py": "a = 1\nb = 2\nc = 3\nd = 4\n",
            "src/notes.txt": "PROBE\n",
        }
    )
    return load_standards(
        write_standards(
            'select = ["PRB00", "PRB100"]\nignore = ["opt-in"]\ncache-dir = ".cache"\n'
            # The probe plugin's own file is not part of the project under test.
            'exclude = ["plugins/"]\n'
        )
    )


def rows(report: Report) -> list[tuple[str, int, str, Severity]]:
    return [(v.path, v.line, v.rule, v.severity) for v in report.violations]


def test_a_whole_run(project: Standards, tmp_path: Path) -> None:
    report = check([tmp_path / "src"], project, cwd=tmp_path)
    assert report.files_checked == 3
    assert rows(report) == [
        ("src/pkg/a.py", 1, "PRB001", Severity.ERROR),
        ("src/pkg/a.py", 2, "PRB002", Severity.WARNING),
        ("src/pkg/long.py", 1, "PRB100", Severity.ERROR),
    ]
    assert dict(report.metrics) == {"probe_lines": 7}
    assert report.internal_errors == 0
    assert report.exit_code == 1


def test_paths_are_shown_relative_to_the_working_directory(
    project: Standards, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path / "src" / "pkg")
    report = check([Path(".")], project)
    assert [path for path, *_ in rows(report)] == ["a.py", "a.py", "long.py"]
    above = check([tmp_path / "src" / "pkg" / "a.py"], project, cwd=tmp_path / "src")
    assert [path for path, *_ in rows(above)] == ["pkg/a.py", "pkg/a.py"]
    beside = check([tmp_path / "src" / "pkg" / "a.py"], project, cwd=tmp_path / "other")
    assert [path for path, *_ in rows(beside)] == ["../src/pkg/a.py", "../src/pkg/a.py"]


def test_the_cache_goes_to_the_standards_cache_dir(project: Standards, tmp_path: Path) -> None:
    check([tmp_path / "src"], project, cwd=tmp_path)
    assert (tmp_path / ".cache" / "CACHEDIR.TAG").is_file()


def test_the_cache_dir_can_be_given(project: Standards, tmp_path: Path) -> None:
    first = check([tmp_path / "src"], project, cache_dir=tmp_path / "elsewhere", cwd=tmp_path)
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").is_file()
    assert not (tmp_path / ".cache").exists()
    assert (
        check([tmp_path / "src"], project, cache_dir=tmp_path / "elsewhere", cwd=tmp_path) == first
    )


def test_no_cache_writes_nothing(project: Standards, tmp_path: Path) -> None:
    check([tmp_path / "src"], project, use_cache=False, cwd=tmp_path)
    assert not (tmp_path / ".cache").exists()


def test_a_missing_path(project: Standards, tmp_path: Path) -> None:
    with pytest.raises(MissingPathError):
        check([tmp_path / "src", tmp_path / "nope"], project, cwd=tmp_path)


def test_progress_is_reported(project: Standards, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    check(
        [tmp_path / "src"],
        project,
        use_cache=False,
        progress=lambda d, t: calls.append((d, t)),
        cwd=tmp_path,
    )
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


class Crashes(Rule[NoOptions]):
    """Fails on every file."""

    code = "API001"
    name = "crashes"
    area = "api"
    summary = "s"
    rationale = "r"

    def start_file(self) -> None:
        raise RuntimeError("bug in the rule")


def test_an_internal_error_makes_the_run_exit_2_and_is_counted(
    tmp_path: Path,
    make_registry: Callable[..., Registry],
    make_standards: Callable[..., Standards],
) -> None:
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text("x = 1\n", encoding="utf-8")
    registry = make_registry(RulePack("api", [Crashes], [Area("api", "API", "API")]))
    standards = make_standards(registry, tmp_path, select=("API001",))
    report = check([tmp_path], standards, use_cache=False, cwd=tmp_path)
    assert [(v.path, v.rule) for v in report.violations] == [("a.py", "SL002"), ("b.py", "SL002")]
    assert report.internal_errors == 2
    assert report.exit_code == 2


def test_the_public_surface() -> None:
    for name in standards_lint.__all__:
        assert hasattr(standards_lint, name), name
    assert standards_lint.check is check
    assert standards_lint.check_source is check_source
    assert standards_lint.check_sources is check_sources
    assert standards_lint.load_standards is load_standards


def test_project_figures_are_the_whole_projects_whatever_the_paths(
    project: Standards, tmp_path: Path
) -> None:
    one_file = check([tmp_path / "src" / "pkg" / "b.py"], project, cwd=tmp_path)
    assert one_file.files_checked == 1
    assert rows(one_file) == []
    assert dict(one_file.metrics) == {"probe_lines": 7}


def project_sources(standards: Standards) -> dict[str, str]:
    """Every file a whole run analyses, by path relative to the root, as text."""
    return {
        path.relative_to(standards.root).as_posix(): path.read_text(encoding="utf-8")
        for path in find_files([standards.root], standards).files
    }


@pytest.mark.parametrize("judged", ["src/pkg/a.py", "src/pkg/b.py", "src/pkg/long.py"])
def test_check_source_reports_what_check_reports_on_the_same_files(
    project: Standards, tmp_path: Path, judged: str
) -> None:
    sources = project_sources(project)
    on_disk = check([tmp_path / judged], project, use_cache=False, cwd=tmp_path)
    in_memory = check_source(sources.pop(judged), judged, project, files=sources)
    assert in_memory.violations == on_disk.violations
    assert in_memory.metrics == on_disk.metrics
    assert in_memory.checked_paths == on_disk.checked_paths == (judged,)
    assert in_memory.files_checked == 1


def test_check_sources_judges_every_file_as_a_whole_run_does(
    project: Standards, tmp_path: Path
) -> None:
    sources = project_sources(project)
    on_disk = check([tmp_path], project, use_cache=False, cwd=tmp_path)
    in_memory = check_sources(sources, project)
    assert in_memory.violations == on_disk.violations
    assert [v.rule for v in in_memory.violations] == ["PRB001", "PRB002", "PRB100"]


def test_check_source_reads_no_file(project: Standards, tmp_path: Path) -> None:
    # On disk, a.py reports PRB001 and PRB002; the text given is what is checked.
    report = check_source(b"fine = 1\n", "src/pkg/a.py", project)
    assert report.violations == ()
    unsaved = check_source("x = 1  # PROBE\n", tmp_path / "src" / "new.py", project)
    assert [(v.path, v.rule) for v in unsaved.violations] == [("src/new.py", "PRB001")]


def test_project_rules_see_the_given_files_that_discovery_would_take(project: Standards) -> None:
    long_text = "a = 1\nb = 2\nc = 3\nd = 4\n"
    report = check_source(
        "x = 1\n", "src/one.py", project, files={"src/two.py": long_text, "notes.txt": long_text}
    )
    # The total counts one.py and two.py; notes.txt is not a file the standards check.
    assert dict(report.metrics) == {"probe_lines": 5}
    assert report.violations == ()


def test_check_source_reports_a_file_too_large(project: Standards) -> None:
    limited = dataclasses.replace(project, max_file_size=8)
    report = check_source("x = 1  # PROBE\n", "src/big.py", limited)
    assert [v.rule for v in report.violations] == [FileTooLargeRule.code]

"""Project rules: reports over all files' facts, metrics, per-path options, isolation."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.config import Standards, StandardsResolver, load_standards
from standards_lint.engine.project import run_project_rules
from standards_lint.model import FileResult, Report, Severity, Span
from standards_lint.registry import Registry
from standards_lint.rule import Area, NoOptions, ProjectFacts, ProjectRule, RulePack


def run(tmp_path: Path, write_standards: Callable[..., Path], text: str) -> Report:
    # The probe plugin's own file is not part of the project under test.
    standards = load_standards(write_standards('exclude = ["plugins/"]\n' + text))
    return check([tmp_path / "src"], standards, use_cache=False, cwd=tmp_path)


@pytest.fixture
def files(write_files: Callable[..., list[Path]]) -> None:
    write_files(
        {
            "src/short.py": "a = 1\n",
            "src/long.py": "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n",
            "src/tests/test_long.py": "a = 1\nb = 2\nc = 3\nd = 4\n",
        }
    )


def test_project_rule_reports_and_publishes(
    tmp_path: Path, write_standards: Callable[..., Path], files: None
) -> None:
    report = run(tmp_path, write_standards, 'select = ["PRB100"]\n')
    assert [(v.rule, v.path, v.line, v.message, v.severity) for v in report.violations] == [
        ("PRB100", "src/long.py", 1, "5 lines > 3", Severity.ERROR),
        ("PRB100", "src/tests/test_long.py", 1, "4 lines > 3", Severity.ERROR),
    ]
    assert dict(report.metrics) == {"probe_lines": 10}


def test_project_rules_read_per_path_options(
    tmp_path: Path, write_standards: Callable[..., Path], files: None
) -> None:
    report = run(
        tmp_path,
        write_standards,
        'select = ["PRB100"]\n[[overrides]]\npaths = ["tests/"]\nprobe = { limit = 10 }\n',
    )
    assert [(v.path, v.message) for v in report.violations] == [("src/long.py", "5 lines > 3")]


def test_files_that_ignore_a_project_rule_give_it_no_facts(
    tmp_path: Path, write_standards: Callable[..., Path], files: None
) -> None:
    report = run(
        tmp_path,
        write_standards,
        'select = ["PRB100"]\n[[overrides]]\npaths = ["tests/"]\nignore = ["PRB100"]\n',
    )
    assert [v.path for v in report.violations] == ["src/long.py"]
    assert dict(report.metrics) == {"probe_lines": 6}


def test_a_project_rule_that_is_not_selected_does_not_run(
    tmp_path: Path, write_standards: Callable[..., Path], files: None
) -> None:
    report = run(tmp_path, write_standards, 'select = ["PRB001"]\n')
    assert report.violations == ()
    assert dict(report.metrics) == {}


class Reporting(ProjectRule[NoOptions]):
    """Reports on a file and on the standards, and publishes a metric."""

    code = "PRJ001"
    name = "reporting"
    area = "project"
    summary = "s"
    rationale = "r"

    def check(self, project: ProjectFacts) -> None:
        self.report("on the standards")
        for path in project.files:
            self.report("on a file", path=path, line=2)
        self.publish("files_seen", len(project.files))


class Exploding(ProjectRule[NoOptions]):
    """Publishes, then fails."""

    code = "PRJ002"
    name = "exploding"
    area = "project"
    summary = "s"
    rationale = "r"

    def check(self, project: ProjectFacts) -> None:
        self.publish("half_done", 1)
        self.report("never seen")
        raise LookupError("no such fact")


PACK = RulePack("project", [Exploding, Reporting], [Area("project", "PRJ", "Project")])


def test_a_failing_project_rule_is_isolated(
    tmp_path: Path,
    make_registry: Callable[..., Registry],
    make_standards: Callable[..., Standards],
) -> None:
    standards = make_standards(make_registry(PACK), tmp_path, select=("project",))
    files = [(tmp_path / "a.py", FileResult("a.py", ()))]
    outcome = run_project_rules(files, StandardsResolver(standards), "standards.toml")
    located = outcome.violations[-1].message.rpartition(" at ")
    assert "test_engine_project.py:" in located[2]
    outcome.violations[-1] = dataclasses.replace(outcome.violations[-1], message=located[0])
    assert [(v.rule, v.path, v.span, v.message) for v in outcome.violations] == [
        ("PRJ001", "standards.toml", Span(1, 1, 1, 1), "on the standards"),
        ("PRJ001", "a.py", Span(2, 1, 2, 1), "on a file"),
        (
            "SL002",
            "standards.toml",
            Span(1, 1, 1, 1),
            "rule PRJ002 (exploding) failed: LookupError: no such fact",
        ),
    ]
    assert outcome.metrics == {"files_seen": 1}


def test_a_failing_project_rule_makes_the_run_exit_2(
    tmp_path: Path,
    make_registry: Callable[..., Registry],
    make_standards: Callable[..., Standards],
) -> None:
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    standards = make_standards(make_registry(PACK), tmp_path, select=("project",))
    report = check([tmp_path], standards, use_cache=False, cwd=tmp_path)
    assert report.internal_errors == 1
    assert report.exit_code == 2
    # Without a standards file, reports on the standards go to ".".
    assert [(v.path, v.rule) for v in report.violations] == [
        (".", "PRJ001"),
        (".", "SL002"),
        ("a.py", "PRJ001"),
    ]


SEEN: list[ProjectFacts] = []


class Remembers(ProjectRule[NoOptions]):
    """Keeps what it was given."""

    code = "PRJ003"
    name = "remembers"
    area = "project"
    summary = "s"
    rationale = "r"

    def check(self, project: ProjectFacts) -> None:
        SEEN.append(project)


def test_project_facts_know_each_files_path_below_the_root(
    tmp_path: Path,
    make_registry: Callable[..., Registry],
    make_standards: Callable[..., Standards],
) -> None:
    registry = make_registry(RulePack("remember", [Remembers], [Area("project", "PRJ", "P")]))
    standards = make_standards(registry, tmp_path / "root", select=("PRJ003",))
    paths = [tmp_path / "root" / "pkg" / "a.py", tmp_path / "root" / "b.py"]
    files = [(p, FileResult(f"../{p.relative_to(tmp_path).as_posix()}", ())) for p in paths]
    SEEN.clear()
    run_project_rules(files, StandardsResolver(standards), "../root/standards.toml")
    (project,) = SEEN
    assert dict(project.root_paths) == {"../root/pkg/a.py": "pkg/a.py", "../root/b.py": "b.py"}
    assert project.standards_path == "../root/standards.toml"
    assert set(project.files) == {"../root/pkg/a.py", "../root/b.py"}

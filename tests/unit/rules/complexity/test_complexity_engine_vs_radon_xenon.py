"""The complexity rules, run by the real engine over real packages, agree with radon and xenon.

Each installed package is copied to a temporary project with a standards file
that selects some complexity rules with given limits; the engine's report
(``api.check``, and once the CLI's JSON) is compared with what radon's and
xenon's command lines, run as a user runs them, report on the very same files:

- CPX001 flags exactly the functions ``radon cc`` ranks worse than the limit
  (same file, same ``def`` line), with and without ``--show-closures``;
- CPX102 flags exactly the modules xenon's ``--max-modules`` names;
- CPX201 reports exactly when xenon's ``--max-average`` fails, and the
  published ``average_cyclomatic`` is xenon's figure;
- CPX002 reports each function with the figure that ``measure_module`` gives
  (whose agreement with complexipy is tested beside it in tests/unit/rules/complexity).

Radon never measures the methods of a class defined inside a function, so
those (named ``f.<locals>.Local.method`` in the reports) are left out of the
comparison with radon.
"""

from __future__ import annotations

import ast
import functools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from standards_lint.api import check
from standards_lint.cli import main
from standards_lint.config import load_standards
from standards_lint.engine.discover import discover_files
from standards_lint.model import Report
from standards_lint.rules.complexity.metrics import measure_module

pytest.importorskip("xenon")

pytestmark = pytest.mark.slow

PACKAGES = ("click", "pathspec", "radon", "_pytest")
RANKS = "ABCDEF"
_REPORTED_NAME = re.compile(r"^(?:function|method) '(?P<name>[^']+)' ")
_REPORTED_COGNITIVE = re.compile(r"has cognitive complexity (?P<score>\d+),")
_XENON_MODULE = re.compile(r"^ERROR:xenon:module (?P<path>'.+') has a rank of (?P<rank>[A-F])$")
_XENON_AVERAGE = re.compile(r"^ERROR:xenon:(?:total )?average complexity is")


@functools.cache
def package_copy(name: str, root: Path) -> Path:
    """A copy of the installed package ``name`` under ``root``, made once per session."""
    module = pytest.importorskip(name)
    assert module.__file__ is not None
    target = root / name / name
    shutil.copytree(
        Path(module.__file__).parent, target, ignore=shutil.ignore_patterns("__pycache__")
    )
    return target


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the package copies live."""
    return tmp_path_factory.mktemp("packages")


def run_engine(package: Path, select: str, options: Mapping[str, Any]) -> Report:
    """Check ``package`` with the rules in ``select`` and these ``[complexity]`` options."""
    project = package.parent
    lines = [f'select = ["{select}"]', "[complexity]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in options.items()]
    config = project / "standards.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check([package], load_standards(config), use_cache=False, cwd=project)
    assert report.internal_errors == 0
    return report


def reported(report: Report, rule: str, project: Path) -> set[tuple[str, int, str]]:
    """(absolute path, line, message) of each violation of ``rule``."""
    return {
        (str((project / violation.path).resolve()), violation.line, violation.message)
        for violation in report.violations
        if violation.rule == rule
    }


@functools.cache
def radon_blocks(package: Path, *options: str) -> Mapping[str, list[dict[str, Any]]]:
    """``radon cc -j`` over ``package``, with more options: every block, by file."""
    command = [sys.executable, "-m", "radon", "cc", "-j", *options, str(package)]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    blocks: dict[str, list[dict[str, Any]]] = json.loads(completed.stdout)
    return blocks


def radon_functions(blocks: Mapping[str, list[dict[str, Any]]]) -> set[tuple[str, int]]:
    """(path, line) of every function and method in a radon report."""
    return {
        (str(Path(path).resolve()), block["lineno"])
        for path, file_blocks in blocks.items()
        for block in file_blocks
        if block["type"] != "class"
    }


def radon_can_measure(qualified_name: str) -> bool:
    """Whether radon measures the function: not a method of a class defined in a function."""
    parts = qualified_name.split(".")
    return not any(
        parts[index - 1] == "<locals>" and parts[index + 1] != "<locals>"
        for index in range(1, len(parts) - 1)
    )


@pytest.mark.parametrize("show_closures", [True, False], ids=["with-closures", "radon-default"])
@pytest.mark.parametrize("limit", ["B", "C", 10, 15])
@pytest.mark.parametrize("package_name", PACKAGES)
def test_cyclomatic_reports_are_the_functions_radon_cc_ranks_above_the_limit(
    copies: Path, package_name: str, limit: str | int, show_closures: bool
) -> None:
    package = package_copy(package_name, copies)
    closures = ("--show-closures",) if show_closures else ()

    report = run_engine(package, "CPX001", {"max-cyclomatic": limit})
    if isinstance(limit, str):
        worse = RANKS[RANKS.index(limit) + 1]
        theirs = radon_functions(radon_blocks(package, "--min", worse, *closures))
    else:
        blocks = radon_blocks(package, *closures)
        theirs = {
            (str(Path(path).resolve()), block["lineno"])
            for path, file_blocks in blocks.items()
            for block in file_blocks
            if block["type"] != "class" and block["complexity"] > limit
        }

    ours = set()
    for path, line, message in reported(report, "CPX001", package.parent):
        match = _REPORTED_NAME.match(message)
        assert match, message
        name = match["name"]
        if radon_can_measure(name) and (show_closures or "<locals>" not in name):
            ours.add((path, line))
    if limit in ("B", 10):
        assert theirs, "the default limit should flag some functions of a real package"
    assert ours == theirs


def xenon_errors(package: Path, modules: str, average: str | float, cwd: Path) -> list[str]:
    """The lines xenon writes for these limits (it reads .xenon.yml from ``cwd``: none there)."""
    average_option = (
        ["--max-average", average]
        if isinstance(average, str)
        else ["--max-average-num", str(average)]
    )
    command = [sys.executable, "-m", "xenon", "--max-absolute", "F", "--max-modules", modules]
    completed = subprocess.run(
        [*command, *average_option, str(package)], capture_output=True, text=True, cwd=cwd
    )
    return completed.stderr.splitlines()


@pytest.mark.parametrize(("modules", "average"), [("A", "A"), ("B", 3.0), ("A", 3.5), ("F", "F")])
@pytest.mark.parametrize("package_name", PACKAGES)
def test_module_ranks_and_the_average_verdict_are_xenons(
    copies: Path, package_name: str, modules: str, average: str | float, tmp_path: Path
) -> None:
    package = package_copy(package_name, copies)

    report = run_engine(package, "CPX102", {"max-module-rank": modules})
    average_report = run_engine(package, "CPX201", {"max-average": average})
    lines = xenon_errors(package, modules, average, tmp_path)

    xenon_modules = {
        str(Path(ast.literal_eval(match["path"])).resolve())
        for match in map(_XENON_MODULE.match, lines)
        if match
    }
    our_modules = {path for path, _, _ in reported(report, "CPX102", package.parent)}
    assert our_modules == xenon_modules
    xenon_fails_average = any(map(_XENON_AVERAGE.match, lines))
    assert bool(reported(average_report, "CPX201", package.parent)) == xenon_fails_average


@pytest.mark.parametrize("package_name", PACKAGES)
def test_the_published_average_is_xenons_figure_over_the_same_files(
    copies: Path, package_name: str
) -> None:
    package = package_copy(package_name, copies)

    report = run_engine(package, "CPX201", {})
    blocks = radon_blocks(package)
    complexities = [block["complexity"] for file in blocks.values() for block in file]

    # radon cc lists the files that have blocks: those are the checked files with blocks.
    checked = discover_files([package], _standards(package))
    with_blocks = {
        str(path.resolve())
        for path in checked
        if measure_module(path.read_text(encoding="utf-8")).blocks
    }
    assert with_blocks == {str(Path(path).resolve()) for path in blocks}
    assert report.metrics["average_cyclomatic"] == pytest.approx(
        sum(complexities) / len(complexities)
    )
    radon_worst = max(
        block["complexity"]
        for file in radon_blocks(package, "--show-closures").values()
        for block in file
        if block["type"] != "class"
    )
    measured_worst = max(
        function.cyclomatic
        for path in package.rglob("*.py")
        for function in measure_module(path.read_text(encoding="utf-8")).functions
    )
    # Radon does not list the methods of classes defined in functions; they count too.
    assert report.metrics["worst_cyclomatic"] == measured_worst >= radon_worst


def _standards(package: Path) -> Any:
    """The standards file last written next to ``package``."""
    return load_standards(package.parent / "standards.toml")


@pytest.mark.parametrize("package_name", PACKAGES)
def test_cognitive_reports_carry_the_measured_figures(copies: Path, package_name: str) -> None:
    package = package_copy(package_name, copies)

    report = run_engine(package, "CPX002", {"max-cognitive": 0})

    ours = set()
    for path, line, message in reported(report, "CPX002", package.parent):
        match = _REPORTED_COGNITIVE.search(message)
        assert match, message
        ours.add((path, line, int(match["score"])))
    measured = set()
    for path in sorted(package.rglob("*.py")):
        module = measure_module(path.read_text(encoding="utf-8"))
        measured |= {
            (str(path.resolve()), function.line, function.cognitive)
            for function in module.functions
            if not function.is_nested and function.cognitive > 0
        }
    assert len(measured) > 50
    assert ours == measured


def test_the_cli_json_report_has_radons_functions_and_the_metrics(copies: Path) -> None:
    package = package_copy("click", copies)
    project = package.parent
    config = project / "cli-standards.toml"
    config.write_text('select = ["CPX"]\n[complexity]\nmax-cyclomatic = "C"\n', encoding="utf-8")

    result = CliRunner().invoke(
        main, ["check", "--config", str(config), "--format", "json", "--no-cache", str(package)]
    )

    assert result.exit_code == 1, result.output
    output = json.loads(result.stdout)
    flagged = {
        (str(Path(violation["path"]).resolve()), violation["line"])
        for violation in output["violations"]
        if violation["rule"] == "CPX001"
    }
    assert flagged == radon_functions(radon_blocks(package, "--min", "D", "--show-closures"))
    metrics = output["metrics"]
    assert set(metrics) >= {"average_cyclomatic", "worst_cyclomatic", "average_maintainability"}
    assert 0 < metrics["average_maintainability"] <= 100

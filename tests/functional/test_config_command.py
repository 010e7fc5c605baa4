"""`standards-lint config`: the standards of a path, each value with where it came from."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from .harness import Invoke

STANDARDS = textwrap.dedent(
    """\
    extends = "team.toml"
    select = ["style"]

    [style]
    max-line-length = 90

    [[overrides]]
    paths = ["tests/"]
    ignore = ["STY001"]

    [[overrides]]
    paths = ["legacy/**"]
    [overrides.style]
    max-line-length = 120
    """
)


def _project(tmp_path: Path) -> Path:
    (tmp_path / "team.toml").write_text("[style]\nmax-module-lines = 300\n", encoding="utf-8")
    (tmp_path / "standards.toml").write_text(STANDARDS, encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.py").write_text("x = 1\n", encoding="utf-8")
    return tmp_path


def _json(cli: Invoke, *args: str, cwd: Path) -> dict[str, object]:
    result = cli("config", *args, "--format", "json", cwd=cwd)
    assert result.exit_code == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_a_file_under_an_override_shows_the_override_as_the_origin(
    cli: Invoke, tmp_path: Path
) -> None:
    root = _project(tmp_path)
    shown = _json(cli, "legacy/old.py", cwd=root)
    style = shown["areas"]["style"]  # type: ignore[index]
    assert style["max-line-length"]["value"] == 120
    assert style["max-line-length"]["origin"] == {"file": "standards.toml", "override": 2}
    assert style["max-module-lines"]["value"] == 300
    assert style["max-module-lines"]["from"] == "team.toml"
    assert style["max-arguments"]["from"] == "default"
    assert shown["overrides"] == [  # type: ignore[comparison-overlap]
        {
            "number": 2,
            "paths": ["legacy/**"],
            "file": "standards.toml",
            "override": 2,
            "from": "[[overrides]] #2",
        }
    ]
    assert shown["settings"]["select"]["from"] == "standards.toml"  # type: ignore[index]


def test_a_directory_shows_the_project_standards(cli: Invoke, tmp_path: Path) -> None:
    root = _project(tmp_path)
    shown = _json(cli, "legacy", cwd=root)
    assert shown["overrides"] == []
    style = shown["areas"]["style"]  # type: ignore[index]
    assert style["max-line-length"] == {
        "value": 90,
        "origin": {"file": "standards.toml", "override": None},
        "from": "standards.toml",
    }


def test_an_override_that_ignores_a_rule_removes_it_from_the_file(
    cli: Invoke, tmp_path: Path
) -> None:
    root = _project(tmp_path)
    (root / "tests").mkdir()
    (root / "tests" / "test_old.py").write_text("x = 1\n", encoding="utf-8")
    assert "STY001" in _json(cli, "legacy/old.py", cwd=root)["rules"]  # type: ignore[operator]
    assert "STY001" not in _json(cli, "tests/test_old.py", cwd=root)["rules"]  # type: ignore[operator]


def test_the_text_shows_each_value_with_its_origin(cli: Invoke, tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = cli("config", "legacy/old.py", cwd=root)
    assert result.exit_code == 0, result.stderr
    assert '# [[overrides]] #2 applies: paths = ["legacy/**"]' in result.lines
    line = next(line for line in result.lines if line.startswith("max-line-length = "))
    assert line.split("#", 1)[1].strip() == "[[overrides]] #2 in standards.toml"


def test_a_broken_standards_file_is_reported(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "standards.toml").write_text("selct = []\n", encoding="utf-8")
    result = cli("config", cwd=tmp_path)
    assert result.exit_code == 2
    assert "unknown key 'selct'" in result.stderr

"""``extends`` entries that name installed packages: found without running their code."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from standards_lint.config import load_standards
from standards_lint.config.cascade import reroot
from standards_lint.config.sources import SourceError, package_resource


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package on ``sys.path`` whose ``__init__`` fails if it is ever run."""
    package = tmp_path / "site" / "org_standards" / "python"
    package.mkdir(parents=True)
    (package.parent / "__init__.py").write_text("raise RuntimeError('ran')\n", encoding="utf-8")
    (package / "__init__.py").write_text("raise RuntimeError('ran')\n", encoding="utf-8")
    (package / "base.toml").write_text("[style]\nmax-line-length = 77\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    return package


def test_a_resource_is_found_without_importing_the_package(shared: Path) -> None:
    found = package_resource("org_standards.python", "base.toml")
    assert found == shared / "base.toml"
    assert "org_standards" not in sys.modules


def test_extends_reads_a_package_resource(shared: Path, tmp_path: Path) -> None:
    (tmp_path / "standards.toml").write_text(
        'extends = ["org_standards.python:base.toml"]\n', encoding="utf-8"
    )
    assert load_standards(tmp_path / "standards.toml").areas["style"].max_line_length == 77


@pytest.mark.parametrize(
    ("package", "resource", "message"),
    [
        ("no_such_package_here", "a.toml", "no installed package 'no_such_package_here'"),
        ("org_standards", "missing.toml", "no such resource"),
        ("org_standards", "../escape.toml", "must be inside the package"),
    ],
)
def test_a_missing_resource_says_why(
    shared: Path, package: str, resource: str, message: str
) -> None:
    with pytest.raises(SourceError, match=message):
        package_resource(package, resource)


def test_bases_of_a_list_merge_in_order(tmp_path: Path) -> None:
    (tmp_path / "one.toml").write_text(
        "[style]\nmax-line-length = 1\nmax-arguments = 3\n", encoding="utf-8"
    )
    (tmp_path / "two.toml").write_text("[style]\nmax-line-length = 2\n")
    (tmp_path / "standards.toml").write_text('extends = ["one.toml", "two.toml"]\n')
    style = load_standards(tmp_path / "standards.toml").areas["style"]
    assert (style.max_line_length, style.max_arguments) == (2, 3)


@pytest.mark.parametrize(
    ("pattern", "moved"),
    [
        ("generated/", "/svc/**/generated/"),
        ("/top.py", "/svc/top.py"),
        ("a/b.py", "/svc/a/b.py"),
        ("!keep.py", "!/svc/**/keep.py"),
    ],
)
def test_patterns_of_a_cascading_file_are_moved_like_a_nested_gitignore(
    pattern: str, moved: str
) -> None:
    assert reroot(pattern, "svc") == moved

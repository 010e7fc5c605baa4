"""The layers contract found from the import graph: ranks, independent siblings, cycles."""

from __future__ import annotations

from pathlib import Path

from standards_lint.config import load_standards
from standards_lint.rule import ProjectFacts
from standards_lint.rules.architecture.graph import ImportGraph, build_graph
from standards_lint.rules.architecture.imports import IMPORTS_FACT, ImportStatement
from standards_lint.rules.architecture.options import ArchitectureOptions
from standards_lint.starter.layers import describe, find_layering, import_graph


def _graph(imports: dict[str, list[str]]) -> ImportGraph:
    """The graph of files (``pkg/a.py``) that import the absolute modules listed."""
    files = {
        path: {IMPORTS_FACT: tuple(ImportStatement(1, 0, name) for name in names)}
        for path, names in imports.items()
    }
    project = ProjectFacts(files, None, {path: path for path in files})
    return build_graph(project, ArchitectureOptions())


def test_every_import_goes_down_and_unrelated_siblings_are_independent() -> None:
    graph = _graph(
        {
            "pkg/__init__.py": [],
            "pkg/cli.py": ["pkg.api", "click"],
            "pkg/api.py": ["pkg.models", "pkg.io.files"],
            "pkg/models.py": ["pkg.base"],
            "pkg/io/__init__.py": [],
            "pkg/io/files.py": ["pkg.base"],
            "pkg/base.py": [],
        }
    )
    layering = find_layering(graph)
    assert layering is not None
    assert layering.container == "pkg"
    assert layering.entries() == ("cli", "api", "io | models", "base")


def test_siblings_in_a_cycle_share_a_layer_that_is_not_independent() -> None:
    graph = _graph(
        {
            "pkg/__init__.py": [],
            "pkg/top.py": ["pkg.a"],
            "pkg/a.py": ["pkg.b"],
            "pkg/b.py": ["pkg.a", "pkg.low"],
            "pkg/low.py": [],
        }
    )
    layering = find_layering(graph)
    assert layering is not None
    assert layering.entries() == ("top", "a : b", "low")
    assert "`:`" in describe(layering)


def test_one_layer_or_no_package_makes_no_contract() -> None:
    assert find_layering(_graph({"pkg/__init__.py": [], "pkg/a.py": [], "pkg/b.py": []})) is None
    assert find_layering(_graph({"a.py": ["b"], "b.py": []})) is None


def test_the_graph_is_read_from_the_files_under_the_target(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "high.py").write_text("from . import low\n")
    (tmp_path / "pkg" / "low.py").write_text("import os\n")
    (tmp_path / "standards.toml").write_text("")
    graph = import_graph(tmp_path, load_standards(tmp_path / "standards.toml"))
    layering = find_layering(graph)
    assert layering is not None
    assert layering.entries() == ("high", "low")

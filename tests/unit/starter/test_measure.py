"""Today's worst figures, from one run at the minimum limits."""

from __future__ import annotations

from pathlib import Path

from standards_lint.starter.measure import measure, probe_text

CODE = '''"""A module."""


def simple(a):
    """One path."""
    return a


def branchy(a, b, c):
    """Three paths, nested twice."""
    if a:
        if b:
            return 1
    elif c:
        return 2
    return 3
'''


def test_probe_text_sets_every_limit_to_its_minimum() -> None:
    text = probe_text()
    assert "max-cyclomatic = 0" in text
    assert "max-line-length = 1" in text


def test_the_worst_figure_of_each_threshold(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(CODE)
    measured = measure(tmp_path)
    assert measured.worst["max-cyclomatic"] == 4
    assert measured.worst["max-nesting"] == 2
    assert measured.worst["max-arguments"] == 3
    assert measured.worst["max-line-length"] == len('    """Three paths, nested twice."""')
    assert measured.worst["max-module-lines"] == CODE.count("\n")
    assert measured.where["max-cyclomatic"] == "m.py:9"
    assert measured.docstring_coverage == 100.0

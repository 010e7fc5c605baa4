"""Calibrating: limits at today's figures, the rest ignored, and the result passes."""

from __future__ import annotations

from pathlib import Path

import tomllib

from standards_lint.starter import calibrate
from standards_lint.starter.calibrate import round_line_length
from standards_lint.starter.probe import check_with

CODE = '''"""A module."""


def risky(a):
    """Swallow everything."""
    try:
        return a()
    except:
        return None
'''


def test_line_lengths_round_up_to_common_limits() -> None:
    assert round_line_length(40) == 79
    assert round_line_length(88) == 88
    assert round_line_length(89) == 100
    assert round_line_length(117) == 120
    assert round_line_length(121) == 130


def test_rules_without_a_limit_are_ignored_with_their_count(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(CODE)
    starter = calibrate(tmp_path)
    document = tomllib.loads(starter.text)
    assert "bare-except" in document["ignore"]
    assert "    # 1 today: An `except:` clause" in starter.text
    assert document["complexity"]["max-cyclomatic"] == 2
    assert starter.remaining == {}
    assert check_with(tmp_path, starter.text).exit_code == 0


def test_with_a_baseline_the_rules_stay_on(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(CODE)
    starter = calibrate(tmp_path, with_baseline=True)
    assert "ignore" not in tomllib.loads(starter.text)
    assert starter.remaining["bare-except"] == 1
    assert "baseline" in starter.text.splitlines()[1]

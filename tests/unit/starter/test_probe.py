"""Standards from text, rooted at the directory they are for, without writing there."""

from __future__ import annotations

from pathlib import Path

import pytest

from standards_lint.config import ConfigError
from standards_lint.starter.probe import check_with, standards_for


def test_the_text_applies_at_the_target(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text('"""Doc."""\n\nx = "' + "a" * 30 + '"\n')
    standards = standards_for(tmp_path, "[style]\nmax-line-length = 20\n")
    assert standards.root == tmp_path.resolve()
    assert standards.areas["style"].max_line_length == 20
    assert list(tmp_path.iterdir()) == [tmp_path / "m.py"]
    report = check_with(tmp_path, "[style]\nmax-line-length = 20\n")
    assert [violation.rule for violation in report.violations if violation.rule == "STY001"] == [
        "STY001"
    ]


def test_invalid_text_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        standards_for(tmp_path, "[style]\nmax-line-length = 0\n")

"""A project whose standards load the fixprobe pack (fix_rules.py) as a local plugin."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from standards_lint.config import Standards, load_standards

FIX_RULES = Path(__file__).with_name("fix_rules.py")


@pytest.fixture
def fix_standards(tmp_path: Path) -> Callable[[Sequence[str]], Standards]:
    """Standards in ``tmp_path`` that select ``codes``, the fixprobe pack loaded."""

    def make(codes: Sequence[str]) -> Standards:
        (tmp_path / "plugins").mkdir(exist_ok=True)
        shutil.copy(FIX_RULES, tmp_path / "plugins" / "fix_rules.py")
        selected = ", ".join(f'"{code}"' for code in codes)
        path = tmp_path / "standards.toml"
        path.write_text(
            f'plugins = ["plugins/fix_rules.py"]\nexclude = ["plugins/"]\nselect = [{selected}]\n',
            encoding="utf-8",
        )
        return load_standards(path)

    return make

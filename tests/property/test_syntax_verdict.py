"""The syntax verdict is Python's own: what ``compile()`` accepts is never SL001.

Generated programs come from hypothesmith's grammar strategy, which writes odd
but often valid code (tabs and spaces mixed, deep nesting, rare constructs).
For each, the analysis with every built-in rule runs twice and must agree;
if ``compile()`` accepts the text, no SL001 may be reported (LibCST's own
limits are SL006), and whether SL001 or SL006 is reported never depends on
which rules are selected.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import given, settings
from property_settings import SETTINGS

from standards_lint.config import StandardsResolver, load_standards
from standards_lint.engine.analyze import FileProfile, analyze_file
from standards_lint.engine.run import ProfileTable

pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")

VERDICTS = frozenset({"SL001", "SL005", "SL006"})


def _profile(root: Path, select: str) -> FileProfile:
    root.mkdir()
    (root / "standards.toml").write_text(f"select = {select}\n", encoding="utf-8")
    standards = load_standards(root / "standards.toml")
    return ProfileTable(standards, StandardsResolver(standards)).get(())


@pytest.fixture(scope="module")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> tuple[FileProfile, FileProfile]:
    base = tmp_path_factory.mktemp("verdicts")
    return _profile(base / "all", '["ALL"]'), _profile(base / "docs", '["DOC"]')


def compiles(source: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "generated.py", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def verdict(raw: bytes, profile: FileProfile, *, twice: bool = True) -> set[str]:
    result = analyze_file("generated.py", raw, profile)
    if twice:
        assert analyze_file("generated.py", raw, profile) == result, "not the same answer twice"
    assert not [v for v in result.violations if v.rule == "SL002"], result.violations
    return {violation.rule for violation in result.violations} & VERDICTS


def test_valid_python_that_libcst_rejects_is_sl006_whatever_the_selection(
    profiles: tuple[FileProfile, FileProfile],
) -> None:
    raw = b"def f():\n\tif 1:\n        \treturn 1\n"
    assert compiles(raw.decode())
    every_rule, docstrings_only = profiles
    assert verdict(raw, every_rule) == verdict(raw, docstrings_only) == {"SL006"}


@pytest.mark.slow
@settings(SETTINGS, max_examples=1000)
@given(source=hypothesmith.from_grammar())
def test_no_program_that_compiles_is_a_syntax_error(
    profiles: tuple[FileProfile, FileProfile], source: str
) -> None:
    raw = source.encode("utf-8", errors="surrogatepass")
    every_rule, docstrings_only = profiles
    found = verdict(raw, every_rule)
    if compiles(source):
        assert "SL001" not in found
    assert verdict(raw, docstrings_only, twice=False) == found

"""Any program, valid or not, goes through one file's analysis without failing.

Generated programs come from hypothesmith: ``from_grammar`` writes source text
from Python's grammar (often odd, sometimes not valid), ``from_node`` writes
code from LibCST nodes. Every built-in per-file rule runs on them, with its
profile built the way the engine builds it.
"""

from __future__ import annotations

import json

import hypothesmith
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from property_settings import SETTINGS

from standards_lint.config import StandardsResolver, load_standards
from standards_lint.engine.analyze import FileProfile, analyze_file
from standards_lint.engine.run import ProfileTable
from standards_lint.model import FileResult, Report
from standards_lint.reporters.json_report import render_json
from standards_lint.reporters.text import render_text

# hypothesmith compiles what it generates, and the compiler warns about odd
# but valid code ("'complex' object is not callable"); that is not ours to show.
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> FileProfile:
    root = tmp_path_factory.mktemp("properties")
    (root / "standards.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    standards = load_standards(root / "standards.toml")
    built = ProfileTable(standards, StandardsResolver(standards)).get(())
    assert built.rules, "the built-in pack has per-file rules"
    return built


def check_analysis(raw: bytes, profile: FileProfile) -> FileResult:
    result = analyze_file("generated.py", raw, profile)
    internal = [v for v in result.violations if v.rule == "SL002"]
    assert not internal, internal[0].message
    assert analyze_file("generated.py", raw, profile) == result
    for violation in result.violations:
        assert violation.path == "generated.py"
        assert violation.span.line >= 1
        assert violation.span.column >= 1
    report = Report(1, result.violations, {"generated_metric": 1.5})
    render_text(report)
    render_text(report, color=True, statistics=True)
    document = json.loads(render_json(report))
    assert len(document["violations"]) == len(result.violations)
    return result


@settings(SETTINGS, max_examples=60)
@given(source=hypothesmith.from_grammar())
def test_programs_from_the_grammar(profile: FileProfile, source: str) -> None:
    check_analysis(source.encode("utf-8", errors="surrogatepass"), profile)


@settings(SETTINGS, max_examples=40)
@given(source=hypothesmith.from_node())
def test_programs_from_libcst_nodes(profile: FileProfile, source: str) -> None:
    result = check_analysis(source.encode("utf-8", errors="surrogatepass"), profile)
    assert not [v for v in result.violations if v.rule == "SL005"]


@settings(SETTINGS, max_examples=30)
@given(
    source=hypothesmith.from_grammar(),
    cut=st.integers(min_value=0, max_value=10_000),
    junk=st.sampled_from(
        [
            "",
            "(",
            ")",
            ":",
            "\t",
            "\\",
            "'",
            '"""',
            "\x00",
            "\r",
            "\ufeff",
            "# standards-lint: ignore[",
        ]
    ),
)
def test_broken_programs(profile: FileProfile, source: str, cut: int, junk: str) -> None:
    position = cut % (len(source) + 1)
    broken = source[:position] + junk + source[position:]
    check_analysis(broken.encode("utf-8", errors="surrogatepass"), profile)


@settings(SETTINGS, max_examples=20)
@given(raw=st.binary(max_size=400))
def test_arbitrary_bytes(profile: FileProfile, raw: bytes) -> None:
    check_analysis(raw, profile)


def test_the_profile_is_built_like_the_engine_builds_it(profile: FileProfile) -> None:
    codes = {rule.code for rule in profile.rules}
    assert "STY001" in codes
    assert set(profile.options) == {rule.area for rule in profile.rules} | {
        fact.area for fact in profile.facts
    }

"""Fixing generated programs never leaves code that does not parse, and is idempotent.

Programs come from hypothesmith (``from_grammar`` text, ``from_node`` code)
and from a strategy that writes code with the patterns the fixing rules
repair: bare excepts, mutable defaults, unused suppression comments,
docstrings that miss a parameter, camelCase locals. Every rule is selected
and unsafe fixes are on, so whatever fixes the rules have are applied,
in memory, as ``check --fix --unsafe-fixes`` applies them.
"""

from __future__ import annotations

import ast

import hypothesmith
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from property_settings import SETTINGS

from standards_lint.config import Standards, load_standards
from standards_lint.fixing.session import fix_source
from standards_lint.model import FixSafety

pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")


@pytest.fixture(scope="module")
def standards(tmp_path_factory: pytest.TempPathFactory) -> Standards:
    root = tmp_path_factory.mktemp("fix-properties")
    (root / "standards.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    return load_standards(root / "standards.toml")


names = st.sampled_from(["item", "count", "userName", "maxValue", "x", "parsedRows"])
defaults = st.sampled_from(["[]", "{}", "set()", "None", "1", "list()", "dict(a=1)"])
handlers = st.sampled_from(
    ["except:", "except  :  # keep", "except Exception:", "except (OSError, ValueError) as e:"]
)
suppressions = st.sampled_from(
    [
        "",
        "  # standards-lint: ignore[STY011] on purpose",
        "  # standards-lint: ignore[STY001]",
        "  # standards-lint: ignore[DOC303, STY012] two",
        "  # noqa",
    ]
)
bodies = st.sampled_from(["pass", "log()", "raise", "return None", "rollback()\n        raise"])


@st.composite
def function(draw: st.DrawFn) -> str:
    """A function with a docstring, defaults, a local and a try: often something to fix."""
    name = draw(st.sampled_from(["run", "gather", "fetchAll", "_helper"]))
    parameters = draw(st.lists(names, max_size=3, unique=True))
    defaulted = [f"{p}={draw(defaults)}" for p in parameters[1:]]
    signature = ", ".join([*parameters[:1], *defaulted])
    documented = draw(st.lists(st.sampled_from(parameters or ["extra"]), unique=True))
    doc_style = draw(st.sampled_from(["none", "line", "google"]))
    lines = [f"def {name}({signature}):{draw(suppressions)}"]
    if doc_style == "line":
        lines.append(f'    """Do {name}."""')
    elif doc_style == "google":
        lines += [f'    """Do {name}.', "", "    Args:"]
        lines += [f"        {p}: The {p}." for p in documented] or ["        extra: Nothing."]
        lines.append('    """')
    local = draw(names)
    lines.append(f"    {local} = {parameters[0] if parameters else 1}{draw(suppressions)}")
    lines += ["    try:", f"        {local}()", f"    {draw(handlers)}{draw(suppressions)}"]
    lines += [f"        {draw(bodies)}", f"    return {local}"]
    return "\n".join(lines) + "\n"


@st.composite
def fixable_module(draw: st.DrawFn) -> str:
    """A module of functions (and, sometimes, a class holding one), with odd line endings."""
    parts = ['"""A generated module."""\n' if draw(st.booleans()) else ""]
    parts += ["import os" + draw(suppressions) + "\n"] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        code = draw(function())
        if draw(st.booleans()):
            code = "class Holder:\n" + "".join(
                f"    {line}\n" if line else "\n" for line in code.splitlines()
            )
        parts.append("\n\n" + code)
    text = "".join(parts)
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    text = text.replace("\n", ending)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    return text


def check_fixing(raw: bytes, standards: Standards) -> None:
    path = standards.root / "generated.py"
    once = fix_source(raw, path, "generated.py", standards, safety=FixSafety.UNSAFE)
    # A rule whose fix breaks the code, or fixes that never settle, fail here
    # (the file would be left as it was, and named).
    assert once.problem is None, f"{once.problem}\n--- for ---\n{raw.decode('utf-8', 'replace')}"
    result = once.content if once.content is not None else raw
    ast.parse(result)
    if b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""):
        assert b"\n" not in result.replace(b"\r\n", b""), "a CRLF file got LF endings"
    again = fix_source(result, path, "generated.py", standards, safety=FixSafety.UNSAFE)
    assert not again.changed, f"fixing again changed:\n{again.before}\n--- into ---\n{again.after}"


def parses(source: str) -> bool:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    return True


@settings(SETTINGS, max_examples=15)
@given(source=fixable_module())
def test_fixing_code_with_fixable_patterns(standards: Standards, source: str) -> None:
    check_fixing(source.encode("utf-8"), standards)


@settings(SETTINGS, max_examples=8)
@given(source=hypothesmith.from_node(), extra=fixable_module())
def test_fixing_libcst_programs_with_fixable_code(
    standards: Standards, source: str, extra: str
) -> None:
    combined = source if source.endswith("\n") or not source else source + "\n"
    check_fixing((combined + extra).encode("utf-8", errors="surrogatepass"), standards)


@settings(SETTINGS, max_examples=10)
@given(source=hypothesmith.from_grammar())
def test_fixing_programs_from_the_grammar(standards: Standards, source: str) -> None:
    check_fixing(source.encode("utf-8", errors="surrogatepass"), standards)


@pytest.mark.slow
@settings(SETTINGS, max_examples=200)
@given(source=fixable_module())
def test_fixing_code_with_fixable_patterns_at_length(standards: Standards, source: str) -> None:
    check_fixing(source.encode("utf-8"), standards)


@pytest.mark.slow
@settings(SETTINGS, max_examples=100)
@given(source=hypothesmith.from_node(), extra=fixable_module())
def test_fixing_libcst_programs_at_length(standards: Standards, source: str, extra: str) -> None:
    combined = source if source.endswith("\n") or not source else source + "\n"
    check_fixing((combined + extra).encode("utf-8", errors="surrogatepass"), standards)


def test_the_generated_code_parses_and_has_something_to_fix(standards: Standards) -> None:
    found: list[str] = []

    @settings(SETTINGS, max_examples=12)
    @given(source=fixable_module())
    def collect(source: str) -> None:
        assert parses(source), source
        found.append(source)

    collect()
    fixed = [
        fix_source(s.encode(), standards.root / "g.py", "g.py", standards, safety=FixSafety.UNSAFE)
        for s in found
    ]
    # The strategy is only worth running if fixes actually happen.
    assert sum(result.changed for result in fixed) >= len(fixed) // 2
    assert "STY011" in {code for result in fixed for code in result.fixed}

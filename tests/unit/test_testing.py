"""The helpers rule authors use: run_rule, example_cases and check_example.

check_example is itself a test: each way an example can disagree with its rule
must make it fail, or a broken rule would pass its own examples.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from standards_lint.rule import Expected, Invalid
from standards_lint.testing import (
    ExampleCase,
    check_example,
    example_cases,
    fix_with_rule,
    match_reports,
    run_rule,
)


@pytest.fixture
def plugins(probe_plugin: Path) -> tuple[str, ...]:
    return (str(probe_plugin),)


def probe_rule(plugins: tuple[str, ...], code: str) -> type:
    (case,) = [p.values[0] for p in example_cases(plugins, codes=[code]) if "invalid" in p.id]
    return case.rule


def test_run_rule_by_class_code_or_name(plugins: tuple[str, ...]) -> None:
    rule = probe_rule(plugins, "PRB002")
    source = "x = 1\nbad = x\n"
    for given in (rule, "PRB002", "bad-name"):
        found = run_rule(given, source, plugins=plugins)
        assert [(v.rule, v.line, v.span.column, v.message) for v in found] == [
            ("PRB002", 2, 1, "the name 'bad' is not allowed")
        ]


def test_run_rule_returns_only_that_rules_violations(plugins: tuple[str, ...]) -> None:
    found = run_rule("PRB001", "def broken(:  # PROBE\n", plugins=plugins)
    assert [v.rule for v in found] == ["PRB001"]


def test_run_rule_with_options(plugins: tuple[str, ...]) -> None:
    found = run_rule("PRB002", "good = 1\n", options={"names": ["good"]}, plugins=plugins)
    assert [v.line for v in found] == [1]


def test_run_rule_refuses_bad_options(plugins: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match=r"options for PRB002: names: expected a list of strings"):
        run_rule("PRB002", "x = 1\n", options={"names": "good"}, plugins=plugins)
    with pytest.raises(ValueError, match=r"unknown key 'nams'; did you mean 'names'\?"):
        run_rule("PRB002", "x = 1\n", options={"nams": []}, plugins=plugins)


def test_run_rule_for_an_unknown_rule() -> None:
    with pytest.raises(LookupError, match="'NOPE999' is not registered"):
        run_rule("NOPE999", "x = 1\n")


def test_run_rule_at_a_path_with_other_files(plugins: tuple[str, ...]) -> None:
    long_text = "a = 1\nb = 2\nc = 3\nd = 4\n"
    found = run_rule(
        "PRB100",
        "x = 1\n",
        path="pkg/mod.py",
        files={"pkg/other.py": long_text, "pkg/__init__.py": ""},
        plugins=plugins,
    )
    assert [(v.path, v.message) for v in found] == [("pkg/other.py", "4 lines > 3")]


def test_run_rule_reads_no_file_from_disk(
    plugins: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "example.py").write_text("x = 1  # PROBE\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_rule("PRB001", "x = 1\n", plugins=plugins) == []


def test_run_rule_goes_through_suppressions(plugins: tuple[str, ...]) -> None:
    source = "x = 1  # PROBE  # standards-lint: ignore[PRB001]\n"
    assert run_rule("PRB001", source, plugins=plugins) == []


def test_example_cases_cover_every_example_with_readable_ids(plugins: tuple[str, ...]) -> None:
    params = example_cases(plugins, codes=["PRB001", "PRB003"])
    assert [param.id for param in params] == [
        "PRB001-valid-1",
        "PRB001-invalid-1",
        "PRB003-valid-1",
        "PRB003-invalid-1",
    ]
    for param in params:
        case = param.values[0]
        assert isinstance(case, ExampleCase)
        assert case.plugins == plugins
        assert case.id == param.id


def test_example_cases_of_everything_include_the_builtin_and_the_plugin(
    plugins: tuple[str, ...],
) -> None:
    ids = {param.id for param in example_cases(plugins)}
    assert {"PRB002-invalid-1", "STY001-invalid-1", "SL001-invalid-1"} <= ids


@pytest.mark.parametrize("code", ["PRB001", "PRB002", "PRB003", "PRB100"])
def test_the_probe_examples_pass(plugins: tuple[str, ...], code: str) -> None:
    for param in example_cases(plugins, codes=[code]):
        check_example(param.values[0])


BROKEN_EXAMPLES = """\
from dataclasses import dataclass

from standards_lint.rule import Area, Invalid, Rule, RulePack, Valid, option


@dataclass(frozen=True, slots=True)
class WordOptions:
    word: str = option("bad", "The word to report.")


class WordRule(Rule):
    code = "WRD001"
    name = "word"
    area = "words"
    summary = "s"
    rationale = "r"
    valid = (
        Valid("x = 1\\n"),
        Valid("x = 1  # bad\\n"),
        Valid("x = 1  # bad\\n", options={"word": "good"}),
    )
    invalid = (
        Invalid("x = 1  # bad\\n", line=1, message="the word 'bad'"),
        Invalid("x = 1\\n"),
        Invalid("x = 1  # bad\\n", line=2),
        Invalid("x = 1  # bad\\n", message="another message"),
        Invalid("x = 1  # good\\n", options={"word": "good"}, path="pkg/__init__.py"),
        Invalid("x = 1  # bad\\ny = 2  # bad\\n", line=1),
        Invalid("# bad\\nx = 1\\n# bad\\n", lines=(1, 3), message="the word"),
        Invalid("# bad\\nx = 1\\n# bad\\n", reports=((3, None), (1, "the word 'bad'"))),
        Invalid("x = 1  # bad\\n", line=1, column=1),
        Invalid("x = 1  # bad\\n", line=1, column=7),
        Invalid("# bad\\n", lines=(1, 2)),
        Invalid("# bad\\n# bad\\n", reports=((1, None), (2, "another message"))),
        Invalid("# bad\\n# bad\\n"),
    )

    def start_file(self):
        for number, line in enumerate(self.source.lines, start=1):
            if self.options.word in line:
                self.report_at(number, 1, f"the word {self.options.word!r}")


PACK = RulePack("words", [WordRule], [Area("words", "WRD", "Words", WordOptions)])
"""


@pytest.fixture
def word_cases(tmp_path: Path) -> dict[str, ExampleCase]:
    """The examples of a rule whose declared examples are partly wrong, by id."""
    plugin = tmp_path / "words.py"
    plugin.write_text(BROKEN_EXAMPLES, encoding="utf-8")
    return {param.id: param.values[0] for param in example_cases([str(plugin)], codes=["WRD001"])}


@pytest.mark.parametrize(
    "case_id",
    [
        "WRD001-valid-1",
        "WRD001-valid-3",
        "WRD001-invalid-1",
        "WRD001-invalid-5",
        "WRD001-invalid-7",
        "WRD001-invalid-8",
        "WRD001-invalid-9",
    ],
)
def test_check_example_passes_examples_that_hold(
    word_cases: dict[str, ExampleCase], case_id: str
) -> None:
    check_example(word_cases[case_id])


@pytest.mark.parametrize(
    ("case_id", "message"),
    [
        ("WRD001-valid-2", "WRD001-valid-2 should not report, but reported:\n  1:1 the word 'bad'"),
        (
            "WRD001-invalid-2",
            "expected:\n  any line\nfound:\n  (nothing)\nmissing:\n  any line",
        ),
        ("WRD001-invalid-3", "expected:\n  2\nfound:\n  1:1 the word 'bad'\nmissing:\n  2\n"),
        ("WRD001-invalid-4", "missing:\n  any line 'another message'\nextra:\n  1:1 the word"),
        (
            "WRD001-invalid-6",
            "WRD001-invalid-6 should report exactly what it declares\nexpected:\n  1\n"
            "found:\n  1:1 the word 'bad'\n  2:1 the word 'bad'\nextra:\n  2:1 the word 'bad'",
        ),
        ("WRD001-invalid-10", "expected:\n  1:7\nfound:\n  1:1 the word 'bad'\nmissing:\n  1:7"),
        ("WRD001-invalid-11", "found:\n  1:1 the word 'bad'\nmissing:\n  2"),
        ("WRD001-invalid-12", "missing:\n  2 'another message'\nextra:\n  2:1 the word"),
        ("WRD001-invalid-13", "expected:\n  any line\nfound:\n  1:1 the word 'bad'\n  2:1"),
    ],
    ids=[
        "valid-reports",
        "invalid-reports-nothing",
        "wrong-line",
        "wrong-message",
        "an-extra-report",
        "wrong-column",
        "a-missing-report-of-several",
        "wrong-message-of-several",
        "two-reports-where-one-is-declared",
    ],
)
def test_check_example_fails_when_an_example_does_not_hold(
    word_cases: dict[str, ExampleCase], case_id: str, message: str
) -> None:
    with pytest.raises(AssertionError) as raised:
        check_example(word_cases[case_id])
    assert message in str(raised.value)


def test_a_precise_declaration_is_matched_before_a_loose_one() -> None:
    found = run_rule("STY006", "def send(*Args, **Options):\n    pass\n")
    loose_first = (Expected(1), Expected(1, "'Args'"))
    assert match_reports(loose_first, found) == ([], [])


@pytest.mark.parametrize(
    "arguments",
    [
        {"line": 1, "lines": (1, 2)},
        {"column": 1, "lines": (1, 2)},
        {"lines": (1,), "reports": ((1, None),)},
        {"line": 1, "reports": ((1, None),)},
        {"message": "text", "reports": ((1, None),)},
    ],
    ids=["line-and-lines", "column-and-lines", "lines-and-reports", "line-and-reports", "message"],
)
def test_an_invalid_example_declares_its_reports_one_way(arguments: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="alone"):
        Invalid("x = 1\n", **arguments)


def test_the_ways_of_declaring_reports() -> None:
    assert Invalid("x\n", line=3, column=2, message="m").expected == (Expected(3, "m", 2),)
    assert Invalid("x\n").expected == (Expected(),)
    assert Invalid("x\n", lines=(3, 5), message="m").expected == (
        Expected(3, "m"),
        Expected(5, "m"),
    )
    reports = ((3, "m"), Expected(5, column=4))
    assert Invalid("x\n", reports=reports).expected == (Expected(3, "m"), Expected(5, None, 4))


def test_the_tool_rules_examples_pass() -> None:
    for param in example_cases(codes=["SL001", "SL003"]):
        check_example(param.values[0])


# Fixes: an invalid example declares the code after its fixes (fixed=), and
# the harness applies them as check --fix does. The fixprobe pack (a local
# plugin of the fixing tests) gives fixes of every kind.
FIX_RULES = str(Path(__file__).resolve().parent / "fixing" / "fix_rules.py")


def fix_case(code: str, kind: str = "invalid", number: int = 1) -> ExampleCase:
    wanted = f"{code}-{kind}-{number}"
    (param,) = [p for p in example_cases((FIX_RULES,), codes=[code]) if p.id == wanted]
    case: ExampleCase = param.values[0]
    return case


@pytest.mark.parametrize(
    "case_id", ["FXP002-invalid-1", "FXP004-invalid-1", "FXP004-invalid-2", "FXP005-invalid-1"]
)
def test_a_plugin_rules_fixed_code_passes(case_id: str) -> None:
    code, kind, number = case_id.split("-")
    case = fix_case(code, kind, int(number))
    assert case.example.fixed is not None  # type: ignore[union-attr]
    check_example(case)


def test_fix_with_rule_applies_every_fix_in_rounds() -> None:
    code = "import unused\nimport unused\nx = 1\n"
    assert fix_with_rule("FXP004", code, plugins=(FIX_RULES,)) == "x = 1\n"
    assert fix_with_rule("FXP002", "colour = 1\n", plugins=(FIX_RULES,)) == "color = 1\n"


def test_a_wrong_fixed_code_fails() -> None:
    rule = fix_case("FXP002").rule
    wrong = Invalid("colour = 1\n", line=1, fixed="colour = 1\n")
    with pytest.raises(AssertionError, match="the fixed code is not what the example declares"):
        check_example(ExampleCase(rule, wrong, (FIX_RULES,)))


def test_a_fix_without_fixed_code_fails() -> None:
    rule = fix_case("FXP002").rule
    undeclared = Invalid("colour = 1\n", line=1)
    with pytest.raises(AssertionError, match=r"proposes a fix: declare the fixed code"):
        check_example(ExampleCase(rule, undeclared, (FIX_RULES,)))


def test_fixed_code_without_a_fix_fails(plugins: tuple[str, ...]) -> None:
    rule = probe_rule(plugins, "PRB002")
    claimed = Invalid("x = 1\nbad = 2\n", line=2, fixed="x = 1\ngood = 2\n")
    with pytest.raises(AssertionError, match="declares fixed code, but no report proposes a fix"):
        check_example(ExampleCase(rule, claimed, plugins))


def test_fixed_code_that_does_not_parse_fails() -> None:
    with pytest.raises(AssertionError, match=r"the fixed code does not parse \(line 1"):
        check_example(fix_case("FXP001"))


def test_fixes_that_never_settle_fail() -> None:
    with pytest.raises(AssertionError, match="the fixes still change the code after 10 rounds"):
        check_example(fix_case("FXP003"))


def test_every_rule_that_fixes_has_an_example_of_its_fix() -> None:
    cases = [param.values[0] for param in example_cases()]
    fixing = {case.rule.code for case in cases if case.rule.fix_safety}
    assert "STY011" in fixing
    shown = {
        case.rule.code
        for case in cases
        if isinstance(case.example, Invalid) and case.example.fixed is not None
    }
    assert sorted(fixing - shown) == []

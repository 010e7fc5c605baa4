"""Analysing one file: syntax and decoding problems, isolated rule failures, text-only rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import libcst
import pytest

from standards_lint.engine.analyze import FileProfile, analyze_file
from standards_lint.model import FileResult, Severity, Span, Suppression
from standards_lint.registry import RegistryBuilder
from standards_lint.rule import Area, Fact, Rule, RulePack
from standards_lint.source import SourceFile


@dataclass(frozen=True, slots=True)
class UnitOptions:
    banned: str = "banned"


class UnitRule(Rule[UnitOptions]):
    """Shared metadata of this module's rules."""

    area = "unit"
    summary = "s"
    rationale = "r"


class TextMarker(UnitRule):
    """Reports lines containing the banned word, from the text."""

    code = "UNT001"
    name = "text-marker"

    def start_file(self) -> None:
        for number, line in enumerate(self.source.lines, start=1):
            if self.options.banned in line:
                self.report_at(number, line.index(self.options.banned) + 1, "banned text")


class BannedName(UnitRule):
    """Reports names equal to the banned word, from the tree."""

    code = "UNT002"
    name = "banned-name"
    severity = Severity.WARNING

    def visit_Name(self, node: libcst.Name) -> None:
        if node.value == self.options.banned:
            self.report(node, f"banned name {node.value}")


class FailsInStart(UnitRule):
    code = "UNT010"
    name = "fails-in-start"

    def start_file(self) -> None:
        raise RuntimeError("start broke")


class FailsInVisit(UnitRule):
    code = "UNT011"
    name = "fails-in-visit"

    def visit_Name(self, node: libcst.Name) -> None:
        raise KeyError("visit broke")

    def end_file(self) -> None:
        raise AssertionError("end_file must not run after the rule failed")


class FailsInEnd(UnitRule):
    code = "UNT012"
    name = "fails-in-end"

    def visit_Module(self, node: libcst.Module) -> None:
        """Walks the tree."""

    def end_file(self) -> None:
        raise ZeroDivisionError("end broke")


class DeclaredTextOnly(BannedName):
    """Has a visitor but declares it needs no tree."""

    code = "UNT003"
    name = "declared-text-only"
    needs_cst = False


def profile(*rules: type[Rule[Any]], facts: tuple[Fact[Any], ...] = ()) -> FileProfile:
    return FileProfile(rules, {"unit": UnitOptions()}, facts, "fingerprint")


def codes(result: FileResult) -> list[str]:
    return [violation.rule for violation in result.violations]


SYNTAX_ERRORS = {
    "bad-expression-at-end": ("x = 1\ny = = 2\n", 2),
    "missing-indent": ("if x:\npass\n", 2),
    "print-statement": ("x = 1\n\n\nprint 'hi'\n", 4),
    "bad-expression-then-more-code": ("x = 1\ny = = 2\nz = 3\n", 2),
    "bad-parameters": ("x = 1\ndef f(:\n    pass\n", 2),
}


def syntax_error_cases(*, libcst_parses: bool) -> list[Any]:
    return [
        pytest.param(
            source,
            line,
            id=name,
        )
        for name, (source, line) in SYNTAX_ERRORS.items()
    ]


@pytest.mark.parametrize(("source", "line"), syntax_error_cases(libcst_parses=True))
def test_a_libcst_parse_error_is_sl001_at_its_line(source: str, line: int) -> None:
    result = analyze_file("a.py", source.encode(), profile(BannedName))
    (violation,) = result.violations
    assert (violation.rule, violation.name, violation.severity) == (
        "SL001",
        "syntax-error",
        Severity.ERROR,
    )
    assert violation.message.startswith("cannot parse: ")
    assert violation.line == line


@pytest.mark.parametrize(("source", "line"), syntax_error_cases(libcst_parses=False))
def test_a_syntax_error_is_sl001_at_its_line_for_text_only_rules(source: str, line: int) -> None:
    result = analyze_file("a.py", source.encode(), profile(TextMarker))
    (violation,) = result.violations
    assert violation.rule == "SL001"
    assert violation.line == line


def test_a_syntax_error_still_runs_text_rules_and_keeps_suppressions() -> None:
    source = "banned = 1  # standards-lint: ignore[UNT001]\ndef (:\n"
    result = analyze_file("a.py", source.encode(), profile(TextMarker, BannedName))
    assert codes(result) == ["UNT001", "SL001"]
    assert result.suppressions == (Suppression(1, 1, ("UNT001",), ""),)


def test_null_bytes_are_a_syntax_error_not_a_crash() -> None:
    for rules in ((TextMarker,), (BannedName,)):
        result = analyze_file("a.py", b"x = 1\x00\n", profile(*rules))
        assert codes(result) == ["SL001"]


@pytest.mark.parametrize(
    "raw",
    [b"x = '\xff\xfe'\n", b"# -*- coding: klingon -*-\nx = 1\n"],
    ids=["invalid-utf8", "unknown-codec"],
)
def test_undecodable_bytes_are_sl005(raw: bytes) -> None:
    result = analyze_file("a.py", raw, profile(TextMarker, BannedName))
    (violation,) = result.violations
    assert (violation.rule, violation.name, violation.path) == ("SL005", "undecodable-file", "a.py")
    assert violation.span == Span(1, 1, 1, 1)
    assert violation.message.startswith("cannot decode the file: ")


def test_a_declared_encoding_is_honoured() -> None:
    raw = "# -*- coding: latin-1 -*-\nbanned = 'é'\n".encode("latin-1")
    assert codes(analyze_file("a.py", raw, profile(TextMarker, BannedName))) == ["UNT001", "UNT002"]


@pytest.mark.parametrize(
    ("failing", "hook_error"),
    [
        (FailsInStart, "RuntimeError: start broke"),
        (FailsInVisit, "KeyError: 'visit broke'"),
        (FailsInEnd, "ZeroDivisionError: end broke"),
    ],
)
def test_a_failing_rule_is_sl002_and_the_other_rules_still_report(
    failing: type[Rule[Any]], hook_error: str
) -> None:
    source = b"banned = 1\nother = banned\n"
    result = analyze_file("a.py", source, profile(TextMarker, failing, BannedName))
    internal = [v for v in result.violations if v.rule == "SL002"]
    (error,) = internal
    assert error.name == "internal-error"
    assert error.message.startswith(
        f"rule {failing.code} ({failing.name}) failed: {hook_error} at "
    )
    assert __file__ in error.message
    others = [(v.rule, v.line) for v in result.violations if v.rule != "SL002"]
    assert others == [("UNT001", 1), ("UNT002", 1), ("UNT001", 2), ("UNT002", 2)]


def test_a_failing_fact_collector_is_sl002_and_other_facts_survive() -> None:
    def broken(source: SourceFile, options: object) -> object:
        raise ValueError("no facts today")

    facts = (Fact("broken", "unit", broken), Fact("size", "unit", lambda s, o: len(s.text)))
    result = analyze_file("a.py", b"x = 1\n", profile(TextMarker, facts=facts))
    (error,) = result.violations
    assert error.rule == "SL002"
    assert error.message.startswith("fact 'broken' failed: ValueError: no facts today")
    assert dict(result.facts) == {"size": 6}


def test_a_fact_needing_the_ast_of_a_broken_file_is_left_out_quietly() -> None:
    facts = (Fact("tree", "unit", lambda s, o: len(s.ast_module.body)),)
    result = analyze_file("a.py", b"def (:\n", profile(TextMarker, facts=facts))
    assert codes(result) == ["SL001"]
    assert dict(result.facts) == {}


@pytest.mark.parametrize("source", ["def f[T](x: T) -> T:\n    return x\n", "type Alias = int\n"])
def test_whether_a_file_parses_does_not_depend_on_the_rules_that_run(source: str) -> None:
    facts = (Fact("statements", "unit", lambda s, o: len(s.ast_module.body)),)
    text_only = analyze_file("a.py", source.encode(), profile(TextMarker, facts=facts))
    with_tree = analyze_file("a.py", source.encode(), profile(TextMarker, BannedName, facts=facts))
    assert codes(text_only) == codes(with_tree)
    assert dict(text_only.facts) == dict(with_tree.facts)
    if "SL001" not in codes(with_tree):
        assert "statements" in with_tree.facts


def test_libcst_parses_once_whichever_rules_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # Whether a file is beyond LibCST (SL006) must not depend on the selection,
    # so LibCST parses every file Python parses, once, even for text-only rules.
    parses: list[str] = []
    real_parse = libcst.parse_module

    def counting_parse(text: str, *args: object, **kwargs: object) -> object:
        parses.append(text)
        return real_parse(text)

    monkeypatch.setattr(libcst, "parse_module", counting_parse)
    result = analyze_file("a.py", b"banned = 1\n", profile(TextMarker, DeclaredTextOnly))
    assert codes(result) == ["UNT001"]
    assert len(parses) == 1
    analyze_file("b.py", b"banned = 1\n", profile(TextMarker, BannedName))
    assert len(parses) == 2


def test_valid_python_beyond_libcst_is_sl006_for_text_only_rules_too() -> None:
    source = b"def f():\n\tif 1:\n        \treturn 1\n"
    for rules in ((TextMarker,), (TextMarker, BannedName)):
        assert "SL006" in codes(analyze_file("a.py", source, profile(*rules)))
        assert "SL001" not in codes(analyze_file("a.py", source, profile(*rules)))


def test_tree_reports_get_the_node_position() -> None:
    source = b"x = 1\nif x:\n    y = banned\n"
    (violation,) = analyze_file("a.py", source, profile(BannedName)).violations
    assert violation.span == Span(3, 9, 3, 15)
    assert violation.message == "banned name banned"
    assert violation.severity is Severity.WARNING


def test_text_reports_keep_their_span() -> None:
    (violation,) = analyze_file("p/a.py", b"x = 'banned'\n", profile(TextMarker)).violations
    assert (violation.path, violation.span) == ("p/a.py", Span(1, 6, 1, 6))


def test_results_are_sorted_and_repeatable() -> None:
    source = b"banned = banned\nbanned\n"
    first = analyze_file("a.py", source, profile(TextMarker, BannedName))
    second = analyze_file("a.py", source, profile(TextMarker, BannedName))
    assert first == second
    keys = [v.sort_key for v in first.violations]
    assert keys == sorted(keys)
    assert len(keys) == 5


def test_rules_get_their_area_options() -> None:
    options = {"unit": UnitOptions(banned="other")}
    result = analyze_file(
        "a.py", b"banned = other\n", FileProfile((TextMarker, BannedName), options, (), "f")
    )
    assert [(v.rule, v.span.column) for v in result.violations] == [
        ("UNT001", 10),
        ("UNT002", 10),
    ]


def test_no_rules_still_checks_the_syntax() -> None:
    assert codes(analyze_file("a.py", b"def (:\n", profile())) == ["SL001"]
    assert analyze_file("a.py", b"x = 1\n", profile()) == FileResult("a.py", (), (), {})


class FailsInInit(UnitRule):
    """Keeps per-file state, and fails to set it up."""

    code = "UNT013"
    name = "fails-in-init"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        raise RuntimeError("init broke")


def test_a_rule_whose_constructor_raises_is_isolated() -> None:
    result = analyze_file("a.py", b"banned = 1\n", profile(TextMarker, FailsInInit, BannedName))
    assert [v.rule for v in result.violations] == ["SL002", "UNT001", "UNT002"]
    assert "rule UNT013 (fails-in-init) failed: RuntimeError: init broke" in (
        result.violations[0].message
    )


class MisspeltVisitor(UnitRule):
    """Subscribes to a node type that does not exist."""

    code = "UNT014"
    name = "misspelt-visitor"

    def visit_FunctionDeff(self, node: Any) -> None:
        """A typo for visit_FunctionDef."""


def test_a_misspelt_visitor_is_caught_without_failing_the_run() -> None:
    # Either the registry refuses the rule, naming the typo, or the engine isolates it.
    problems: list[str] = []
    pack = RulePack("unit", [MisspeltVisitor], [Area("unit", "UNT", "Unit", UnitOptions)])
    RegistryBuilder().add_pack(pack, "test", problems)
    if problems:
        assert any("FunctionDeff" in problem for problem in problems), problems
        return
    result = analyze_file("a.py", b"banned = 1\n", profile(TextMarker, MisspeltVisitor, BannedName))
    assert [v.rule for v in result.violations] == ["SL002", "UNT001", "UNT002"]
    assert "UNT014" in result.violations[0].message
    assert "FunctionDeff" in result.violations[0].message


class ReadsTree(UnitRule):
    """Reads the ``ast`` in start_file without guarding against parse errors."""

    code = "UNT015"
    name = "reads-tree"

    def start_file(self) -> None:
        if self.source.ast_module.body:
            self.report_at(1, 1, "has statements")


def test_a_rule_reading_the_tree_of_an_unparsable_file_is_not_an_internal_error() -> None:
    result = analyze_file("a.py", b"banned = (\n", profile(ReadsTree, TextMarker))
    assert sorted(v.rule for v in result.violations) == ["SL001", "UNT001"]


def test_a_rule_raising_value_error_on_a_parsable_file_is_still_an_internal_error() -> None:
    class Raises(UnitRule):
        code = "UNT016"
        name = "raises-value-error"

        def start_file(self) -> None:
            raise ValueError("a bug")

    result = analyze_file("a.py", b"x = 1\n", profile(Raises))
    assert [v.rule for v in result.violations] == ["SL002"]

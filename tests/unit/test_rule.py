"""The authoring API: options, metadata checks, subscriptions, reports, project facts."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from standards_lint.model import Severity, Span
from standards_lint.rule import (
    Area,
    NoOptions,
    PendingReport,
    ProjectFacts,
    ProjectReport,
    ProjectRule,
    Rule,
    RuleMeta,
    option,
    option_doc,
    toml_key,
)
from standards_lint.source import SourceFile


class GoodRule(Rule[NoOptions]):
    """A rule with complete metadata that visits names and leaves functions."""

    code = "TST901"
    name = "good-rule"
    area = "unit"
    summary = "Summary."
    rationale = "Rationale."

    def visit_Name(self, node: Any) -> None:
        """Subscribed."""

    def leave_FunctionDef(self, node: Any) -> None:
        """Subscribed."""

    def visit_helper(self) -> None:
        """Not a node type: lower case."""

    def visit_Name_twice(self) -> None:
        """Not a node type: has an underscore after the type."""

    def visiting_Name(self) -> None:
        """Not a visitor prefix."""


class TextRule(Rule[NoOptions]):
    """A rule that only reads text."""

    code = "TST902"
    name = "text-rule"
    area = "unit"
    summary = "Summary."
    rationale = "Rationale."


def make(rule: type[Rule[Any]]) -> Rule[Any]:
    return rule(SourceFile("a.py", "x = 1\n"), NoOptions(), [])


def test_option_records_its_doc_and_default() -> None:
    @dataclasses.dataclass(frozen=True)
    class Options:
        max_items: int = option(3, "How many items.")

    (field,) = dataclasses.fields(Options)
    assert Options().max_items == 3
    assert option_doc(field) == "How many items."


@pytest.mark.parametrize("default", [[], {}, set()], ids=["list", "dict", "set"])
def test_option_refuses_mutable_defaults(default: object) -> None:
    with pytest.raises(TypeError, match="immutable"):
        option(default, "doc")


def test_option_doc_of_a_plain_field_is_empty() -> None:
    @dataclasses.dataclass
    class Options:
        plain: int = 1

    assert option_doc(dataclasses.fields(Options)[0]) == ""


def test_toml_key_uses_dashes() -> None:
    assert toml_key("max_line_length") == "max-line-length"


def test_complete_metadata_has_no_problems() -> None:
    assert GoodRule.check_metadata() == []


def test_every_missing_attribute_is_named() -> None:
    class Bare(RuleMeta):
        pass

    assert Bare.check_metadata() == [
        f"{Bare.__qualname__} has no code",
        f"{Bare.__qualname__} has no name",
        f"{Bare.__qualname__} has no area",
        f"{Bare.__qualname__} has no summary",
        f"{Bare.__qualname__} has no rationale",
    ]


@pytest.mark.parametrize(
    ("code", "name", "expected"),
    [
        ("tst001", "fine", ["code 'tst001' is not letters then 3 digits"]),
        ("T001", "fine", ["code 'T001' is not letters then 3 digits"]),
        ("TST01", "fine", ["code 'TST01' is not letters then 3 digits"]),
        ("TST0001", "fine", ["code 'TST0001' is not letters then 3 digits"]),
        ("TST001", "Not_Kebab", ["name 'Not_Kebab' is not kebab-case"]),
        ("TST001", "trailing-", ["name 'trailing-' is not kebab-case"]),
        ("TST001", "double--dash", ["name 'double--dash' is not kebab-case"]),
        ("TS1", "x-", ["code 'TS1' is not", "name 'x-' is not"]),
        ("ABCDE123", "a-b-c2", []),
    ],
)
def test_code_and_name_formats(code: str, name: str, expected: list[str]) -> None:
    rule = type(
        "Shaped",
        (RuleMeta,),
        {"code": code, "name": name, "area": "unit", "summary": "s", "rationale": "r"},
    )
    problems = rule.check_metadata()
    assert len(problems) == len(expected)
    for problem, fragment in zip(problems, expected, strict=True):
        assert fragment in problem


def test_subscriptions_are_the_visitor_methods_only() -> None:
    assert sorted(GoodRule.subscriptions()) == [("leave", "FunctionDef"), ("visit", "Name")]


def test_uses_tree_follows_subscriptions_unless_declared() -> None:
    assert GoodRule.uses_tree()
    assert not TextRule.uses_tree()

    class DeclaredText(GoodRule):
        needs_cst = False

    class DeclaredTree(TextRule):
        needs_cst = True

    assert not DeclaredText.uses_tree()
    assert DeclaredTree.uses_tree()


def test_defaults_of_rule_metadata() -> None:
    assert TextRule.severity is Severity.ERROR
    assert TextRule.enabled_by_default
    assert TextRule.valid == ()
    assert TextRule.invalid == ()
    assert TextRule.options_used == ()


def test_report_keeps_the_node_for_later_positions() -> None:
    rule = make(TextRule)
    node = object()
    rule.report(node, "at a node")  # type: ignore[arg-type]
    assert rule.reports == [
        PendingReport(node, None, "at a node", enclosing=(node,))  # type: ignore[arg-type]
    ]


def test_report_at_defaults_the_end_to_the_start() -> None:
    rule = make(TextRule)
    rule.report_at(3, 5, "here")
    rule.report_at(3, 5, "span", end_line=4, end_column=2)
    assert [report.span for report in rule.reports] == [Span(3, 5, 3, 5), Span(3, 5, 4, 2)]
    assert all(report.node is None for report in rule.reports)


def test_ancestors_is_the_list_the_engine_keeps() -> None:
    ancestors: list[Any] = []
    rule = TextRule(SourceFile("a.py", ""), NoOptions(), ancestors)
    ancestors.append("module")
    assert list(rule.ancestors) == ["module"]


def test_rule_instances_do_not_share_reports() -> None:
    first, second = make(TextRule), make(TextRule)
    first.report_at(1, 1, "only first")
    assert second.reports == []


def test_project_facts_values_in_path_order_skipping_files_without_the_fact() -> None:
    project = ProjectFacts(
        files={"b.py": {"lines": 2}, "a.py": {"lines": 1}, "c.py": {"other": 0}},
        standards_path="standards.toml",
    )
    assert list(project.values("lines")) == [("a.py", 1), ("b.py", 2)]
    assert list(project.values("missing")) == []


def test_project_rule_reports_and_publishes() -> None:
    class Counting(ProjectRule[NoOptions]):
        code = "TST950"
        name = "counting"
        area = "unit"
        summary = "s"
        rationale = "r"

        def check(self, project: ProjectFacts) -> None:
            self.report("on a file", path="a.py", line=3)
            self.report("on the standards")
            self.publish("files", len(project.files))

    rule = Counting(NoOptions(), lambda path: NoOptions())
    rule.check(ProjectFacts({"a.py": {}}, None))
    assert rule.reports == [
        ProjectReport("on a file", "a.py", 3),
        ProjectReport("on the standards", None, 1),
    ]
    assert rule.metrics == {"files": 1}


def test_project_rule_check_must_be_implemented() -> None:
    with pytest.raises(NotImplementedError):
        ProjectRule(NoOptions(), lambda path: NoOptions()).check(ProjectFacts({}, None))


def test_area_defaults_to_no_options() -> None:
    area = Area(name="unit", prefix="TST", title="Unit")
    assert area.options is NoOptions
    assert dataclasses.fields(NoOptions) == ()

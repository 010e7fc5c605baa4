"""Hover text: the rule's summary and rationale, and what set the options it uses."""

from __future__ import annotations

from pathlib import Path

from standards_lint.server.hover import hover_text
from standards_lint.server.project import ProjectContext

LONG = "value = 'a line of text that is far too long'\n"


def test_hover_names_the_rule_its_rationale_and_the_option_that_set_the_limit(
    server_project: Path,
) -> None:
    context = ProjectContext.load(server_project)
    path = server_project / "module.py"
    (violation,) = context.check_document(path, LONG, {}).violations
    text = hover_text(violation, context.reading, path)
    rule = context.standards.registry.rules["STY001"]
    assert text.startswith("**STY001** `line-too-long` (error)")
    assert rule.summary in text
    assert rule.rationale in text
    assert "- `max-line-length = 40` (from standards.toml)" in text
    assert "#sty001-line-too-long)" in text


def test_an_override_is_named_as_the_origin(server_project: Path) -> None:
    standards = server_project / "standards.toml"
    standards.write_text(
        standards.read_text(encoding="utf-8")
        + '\n[[overrides]]\npaths = ["legacy/"]\n[overrides.style]\nmax-line-length = 30\n',
        encoding="utf-8",
    )
    context = ProjectContext.load(server_project)
    path = server_project / "legacy" / "old.py"
    (violation,) = context.check_document(path, "value = 'thirty-one characters'\n", {}).violations
    text = hover_text(violation, context.reading, path)
    assert "- `max-line-length = 30` (from [[overrides]] #1 in standards.toml)" in text


def test_a_rule_without_options_lists_none(server_project: Path) -> None:
    context = ProjectContext.load(server_project)
    path = server_project / "module.py"
    (violation,) = context.check_document(path, "x = 1  \n", {}).violations
    text = hover_text(violation, context.reading, path)
    assert "Trailing spaces make noise in diffs." in text
    assert "Options:" not in text

"""The gate: selection and severity per path, suppressions, SL003/SL004, and SL002 always."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from standards_lint.config import StandardsResolver, load_standards
from standards_lint.engine.comments import find_suppressions
from standards_lint.gate import apply_gate
from standards_lint.model import FileResult, Severity, Span, Violation

NAMES = {
    "PRB001": ("probe-marker", Severity.ERROR),
    "PRB002": ("bad-name", Severity.WARNING),
    "PRB003": ("opt-in", Severity.INFO),
    "PRB100": ("long-file", Severity.ERROR),
    "STY001": ("line-too-long", Severity.ERROR),
    "SL001": ("syntax-error", Severity.ERROR),
    "SL002": ("internal-error", Severity.ERROR),
}


def violation(code: str, line: int, path: str = "src/a.py") -> Violation:
    name, severity = NAMES[code]
    return Violation(code, name, severity, path, Span(line, 1, line, 1), f"{code} here")


@pytest.fixture
def gate(
    tmp_path: Path, write_standards: Callable[..., Path]
) -> Callable[..., list[tuple[str, int, str, str]]]:
    """Run the gate over one file's violations and text, under the given standards."""

    def run(
        standards_text: str,
        violations: Sequence[Violation],
        text: str = "",
        path: str = "src/a.py",
        project: Sequence[Violation] = (),
    ) -> list[tuple[str, int, str, str]]:
        resolver = StandardsResolver(load_standards(write_standards(standards_text)))
        result = FileResult(path, tuple(violations), find_suppressions(text))
        reported = apply_gate([(tmp_path / path, result)], project, resolver)
        return [(v.rule, v.line, v.severity.value, v.path) for v in reported]

    return run


def lines(*texts: str) -> str:
    return "".join(f"{t}\n" for t in texts)


def test_violations_of_unselected_rules_are_dropped(gate: Callable[..., list]) -> None:
    found = [violation("PRB001", 1), violation("PRB002", 2), violation("STY001", 3)]
    assert gate('select = ["probe"]\n', found) == [
        ("PRB001", 1, "error", "src/a.py"),
        ("PRB002", 2, "warning", "src/a.py"),
    ]


def test_selection_and_severity_per_path(gate: Callable[..., list]) -> None:
    standards = """\
        select = ["probe"]
        [severity]
        PRB002 = "error"
        [[overrides]]
        paths = ["tests/"]
        ignore = ["PRB001"]
        severity = { probe = "info" }
        """
    found = [violation("PRB001", 1), violation("PRB002", 2)]
    assert gate(standards, found) == [
        ("PRB001", 1, "error", "src/a.py"),
        ("PRB002", 2, "error", "src/a.py"),
    ]
    in_tests = [violation("PRB001", 1, "tests/a.py"), violation("PRB002", 2, "tests/a.py")]
    assert gate(standards, in_tests, path="tests/a.py") == [("PRB002", 2, "info", "tests/a.py")]


def test_the_output_is_sorted(gate: Callable[..., list]) -> None:
    found = [violation("PRB002", 3), violation("PRB001", 3), violation("PRB001", 1)]
    assert [(c, n) for c, n, _, _ in gate("", found)] == [
        ("PRB001", 1),
        ("PRB001", 3),
        ("PRB002", 3),
    ]


@pytest.mark.parametrize("selector", ["PRB001", "probe-marker", "PRB", "PRB00", "probe", "prb001"])
def test_a_suppression_by_code_name_prefix_or_area(
    gate: Callable[..., list], selector: str
) -> None:
    text = lines("x = 1", f"x = 2  # standards-lint: ignore[{selector}] known", "x = 3")
    found = [violation("PRB001", 1), violation("PRB001", 2), violation("PRB001", 3)]
    assert [line for _, line, _, _ in gate("", found, text)] == [1, 3]


def test_a_suppression_only_covers_the_codes_it_names(gate: Callable[..., list]) -> None:
    text = lines("x = 1  # standards-lint: ignore[PRB001]")
    found = [violation("PRB001", 1), violation("PRB002", 1)]
    assert gate("", found, text) == [("PRB002", 1, "warning", "src/a.py")]


def test_a_blanket_suppression_covers_every_rule_on_its_line(gate: Callable[..., list]) -> None:
    text = lines("x = 1  # standards-lint: ignore", "x = 2")
    found = [violation("PRB001", 1), violation("PRB002", 1), violation("PRB001", 2)]
    assert gate("", found, text) == [("PRB001", 2, "error", "src/a.py")]


def test_a_file_level_suppression_covers_every_line(gate: Callable[..., list]) -> None:
    text = lines('"""Doc."""', "# standards-lint: ignore-file[bad-name]", "x = 1")
    found = [violation("PRB002", 1), violation("PRB002", 30), violation("PRB001", 3)]
    assert gate("", found, text) == [("PRB001", 3, "error", "src/a.py")]


def test_project_violations_on_a_file_are_suppressed_by_its_comments(
    gate: Callable[..., list],
) -> None:
    text = lines("x = 1  # standards-lint: ignore[long-file] generated")
    project = [violation("PRB100", 1), violation("PRB100", 1, path="standards.toml")]
    assert gate("", [], text, project=project) == [("PRB100", 1, "error", "standards.toml")]


@pytest.mark.parametrize(
    ("comment", "what"),
    [
        ("# standards-lint: ignore[PRB002]", "PRB002"),
        ("# standards-lint: ignore[PRB002, probe-marker]", "PRB002, probe-marker"),
        ("# standards-lint: ignore", "every rule"),
    ],
)
def test_a_suppression_that_suppresses_nothing_is_sl003(
    gate: Callable[..., list],
    comment: str,
    what: str,
    tmp_path: Path,
    write_standards: Callable[..., Path],
) -> None:
    text = lines("x = 1", f"x = 2  {comment}")
    found = [violation("PRB001", 1)]
    assert gate("", found, text) == [
        ("PRB001", 1, "error", "src/a.py"),
        ("SL003", 2, "warning", "src/a.py"),
    ]
    resolver = StandardsResolver(load_standards(write_standards("")))
    result = FileResult("src/a.py", tuple(found), find_suppressions(text))
    (_, unused) = apply_gate([(tmp_path / "src/a.py", result)], [], resolver)
    assert (unused.name, unused.message) == (
        "unused-suppression",
        f"this suppression of {what} suppresses nothing",
    )


def test_a_partly_used_suppression_is_not_reported(gate: Callable[..., list]) -> None:
    text = lines("x = 1  # standards-lint: ignore[PRB001, PRB002]")
    assert gate("", [violation("PRB001", 1)], text) == []


def test_sl003_can_be_ignored(gate: Callable[..., list]) -> None:
    text = lines("x = 1  # standards-lint: ignore[PRB001]")
    assert gate('ignore = ["unused-suppression"]\n', [], text) == []


def test_a_suppression_of_a_rule_not_selected_here_is_not_unused(
    gate: Callable[..., list],
) -> None:
    # The rule did not run on this file: the suppression may be needed where it does.
    text = lines("x = 1  # standards-lint: ignore[PRB001]")
    standards = '[[overrides]]\npaths = ["src/"]\nignore = ["PRB001"]\n'
    assert gate(standards, [violation("PRB001", 1)], text) == []


def test_a_suppression_naming_a_rule_that_ran_and_one_that_did_not_is_judged(
    gate: Callable[..., list],
) -> None:
    text = lines("x = 1  # standards-lint: ignore[PRB001, PRB002]")
    standards = '[[overrides]]\npaths = ["src/"]\nignore = ["PRB001"]\n'
    assert gate(standards, [], text) == [("SL003", 1, "warning", "src/a.py")]


def test_sl004_when_reasons_are_required(gate: Callable[..., list]) -> None:
    text = lines(
        "x = 1  # standards-lint: ignore[PRB001]",
        "x = 2  # standards-lint: ignore[PRB001] the reason",
        "# standards-lint: ignore-file[PRB002]",
    )
    found = [violation("PRB001", 1), violation("PRB001", 2), violation("PRB002", 9)]
    assert gate("require-suppression-reason = true\n", found, text) == [
        ("SL004", 1, "error", "src/a.py"),
        ("SL004", 3, "error", "src/a.py"),
    ]
    assert gate("", found, text) == []


def test_sl004_can_be_ignored(gate: Callable[..., list]) -> None:
    text = lines("x = 1  # standards-lint: ignore[PRB001]")
    standards = 'require-suppression-reason = true\nignore = ["SL004"]\n'
    assert gate(standards, [violation("PRB001", 1)], text) == []


@pytest.mark.parametrize(
    "comment",
    ["# standards-lint: ignore[SL002]", "# standards-lint: ignore", "# standards-lint: ignore[SL]"],
)
def test_sl002_cannot_be_suppressed(gate: Callable[..., list], comment: str) -> None:
    text = lines(f"x = 1  {comment} trying")
    reported = gate("", [violation("SL002", 1)], text)
    assert ("SL002", 1, "error", "src/a.py") in reported


def test_sl002_cannot_be_suppressed_file_wide(gate: Callable[..., list]) -> None:
    text = lines("# standards-lint: ignore-file")
    assert ("SL002", 1, "error", "src/a.py") in gate("", [violation("SL002", 1)], text)


def test_sl002_is_reported_even_when_ignored(gate: Callable[..., list]) -> None:
    standards = 'select = ["PRB001"]\nignore = ["SL"]\n'
    assert gate(standards, [violation("SL002", 1)]) == [("SL002", 1, "error", "src/a.py")]


def test_other_tool_problems_can_be_suppressed(gate: Callable[..., list]) -> None:
    text = lines("x = (  # standards-lint: ignore[SL001] work in progress")
    assert gate("", [violation("SL001", 1)], text) == []


def test_a_suppression_of_an_unknown_rule_is_sl007_naming_the_closest(
    gate: Callable[..., list],
) -> None:
    text = lines("x = 1", "x = 2  # standards-lint: ignore[PRB0002] typo")
    assert gate("", [violation("PRB001", 1)], text) == [
        ("PRB001", 1, "error", "src/a.py"),
        ("SL007", 2, "warning", "src/a.py"),
    ]


def test_a_suppression_naming_one_known_and_one_unknown_rule_is_judged_on_both(
    gate: Callable[..., list],
) -> None:
    text = lines("x = 1  # standards-lint: ignore[PRB001, NOPE123] both")
    assert gate("", [violation("PRB001", 1)], text) == [("SL007", 1, "warning", "src/a.py")]

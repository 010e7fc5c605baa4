"""Test helpers, so that rule authors test rules the way standards-lint tests its own.

Run one rule on a snippet through the real engine::

    from standards_lint.testing import run_rule
    violations = run_rule(MyRule, "print('hi')\\n", options={"banned-calls": ...})

and run every example a pack declares with one parametrised test::

    import pytest
    from standards_lint.testing import example_cases, check_example

    @pytest.mark.parametrize("case", example_cases())
    def test_rule_examples(case):
        check_example(case)
"""

from __future__ import annotations

import ast
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from standards_lint.api import check_sources
from standards_lint.config.standards import Standards
from standards_lint.config.values import build_options
from standards_lint.fixing.diff import unified_diff
from standards_lint.fixing.edits import apply_fixes
from standards_lint.fixing.session import MAX_ROUNDS
from standards_lint.model import Violation
from standards_lint.registry import Registry, load_registry
from standards_lint.rule import Expected, Invalid, RuleMeta, Valid

__all__ = [
    "ExampleCase",
    "Expected",
    "check_example",
    "example_cases",
    "fix_with_rule",
    "match_reports",
    "run_rule",
]

#: Files the engine analyses; the others in an example are external inputs.
_SOURCE_SUFFIXES = (".py", ".pyi")

_registries: dict[tuple[str, ...], Registry] = {}


def _registry(plugins: Sequence[str]) -> Registry:
    key = tuple(plugins)
    if key not in _registries:
        _registries[key] = load_registry(plugins)
    return _registries[key]


def run_rule(
    rule: type[RuleMeta] | str,
    code: str,
    *,
    options: Mapping[str, Any] | None = None,
    path: str = "example.py",
    files: Mapping[str, str] | None = None,
    plugins: Sequence[str] = (),
) -> list[Violation]:
    """The violations of ``rule`` (a class, code or name) when ``code`` is the file at ``path``.

    ``options`` are the rule's area options as written in the standards file
    (kebab-case keys). ``files`` adds other files to the project (path to
    text), for rules that look across files; what the rule reports on them
    counts too. The snippet goes through the whole engine, in memory (see
    :func:`~standards_lint.api.check_sources`): parse, walk, facts, project
    rules, suppressions.
    """
    registry = _registry(plugins)
    found = registry.find(rule) if isinstance(rule, str) else registry.find(rule.code)
    if found is None:
        raise LookupError(f"rule {rule!r} is not registered; is its pack installed or in plugins?")
    areas = {
        name: build_options(area.options, {}, name)[0] for name, area in registry.areas.items()
    }
    where = f"options for {found.code}"
    built, problems = build_options(registry.areas[found.area].options, dict(options or {}), where)
    if problems:
        raise ValueError("; ".join(problems))
    areas[found.area] = built
    # The sources stay in memory. The root is an empty directory of its own so
    # that nothing around the test leaks in; the external inputs that some
    # project rules read from the root (a coverage report) are written there.
    project = {**(files or {}), path: code}
    sources = {name: text for name, text in project.items() if name.endswith(_SOURCE_SUFFIXES)}
    with tempfile.TemporaryDirectory(prefix="standards-lint-example-") as directory:
        root = Path(directory).resolve()
        for relative, text in project.items():
            if relative not in sources:
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        standards = Standards(
            root=root, path=None, registry=registry, select=(found.code,), areas=areas
        )
        report = check_sources(dict(sources), standards)
    return [violation for violation in report.violations if violation.rule == found.code]


@dataclass(frozen=True, slots=True)
class ExampleCase:
    """One declared example of one rule."""

    rule: type[RuleMeta]
    example: Valid | Invalid
    plugins: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """A readable test id: ``STY001-invalid-2`` (``STY001-invalid-given``: not declared)."""
        examples: Sequence[Valid | Invalid]
        examples = self.rule.invalid if isinstance(self.example, Invalid) else self.rule.valid
        kind = "invalid" if isinstance(self.example, Invalid) else "valid"
        # A test may check an example the rule does not declare (one made to fail).
        declared = list(examples)
        number = declared.index(self.example) + 1 if self.example in declared else "given"
        return f"{self.rule.code}-{kind}-{number}"


def example_cases(plugins: Sequence[str] = (), codes: Iterable[str] | None = None) -> list[Any]:
    """``pytest.param`` objects for every example of every registered rule (or of ``codes``)."""
    import pytest  # noqa: PLC0415 - only test code imports this module

    registry = _registry(plugins)
    wanted = set(codes) if codes is not None else None
    cases = []
    for code in sorted(registry.rules):
        if wanted is not None and code not in wanted:
            continue
        rule = registry.rules[code]
        examples: list[Valid | Invalid] = [*rule.valid, *rule.invalid]
        for example in examples:
            case = ExampleCase(rule, example, tuple(plugins))
            cases.append(pytest.param(case, id=case.id))
    return cases


def check_example(case: ExampleCase) -> None:
    """Assert that the example reports exactly what it declares.

    A valid example must report nothing; an invalid one must make each
    declared report (line, and column and message text where given) and no
    other. The failure shows what was expected and what was found.
    """
    example = case.example
    found = run_rule(
        case.rule,
        example.code,
        options=example.options,
        path=example.path,
        files=example.files,
        plugins=case.plugins,
    )
    shown = "\n".join(f"  {_describe(v)}" for v in found) or "  (nothing)"
    if isinstance(example, Valid):
        assert not found, f"{case.id} should not report, but reported:\n{shown}"
        return
    expected = example.expected
    missing, extra = match_reports(expected, found)
    if not missing and not extra:
        _check_fixes(case, example, found)
        return
    lines = [f"{case.id} should report exactly what it declares"]
    lines += ["expected:", *(f"  {report}" for report in expected)]
    lines += ["found:", shown]
    if missing:
        lines += ["missing:", *(f"  {report}" for report in missing)]
    if extra:
        lines += ["extra:", *(f"  {_describe(violation)}" for violation in extra)]
    raise AssertionError("\n".join(lines))


def _check_fixes(case: ExampleCase, example: Invalid, found: Sequence[Violation]) -> None:
    """The fixes the reports carry must be declared by the rule and give ``example.fixed``."""
    fixes = [violation.fix for violation in found if violation.fix is not None]
    declared = case.rule.fix_safety
    undeclared = sorted({fix.safety.value for fix in fixes if fix.safety not in declared})
    assert not undeclared, (
        f"{case.id} proposes {', '.join(undeclared)} fixes, which {case.rule.code}.fix_safety"
        " does not declare"
    )
    if example.fixed is None:
        assert not fixes, f"{case.id} proposes a fix: declare the fixed code (fixed=...)"
        return
    assert fixes, f"{case.id} declares fixed code, but no report proposes a fix"
    result = fix_with_rule(
        case.rule,
        example.code,
        options=example.options,
        path=example.path,
        files=example.files,
        plugins=case.plugins,
    )
    problem = _parse_problem(result) if example.path.endswith(_SOURCE_SUFFIXES) else None
    # check --fix writes nothing that does not parse, so such a fix never lands.
    assert problem is None, f"{case.id}: the fixed code does not parse ({problem}):\n{result}"
    if result != example.fixed:
        difference = unified_diff(example.fixed, result, example.path)
        raise AssertionError(
            f"{case.id}: the fixed code is not what the example declares"
            f" (- declared, + produced):\n{difference}"
        )


def fix_with_rule(
    rule: type[RuleMeta] | str,
    code: str,
    *,
    options: Mapping[str, Any] | None = None,
    path: str = "example.py",
    files: Mapping[str, str] | None = None,
    plugins: Sequence[str] = (),
) -> str:
    """``code`` after every fix ``rule`` proposes (safe and unsafe) is applied until none is left.

    Fixes are applied as ``check --fix --unsafe-fixes`` applies them: those
    that overlap wait for the next round. The arguments are those of
    :func:`run_rule`.
    """
    text = code
    for _ in range(MAX_ROUNDS):
        found = run_rule(rule, text, options=options, path=path, files=files, plugins=plugins)
        fixable = [violation for violation in found if violation.fix and violation.path == path]
        applied = apply_fixes(text, fixable)
        if applied.text == text:
            return text
        text = applied.text
    raise AssertionError(f"the fixes still change the code after {MAX_ROUNDS} rounds:\n{text}")


def _parse_problem(code: str) -> str | None:
    """Why ``code`` does not parse (line and message), or ``None`` when it does."""
    try:
        ast.parse(code)
    except SyntaxError as error:
        return f"line {error.lineno}: {error.msg}"
    return None


def match_reports(
    expected: Sequence[Expected], found: Sequence[Violation]
) -> tuple[list[Expected], list[Violation]]:
    """The declared reports nothing matched, and the violations no declared report claims.

    The most precise declarations choose first, so that a loose one (any
    line, any message) cannot take the violation a precise one needs.
    """
    unclaimed = sorted(found, key=lambda violation: violation.sort_key)
    missing = []
    for report in sorted(expected, key=_looseness):
        match = next(
            (v for v in unclaimed if report.matches(v.line, v.span.column, v.message)), None
        )
        if match is None:
            missing.append(report)
        else:
            unclaimed.remove(match)
    return missing, unclaimed


def _looseness(report: Expected) -> tuple[int, int]:
    unset = sum(value is None for value in (report.line, report.column, report.message))
    return unset, report.line or 0


def _describe(violation: Violation) -> str:
    return f"{violation.line}:{violation.span.column} {violation.message}"

"""Every registered rule's own valid and invalid examples, through the real engine."""

from __future__ import annotations

import pytest

from standards_lint.testing import ExampleCase, check_example, example_cases


@pytest.mark.parametrize("case", example_cases())
def test_rule_examples(case: ExampleCase) -> None:
    check_example(case)


def test_every_rule_has_examples_of_both_kinds() -> None:
    cases = [param.values[0] for param in example_cases()]
    kinds: dict[str, set[str]] = {}
    for case in cases:
        kinds.setdefault(case.rule.code, set()).add(type(case.example).__name__)
    missing = [code for code, found in kinds.items() if found != {"Valid", "Invalid"}]
    assert not missing

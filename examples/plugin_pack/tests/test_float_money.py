"""The pack's tests: every declared example, plus the cases worth spelling out.

Run with the pack installed (``pip install -e '.[test]'``): the examples are
found through the entry point, exactly as users' runs find the rules.
"""

from __future__ import annotations

import pytest

from standards_lint.testing import ExampleCase, check_example, example_cases, run_rule


@pytest.mark.parametrize("case", example_cases(codes=["SHP001"]))
def test_declared_examples(case: ExampleCase) -> None:
    check_example(case)


def test_reports_each_money_name_once_with_its_position() -> None:
    code = "def quote(base_price: float):\n    shipping_cost = -4.5\n    return base_price\n"
    found = run_rule("float-money", code)
    assert [(v.line, v.span.column, v.message) for v in found] == [
        (1, 11, "money name 'base_price' is declared a float; use Decimal or integer cents"),
        (2, 5, "money name 'shipping_cost' is given a float; use Decimal or integer cents"),
    ]


def test_suffixes_come_from_the_shop_section() -> None:
    assert run_rule("SHP001", "unit_price = 9.99\n", options={"money-suffixes": ["_cents"]}) == []


def test_an_empty_suffix_is_refused_with_the_key_named() -> None:
    with pytest.raises(ValueError, match="money-suffixes"):
        run_rule("SHP001", "x = 1\n", options={"money-suffixes": [""]})

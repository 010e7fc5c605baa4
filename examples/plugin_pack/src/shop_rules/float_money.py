"""SHP001: a money name is given a float."""

from __future__ import annotations

import libcst as cst

from shop_rules.options import ShopOptions
from standards_lint import Invalid, Rule, Valid


def _is_float_value(node: cst.BaseExpression) -> bool:
    """A float literal, or a call of the built-in ``float``."""
    if isinstance(node, cst.Float):
        return True
    if isinstance(node, cst.UnaryOperation):
        return _is_float_value(node.expression)
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Name)
        and node.func.value == "float"
    )


def _is_float_annotation(annotation: cst.Annotation | None) -> bool:
    return (
        annotation is not None
        and isinstance(annotation.annotation, cst.Name)
        and annotation.annotation.value == "float"
    )


class FloatMoney(Rule[ShopOptions]):
    """Reports floats stored in, or declared for, names that hold money."""

    code = "SHP001"
    name = "float-money"
    area = "shop"
    summary = "A name that holds money (`*_price`, `*_amount`, ...) is given or declared a float."
    rationale = (
        "Binary floats cannot hold most decimal fractions: 0.1 + 0.2 is not 0.3, and"
        " the cents lost in rounding show up on invoices and in reconciliation. Money"
        " is kept as Decimal (or integer cents) from the moment it enters the program;"
        " a float in a money name is where the rounding error starts."
    )
    options_used = ("money-suffixes", "allow-float-in-names")
    valid = (
        Valid("from decimal import Decimal\nunit_price = Decimal('9.99')\n"),
        Valid("unit_price_cents = 999\n"),
        Valid("ratio = float(count) / total_items\n"),
        Valid(
            "estimated_cost = 3.5\n",
            options={"allow-float-in-names": ["estimated_cost"]},
        ),
    )
    invalid = (
        Invalid("unit_price = 9.99\n", line=1, message="unit_price"),
        Invalid("x = 1\norder_total = float(text)\n", line=2, message="Decimal"),
        Invalid("def charge(card, charge_amount: float) -> None:\n    pass\n", line=1),
        Invalid("refund_amount: float = 0\n", line=1),
        Invalid("fee = 0.5\n", line=1, options={"money-suffixes": ["fee"]}),
    )

    def visit_Assign(self, node: cst.Assign) -> None:
        """``unit_price = 9.99`` or ``total_amount = float(text)``."""
        if not _is_float_value(node.value):
            return
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self._check_name(target.target, "is given a float")

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        """``refund_amount: float = 0`` or ``refund_amount = float(...)`` with any annotation."""
        if not isinstance(node.target, cst.Name):
            return
        if _is_float_annotation(node.annotation):
            self._check_name(node.target, "is declared a float")
        elif node.value is not None and _is_float_value(node.value):
            self._check_name(node.target, "is given a float")

    def visit_Param(self, node: cst.Param) -> None:
        """``def charge(charge_amount: float)``."""
        if _is_float_annotation(node.annotation):
            self._check_name(node.name, "is declared a float")

    def _check_name(self, name: cst.Name, what: str) -> None:
        if self.options.is_money(name.value):
            self.report(name, f"money name {name.value!r} {what}; use Decimal or integer cents")

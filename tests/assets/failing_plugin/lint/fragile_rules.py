"""A local plugin with one rule that crashes on some code and one that works."""

from __future__ import annotations

import libcst as cst

from standards_lint import Area, Invalid, Rule, RulePack, Valid

AREA = Area(name="fragile", prefix="FRG", title="Rules under test")


class Crashes(Rule):
    """Raises on any name ``trigger``: a bug in the rule, not in the code."""

    code = "FRG001"
    name = "crashes-on-trigger"
    area = "fragile"
    summary = "Fails on names called trigger."
    rationale = "It exists to show that a failing rule is isolated."
    valid = (Valid("x = 1\n"),)
    invalid = ()

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "trigger":
            raise ZeroDivisionError("the rule divided by zero")


class NoEval(Rule):
    """Reports calls of eval."""

    code = "FRG002"
    name = "no-eval"
    area = "fragile"
    summary = "eval is called."
    rationale = "eval runs any code it is given."
    valid = (Valid("x = 1\n"),)
    invalid = (Invalid("eval('1')\n", line=1),)

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == "eval":
            self.report(node, "do not call eval")


PACK = RulePack(name="fragile", rules=[Crashes, NoEval], areas=[AREA])

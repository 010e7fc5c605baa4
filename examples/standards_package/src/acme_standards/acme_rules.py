"""ACM001: library code does not print; it logs or returns."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from standards_lint import Area, Invalid, Rule, RulePack, Valid


@dataclass(frozen=True, slots=True)
class AcmeOptions:
    """The ``[acme]`` section: ACME's rules take no options yet."""


ACME_AREA = Area(name="acme", prefix="ACM", title="ACME house rules", options=AcmeOptions)


class NoPrint(Rule[AcmeOptions]):
    """Reports calls of the built-in ``print``."""

    code = "ACM001"
    name = "no-print"
    area = "acme"
    summary = "Library code calls `print`."
    rationale = (
        "Output written with print cannot be silenced, redirected or filtered by"
        " the program that uses the library; a logger can, and a returned value"
        " can be tested."
    )
    valid = (Valid("import logging\nlogging.getLogger(__name__).info('done')\n"),)
    invalid = (Invalid("print('done')\n", line=1, message="print"),)

    def visit_Call(self, node: cst.Call) -> None:
        """``print(...)``."""
        if isinstance(node.func, cst.Name) and node.func.value == "print":
            self.report(node, "print() in library code; log it or return it")


PACK = RulePack(name="acme-rules", rules=[NoPrint], areas=[ACME_AREA], version="1.0.0")

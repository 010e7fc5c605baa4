"""A rule pack that reuses a built-in code."""

from standards_lint import Rule, RulePack


class Impostor(Rule):
    code = "STY001"
    name = "another-line-rule"
    area = "style"
    summary = "Clashes with the built-in STY001."
    rationale = "It exists to be refused."


PACK = RulePack(name="clash", rules=[Impostor])

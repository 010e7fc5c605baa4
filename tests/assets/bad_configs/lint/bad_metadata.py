"""A rule pack whose rule has a malformed code and an unknown area."""

from standards_lint import Rule, RulePack


class Sloppy(Rule):
    code = "sloppy1"
    name = "Sloppy Rule"
    area = "nowhere"
    summary = "A rule with bad metadata."
    rationale = "It exists to be refused."


PACK = RulePack(name="sloppy", rules=[Sloppy])

"""Trailing whitespace, removed by a safe fix."""

from standards_lint import Edit, FixSafety, ProposedFix, Rule, RulePack


class TrailingWhitespace(Rule):
    """Reports spaces at the end of a line."""

    code = "TRL001"
    name = "trailing-whitespace"
    area = "style"
    summary = "A line ends with spaces."
    rationale = "Trailing spaces make noise in diffs."
    fix_safety = (FixSafety.SAFE,)
    fix_summary = "removes the spaces"

    def start_file(self):
        for number, line in enumerate(self.source.lines, start=1):
            kept = line.rstrip(" ")
            if kept != line:
                start = self.source.offset(number, len(kept) + 1)
                end = self.source.offset(number, len(line) + 1)
                self.report_at(
                    number,
                    len(kept) + 1,
                    "trailing spaces",
                    end_column=len(line) + 1,
                    fix=ProposedFix("Remove the trailing spaces", [Edit(start, end, "")]),
                )
        return False


PACK = RulePack(name="trail", rules=[TrailingWhitespace])

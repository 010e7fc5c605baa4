"""STY001: lines longer than the team's limit."""

from __future__ import annotations

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.style.options import StyleOptions


class LineTooLong(Rule[StyleOptions]):
    """Reports lines longer than ``max-line-length``."""

    code = "STY001"
    name = "line-too-long"
    area = "style"
    summary = "A line is longer than max-line-length characters."
    rationale = (
        "Long lines hide code off the edge of editors, side-by-side diffs and review"
        " tools, and they usually carry too much at once. One agreed limit keeps"
        " every screen readable."
    )
    options_used = ("max-line-length",)
    valid = (Valid("x = 1\n"),)
    invalid = (
        Invalid("x = 1\ny = '" + "a" * 100 + "'\n", line=2, message="106 > 100"),
        Invalid("x = 'abcdef'\n", line=1, options={"max-line-length": 5}),
    )

    def start_file(self) -> None:
        """Measure every line of the text; no tree is needed."""
        limit = self.options.max_line_length
        for number, line in enumerate(self.source.lines, start=1):
            length = len(line)
            if length > limit:
                self.report_at(
                    number,
                    limit + 1,
                    f"line is {length} characters long ({length} > {limit})",
                    end_column=length + 1,
                )

"""STY015: modules longer than the team's limit."""

from __future__ import annotations

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.style.options import StyleOptions


class ModuleTooLong(Rule[StyleOptions]):
    """Reports a module with more than ``max-module-lines`` lines."""

    code = "STY015"
    name = "module-too-long"
    area = "style"
    summary = "A module has more lines than max-module-lines."
    rationale = (
        "A very long module usually holds several concerns: it is hard to find"
        " one's way in, every change to it touches many readers' context, and its"
        " imports tie together things that could stand apart. Splitting it along"
        " its concerns gives each part a name and a place. Every line counts,"
        " blank lines, comments and docstrings included, because that is what a"
        " reader scrolls through. The report is at line 1; to accept one long"
        " module, put `# standards-lint: ignore-file[STY015]` in it."
    )
    options_used = ("max-module-lines",)
    valid = (
        Valid("x = 1\n" * 10),
        Valid("x = 1\n" * 20, options={"max-module-lines": 20}),
    )
    invalid = (
        Invalid("x = 1\n" * 1001, line=1, message="1001 lines (1001 > 1000)"),
        Invalid('"""Doc."""\n\n\n# note\n', line=1, options={"max-module-lines": 3}),
    )

    def start_file(self) -> None:
        """Count the lines of the text; no tree is needed."""
        limit = self.options.max_module_lines
        count = len(self.source.lines)
        if count > limit:
            message = f"module has {count} lines ({count} > {limit}); split it"
            # No measured value for the baseline: a module's length changes
            # with every edit anywhere in it (a header added, a function
            # moved in), so a baselined long module stays accepted as long
            # as it is; the one-function figures are the ones held to
            # "no worse".
            self.report_at(1, 1, message)

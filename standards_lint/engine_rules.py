"""The rules the tool itself reports (code prefix ``SL``).

They are not visitors: the engine reports a file that does not parse or a rule
that fails, and the gate reports suppressions that suppress nothing. They are
described here so that ``rules``, ``explain``, ``select`` and ``ignore`` treat
them like any other rule.
"""

from __future__ import annotations

from typing import Final

from standards_lint.model import FixSafety, Severity
from standards_lint.rule import Area, Invalid, RuleMeta, Valid

TOOL_AREA: Final = Area(name="tool", prefix="SL", title="Problems found by the tool itself")


class ToolRule(RuleMeta):
    """A rule reported by the engine or the gate rather than by a visitor."""

    area = "tool"
    #: Reported even when ``select`` does not name it (it can still be ignored).
    always_selected: bool = False


class SyntaxErrorRule(ToolRule):
    """A file that LibCST cannot parse."""

    code = "SL001"
    always_selected = True
    name = "syntax-error"
    summary = "The file is not valid Python, so no other rule could read it."
    rationale = (
        "Every other standard is checked on the parsed program. A file that does not"
        " parse is reported at the line where parsing stopped, instead of being skipped"
        " silently, so that a broken file can never pass the gate."
    )
    invalid = (Invalid("def broken(:\n    pass\n", line=1),)
    valid = (Valid("def fine():\n    pass\n"),)


class InternalErrorRule(ToolRule):
    """A rule or fact collector raised an exception."""

    code = "SL002"
    always_selected = True
    name = "internal-error"
    summary = "A rule failed on this file; its other rules still ran, and the run exits 2."
    rationale = (
        "A failing rule is a bug in the rule, not in your code. It is isolated so that"
        " the rest of the standards are still checked, and it makes the run exit with"
        " code 2 so that nobody mistakes a partial check for a clean one."
    )


class UnusedSuppressionRule(ToolRule):
    """A suppression comment that suppresses nothing."""

    code = "SL003"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "A `# standards-lint: ignore[...]` comment suppresses no violation."
    rationale = (
        "Suppressions outlive the code they were written for. Once the violation is"
        " fixed the comment only hides the next one, so a suppression that suppresses"
        " nothing is reported and can be deleted."
    )
    fix_safety = (FixSafety.SAFE,)
    fix_summary = (
        "removes the comment: its whole line when it stands alone, else the comment and"
        " the blanks before it, keeping the code or the comment it follows"
    )
    invalid = (
        Invalid("x = 1  # standards-lint: ignore\n", line=1, fixed="x = 1\n"),
        Invalid(
            "def f():\n    # standards-lint: ignore\n    return 1\n",
            line=2,
            fixed="def f():\n    return 1\n",
        ),
    )
    valid = (
        Valid("x = 1\n"),
        # STY003 did not run on this file: the suppression may be needed where it does.
        Valid("x = 1  # standards-lint: ignore[STY003]\n"),
    )


class SuppressionWithoutReasonRule(ToolRule):
    """A suppression with no reason, where the standards require one."""

    code = "SL004"
    name = "suppression-without-reason"
    summary = "A suppression comment gives no reason (`require-suppression-reason = true`)."
    rationale = (
        "An exception to a standard is a decision, and the next reader needs to know"
        " why it was made. Write the reason after the codes:"
        " `# standards-lint: ignore[STY006] the plugin API requires this signature`."
    )
    enabled_by_default = True


class UndecodableFileRule(ToolRule):
    """A file whose bytes are not text in its declared encoding."""

    code = "SL005"
    always_selected = True
    name = "undecodable-file"
    summary = "The file's bytes cannot be decoded as Python source."
    rationale = (
        "Python reads source as UTF-8 unless a coding comment says otherwise. A file"
        " that cannot be decoded cannot be imported, so it is reported rather than skipped."
    )


class UnsupportedSyntaxRule(ToolRule):
    """Valid Python that LibCST, which the tree-walking rules read, cannot parse."""

    code = "SL006"
    always_selected = True
    name = "unsupported-syntax"
    summary = "Python compiles the file, but LibCST cannot parse it, so its tree rules did not run."
    rationale = (
        "The running Python accepts the file, so it is not a syntax error; but the rules"
        " that read the concrete syntax tree could not check it. The finding names the"
        " construct LibCST rejected (often tabs and spaces mixed in one indentation, or"
        " syntax newer than the installed LibCST), so the file can be changed or the"
        " limitation accepted with a file-level suppression."
    )


class UnknownSuppressedRule(ToolRule):
    """A suppression comment that names no known rule."""

    code = "SL007"
    always_selected = True
    name = "unknown-rule-in-suppression"
    severity = Severity.WARNING
    summary = "A suppression comment names a code, prefix or name that is no known rule."
    rationale = (
        "A misspelt code in `# standards-lint: ignore[...]` suppresses nothing, and the"
        " violation it was meant for is still reported; a code from an uninstalled plugin"
        " means the standards are not the ones the author ran. Either way the comment"
        " is wrong, and the finding names the closest known rule."
    )
    invalid = (Invalid("x = 1  # standards-lint: ignore[NOPE123]\n", line=1),)
    valid = (Valid("x = 1  # standards-lint: ignore[SL003] kept on purpose\n"),)


class FileTooLargeRule(ToolRule):
    """A file larger than ``max-file-size``."""

    code = "SL008"
    always_selected = True
    name = "file-too-large"
    summary = "The file is larger than `max-file-size`, so it was not read."
    rationale = (
        "Source files of several megabytes are almost always generated or data, and"
        " reading them would cost the whole team time and memory on every run. The file"
        " is reported rather than silently skipped; raise `max-file-size` or exclude it."
    )


class FigureRegressionRule(ToolRule):
    """A project figure worse than the baseline recorded."""

    code = "SL009"
    always_selected = True
    name = "figure-below-baseline"
    summary = "A project figure (coverage, an average) is worse than the baseline recorded."
    rationale = (
        "A baseline accepts today's figures so that a legacy codebase can adopt its"
        " standards, on the condition that they never get worse. A figure that drops"
        " below the baseline's is reported even while it still meets its threshold;"
        " `standards-lint baseline --prune` records an improvement."
    )


TOOL_RULES: Final[tuple[type[ToolRule], ...]] = (
    SyntaxErrorRule,
    InternalErrorRule,
    UnusedSuppressionRule,
    SuppressionWithoutReasonRule,
    UndecodableFileRule,
    UnsupportedSyntaxRule,
    UnknownSuppressedRule,
    FileTooLargeRule,
    FigureRegressionRule,
)

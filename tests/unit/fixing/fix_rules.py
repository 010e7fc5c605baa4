"""A rule pack whose fixes the fixing tests control: loaded as a local plugin by file path.

Each rule proposes one kind of fix: a text edit that is right (FXP002), one
that leaves code that does not parse (FXP001), two that undo each other
(FXP003), one that competes for the same text as FXP002 (FXP005), and a tree
change that removes a whole statement (FXP004).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import libcst as cst

from standards_lint.model import Edit, FixSafety
from standards_lint.rule import Area, Invalid, ProposedFix, Replace, Rule, RulePack, Valid


def words(text: str, pattern: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each match of ``pattern`` in ``text``, with its 1-based line and column."""
    for number, line in enumerate(text.splitlines(), start=1):
        for found in re.finditer(pattern, line):
            yield found, number, found.start() + 1


class UnparsableFix(Rule):
    """Reports BREAK_ME and proposes a fix that leaves code that does not parse."""

    code = "FXP001"
    name = "unparsable-fix"
    area = "fixprobe"
    summary = "The name BREAK_ME is used."
    rationale = "Tests need a fix whose result does not parse."
    fix_safety = (FixSafety.SAFE,)
    fix_summary = "opens a parenthesis it never closes"
    valid = (Valid("x = 1\n"),)
    #: What check --fix would refuse to write, so the harness refuses it too.
    invalid = (Invalid("BREAK_ME = 1\n", line=1, fixed="BREAK_ME( = 1\n"),)

    def start_file(self) -> None:
        """Report each BREAK_ME with its broken fix."""
        for found, line, column in words(self.source.text, r"\bBREAK_ME\b(?!\()"):
            start = self.source.offset(line, column)
            edit = Edit(start, start + len(found.group()), "BREAK_ME(")
            self.report_at(line, column, "BREAK_ME", fix=ProposedFix("Break it", [edit]))


class ColourSpelling(Rule):
    """Reports the word colour and proposes color: a text edit, placed by offsets."""

    code = "FXP002"
    name = "colour-spelling"
    area = "fixprobe"
    summary = "The word colour is spelt the British way."
    rationale = "Tests need a safe text fix whose result they know."
    fix_safety = (FixSafety.SAFE,)
    fix_summary = "writes color"
    valid = (Valid("color = 1\n"),)
    invalid = (
        Invalid(
            "colour = 1\nprint(colour, 'colour')\n",
            lines=(1, 2, 2),
            fixed="color = 1\nprint(color, 'color')\n",
        ),
    )

    def start_file(self) -> None:
        """Report each colour with its fix."""
        for found, line, column in words(self.source.text, r"\bcolour\b"):
            start = self.source.offset(line, column)
            edit = Edit(start, start + len(found.group()), "color")
            self.report_at(line, column, "colour", fix=ProposedFix("Write color", [edit]))


class FlipFlop(Rule):
    """Turns ping into pong and pong into ping: fixes that never settle (unsafe)."""

    code = "FXP003"
    name = "flip-flop"
    area = "fixprobe"
    summary = "The name ping or pong is used."
    rationale = "Tests need fixes that undo each other."
    fix_safety = (FixSafety.UNSAFE,)
    fix_summary = "swaps ping and pong"
    valid = (Valid("x = 1\n"),)
    #: The fixes never settle, so no fixed code can be declared: the harness says so.
    invalid = (Invalid("ping = 1\n", line=1, fixed="pong = 1\n"),)

    def start_file(self) -> None:
        """Report each ping or pong with the swap."""
        for found, line, column in words(self.source.text, r"\b(ping|pong)\b"):
            start = self.source.offset(line, column)
            other = "pong" if found.group() == "ping" else "ping"
            fix = ProposedFix("Swap", [Edit(start, start + 4, other)], FixSafety.UNSAFE)
            self.report_at(line, column, found.group(), fix=fix)


class DropUnusedImport(Rule):
    """Removes ``import unused`` statements: a tree change that removes a whole statement."""

    code = "FXP004"
    name = "drop-unused-import"
    area = "fixprobe"
    summary = "The module unused is imported."
    rationale = "Tests need a fix that removes a statement from the tree."
    fix_safety = (FixSafety.SAFE,)
    fix_summary = "removes the import"
    valid = (Valid("import os\n"),)
    invalid = (
        Invalid("import os\nimport unused\nx = 1\n", line=2, fixed="import os\nx = 1\n"),
        Invalid(
            "def f():\n    import unused\n    return 1\n",
            line=2,
            fixed="def f():\n    return 1\n",
        ),
    )

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        """Report a line that only imports unused."""
        match node.body:
            case [cst.Import(names=[cst.ImportAlias(name=cst.Name("unused"), asname=None)])]:
                fix = ProposedFix("Remove the import", [Replace(node, cst.RemoveFromParent())])
                self.report(node, "unused import", fix=fix)


class ColourAsHue(Rule):
    """Proposes hue for colour: its fix competes with FXP002's for the same text."""

    code = "FXP005"
    name = "colour-as-hue"
    area = "fixprobe"
    summary = "The word colour is used."
    rationale = "Tests need two fixes of the same text."
    fix_safety = (FixSafety.SAFE,)
    fix_summary = "writes hue"
    valid = (Valid("hue = 1\n"),)
    invalid = (Invalid("colour = 1\n", line=1, fixed="hue = 1\n"),)

    def start_file(self) -> None:
        """Report each colour with its fix."""
        for found, line, column in words(self.source.text, r"\bcolour\b"):
            start = self.source.offset(line, column)
            edit = Edit(start, start + len(found.group()), "hue")
            self.report_at(line, column, "colour", fix=ProposedFix("Write hue", [edit]))


PACK = RulePack(
    name="fixprobe",
    rules=[UnparsableFix, ColourSpelling, FlipFlop, DropUnusedImport, ColourAsHue],
    areas=[Area("fixprobe", "FXP", "Fixes for tests")],
    version="1",
)

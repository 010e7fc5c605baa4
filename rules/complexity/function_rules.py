"""CPX001-CPX004: functions too complex, too long or too deeply nested, at their ``def`` line.

The figures come from the file's ``ast`` tree (see :mod:`.metrics`), worked out
once per file for all four rules; no LibCST tree is needed. The limit on how
many parameters a function takes is STY016 too-many-arguments, set by
``max-arguments`` in ``[style]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from standards_lint.rule import Invalid, Rule, Valid

from ._definitions import FunctionDefinition, max_nesting
from .file_measures import file_measures
from .limits import cyclomatic_rank, describe_cyclomatic_limit
from .metrics import ModuleMeasures
from .options import ComplexityOptions
from .thresholds import exceeds

ARGUMENTS_NOTE = (
    " The limit on parameters is not in [complexity]: it is max-arguments in [style],"
    " checked by STY016 too-many-arguments."
)
_BRANCHY = (
    "def route(request):\n"
    "    if request.a:\n        return 1\n"
    "    if request.b:\n        return 2\n"
    "    if request.c:\n        return 3\n"
    "    if request.d:\n        return 4\n"
    "    if request.e:\n        return 5\n"
    "    if request.f:\n        return 6\n"
)


def _function_body(statements: int) -> str:
    """A function whose body is ``statements`` assignments."""
    return "def load(rows):\n" + "".join(f"    x{n} = rows[{n}]\n" for n in range(statements))


@dataclass(frozen=True, slots=True)
class Excess:
    """A function's figure above its limit, and how the report says so."""

    problem: str
    """What is wrong, after the function's name: ``has cyclomatic complexity 12 ...``."""
    figure: float
    """The measured figure, which the report carries as its value."""


class _FunctionLimitRule(Rule[ComplexityOptions]):
    """Reports each function whose figure is above the limit, at its ``def`` line."""

    area = "complexity"
    #: Whether a nested function is judged on its own; if not, its figure is
    #: part of its enclosing function's and judged there.
    judges_nested: ClassVar[bool]

    def start_file(self) -> bool:
        """Measure the file's functions from its ``ast`` tree and report; no walk follows."""
        measures = file_measures(self.source)
        if measures is None:
            return False
        for definition in measures.definitions:
            if definition.is_nested and not self.judges_nested:
                continue
            excess = self.judge(measures, definition)
            if excess is not None:
                node = definition.node
                # The span covers the whole function: the report is about all
                # of it, which keeps its fingerprint when the body changes.
                self.report_at(
                    node.lineno,
                    node.col_offset + 1,
                    f"{_named(definition)} {excess.problem}",
                    end_line=node.end_lineno,
                    end_column=None if node.end_col_offset is None else node.end_col_offset + 1,
                    value=excess.figure,
                )
        return False

    def judge(self, measures: ModuleMeasures, definition: FunctionDefinition) -> Excess | None:
        """The function's figure and what is wrong with it, or None if it is within the limit."""
        raise NotImplementedError


def _named(definition: FunctionDefinition) -> str:
    """``function 'parse'`` or ``method 'Parser.parse'``."""
    kind = "method" if definition.class_name is not None else "function"
    return f"{kind} '{definition.qualified_name}'"


class CyclomaticComplexity(_FunctionLimitRule):
    """Reports functions whose cyclomatic complexity (radon's) is above ``max-cyclomatic``."""

    code = "CPX001"
    name = "cyclomatic-complexity"
    summary = "A function's cyclomatic complexity is above max-cyclomatic."
    rationale = (
        "Cyclomatic complexity counts the independent paths through a function: one,"
        " plus one for each if, elif, loop, except, case, conditional expression, boolean"
        " operator and comprehension clause. It is the least number of tests that visit"
        " every branch, so a function above 10 is one few people test fully. Split it"
        " where its branches do different jobs, or replace a chain of ifs with a table."
        " The figure is radon's, so the functions reported are the ones `radon cc` ranks"
        " worse than the limit; like `radon cc --show-closures`, a nested function is"
        " judged on its own, since radon leaves it out of its enclosing function's figure."
        " The limit is a number or a radon rank letter (B: at most 10)." + ARGUMENTS_NOTE
    )
    options_used = ("max-cyclomatic",)
    judges_nested = True
    valid = (
        Valid("def route(request):\n    if request.a:\n        return 1\n    return 0\n"),
        Valid(_BRANCHY, options={"max-cyclomatic": 7}),
        Valid(_BRANCHY, options={"max-cyclomatic": "B"}),
        Valid(
            "def outer(items):\n    def pick(item):\n        return item if item else None\n"
            "    return [pick(item) for item in items]\n",
            options={"max-cyclomatic": 2},
        ),
    )
    invalid = (
        Invalid(
            _BRANCHY,
            options={"max-cyclomatic": 6},
            line=1,
            message="function 'route' has cyclomatic complexity 7 (rank B), above the limit 6",
        ),
        Invalid(
            "class Router:\n    def route(self, a, b, c, d, e):\n"
            "        if a and b and c and d and e:\n            return 1\n        return 0\n",
            options={"max-cyclomatic": "A"},
            line=2,
            message="method 'Router.route' has cyclomatic complexity 6 (rank B),"
            " above the limit A (5)",
        ),
        Invalid(
            "def outer(items):\n    def pick(item):\n        if item > 1:\n            return 1\n"
            "        return 2 if item else 3\n    return [pick(item) for item in items]\n",
            options={"max-cyclomatic": 2},
            line=2,
            message="function 'outer.<locals>.pick' has cyclomatic complexity 3",
        ),
        Invalid(
            "@cache\nasync def fetch(a, b):\n    if a or b:\n        return 1\n",
            options={"max-cyclomatic": 2},
            line=2,
            message="above the limit 2",
        ),
    )

    def judge(self, measures: ModuleMeasures, definition: FunctionDefinition) -> Excess | None:
        """Compare radon's figure with the limit, a number or a rank letter."""
        limit = self.options.max_cyclomatic
        complexity = measures.cyclomatic(definition)
        if not exceeds(limit, complexity):
            return None
        problem = (
            f"has cyclomatic complexity {complexity} (rank {cyclomatic_rank(complexity)}),"
            f" above the limit {describe_cyclomatic_limit(limit)}"
        )
        return Excess(problem, complexity)


class CognitiveComplexity(_FunctionLimitRule):
    """Reports functions whose cognitive complexity is above ``max-cognitive``."""

    code = "CPX002"
    name = "cognitive-complexity"
    summary = "A function's cognitive complexity is above max-cognitive."
    rationale = (
        "Cognitive complexity (SonarSource's specification) scores how hard a function"
        " is to read rather than to test: every break in the linear flow (if, loop,"
        " except, match, a run of boolean operators, recursion) costs 1, and costs more"
        " the deeper it is nested, because a reader must keep every enclosing condition"
        " in mind. A flat switch of ten cases reads easily; three nested loops with"
        " conditions do not. Flatten with early returns, and move nested blocks into"
        " functions with names that say what they do. A nested function's score is part"
        " of its enclosing function's, where it is reported. The figure follows the"
        " specification; where complexipy counts otherwise is listed in the complexity"
        " package's NOTES_cognitive.md." + ARGUMENTS_NOTE
    )
    options_used = ("max-cognitive",)
    judges_nested = False
    valid = (
        Valid("def first(items):\n    for item in items:\n        return item\n"),
        Valid(
            "def kind(x):\n    if x == 1:\n        return 'a'\n    elif x == 2:\n"
            "        return 'b'\n    else:\n        return 'c'\n",
            options={"max-cognitive": 3},
        ),
        Valid(
            "def outer(rows):\n    def inner(row):\n        for cell in row:\n"
            "            if cell:\n                return cell\n    return inner\n",
            options={"max-cognitive": 5},
        ),
    )
    invalid = (
        Invalid(
            "def find(rows):\n    for row in rows:\n        for cell in row:\n"
            "            if cell:\n                return cell\n",
            options={"max-cognitive": 5},
            line=1,
            message="function 'find' has cognitive complexity 6, above the limit 5",
        ),
        Invalid(
            "def outer(rows):\n    seen = set()\n\n    def inner(row):\n        for cell in row:\n"
            "            if cell and cell not in seen:\n                return cell\n\n"
            "    return inner(rows)\n",
            options={"max-cognitive": 5},
            line=1,
            message="function 'outer' has cognitive complexity 6",
        ),
        Invalid(
            "class Walker:\n    def walk(self, node):\n        if node:\n"
            "            return self.walk(node.next)\n",
            options={"max-cognitive": 1},
            line=2,
            message="method 'Walker.walk' has cognitive complexity 2",
        ),
    )

    def judge(self, measures: ModuleMeasures, definition: FunctionDefinition) -> Excess | None:
        """Compare the score, nested functions included, with the limit."""
        limit = self.options.max_cognitive
        score = measures.cognitive(definition)
        if score <= limit:
            return None
        return Excess(f"has cognitive complexity {score}, above the limit {limit}", score)


class FunctionTooLong(_FunctionLimitRule):
    """Reports functions whose body has more logical lines than ``max-function-lines``."""

    code = "CPX003"
    name = "function-too-long"
    summary = "A function's body has more logical lines than max-function-lines."
    rationale = (
        "A long function does several things, and a reader must hold all of them in mind"
        " to change any; its parts cannot be tested or reused on their own. The count is"
        " of logical lines (radon's LLOC): statements, not physical lines, so a call"
        " spread over several lines counts once and comments, blank lines and the"
        " layout of long literals do not count; a docstring counts as one, and a one-line"
        " compound statement (`if x: y`) as two. A nested function's lines are part of"
        " its enclosing function's, where they are reported. Extract the steps into"
        " functions whose names tell the story." + ARGUMENTS_NOTE
    )
    options_used = ("max-function-lines",)
    judges_nested = False
    valid = (
        Valid(_function_body(4), options={"max-function-lines": 4}),
        Valid(
            "def sizes():\n    return [\n        'small',\n        'medium',\n"
            "        'large',\n    ]\n",
            options={"max-function-lines": 1},
        ),
        Valid(
            "def load(rows):\n    # one comment\n\n    # and another\n    return rows\n",
            options={"max-function-lines": 1},
        ),
        Valid(
            "def load(rows):\n    def clean(row):\n        return row.strip()\n\n"
            "    return [clean(row) for row in rows]\n",
            options={"max-function-lines": 3},
        ),
    )
    invalid = (
        Invalid(
            _function_body(5),
            options={"max-function-lines": 4},
            line=1,
            message="function 'load' has 5 logical lines, above the limit 4",
        ),
        Invalid(
            "def load(rows):\n    if rows: return rows\n",
            options={"max-function-lines": 1},
            line=1,
            message="has 2 logical lines, above the limit 1",
        ),
        Invalid(
            "def load(rows):\n    def clean(row):\n        return row.strip()\n\n"
            "    return [clean(row) for row in rows]\n",
            options={"max-function-lines": 2},
            line=1,
            message="function 'load' has 3 logical lines",
        ),
    )

    def judge(self, measures: ModuleMeasures, definition: FunctionDefinition) -> Excess | None:
        """Count the body's logical lines, when it may be long, and compare with the limit."""
        limit = self.options.max_function_lines
        count = measures.logical_lines_over(definition, limit)
        if count is None:
            return None
        return Excess(f"has {count} logical lines, above the limit {limit}", count)


class NestingTooDeep(_FunctionLimitRule):
    """Reports functions whose blocks nest deeper than ``max-nesting``."""

    code = "CPX004"
    name = "nesting-too-deep"
    summary = "A function's blocks nest deeper than max-nesting."
    rationale = (
        "Each level of nesting is one more condition the reader carries to understand a"
        " line, and deep code drifts to the right until it is hard to follow. if, for,"
        " while, try, with and match each open a level (elif and else stay at the level"
        " of their if). Return early on the cases that need no work, invert conditions,"
        " and move inner loops into functions. A nested function starts again at level"
        " zero and is judged on its own." + ARGUMENTS_NOTE
    )
    options_used = ("max-nesting",)
    judges_nested = True
    valid = (
        Valid(
            "def f(rows):\n    for row in rows:\n        if row:\n            with row:\n"
            "                try:\n                    pass\n                except E:\n"
            "                    pass\n"
        ),
        Valid(
            "def f(x):\n    if x == 1:\n        pass\n    elif x == 2:\n        pass\n"
            "    elif x == 3:\n        pass\n",
            options={"max-nesting": 1},
        ),
        Valid(
            "def f(rows):\n    for row in rows:\n        def g(cell):\n"
            "            if cell:\n                return cell\n",
            options={"max-nesting": 1},
        ),
    )
    invalid = (
        Invalid(
            "def f(rows):\n    for row in rows:\n        if row:\n            with row:\n"
            "                try:\n                    if row.ok:\n                        pass\n"
            "                except E:\n                    pass\n",
            line=1,
            message="function 'f' nests blocks 5 deep, above the limit 4",
        ),
        Invalid(
            "def f(rows):\n    for row in rows:\n        if row:\n            pass\n",
            options={"max-nesting": 1},
            line=1,
            message="nests blocks 2 deep, above the limit 1",
        ),
        Invalid(
            "def f(rows):\n    def g(cell):\n        while cell:\n            if cell:\n"
            "                pass\n    return g\n",
            options={"max-nesting": 1},
            line=2,
            message="function 'f.<locals>.g' nests blocks 2 deep",
        ),
    )

    def judge(self, measures: ModuleMeasures, definition: FunctionDefinition) -> Excess | None:
        """Compare the deepest nesting of the body with the limit."""
        limit = self.options.max_nesting
        depth = max_nesting(definition.node.body)
        if depth <= limit:
            return None
        return Excess(f"nests blocks {depth} deep, above the limit {limit}", depth)


FUNCTION_RULES = (CyclomaticComplexity, CognitiveComplexity, FunctionTooLong, NestingTooDeep)

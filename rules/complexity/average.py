"""CPX201: the project's average cyclomatic complexity, as xenon's ``--max-average``.

Each file yields its radon blocks' complexities, its worst function's and its
maintainability index (a cached fact, under the file's own effective options);
the project rule publishes the averages and judges the project's against
``max-average``. The average is xenon's: the mean complexity of every block of
every module, functions, methods and classes alike. A file whose
``[[overrides]]`` ignore CPX201 yields no fact, so it is left out of the
figures (the way to keep generated code or migrations out of them).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from standards_lint.rule import Invalid, ProjectFacts, ProjectRule, Valid
from standards_lint.source import SourceFile

from .file_measures import file_measures
from .limits import cyclomatic_rank, describe_cyclomatic_limit
from .options import ComplexityOptions
from .thresholds import exceeds

COMPLEXITY_FACT = "complexity.blocks"
AVERAGE_CYCLOMATIC = "average_cyclomatic"
WORST_CYCLOMATIC = "worst_cyclomatic"
AVERAGE_MAINTAINABILITY = "average_maintainability"

_BRANCHY = (
    "def kind(x):\n"
    + "".join(f"    if x == {n}:\n        return {n}\n" for n in range(6))
    + "    return None\n"
)


@dataclass(frozen=True, slots=True)
class FileComplexity:
    """What one file adds to the project's complexity figures."""

    block_complexities: tuple[int, ...]
    """The cyclomatic complexity of each radon block: function, method or class."""
    worst_function: int
    """The highest cyclomatic complexity of any function in the file, nested ones too; 0 if none."""
    maintainability_index: float


def collect_complexity(source: SourceFile, options: ComplexityOptions) -> FileComplexity | None:
    """The file's blocks, worst function and maintainability index (None if it does not parse)."""
    del options  # the figures do not depend on the limits
    measures = file_measures(source)
    if measures is None:
        return None
    return FileComplexity(
        block_complexities=tuple(block.complexity for block in measures.blocks),
        worst_function=max(map(measures.cyclomatic, measures.definitions), default=0),
        maintainability_index=measures.maintainability_index,
    )


class AverageComplexity(ProjectRule[ComplexityOptions]):
    """Publishes the project's complexity figures and reports an average above ``max-average``."""

    code = "CPX201"
    name = "average-complexity"
    area = "complexity"
    reports_on_files = False
    facts = (COMPLEXITY_FACT,)
    summary = "The project's average cyclomatic complexity is above max-average."
    rationale = (
        "One complex function is a local problem; a high average says that complexity is"
        " how the project is written, and that every change costs more than it should."
        " The figure is xenon's (--max-average): the mean cyclomatic complexity of every"
        " function, method and class `radon cc` lists, over all checked files, with the"
        " same verdict for the same limit (a rank letter, or a number as with"
        " --max-average-num). It is published as the average_cyclomatic metric, with"
        " worst_cyclomatic (the most complex function's figure) and"
        " average_maintainability (the mean of the modules' maintainability index), so a"
        " team can watch them move and lower the limit as the code improves."
        " max-average is read from the top level of the standards file; to leave files"
        " out of the figures, ignore CPX201 for them in [[overrides]]."
    )
    options_used = ("max-average",)
    valid = (
        Valid("def price(order):\n    return order.total\n"),
        Valid(_BRANCHY, options={"max-average": "B"}),
        Valid(_BRANCHY, options={"max-average": 7}),
        Valid(
            _BRANCHY
            + "\n\ndef total(order):\n    return order.total\n"
            + "\n\ndef count(order):\n    return len(order.lines)\n"
        ),
    )
    invalid = (
        Invalid(
            _BRANCHY,
            line=1,
            message="the project's average cyclomatic complexity is 7.00 (rank B) over"
            " 1 block, above the limit A (5)",
        ),
        Invalid(
            _BRANCHY,
            options={"max-average": 6.5},
            line=1,
            message="is 7.00 (rank B) over 1 block, above the limit 6.5",
        ),
        Invalid(
            "class Router:\n    def route(self, a, b):\n        if a and b:\n"
            "            return 1\n        return 0\n\n    def stop(self):\n        pass\n",
            options={"max-average": 2},
            message="is 2.33 (rank A) over 3 blocks, above the limit 2",
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Add up the files' blocks, publish the figures and judge the average."""
        measured = [
            value
            for _, value in project.values(COMPLEXITY_FACT)
            if isinstance(value, FileComplexity)
        ]
        if not measured:
            return
        blocks = [*itertools.chain.from_iterable(file.block_complexities for file in measured)]
        average = sum(blocks) / len(blocks) if blocks else 0.0
        self.publish(AVERAGE_CYCLOMATIC, average)
        self.publish(WORST_CYCLOMATIC, max(file.worst_function for file in measured))
        indices = [file.maintainability_index for file in measured]
        self.publish(AVERAGE_MAINTAINABILITY, sum(indices) / len(indices))
        self._judge(average, len(blocks))

    def _judge(self, average: float, blocks: int) -> None:
        """Report the project's average if it is above the limit."""
        limit = self.options.max_average
        if exceeds(limit, average):
            noun = "block" if blocks == 1 else "blocks"
            self.report(
                f"the project's average cyclomatic complexity is {average:.2f}"
                f" (rank {cyclomatic_rank(average)}) over {blocks} {noun},"
                f" above the limit {describe_cyclomatic_limit(limit)}"
            )

"""CPX101-CPX102: modules hard to maintain, or whose blocks are complex on average.

Both report at the module's first line, and are computed from the file's
``ast`` tree and, for the maintainability index, its tokens (see
:mod:`.metrics`); a file whose ``[[overrides]]`` set other limits is judged
by those.
"""

from __future__ import annotations

from standards_lint.rule import Invalid, Rule, Valid

from .file_measures import file_measures
from .limits import cyclomatic_rank, describe_cyclomatic_limit, describe_maintainability_limit
from .options import ComplexityOptions
from .thresholds import exceeds, falls_short

_SIMPLE_MODULE = '"""Prices."""\n\n\ndef price(order):\n    return order.total\n'
_BRANCHY_MODULE = (
    "def kind(x):\n"
    + "".join(f"    if x == {n}:\n        return {n}\n" for n in range(6))
    + "    return None\n"
)
_DENSE_MODULE = (
    "def mix(a, b, c):\n"
    + "".join(
        f"    if a > {k} and b < {k} or c == {k}:\n        a = b * {k} + c\n" for k in range(4)
    )
    + "    return a\n"
)


class LowMaintainability(Rule[ComplexityOptions]):
    """Reports a module whose maintainability index (radon's) is below ``min-maintainability``."""

    code = "CPX101"
    name = "low-maintainability"
    area = "complexity"
    summary = "A module's maintainability index is below min-maintainability."
    rationale = (
        "The maintainability index folds a module's size (Halstead volume and logical"
        " lines), its cyclomatic complexity and its share of comment lines into one"
        " figure from 0 to 100; radon ranks it A above 19, B above 9, C below. A module"
        " ranked C is large and dense enough that changing it is slow and risky. Size"
        " weighs most, so the cure is usually to split the module by responsibility."
        " The figure is radon's (`radon mi`, docstrings counted as comments) and is"
        " published, averaged over modules, as the average_maintainability metric."
        " Unset by default: the index is mostly size, which max-module-lines in [style]"
        " already limits (STY015); teams that gate on radon's index set it, often to B."
    )
    options_used = ("min-maintainability",)
    valid = (
        Valid(_DENSE_MODULE),
        Valid(_SIMPLE_MODULE, options={"min-maintainability": "A"}),
        Valid(_SIMPLE_MODULE, options={"min-maintainability": 60}),
        Valid(_DENSE_MODULE, options={"min-maintainability": "C"}),
    )
    invalid = (
        Invalid(
            _DENSE_MODULE,
            options={"min-maintainability": 60},
            line=1,
            message="module maintainability index is 58.0 (rank A), below the limit 60",
        ),
        Invalid(
            _DENSE_MODULE + _BRANCHY_MODULE,
            options={"min-maintainability": 50.5},
            line=1,
            message="(rank A), below the limit 50.5",
        ),
    )

    def start_file(self) -> bool:
        """Measure the module's index, when a limit is set, and compare."""
        limit = self.options.min_maintainability
        measures = file_measures(self.source) if limit is not None else None
        if limit is None or measures is None:
            return False
        index = measures.maintainability_index
        if falls_short(limit, index):
            self.report_at(
                1,
                1,
                f"module maintainability index is {index:.1f}"
                f" (rank {measures.maintainability_rank}),"
                f" below the limit {describe_maintainability_limit(limit)}",
            )
        return False


class ModuleRank(Rule[ComplexityOptions]):
    """Reports a module whose blocks' mean cyclomatic complexity ranks worse than xenon allows."""

    code = "CPX102"
    name = "module-rank"
    area = "complexity"
    summary = "A module's mean block complexity ranks worse than max-module-rank."
    rationale = (
        "Xenon's --max-modules gate: a module is ranked by the mean cyclomatic"
        " complexity of its blocks (functions, methods and classes, as `radon cc` lists"
        " them), so a module full of branchy code ranks badly even if no single function"
        " is over its limit. The verdict equals xenon's for the same rank, so a team can"
        " move its xenon settings across. Unset by default: max-cyclomatic already"
        " judges each function."
    )
    options_used = ("max-module-rank",)
    valid = (
        Valid(_BRANCHY_MODULE),
        Valid(_BRANCHY_MODULE, options={"max-module-rank": "B"}),
        Valid(_SIMPLE_MODULE, options={"max-module-rank": "A"}),
        Valid(_BRANCHY_MODULE + _SIMPLE_MODULE, options={"max-module-rank": "A"}),
    )
    invalid = (
        Invalid(
            _BRANCHY_MODULE,
            options={"max-module-rank": "A"},
            line=1,
            message="module's blocks have a mean cyclomatic complexity of 7.00 (rank B),"
            " above the limit A (5)",
        ),
        Invalid(
            _DENSE_MODULE,
            options={"max-module-rank": "B"},
            line=1,
            message="mean cyclomatic complexity of 13.00 (rank C), above the limit B (10)",
        ),
    )

    def start_file(self) -> bool:
        """Rank the module's blocks, when a limit is set, and compare."""
        limit = self.options.max_module_rank
        measures = file_measures(self.source) if limit is not None else None
        if limit is None or measures is None or not measures.blocks:
            return False
        blocks = measures.blocks
        mean = sum(block.complexity for block in blocks) / len(blocks)
        if exceeds(limit, mean):
            self.report_at(
                1,
                1,
                f"module's blocks have a mean cyclomatic complexity of {mean:.2f}"
                f" (rank {cyclomatic_rank(mean)}), above the limit"
                f" {describe_cyclomatic_limit(limit)}",
                value=round(mean, 2),
            )
        return False


MODULE_RULES = (LowMaintainability, ModuleRank)

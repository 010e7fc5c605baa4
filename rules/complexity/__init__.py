"""The complexity standards (``[complexity]``), and the measures behind them.

The rules: CPX001-CPX004 judge each function (cyclomatic and cognitive
complexity, logical lines, nesting), CPX101-CPX102 each module
(maintainability index, xenon's module rank), and CPX201 the project's average
cyclomatic complexity, publishing the project's figures as metrics. The limit
on parameters is not here: it is ``max-arguments`` in ``[style]``, checked by
STY016 too-many-arguments.

The measures, plain functions over source and ``ast``:

- :func:`measure_module` gives every function's cyclomatic and cognitive
  complexity, logical lines, nesting and parameters, and the module's
  maintainability index and radon blocks; :class:`ModuleMeasures` gives each
  figure on demand, which is how the rules pay only for what they judge
  (:mod:`.metrics`);
- :func:`cognitive_increments` explains a cognitive complexity score
  (:mod:`.cognitive`);
- :func:`exceeds`, :func:`module_rank`, :func:`average_rank` and
  :func:`xenon_verdict` judge limits written as radon rank letters or numbers,
  as radon and xenon do (:mod:`.thresholds`).
"""

from __future__ import annotations

from standards_lint.rule import Area, Fact

from .average import COMPLEXITY_FACT, AverageComplexity, collect_complexity
from .cognitive import Increment, IncrementKind, cognitive_complexity, cognitive_increments
from .function_rules import FUNCTION_RULES
from .metrics import (
    CyclomaticBlock,
    FunctionMetrics,
    ModuleMeasures,
    ModuleMetrics,
    measure_module,
)
from .module_rules import MODULE_RULES
from .options import ComplexityOptions
from .thresholds import (
    BlockOverLimit,
    Limit,
    ModuleOverLimit,
    XenonVerdict,
    average_rank,
    cyclomatic_bound,
    exceeds,
    falls_short,
    maintainability_floor,
    module_rank,
    project_average,
    xenon_verdict,
)

COMPLEXITY_AREA = Area(
    name="complexity", prefix="CPX", title="Complexity", options=ComplexityOptions
)
COMPLEXITY_RULES = (*FUNCTION_RULES, *MODULE_RULES, AverageComplexity)
COMPLEXITY_FACTS = (Fact(COMPLEXITY_FACT, "complexity", collect_complexity),)

__all__ = [
    "COMPLEXITY_AREA",
    "COMPLEXITY_FACTS",
    "COMPLEXITY_RULES",
    "BlockOverLimit",
    "ComplexityOptions",
    "CyclomaticBlock",
    "FunctionMetrics",
    "Increment",
    "IncrementKind",
    "Limit",
    "ModuleMeasures",
    "ModuleMetrics",
    "ModuleOverLimit",
    "XenonVerdict",
    "average_rank",
    "cognitive_complexity",
    "cognitive_increments",
    "cyclomatic_bound",
    "exceeds",
    "falls_short",
    "maintainability_floor",
    "measure_module",
    "module_rank",
    "project_average",
    "xenon_verdict",
]

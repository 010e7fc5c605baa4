"""The complexity standards (``[complexity]``), and the measures behind them.

The rules (:mod:`.rule_set`, imported when a run selects one of them):
CPX001-CPX004 judge each function (cyclomatic and cognitive complexity,
logical lines, nesting), CPX101-CPX102 each module (maintainability index,
xenon's module rank), and CPX201 the project's average cyclomatic complexity,
publishing the project's figures as metrics. The limit on parameters is not
here: it is ``max-arguments`` in ``[style]``, checked by STY016
too-many-arguments.

The measures, plain functions over source and ``ast``:

- :func:`.metrics.measure_module` gives every function's cyclomatic and
  cognitive complexity, logical lines, nesting and parameters, and the
  module's maintainability index and radon blocks;
  :class:`.metrics.ModuleMeasures` gives each figure on demand, which is how
  the rules pay only for what they judge;
- :func:`.cognitive.cognitive_increments` explains a cognitive complexity score;
- :mod:`.thresholds` judges limits written as radon rank letters or numbers,
  as radon and xenon do (``exceeds``, ``module_rank``, ``average_rank``,
  ``xenon_verdict``).
"""

from standards_lint.rule import Area
from standards_lint.rules.complexity.options import ComplexityOptions

COMPLEXITY_AREA = Area(
    name="complexity", prefix="CPX", title="Complexity", options=ComplexityOptions
)

__all__ = ["COMPLEXITY_AREA"]

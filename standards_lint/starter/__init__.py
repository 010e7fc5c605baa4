"""A starter standards file calibrated to the code it is written for (``standards-lint init``).

Every threshold is set at what today's code meets and every rule that today's
code breaks without a threshold is ignored (or left to a baseline), so the
first ``check`` passes and each later tightening is a decision.
"""

from standards_lint.starter.calibrate import Starter, calibrate

__all__ = ["Starter", "calibrate"]

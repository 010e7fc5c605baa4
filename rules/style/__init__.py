"""The style standards: how code is written, named and laid out (``[style]``).

The rules are in :mod:`.rule_set`, imported when a run selects one of them.
"""

from standards_lint.rule import Area
from standards_lint.rules.style.options import StyleOptions

STYLE_AREA = Area(name="style", prefix="STY", title="Code style", options=StyleOptions)

__all__ = ["STYLE_AREA"]

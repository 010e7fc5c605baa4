"""The documentation standards: docstring presence, coverage and convention (``[docstrings]``).

The rules are in :mod:`.rule_set`, imported when a run selects one of them.
"""

from standards_lint.rule import Area
from standards_lint.rules.docstrings.options import DocstringOptions

DOCSTRINGS_AREA = Area(
    name="docstrings", prefix="DOC", title="Documentation", options=DocstringOptions
)

__all__ = ["DOCSTRINGS_AREA"]

"""The architecture standards: import contracts in the manner of import-linter (``[architecture]``).

Contracts: ``layers`` (ARC001), ``forbidden`` (ARC002), ``independence``
(ARC003), ``protected`` (ARC004) and ``acyclic`` (ARC005), over one import
graph built from every file's cached import facts; ARC006 reports
``ignore-imports`` entries that match nothing. The rules are in
:mod:`.rule_set`, imported when a run selects one of them.
"""

from standards_lint.rule import Area
from standards_lint.rules.architecture.options import ArchitectureOptions

ARCHITECTURE_AREA = Area(
    name="architecture",
    prefix="ARC",
    title="Architecture and layer boundaries",
    options=ArchitectureOptions,
)

__all__ = ["ARCHITECTURE_AREA"]

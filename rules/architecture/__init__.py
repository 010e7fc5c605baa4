"""The architecture standards: import contracts in the manner of import-linter (``[architecture]``).

Contracts: ``layers`` (ARC001), ``forbidden`` (ARC002), ``independence``
(ARC003), ``protected`` (ARC004) and ``acyclic`` (ARC005), over one import
graph built from every file's cached import facts; ARC006 reports
``ignore-imports`` entries that match nothing.
"""

from standards_lint.rule import Area, Fact
from standards_lint.rules.architecture.acyclic import AcyclicContract
from standards_lint.rules.architecture.forbidden import ForbiddenImportContract
from standards_lint.rules.architecture.imports import IMPORTS_FACT, collect_imports
from standards_lint.rules.architecture.layers import IndependenceContract, LayersContract
from standards_lint.rules.architecture.options import ArchitectureOptions
from standards_lint.rules.architecture.protected import ProtectedContract
from standards_lint.rules.architecture.unmatched import UnmatchedIgnoreImport

ARCHITECTURE_AREA = Area(
    name="architecture",
    prefix="ARC",
    title="Architecture and layer boundaries",
    options=ArchitectureOptions,
)
ARCHITECTURE_RULES = (
    LayersContract,
    ForbiddenImportContract,
    IndependenceContract,
    ProtectedContract,
    AcyclicContract,
    UnmatchedIgnoreImport,
)
ARCHITECTURE_FACTS = (Fact(IMPORTS_FACT, "architecture", collect_imports),)

__all__ = ["ARCHITECTURE_AREA", "ARCHITECTURE_FACTS", "ARCHITECTURE_RULES"]

"""The architecture standards: layers and forbidden imports (``[architecture]``)."""

from standards_lint.rule import Area, Fact
from standards_lint.rules.architecture.contracts import ForbiddenImportContract, LayersContract
from standards_lint.rules.architecture.imports import IMPORTS_FACT, collect_imports
from standards_lint.rules.architecture.options import ArchitectureOptions

ARCHITECTURE_AREA = Area(
    name="architecture",
    prefix="ARC",
    title="Architecture and layer boundaries",
    options=ArchitectureOptions,
)
ARCHITECTURE_RULES = (LayersContract, ForbiddenImportContract)
ARCHITECTURE_FACTS = (Fact(IMPORTS_FACT, "architecture", collect_imports),)

__all__ = ["ARCHITECTURE_AREA", "ARCHITECTURE_FACTS", "ARCHITECTURE_RULES"]

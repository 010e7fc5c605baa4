"""The architecture area's rules and the import facts they read, imported when a run needs them."""

from standards_lint.rule import Fact, RulePack
from standards_lint.rules.architecture.acyclic import AcyclicContract
from standards_lint.rules.architecture.forbidden import ForbiddenImportContract
from standards_lint.rules.architecture.imports import IMPORTS_FACT, collect_imports
from standards_lint.rules.architecture.layers import IndependenceContract, LayersContract
from standards_lint.rules.architecture.protected import ProtectedContract
from standards_lint.rules.architecture.unmatched import UnmatchedIgnoreImport

ARCHITECTURE_RULES = (
    LayersContract,
    ForbiddenImportContract,
    IndependenceContract,
    ProtectedContract,
    AcyclicContract,
    UnmatchedIgnoreImport,
)
ARCHITECTURE_FACTS = (Fact(IMPORTS_FACT, "architecture", collect_imports),)
RULE_SET = RulePack("builtin architecture", ARCHITECTURE_RULES, facts=ARCHITECTURE_FACTS)

__all__ = ["ARCHITECTURE_FACTS", "ARCHITECTURE_RULES", "RULE_SET"]

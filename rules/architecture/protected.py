"""ARC004: the protected contract: only the listed importers may import these modules."""

from __future__ import annotations

from standards_lint.rule import Invalid, Valid
from standards_lint.rules.architecture.chains import Route
from standards_lint.rules.architecture.contract_rule import ContractRule, modules_named
from standards_lint.rules.architecture.graph import ImportGraph
from standards_lint.rules.architecture.options import Contract

_PROTECTED = {
    "contracts": [
        {
            "name": "the database through the repository only",
            "type": "protected",
            "protected-modules": ["app.db"],
            "allowed-importers": ["app.repository"],
        }
    ]
}


class ProtectedContract(ContractRule):
    """Reports direct imports of protected modules from modules not allowed to import them."""

    code = "ARC004"
    name = "protected-import"
    contract_type = "protected"
    summary = "A module imports a protected module without being one of its allowed importers."
    rationale = (
        "Some modules are an implementation detail of one part of the system: the"
        " database session behind the repository, the vendored parser behind its adapter."
        " A protected contract names the only modules that may import them directly, so"
        " that a change to the detail stays inside that part. Only direct imports count:"
        " going through an allowed importer is the point."
    )
    options_used = ("source-roots", "package-map", "exclude-type-checking-imports", "contracts")
    valid = (Valid("from app import db\n", path="app/repository.py", options=_PROTECTED),)
    invalid = (
        Invalid(
            "from app.db import session\n",
            path="app/web.py",
            line=1,
            message="app.web may not import app.db",
            options=_PROTECTED,
        ),
    )

    def check_contract(self, contract: Contract, graph: ImportGraph) -> None:
        """Every direct import into a protected module from outside the allowed importers."""
        allowed: set[int] = set()
        named = modules_named(
            graph, contract.allowed_importers, "allowed-importers", must_exist=False
        )
        for module in named:
            allowed |= graph.with_descendants(module) if contract.as_packages else {module}
        for top in modules_named(graph, contract.protected_modules, "protected-modules"):
            protected = graph.with_descendants(top) if contract.as_packages else {top}
            allowed_names = ", ".join(contract.allowed_importers) or "no other module"
            links = sorted(
                (imported, importer)
                for imported in protected
                for importer in graph.importers[imported]
                if importer not in allowed and importer not in protected
            )
            for imported, importer in links:
                message = (
                    f"{graph.names[importer]} may not import {graph.names[top]}, which only"
                    f" {allowed_names} may import (contract {contract.name!r})"
                )
                self.report_route(graph, Route((importer, imported)), message)

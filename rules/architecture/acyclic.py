"""ARC005: the acyclic contract: the children of a package never import each other in a cycle."""

from __future__ import annotations

from standards_lint.rule import Invalid, Valid
from standards_lint.rules.architecture.chains import Route
from standards_lint.rules.architecture.contract_rule import ContractRule, modules_named
from standards_lint.rules.architecture.cycles import cycle_breakers
from standards_lint.rules.architecture.graph import ImportGraph
from standards_lint.rules.architecture.options import Contract

_ACYCLIC = {"contracts": [{"name": "no cycles", "type": "acyclic", "ancestors": ["app"]}]}


class AcyclicContract(ContractRule):
    """Reports the imports to remove so that siblings no longer import each other in a cycle."""

    code = "ARC005"
    name = "import-cycle"
    contract_type = "acyclic"
    summary = "Sibling packages import each other in a cycle; this import is one that breaks it."
    rationale = (
        "Packages that import each other in a cycle can only be understood, tested and"
        " released together: they are one package in all but name. For every package"
        " listed in ancestors, and the packages below it (depth levels down), the children"
        " are put in the order most of their imports follow, and each import against that"
        " order is reported: remove those (or move what they import) and the package is"
        " acyclic. The order and so the imports named are import-linter's acyclic_siblings."
    )
    options_used = ("source-roots", "package-map", "exclude-type-checking-imports", "contracts")
    valid = (Valid("from app import b\n", path="app/a.py", options=_ACYCLIC),)
    invalid = (
        Invalid(
            "from app import a\n",
            path="app/b.py",
            files={"app/__init__.py": "", "app/a.py": "from app import b\n"},
            line=1,
            message="app.b imports app.a, against the order",
            options=_ACYCLIC,
        ),
    )

    def check_contract(self, contract: Contract, graph: ImportGraph) -> None:
        """Search each ancestor and the packages below it, to ``depth`` levels."""
        skipped = set(modules_named(graph, contract.skip_descendants, "skip-descendants"))
        for ancestor in modules_named(graph, contract.ancestors, "ancestors"):
            self._check_package(contract, graph, ancestor, contract.depth, skipped)

    def _check_package(
        self, contract: Contract, graph: ImportGraph, package: int, depth: int, skipped: set[int]
    ) -> None:
        for (importer_child, imported_child), keys in cycle_breakers(graph, package).items():
            low = graph.names[importer_child].rpartition(".")[2]
            high = graph.names[imported_child].rpartition(".")[2]
            for key in sorted(keys):
                importer, imported = graph.edge_ends(key)
                message = (
                    f"{graph.names[importer]} imports {graph.names[imported]}, against the order"
                    f" that keeps the children of {graph.names[package]} acyclic: it is one of"
                    f" {len(keys)} imports from .{low} into .{high} to remove"
                    f" (contract {contract.name!r})"
                )
                self.report_route(graph, Route((importer, imported)), message)
        if depth:
            for child in graph.children(package):
                if child not in skipped and graph.internal[child]:
                    self._check_package(contract, graph, child, depth - 1, skipped)

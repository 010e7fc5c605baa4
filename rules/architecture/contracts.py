"""ARC001 and ARC002: the layers and forbidden-import contracts."""

from __future__ import annotations

from standards_lint.rule import Invalid, ProjectFacts, ProjectRule, Valid
from standards_lint.rules.architecture.graph import (
    ImportGraph,
    allowed,
    build_graph,
    modules_in,
    within,
)
from standards_lint.rules.architecture.imports import IMPORTS_FACT
from standards_lint.rules.architecture.options import ArchitectureOptions, Contract

_LAYERS = {
    "contracts": [
        {"name": "layers", "type": "layers", "layers": ["app.web", "app.services", "app.models"]}
    ]
}
_FORBIDDEN = {
    "contracts": [
        {
            "name": "no web framework in the domain",
            "type": "forbidden",
            "source-modules": ["app.domain"],
            "forbidden-modules": ["flask"],
        }
    ]
}


def _layer_of(module: str, layers: list[list[str]]) -> tuple[int, int] | None:
    """(layer index, sibling index) of the most specific entry containing ``module``."""
    best: tuple[int, int, int] | None = None
    for layer_index, siblings in enumerate(layers):
        for sibling_index, prefix in enumerate(siblings):
            if within(module, [prefix]) and (best is None or len(prefix) > best[2]):
                best = (layer_index, sibling_index, len(prefix))
    return None if best is None else best[:2]


class LayersContract(ProjectRule[ArchitectureOptions]):
    """Reports imports that go up through the declared layers."""

    code = "ARC001"
    name = "layer-violation"
    area = "architecture"
    facts = (IMPORTS_FACT,)
    summary = "A module imports a module of a higher layer than its own."
    rationale = (
        "Layers let each part of a system be understood, tested and replaced with only"
        " what lies beneath it in mind. One import upwards ties a low layer to a high one,"
        " and from then on nothing can change without everything. The contract is checked"
        " for direct imports and for chains through modules that belong to no layer."
    )
    options_used = ("source-roots", "package-map", "contracts")
    valid = (
        Valid(
            "from app import models\n",
            path="app/services.py",
            options=_LAYERS,
        ),
    )
    invalid = (
        Invalid(
            "import app.web\n",
            path="app/models.py",
            line=1,
            message="app.models imports app.web",
            options=_LAYERS,
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Check every layers contract against the import graph."""
        contracts = [c for c in self.options.contracts if c.type == "layers"]
        if not contracts:
            return
        graph = build_graph(project, self.options)
        for contract in contracts:
            self._check(contract, graph)

    def _check(self, contract: Contract, graph: ImportGraph) -> None:
        layers = [[part.strip() for part in entry.split("|")] for entry in contract.layers]
        layered = {module for module in graph.paths if _layer_of(module, layers) is not None}
        unlayered = set(graph.paths) - layered
        for importer in sorted(layered):
            own = _layer_of(importer, layers)
            assert own is not None
            higher = [prefix for siblings in layers[: own[0]] for prefix in siblings]
            for edge in graph.imports_of(importer):
                if allowed(edge, contract.ignore_imports):
                    continue
                target = _layer_of(edge.imported, layers)
                if target is not None:
                    if target[0] < own[0]:
                        self.report(
                            f"{importer} imports {edge.imported}, which is in a higher layer"
                            f" (contract {contract.name!r})",
                            path=edge.path,
                            line=edge.line,
                        )
                    elif (
                        contract.independent_siblings
                        and target[0] == own[0]
                        and target[1] != own[1]
                    ):
                        self.report(
                            f"{importer} imports its sibling {edge.imported}"
                            f" (contract {contract.name!r} keeps siblings independent)",
                            path=edge.path,
                            line=edge.line,
                        )
                    continue
                if edge.imported in unlayered and higher:
                    chain = graph.chain(edge.imported, higher, unlayered)
                    if chain is not None:
                        self.report(
                            f"{importer} imports {chain[-1]}, which is in a higher layer,"
                            f" through {' -> '.join(chain[:-1])} (contract {contract.name!r})",
                            path=edge.path,
                            line=edge.line,
                        )


class ForbiddenImportContract(ProjectRule[ArchitectureOptions]):
    """Reports imports of forbidden modules by the modules a contract restricts."""

    code = "ARC002"
    name = "forbidden-import"
    area = "architecture"
    facts = (IMPORTS_FACT,)
    summary = "A module imports a module that a forbidden contract keeps it from."
    rationale = (
        "Some dependencies must stay at the edges: a web framework in the domain model,"
        " a database driver in the pricing rules. A forbidden contract states that once,"
        " and every import, direct or through other project modules, is checked against it."
    )
    options_used = ("source-roots", "contracts")
    valid = (Valid("import json\n", path="app/domain/order.py", options=_FORBIDDEN),)
    invalid = (
        Invalid(
            "import flask\n",
            path="app/domain/order.py",
            line=1,
            message="app.domain.order imports flask",
            options=_FORBIDDEN,
        ),
    )

    def check(self, project: ProjectFacts) -> None:
        """Check every forbidden contract against the import graph."""
        contracts = [c for c in self.options.contracts if c.type == "forbidden"]
        if not contracts:
            return
        graph = build_graph(project, self.options)
        for contract in contracts:
            for importer in modules_in(graph, contract.source_modules):
                for edge in graph.imports_of(importer):
                    if allowed(edge, contract.ignore_imports):
                        continue
                    if within(edge.imported, contract.forbidden_modules):
                        chain = [importer, edge.imported]
                    elif edge.imported in graph.paths:
                        found = graph.chain(edge.imported, contract.forbidden_modules, None)
                        if found is None:
                            continue
                        chain = [importer, *found]
                    else:
                        continue
                    through = f" through {' -> '.join(chain[1:-1])}" if len(chain) > 2 else ""
                    self.report(
                        f"{importer} imports {chain[-1]}{through} (contract {contract.name!r})",
                        path=edge.path,
                        line=edge.line,
                    )

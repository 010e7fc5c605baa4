"""ARC001: the layers contract, and ARC003: independence (one layer of independent siblings)."""

from __future__ import annotations

from dataclasses import dataclass

from standards_lint.rule import Invalid, Valid
from standards_lint.rules.architecture.chains import routes, shortest_chains
from standards_lint.rules.architecture.contract_rule import (
    ContractError,
    ContractRule,
    existing,
    missing_module,
    modules_named,
)
from standards_lint.rules.architecture.graph import ImportGraph
from standards_lint.rules.architecture.options import Contract, LayerSpec, parse_layer


@dataclass(frozen=True, slots=True)
class _Level:
    """One layer of one container: its modules (by number) and whether they are independent."""

    modules: tuple[int, ...]
    independent: bool


def _forbidden_pairs(levels: list[_Level]) -> list[tuple[int, int, bool]]:
    """(importer, imported, between siblings) for every dependency the levels forbid."""
    pairs: set[tuple[int, int, bool]] = set()
    for index, level in enumerate(levels):
        for module in level.modules:
            for lower in levels[index + 1 :]:
                pairs.update((low, module, False) for low in lower.modules)
            if level.independent:
                pairs.update((module, other, True) for other in level.modules if other != module)
    return sorted(pairs)


def check_levels(
    rule: ContractRule, contract: Contract, graph: ImportGraph, levels: list[_Level]
) -> None:
    """Report every chain from a module of one level to one it may not depend on.

    A chain may pass through modules in no layer, never through another layer
    (that layer's own dependencies are judged on their own).
    """
    everything: set[int] = set()
    for level in levels:
        for module in level.modules:
            everything |= graph.with_descendants(module)
    for importer, imported, siblings in _forbidden_pairs(levels):
        heads, tails = graph.with_descendants(importer), graph.with_descendants(imported)
        chains = shortest_chains(graph, heads, tails, everything - heads - tails)
        low, high = graph.names[importer], graph.names[imported]
        relation = "an independent sibling" if siblings else "a higher layer"
        message = f"{low} may not import {high}, {relation} (contract {contract.name!r})"
        for route in routes(graph, chains, heads, tails):
            rule.report_route(graph, route, message)


_LAYERS = {"contracts": [{"name": "layers", "type": "layers", "layers": ["app.web", "app.models"]}]}


class LayersContract(ContractRule):
    """Reports imports that go up through the declared layers, or across independent siblings."""

    code = "ARC001"
    name = "layer-violation"
    contract_type = "layers"
    summary = "A module imports a module of a higher layer, or an independent sibling."
    rationale = (
        "Layers let each part of a system be understood, tested and replaced with only"
        " what lies beneath it in mind. One import upwards ties a low layer to a high one,"
        " and from then on nothing can change without everything. Each chain that breaks"
        " the contract is one finding, at the line of its first import, with every step"
        " and its line; a chain may pass through modules in no layer, as import-linter's do."
    )
    options_used = ("source-roots", "package-map", "exclude-type-checking-imports", "contracts")
    valid = (Valid("from app import models\n", path="app/services.py", options=_LAYERS),)
    invalid = (
        Invalid(
            "import app.web\n",
            path="app/models.py",
            line=1,
            message="app.models may not import app.web, a higher layer",
            options=_LAYERS,
        ),
    )

    def check_contract(self, contract: Contract, graph: ImportGraph) -> None:
        """Check each container's layers (or the layers themselves, without containers)."""
        specs = [parse_layer(entry)[0] for entry in contract.layers]
        containers: list[str | None] = [None]
        if contract.containers:
            found = modules_named(graph, contract.containers, "containers")
            if not found:
                raise ContractError(f"containers {list(contract.containers)} match no module")
            containers = [graph.names[number] for number in found]
        for container in containers:
            levels = []
            for spec in specs:
                modules = []
                for tail in spec.modules:
                    name = f"{container}.{tail}" if container else tail
                    if existing(graph, name):
                        modules.append(graph.index[name])
                    elif tail not in spec.optional:
                        raise missing_module(graph, name, "layers")
                levels.append(_Level(tuple(modules), spec.independent))
            check_levels(self, contract, graph, levels)
            if contract.exhaustive and container is not None:
                self._report_undeclared(contract, graph, container, specs)

    def _report_undeclared(
        self, contract: Contract, graph: ImportGraph, container: str, specs: list[LayerSpec]
    ) -> None:
        declared = {tail for spec in specs for tail in spec.modules}
        declared.update(contract.exhaustive_ignores)
        for child in graph.children(graph.index[container]):
            tail = graph.names[child].rpartition(".")[2]
            if tail in declared:
                continue
            self.report(
                f"{graph.names[child]} is in no layer of contract {contract.name!r}, which is"
                f" exhaustive: every child of {container} must be a layer or in"
                " exhaustive-ignores",
                path=graph.paths.get(child),
                line=1,
            )


_INDEPENDENCE = {
    "contracts": [
        {"name": "apps apart", "type": "independence", "modules": ["app.billing", "app.shipping"]}
    ]
}


class IndependenceContract(ContractRule):
    """Reports imports, direct or indirect, between modules that must be independent."""

    code = "ARC003"
    name = "independence-violation"
    contract_type = "independence"
    summary = "One of a set of independent modules imports another, directly or not."
    rationale = (
        "Independent parts (the apps of a site, the plugins of a tool) can be changed,"
        " released and deleted one at a time only while none of them depends on another."
        " Chains through modules outside the set count too; chains through a third"
        " member are that member's own findings."
    )
    options_used = ("source-roots", "package-map", "exclude-type-checking-imports", "contracts")
    valid = (Valid("import app.common\n", path="app/billing.py", options=_INDEPENDENCE),)
    invalid = (
        Invalid(
            "from app import shipping\n",
            path="app/billing.py",
            line=1,
            message="app.billing may not import app.shipping",
            options=_INDEPENDENCE,
        ),
    )

    def check_contract(self, contract: Contract, graph: ImportGraph) -> None:
        """The modules are one layer of independent siblings."""
        modules = modules_named(graph, contract.modules, "modules")
        check_levels(self, contract, graph, [_Level(tuple(modules), True)])

"""ARC002: the forbidden contract: these modules never import those, even indirectly."""

from __future__ import annotations

from standards_lint.rule import Invalid, Valid
from standards_lint.rules.architecture.chains import Route, shortest_chains, within
from standards_lint.rules.architecture.contract_rule import (
    ContractError,
    ContractRule,
    modules_named,
)
from standards_lint.rules.architecture.expressions import has_wildcard
from standards_lint.rules.architecture.graph import ImportGraph
from standards_lint.rules.architecture.options import Contract

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


def _forbidden_modules(graph: ImportGraph, contract: Contract) -> list[int]:
    """The forbidden modules that are in the graph.

    A project module must exist; a third-party one is named by its top-level
    package, and may be one that nothing imports.
    """
    found: set[int] = set()
    for expression in contract.forbidden_modules:
        if has_wildcard(expression) or graph.is_internal_name(expression):
            found.update(modules_named(graph, [expression], "forbidden-modules"))
            continue
        top = expression.partition(".")[0]
        if top != expression:
            raise ContractError(
                f"forbidden-modules names {expression!r}: a third-party package is known by"
                f" its top-level name only; did you mean {top!r}?"
            )
        if expression in graph.index:
            found.add(graph.index[expression])
    return sorted(found)


class ForbiddenImportContract(ContractRule):
    """Reports imports of forbidden modules by the modules a contract restricts."""

    code = "ARC002"
    name = "forbidden-import"
    contract_type = "forbidden"
    summary = "A module imports a module that a forbidden contract keeps it from."
    rationale = (
        "Some dependencies must stay at the edges: a web framework in the domain model,"
        " a database driver in the pricing rules. A forbidden contract states that once,"
        " and every chain of imports, direct or through other project modules, is one"
        " finding at the line of its first import (allow-indirect-imports = true checks"
        " direct imports only)."
    )
    options_used = ("source-roots", "package-map", "exclude-type-checking-imports", "contracts")
    valid = (Valid("import json\n", path="app/domain/order.py", options=_FORBIDDEN),)
    invalid = (
        Invalid(
            "import flask\n",
            path="app/domain/order.py",
            line=1,
            message="app.domain may not import flask",
            options=_FORBIDDEN,
        ),
    )

    def check_contract(self, contract: Contract, graph: ImportGraph) -> None:
        """Every chain from a source module into a forbidden one."""
        sources = modules_named(graph, contract.source_modules, "source-modules")
        forbidden = _forbidden_modules(graph, contract)
        for source in sources:
            for target in forbidden:
                source_name, target_name = graph.names[source], graph.names[target]
                if source == target or (
                    contract.as_packages
                    and (within(source_name, target_name) or within(target_name, source_name))
                ):
                    continue  # one contains the other: not an import the contract can forbid
                self._check_pair(contract, graph, source, target)

    def _check_pair(self, contract: Contract, graph: ImportGraph, source: int, target: int) -> None:
        heads = graph.with_descendants(source) if contract.as_packages else {source}
        tails = graph.with_descendants(target) if contract.as_packages else {target}
        if contract.allow_indirect_imports:
            chains = [[head, tail] for head in sorted(heads) for tail in graph.imports[head]]
            chains = [chain for chain in chains if chain[1] in tails]
        else:
            chains = shortest_chains(graph, heads, tails)
        message = (
            f"{graph.names[source]} may not import {graph.names[target]}"
            f" (contract {contract.name!r})"
        )
        for chain in sorted(chains):
            self.report_route(graph, Route(tuple(chain)), message)

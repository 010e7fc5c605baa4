"""What every contract rule shares: its contracts, their graph and modules, and findings.

Each contract is checked on the graph without the imports it ignores; the
modules it names are looked up there; a broken chain is told the same way by
every rule.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import ClassVar

from standards_lint.rule import ProjectFacts, ProjectRule
from standards_lint.rules.architecture.chains import Route
from standards_lint.rules.architecture.expressions import ImportExpression, has_wildcard
from standards_lint.rules.architecture.graph import ImportGraph, graph_for, without
from standards_lint.rules.architecture.imports import IMPORTS_FACT
from standards_lint.rules.architecture.options import ArchitectureOptions, Contract


class ContractError(ValueError):
    """A contract names what the project does not have: the run cannot judge it."""


def ignored_imports(graph: ImportGraph, contract: Contract) -> tuple[list[int], list[str]]:
    """The imports (edge keys) ``contract`` ignores, and the entries that match none."""
    removed: set[int] = set()
    unmatched: list[str] = []
    for entry in contract.ignore_imports:
        expression = ImportExpression.parse(entry)
        matched = [
            graph.edge(importer, imported)
            for importer in graph.matching(expression.importer.text)
            for imported in graph.imports[importer]
            if expression.imported.matches(graph.names[imported])
        ]
        if matched:
            removed.update(matched)
        elif entry not in unmatched:
            unmatched.append(entry)
    return sorted(removed), unmatched


def render_chain(graph: ImportGraph, chain: Sequence[int]) -> str:
    """``a.b:12 → a.c:3 → d``: each importer with the first line of its step."""
    steps = [
        f"{graph.names[importer]}:{graph.first_line(importer, imported)}"
        for importer, imported in pairwise(chain)
    ]
    return " → ".join([*steps, graph.names[chain[-1]]])


class ContractRule(ProjectRule[ArchitectureOptions]):
    """A rule that checks the contracts of one type; subclasses implement :meth:`check_contract`."""

    area = "architecture"
    facts = (IMPORTS_FACT,)
    contract_type: ClassVar[str]

    def check(self, project: ProjectFacts) -> None:
        """Check every contract of this rule's type.

        A contract naming modules the project lacks fails the run (exit 2),
        once the other contracts are checked.
        """
        contracts = [c for c in self.options.contracts if c.type == self.contract_type]
        if not contracts:
            return
        graph = graph_for(project, self.options)
        problems: list[str] = []
        for contract in contracts:
            removed, _ = ignored_imports(graph, contract)
            try:
                self.check_contract(contract, without(graph, removed))
            except ContractError as error:
                problems.append(f"contract {contract.name!r}: {error}")
        if problems:
            raise ContractError("; ".join(problems))

    def check_contract(self, contract: Contract, graph: ImportGraph) -> None:
        """Report every way ``contract`` is broken in ``graph`` (its ignored imports removed)."""
        raise NotImplementedError

    def report_route(self, graph: ImportGraph, route: Route, message: str) -> None:
        """One finding for ``route``, at the line of its first import.

        ``message`` says which contract it breaks and how; the chain, each step
        with its line, and any other modules that take the same way follow.
        """
        chain = route.chain
        text = f"{message}: {render_chain(graph, chain)}"
        if route.other_heads:
            entering = ", ".join(
                f"{graph.names[head]}:{graph.first_line(head, chain[1])}"
                for head in route.other_heads
            )
            text += f"; {graph.names[chain[1]]} is also imported from {entering}"
        if route.other_tails:
            leaving = ", ".join(graph.names[tail] for tail in route.other_tails)
            text += f"; {graph.names[chain[-2]]} also imports {leaving}"
        self.report(
            text,
            path=graph.paths[chain[0]],
            line=graph.first_line(chain[0], chain[1]),
            related=graph.files([*chain[1:], *route.other_heads, *route.other_tails]),
        )


def existing(graph: ImportGraph, name: str) -> bool:
    """Whether ``name`` is a module of the project (a file or a namespace package)."""
    number = graph.index.get(name)
    return number is not None and graph.internal[number]


def missing_module(graph: ImportGraph, name: str, key: str) -> ContractError:
    """The error for a module ``key`` names that the project does not have."""
    choices = [graph.names[m] for m in range(len(graph.names)) if graph.internal[m]]
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return ContractError(f"{key} names {name!r}, which is not a module of the project{hint}")


def modules_named(
    graph: ImportGraph, expressions: Iterable[str], key: str, *, must_exist: bool = True
) -> list[int]:
    """The modules the ``expressions`` of option ``key`` stand for, in name order.

    A plain name the project lacks is an error when ``must_exist``; a wildcard
    that matches nothing matches nothing.
    """
    found: set[int] = set()
    for expression in expressions:
        if has_wildcard(expression):
            found.update(m for m in graph.matching(expression) if graph.internal[m])
        elif existing(graph, expression):
            found.add(graph.index[expression])
        elif must_exist:
            raise missing_module(graph, expression, key)
    return sorted(found)

"""Cycles between the children of a package, and the fewest imports that would break them.

Each child of the package stands for itself and everything inside it; one
child depends on another through every import from the first into the second,
and the dependency weighs as many imports as there are. The children are put
in an order that most dependencies follow (the Eades, Lin and Smyth heuristic
for the minimum feedback arc set, as grimp's ``nominate_cycle_breakers`` does):
children nothing depends on first, children that depend on nothing last, the
rest by the weight of what they depend on less the weight of what depends on
them, ties by name. Every import that goes against that order is one to
remove; the package is acyclic without them.
"""

from __future__ import annotations

from collections import defaultdict

from standards_lint.rules.architecture.graph import ImportGraph


def _child_of(graph: ImportGraph, package: int) -> dict[int, int]:
    """Each module inside ``package``, mapped to the child of ``package`` that holds it."""
    owner: dict[int, int] = {}
    for child in graph.children(package):
        owner[child] = child
        for module in graph.descendants(child):
            owner[module] = child
    return owner


def child_dependencies(graph: ImportGraph, package: int) -> dict[tuple[int, int], list[int]]:
    """The imports (edge keys) from each child of ``package`` into each other child."""
    owner = _child_of(graph, package)
    found: dict[tuple[int, int], list[int]] = defaultdict(list)
    for importer, child in owner.items():
        for imported in graph.imports[importer]:
            target = owner.get(imported)
            if target is not None and target != child:
                found[(child, target)].append(graph.edge(importer, imported))
    return dict(found)


def _order(
    graph: ImportGraph, children: list[int], weights: dict[tuple[int, int], int]
) -> dict[int, int]:
    """Each child's position in an order that as much of the dependency weight follows."""
    outgoing: dict[int, set[int]] = {child: set() for child in children}
    incoming: dict[int, set[int]] = {child: set() for child in children}
    for importer, imported in weights:
        outgoing[importer].add(imported)
        incoming[imported].add(importer)

    def drop(child: int) -> None:
        for imported in outgoing.pop(child):
            incoming[imported].discard(child)
        for importer in incoming.pop(child):
            outgoing[importer].discard(child)

    first: list[int] = []
    while sources := [child for child in outgoing if not incoming[child]]:
        first.extend(sources)
        for child in sources:
            drop(child)
    last: list[int] = []
    while sinks := [child for child in outgoing if not outgoing[child]]:
        last[:0] = sinks
        for child in sinks:
            drop(child)
    middle: list[int] = []
    while outgoing:

        def balance(child: int) -> int:
            out = sum(weights[(child, imported)] for imported in outgoing[child])
            into = sum(weights[(importer, child)] for importer in incoming[child])
            return out - into

        chosen = min(outgoing, key=lambda child: (-balance(child), graph.names[child]))
        middle.append(chosen)
        drop(chosen)
    return {child: position for position, child in enumerate(first + middle + last)}


def cycle_breakers(graph: ImportGraph, package: int) -> dict[tuple[int, int], list[int]]:
    """The imports to remove to make the children of ``package`` acyclic, by child pair."""
    children = graph.children(package)
    if len(children) < 2:
        return {}
    dependencies = child_dependencies(graph, package)
    weights = {pair: len(keys) for pair, keys in dependencies.items()}
    position = _order(graph, children, weights)
    return {
        pair: keys
        for pair, keys in sorted(dependencies.items())
        if position[pair[1]] < position[pair[0]]
    }

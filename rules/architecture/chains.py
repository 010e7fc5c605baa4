"""Import chains: the shortest ones between two sets of modules, as import-linter finds them.

To find every way a contract is broken, the shortest chain is found, its
imports are set aside, and the search runs again, until no chain is left
(grimp's ``find_shortest_chains``). Each chain starts in the importing set
and ends in the imported set, and passes through neither on the way, so no
chain loops back through where it started. A chain never passes through an
excluded module (for layers, the modules of the other layers).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import pairwise

from standards_lint.rules.architecture.graph import ImportGraph


@dataclass(slots=True)
class _Search:
    """One search from both ends: what each side has reached, and through what."""

    graph: ImportGraph
    excluded: Collection[int]
    removed: Collection[int]
    forward: dict[int, int]
    backward: dict[int, int]

    def advance(self, frontier: list[int], forwards: bool) -> tuple[int | None, list[int]]:
        """Extend one side by a level; return where it met the other side, and its next level."""
        graph, excluded, removed = self.graph, self.excluded, self.removed
        count = len(graph.names)
        neighbours = graph.imports if forwards else graph.importers
        reached, other = (
            (self.forward, self.backward) if forwards else (self.backward, self.forward)
        )
        following: list[int] = []
        for module in frontier:
            for step in neighbours[module]:
                if forwards:
                    if step in excluded or module * count + step in removed:
                        continue
                elif module in excluded or step * count + module in removed:
                    continue
                if step not in reached:
                    reached[step] = module
                    following.append(step)
                if step in other:
                    return step, following
        return None, following

    def chain_through(self, meeting: int) -> list[int]:
        """The chain from a source to a target through ``meeting``."""
        chain = [meeting]
        while self.forward[chain[-1]] != -1:
            chain.append(self.forward[chain[-1]])
        chain.reverse()
        while self.backward[chain[-1]] != -1:
            chain.append(self.backward[chain[-1]])
        return chain


def shortest_chain(
    graph: ImportGraph,
    sources: Iterable[int],
    targets: Iterable[int],
    excluded: Collection[int] = (),
    removed: Collection[int] = (),
) -> list[int] | None:
    """The shortest chain of imports from a module of ``sources`` to one of ``targets``.

    A search from both ends, a level at a time, meeting in the middle: on a
    large graph this reads a small part of it. ``excluded`` modules are never
    stepped into; ``removed`` imports (edge keys) are never followed. Modules
    are tried in name order, so that among chains of one length the same one
    is found every time.
    """
    search = _Search(
        graph,
        excluded,
        removed,
        {module: -1 for module in sorted(sources)},
        {module: -1 for module in sorted(targets)},
    )
    ahead, behind = list(search.forward), list(search.backward)
    while ahead or behind:
        meeting, ahead = search.advance(ahead, True)
        if meeting is None:
            meeting, behind = search.advance(behind, False)
        if meeting is not None:
            return search.chain_through(meeting)
    return None


def shortest_chains(
    graph: ImportGraph,
    sources: Collection[int],
    targets: Collection[int],
    excluded: Collection[int] = (),
) -> list[list[int]]:
    """Every chain from ``sources`` to ``targets``, shortest first, no import in two of them."""
    chains: list[list[int]] = []
    removed: set[int] = set()
    while (chain := shortest_chain(graph, sources, targets, excluded, removed)) is not None:
        removed.update(graph.edge(a, b) for a, b in pairwise(chain))
        chains.append(chain)
    return chains


@dataclass(frozen=True, slots=True)
class Route:
    """A chain, with the other modules that enter its middle or leave it the same way.

    For a chain ``h -> m1 -> m2 -> t`` between two layers, ``other_heads`` are
    the other modules of the importing layer that import ``m1`` directly, and
    ``other_tails`` the other modules of the imported layer that ``m2`` imports:
    import-linter shows them with the chain, since they break the contract
    through the same middle.
    """

    chain: tuple[int, ...]
    other_heads: tuple[int, ...] = ()
    other_tails: tuple[int, ...] = ()


def routes(
    graph: ImportGraph, chains: list[list[int]], heads: set[int], tails: set[int]
) -> list[Route]:
    """The chains as routes: direct imports first, then one route per middle.

    Chains that share their middle (``h1 -> m -> t1`` and ``h2 -> m -> t2``)
    are one route, told from its first head to its first tail, with the
    others listed: one way through the code to cut, as import-linter shows it.
    """
    direct = [Route(tuple(chain)) for chain in chains if len(chain) == 2]
    through: dict[tuple[int, ...], Route] = {}
    for chain in chains:
        middle = tuple(chain[1:-1])
        if len(chain) == 2 or middle in through:
            continue
        entering = sorted(set(graph.importers[middle[0]]) & heads)
        leaving = sorted(set(graph.imports[middle[-1]]) & tails)
        through[middle] = Route(
            (entering[0], *middle, leaving[0]), tuple(entering[1:]), tuple(leaving[1:])
        )
    return direct + list(through.values())


def within(module: str, prefix: str) -> bool:
    """Whether ``module`` is ``prefix`` or inside it."""
    return module == prefix or module.startswith(prefix + ".")

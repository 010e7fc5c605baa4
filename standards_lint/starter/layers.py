"""A layers contract that today's imports keep: the top package's children, ordered downward.

The architecture area's own import facts and graph are used, so the starter
sees the imports exactly as the contract will. The children of the largest
top-level package are ranked so that every chain of imports between them goes
from a higher layer to a lower one: children that reach each other (a cycle)
share a layer as ``a : b``; others with the same rank share it as ``a | b``,
independent siblings that today import neither each other nor anything that
leads to the other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from standards_lint.config import Standards
from standards_lint.engine.discover import find_files
from standards_lint.rule import ProjectFacts
from standards_lint.rules.architecture.graph import ImportGraph, build_graph
from standards_lint.rules.architecture.imports import IMPORTS_FACT, collect_imports
from standards_lint.rules.architecture.options import ArchitectureOptions
from standards_lint.source import SourceFile

#: Fewer layers than this make no contract worth writing.
MIN_LAYERS: Final = 2


@dataclass(frozen=True, slots=True)
class Layering:
    """The layers of ``container``, highest first, each a list of sibling names."""

    container: str
    layers: tuple[tuple[str, ...], ...]
    #: Whether each layer's siblings are independent (``|``) rather than a cycle (``:``).
    independent: tuple[bool, ...]

    def entries(self) -> tuple[str, ...]:
        """The ``layers`` option's entries: ``"a | b"`` or ``"a : b"`` for shared layers."""
        return tuple(
            (" | " if apart else " : ").join(names)
            for names, apart in zip(self.layers, self.independent, strict=True)
        )


def import_graph(target: Path, standards: Standards) -> ImportGraph:
    """The import graph of the files ``standards`` check under ``target``."""
    options: ArchitectureOptions = standards.areas["architecture"]
    root = standards.root
    files: dict[str, Mapping[str, object]] = {}
    root_paths: dict[str, str] = {}
    for path in find_files([target.resolve()], standards).files:
        try:
            text = path.read_text(encoding="utf-8")
            relative = path.relative_to(root).as_posix()
            imports = collect_imports(SourceFile(relative, text), options)
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
            continue
        files[relative] = {IMPORTS_FACT: imports}
        root_paths[relative] = relative
    project = ProjectFacts(files, None, root_paths, root=str(root))
    return build_graph(project, options)


def _reach(graph: ImportGraph, start: int) -> set[int]:
    """Every internal module a chain of imports leads to from ``start``."""
    seen = {start}
    todo = [start]
    while todo:
        for imported in graph.imports[todo.pop()]:
            if graph.internal[imported] and imported not in seen:
                seen.add(imported)
                todo.append(imported)
    return seen


def _largest_package(graph: ImportGraph) -> int | None:
    """The top-level package with the most modules, if it has children to layer."""
    tops = [number for number, name in enumerate(graph.names) if name in graph.roots]
    ranked = sorted(tops, key=lambda top: (-len(graph.descendants(top)), graph.names[top]))
    return next((top for top in ranked if len(graph.children(top)) >= MIN_LAYERS), None)


def _reaches(graph: ImportGraph, children: Sequence[int]) -> dict[int, set[int]]:
    """For each child, the other children that a chain of imports from inside it leads into."""
    owner = {module: child for child in children for module in graph.with_descendants(child)}
    reaches: dict[int, set[int]] = {}
    for child in children:
        found: set[int] = set()
        for module in graph.with_descendants(child):
            found.update(owner[m] for m in _reach(graph, module) if m in owner)
        found.discard(child)
        reaches[child] = found
    return reaches


def _ranks(reaches: Mapping[int, set[int]]) -> dict[int, int]:
    """Each child's rank: one above the highest it reaches outside its cycle (0: none)."""
    cycle = {
        child: {other for other in reaches[child] if child in reaches[other]} for child in reaches
    }
    ranks: dict[int, int] = {}

    def rank(child: int) -> int:
        if child not in ranks:
            below = [other for other in reaches[child] if other not in cycle[child]]
            ranks[child] = 1 + max((rank(other) for other in below), default=-1)
            for member in cycle[child]:
                ranks[member] = ranks[child]
        return ranks[child]

    for child in sorted(reaches):
        rank(child)
    return ranks


def find_layering(graph: ImportGraph) -> Layering | None:
    """The layers of the largest top-level package that today's imports keep, or None."""
    top = _largest_package(graph)
    if top is None:
        return None
    children = graph.children(top)
    reaches = _reaches(graph, children)
    ranks = _ranks(reaches)
    levels = sorted(set(ranks.values()), reverse=True)
    if len(levels) < MIN_LAYERS:
        return None
    prefix = len(graph.names[top]) + 1
    layers = []
    independent = []
    for level in levels:
        members = sorted(child for child in children if ranks[child] == level)
        layers.append(tuple(graph.names[child][prefix:] for child in members))
        independent.append(not any(reaches[child] & set(members) for child in members))
    return Layering(graph.names[top], tuple(layers), tuple(independent))


def describe(layering: Layering) -> str:
    """The comment above the contract: what it holds and how it was found."""
    text = (
        f"The layers of {layering.container} as today's imports keep them, highest first:"
        "\nevery import, direct or through other modules, goes from a layer to one below it."
        "\nSiblings joined with `|` import neither each other nor anything that leads to"
        "\nthe other."
    )
    if not all(layering.independent):
        text += "\nSiblings joined with `:` import each other today (a cycle), and may go on."
    return text

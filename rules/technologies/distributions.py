"""Which distribution provides which top-level module, from metadata and the team's map.

The environment's metadata (``importlib.metadata.packages_distributions()``,
built from each installed distribution's ``top_level.txt`` or its file list)
is read once per run, only when a rule of this area needs it. Two fallbacks
cover what it cannot say:

- a distribution that is not installed is taken to provide the module named
  like it, normalised (``foo-bar`` provides ``foo_bar``), as pip users expect
  and deptry assumes;
- ``package-module-map`` names a distribution's modules by hand and replaces
  what the metadata says about it (``PyYAML`` provides ``yaml``).

Nothing here imports or locates the modules themselves: the linted code is
never imported, and the tool's own ``sys.path`` is not the project's.
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
import sys
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from standards_lint.rules.technologies.requirements import canonical_name

#: Reads the environment: top-level module name to the names of the
#: distributions that provide it. A parameter, so tests can give a fake one.
MetadataReader = Callable[[], Mapping[str, list[str]]]


def installed_modules() -> Mapping[str, list[str]]:
    """The running environment's top-level modules and their distributions.

    Reading every distribution's metadata takes a fifth of a second, and up to
    seven rules ask in one run; so the answer is kept while the folders on
    ``sys.path`` are unchanged (installing or removing a distribution changes
    its folder's modification time).
    """
    return _installed_modules(_path_state())


def _path_state() -> tuple[tuple[str, int], ...]:
    state = []
    for entry in sys.path:
        try:
            state.append((entry, os.stat(entry or ".").st_mtime_ns))
        except OSError:
            state.append((entry, -1))
    return tuple(state)


@functools.lru_cache(maxsize=1)
def _installed_modules(path_state: tuple[tuple[str, int], ...]) -> Mapping[str, list[str]]:
    return types.MappingProxyType(importlib.metadata.packages_distributions())


@dataclass(frozen=True)
class DistributionIndex:
    """Top-level modules and the distributions that provide them, both ways.

    Distribution names are kept as the metadata spells them (for messages) and
    compared in their canonical form.
    """

    #: Top-level module to canonical names of the distributions providing it.
    providers: Mapping[str, frozenset[str]]
    #: Canonical name of every known distribution to its top-level modules.
    modules: Mapping[str, frozenset[str]]
    #: Canonical name to the name as the metadata (or the map) spells it.
    spelling: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls, installed: Mapping[str, Iterable[str]], by_hand: Mapping[str, Iterable[str]]
    ) -> DistributionIndex:
        """Join the environment's metadata with ``package-module-map`` (which wins)."""
        mapped = {canonical_name(name): frozenset(names) for name, names in by_hand.items()}
        modules: dict[str, set[str]] = {}
        spelling = {canonical_name(name): name for name in by_hand}
        for module, distributions in installed.items():
            for distribution in distributions:
                canonical = canonical_name(distribution)
                spelling.setdefault(canonical, distribution)
                if canonical not in mapped:
                    modules.setdefault(canonical, set()).add(module)
        every = {name: frozenset(found) for name, found in modules.items()} | mapped
        providers: dict[str, set[str]] = {}
        for canonical, provided in every.items():
            for module in provided:
                providers.setdefault(module, set()).add(canonical)
        return cls(
            providers={module: frozenset(names) for module, names in providers.items()},
            modules=every,
            spelling=spelling,
        )

    def is_installed(self, distribution: str) -> bool:
        """Whether the metadata (or the map) knows ``distribution``."""
        return canonical_name(distribution) in self.modules

    def distributions_of(self, module: str) -> frozenset[str]:
        """Canonical names of the known distributions that provide top-level ``module``.

        A known distribution named like the module counts too, as deptry counts
        it: its metadata is found by the module's name.
        """
        named_alike = canonical_name(module)
        alike = {named_alike} if named_alike in self.modules else set()
        return self.providers.get(module, frozenset()) | alike

    def modules_of(self, distribution: str) -> frozenset[str]:
        """The top-level modules ``distribution`` provides (by its name if unknown)."""
        canonical = canonical_name(distribution)
        known = self.modules.get(canonical)
        if known is not None:
            return known
        return frozenset({canonical.replace("-", "_")})

    def provides(self, distribution: str, module: str) -> bool:
        """Whether ``distribution`` provides top-level ``module``."""
        canonical = canonical_name(distribution)
        return module in self.modules_of(distribution) or canonical_name(module) == canonical

    def shown(self, canonical: str) -> str:
        """A distribution's name as its metadata spells it."""
        return self.spelling.get(canonical, canonical)

    def judged_as(self, module: str) -> frozenset[str]:
        """The distributions an import of ``module`` is judged as, for allow- and deny-lists.

        Those that provide it; when none is known, the module's own name
        normalised (``import foo_bar`` is judged as ``foo-bar``).
        """
        return self.distributions_of(module) or frozenset({canonical_name(module)})

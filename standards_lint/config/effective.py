"""The standards as they apply to one path, once ``[[overrides]]`` are applied."""

from __future__ import annotations

import dataclasses
import os
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from standards_lint.config.standards import Standards, default_areas
from standards_lint.engine_rules import TOOL_RULES
from standards_lint.model import Severity

if TYPE_CHECKING:
    import pathspec
else:
    from standards_lint.lazy_pathspec import pathspec

ALWAYS_SELECTED = frozenset(rule.code for rule in TOOL_RULES if rule.always_selected)


@dataclass(frozen=True, slots=True)
class EffectiveStandards:
    """Which rules run on a path, at which severity, with which area options.

    ``key`` names the overrides that matched; paths with the same key share
    one instance.
    """

    key: tuple[int, ...]
    codes: frozenset[str]
    severity: Mapping[str, Severity]
    areas: Mapping[str, Any]


def _specificity(selector: str, standards: Standards) -> int:
    registry = standards.registry
    if registry.knows_rule(selector):
        return 1000
    if selector == "ALL":
        return 0
    if selector in registry.areas:
        return 1
    return 1 + len(selector)


class StandardsResolver:
    """Answers "what applies to this path?" quickly, remembering each combination."""

    def __init__(self, standards: Standards) -> None:
        self.standards = standards
        self._specs = [
            pathspec.GitIgnoreSpec.from_lines(override.paths) for override in standards.overrides
        ]
        self._cache: dict[tuple[int, ...], EffectiveStandards] = {}
        self._root_prefix = os.path.join(standards.root, "")

    def relative(self, path: Path) -> str:
        """``path`` relative to the standards' root, with ``/`` (absolute if outside it)."""
        # Discovered paths are already resolved; resolving costs system calls.
        absolute = path if path.is_absolute() else path.resolve()
        # Most paths are below the root: cut the root off the string, which
        # is what relative_to does, without building a path.
        text = str(absolute)
        if text.startswith(self._root_prefix):
            return text[len(self._root_prefix) :].replace(os.sep, "/")
        try:
            return absolute.relative_to(self.standards.root).as_posix()
        except ValueError:
            return absolute.as_posix()

    def for_path(self, path: Path) -> EffectiveStandards:
        """The effective standards for ``path``."""
        relative = self.relative(path)
        key = tuple(index for index, spec in enumerate(self._specs) if spec.match_file(relative))
        return self.for_key(key)

    def for_key(self, key: tuple[int, ...]) -> EffectiveStandards:
        """The effective standards when exactly the overrides in ``key`` match."""
        found = self._cache.get(key)
        if found is None:
            found = self._compute(key)
            self._cache[key] = found
        return found

    @property
    def top_level(self) -> EffectiveStandards:
        """The standards with no override applied."""
        return self.for_key(())

    def selectable_codes(self) -> set[str]:
        """Every code that some file may be checked with (a superset of each one's selection).

        The top level's selection, and whatever an override selects; the
        rules' classes are not needed, so a deferred rule is not imported.
        """
        standards = self.standards
        registry = standards.registry
        base = registry.default_selection() if standards.select is None else set()
        codes = self._apply_selectors(
            base | ALWAYS_SELECTED, standards.select or (), standards.ignore
        )
        for override in standards.overrides:
            if override.starts_over and not override.own_selection:
                codes |= registry.default_selection()
            codes |= self._apply_selectors(set(), override.select, ())
        return codes

    def _compute(self, key: tuple[int, ...]) -> EffectiveStandards:
        standards = self.standards
        registry = standards.registry
        base = registry.default_selection() if standards.select is None else set()
        codes = self._apply_selectors(
            base | ALWAYS_SELECTED, standards.select or (), standards.ignore
        )
        areas = dict(standards.areas)
        severity_maps = [standards.severity]
        for index in key:
            override = standards.overrides[index]
            if override.starts_over:
                # A nested project: nothing that applied above reaches its subtree.
                fresh = set() if override.own_selection else registry.default_selection()
                codes = fresh | ALWAYS_SELECTED
                areas = default_areas(registry)
                severity_maps = []
            codes = self._apply_selectors(codes, override.select, override.ignore)
            severity_maps.append(override.severity)
            for name, changes in override.areas.items():
                areas[name] = _apply(areas[name], changes, registry.areas[name].options)
        codes = self._apply_selectors(codes, (), standards.command_line_ignore)
        severity = {code: self._severity(code, severity_maps) for code in sorted(codes)}
        return EffectiveStandards(
            key=key,
            codes=frozenset(codes),
            severity=types.MappingProxyType(severity),
            areas=types.MappingProxyType(areas),
        )

    def _apply_selectors(
        self, codes: set[str], select: Iterable[str], ignore: Iterable[str]
    ) -> set[str]:
        """``codes`` after one level's ``select`` and ``ignore``.

        For each rule the most specific matching selector decides (a code or
        name over a prefix, a longer prefix over a shorter one, a prefix over
        an area, an area over ``ALL``); on a tie, ``ignore`` wins.
        """
        registry = self.standards.registry
        best: dict[str, tuple[int, bool]] = {}
        for selectors, enable in ((select, True), (ignore, False)):
            for selector in selectors:
                rank = _specificity(selector, self.standards)
                for code in registry.select(selector):
                    known = best.get(code)
                    if known is None or rank > known[0] or (rank == known[0] and not enable):
                        best[code] = (rank, enable)
        decided = set(codes)
        for code, (_, enable) in best.items():
            if enable:
                decided.add(code)
            else:
                decided.discard(code)
        return decided

    def _severity(self, code: str, maps: list[Mapping[str, Severity]]) -> Severity:
        registry = self.standards.registry
        chosen = registry.rules[code].severity
        for severities in maps:
            best = -1
            for selector, severity in severities.items():
                if code in registry.select(selector):
                    rank = _specificity(selector, self.standards)
                    if rank > best:
                        best, chosen = rank, severity
        return chosen


def _apply(options: Any, changes: Mapping[str, Any], options_type: type[Any]) -> Any:
    from standards_lint.config.values import build_options  # noqa: PLC0415

    updated, _ = build_options(options_type, changes, "override", base=options)
    return updated if dataclasses.is_dataclass(updated) else options

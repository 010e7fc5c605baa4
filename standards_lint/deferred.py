"""Deferred rule sets: known by their description, imported when first needed.

A pack's :class:`~standards_lint.rule.DeferredRules` describe an area's
rules (codes, names, whether each is on by default) and facts. The registry
keeps each set in a :class:`DeferredSet`, imported at most once, and serves
rules and facts through a :class:`LazyTable`, whose membership, length and
iteration import nothing. On import the set is checked against its
description; a set that fails to import, or does not match, is a
:class:`~standards_lint.plugin_code.RegistryError` naming its pack.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, TypeVar

from standards_lint.plugin_code import FAILED, RegistryError, run_plugin_code
from standards_lint.rule import (
    Area,
    DeferredRules,
    Fact,
    ProjectRule,
    RuleEntry,
    RuleMeta,
    RulePack,
    import_source,
    toml_key,
)

_Value = TypeVar("_Value")


@dataclass(frozen=True, slots=True)
class ImportedRules:
    """What a :class:`DeferredRules` gave when imported."""

    rules: Mapping[str, type[RuleMeta]]
    facts: Mapping[str, Fact[Any]]


class DeferredSet:
    """One pack's :class:`DeferredRules`, imported at most once, when first needed."""

    def __init__(self, deferred: DeferredRules, origin: str) -> None:
        self.deferred = deferred
        self.origin = origin
        self._imported: ImportedRules | None = None
        self._problems: tuple[str, ...] = ()
        self._lock = threading.Lock()

    def load(self, areas: Mapping[str, Area], fact_names: Collection[str]) -> ImportedRules:
        """The rules and facts, imported now if not yet; raises :class:`RegistryError`."""
        with self._lock:
            if self._imported is None and not self._problems:
                problems: list[str] = []
                source = self.deferred.source
                loaded = run_plugin_code(
                    functools.partial(import_source, source), self.origin, problems
                )
                if loaded is not FAILED:
                    problems.extend(
                        f"{self.origin}: {problem}"
                        for problem in _mismatches(loaded, self.deferred, areas, fact_names)
                    )
                if problems:
                    self._problems = tuple(problems)
                else:
                    assert isinstance(loaded, RulePack)
                    self._imported = ImportedRules(
                        MappingProxyType({rule.code: rule for rule in loaded.rules}),
                        MappingProxyType({fact.name: fact for fact in loaded.facts}),
                    )
            if self._imported is None:
                raise RegistryError(self._problems)
            return self._imported


def _mismatches(
    loaded: object, deferred: DeferredRules, areas: Mapping[str, Area], fact_names: Collection[str]
) -> list[str]:
    """How the imported ``loaded`` differs from what ``deferred`` said it holds."""
    if not isinstance(loaded, RulePack):
        return [f"{deferred.source} is not a RulePack"]
    problems = []
    if loaded.areas or loaded.deferred:
        problems.append(f"{deferred.source} declares areas or deferred rules of its own")
    for rule in loaded.rules:
        if isinstance(rule, type) and issubclass(rule, RuleMeta):
            problems.extend(rule.check_metadata())
        else:
            problems.append(f"{deferred.source} holds {rule!r}, which is not a rule class")
    if problems:
        return problems  # what follows reads every rule's code, name and area
    for rule in loaded.rules:
        if rule.area != deferred.area:
            problems.append(f"{rule.__qualname__} ({rule.code}) is not of area {deferred.area!r}")
    described = set(deferred.rules)
    found = {RuleEntry(rule.code, rule.name, rule.enabled_by_default) for rule in loaded.rules}
    for entry in sorted(described - found, key=lambda entry: entry.code):
        problems.append(f"{deferred.source} has no rule {entry} as described")
    for entry in sorted(found - described, key=lambda entry: entry.code):
        problems.append(f"{deferred.source} has a rule not described: {entry}")
    if sorted(fact.name for fact in loaded.facts) != sorted(deferred.facts):
        problems.append(f"{deferred.source}'s facts are not the described {list(deferred.facts)}")
    if not problems:
        problems.extend(_rule_problems(loaded.rules, areas, fact_names))
    return problems


def _rule_problems(
    rules: Collection[type[RuleMeta]], areas: Mapping[str, Area], fact_names: Collection[str]
) -> list[str]:
    """Rules of unknown areas, needing unknown facts or reading unknown options."""
    return [*area_problems(rules, areas, fact_names), *option_problems(rules, areas)]


def area_problems(
    rules: Iterable[type[RuleMeta]], areas: Mapping[str, Area], fact_names: Collection[str]
) -> list[str]:
    """Rules that name an area not registered, or project rules needing unknown facts."""
    problems = []
    for rule in rules:
        if rule.area not in areas:
            problems.append(f"{rule.__qualname__} ({rule.code}) names unknown area {rule.area!r}")
        for fact in getattr(rule, "facts", ()):
            if issubclass(rule, ProjectRule) and fact not in fact_names:
                problems.append(f"{rule.__qualname__} ({rule.code}) needs unknown fact {fact!r}")
    return problems


def option_problems(rules: Iterable[type[RuleMeta]], areas: Mapping[str, Area]) -> list[str]:
    """Rules that say they read an option their area does not have."""
    problems: list[str] = []
    for rule in rules:
        area = areas.get(rule.area)
        if area is None or not dataclasses.is_dataclass(area.options):
            continue
        known = {toml_key(option.name) for option in dataclasses.fields(area.options)}
        problems.extend(
            f"{rule.__qualname__} ({rule.code}) reads unknown option {name!r} of [{rule.area}]"
            for name in rule.options_used
            if name not in known
        )
    return problems


class LazyTable(Mapping[str, _Value]):
    """Values by key; those of deferred sets are imported when first looked up.

    Membership, length and iteration never import anything.
    """

    def __init__(
        self,
        eager: Mapping[str, _Value],
        pending: Mapping[str, DeferredSet],
        part: Callable[[ImportedRules], Mapping[str, _Value]],
        load: Callable[[DeferredSet], ImportedRules],
    ) -> None:
        self.eager = MappingProxyType(dict(eager))
        self.pending = MappingProxyType(
            {key: deferred for key, deferred in pending.items() if key not in eager}
        )
        self._keys = (*self.eager, *self.pending)
        self._part = part
        self._load = load

    def __getitem__(self, key: str) -> _Value:
        if key in self.eager:
            return self.eager[key]
        return self._part(self._load(self.pending[key]))[key]

    def load(self, deferred: DeferredSet) -> ImportedRules:
        """Import ``deferred`` if not yet; raises :class:`RegistryError`."""
        return self._load(deferred)

    def __contains__(self, key: object) -> bool:
        return key in self.eager or key in self.pending

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __eq__(self, other: object) -> bool:
        # Without importing: the same values, and the same deferred sets.
        if isinstance(other, LazyTable):
            return self.eager == other.eager and self.pending == other.pending
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]


def eager_part(table: Mapping[str, _Value]) -> Mapping[str, _Value]:
    """The values of ``table`` that are not deferred (all of a plain mapping's)."""
    return table.eager if isinstance(table, LazyTable) else table


def pending_part(table: Mapping[str, object]) -> Mapping[str, DeferredSet]:
    """The deferred set of each deferred key of ``table`` (none of a plain mapping's)."""
    return table.pending if isinstance(table, LazyTable) else {}

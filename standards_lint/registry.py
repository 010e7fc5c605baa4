"""Where rules come from: entry-point rule packs and local plugin modules.

The built-in rules arrive the same way as a third-party pack: through the
``standards_lint.rules`` entry-point group. A module or file named in the
standards file's ``plugins`` is loaded too; it must define a ``RulePack``.

A pack's :class:`~standards_lint.rule.DeferredRules` are imported only when
a rule or fact of theirs is first asked for (:mod:`standards_lint.deferred`).
Loading a pack runs its code, contained (:mod:`standards_lint.plugin_code`).
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import importlib
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any, Final

from standards_lint.deferred import (
    DeferredSet,
    ImportedRules,
    LazyTable,
    area_problems,
    eager_part,
    option_problems,
    pending_part,
)
from standards_lint.engine_rules import TOOL_AREA, TOOL_RULES
from standards_lint.plugin_code import FAILED, RegistryError, run_plugin_code
from standards_lint.rule import (
    Area,
    DeferredRules,
    Fact,
    ProjectRule,
    Rule,
    RuleEntry,
    RuleMeta,
    RulePack,
)

ENTRY_POINT_GROUP: Final = "standards_lint.rules"
ALL: Final = "ALL"

def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Registry:
    """Every known rule, area and fact collector, by code and by name.

    Read-only once built (its mappings cannot be changed): the standards and
    every run share one. :func:`load_registry` builds it; a registry with
    more packs is a new one (:meth:`with_packs`).
    """

    #: Rule classes by code; a deferred rule's module is imported when it is looked up.
    rules: Mapping[str, type[RuleMeta]] = field(default_factory=_empty)
    areas: Mapping[str, Area] = field(default_factory=_empty)
    #: Fact collectors by name, imported when looked up as :attr:`rules` are.
    facts: Mapping[str, Fact[Any]] = field(default_factory=_empty)
    pack_fingerprints: tuple[str, ...] = ()
    #: Packs (``plugin 'x'``, ``entry point 'y' (...)``) that had problems, so
    #: their rules or areas may be missing: a selector the registry does not
    #: know may be one of theirs.
    incomplete: tuple[str, ...] = ()
    #: Each pack registered, with where it came from, in order.
    packs: tuple[tuple[RulePack, str], ...] = ()
    _by_name: Mapping[str, str] = field(default_factory=_empty)
    #: Every rule's area by code, known without importing a deferred rule.
    _area_of: Mapping[str, str] = field(default_factory=_empty)
    _off_by_default: frozenset[str] = frozenset()

    @property
    def fingerprint(self) -> str:
        """Changes whenever any pack's code or version changes."""
        return hashlib.sha256("\n".join(self.pack_fingerprints).encode()).hexdigest()

    def with_packs(self, packs: Iterable[RulePack], origin: str) -> Registry:
        """This registry and ``packs`` (from ``origin``); raises :class:`RegistryError`."""
        builder = RegistryBuilder.from_registry(self)
        problems: list[str] = []
        for pack in packs:
            builder.add_pack(pack, origin, problems)
        builder.check_areas(problems)
        builder.check_options_used(problems)
        if problems:
            raise RegistryError(problems)
        return builder.build()

    def find(self, code_or_name: str) -> type[RuleMeta] | None:
        """The rule with this code or kebab-case name (imported if it was deferred)."""
        code = self._by_name.get(code_or_name, code_or_name.upper())
        return self.rules.get(code)

    def knows_rule(self, code_or_name: str) -> bool:
        """Whether a rule has this code (in any case) or kebab-case name; imports nothing."""
        return code_or_name in self.rules or (
            self._by_name.get(code_or_name, code_or_name.upper()) in self.rules
        )

    def load(self, codes: Iterable[str]) -> list[str]:
        """Import the deferred rules among ``codes`` now, and the facts they read.

        Returns the problems of those that failed to import, so that they can
        be reported with the standards file's own.
        """
        rules, facts = self.rules, self.facts
        if not isinstance(rules, LazyTable) or not isinstance(facts, LazyTable):
            return []
        wanted = [rules.pending[code] for code in sorted(codes) if code in rules.pending]
        problems: list[str] = []
        for deferred in dict.fromkeys(wanted):
            try:
                imported = rules.load(deferred)
                # A project rule may read another set's facts (imports are architecture's).
                rules_of_set = imported.rules.values()
                read = {fact for rule in rules_of_set for fact in getattr(rule, "facts", ())}
                for fact in sorted(read & set(facts.pending)):
                    facts.load(facts.pending[fact])
            except RegistryError as error:
                problems.extend(error.problems)
        return list(dict.fromkeys(problems))

    def select(self, selector: str) -> set[str]:
        """Codes matched by ``selector``: ``ALL``, a code, a code prefix, a name or an area.

        Raises ``KeyError`` with a suggestion when nothing matches. Imports nothing.
        """
        if selector == ALL:
            return set(self.rules)
        if selector in self.areas:
            return {code for code, area in self._area_of.items() if area == selector}
        if selector in self._by_name:
            return {self._by_name[selector]}
        matched = {code for code in self.rules if code.startswith(selector.upper())}
        if matched and selector[:1].isalpha():
            return matched
        raise KeyError(self.unknown_selector_message(selector))

    def unknown_selector_message(self, selector: str) -> str:
        """A message for an unknown selector naming the closest valid one."""
        candidates = [*self.rules, *self._by_name, *self.areas, ALL]
        by_lower = {candidate.lower(): candidate for candidate in candidates}
        close = difflib.get_close_matches(selector.lower(), list(by_lower), n=1, cutoff=0.5)
        hint = f"; did you mean {by_lower[close[0]]!r}?" if close else ""
        return f"unknown rule, prefix or area {selector!r}{hint}"

    def default_selection(self) -> set[str]:
        """The codes that run when the standards file has no ``select``."""
        return {code for code in self.rules if code not in self._off_by_default}

    def per_file_rules(self, codes: Iterable[str]) -> list[type[Rule[Any]]]:
        """The per-file rule classes among ``codes``, in code order."""
        return [
            rule
            for code in sorted(codes)
            if isinstance(rule := self.rules[code], type) and issubclass(rule, Rule)
        ]

    def project_rules(self, codes: Iterable[str]) -> list[type[ProjectRule[Any]]]:
        """The project rule classes among ``codes``, in code order."""
        return [
            rule
            for code in sorted(codes)
            if isinstance(rule := self.rules[code], type) and issubclass(rule, ProjectRule)
        ]


class RegistryBuilder:
    """Collects rule packs into a :class:`Registry`, noting every conflict as a problem."""

    def __init__(self) -> None:
        self.rules: dict[str, type[RuleMeta]] = {}
        self.areas: dict[str, Area] = {}
        self.facts: dict[str, Fact[Any]] = {}
        self.pack_fingerprints: list[str] = []
        self.incomplete: list[str] = []
        self.packs: list[tuple[RulePack, str]] = []
        self._by_name: dict[str, str] = {}
        #: Deferred rules and facts, by code and by fact name.
        self.deferred_rules: dict[str, DeferredSet] = {}
        self.deferred_facts: dict[str, DeferredSet] = {}
        self._area_of: dict[str, str] = {}
        self._off_by_default: set[str] = set()

    @classmethod
    def with_tool_rules(cls, problems: list[str]) -> RegistryBuilder:
        """A builder that holds the tool's own rules and their area."""
        builder = cls()
        builder.areas[TOOL_AREA.name] = TOOL_AREA
        for tool_rule in TOOL_RULES:
            builder.add_rule(tool_rule, "standards-lint", problems)
        return builder

    @classmethod
    def from_registry(cls, registry: Registry) -> RegistryBuilder:
        """A builder that starts from everything ``registry`` holds."""
        builder = cls()
        builder.rules.update(eager_part(registry.rules))
        builder.deferred_rules.update(pending_part(registry.rules))
        builder.facts.update(eager_part(registry.facts))
        builder.deferred_facts.update(pending_part(registry.facts))
        builder.areas.update(registry.areas)
        builder.pack_fingerprints.extend(registry.pack_fingerprints)
        builder.incomplete.extend(registry.incomplete)
        builder.packs.extend(registry.packs)
        builder._by_name.update(registry._by_name)
        builder._area_of.update(registry._area_of)
        builder._off_by_default.update(registry._off_by_default)
        return builder

    def build(self) -> Registry:
        """The read-only registry of what was added."""
        areas = MappingProxyType(dict(self.areas))
        fact_names = frozenset([*self.facts, *self.deferred_facts])

        def load(deferred: DeferredSet) -> ImportedRules:
            return deferred.load(areas, fact_names)

        return Registry(
            rules=LazyTable(self.rules, self.deferred_rules, lambda got: got.rules, load),
            areas=areas,
            facts=LazyTable(self.facts, self.deferred_facts, lambda got: got.facts, load),
            pack_fingerprints=tuple(self.pack_fingerprints),
            incomplete=tuple(self.incomplete),
            packs=tuple(self.packs),
            _by_name=MappingProxyType(dict(self._by_name)),
            _area_of=MappingProxyType(dict(self._area_of)),
            _off_by_default=frozenset(self._off_by_default),
        )

    def add_pack(self, pack: RulePack, origin: str, problems: list[str]) -> None:
        """Register ``pack`` (from ``origin``), appending any conflicts to ``problems``.

        The same pack object reached twice (installed and also named in
        ``plugins``) is registered once.
        """
        if any(known is pack for known, _ in self.packs):
            return
        self.packs.append((pack, origin))
        for area in pack.areas:
            known = self.areas.get(area.name)
            if known is not None and known != area:
                problems.append(f"{origin}: area {area.name!r} is already defined")
                continue
            self.areas[area.name] = area
        for fact in pack.facts:
            self.facts[fact.name] = fact
            self.deferred_facts.pop(fact.name, None)
        for rule in pack.rules:
            self.add_rule(rule, origin, problems)
        for deferred in pack.deferred:
            self.add_deferred(deferred, origin, problems)
        self.pack_fingerprints.append(f"{origin}={pack.version}:{_source_hash(pack)}")

    def add_rule(self, rule: type[RuleMeta], origin: str, problems: list[str]) -> None:
        """Register one rule, unless its metadata is broken or its code or name is taken."""
        metadata_problems = rule.check_metadata()
        if metadata_problems:
            problems.extend(f"{origin}: {problem}" for problem in metadata_problems)
            return
        entry = RuleEntry(rule.code, rule.name, rule.enabled_by_default)
        if self._claim(entry, rule.__qualname__, origin, problems):
            self.rules[rule.code] = rule
            self._area_of[rule.code] = rule.area

    def add_deferred(self, deferred: DeferredRules, origin: str, problems: list[str]) -> None:
        """Register rules and facts to import when first needed, by their description."""
        deferred_set = DeferredSet(deferred, origin)
        for entry in deferred.rules:
            if self._claim(entry, f"{deferred.source} {entry.name}", origin, problems):
                self.deferred_rules[entry.code] = deferred_set
                self._area_of[entry.code] = deferred.area
        for name in deferred.facts:
            self.facts.pop(name, None)
            self.deferred_facts[name] = deferred_set

    def _claim(self, entry: RuleEntry, what: str, origin: str, problems: list[str]) -> bool:
        """Take ``entry``'s code and name for a rule, or note why they are taken."""
        if entry.code in self._area_of:
            known = self.rules.get(entry.code)
            other = known.__qualname__ if known is not None else self._name_of(entry.code)
            problems.append(f"{origin}: {what} reuses code {entry.code} of {other}")
            return False
        if entry.name in self._by_name:
            problems.append(f"{origin}: {what} reuses the name {entry.name!r}")
            return False
        self._by_name[entry.name] = entry.code
        if not entry.enabled_by_default:
            self._off_by_default.add(entry.code)
        return True

    def _name_of(self, code: str) -> str:
        return next(name for name, known in self._by_name.items() if known == code)

    def check_areas(self, problems: list[str]) -> None:
        """Every rule's area must be registered, and every project rule's facts."""
        fact_names = {*self.facts, *self.deferred_facts}
        problems.extend(area_problems(self.rules.values(), self.areas, fact_names))
        for deferred_set in dict.fromkeys(self.deferred_rules.values()):
            area = deferred_set.deferred.area
            if area not in self.areas:
                problems.append(
                    f"{deferred_set.origin}: {deferred_set.deferred.source} names unknown"
                    f" area {area!r}"
                )

    def check_options_used(self, problems: list[str]) -> None:
        """Every option a rule says it reads must exist in its area."""
        problems.extend(option_problems(self.rules.values(), self.areas))


@dataclass(frozen=True, slots=True)
class LoadedPacks:
    """Every rule pack that could be loaded, and what went wrong with the others.

    ``registry.incomplete`` names the packs that the ``problems`` concern.
    """

    registry: Registry
    problems: tuple[str, ...] = ()


def load_registry(plugins: Sequence[str] = (), root: Path | None = None) -> Registry:
    """Load the tool's own rules, every entry-point pack, and the local ``plugins``.

    A plugin is a module name importable from ``root`` (``team_rules``) or a
    path to a ``.py`` file or package directory relative to ``root``. Raises
    :class:`RegistryError` listing every problem; :func:`load_rule_packs`
    returns them instead.
    """
    loaded = load_rule_packs(plugins, root)
    if loaded.problems:
        raise RegistryError(loaded.problems)
    return loaded.registry


def load_rule_packs(plugins: Sequence[str] = (), root: Path | None = None) -> LoadedPacks:
    """Load what can be loaded, as :func:`load_registry` does, and report the rest.

    Never raises for a pack's own failure, whatever it raises; a user's
    Ctrl-C while a pack loads still interrupts (see the module's docstring).
    """
    problems: list[str] = []
    builder = RegistryBuilder.with_tool_rules(problems)
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        origin = f"entry point {entry_point.name!r} ({entry_point.value})"
        _add_packs_from(builder, origin, entry_point.load, problems)
    for plugin in plugins:
        load = functools.partial(_import_plugin, plugin, root or Path.cwd())
        _add_packs_from(builder, f"plugin {plugin!r}", load, problems)
    builder.check_areas(problems)
    builder.check_options_used(problems)
    return LoadedPacks(builder.build(), tuple(problems))


def _add_packs_from(
    registry: RegistryBuilder,
    origin: str,
    load: Callable[[], object],
    problems: list[str],
) -> None:
    """Run ``load`` (plugin code), then register the packs it gave."""
    known_problems = len(problems)
    loaded = run_plugin_code(load, origin, problems)
    if loaded is not FAILED:
        for pack in _packs_in(loaded, origin, problems):
            registry.add_pack(pack, origin, problems)
    if len(problems) > known_problems:
        registry.incomplete.append(origin)


def _packs_in(loaded: object, origin: str, problems: list[str]) -> Iterator[RulePack]:
    if isinstance(loaded, RulePack):
        yield loaded
        return
    if isinstance(loaded, ModuleType):
        packs = [value for value in vars(loaded).values() if isinstance(value, RulePack)]
        if packs:
            yield from packs
            return
    problems.append(f"{origin} does not define a RulePack")


def _import_plugin(plugin: str, root: Path) -> ModuleType:
    """Load a plugin: a path to a file or package, or a module name.

    A module name is looked for under ``root`` first (loaded by its path, so
    two projects with same-named plugins in one process each get their own),
    and otherwise imported as an installed module.
    """
    looks_like_path = plugin.endswith(".py") or "/" in plugin or "\\" in plugin
    if looks_like_path:
        location = (root / plugin).resolve()
        if not (location.is_file() or (location / "__init__.py").is_file()):
            raise FileNotFoundError(f"no such file or package: {location}")
        return _load_by_path(location)
    local = root.joinpath(*plugin.split("."))
    for candidate in (local.with_suffix(".py"), local):
        if candidate.is_file() or (candidate / "__init__.py").is_file():
            return _load_by_path(candidate.resolve())
    return importlib.import_module(plugin)


def _load_by_path(location: Path) -> ModuleType:
    """Load a ``.py`` file, or a package directory, under a name unique to its content."""
    is_package = location.is_dir()
    init = location / "__init__.py" if is_package else location
    # The name carries the plugin's content, so an edited plugin is loaded anew
    # in a process that already loaded its earlier version.
    content = hash_python_files([location] if is_package else [], [] if is_package else [init])
    module_name = f"standards_lint_plugin_{content}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(
        module_name, init, submodule_search_locations=[str(location)] if is_package else None
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {location}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


def _source_hash(pack: RulePack) -> str:
    """A hash of the source of every module beside those defining the pack's rules.

    Whole directories are hashed so that a change to a helper module next to a
    rule (not only to the rule's own module) is noticed.
    """
    directories: set[Path] = set()
    single_files: set[Path] = set()
    for item in [*pack.rules, *(fact.collect for fact in pack.facts)]:
        module = sys.modules.get(getattr(item, "__module__", ""))
        filename = getattr(module, "__file__", None)
        if not filename:
            continue
        if getattr(module, "__package__", ""):
            directories.add(Path(filename).parent)
        else:
            # A plugin that is a lone file: hash it alone, not its neighbours.
            single_files.add(Path(filename))
    for deferred in pack.deferred:
        # Found without importing the module itself (its package is imported).
        try:
            spec = importlib.util.find_spec(deferred.source.partition(":")[0])
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin:
            directories.add(Path(spec.origin).parent)
    return hash_python_files(sorted(directories), sorted(single_files))


def hash_python_files(directories: Iterable[Path], files: Iterable[Path] = ()) -> str:
    """A short hash of the names and contents of some Python files.

    They are ``files`` and the ``.py`` files directly in ``directories``.
    Every run computes it for the tool's own code, so directories are read
    with :func:`os.scandir` and files without buffering.
    """
    digest = hashlib.sha256()
    paths = [
        os.path.join(directory, name)
        for directory in directories
        for name in sorted(_python_files_in(str(directory)))
    ]
    for path in [*paths, *map(str, files)]:
        digest.update(path.encode())
        try:
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            continue
        try:
            while chunk := os.read(descriptor, 1 << 20):
                digest.update(chunk)
        except OSError:
            pass
        finally:
            os.close(descriptor)
    return digest.hexdigest()[:16]


def _python_files_in(directory: str) -> list[str]:
    """The names of the ``.py`` files in ``directory`` (none if it cannot be read)."""
    try:
        with os.scandir(directory) as entries:
            return [
                entry.name for entry in entries if entry.name.endswith(".py") and entry.is_file()
            ]
    except OSError:
        return []


__all__ = [
    "ALL",
    "ENTRY_POINT_GROUP",
    "LoadedPacks",
    "Registry",
    "RegistryBuilder",
    "RegistryError",
    "hash_python_files",
    "load_registry",
    "load_rule_packs",
]

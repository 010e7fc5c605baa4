"""Where rules come from: entry-point rule packs and local plugin modules.

The built-in rules arrive the same way as a third-party pack: through the
``standards_lint.rules`` entry-point group. A module or file named in the
standards file's ``plugins`` is loaded too; it must define a ``RulePack``.

Loading a pack runs its code. Whatever that code raises, ``SystemExit`` and
``KeyboardInterrupt`` included, is contained and reported as a problem naming
the pack, so a broken plugin can neither end the run nor hide the standards
file's other mistakes. The one exception is the user's own Ctrl-C: a SIGINT
that arrives while a pack loads is passed on to the handler that was in place.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import importlib
import importlib.util
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import FrameType, MappingProxyType, ModuleType
from typing import Any, Final

from standards_lint.engine_rules import TOOL_AREA, TOOL_RULES
from standards_lint.rule import Area, Fact, ProjectRule, Rule, RuleMeta, RulePack, toml_key

ENTRY_POINT_GROUP: Final = "standards_lint.rules"
ALL: Final = "ALL"

#: What ``_run_plugin_code`` gives for plugin code that raised (``None`` is a value it may return).
_FAILED: Final = object()


class RegistryError(Exception):
    """Rule packs could not be loaded; ``problems`` says what and where."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Registry:
    """Every known rule, area and fact collector, by code and by name.

    Read-only once built (its mappings cannot be changed): the standards and
    every run share one. :func:`load_registry` builds it; a registry with
    more packs is a new one (:meth:`with_packs`).
    """

    rules: Mapping[str, type[RuleMeta]] = field(default_factory=lambda: MappingProxyType({}))
    areas: Mapping[str, Area] = field(default_factory=lambda: MappingProxyType({}))
    facts: Mapping[str, Fact[Any]] = field(default_factory=lambda: MappingProxyType({}))
    pack_fingerprints: tuple[str, ...] = ()
    #: Packs (``plugin 'x'``, ``entry point 'y' (...)``) that had problems, so
    #: their rules or areas may be missing: a selector the registry does not
    #: know may be one of theirs.
    incomplete: tuple[str, ...] = ()
    #: Each pack registered, with where it came from, in order.
    packs: tuple[tuple[RulePack, str], ...] = ()
    _by_name: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

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
        """The rule with this code or kebab-case name."""
        code = self._by_name.get(code_or_name, code_or_name.upper())
        return self.rules.get(code)

    def select(self, selector: str) -> set[str]:
        """Codes matched by ``selector``: ``ALL``, a code, a code prefix, a name or an area.

        Raises ``KeyError`` with a suggestion when nothing matches.
        """
        if selector == ALL:
            return set(self.rules)
        if selector in self.areas:
            return {code for code, rule in self.rules.items() if rule.area == selector}
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
        return {code for code, rule in self.rules.items() if rule.enabled_by_default}

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
        builder.rules.update(registry.rules)
        builder.areas.update(registry.areas)
        builder.facts.update(registry.facts)
        builder.pack_fingerprints.extend(registry.pack_fingerprints)
        builder.incomplete.extend(registry.incomplete)
        builder.packs.extend(registry.packs)
        builder._by_name.update(registry._by_name)
        return builder

    def build(self) -> Registry:
        """The read-only registry of what was added."""
        return Registry(
            rules=MappingProxyType(dict(self.rules)),
            areas=MappingProxyType(dict(self.areas)),
            facts=MappingProxyType(dict(self.facts)),
            pack_fingerprints=tuple(self.pack_fingerprints),
            incomplete=tuple(self.incomplete),
            packs=tuple(self.packs),
            _by_name=MappingProxyType(dict(self._by_name)),
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
        for rule in pack.rules:
            self.add_rule(rule, origin, problems)
        self.pack_fingerprints.append(f"{origin}={pack.version}:{_source_hash(pack)}")

    def add_rule(self, rule: type[RuleMeta], origin: str, problems: list[str]) -> None:
        """Register one rule, unless its metadata is broken or its code or name is taken."""
        metadata_problems = rule.check_metadata()
        if metadata_problems:
            problems.extend(f"{origin}: {problem}" for problem in metadata_problems)
            return
        if rule.code in self.rules:
            other = self.rules[rule.code].__qualname__
            problems.append(f"{origin}: {rule.__qualname__} reuses code {rule.code} of {other}")
            return
        if rule.name in self._by_name:
            problems.append(f"{origin}: {rule.__qualname__} reuses the name {rule.name!r}")
            return
        self.rules[rule.code] = rule
        self._by_name[rule.name] = rule.code

    def check_areas(self, problems: list[str]) -> None:
        """Every rule's area must be registered, and every project rule's facts."""
        for rule in self.rules.values():
            if rule.area not in self.areas:
                problems.append(
                    f"{rule.__qualname__} ({rule.code}) names unknown area {rule.area!r}"
                )
            for fact in getattr(rule, "facts", ()):
                if issubclass(rule, ProjectRule) and fact not in self.facts:
                    problems.append(
                        f"{rule.__qualname__} ({rule.code}) needs unknown fact {fact!r}"
                    )

    def check_options_used(self, problems: list[str]) -> None:
        """Every option a rule says it reads must exist in its area."""
        for rule in self.rules.values():
            area = self.areas.get(rule.area)
            if area is None or not dataclasses.is_dataclass(area.options):
                continue
            known = {toml_key(field.name) for field in dataclasses.fields(area.options)}
            for name in rule.options_used:
                if name not in known:
                    problems.append(
                        f"{rule.__qualname__} ({rule.code}) reads unknown option {name!r}"
                        f" of [{rule.area}]"
                    )


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
    loaded = _run_plugin_code(load, origin, problems)
    if loaded is not _FAILED:
        for pack in _packs_in(loaded, origin, problems):
            registry.add_pack(pack, origin, problems)
    if len(problems) > known_problems:
        registry.incomplete.append(origin)


def _run_plugin_code(load: Callable[[], object], origin: str, problems: list[str]) -> object:
    """``load()``, or ``_FAILED`` with a problem naming ``origin`` if it raised anything at all.

    ``BaseException`` is caught on purpose: a pack that calls ``sys.exit`` or
    raises ``KeyboardInterrupt`` at import must not end the run with its own
    exit code and no message. Only a real SIGINT from the user is passed on.
    """
    watch = _InterruptWatch()
    failure: BaseException | None
    with watch:
        try:
            loaded = load()
        except BaseException as error:  # noqa: BLE001 - plugin code is contained, see above
            failure = error
        else:
            failure = None
    if watch.pressed:
        watch.pass_on()
    if failure is None:
        return loaded
    message = str(failure)
    problems.append(
        f"{origin} failed to load: {type(failure).__name__}" + (f": {message}" if message else "")
    )
    return _FAILED


class _InterruptWatch:
    """Tells the user's Ctrl-C apart from a ``KeyboardInterrupt`` that plugin code raises.

    While active (in the main thread, where Python delivers signals), SIGINT
    is caught by a handler that remembers it arrived; ``pass_on`` then gives
    it to the handler that was in place before, as if the watch had not been
    there. Outside the main thread no SIGINT can reach the plugin code, so any
    ``KeyboardInterrupt`` there is the plugin's own.
    """

    def __init__(self) -> None:
        self.pressed = False
        self._previous: Callable[[int, FrameType | None], Any] | None = None

    def __enter__(self) -> _InterruptWatch:
        if threading.current_thread() is threading.main_thread():
            previous = signal.getsignal(signal.SIGINT)
            # SIG_IGN and SIG_DFL are not callable: then Python raises no
            # KeyboardInterrupt for a SIGINT, and there is nothing to tell apart.
            if callable(previous):
                self._previous = previous
                signal.signal(signal.SIGINT, self._remember)
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Also undoes any SIGINT handler the plugin code installed.
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _remember(self, signum: int, frame: FrameType | None) -> None:
        self.pressed = True
        raise KeyboardInterrupt

    def pass_on(self) -> None:
        """Deliver the remembered SIGINT to the previous handler (which normally raises)."""
        if self._previous is not None:
            self._previous(signal.SIGINT, None)
        raise KeyboardInterrupt


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
    return hash_python_files(sorted(directories), sorted(single_files))


def hash_python_files(directories: Iterable[Path], files: Iterable[Path] = ()) -> str:
    """A short hash of the names and contents of some Python files.

    They are ``files`` and the ``.py`` files directly in ``directories``.
    """
    digest = hashlib.sha256()
    paths = [path for directory in directories for path in sorted(directory.glob("*.py"))]
    for path in [*paths, *files]:
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            continue
    return digest.hexdigest()[:16]

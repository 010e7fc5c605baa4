"""Where rules come from: entry-point rule packs and local plugin modules.

The built-in rules arrive the same way as a third-party pack: through the
``standards_lint.rules`` entry-point group. A module or file named in the
standards file's ``plugins`` is loaded too; it must define a ``RulePack``.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import importlib
import importlib.util
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any, Final

from standards_lint.rule import Area, Fact, ProjectRule, Rule, RuleMeta, RulePack, toml_key
from standards_lint.tool_rules import TOOL_AREA, TOOL_RULES

ENTRY_POINT_GROUP: Final = "standards_lint.rules"
ALL: Final = "ALL"


class RegistryError(Exception):
    """Rule packs could not be loaded; ``problems`` says what and where."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass
class Registry:
    """Every known rule, area and fact collector, by code and by name."""

    rules: dict[str, type[RuleMeta]] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    facts: dict[str, Fact[Any]] = field(default_factory=dict)
    pack_fingerprints: list[str] = field(default_factory=list)
    _by_name: dict[str, str] = field(default_factory=dict)
    _packs: list[RulePack] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Changes whenever any pack's code or version changes."""
        return hashlib.sha256("\n".join(self.pack_fingerprints).encode()).hexdigest()

    def add_pack(self, pack: RulePack, origin: str, problems: list[str]) -> None:
        """Register ``pack`` (from ``origin``), appending any conflicts to ``problems``.

        The same pack object reached twice (installed and also named in
        ``plugins``) is registered once.
        """
        if any(known is pack for known in self._packs):
            return
        self._packs.append(pack)
        for area in pack.areas:
            known = self.areas.get(area.name)
            if known is not None and known != area:
                problems.append(f"{origin}: area {area.name!r} is already defined")
                continue
            self.areas[area.name] = area
        for fact in pack.facts:
            self.facts[fact.name] = fact
        for rule in pack.rules:
            self._add_rule(rule, origin, problems)
        self.pack_fingerprints.append(f"{origin}={pack.version}:{_source_hash(pack)}")

    def _add_rule(self, rule: type[RuleMeta], origin: str, problems: list[str]) -> None:
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


def load_registry(plugins: Sequence[str] = (), root: Path | None = None) -> Registry:
    """Load the tool's own rules, every entry-point pack, and the local ``plugins``.

    A plugin is a module name importable from ``root`` (``team_rules``) or a
    path to a ``.py`` file or package directory relative to ``root``.
    """
    registry = Registry()
    problems: list[str] = []
    registry.areas[TOOL_AREA.name] = TOOL_AREA
    for tool_rule in TOOL_RULES:
        registry._add_rule(tool_rule, "standards-lint", problems)
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        origin = f"entry point {entry_point.name!r} ({entry_point.value})"
        try:
            loaded = entry_point.load()
        except Exception as error:  # noqa: BLE001 - a broken pack is reported, not raised
            problems.append(f"{origin} failed to load: {type(error).__name__}: {error}")
            continue
        for pack in _packs_in(loaded, origin, problems):
            registry.add_pack(pack, origin, problems)
    for plugin in plugins:
        origin = f"plugin {plugin!r}"
        try:
            module = _import_plugin(plugin, root or Path.cwd())
        except Exception as error:  # noqa: BLE001 - a broken plugin is reported, not raised
            problems.append(f"{origin} failed to load: {type(error).__name__}: {error}")
            continue
        for pack in _packs_in(module, origin, problems):
            registry.add_pack(pack, origin, problems)
    registry.check_areas(problems)
    registry.check_options_used(problems)
    if problems:
        raise RegistryError(problems)
    return registry


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

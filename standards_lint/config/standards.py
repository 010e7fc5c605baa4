"""The standards, read and validated: one frozen object the rest of the tool uses."""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from standards_lint.config.discovery import find_standards_file, read_standards_table
from standards_lint.config.errors import ConfigError, unknown_key
from standards_lint.config.values import ValueProblem, build_options, convert
from standards_lint.model import Severity
from standards_lint.registry import Registry, RegistryError, load_registry

DEFAULT_INCLUDE: Final = ("*.py", "*.pyi")
DEFAULT_EXCLUDE: Final = (
    ".git/",
    ".hg/",
    ".venv/",
    "venv/",
    ".tox/",
    ".nox/",
    ".eggs/",
    "*.egg-info/",
    "__pycache__/",
    "build/",
    "dist/",
    "node_modules/",
    ".mypy_cache/",
    ".pytest_cache/",
    ".ruff_cache/",
    ".standards-lint-cache/",
)
DEFAULT_CACHE_DIR: Final = ".standards-lint-cache"


@dataclass(frozen=True, slots=True)
class Override:
    """Standards that apply instead, to files matching ``paths`` (gitignore-style)."""

    paths: tuple[str, ...]
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    areas: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Standards:
    """A team's standards, validated, with every default filled in.

    ``root`` is the directory of the standards file (or the working
    directory when there is none); path patterns are relative to it.
    ``areas`` holds each area's options instance by area name.
    """

    root: Path
    path: Path | None
    registry: Registry
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    require_suppression_reason: bool = False
    cache_dir: str = DEFAULT_CACHE_DIR
    areas: Mapping[str, Any] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    #: ``--ignore`` from the command line: applied last, over the file and its overrides.
    command_line_ignore: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _TopLevelKey:
    annotation: Any
    doc: str


TOP_LEVEL_KEYS: Final[Mapping[str, _TopLevelKey]] = types.MappingProxyType(
    {
        "include": _TopLevelKey(tuple[str, ...], "gitignore-style patterns of files to check"),
        "exclude": _TopLevelKey(tuple[str, ...], "gitignore-style patterns of files to skip"),
        "respect-gitignore": _TopLevelKey(bool, "also skip what .gitignore files ignore"),
        "select": _TopLevelKey(tuple[str, ...], "rules to run: codes, prefixes, names, areas, ALL"),
        "ignore": _TopLevelKey(tuple[str, ...], "rules not to run, in the same forms as select"),
        "plugins": _TopLevelKey(tuple[str, ...], "local modules or files that define a RulePack"),
        "severity": _TopLevelKey(dict[str, str], "severity by code, prefix, name or area"),
        "require-suppression-reason": _TopLevelKey(bool, "suppressions must give a reason"),
        "cache-dir": _TopLevelKey(str, "where per-file results are cached"),
        "overrides": _TopLevelKey(list, "per-path select, ignore, severity and area options"),
        "extends": _TopLevelKey(str, "a standards file whose settings this one builds on"),
    }
)
OVERRIDE_KEYS: Final = ("paths", "select", "ignore", "severity")


def load_standards(
    config: Path | None = None,
    *,
    start: Path | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> Standards:
    """Find (or use ``config``), read and validate the standards.

    ``select`` and ``ignore`` come from the command line: ``select`` replaces
    the file's selection, ``ignore`` adds to it. Raises :class:`ConfigError`
    listing every problem at once.
    """
    path = config if config is not None else find_standards_file(start or Path.cwd())
    if config is not None and not config.is_file():
        raise ConfigError([f"{config}: no such standards file"])
    table: dict[str, Any] = _read_with_extends(path, set()) if path is not None else {}
    root = path.parent.resolve() if path is not None else (start or Path.cwd()).resolve()
    where = str(path) if path is not None else "standards"
    problems: list[str] = []
    plugins = _typed(table, "plugins", where, problems) or ()
    try:
        registry = load_registry(plugins, root)
    except RegistryError as error:
        raise ConfigError(error.problems) from None
    standards = _parse(table, where, root, path, registry, problems)
    if select is not None:
        standards = _replace(
            standards, select=_selectors(list(select), registry, "--select", problems)
        )
    if ignore:
        extra = _selectors(list(ignore), registry, "--ignore", problems)
        standards = _replace(standards, command_line_ignore=extra)
    if problems:
        raise ConfigError(problems)
    return standards


def _replace(standards: Standards, **changes: Any) -> Standards:
    import dataclasses  # noqa: PLC0415

    return dataclasses.replace(standards, **changes)


def _read_with_extends(path: Path, seen: set[Path]) -> dict[str, Any]:
    resolved = path.resolve()
    if resolved in seen:
        raise ConfigError([f"{path}: `extends` makes a cycle back to this file"])
    seen.add(resolved)
    table = read_standards_table(path)
    base_name = table.pop("extends", None)
    if base_name is None:
        return table
    if not isinstance(base_name, str):
        raise ConfigError([f"{path}: extends: expected a string, got {type(base_name).__name__}"])
    base_path = path.parent / base_name
    if not base_path.is_file():
        raise ConfigError([f"{path}: extends: no such file {base_path}"])
    return _merge(_read_with_extends(base_path, seen), table)


def _merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _typed(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> Any:
    if key not in table:
        return None
    try:
        return convert(table[key], TOP_LEVEL_KEYS[key].annotation, f"{where}: {key}")
    except ValueProblem as problem:
        problems.append(str(problem))
        return None


def _parse(
    table: Mapping[str, Any],
    where: str,
    root: Path,
    path: Path | None,
    registry: Registry,
    problems: list[str],
) -> Standards:
    for key in table:
        if key not in TOP_LEVEL_KEYS and key not in registry.areas:
            problems.append(unknown_key(where, key, [*TOP_LEVEL_KEYS, *registry.areas]))
    areas: dict[str, Any] = {}
    for name, area in registry.areas.items():
        section = table.get(name, {})
        if not isinstance(section, dict):
            problems.append(f"{where}: [{name}] must be a table")
            section = {}
        options, found = build_options(area.options, section, f"{where}: [{name}]")
        problems.extend(found)
        areas[name] = options
    select = _typed(table, "select", where, problems)
    ignore = _typed(table, "ignore", where, problems) or ()
    return Standards(
        root=root,
        path=path,
        registry=registry,
        include=_typed(table, "include", where, problems) or DEFAULT_INCLUDE,
        exclude=_typed(table, "exclude", where, problems) or (),
        respect_gitignore=_flag(table, "respect-gitignore", True, where, problems),
        select=None
        if select is None
        else _selectors(list(select), registry, f"{where}: select", problems),
        ignore=_selectors(list(ignore), registry, f"{where}: ignore", problems),
        plugins=_typed(table, "plugins", where, []) or (),
        severity=_severities(table.get("severity", {}), registry, f"{where}: [severity]", problems),
        require_suppression_reason=_flag(
            table, "require-suppression-reason", False, where, problems
        ),
        cache_dir=_typed(table, "cache-dir", where, problems) or DEFAULT_CACHE_DIR,
        areas=types.MappingProxyType(areas),
        overrides=_overrides(table.get("overrides", []), registry, areas, where, problems),
    )


def _flag(
    table: Mapping[str, Any], key: str, default: bool, where: str, problems: list[str]
) -> bool:
    value = _typed(table, key, where, problems)
    return default if value is None else bool(value)


def _selectors(
    selectors: list[str], registry: Registry, where: str, problems: list[str]
) -> tuple[str, ...]:
    valid = []
    for selector in selectors:
        try:
            registry.select(selector)
        except KeyError as error:
            problems.append(f"{where}: {error.args[0]}")
            continue
        valid.append(selector)
    return tuple(valid)


def _severities(
    table: Any, registry: Registry, where: str, problems: list[str]
) -> Mapping[str, Severity]:
    if not isinstance(table, dict):
        problems.append(f"{where}: must be a table of selector = severity")
        return {}
    severities: dict[str, Severity] = {}
    for selector, value in table.items():
        try:
            registry.select(selector)
            severities[selector] = Severity.parse(value if isinstance(value, str) else repr(value))
        except KeyError as error:
            problems.append(f"{where}: {error.args[0]}")
        except ValueError as error:
            problems.append(f"{where}: {selector}: {error}")
    return types.MappingProxyType(severities)


def _overrides(
    raw: Any,
    registry: Registry,
    base_areas: Mapping[str, Any],
    where: str,
    problems: list[str],
) -> tuple[Override, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        problems.append(f"{where}: overrides: expected an array of tables ([[overrides]])")
        return ()
    overrides = []
    for index, item in enumerate(raw):
        here = f"{where}: [[overrides]] #{index + 1}"
        for key in item:
            if key not in OVERRIDE_KEYS and key not in registry.areas:
                problems.append(unknown_key(here, key, [*OVERRIDE_KEYS, *registry.areas]))
        paths = item.get("paths")
        if not (isinstance(paths, list) and paths and all(isinstance(p, str) for p in paths)):
            problems.append(f"{here}: paths: expected a non-empty list of strings")
            continue
        area_changes: dict[str, Mapping[str, Any]] = {}
        for name, area in registry.areas.items():
            if name in item:
                section = item[name] if isinstance(item[name], dict) else {}
                if not isinstance(item[name], dict):
                    problems.append(f"{here}: [{name}] must be a table")
                _, found = build_options(
                    area.options, section, f"{here}: [{name}]", base=base_areas[name]
                )
                problems.extend(found)
                area_changes[name] = types.MappingProxyType(dict(section))
        select = _typed(item, "select", here, problems) or ()
        ignore = _typed(item, "ignore", here, problems) or ()
        overrides.append(
            Override(
                paths=tuple(paths),
                select=_selectors(list(select), registry, f"{here}: select", problems),
                ignore=_selectors(list(ignore), registry, f"{here}: ignore", problems),
                severity=_severities(
                    item.get("severity", {}), registry, f"{here}: [severity]", problems
                ),
                areas=types.MappingProxyType(area_changes),
            )
        )
    return tuple(overrides)

"""The standards, read and validated: one frozen object the rest of the tool uses."""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final, TypeVar

from standards_lint.config.cascade import CascadeFiles, files_below, reroot, top_of_cascade
from standards_lint.config.discovery import find_standards_file, read_standards_table
from standards_lint.config.errors import ConfigError, unknown_key
from standards_lint.config.problems import Problem, locate_problems
from standards_lint.config.sources import SourceError, anchored_plugins, locate_base
from standards_lint.config.values import ValueProblem, build_options, convert
from standards_lint.model import Severity
from standards_lint.registry import LoadedPacks, Registry, load_rule_packs

DEFAULT_INCLUDE: Final = ("*.py", "*.pyi")
DEFAULT_CACHE_DIR: Final = ".standards-lint-cache"
DEFAULT_BASELINE: Final = ".standards-lint-baseline.json"
DEFAULT_HISTORY_FILE: Final = ".standards-lint-history.jsonl"
#: Larger files are almost always generated or data (see SL008).
DEFAULT_MAX_FILE_SIZE: Final = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Override:
    """Standards that apply instead, to files matching ``paths`` (gitignore-style)."""

    paths: tuple[str, ...]
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    areas: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: The cascading standards file this override stands for or was written in
    #: (None: the top file's ``[[overrides]]``).
    origin: Path | None = None
    #: Its 1-based number among that file's ``[[overrides]]`` (None: the file's own settings).
    number: int | None = None
    #: A nested project's file (``root = true``): what applied above is dropped and
    #: the standards start again from the defaults. ``select`` then replaces the
    #: default selection when ``own_selection`` says the file sets one.
    starts_over: bool = False
    own_selection: bool = False


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
    #: The baseline file, relative to ``root``.
    baseline: str = DEFAULT_BASELINE
    #: The history of ``check --record`` that ``report`` draws, relative to ``root``.
    history_file: str = DEFAULT_HISTORY_FILE
    #: Files larger than this many bytes are reported (SL008), not read.
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
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
        "baseline": _TopLevelKey(str, "the baseline file of accepted violations and figures"),
        "history-file": _TopLevelKey(str, "the file check --record appends to and report draws"),
        "max-file-size": _TopLevelKey(int, "files above this many bytes are not read (SL008)"),
        "overrides": _TopLevelKey(list, "per-path select, ignore, severity and area options"),
        "extends": _TopLevelKey(
            str, "standards files or installed standards (one, or a list) this one builds on"
        ),
        "root": _TopLevelKey(bool, "the top of a cascade: standards files above do not apply"),
    }
)
OVERRIDE_KEYS: Final = ("paths", "select", "ignore", "severity")


@dataclass(frozen=True, slots=True)
class StandardsReading:
    """The standards as far as they could be read, and every problem found on the way.

    With problems, ``standards`` holds what could be used: the rule packs that
    loaded and the settings that were valid (the defaults for the others).
    That is enough to list and explain rules, not to check code.
    """

    standards: Standards
    problems: tuple[str, ...] = ()
    #: The same problems with the file, key path and position of each
    #: (``Problem.render()`` gives ``file:LINE:COL: message``).
    located: tuple[Problem, ...] = ()
    #: Each standards file read with its own table, the base of ``extends`` first.
    files: tuple[tuple[Path, Mapping[str, Any]], ...] = ()
    #: Each cascading file below the top, with the files of its own ``extends``
    #: chain (bases first, the file itself last), parents before children.
    cascade: tuple[tuple[Path, tuple[tuple[Path, Mapping[str, Any]], ...]], ...] = ()


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
    reading = read_standards(config, start=start, select=select, ignore=ignore)
    if reading.problems:
        raise ConfigError(reading.problems)
    return reading.standards


@dataclass(frozen=True, slots=True)
class StandardsFiles:
    """What the standards files say, read without running any code.

    The first half of reading the standards: the files are found and parsed
    as TOML, and the plugins they name are listed, but no plugin is loaded
    (:func:`~standards_lint.registry.load_rule_packs` does that, and
    :func:`build_standards` then validates the files against the rule packs).
    """

    #: The top standards file, ``None`` when there is none (the defaults apply).
    path: Path | None
    root: Path
    #: The top file's ``extends`` chain, bases first, each with its own table.
    chain: tuple[tuple[Path, dict[str, Any]], ...]
    #: Each cascading file below the top, with its own ``extends`` chain.
    below: tuple[tuple[Path, tuple[tuple[Path, dict[str, Any]], ...]], ...]
    nested_roots: frozenset[Path]
    #: The plugins the files name, as the loader takes them (relative to ``root``).
    plugins: tuple[str, ...]
    #: Files that could not be read, and TOML that does not parse.
    problems: tuple[str, ...] = ()


def read_standards_files(
    config: Path | None = None, *, start: Path | None = None
) -> StandardsFiles:
    """Find (or use ``config``) and read the standards files, running no plugin code.

    Raises :class:`ConfigError` only when ``config`` names no file.
    """
    path = _standards_path(config, start)
    root = path.parent.resolve() if path is not None else (start or Path.cwd()).resolve()
    problems: list[str] = []
    chain = _read_chain(path, problems) if path is not None else []
    levels = _levels(chain)
    whole = levels[-1][1] if levels else {}
    cascade = _cascade_of(path if config is None else None, whole)
    below = [(file, _read_chain(file, problems)) for file in cascade.files]
    plugins = [
        *anchored_plugins(chain, root),
        *(plugin for _, chain_below in below for plugin in anchored_plugins(chain_below, root)),
    ]
    return StandardsFiles(
        path,
        root,
        tuple(chain),
        tuple((file, tuple(chain_below)) for file, chain_below in below),
        cascade.nested_roots,
        tuple(plugins),
        tuple(problems),
    )


def read_standards(
    config: Path | None = None,
    *,
    start: Path | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> StandardsReading:
    """Read the standards as :func:`load_standards` does, returning the problems.

    Every problem is found in one pass: plugins that fail to load, files of
    the ``extends`` chain that cannot be read, and each key's mistakes, named
    by the file where the key was written. Raises :class:`ConfigError` only
    when ``config`` names no file, as there is then nothing to read. The
    steps are :func:`read_standards_files`, loading the plugins they name,
    and :func:`build_standards`.
    """
    files = read_standards_files(config, start=start)
    loaded = load_rule_packs(files.plugins, files.root)
    return build_standards(files, loaded, select=select, ignore=ignore)


def build_standards(
    files: StandardsFiles,
    loaded: LoadedPacks,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> StandardsReading:
    """Validate what ``files`` say against the rule packs ``loaded``: the frozen standards.

    ``select`` and ``ignore`` come from the command line. Every problem is
    collected, with those of reading the files and loading the packs.
    """
    path, root = files.path, files.root
    chain = list(files.chain)
    below = [(file, list(chain_below)) for file, chain_below in files.below]
    problems = [*files.problems, *loaded.problems]
    registry = loaded.registry
    standards = _parse_levels(_levels(chain), root, path, registry, problems)
    standards = _with_cascade(standards, below, files.nested_roots, problems)
    for file_path, own_table in [
        *chain,
        *(level for _, chain_below in below for level in chain_below),
    ]:
        problems.extend(_unchecked(str(file_path), _names_of_packs(own_table), registry))
    if select is not None:
        standards = _replace(
            standards, select=_selectors(list(select), registry, "--select", problems)
        )
        problems.extend(_unchecked("--select", list(select), registry))
    if ignore:
        extra = _selectors(list(ignore), registry, "--ignore", problems)
        standards = _replace(standards, command_line_ignore=extra)
        problems.extend(_unchecked("--ignore", list(ignore), registry))
    # The rules a run may use are imported now, so that a pack that fails to
    # import them is reported here, with the standards file's problems.
    from standards_lint.config.effective import StandardsResolver  # noqa: PLC0415 - it imports this

    problems.extend(registry.load(StandardsResolver(standards).selectable_codes()))
    every_file = [file_path for file_path, _ in chain]
    every_file.extend(file_path for _, chain_below in below for file_path, _ in chain_below)
    located = locate_problems(problems, every_file)
    return StandardsReading(standards, tuple(problems), located, tuple(chain), files.below)


#: Stands for the file's name while a level of the ``extends`` chain is
#: validated, so that a problem can be compared across levels and then named
#: by the file that introduced it.
_WHERE: Final = "\x00standards\x00"


def _parse_levels(
    levels: list[tuple[Path, dict[str, Any]]],
    root: Path,
    path: Path | None,
    registry: Registry,
    problems: list[str],
) -> Standards:
    """Validate the standards as each file of the chain leaves them; return the last.

    A problem is named by the file whose level first has it: one that the
    level before already had was written in an earlier file (a base), one
    that only the whole chain has (options that fit only together) is the
    extending file's.
    """
    if not levels:
        return _parse({}, "standards", root, path, registry, problems)
    earlier: list[str] = []
    for level_path, level_table in levels:
        found: list[str] = []
        standards = _parse(level_table, _WHERE, root, path, registry, found)
        problems.extend(
            problem.replace(_WHERE, str(level_path)) for problem in found if problem not in earlier
        )
        earlier = found
    return standards


def _standards_path(config: Path | None, start: Path | None) -> Path | None:
    """``config``, else the top of the cascade that the nearest standards file is part of.

    A file named on the command line governs alone (see standards_lint.config.cascade).
    """
    if config is not None:
        if not config.is_file():
            raise ConfigError([f"{config}: no such standards file"])
        return config
    nearest = find_standards_file(start or Path.cwd())
    return top_of_cascade(nearest) if nearest is not None else None


def _cascade_of(top: Path | None, whole: Mapping[str, Any]) -> CascadeFiles:
    """The cascading files below ``top`` (none when a file was named, so ``top`` is ``None``)."""
    if top is None:
        return CascadeFiles(())
    return files_below(top, _of_type(whole.get("exclude"), str))


#: Settings of the whole run, which only the top file of a cascade may set.
_RUN_WIDE_KEYS: Final = (
    "include",
    "respect-gitignore",
    "require-suppression-reason",
    "cache-dir",
    "baseline",
    "history-file",
    "max-file-size",
)
#: Keys of a cascading file that are not an override's: handled apart.
_CASCADE_OWN_KEYS: Final = ("exclude", "plugins", "root", "overrides")
#: Every key a cascading file below the top may have (``extends`` is read before).
_CASCADE_KEYS: Final = ("select", "ignore", "severity", *_CASCADE_OWN_KEYS, "extends")


def _with_cascade(
    standards: Standards,
    below: list[tuple[Path, list[tuple[Path, dict[str, Any]]]]],
    nested_roots: frozenset[Path],
    problems: list[str],
) -> Standards:
    """``standards`` with each cascading file below the top as overrides of its directory.

    A file's own settings come first (an override for its whole directory),
    then its ``[[overrides]]``, their patterns moved to the top's directory;
    parents come before children, so nearer files win. Its ``exclude`` is
    added to the top's, moved likewise. A nested project's file (``root =
    true``) starts over: its subtree gets its standards, not its parents'.
    """
    root = standards.root
    overrides = list(standards.overrides)
    exclude = list(standards.exclude)
    for file_path, chain in below:
        if not chain:
            continue
        levels = _levels(chain)
        relative = file_path.parent.resolve().relative_to(root).as_posix()
        starts_over = file_path in nested_roots
        # As for the top file: a problem is named by the file of the chain
        # whose level first has it (a base the cascading file extends, say).
        earlier: list[str] = []
        for level_path, level_table in levels:
            found: list[str] = []
            _cascading_file(level_table, relative, _WHERE, standards, starts_over, found)
            problems.extend(
                problem.replace(_WHERE, str(level_path))
                for problem in found
                if problem not in earlier
            )
            earlier = found
        made = _cascading_file(levels[-1][1], relative, str(file_path), standards, starts_over, [])
        overrides.append(made[0])
        overrides.extend(
            replace(override, origin=file_path, number=number)
            for number, override in enumerate(made[1:], start=1)
        )
        table = levels[-1][1]
        exclude.extend(reroot(pattern, relative) for pattern in _of_type(table.get("exclude"), str))
    return _replace(standards, overrides=tuple(overrides), exclude=tuple(exclude))


def _cascading_file(
    table: Mapping[str, Any],
    relative: str,
    where: str,
    standards: Standards,
    starts_over: bool,
    problems: list[str],
) -> list[Override]:
    """What a cascading file's table makes: its directory's override, then its own overrides.

    Its problems are appended to ``problems``, named by ``where``.
    """
    if not starts_over:
        problems.extend(_misplaced_keys(table, where, standards))
    made = [_directory_override(table, relative, where, standards, starts_over, problems)]
    nested = table.get("overrides", [])
    if isinstance(nested, list):
        nested = [_rerooted_override(item, relative) for item in nested]
    base = default_areas(standards.registry) if starts_over else standards.areas
    made.extend(_overrides(nested, standards.registry, base, where, problems))
    return made


def _misplaced_keys(table: Mapping[str, Any], where: str, standards: Standards) -> list[str]:
    """The keys of a cascading file that only the top file of a cascade may have."""
    problems = []
    for key in table:
        if key in _RUN_WIDE_KEYS:
            problems.append(
                f"{where}: {key}: only the top standards file of a cascade sets this,"
                f" as it applies to the whole run ({standards.path})"
            )
    architecture = table.get("architecture")
    if isinstance(architecture, dict) and "contracts" in architecture:
        problems.append(
            f"{where}: [architecture]: contracts: only the top standards file of a cascade"
            f" sets contracts, as they judge the imports of the whole project; move them"
            f" to {standards.path} (a subtree with `root = true` is a project of its own)"
        )
    return problems


def _directory_override(
    table: Mapping[str, Any],
    relative: str,
    where: str,
    standards: Standards,
    starts_over: bool,
    problems: list[str],
) -> Override:
    """The override that a cascading file's own settings make of its directory."""
    valid = [*_CASCADE_KEYS, *(_RUN_WIDE_KEYS if starts_over else ())]
    _check_keys(
        {key: value for key, value in table.items() if key not in _RUN_WIDE_KEYS},
        valid,
        standards.registry,
        where,
        problems,
    )
    # Unknown keys are reported above, with the keys a cascading file may have.
    own = {
        key: value
        for key, value in table.items()
        if key in (*OVERRIDE_KEYS, *standards.registry.areas) and key != "paths"
    }
    own["paths"] = [f"/{relative}/"]
    found: list[str] = []
    base = default_areas(standards.registry) if starts_over else standards.areas
    made = _overrides([own], standards.registry, base, _WHERE, found)
    problems.extend(
        problem.replace(f"{_WHERE}: [[overrides]] #1", where).replace(_WHERE, where)
        for problem in found
    )
    override = made[0] if made else Override(paths=(f"/{relative}/",))
    return replace(
        override,
        origin=Path(where),
        starts_over=starts_over,
        own_selection=starts_over and "select" in table,
    )


def default_areas(registry: Registry) -> dict[str, Any]:
    """Every area's options at their defaults: where a nested project starts from."""
    return {
        name: build_options(area.options, {}, f"[{name}]")[0]
        for name, area in registry.areas.items()
    }


def _rerooted_override(item: object, relative: str) -> object:
    if not isinstance(item, dict) or not isinstance(item.get("paths"), list):
        return item
    paths = [reroot(path, relative) if isinstance(path, str) else path for path in item["paths"]]
    return {**item, "paths": paths}


def _replace(standards: Standards, **changes: Any) -> Standards:
    import dataclasses  # noqa: PLC0415

    return dataclasses.replace(standards, **changes)


def _read_chain(path: Path, problems: list[str]) -> list[tuple[Path, dict[str, Any]]]:
    """Each file of the ``extends`` tree with its own table, every base before its extender.

    ``extends`` may list several bases: they are merged in the order given,
    each after its own bases; one reached twice is merged once, where first
    reached. A file that cannot be read, or a broken ``extends`` entry, is
    left out with a problem naming the file that has the mistake; the files
    read so far are still validated.
    """
    chain: list[tuple[Path, dict[str, Any]]] = []
    _read_into(path, None, [], set(), chain, problems)
    return chain


def _read_into(
    current: Path,
    writer: Path | None,
    reading: list[Path],
    done: set[Path],
    chain: list[tuple[Path, dict[str, Any]]],
    problems: list[str],
) -> None:
    resolved = current.resolve()
    if resolved in reading:
        target = "this file" if writer is not None and writer.resolve() == resolved else current
        problems.append(f"{writer}: `extends` makes a cycle back to {target}")
        return
    if resolved in done:
        return
    try:
        table = read_standards_table(current)
    except ConfigError as error:
        problems.extend(error.problems)
        return
    reading.append(resolved)
    for base in _bases_of(current, table.pop("extends", None), problems):
        _read_into(base, current, reading, done, chain, problems)
    reading.pop()
    done.add(resolved)
    chain.append((current, table))


def _bases_of(path: Path, entries: object, problems: list[str]) -> list[Path]:
    if entries is None:
        return []
    listed = [entries] if isinstance(entries, str) else entries
    if not isinstance(listed, list) or not all(isinstance(entry, str) for entry in listed):
        kind = type(entries).__name__
        problems.append(f"{path}: extends: expected a string or a list of strings, got {kind}")
        return []
    bases = []
    for entry in listed:
        try:
            bases.append(locate_base(path, entry))
        except SourceError as error:
            problems.append(f"{path}: extends: {error}")
    return bases


def _levels(chain: list[tuple[Path, dict[str, Any]]]) -> list[tuple[Path, dict[str, Any]]]:
    """The standards as each file of the chain leaves them: its table over its bases'."""
    levels: list[tuple[Path, dict[str, Any]]] = []
    merged: dict[str, Any] = {}
    for file_path, table in chain:
        merged = _merge(merged, table)
        levels.append((file_path, merged))
    return levels


def _merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _names_of_packs(table: Mapping[str, Any]) -> list[str]:
    """Every selector and table name in ``table`` that a rule pack would define."""
    names: list[str] = []
    for place in [table, *_of_type(table.get("overrides"), dict)]:
        names.extend(key for key, value in place.items() if isinstance(value, dict))
        names.extend(_of_type(place.get("select"), str))
        names.extend(_of_type(place.get("ignore"), str))
        severity = place.get("severity")
        if isinstance(severity, dict):
            names.extend(severity)
    return names


_Item = TypeVar("_Item")


def _of_type(value: Any, kind: type[_Item]) -> list[_Item]:
    """The items of ``value`` that are of ``kind``, if it is a list."""
    return [item for item in value if isinstance(item, kind)] if isinstance(value, list) else []


def _unchecked(where: str, names: Sequence[str], registry: Registry) -> list[str]:
    """One note for the ``names`` that only a pack that failed to load could define.

    They are not reported one by one as unknown: they may well be right.
    """
    if not registry.incomplete:
        return []
    unknown = sorted({name for name in names if not _is_known(name, registry)})
    if not unknown:
        return []
    shown = ", ".join(repr(name) for name in unknown)
    packs = " and ".join(registry.incomplete)
    return [f"{where}: cannot check {shown}: {packs} did not load, and may define them"]


def _is_known(name: str, registry: Registry) -> bool:
    if name in TOP_LEVEL_KEYS or name in OVERRIDE_KEYS or name in registry.areas:
        return True
    try:
        registry.select(name)
    except KeyError:
        return False
    return True


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
    _check_keys(table, TOP_LEVEL_KEYS, registry, where, problems)
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
    # ``root`` shapes the cascade before any file is parsed; here it is only checked.
    _flag(table, "root", False, where, problems)
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
        plugins=_typed(table, "plugins", where, problems) or (),
        severity=_severities(table.get("severity", {}), registry, f"{where}: [severity]", problems),
        require_suppression_reason=_flag(
            table, "require-suppression-reason", False, where, problems
        ),
        cache_dir=_typed(table, "cache-dir", where, problems) or DEFAULT_CACHE_DIR,
        baseline=_typed(table, "baseline", where, problems) or DEFAULT_BASELINE,
        history_file=_typed(table, "history-file", where, problems) or DEFAULT_HISTORY_FILE,
        max_file_size=_positive(table, "max-file-size", DEFAULT_MAX_FILE_SIZE, where, problems),
        areas=types.MappingProxyType(areas),
        overrides=_overrides(table.get("overrides", []), registry, areas, where, problems),
    )


def _check_keys(
    table: Mapping[str, Any],
    keys: Iterable[str],
    registry: Registry,
    where: str,
    problems: list[str],
) -> None:
    """Report each key of ``table`` that is neither one of ``keys`` nor an area."""
    valid = [*keys, *registry.areas]
    for key, value in table.items():
        if key in valid:
            continue
        # A table may be the area of a pack that did not load: _unchecked names it.
        if registry.incomplete and isinstance(value, dict):
            continue
        problems.append(unknown_key(where, key, valid))


def _positive(
    table: Mapping[str, Any], key: str, default: int, where: str, problems: list[str]
) -> int:
    value = _typed(table, key, where, problems)
    if value is None:
        return default
    if value < 1:
        problems.append(f"{where}: {key}: expected a positive number of bytes, got {value}")
        return default
    return int(value)


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
            if not registry.incomplete:  # else a note names it, see _unchecked
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
            if not registry.incomplete:  # else a note names it, see _unchecked
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
        _check_keys(item, OVERRIDE_KEYS, registry, here, problems)
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

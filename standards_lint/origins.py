"""What standards apply to a path, and where each value came from.

A value comes from the default, from the file of the ``extends`` chain that
wrote it last, or from the last ``[[overrides]]`` entry that matches the path
and sets it. ``standards-lint config`` shows this.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from standards_lint.config.effective import StandardsResolver
from standards_lint.config.standards import TOP_LEVEL_KEYS, Override, StandardsReading
from standards_lint.explain import toml_value
from standards_lint.rule import toml_key
from standards_lint.schema import json_value

#: Top-level keys that are not settings with one value (shown in other ways).
_NOT_SETTINGS: Final = frozenset({"overrides", "extends", "root"})
#: Values shown in text up to this width have their origins aligned.
_ALIGN_UP_TO: Final = 60


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value came from: ``file`` (None: the default), and ``override`` if one set it."""

    file: str | None = None
    #: The 1-based number of the ``[[overrides]]`` entry, in ``file``.
    override: int | None = None

    def describe(self) -> str:
        """``default``, ``standards.toml`` or ``[[overrides]] #2 in standards.toml``."""
        if self.file is None:
            return "default"
        if self.override is None:
            return self.file
        return f"[[overrides]] #{self.override} in {self.file}"


@dataclass(frozen=True, slots=True)
class Setting:
    """One key of the standards with its value and origin."""

    key: str
    value: Any
    origin: Origin


@dataclass(frozen=True, slots=True)
class AppliedOverride:
    """An ``[[overrides]]`` entry that matches the path."""

    number: int
    paths: tuple[str, ...]
    origin: Origin
    #: Whether a cascading file below the top wrote it (or stands for it).
    cascading: bool = False

    def describe(self) -> str:
        """``[[overrides]] #2`` of the top file, else the cascading file (and entry) it is."""
        return self.origin.describe() if self.cascading else f"[[overrides]] #{self.number}"


@dataclass(frozen=True, slots=True)
class ExplainedStandards:
    """The standards of one path: every setting and option with its origin, and the rules."""

    path: str
    files: tuple[str, ...]
    overrides: tuple[AppliedOverride, ...]
    settings: tuple[Setting, ...]
    areas: Mapping[str, tuple[Setting, ...]]
    #: The code of every rule that runs on the path, with its severity.
    rules: Mapping[str, str]


def explain_standards(
    reading: StandardsReading, target: Path, shown_from: Path | None = None
) -> ExplainedStandards:
    """The standards of ``target``: a directory's without overrides, a file's after them.

    A directory gets the cascading standards files of its own directory and
    those above it. Files are named relative to ``shown_from`` when they are
    below it.
    """
    standards = reading.standards
    resolver = StandardsResolver(standards)
    absolute = target.resolve()
    key = _directory_key(standards.overrides, absolute) if target.is_dir() else None
    effective = resolver.for_key(key) if key is not None else resolver.for_path(absolute)
    own_tables = [(_shown(path, shown_from), table) for path, table in reading.files]
    chains = {
        file: [(_shown(path, shown_from), table) for path, table in chain]
        for file, chain in reading.cascade
    }
    applied = _applied(standards.overrides, effective.key, own_tables, shown_from)
    settings = tuple(
        Setting(
            key, getattr(standards, key.replace("-", "_")), Origin(_last_writer(own_tables, (key,)))
        )
        for key in TOP_LEVEL_KEYS
        if key not in _NOT_SETTINGS and hasattr(standards, key.replace("-", "_"))
    )
    layers = _Layers(own_tables, standards.overrides, applied, chains)
    areas = {
        name: _area_settings(name, effective.areas[name], layers)
        for name in sorted(effective.areas)
        if dataclasses.is_dataclass(effective.areas[name])
    }
    return ExplainedStandards(
        path=resolver.relative(absolute),
        files=tuple(str(path) for path, _ in [*_in_force(layers)]),
        overrides=applied,
        settings=settings,
        areas=areas,
        rules={code: severity.value for code, severity in sorted(effective.severity.items())},
    )


def _directory_key(overrides: Sequence[Override], directory: Path) -> tuple[int, ...]:
    """The cascading files' own overrides that apply to ``directory``: its own and its parents'."""
    return tuple(
        index
        for index, override in enumerate(overrides)
        if override.origin is not None
        and override.number is None
        and directory.is_relative_to(override.origin.parent.resolve())
    )


def _applied(
    overrides: Sequence[Override],
    key: Sequence[int],
    own_tables: Sequence[tuple[Path, Mapping[str, Any]]],
    shown_from: Path | None,
) -> tuple[AppliedOverride, ...]:
    """Each override in ``key`` with its origin: the top file's entry, or a cascading file's."""
    top_file = _last_writer(own_tables, ("overrides",))
    applied = []
    for index in key:
        override = overrides[index]
        if override.origin is None:
            origin = Origin(top_file, index + 1)
        else:
            origin = Origin(str(_shown(override.origin, shown_from)), override.number)
        applied.append(
            AppliedOverride(index + 1, override.paths, origin, override.origin is not None)
        )
    return tuple(applied)


@dataclass(frozen=True, slots=True)
class _Layers:
    """What decides the origin of an area's option: the files and overrides, lowest first."""

    own_tables: Sequence[tuple[Path, Mapping[str, Any]]]
    overrides: Sequence[Override]
    applied: Sequence[AppliedOverride]
    #: The ``extends`` chain of each cascading file, by the file's path.
    chains: Mapping[Path, Sequence[tuple[Path, Mapping[str, Any]]]]

    @property
    def restarted(self) -> bool:
        """Whether a nested project's file applies, so that nothing above it does."""
        return any(self.overrides[item.number - 1].starts_over for item in self.applied)

    def after_last_start(self) -> Sequence[AppliedOverride]:
        """The applied overrides from the last nested project's file on (all without one)."""
        starts = [
            position
            for position, item in enumerate(self.applied)
            if self.overrides[item.number - 1].starts_over
        ]
        return self.applied[starts[-1] :] if starts else self.applied


def _in_force(layers: _Layers) -> list[tuple[Path, Mapping[str, Any]]]:
    """The files whose settings reach the path: the top's chain, then each cascading file's."""
    shown = [] if layers.restarted else list(layers.own_tables)
    for item in layers.after_last_start():
        override = layers.overrides[item.number - 1]
        if override.origin is not None and override.number is None:
            shown.extend(layers.chains.get(override.origin, ()))
    return shown


def _shown(path: Path, shown_from: Path | None) -> Path:
    if shown_from is None:
        return path
    try:
        return path.resolve().relative_to(shown_from.resolve())
    except ValueError:
        return path


def _area_settings(name: str, options: Any, layers: _Layers) -> tuple[Setting, ...]:
    settings = []
    for field in dataclasses.fields(options):
        key = toml_key(field.name)
        origin = Origin(None if layers.restarted else _last_writer(layers.own_tables, (name, key)))
        for item in layers.after_last_start():
            override = layers.overrides[item.number - 1]
            if key not in override.areas.get(name, {}):
                continue
            origin = item.origin
            if override.origin is not None and override.number is None:
                # The cascading file's own value: the file of its chain that wrote it.
                chain = layers.chains.get(override.origin, ())
                origin = Origin(_last_writer(chain, (name, key)) or item.origin.file)
        settings.append(Setting(key, getattr(options, field.name), origin))
    return tuple(settings)


def _last_writer(
    own_tables: Sequence[tuple[Path, Mapping[str, Any]]], key_path: tuple[str, ...]
) -> str | None:
    """The last file of the chain whose own table has ``key_path``, or None."""
    writer = None
    for path, table in own_tables:
        value: Any = table
        for key in key_path:
            value = value.get(key, _ABSENT) if isinstance(value, Mapping) else _ABSENT
        if value is not _ABSENT:
            writer = str(path)
    return writer


_ABSENT: Final[Any] = object()


def explained_as_json(explained: ExplainedStandards) -> dict[str, Any]:
    """The explained standards as plain JSON data."""

    def setting(item: Setting) -> dict[str, Any]:
        return {
            "value": json_value(item.value),
            "origin": {"file": item.origin.file, "override": item.origin.override},
            "from": item.origin.describe(),
        }

    return {
        "path": explained.path,
        "files": list(explained.files),
        "overrides": [
            {
                "number": applied.number,
                "paths": list(applied.paths),
                "file": applied.origin.file,
                "override": applied.origin.override,
                "from": applied.describe(),
            }
            for applied in explained.overrides
        ],
        "settings": {item.key: setting(item) for item in explained.settings},
        "areas": {
            name: {item.key: setting(item) for item in items}
            for name, items in explained.areas.items()
        },
        "rules": dict(explained.rules),
    }


def explained_as_text(explained: ExplainedStandards) -> str:
    """The explained standards as TOML-like text, each value followed by its origin."""
    lines = [f"# standards for {explained.path}"]
    lines += [f"# from {file}" for file in explained.files] or ["# no standards file: defaults"]
    lines += [
        f"# {applied.describe()} applies: paths = {toml_value(applied.paths)}"
        for applied in explained.overrides
    ]

    def block(items: Sequence[Setting]) -> list[str]:
        shown = [
            (f"{item.key} = {toml_value(item.value)}", item.origin.describe()) for item in items
        ]
        # Aligned comments read well; a very long value is left out of the alignment.
        width = max((len(text) for text, _ in shown if len(text) <= _ALIGN_UP_TO), default=0)
        return [f"{text.ljust(width)}  # {origin}" for text, origin in shown]

    lines += ["", *block(explained.settings)]
    for name, items in explained.areas.items():
        if items:
            lines += ["", f"[{name}]", *block(items)]
    lines += ["", f"# {len(explained.rules)} rules run here:"]
    lines += [f"#   {code} ({severity})" for code, severity in explained.rules.items()]
    return "\n".join(lines) + "\n"

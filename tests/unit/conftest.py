"""Fixtures shared by the unit tests: a controlled rule pack and small projects on disk.

The ``probe`` pack is written to a file and loaded as a local plugin, the way a
team's own rules arrive, so tests that use it go through the real registry and
standards loading. Its area declares one option of every supported type.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from standards_lint.config.standards import Standards
from standards_lint.config.values import build_options
from standards_lint.registry import Registry, load_registry
from standards_lint.rule import RulePack

PROBE_PLUGIN = '''\
"""Rules for standards-lint's own tests: a controlled area and rules of every kind."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from standards_lint.model import Severity
from standards_lint.rule import (
    Area, Fact, Invalid, ProjectFacts, ProjectRule, Rule, RulePack, Valid, option,
)


@dataclass(frozen=True, slots=True)
class Limits:
    """A nested table."""

    low: int = option(0, "The lower bound.")
    high: int = option(10, "The upper bound.")


@dataclass(frozen=True, slots=True)
class ProbeOptions:
    """One option of every supported type."""

    limit: int = option(3, "Longest file, in lines, before PRB100 reports.")
    ratio: float = option(0.5, "A number.")
    enabled: bool = option(True, "A flag.")
    label: str = option("probe", "A string.")
    names: tuple[str, ...] = option(("bad",), "Names PRB002 reports.")
    weights: Mapping[str, int] = option(MappingProxyType({}), "A table of integers.")
    mode: Literal["fast", "slow"] = option("fast", "A choice.")
    bound: int | str = option(1, "An integer or a string.")
    limits: Limits = option(Limits(), "A nested table.")
    layers: tuple[Limits, ...] = option((), "An array of tables.")

    def __post_init__(self) -> None:
        if self.limit < 0:
            raise ValueError("limit must not be negative")


PROBE_AREA = Area(name="probe", prefix="PRB", title="Probes for tests", options=ProbeOptions)


class MarkerRule(Rule[ProbeOptions]):
    """Reports every line that contains PROBE (text only, no tree)."""

    code = "PRB001"
    name = "probe-marker"
    area = "probe"
    summary = "A line contains the word PROBE."
    rationale = "Tests need a rule whose reports they control exactly."
    valid = (Valid("x = 1\\n"),)
    invalid = (Invalid("x = 1\\ny = 2  # PROBE\\n", line=2, message="PROBE found"),)

    def start_file(self) -> None:
        for number, line in enumerate(self.source.lines, start=1):
            column = line.find("PROBE")
            if column >= 0:
                self.report_at(number, column + 1, f"PROBE found ({self.options.label})")


class BadNameRule(Rule[ProbeOptions]):
    """Reports names listed in ``names`` (walks the tree)."""

    code = "PRB002"
    name = "bad-name"
    area = "probe"
    severity = Severity.WARNING
    summary = "A name is one of the names listed in the names option."
    rationale = "Tests need a tree rule whose reports they control exactly."
    options_used = ("names",)
    valid = (Valid("good = 1\\n"),)
    invalid = (Invalid("x = 1\\nbad = 2\\n", line=2, message="'bad'"),)

    def visit_Name(self, node) -> None:
        if node.value in self.options.names:
            self.report(node, f"the name {node.value!r} is not allowed")


class OptInRule(Rule[ProbeOptions]):
    """Reports the first line of every file, but only when selected."""

    code = "PRB003"
    name = "opt-in"
    area = "probe"
    severity = Severity.INFO
    enabled_by_default = False
    summary = "Every file, when selected."
    rationale = "Tests need a rule that is off unless selected."
    valid = (Valid("", path="empty/__init__.py"),)
    invalid = (Invalid("x = 1\\n", line=1),)

    def start_file(self) -> None:
        if self.source.text:
            self.report_at(1, 1, "opted in")


def count_lines(source, options: ProbeOptions) -> int:
    """The fact PRB100 reads: how many lines the file has."""
    return len(source.lines)


class LongFileRule(ProjectRule[ProbeOptions]):
    """Reports files longer than ``limit`` lines, and publishes the total."""

    code = "PRB100"
    name = "long-file"
    area = "probe"
    facts = ("probe-lines",)
    summary = "A file has more than limit lines."
    rationale = "Tests need a project rule whose reports they control exactly."
    options_used = ("limit",)
    valid = (Valid("x = 1\\n"),)
    invalid = (Invalid("a = 1\\nb = 2\\nc = 3\\nd = 4\\n", line=1, message="4 lines"),)

    def check(self, project: ProjectFacts) -> None:
        total = 0
        for path, lines in project.values("probe-lines"):
            total += lines
            limit = self.options_for_path(path).limit
            if lines > limit:
                self.report(f"{lines} lines > {limit}", path=path, line=1)
        self.publish("probe_lines", total)


PACK = RulePack(
    name="probe",
    rules=[MarkerRule, BadNameRule, OptInRule, LongFileRule],
    areas=[PROBE_AREA],
    facts=[Fact("probe-lines", "probe", count_lines)],
    version="1",
)
'''


@pytest.fixture
def probe_plugin(tmp_path: Path) -> Path:
    """The probe pack written to ``plugins/probe_rules.py`` under ``tmp_path``."""
    plugin = tmp_path / "plugins" / "probe_rules.py"
    plugin.parent.mkdir(parents=True, exist_ok=True)
    plugin.write_text(PROBE_PLUGIN, encoding="utf-8")
    return plugin


@pytest.fixture
def write_standards(tmp_path: Path, probe_plugin: Path) -> Callable[[str], Path]:
    """Write ``standards.toml`` in ``tmp_path``, with the probe pack as a plugin."""

    def write(text: str = "", *, name: str = "standards.toml") -> Path:
        path = tmp_path / name
        header = 'plugins = ["plugins/probe_rules.py"]\n'
        path.write_text(header + textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def write_files(tmp_path: Path) -> Callable[[Mapping[str, str]], list[Path]]:
    """Write files (relative path to text) under ``tmp_path``; return their paths."""

    def write(files: Mapping[str, str]) -> list[Path]:
        written = []
        for relative, text in files.items():
            path = tmp_path / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
            written.append(path)
        return written

    return write


def _make_registry(*packs: RulePack) -> Registry:
    return load_registry().with_packs(packs, "test packs")


def _make_standards(registry: Registry, root: Path, **changes: Any) -> Standards:
    areas = {
        name: build_options(area.options, {}, name)[0] for name, area in registry.areas.items()
    }
    areas.update(changes.pop("areas", {}))
    return Standards(root=root.resolve(), path=None, registry=registry, areas=areas, **changes)


@pytest.fixture
def make_registry() -> Callable[..., Registry]:
    """Build a registry: the tool's rules, the installed packs, and the given packs."""
    return _make_registry


@pytest.fixture
def make_standards() -> Callable[..., Standards]:
    """Build ``Standards`` over a registry, every area at its defaults unless given."""
    return _make_standards

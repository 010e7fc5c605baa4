"""The registry: metadata checks, conflicts, selectors, local plugins and entry points."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from standards_lint import registry as registry_module
from standards_lint.engine_rules import TOOL_RULES
from standards_lint.registry import (
    ALL,
    Registry,
    RegistryBuilder,
    RegistryError,
    load_registry,
    load_rule_packs,
)
from standards_lint.rule import Area, Fact, NoOptions, ProjectFacts, ProjectRule, Rule, RulePack

UNIT_AREA = Area(name="unit", prefix="UNT", title="Unit tests")
OTHER_AREA = Area(name="other", prefix="OTH", title="Other")


def rule_class(code: str, name: str, base: type = Rule, **attributes: Any) -> type[Any]:
    body = {
        "code": code,
        "name": name,
        "area": "unit",
        "summary": "A summary.",
        "rationale": "A rationale.",
        **attributes,
    }
    return type(name.title().replace("-", ""), (base,), body)


ALPHA = rule_class("UNT001", "alpha")
BETA = rule_class("UNT002", "beta")
GAMMA = rule_class("UNT010", "gamma", enabled_by_default=False)
OTHER = rule_class("OTH001", "other-rule", area="other")


class Summing(ProjectRule[NoOptions]):
    """A project rule over the ``sizes`` fact."""

    code = "UNT100"
    name = "summing"
    area = "unit"
    facts = ("sizes",)
    summary = "s"
    rationale = "r"

    def check(self, project: ProjectFacts) -> None:
        """Nothing to check."""


SIZES = Fact("sizes", "unit", lambda source, options: len(source.text))
PACK = RulePack(
    name="unit",
    rules=[ALPHA, BETA, GAMMA, OTHER, Summing],
    areas=[UNIT_AREA, OTHER_AREA],
    facts=[SIZES],
)


@pytest.fixture
def registry(make_registry: Callable[..., Registry]) -> Registry:
    return make_registry(PACK)


@pytest.fixture
def isolated_imports(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Undo what plugin loading does to ``sys.path`` and ``sys.modules``."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        del sys.modules[name]


def problems_of(pack: RulePack, base: Registry | None = None) -> list[str]:
    builder = RegistryBuilder() if base is None else RegistryBuilder.from_registry(base)
    problems: list[str] = []
    builder.add_pack(pack, "origin", problems)
    builder.check_areas(problems)
    return problems


def test_load_registry_has_the_tool_rules_and_the_builtin_pack() -> None:
    registry = load_registry()
    assert {rule.code for rule in TOOL_RULES} <= set(registry.rules)
    assert "STY001" in registry.rules
    assert {"tool", "style"} <= set(registry.areas)
    assert any(f.startswith("entry point 'builtin'") for f in registry.pack_fingerprints)


def test_rules_with_bad_metadata_are_refused_with_the_origin() -> None:
    bare = type("Bare", (Rule,), {"code": "UNT001", "name": "bare", "area": "unit"})
    problems = problems_of(RulePack("p", [bare], [UNIT_AREA]))
    assert problems == ["origin: Bare has no summary", "origin: Bare has no rationale"]


def test_a_reused_code_is_refused_naming_both_rules() -> None:
    twin = rule_class("UNT001", "twin")
    problems = problems_of(RulePack("p", [ALPHA, twin], [UNIT_AREA]))
    assert problems == ["origin: Twin reuses code UNT001 of Alpha"]


def test_a_reused_name_is_refused() -> None:
    twin = rule_class("UNT003", "alpha")
    twin.__qualname__ = "Twin"
    problems = problems_of(RulePack("p", [ALPHA, twin], [UNIT_AREA]))
    assert problems == ["origin: Twin reuses the name 'alpha'"]


def test_a_conflicting_area_is_refused() -> None:
    builder = RegistryBuilder()
    problems: list[str] = []
    builder.add_pack(RulePack("a", [], [UNIT_AREA]), "first", problems)
    builder.add_pack(RulePack("b", [], [UNIT_AREA]), "same again", problems)
    builder.add_pack(RulePack("c", [], [Area("unit", "XXX", "Clash")]), "second", problems)
    assert problems == ["second: area 'unit' is already defined"]


def test_unknown_areas_and_facts_are_reported() -> None:
    stray = rule_class("UNT005", "stray", area="nowhere")
    needy = rule_class("UNT101", "needy", base=ProjectRule, facts=("missing",))
    problems = problems_of(RulePack("p", [stray, needy], [UNIT_AREA]))
    assert problems == [
        "Stray (UNT005) names unknown area 'nowhere'",
        "Needy (UNT101) needs unknown fact 'missing'",
    ]


def test_every_problem_is_reported_at_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, isolated_imports: None
) -> None:
    (tmp_path / "empty.py").write_text("X = 1\n", encoding="utf-8")
    with pytest.raises(RegistryError) as raised:
        load_registry(["empty.py", "missing.py", "no_such_module_xyz"], root=tmp_path)
    problems = raised.value.problems
    assert len(problems) == 3
    assert problems[0] == "plugin 'empty.py' does not define a RulePack"
    assert problems[1].startswith("plugin 'missing.py' failed to load: FileNotFoundError")
    assert problems[2].startswith("plugin 'no_such_module_xyz' failed to load: ModuleNotFoundError")
    assert str(raised.value) == "\n".join(problems)


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        (ALL, None),
        ("UNT001", {"UNT001"}),
        ("unt001", {"UNT001"}),
        ("alpha", {"UNT001"}),
        ("UNT", {"UNT001", "UNT002", "UNT010", "UNT100"}),
        ("UNT00", {"UNT001", "UNT002"}),
        ("unit", {"UNT001", "UNT002", "UNT010", "UNT100"}),
        ("other", {"OTH001"}),
        ("other-rule", {"OTH001"}),
        ("SL", {rule.code for rule in TOOL_RULES}),
    ],
)
def test_selectors(registry: Registry, selector: str, expected: set[str] | None) -> None:
    assert registry.select(selector) == (set(registry.rules) if expected is None else expected)


@pytest.mark.parametrize(
    ("selector", "suggestions"),
    [
        ("UNT003", {"UNT001", "UNT002", "UNT100"}),
        ("alpah", {"alpha"}),
        ("unti", {"unit"}),
        ("ALX", {"ALL"}),
        ("001", {"SL001", "UNT001", "OTH001"}),
        ("zzzzzzzzzz", set()),
        pytest.param(
            "all",
            {"ALL"},
        ),
    ],
)
def test_unknown_selector_names_the_closest_match(
    registry: Registry, selector: str, suggestions: set[str]
) -> None:
    with pytest.raises(KeyError) as raised:
        registry.select(selector)
    message = raised.value.args[0]
    prefix = f"unknown rule, prefix or area {selector!r}"
    if not suggestions:
        assert message == prefix
        return
    assert any(message == f"{prefix}; did you mean {s!r}?" for s in suggestions), message


def test_find_by_code_or_name(registry: Registry) -> None:
    assert registry.find("UNT002") is BETA
    assert registry.find("unt002") is BETA
    assert registry.find("beta") is BETA
    assert registry.find("nothing") is None


def test_default_selection_leaves_out_opt_in_rules(registry: Registry) -> None:
    selection = registry.default_selection()
    assert "UNT001" in selection
    assert "UNT010" not in selection


def test_rules_by_kind_in_code_order(registry: Registry) -> None:
    codes = ["UNT100", "UNT002", "OTH001", "UNT001"]
    assert registry.per_file_rules(codes) == [OTHER, ALPHA, BETA]
    assert registry.project_rules(codes) == [Summing]
    assert registry.per_file_rules(["SL001"]) == []


def test_fingerprint_is_stable_and_changes_with_packs(registry: Registry) -> None:
    again = Registry(pack_fingerprints=registry.pack_fingerprints)
    assert again.fingerprint == registry.fingerprint
    more = Registry(pack_fingerprints=(*registry.pack_fingerprints, "more"))
    assert more.fingerprint != registry.fingerprint


def test_a_built_registry_cannot_be_changed_and_grows_only_into_a_new_one(
    registry: Registry,
) -> None:
    with pytest.raises(TypeError):
        registry.rules["UNT999"] = ALPHA  # type: ignore[index]
    extra = rule_class("UNT099", "extra")
    grown = registry.with_packs([RulePack("extra", [extra])], "test")
    assert "UNT099" in grown.rules
    assert "UNT099" not in registry.rules
    assert grown.find("extra") is extra
    with pytest.raises(RegistryError, match="reuses code UNT099"):
        grown.with_packs([RulePack("again", [rule_class("UNT099", "again")])], "test")


PLUGIN_SOURCE = """\
from standards_lint.rule import Area, Rule, RulePack


class Local(Rule):
    code = "LOC001"
    name = "local-rule"
    area = "local"
    summary = "s"
    rationale = "r"


PACK = RulePack("local", [Local], [Area("local", "LOC", "Local")], version="{version}")
"""


def test_local_plugin_by_module_name(tmp_path: Path, isolated_imports: None) -> None:
    (tmp_path / "team_rules_by_name.py").write_text(PLUGIN_SOURCE.format(version=1))
    registry = load_registry(["team_rules_by_name"], root=tmp_path)
    assert registry.find("local-rule").code == "LOC001"  # type: ignore[union-attr]
    assert str(tmp_path) not in sys.path  # loaded by its path, leaving sys.path alone
    assert any(f.startswith("plugin 'team_rules_by_name'=1:") for f in registry.pack_fingerprints)


def test_local_plugin_by_file_path(tmp_path: Path) -> None:
    plugin = tmp_path / "checks" / "team.py"
    plugin.parent.mkdir()
    plugin.write_text(PLUGIN_SOURCE.format(version=1))
    assert "LOC001" in load_registry(["checks/team.py"], root=tmp_path).rules
    assert "LOC001" in load_registry([str(plugin)], root=Path("/")).rules


def test_local_plugin_by_package_directory(tmp_path: Path) -> None:
    package = tmp_path / "team_pkg"
    package.mkdir()
    (package / "__init__.py").write_text(PLUGIN_SOURCE.format(version=1))
    assert "LOC001" in load_registry(["team_pkg/"], root=tmp_path).rules


def test_a_plugin_that_raises_on_import_is_reported(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("raise RuntimeError('half written')\n")
    with pytest.raises(RegistryError) as raised:
        load_registry(["broken.py"], root=tmp_path)
    assert raised.value.problems == [
        "plugin 'broken.py' failed to load: RuntimeError: half written"
    ]


def test_the_plugin_fingerprint_follows_its_source(tmp_path: Path) -> None:
    plugin = tmp_path / "rules_dir" / "team.py"
    plugin.parent.mkdir()
    plugin.write_text(PLUGIN_SOURCE.format(version=1))
    before = load_registry(["rules_dir/team.py"], root=tmp_path).fingerprint
    plugin.write_text(PLUGIN_SOURCE.format(version=1) + "# edited\n")
    assert load_registry(["rules_dir/team.py"], root=tmp_path).fingerprint != before


class FakeEntryPoint:
    """Stands in for an installed distribution's entry point."""

    def __init__(self, name: str, load: Callable[[], object]) -> None:
        self.name = name
        self.value = f"fake.{name}:PACK"
        self._load = load

    def load(self) -> object:
        return self._load()


def fake_entry_points(monkeypatch: pytest.MonkeyPatch, *extra: object) -> None:
    real = registry_module.entry_points

    def entry_points(*, group: str) -> list[object]:
        assert group == "standards_lint.rules"
        return [*real(group=group), *extra]

    monkeypatch.setattr(registry_module, "entry_points", entry_points)


def test_entry_point_packs_are_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_entry_points(monkeypatch, FakeEntryPoint("unit", lambda: PACK))
    registry = load_registry()
    assert registry.find("alpha") is ALPHA
    assert "STY001" in registry.rules
    assert any(
        f.startswith("entry point 'unit' (fake.unit:PACK)") for f in registry.pack_fingerprints
    )


def test_an_entry_point_may_name_a_module_that_defines_packs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, isolated_imports: None
) -> None:
    (tmp_path / "installed_pack_module.py").write_text(PLUGIN_SOURCE.format(version=2))
    monkeypatch.syspath_prepend(str(tmp_path))
    real = EntryPoint("installed", "installed_pack_module", "standards_lint.rules")
    fake_entry_points(monkeypatch, real)
    assert "LOC001" in load_registry().rules


def test_broken_entry_points_are_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode() -> object:
        raise ImportError("missing dependency")

    fake_entry_points(
        monkeypatch,
        FakeEntryPoint("broken", explode),
        FakeEntryPoint("not-a-pack", lambda: 42),
    )
    with pytest.raises(RegistryError) as raised:
        load_registry()
    assert raised.value.problems == [
        "entry point 'broken' (fake.broken:PACK) failed to load: ImportError: missing dependency",
        "entry point 'not-a-pack' (fake.not-a-pack:PACK) does not define a RulePack",
    ]


def test_a_pack_clashing_with_the_builtin_pack_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    clash = rule_class("STY001", "clash")
    fake_entry_points(
        monkeypatch, FakeEntryPoint("zz-clash", lambda: RulePack("c", [clash], [UNIT_AREA]))
    )
    with pytest.raises(RegistryError, match="Clash reuses code STY001 of line-too-long"):
        load_registry()


# plugin code that raises anything at all -----------------------------------------


class PluginStop(BaseException):
    """Not an ``Exception``: what ``except Exception`` would let through."""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import sys\nsys.exit(3)\n", "SystemExit: 3"),
        ("raise SystemExit\n", "SystemExit"),
        ("raise KeyboardInterrupt\n", "KeyboardInterrupt"),
        ("raise GeneratorExit('odd')\n", "GeneratorExit: odd"),
        (
            "class Stop(BaseException):\n    pass\n\nraise Stop('stopped')\n",
            "Stop: stopped",
        ),
    ],
    ids=["sys-exit-3", "bare-system-exit", "keyboard-interrupt", "generator-exit", "own-base"],
)
def test_a_plugin_raising_a_base_exception_is_reported(
    tmp_path: Path, source: str, expected: str
) -> None:
    (tmp_path / "rude.py").write_text(source, encoding="utf-8")
    with pytest.raises(RegistryError) as raised:
        load_registry(["rude.py"], root=tmp_path)
    assert raised.value.problems == [f"plugin 'rude.py' failed to load: {expected}"]


@pytest.mark.parametrize(
    "error", [SystemExit(4), KeyboardInterrupt(), PluginStop("entry point stopped")]
)
def test_an_entry_point_raising_a_base_exception_is_reported(
    monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    def explode() -> object:
        raise error

    fake_entry_points(monkeypatch, FakeEntryPoint("rude", explode))
    loaded = load_rule_packs()
    shown = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    assert loaded.problems == (f"entry point 'rude' (fake.rude:PACK) failed to load: {shown}",)
    assert loaded.registry.incomplete == ("entry point 'rude' (fake.rude:PACK)",)
    assert "STY001" in loaded.registry.rules


def test_load_rule_packs_keeps_what_loads(tmp_path: Path) -> None:
    (tmp_path / "good.py").write_text(PLUGIN_SOURCE.format(version=1), encoding="utf-8")
    (tmp_path / "bad.py").write_text("raise SystemExit(5)\n", encoding="utf-8")
    loaded = load_rule_packs(["bad.py", "good.py"], root=tmp_path)
    assert loaded.problems == ("plugin 'bad.py' failed to load: SystemExit: 5",)
    assert loaded.registry.incomplete == ("plugin 'bad.py'",)
    assert "LOC001" in loaded.registry.rules


def test_a_pack_with_a_refused_rule_is_incomplete(tmp_path: Path) -> None:
    (tmp_path / "clash.py").write_text(
        "from standards_lint import Rule, RulePack\n\n"
        "class Clash(Rule):\n    code = 'STY001'\n    name = 'clash'\n    area = 'style'\n"
        "    summary = 'A summary.'\n    rationale = 'A rationale.'\n\n"
        "PACK = RulePack(name='clash', rules=[Clash])\n",
        encoding="utf-8",
    )
    loaded = load_rule_packs(["clash.py"], root=tmp_path)
    assert loaded.registry.incomplete == ("plugin 'clash.py'",)


def test_the_sigint_handler_is_restored_after_loading(tmp_path: Path) -> None:
    (tmp_path / "handler.py").write_text(
        "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nraise KeyboardInterrupt\n",
        encoding="utf-8",
    )
    before = signal.getsignal(signal.SIGINT)
    loaded = load_rule_packs(["handler.py"], root=tmp_path)
    assert loaded.problems == ("plugin 'handler.py' failed to load: KeyboardInterrupt",)
    assert signal.getsignal(signal.SIGINT) is before


def test_a_real_sigint_while_loading_is_the_users_and_passed_on(tmp_path: Path) -> None:
    # The plugin catches the interrupt and goes on: the user still asked to stop.
    (tmp_path / "stubborn.py").write_text(
        "import signal\ntry:\n    signal.raise_signal(signal.SIGINT)\n"
        "except KeyboardInterrupt:\n    pass\n",
        encoding="utf-8",
    )
    received: list[int] = []

    def previous_handler(signum: int, frame: object) -> None:
        received.append(signum)
        raise PluginStop("the user's interrupt")

    before = signal.signal(signal.SIGINT, previous_handler)
    try:
        with pytest.raises(PluginStop, match="the user's interrupt"):
            load_rule_packs(["stubborn.py"], root=tmp_path)
        assert signal.getsignal(signal.SIGINT) is previous_handler
    finally:
        signal.signal(signal.SIGINT, before)
    assert received == [signal.SIGINT]


def test_outside_the_main_thread_a_keyboard_interrupt_is_the_plugins(tmp_path: Path) -> None:
    (tmp_path / "rude.py").write_text("raise KeyboardInterrupt('from a thread')\n")
    outcome: list[object] = []
    thread = threading.Thread(
        target=lambda: outcome.append(load_rule_packs(["rude.py"], root=tmp_path).problems)
    )
    thread.start()
    thread.join()
    assert outcome == [("plugin 'rude.py' failed to load: KeyboardInterrupt: from a thread",)]


def test_an_entry_point_that_gives_none_defines_no_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_entry_points(monkeypatch, FakeEntryPoint("empty", lambda: None))
    assert load_rule_packs().problems == (
        "entry point 'empty' (fake.empty:PACK) does not define a RulePack",
    )

"""The authoring API: how a rule, a rule pack, an area and its options are written.

A per-file :class:`Rule` subscribes to LibCST node types by defining
``visit_<NodeType>`` and ``leave_<NodeType>`` methods (``visit_FunctionDef``),
and/or reads the file's text in :meth:`Rule.start_file`. It reports with
:meth:`Rule.report` (at a node) or :meth:`Rule.report_at` (at a line).

A :class:`ProjectRule` runs once per run over the *facts* every file yielded
(each fact is produced by a :class:`Fact` collector and cached with the file).

Every rule documents itself: a code, a kebab-case name, a summary, a rationale
that teaches why, and :class:`Valid` / :class:`Invalid` examples that the test
suite runs and ``standards-lint explain`` prints.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from standards_lint.model import Edit, FixSafety, Severity, Span
from standards_lint.source import SourceFile

if TYPE_CHECKING:
    import libcst

OptionsT = TypeVar("OptionsT")

_CODE_PATTERN = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def option(default: Any, doc: str) -> Any:
    """Declare one typed option of an area's options dataclass, with its documentation.

    The TOML key is the field name with ``_`` written as ``-``.
    """
    if isinstance(default, (list, dict, set)):
        raise TypeError("option defaults must be immutable: use a tuple or a MappingProxyType")
    if isinstance(default, Mapping):
        # A read-only mapping is safe to share, but dataclasses only accept
        # hashable defaults, so it is handed out by a factory.
        return field(default_factory=lambda: default, metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


def option_doc(options_field: dataclasses.Field[Any]) -> str:
    """The documentation given to :func:`option` for a field."""
    return str(options_field.metadata.get("doc", ""))


def option_default(options_field: dataclasses.Field[Any]) -> Any:
    """The default value of an options field (from its default or its factory)."""
    if options_field.default is not dataclasses.MISSING:
        return options_field.default
    if options_field.default_factory is not dataclasses.MISSING:
        return options_field.default_factory()
    return None


def toml_key(field_name: str) -> str:
    """The standards-file key for an options field."""
    return field_name.replace("_", "-")


@dataclass(frozen=True, slots=True)
class NoOptions:
    """The options of an area that has none."""


@dataclass(frozen=True, slots=True)
class Area:
    """A section of the standards file (``[style]``) and the rules it groups.

    ``options`` is a frozen dataclass whose fields are declared with
    :func:`option`; its ``__post_init__`` may raise ``ValueError`` to reject a
    value, and the message reaches the user with the file and key.
    """

    name: str
    prefix: str
    title: str
    options: type[Any] = NoOptions


@dataclass(frozen=True, slots=True)
class Valid:
    """A snippet the rule must not report, optionally under given area options."""

    code: str
    options: Mapping[str, Any] = field(default_factory=dict)
    path: str = "example.py"
    #: Other files of the example's project (path to text), for rules that
    #: look across files; what the rule reports on them counts too.
    files: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Expected:
    """One report an :class:`Invalid` example must make: its line, and what else is given."""

    line: int | None = None
    #: Text the report's message must contain.
    message: str | None = None
    #: The 1-based column the report must start at.
    column: int | None = None

    def matches(self, line: int, column: int, message: str) -> bool:
        """Whether a report at ``line``:``column`` with ``message`` is this one."""
        return (
            (self.line is None or self.line == line)
            and (self.column is None or self.column == column)
            and (self.message is None or self.message in message)
        )

    def __str__(self) -> str:
        where = "any line" if self.line is None else str(self.line)
        if self.column is not None:
            where += f":{self.column}"
        return f"{where} {self.message!r}" if self.message is not None else where


@dataclass(frozen=True, slots=True)
class Invalid:
    """A snippet the rule must report: exactly the reports it declares, no more, no fewer.

    ``Invalid(code, line=3)`` is one report at line 3 (``message`` is text it
    must contain, ``column`` its column); ``Invalid(code)`` is one report
    anywhere. Several reports are ``lines=(3, 5)`` (``message`` then applies
    to each) or ``reports=((3, "text"), (5, None))``, each a line and the
    text its message contains, or an :class:`Expected`.
    """

    code: str
    line: int | None = None
    message: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    path: str = "example.py"
    #: Other files of the example's project, as for :class:`Valid`.
    files: Mapping[str, str] = field(default_factory=dict)
    column: int | None = None
    lines: Sequence[int] = ()
    reports: Sequence[tuple[int, str | None] | Expected] = ()
    #: The code after every fix the reports propose (safe and unsafe) is
    #: applied until nothing changes: required when a report carries a fix.
    fixed: str | None = None

    def __post_init__(self) -> None:
        given = [name for name in ("line", "column") if getattr(self, name) is not None]
        if self.lines and (given or self.reports):
            raise ValueError("give lines= alone (with message=), not with line, column or reports")
        if self.reports and (given or self.message is not None):
            raise ValueError("give reports= alone: each report carries its line and message")

    @property
    def expected(self) -> tuple[Expected, ...]:
        """Every report the example declares."""
        if self.reports:
            return tuple(
                report if isinstance(report, Expected) else Expected(report[0], report[1])
                for report in self.reports
            )
        if self.lines:
            return tuple(Expected(line, self.message) for line in self.lines)
        return (Expected(self.line, self.message, self.column),)


@dataclass(frozen=True, slots=True)
class Replace:
    """A change to the syntax tree: put ``new`` where ``node`` is.

    ``new`` is a node (build it with ``node.with_changes(...)``) or
    ``libcst.RemoveFromParent()``. The engine turns it into an
    :class:`~standards_lint.model.Edit` of the text, touching only what differs.
    """

    node: libcst.CSTNode
    new: libcst.CSTNode | libcst.RemovalSentinel


@dataclass(frozen=True, slots=True)
class ProposedFix:
    """The fix a rule offers with a report: changes to the tree or to the text.

    ``description`` says what applying it does, as an imperative ("Catch
    ``Exception``, not everything"). ``changes`` are :class:`Replace` (tree
    rules) and :class:`~standards_lint.model.Edit` (text offsets, see
    :meth:`~standards_lint.source.SourceFile.offset`); they are applied
    together or not at all. A fix whose result may behave differently is
    :attr:`~standards_lint.model.FixSafety.UNSAFE`.
    """

    description: str
    changes: Sequence[Edit | Replace]
    safety: FixSafety = FixSafety.SAFE


@dataclass(slots=True)
class PendingReport:
    """A report made during a walk, before positions are known."""

    node: libcst.CSTNode | None
    span: Span | None
    message: str
    #: The module-level statement that contains ``node``, if known: positions
    #: are then found by generating that statement's code alone.
    statement: libcst.CSTNode | None = None
    #: The measured figure of a metric rule (see :meth:`Rule.report`).
    value: float | None = None
    #: The repair offered with the report, if any.
    fix: ProposedFix | None = None
    #: The nodes that enclosed the walk when the report was made (the module
    #: first) and the reported node: its position is then found by generating
    #: only the innermost class or function that holds it.
    enclosing: tuple[libcst.CSTNode, ...] = ()


class RuleMeta:
    """The self-description shared by every kind of rule."""

    code: ClassVar[str]
    name: ClassVar[str]
    area: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str]
    rationale: ClassVar[str]
    options_used: ClassVar[tuple[str, ...]] = ()
    enabled_by_default: ClassVar[bool] = True
    #: A violation of this rule means the tool could not do its job (an
    #: internal error, an input it cannot read), so the run exits 2, not 1,
    #: whatever its severity and ``--exit-zero``.
    fails_the_run: ClassVar[bool] = False
    #: The safety levels of the fixes the rule can propose (none: it does not fix).
    fix_safety: ClassVar[tuple[FixSafety, ...]] = ()
    #: What its fixes do, for ``rules`` and ``explain``.
    fix_summary: ClassVar[str] = ""
    valid: ClassVar[Sequence[Valid]] = ()
    invalid: ClassVar[Sequence[Invalid]] = ()

    @classmethod
    def fix_label(cls) -> str:
        """``safe``, ``unsafe``, ``safe or unsafe``, or ``""`` for a rule that does not fix."""
        return " or ".join(safety.value for safety in cls.fix_safety)

    @classmethod
    def check_metadata(cls) -> list[str]:
        """Problems with this rule's self-description, for the registry to refuse it."""
        problems = []
        for attribute in ("code", "name", "area", "summary", "rationale"):
            if not getattr(cls, attribute, ""):
                problems.append(f"{cls.__qualname__} has no {attribute}")
        if problems:
            return problems
        if not _CODE_PATTERN.match(cls.code):
            problems.append(f"{cls.__qualname__}.code {cls.code!r} is not letters then 3 digits")
        if not _NAME_PATTERN.match(cls.name):
            problems.append(f"{cls.__qualname__}.name {cls.name!r} is not kebab-case")
        if cls.fix_safety and not cls.fix_summary:
            problems.append(f"{cls.__qualname__} fixes but has no fix_summary")
        return problems


class Rule(RuleMeta, Generic[OptionsT]):
    """A per-file rule. Subclass it, set the metadata, and add visitor methods.

    One instance is made for each file, so instance attributes may carry
    state from one node to the next within that file.
    """

    #: Metadata the rule needs beyond the tree itself; none are built in yet.
    needs_cst: ClassVar[bool | None] = None

    def __init__(self, source: SourceFile, options: OptionsT, ancestors: list[Any]) -> None:
        self.source = source
        self.options = options
        self._ancestors = ancestors
        self.reports: list[PendingReport] = []

    @classmethod
    def subscriptions(cls) -> Iterator[tuple[str, str]]:
        """Yield ``("visit"|"leave", NodeTypeName)`` for each visitor method."""
        for attribute in dir(cls):
            kind, _, node_type = attribute.partition("_")
            if kind in ("visit", "leave") and node_type[:1].isupper() and "_" not in node_type:
                yield kind, node_type

    @classmethod
    def uses_tree(cls) -> bool:
        """Whether the rule walks the LibCST tree (else it only reads the text)."""
        if cls.needs_cst is not None:
            return cls.needs_cst
        return any(True for _ in cls.subscriptions())

    @property
    def ancestors(self) -> Sequence[libcst.CSTNode]:
        """The nodes enclosing the node being visited, outermost first."""
        return self._ancestors

    def start_file(self) -> bool | None:
        """Called before the walk; text-based rules do their work here.

        Return ``False`` to skip the walk for this file (a rule that has
        nothing to check in a stub, say); the tree is then not even parsed
        for this rule's sake.
        """
        return None

    def end_file(self) -> None:
        """Called after the walk."""

    def report(
        self,
        node: libcst.CSTNode,
        message: str,
        *,
        value: float | None = None,
        fix: ProposedFix | None = None,
    ) -> None:
        """Report a violation at ``node`` (its position is computed only if needed).

        A metric rule passes the measured figure as ``value`` (higher is
        worse: a complexity, a length, a count), so that a baseline can
        accept today's figure and report the violation again if it grows.
        ``fix`` offers a repair (declare its safety in ``fix_safety``).
        """
        ancestors = self._ancestors
        statement = ancestors[1] if len(ancestors) > 1 else (node if ancestors else None)
        self.reports.append(
            PendingReport(node, None, message, statement, value, fix, (*ancestors, node))
        )

    def report_at(
        self,
        line: int,
        column: int,
        message: str,
        *,
        end_line: int | None = None,
        end_column: int | None = None,
        value: float | None = None,
        fix: ProposedFix | None = None,
    ) -> None:
        """Report a violation at a 1-based line and column.

        ``value`` and ``fix`` are as for :meth:`report`.
        """
        span = Span(line, column, end_line or line, end_column or column)
        self.reports.append(PendingReport(None, span, message, value=value, fix=fix))


@dataclass(frozen=True, slots=True)
class Fact(Generic[OptionsT]):
    """A per-file fact collector: a pure function of the file and its area options.

    The value must be plain data: ``None``, booleans, numbers, strings,
    tuples, lists, dicts, enums and frozen dataclasses (of a module the rule
    pack has loaded, built by positional arguments) of those. It is cached
    with the file as JSON and handed to project rules; a value of any other
    kind is not cached, so the file is analysed again on every run.
    """

    name: str
    area: str
    collect: Callable[[SourceFile, OptionsT], object]


@dataclass(frozen=True, slots=True)
class ProjectReport:
    """A report made by a project rule."""

    message: str
    path: str | None
    line: int
    #: The measured figure, as for :meth:`Rule.report`.
    value: float | None = None
    #: Other files the finding concerns (the modules of an import chain), by
    #: display path: a run over any of them reports it, as a whole run does.
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProjectFacts:
    """What project rules see: each checked file's facts, and where the standards live."""

    files: Mapping[str, Mapping[str, object]]
    standards_path: str | None
    #: Each file's path relative to the standards' root (with ``/``), by display path.
    root_paths: Mapping[str, str] = field(default_factory=dict)
    #: When the run is gated on a diff, the lines it added or changed in each
    #: file that has some, by display path (a file left out did not change);
    #: ``None`` otherwise. Project rules judge figures of the new code with it.
    changed_lines: Mapping[str, frozenset[int]] | None = None
    #: The standards' root directory, absolute (``None`` when not known):
    #: project rules find external inputs, such as coverage data, relative to it.
    root: str | None = None

    def values(self, fact: str) -> Iterator[tuple[str, object]]:
        """Yield ``(path, value)`` for every file that produced ``fact``, in path order."""
        for path in sorted(self.files):
            facts = self.files[path]
            if fact in facts:
                yield path, facts[fact]


class ProjectRule(RuleMeta, Generic[OptionsT]):
    """A rule that runs once over the facts of all files.

    Declare the facts it reads in ``facts``; implement :meth:`check`.
    """

    facts: ClassVar[tuple[str, ...]] = ()
    #: ``False`` for a rule whose findings are about the project as a whole
    #: (an average, a total), reported against the standards file: an editor
    #: that checks one document shows none of them, so it skips their facts.
    reports_on_files: ClassVar[bool] = True

    def __init__(self, options: OptionsT, options_for_path: Callable[[str], OptionsT]) -> None:
        self.options = options
        self.options_for_path = options_for_path
        self.reports: list[ProjectReport] = []
        self.metrics: dict[str, float] = {}

    def check(self, project: ProjectFacts) -> None:
        """Inspect ``project`` and report."""
        raise NotImplementedError

    def report(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int = 1,
        value: float | None = None,
        related: Sequence[str] = (),
    ) -> None:
        """Report at a file and line, or (``path=None``) against the standards file.

        ``value`` is the measured figure, as for :meth:`Rule.report`;
        ``related`` names the other files the finding concerns (display paths).
        """
        self.reports.append(ProjectReport(message, path, line, value, tuple(related)))

    def publish(self, metric: str, value: float) -> None:
        """Publish a named figure into the report's ``metrics``."""
        self.metrics[metric] = value


@dataclass(frozen=True, slots=True)
class RuleEntry:
    """What the registry knows of a deferred rule before its module is imported."""

    code: str
    name: str
    enabled_by_default: bool = True


@dataclass(frozen=True, slots=True)
class DeferredRules:
    """The rules and fact collectors of one area, imported only when a run needs them.

    ``source`` names a :class:`RulePack` as an entry point names an object
    (``package.module:NAME``); that pack gives the rules and facts, and no
    areas. It is imported the first time one of its rules or facts is asked
    for. Until then the registry selects rules, suggests names and reads
    suppression comments from ``rules`` and ``facts`` alone, so they must
    describe the pack exactly: the registry checks when it imports it, and
    :meth:`describe` writes them from it.
    """

    source: str
    area: str
    rules: tuple[RuleEntry, ...]
    facts: tuple[str, ...] = ()

    @classmethod
    def describe(cls, source: str, area: str) -> DeferredRules:
        """The description of the pack ``source`` names, which is imported to describe it."""
        pack = import_source(source)
        if not isinstance(pack, RulePack):
            raise TypeError(f"{source} is not a RulePack")
        return cls(
            source,
            area,
            tuple(RuleEntry(rule.code, rule.name, rule.enabled_by_default) for rule in pack.rules),
            tuple(fact.name for fact in pack.facts),
        )


def import_source(source: str) -> object:
    """The object ``package.module:NAME`` names (its module imported), or the module itself."""
    module_name, _, attribute = source.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module


@dataclass(frozen=True, slots=True)
class RulePack:
    """What a plugin offers: rules, the areas their options live in, and fact collectors.

    Register one under the ``standards_lint.rules`` entry-point group, or name
    a module that defines one in the standards file's ``plugins``. A large
    pack may name some of its rules in ``deferred`` instead of ``rules``, so
    that a run imports only the areas it uses (see :class:`DeferredRules`).
    """

    name: str
    rules: Sequence[type[Rule[Any]] | type[ProjectRule[Any]]]
    areas: Sequence[Area] = ()
    facts: Sequence[Fact[Any]] = ()
    version: str = ""
    deferred: Sequence[DeferredRules] = ()

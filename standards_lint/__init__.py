"""standards-lint: a team's engineering standards, written once in TOML, checked everywhere.

The public surface: run :func:`check` over paths with :func:`load_standards`
(or :func:`check_source` and :func:`check_sources` over text in memory),
or write rules with :class:`Rule`, :class:`ProjectRule` and :class:`RulePack`.
"""

from standards_lint.api import check, check_source, check_sources
from standards_lint.config import ConfigError, Standards, load_standards
from standards_lint.model import (
    Edit,
    FileResult,
    Fix,
    FixSafety,
    Report,
    Severity,
    Span,
    Violation,
)
from standards_lint.rule import (
    Area,
    DeferredRules,
    Fact,
    Invalid,
    ProjectFacts,
    ProjectRule,
    ProposedFix,
    Replace,
    Rule,
    RuleEntry,
    RulePack,
    Valid,
    option,
)
from standards_lint.source import SourceFile

__all__ = [
    "Area",
    "ConfigError",
    "DeferredRules",
    "Edit",
    "Fact",
    "FileResult",
    "Fix",
    "FixSafety",
    "Invalid",
    "ProjectFacts",
    "ProjectRule",
    "ProposedFix",
    "Replace",
    "Report",
    "Rule",
    "RuleEntry",
    "RulePack",
    "Severity",
    "SourceFile",
    "Span",
    "Standards",
    "Valid",
    "Violation",
    "check",
    "check_source",
    "check_sources",
    "load_standards",
    "option",
]

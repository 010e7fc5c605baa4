"""Turn effective standards into what a worker needs to analyse a file."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from standards_lint.config import EffectiveStandards, Standards
from standards_lint.engine.analyze import FileProfile
from standards_lint.registry import hash_python_files
from standards_lint.version import tool_version


def tool_fingerprint() -> str:
    """The tool's version and a hash of its own code, so upgrades invalidate the cache."""
    package = Path(__file__).resolve().parent.parent
    directories = [package, *sorted(p for p in package.iterdir() if p.is_dir())]
    return f"{tool_version()}:{hash_python_files(directories)}"


def build_profile(
    effective: EffectiveStandards,
    standards: Standards,
    tool: str,
    project_codes: frozenset[str],
    *,
    project_figures: bool = True,
) -> FileProfile:
    """The profile for files with these effective standards.

    Facts are collected for the project rules in ``project_codes`` that also
    apply to these files, so a path whose overrides ignore a project rule does
    not count towards it. Without ``project_figures`` (an editor checking one
    document), the facts of rules that only report on the whole project
    (``reports_on_files = False``) are not collected.
    """
    registry = standards.registry
    rules = tuple(registry.per_file_rules(effective.codes))
    fact_names = sorted(
        {
            fact
            for rule in registry.project_rules(effective.codes & project_codes)
            if project_figures or rule.reports_on_files
            for fact in rule.facts
        }
    )
    facts = tuple(registry.facts[name] for name in fact_names)
    used_areas = {rule.area for rule in rules} | {fact.area for fact in facts}
    options: dict[str, Any] = {name: effective.areas[name] for name in sorted(used_areas)}
    digest = hashlib.sha256()
    for part in (
        tool,
        registry.fingerprint,
        ",".join(rule.code for rule in rules),
        ",".join(fact_names),
        repr(sorted(options.items())),
    ):
        digest.update(part.encode() + b"\0")
    return FileProfile(rules, options, facts, digest.hexdigest())

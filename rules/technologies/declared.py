"""Imports against the dependencies the project declares: deptry's DEP001-DEP004.

The decision for each imported top-level module follows deptry's: provided by
a declared runtime dependency, fine; else by a development dependency,
TEC104; else installed all the same (it came with something else), TEC103;
else TEC101. A runtime dependency that provides no imported module is TEC102.
Only production files count (not ``development-files``), as deptry scans only
the files its ``exclude`` leaves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from standards_lint.rules.technologies.distributions import DistributionIndex
from standards_lint.rules.technologies.requirements import DeclaredDependency
from standards_lint.rules.technologies.usage import ThirdPartyImport

FindingKind = Literal["undeclared", "unused", "transitive", "development"]


@dataclass(frozen=True, slots=True)
class DependencyFinding:
    """One disagreement between the imports and the declarations."""

    kind: FindingKind
    #: The imported top-level module, or (for ``unused``) the declared distribution.
    name: str
    message: str
    #: The importing file and line; for ``unused``, ``None`` and the declaration's line.
    path: str | None
    line: int


def dependency_findings(
    imports: Iterable[ThirdPartyImport],
    declared: Sequence[DeclaredDependency],
    index: DistributionIndex,
    declarations_file: str,
) -> list[DependencyFinding]:
    """Every finding, imports in the order given, then unused dependencies in file order.

    ``imports`` are the production files' third-party imports;
    ``declarations_file`` names the file in the messages.
    """
    runtime = [dependency for dependency in declared if dependency.kind == "runtime"]
    development = [dependency for dependency in declared if dependency.kind == "development"]
    findings: list[DependencyFinding] = []
    imported: set[str] = set()
    for found in imports:
        imported.add(found.module)
        finding = _judge_import(found, runtime, development, index)
        if finding is not None:
            findings.append(finding)
    used = {
        dependency.canonical
        for dependency in runtime
        if any(index.provides(dependency.name, module) for module in imported)
    }
    reported: set[str] = set()
    for dependency in runtime:
        if dependency.canonical in used or dependency.canonical in reported:
            continue
        reported.add(dependency.canonical)
        where = dependency.section
        if dependency.line is not None:
            where += f", {declarations_file} line {dependency.line}"
        findings.append(
            DependencyFinding(
                "unused",
                dependency.name,
                f"'{dependency.name}' is declared ({where}) but no production code imports it"
                f" (it provides {', '.join(sorted(index.modules_of(dependency.name)))})",
                None,
                dependency.line or 1,
            )
        )
    return findings


def _judge_import(
    found: ThirdPartyImport,
    runtime: Sequence[DeclaredDependency],
    development: Sequence[DeclaredDependency],
    index: DistributionIndex,
) -> DependencyFinding | None:
    module = found.module
    if any(index.provides(dependency.name, module) for dependency in runtime):
        return None
    for dependency in development:
        if index.provides(dependency.name, module):
            message = (
                f"'{module}' comes from '{dependency.name}', declared for development only"
                f" ({dependency.section}), but production code imports it: declare it as a"
                " runtime dependency, or move the import to development files"
            )
            return DependencyFinding("development", module, message, found.path, found.line)
    installed = index.distributions_of(module)
    if installed:
        shown = " or ".join(sorted(index.shown(name) for name in installed))
        message = (
            f"'{module}' is imported but not declared: it comes from {shown}, which is"
            " installed only because something else requires it; declare it"
        )
        return DependencyFinding("transitive", module, message, found.path, found.line)
    message = (
        f"'{module}' is imported but no declared dependency provides it, and no installed"
        " distribution does: declare it (or map it in package-module-map)"
    )
    return DependencyFinding("undeclared", module, message, found.path, found.line)

"""TEC101-TEC104: the project's imports against its declared dependencies.

The rules read the declarations file (``pyproject.toml`` by default) from the
standards' root, which is found from the display paths: they are relative to
the working directory of the run, as the CLI runs. The file is parsed as TOML
data, never executed.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import ClassVar

import pathspec

from standards_lint.rule import Invalid, ProjectFacts, ProjectRule, Valid
from standards_lint.rules.architecture.imports import IMPORTS_FACT
from standards_lint.rules.technologies.declared import (
    DependencyFinding,
    FindingKind,
    dependency_findings,
)
from standards_lint.rules.technologies.distributions import (
    DistributionIndex,
    MetadataReader,
    installed_modules,
)
from standards_lint.rules.technologies.options import TechnologyOptions
from standards_lint.rules.technologies.requirements import (
    DeclaredDependency,
    PyprojectError,
    extra_declarations,
    read_declarations,
)
from standards_lint.rules.technologies.usage import (
    ProjectLayout,
    third_party_imports,
)

_OPTIONS_USED = (
    "pyproject",
    "declared",
    "declared-for-development",
    "development-files",
    "development-groups",
    "runtime-dependency-groups",
    "package-module-map",
    "first-party",
    "source-roots",
    "package-map",
)
# Examples read no file: they declare through the options, so that they mean
# the same in any folder.
_DECLARE_HTTPX = {"pyproject": "", "declared": ["httpx>=0.27"]}
_PYTEST_FOR_DEVELOPMENT = {"pyproject": "", "declared-for-development": ["pytest>=8"]}


def project_root(project: ProjectFacts) -> PurePosixPath | None:
    """The standards' root as a path relative to the process's working directory.

    Display paths are relative to the run's working directory, which is the
    process's for the CLI; a caller of the API may give another. So the root
    found from them is trusted only if the checked files are really there,
    else ``None`` (and the declarations are not read).
    """
    for display, relative in sorted(project.root_paths.items()):
        if display == relative:
            root = PurePosixPath(".")
        elif display.endswith("/" + relative):
            root = PurePosixPath(display[: -len(relative) - 1])
        else:
            continue
        return root if Path(display).is_file() else None
    return None


class _DependencyRule(ProjectRule[TechnologyOptions]):
    """Computes every dependency finding and reports those of its own kind."""

    area = "technologies"
    facts = (IMPORTS_FACT,)
    enabled_by_default = False
    kind: ClassVar[FindingKind]
    #: Reads the environment's metadata; a subclass may read another.
    read_metadata: MetadataReader = staticmethod(installed_modules)
    options_used = _OPTIONS_USED

    def check(self, project: ProjectFacts) -> None:
        """Read the declarations, judge the production files' imports, report own findings."""
        declarations_file = self.options.pyproject
        declared = self._declarations(project)
        if declared is None:
            return
        layout = ProjectLayout.of(project, self.options)
        development = pathspec.GitIgnoreSpec.from_lines(self.options.development_files)
        # An import for type checkers only needs no installed package at run
        # time (deptry leaves these out too).
        imports = [
            found
            for found in third_party_imports(project, layout)
            if not found.type_checking
            and not development.match_file(project.root_paths.get(found.path, found.path))
        ]
        index = DistributionIndex.build(self.read_metadata(), self.options.package_module_map)
        findings = dependency_findings(imports, declared, index, declarations_file)
        for finding in findings:
            if finding.kind == self.kind:
                self._report(finding, project)

    def _declarations(self, project: ProjectFacts) -> list[DeclaredDependency] | None:
        """What the project declares; ``None`` when it declares nothing to check against."""
        options = self.options
        declared = [
            *extra_declarations(options.declared, "runtime", "declared"),
            *extra_declarations(
                options.declared_for_development, "development", "declared-for-development"
            ),
        ]
        from_file = None
        root = project_root(project)
        if options.pyproject and root is not None:
            path = Path(root / options.pyproject)
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                text = None
            except (OSError, UnicodeDecodeError) as error:
                self._report_unreadable(f"cannot be read: {error}")
                return None
            if text is not None:
                try:
                    from_file = read_declarations(
                        text,
                        development_groups=options.development_groups,
                        runtime_dependency_groups=options.runtime_dependency_groups,
                    )
                except PyprojectError as error:
                    self._report_unreadable(str(error))
                    return None
        if from_file is None and not declared:
            return None
        return [*(from_file or ()), *declared]

    def _report_unreadable(self, problem: str) -> None:
        """Say once, through TEC101, that the declarations could not be judged."""
        if self.kind == "undeclared":
            self.report(f"{self.options.pyproject} {problem}; dependencies were not checked")

    def _report(self, finding: DependencyFinding, project: ProjectFacts) -> None:
        if finding.path is not None:
            self.report(finding.message, path=finding.path, line=finding.line)
            return
        # A declaration is reported in the declarations file when the standards
        # live there, else against the standards file (it is not a checked file).
        root = project_root(project)
        declarations = (
            (root / self.options.pyproject).as_posix()
            if root is not None and self.options.pyproject
            else None
        )
        if declarations is not None and declarations.removeprefix("./") == project.standards_path:
            self.report(finding.message, line=finding.line)
        else:
            self.report(finding.message)


class UndeclaredDependency(_DependencyRule):
    """DEP001: an import that no declared dependency, and nothing installed, provides."""

    code = "TEC101"
    name = "undeclared-dependency"
    kind = "undeclared"
    summary = "A module imports a package that no declared dependency provides (deptry DEP001)."
    rationale = (
        "Code that imports a package the project does not declare works on the author's"
        " machine and fails on a fresh install, in a container, or for a user of the"
        " published package. The declarations in pyproject.toml are the contract with"
        " every installer: each import of production code must be covered by them."
        " Import names are mapped to distributions through the environment's metadata"
        " (importlib.metadata.packages_distributions), or package-module-map, or else the"
        " name itself normalised. As deptry does, an undeclared package that is installed"
        " anyway is TEC103's, and development files are not checked. Off unless selected:"
        " the metadata must be the project's environment's, so run it there. It also"
        " reports a declarations file that is not valid TOML."
    )
    valid = (
        Valid("import httpx\nfrom httpx import Client\n", options=_DECLARE_HTTPX),
        Valid("import os\nfrom . import tools\nimport example\n", options=_DECLARE_HTTPX),
        Valid("import acme_billing\n", path="tests/test_billing.py", options=_DECLARE_HTTPX),
        Valid("import acme_billing\n"),
    )
    invalid = (
        Invalid(
            "import httpx\nimport acme_billing.invoices\n",
            options=_DECLARE_HTTPX,
            line=2,
            message="'acme_billing' is imported but no declared dependency provides it",
        ),
    )


class UnusedDependency(_DependencyRule):
    """DEP002: a declared runtime dependency that production code never imports."""

    code = "TEC102"
    name = "unused-dependency"
    kind = "unused"
    summary = "A declared runtime dependency is never imported by production code (deptry DEP002)."
    rationale = (
        "Every declared dependency is installed for every user, widens the attack surface"
        " and constrains upgrades; one that nothing imports is cost without benefit, often"
        " left behind when code moved on. A dependency counts as used when production code"
        " imports one of its top-level modules (from its metadata, or package-module-map,"
        " or its name normalised when it is not installed). Optional dependencies are"
        " runtime dependencies unless their group is in development-groups, as in deptry;"
        " a dependency needed only at run time without an import (a plugin, a driver) is"
        " one to ignore for this rule in the standards file. Reported in pyproject.toml at"
        " its line when the standards live there, else against the standards file."
    )
    valid = (
        Valid("import httpx\n", options=_DECLARE_HTTPX),
        Valid("import os\n"),
        Valid(
            "import yaml\n",
            options={
                "pyproject": "",
                "declared": ["PyYAML"],
                "package-module-map": {"PyYAML": ["yaml"]},
            },
        ),
    )
    invalid = (
        Invalid(
            "import httpx\n",
            options={"pyproject": "", "declared": ["httpx", "rich>=13"]},
            line=1,
            message="'rich' is declared ([technologies] declared) but no production code"
            " imports it",
        ),
        Invalid(
            "import httpx\n",
            path="tests/test_client.py",
            options=_DECLARE_HTTPX,
            message="'httpx' is declared",
        ),
    )


class TransitiveDependency(_DependencyRule):
    """DEP003: an import of a package installed only as another package's dependency."""

    code = "TEC103"
    name = "transitive-dependency"
    kind = "transitive"
    summary = (
        "A module imports an installed package that the project does not declare (deptry DEP003)."
    )
    rationale = (
        "A package that is installed only because another dependency requires it can"
        " disappear, or change major version, the day that dependency changes its own"
        " requirements; code that imports it directly must declare it. The package is"
        " recognised as installed from the environment's metadata, so the rule is only as"
        " good as the environment it runs in: run it in the project's own."
    )
    valid = (Valid("import click\n", options={"pyproject": "", "declared": ["click"]}),)
    invalid = (
        Invalid(
            "import httpx\nimport click\n",
            options=_DECLARE_HTTPX,
            line=2,
            message="'click' is imported but not declared: it comes from click",
        ),
    )


class DevelopmentDependencyInProduction(_DependencyRule):
    """DEP004: production code imports a package declared for development only."""

    code = "TEC104"
    name = "development-dependency-in-production"
    kind = "development"
    summary = "Production code imports a development-only dependency (deptry DEP004)."
    rationale = (
        "Development dependencies (test runners, linters, the groups in"
        " [dependency-groups] and the optional groups named in development-groups) are"
        " not installed for users; production code that imports one fails for them."
        " Either the import belongs in development files (tests, scripts), or the package"
        " is in fact a runtime dependency and must be declared as one."
    )
    valid = (
        Valid("import pytest\n", path="tests/test_prices.py", options=_PYTEST_FOR_DEVELOPMENT),
    )
    invalid = (
        Invalid(
            "import pytest\n",
            path="shop/testing.py",
            options=_PYTEST_FOR_DEVELOPMENT,
            line=1,
            message="'pytest' comes from 'pytest', declared for development only",
        ),
    )


DEPENDENCY_RULES = (
    UndeclaredDependency,
    UnusedDependency,
    TransitiveDependency,
    DevelopmentDependencyInProduction,
)

"""TEC001-TEC003: third-party imports against the approved, restricted and denied technologies."""

from __future__ import annotations

from standards_lint.rule import Invalid, ProjectFacts, ProjectRule, Valid
from standards_lint.rules.architecture.imports import IMPORTS_FACT
from standards_lint.rules.technologies.distributions import (
    DistributionIndex,
    MetadataReader,
    installed_modules,
)
from standards_lint.rules.technologies.options import TechnologyOptions
from standards_lint.rules.technologies.requirements import canonical_name
from standards_lint.rules.technologies.usage import (
    ProjectLayout,
    ThirdPartyImport,
    third_party_imports,
)

_ANY_THIRD_PARTY = "import yaml\nimport sqlalchemy.orm\n"
_ORM_IN_DB = {"restricted": {"sqlalchemy": ["app.db"], "fastapi": ["app.web"]}}
_DENY_REQUESTS = {"denied": [{"name": "requests", "use": "httpx", "reason": "one client"}]}


class _ImportJudge(ProjectRule[TechnologyOptions]):
    """Runs :meth:`judge` on every third-party import, under that file's options."""

    area = "technologies"
    facts = (IMPORTS_FACT,)
    #: Reads the environment's metadata; a subclass may read another.
    read_metadata: MetadataReader = staticmethod(installed_modules)

    def check(self, project: ProjectFacts) -> None:
        """Judge each third-party import, reading the metadata only if one needs it."""
        if not self.in_force(self.options) and not any(
            self.in_force(self.options_for_path(path)) for path in project.files
        ):
            return
        layout = ProjectLayout.of(project, self.options)
        index: DistributionIndex | None = None
        for found in third_party_imports(project, layout):
            options = self.options_for_path(found.path)
            if not self.in_force(options):
                continue
            if index is None:
                index = DistributionIndex.build(
                    self.read_metadata(), self.options.package_module_map
                )
            self.judge(found, index, options)

    def in_force(self, options: TechnologyOptions) -> bool:
        """Whether ``options`` give this rule anything to check."""
        raise NotImplementedError

    def judge(
        self, found: ThirdPartyImport, index: DistributionIndex, options: TechnologyOptions
    ) -> None:
        """Report ``found`` if it breaks the rule."""
        raise NotImplementedError


def _denied_entry(
    found: ThirdPartyImport, index: DistributionIndex, options: TechnologyOptions
) -> str | None:
    """The message for an import of a denied distribution, or ``None``."""
    judged = index.judged_as(found.module)
    for entry in options.denied:
        if canonical_name(entry.name) in judged:
            message = f"{entry.name} is denied (imported as {found.module})"
            if entry.use:
                message += f": use {entry.use} instead"
            return message + (f"; {entry.reason}" if entry.reason else "")
    return None


class DeniedTechnology(_ImportJudge):
    """Reports imports of a distribution in ``[[technologies.denied]]``."""

    code = "TEC003"
    name = "denied-technology"
    summary = "A module imports a distribution the team has ruled out."
    rationale = (
        "When a team settles on one library for a job (httpx for HTTP, one ORM, one"
        " logging setup), a second one creeps in through a quick fix and then both must be"
        " understood, patched and upgraded. The deny-list names the ruled-out choice and"
        " its approved replacement, so the message tells the author what to use instead"
        " at the line where it matters, and the reason records why the decision was made."
        " Each import is judged as the distribution that provides its top-level module,"
        " according to the environment's metadata and package-module-map."
    )
    options_used = ("denied", "package-module-map", "first-party", "source-roots")
    valid = (
        Valid("import httpx\n", options=_DENY_REQUESTS),
        Valid("import requests\n"),
        Valid("from . import requests\n", options=_DENY_REQUESTS),
    )
    invalid = (
        Invalid(
            '"""Client."""\nimport requests.adapters\n',
            options=_DENY_REQUESTS,
            line=2,
            message="requests is denied (imported as requests): use httpx instead; one client",
        ),
        Invalid(
            "def fetch():\n    from requests import get\n",
            options={"denied": [{"name": "requests"}]},
            line=2,
            message="requests is denied",
        ),
    )

    def in_force(self, options: TechnologyOptions) -> bool:
        """Only when something is denied."""
        return bool(options.denied)

    def judge(
        self, found: ThirdPartyImport, index: DistributionIndex, options: TechnologyOptions
    ) -> None:
        """Report an import of a denied distribution, naming its replacement."""
        message = _denied_entry(found, index, options)
        if message is not None:
            self.report(message, path=found.path, line=found.line)


class UnapprovedTechnology(_ImportJudge):
    """Reports imports of distributions outside ``allowed`` (when it is given)."""

    code = "TEC001"
    name = "unapproved-technology"
    summary = "A module imports a third-party distribution that is not on the approved list."
    rationale = (
        "Every dependency is code the team did not write but must keep secure, licensed"
        " and upgraded. An allow-list makes adopting one a decision that someone takes on"
        " purpose, in review of the standards file, instead of a side effect of one pull"
        " request. The standard library and the project's own modules never need"
        " approval; third-party imports are judged by the distribution that provides"
        " them (from the environment's metadata, package-module-map, or else the"
        " module's own name normalised). Distributions that are denied are reported by"
        " TEC003 instead, and those in restricted count as approved here."
    )
    options_used = (
        "allowed",
        "restricted",
        "package-module-map",
        "first-party",
        "source-roots",
        "package-map",
    )
    valid = (
        Valid("import os\nimport json\nfrom typing import Any\n", options={"allowed": ["httpx"]}),
        Valid("import httpx\nfrom .tools import retry\n", options={"allowed": ["httpx"]}),
        Valid(
            "import yaml\n",
            options={"allowed": ["PyYAML"], "package-module-map": {"PyYAML": ["yaml"]}},
        ),
        Valid(_ANY_THIRD_PARTY),
        Valid(
            "import sqlalchemy\n",
            path="app/db.py",
            options={"restricted": {"sqlalchemy": ["app.db"]}, "allowed": ["httpx"]},
        ),
    )
    invalid = (
        Invalid(
            "import httpx\nimport yaml\n",
            options={"allowed": ["httpx"], "package-module-map": {"PyYAML": ["yaml"]}},
            line=2,
            message="yaml comes from PyYAML, which is not an approved technology",
        ),
        Invalid(
            "from attrs import define\n",
            options={"allowed": ["httpx"], "package-module-map": {"attrs": ["attrs"]}},
            line=1,
            message="attrs comes from attrs, which is not an approved technology",
        ),
    )

    def in_force(self, options: TechnologyOptions) -> bool:
        """Only when an allow-list is given."""
        return bool(options.allowed)

    def judge(
        self, found: ThirdPartyImport, index: DistributionIndex, options: TechnologyOptions
    ) -> None:
        """Report an import none of whose distributions is approved (denied ones aside)."""
        judged = index.judged_as(found.module)
        approved = {canonical_name(name) for name in (*options.allowed, *options.restricted)}
        if judged & approved or _denied_entry(found, index, options) is not None:
            return
        shown = " or ".join(sorted(index.shown(name) for name in judged))
        self.report(
            f"{found.module} comes from {shown}, which is not an approved technology"
            " (add it to [technologies] allowed once the team agrees)",
            path=found.path,
            line=found.line,
        )


class RestrictedTechnology(_ImportJudge):
    """Reports imports of a restricted distribution outside the modules allowed it."""

    code = "TEC002"
    name = "restricted-technology"
    summary = "A module imports a distribution that only some other modules may use."
    rationale = (
        "Some technologies belong in one place: the ORM in the persistence layer, the web"
        " framework in the web layer. Kept there, the rest of the code stays testable"
        " without a database or a server, and replacing the technology later touches one"
        " package. restricted names, for each such distribution, the modules that may"
        " import it (each with its submodules); an import anywhere else is reported at"
        " its line. A file outside the source roots has no module name and may not import"
        " a restricted distribution."
    )
    options_used = ("restricted", "package-module-map", "source-roots", "package-map")
    valid = (
        Valid("import sqlalchemy\n", path="app/db/models.py", options=_ORM_IN_DB),
        Valid("from fastapi import FastAPI\n", path="app/web/__init__.py", options=_ORM_IN_DB),
        Valid("import sqlalchemy\n", path="app/web/views.py"),
    )
    invalid = (
        Invalid(
            "from sqlalchemy.orm import Session\n",
            path="app/web/views.py",
            options=_ORM_IN_DB,
            line=1,
            message="sqlalchemy may only be imported in app.db, not in app.web.views",
        ),
        Invalid(
            "import fastapi\n",
            path="app/dbtools.py",
            options=_ORM_IN_DB,
            line=1,
            message="fastapi may only be imported in app.web, not in app.dbtools",
        ),
    )

    def in_force(self, options: TechnologyOptions) -> bool:
        """Only when something is restricted."""
        return bool(options.restricted)

    def judge(
        self, found: ThirdPartyImport, index: DistributionIndex, options: TechnologyOptions
    ) -> None:
        """Report an import of a restricted distribution by a module it is not allowed in."""
        judged = index.judged_as(found.module)
        for distribution, modules in sorted(options.restricted.items()):
            if canonical_name(distribution) not in judged:
                continue
            importer = found.importer
            if importer is not None and any(
                importer == allowed or importer.startswith(allowed + ".") for allowed in modules
            ):
                continue
            where = importer if importer is not None else f"{found.path} (outside source-roots)"
            self.report(
                f"{distribution} may only be imported in {', '.join(modules)}, not in {where}",
                path=found.path,
                line=found.line,
            )
            return


APPROVAL_RULES = (UnapprovedTechnology, RestrictedTechnology, DeniedTechnology)

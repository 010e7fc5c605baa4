"""The options of the ``[technologies]`` area."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from standards_lint.rule import option
from standards_lint.rules.technologies.requirements import canonical_name

# Files that are not shipped code: the test suite, its configuration, build and
# task scripts. Their imports may use development dependencies and do not make
# a runtime dependency used. Gitignore-style, like every path pattern here.
DEFAULT_DEVELOPMENT_FILES = (
    "tests/",
    "test/",
    "docs/",
    "test_*.py",
    "*_test.py",
    "conftest.py",
    "setup.py",
    "noxfile.py",
)


@dataclass(frozen=True, slots=True)
class DeniedTechnology:
    """One ``[[technologies.denied]]`` table: a distribution the team has ruled out."""

    name: str = option("", "The distribution's name, as installed: 'requests'.")
    use: str = option("", "The approved replacement, named in the message: 'httpx'.")
    reason: str = option("", "Why it is ruled out, shown in the message.")

    def __post_init__(self) -> None:
        """Refuse a table without a name."""
        if not self.name.strip():
            raise ValueError("every [[technologies.denied]] table needs a name")


@dataclass(frozen=True, slots=True)
class TechnologyOptions:
    """Options of the ``[technologies]`` section of the standards file."""

    allowed: tuple[str, ...] = option(
        (),
        "The approved third-party distributions (names as installed: 'httpx', 'PyYAML')."
        " When given, TEC001 reports every import of any other distribution. Empty: no"
        " allow-list. Distributions in restricted count as approved.",
    )
    restricted: Mapping[str, tuple[str, ...]] = option(
        MappingProxyType({}),
        "Distributions that only some modules may import, with those modules (each"
        ' includes its submodules): { sqlalchemy = ["app.db"], fastapi = ["app.web"] }.',
    )
    denied: tuple[DeniedTechnology, ...] = option(
        (),
        "Distributions the team has ruled out ([[technologies.denied]] tables with name,"
        " use and reason); TEC003 reports every import of them.",
    )
    package_module_map: Mapping[str, tuple[str, ...]] = option(
        MappingProxyType({}),
        "The top-level modules a distribution provides, when the environment's metadata"
        ' does not say or is not the project\'s: { "PyYAML" = ["yaml"] }. Replaces what'
        " the metadata says for that distribution.",
    )
    first_party: tuple[str, ...] = option(
        (),
        "Top-level module names that belong to the project although no checked file"
        " defines them (deptry's known_first_party).",
    )
    source_roots: tuple[str, ...] = option(
        (".", "src"),
        "Directories, relative to the standards file, that modules are imported from, as"
        " in [architecture]: they name the project's own modules and the importers that"
        " restricted speaks of.",
    )
    package_map: Mapping[str, str] = option(
        MappingProxyType({}),
        "Directories whose files belong to a package of another name, as in [architecture]:"
        ' { "rules" = "mytool.rules" }.',
    )
    pyproject: str = option(
        "pyproject.toml",
        "The file, relative to the standards file's folder, that declares the project's"
        " dependencies ([project] dependencies and optional-dependencies, and"
        " [dependency-groups]). It is read, never executed. Empty: read no file, only"
        " declared and declared-for-development.",
    )
    declared: tuple[str, ...] = option(
        (),
        "Runtime requirements the project declares elsewhere (a requirements file, a lock"
        " tool), as PEP 508 strings: ['httpx>=0.27'].",
    )
    declared_for_development: tuple[str, ...] = option(
        (),
        "Development requirements the project declares elsewhere, as PEP 508 strings.",
    )
    development_files: tuple[str, ...] = option(
        DEFAULT_DEVELOPMENT_FILES,
        "Gitignore-style patterns of the files that are not shipped code (tests, build"
        " scripts). The dependency rules do not check their imports, and their imports do"
        " not make a runtime dependency used.",
    )
    development_groups: tuple[str, ...] = option(
        (),
        "Optional-dependency groups ([project.optional-dependencies]) that hold development"
        " tools rather than features: ['test', 'dev']. Like deptry, optional dependencies"
        " are runtime dependencies unless named here.",
    )
    runtime_dependency_groups: tuple[str, ...] = option(
        (),
        "PEP 735 groups ([dependency-groups]) that hold runtime dependencies. Like deptry,"
        " every other group holds development dependencies.",
    )

    def __post_init__(self) -> None:
        """Refuse a distribution that is both denied and approved."""
        approved = {canonical_name(name) for name in (*self.allowed, *self.restricted)}
        clashes = sorted(
            entry.name for entry in self.denied if canonical_name(entry.name) in approved
        )
        if clashes:
            raise ValueError(
                f"{', '.join(clashes)} cannot be both denied and allowed (or restricted)"
            )

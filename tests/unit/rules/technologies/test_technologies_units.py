"""The parts of the technologies area: requirements, the distribution index, findings, layout."""

from __future__ import annotations

import pytest

from standards_lint.config.values import build_options
from standards_lint.rules.technologies.declared import dependency_findings
from standards_lint.rules.technologies.distributions import DistributionIndex
from standards_lint.rules.technologies.options import TechnologyOptions
from standards_lint.rules.technologies.requirements import (
    DeclaredDependency,
    PyprojectError,
    canonical_name,
    read_declarations,
    requirement_name,
)
from standards_lint.rules.technologies.usage import ThirdPartyImport, module_of


@pytest.mark.parametrize(
    ("requirement", "name"),
    [
        ("httpx", "httpx"),
        ("httpx>=0.27", "httpx"),
        ("  PyYAML <7.0,>=5.0", "PyYAML"),
        ("coverage[toml]>=7", "coverage"),
        ("mando (<0.8,>=0.6)", "mando"),
        ("tomli; python_version < '3.11'", "tomli"),
        ("pip @ https://example.org/pip.whl", "pip"),
        ("zope.interface~=6.0", "zope.interface"),
        ("-e .", None),
        ("", None),
        ("name-", None),
    ],
)
def test_requirement_name(requirement: str, name: str | None) -> None:
    assert requirement_name(requirement) == name


def test_canonical_name_follows_pep_503() -> None:
    assert canonical_name("Foo__Bar.baz") == "foo-bar-baz"


PYPROJECT = """\
[project]
name = "shop"
dependencies = [
    "httpx>=0.27",
    "PyYAML",
]

[project.optional-dependencies]
test = ["pytest>=8", "httpx>=0.27"]
postgres = ["psycopg"]

[dependency-groups]
lint = ["ruff", { include-group = "test" }]
docs = ["sphinx"]
"""


def test_declarations_by_kind_section_and_line() -> None:
    declared = read_declarations(
        PYPROJECT, development_groups=("test",), runtime_dependency_groups=("docs",)
    )
    assert declared is not None
    assert [(d.name, d.kind, d.section, d.line) for d in declared] == [
        ("httpx", "runtime", "project.dependencies", 4),
        ("PyYAML", "runtime", "project.dependencies", 5),
        ("pytest", "development", "project.optional-dependencies.test", 9),
        # The second "httpx>=0.27" is found on its own line, not the first one's.
        ("httpx", "development", "project.optional-dependencies.test", 9),
        ("psycopg", "runtime", "project.optional-dependencies.postgres", 10),
        ("ruff", "development", "dependency-groups.lint", 13),
        ("sphinx", "runtime", "dependency-groups.docs", 14),
    ]


@pytest.mark.parametrize(
    "text",
    ["[tool.other]\nx = 1\n", '[project]\nname = "a"\ndynamic = ["dependencies"]\n'],
)
def test_a_file_that_does_not_declare_dependencies_gives_none(text: str) -> None:
    assert read_declarations(text) is None


def test_a_project_table_without_dependencies_declares_none() -> None:
    assert read_declarations('[project]\nname = "a"\n') == ()


@pytest.mark.parametrize(
    "text", ["[project\n", '[project]\ndependencies = "httpx"\n', "project = 1\n"]
)
def test_a_malformed_file_is_an_error(text: str) -> None:
    with pytest.raises(PyprojectError):
        read_declarations(text)


INDEX = DistributionIndex.build(
    {"yaml": ["PyYAML"], "attr": ["attrs"], "attrs": ["attrs"], "google": ["g-a", "g-b"]},
    {"sqlalchemy-stubs": ["sqlalchemy_stubs"]},
)


def test_the_index_maps_both_ways_from_the_metadata() -> None:
    assert INDEX.distributions_of("yaml") == {"pyyaml"}
    assert INDEX.distributions_of("google") == {"g-a", "g-b"}
    assert INDEX.modules_of("attrs") == {"attr", "attrs"}
    assert INDEX.shown("pyyaml") == "PyYAML"


def test_an_unknown_distribution_provides_the_module_named_like_it() -> None:
    assert INDEX.modules_of("Foo-Bar") == {"foo_bar"}
    assert INDEX.provides("Foo-Bar", "foo_bar")
    assert not INDEX.provides("Foo-Bar", "foo")
    assert INDEX.judged_as("foo_bar") == {"foo-bar"}
    assert INDEX.distributions_of("foo_bar") == frozenset()


def test_the_hand_map_replaces_what_the_metadata_says() -> None:
    index = DistributionIndex.build({"yaml": ["PyYAML"]}, {"PyYAML": ["yaml", "_yaml"]})
    assert index.modules_of("pyyaml") == {"yaml", "_yaml"}
    replaced = DistributionIndex.build({"yaml": ["PyYAML"]}, {"PyYAML": ["ruamel"]})
    assert replaced.distributions_of("yaml") == frozenset()


def _uses(*modules: str) -> list[ThirdPartyImport]:
    return [
        ThirdPartyImport(module, "shop/app.py", line, "shop.app")
        for line, module in enumerate(modules, 1)
    ]


def test_findings_follow_deptrys_decision_order() -> None:
    declared = [
        DeclaredDependency("PyYAML", "runtime", "project.dependencies", 3),
        DeclaredDependency("rich", "runtime", "project.dependencies", 4),
        DeclaredDependency("pytest", "development", "dependency-groups.test", 9),
    ]
    index = DistributionIndex.build(
        {"yaml": ["PyYAML"], "attr": ["attrs"], "pytest": ["pytest"]}, {}
    )
    findings = dependency_findings(
        _uses("yaml", "pytest", "attr", "acme"), declared, index, "pyproject.toml"
    )
    assert [(f.kind, f.name, f.line) for f in findings] == [
        ("development", "pytest", 2),
        ("transitive", "attr", 3),
        ("undeclared", "acme", 4),
        ("unused", "rich", 4),
    ]
    assert "pyproject.toml line 4" in findings[-1].message
    assert "comes from attrs" in findings[1].message


def test_a_dependency_declared_twice_is_reported_unused_once() -> None:
    declared = [
        DeclaredDependency("rich", "runtime", "project.dependencies", 3),
        DeclaredDependency("Rich", "runtime", "project.optional-dependencies.cli", 7),
    ]
    findings = dependency_findings([], declared, INDEX, "pyproject.toml")
    assert [(f.name, f.line) for f in findings] == [("rich", 3)]


@pytest.mark.parametrize(
    ("root_path", "module"),
    [
        ("shop/models.py", "shop.models"),
        ("src/shop/__init__.py", "shop"),
        ("rules/style/naming.py", "standards_lint.rules.style.naming"),
        ("scripts/my-tool.py", None),
        ("README.md", None),
    ],
)
def test_module_names_under_roots_and_package_map(root_path: str, module: str | None) -> None:
    assert module_of(root_path, (".", "src"), {"rules": "standards_lint.rules"}) == module


def test_module_names_outside_every_root() -> None:
    assert module_of("tools/run.py", ("src",), {}) is None


def test_a_distribution_both_denied_and_allowed_is_refused() -> None:
    _, problems = build_options(
        TechnologyOptions,
        {"allowed": ["requests"], "denied": [{"name": "Requests", "use": "httpx"}]},
        "[technologies]",
    )
    assert problems and "cannot be both denied and allowed" in problems[0]


def test_a_denied_entry_needs_a_name() -> None:
    _, problems = build_options(TechnologyOptions, {"denied": [{"use": "httpx"}]}, "[technologies]")
    assert problems and "needs a name" in problems[0]

"""The JSON schema of the standards file: shipped current, complete, and true to real files."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from standards_lint.cli import main
from standards_lint.config import read_standards
from standards_lint.rule import Area, option
from standards_lint.schema import builtin_registry, render_schema, shipped_schema, standards_schema

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from .harness import ASSETS, REPO

VALID_STANDARDS = [
    REPO / "standards.toml",
    ASSETS / "overrides" / "standards.toml",
    ASSETS / "clean" / "standards.toml",
    ASSETS / "extends" / "service" / "standards.toml",
    *sorted((ASSETS / "extends" / "team").glob("*.toml")),
]


def test_the_shipped_schema_is_current() -> None:
    assert shipped_schema() == render_schema(builtin_registry()), (
        "standards_lint/standards.schema.json is out of date: run"
        " `standards-lint schema --output standards_lint/standards.schema.json`"
    )


def test_an_added_option_makes_the_shipped_schema_out_of_date() -> None:
    registry = builtin_registry()
    style = registry.areas["style"]
    extra = dataclasses.make_dataclass(
        "StyleWithMore",
        [("max-thing".replace("-", "_"), int, option(3, "A new option."))],
        bases=(style.options,),
        frozen=True,
    )
    areas = {**registry.areas, "style": Area(style.name, style.prefix, style.title, extra)}
    registry = dataclasses.replace(registry, areas=areas)
    assert render_schema(registry) != shipped_schema()
    assert "max-thing" in standards_schema(registry)["properties"]["style"]["properties"]


@pytest.mark.parametrize("path", VALID_STANDARDS, ids=lambda path: str(path.relative_to(REPO)))
def test_valid_standards_files_fit_the_schema(path: Path) -> None:
    schema = json.loads(shipped_schema())
    jsonschema.Draft7Validator.check_schema(schema)
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    errors = [error.message for error in jsonschema.Draft7Validator(schema).iter_errors(document)]
    assert errors == []


def test_a_project_schema_includes_its_plugins_areas() -> None:
    example = REPO / "examples" / "shop" / "standards.toml"
    reading = read_standards(example)
    schema = standards_schema(reading.standards.registry)
    document = tomllib.loads(example.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(document)) == []
    # The built-in schema does not know the plugin's area: the example needs its own.
    assert list(jsonschema.Draft7Validator(json.loads(shipped_schema())).iter_errors(document))


@pytest.mark.parametrize(
    ("document", "where"),
    [
        pytest.param({"selct": ["STY"]}, [], id="unknown-top-level-key"),
        pytest.param({"style": {"max-line-lenght": 80}}, ["style"], id="unknown-option"),
        pytest.param({"style": {"max-line-length": "80"}}, ["style", "max-line-length"], id="type"),
        pytest.param({"select": ["line-to-long"]}, ["select", 0], id="unknown-rule"),
        pytest.param({"severity": {"STY001": "fatal"}}, ["severity", "STY001"], id="severity"),
        pytest.param({"overrides": [{"ignore": ["STY001"]}]}, ["overrides", 0], id="no-paths"),
        pytest.param(
            {"docstrings": {"convention": "gogle"}}, ["docstrings", "convention"], id="literal"
        ),
        pytest.param(
            {"architecture": {"contracts": [{"layerz": ["a"]}]}},
            ["architecture", "contracts", 0],
            id="contract-key",
        ),
    ],
)
def test_the_schema_rejects_mistakes(document: dict[str, object], where: list[object]) -> None:
    validator = jsonschema.Draft7Validator(json.loads(shipped_schema()))
    assert [list(error.absolute_path) for error in validator.iter_errors(document)] == [where]


def test_the_schema_accepts_selectors_in_every_form() -> None:
    validator = jsonschema.Draft7Validator(json.loads(shipped_schema()))
    document = {"select": ["ALL", "STY", "sty0", "STY001", "line-too-long", "docstrings"]}
    assert list(validator.iter_errors(document)) == []


def test_the_schema_command_prints_the_schema(tmp_path: Path) -> None:
    output = tmp_path / "schema.json"
    result = CliRunner().invoke(main, ["schema", "--config", str(REPO / "standards.toml")])
    assert result.exit_code == 0, result.output
    assert (
        json.loads(result.output)["properties"]["style"]["properties"]["max-line-length"]["default"]
        == 100
    )
    written = CliRunner().invoke(
        main, ["schema", "--config", str(REPO / "standards.toml"), "--output", str(output)]
    )
    assert written.exit_code == 0
    assert output.read_text(encoding="utf-8") == result.output

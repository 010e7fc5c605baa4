"""A JSON schema of the standards file, made from the areas' option declarations.

Editors that read JSON schemas for TOML (taplo, Even Better TOML) then
complete keys, show each option's documentation and flag mistakes as they are
typed. The package ships the schema of the built-in rules
(``standards_lint/standards.schema.json``, kept current by a test);
``standards-lint schema`` prints the one of a project, whose plugins' areas
and rules it includes.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final, Literal, Union

from standards_lint.config.standards import TOP_LEVEL_KEYS
from standards_lint.explain import toml_value
from standards_lint.model import Severity
from standards_lint.registry import ALL, Registry, RegistryBuilder
from standards_lint.rule import Area, option_default, option_doc, toml_key

SCHEMA_DIALECT: Final = "http://json-schema.org/draft-07/schema#"
SHIPPED_SCHEMA: Final = "standards.schema.json"

#: Top-level keys whose TOML form is wider or more structured than their
#: declared annotation says: the schema describes them by hand.
_EXTENDS_FORM: Final = str | tuple[str, ...]


def standards_schema(registry: Registry) -> dict[str, Any]:
    """The JSON schema of a standards file for the rules and areas of ``registry``."""
    selector = _selector_schema(registry)
    properties: dict[str, Any] = {}
    for key, declared in TOP_LEVEL_KEYS.items():
        annotation = _EXTENDS_FORM if key == "extends" else declared.annotation
        if key in ("select", "ignore"):
            properties[key] = {"type": "array", "items": selector}
        elif key == "severity":
            properties[key] = _severity_schema(selector)
        elif key == "overrides":
            properties[key] = _overrides_schema(registry, selector)
        else:
            properties[key] = type_schema(annotation)
        properties[key]["description"] = declared.doc
    for name, area in sorted(registry.areas.items()):
        properties[name] = area_schema(area, with_defaults=True)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "standards-lint standards file",
        "description": "standards.toml, .standards.toml or [tool.standards-lint] in pyproject.toml",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def render_schema(registry: Registry) -> str:
    """The schema as JSON text, keys in a stable order, ending with a newline."""
    return json.dumps(standards_schema(registry), indent=2, ensure_ascii=False) + "\n"


def shipped_schema() -> str:
    """The schema shipped in the package (that of the built-in rules)."""
    return resources.files("standards_lint").joinpath(SHIPPED_SCHEMA).read_text(encoding="utf-8")


def builtin_registry() -> Registry:
    """A registry of the tool's own rules only, whatever else is installed."""
    from standards_lint.rules import PACK  # noqa: PLC0415 - the rules import this package

    problems: list[str] = []
    builder = RegistryBuilder.with_tool_rules(problems)
    builder.add_pack(PACK, "builtin", problems)
    return builder.build()


def area_schema(area: Area, *, with_defaults: bool) -> dict[str, Any]:
    """The schema of an area's table, ``[style]`` say, from its options dataclass."""
    schema = options_schema(area.options, with_defaults=with_defaults)
    schema["description"] = f"{area.title} ({area.prefix})"
    return schema


def options_schema(options_type: type[Any], *, with_defaults: bool = True) -> dict[str, Any]:
    """An options dataclass as a table: one property per field, no other key."""
    hints = typing.get_type_hints(options_type)
    properties = {}
    for field in dataclasses.fields(options_type):
        described = type_schema(hints[field.name])
        described["description"] = option_doc(field)
        default = option_default(field)
        if with_defaults and default is not None:
            described["default"] = json_value(default)
        properties[toml_key(field.name)] = described
    return {"type": "object", "properties": properties, "additionalProperties": False}


def type_schema(annotation: Any) -> dict[str, Any]:
    """The schema of the TOML values that an option's annotation accepts."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    scalar = _SCALAR_TYPES.get(annotation)
    if scalar is not None:
        return {"type": scalar}
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple or annotation is list:
        return {"type": "array", "items": type_schema(args[0])} if args else {"type": "array"}
    if origin in (dict, Mapping, typing.Mapping):
        return {"type": "object", "additionalProperties": type_schema(args[1])}
    if origin in (Union, types.UnionType):
        choices = [type_schema(arg) for arg in args if arg is not type(None)]
        return choices[0] if len(choices) == 1 else {"anyOf": choices}
    if dataclasses.is_dataclass(annotation):
        return options_schema(annotation, with_defaults=True)  # type: ignore[arg-type]
    return {}


_SCALAR_TYPES: Final[Mapping[Any, str]] = types.MappingProxyType(
    {bool: "boolean", int: "integer", float: "number", str: "string"}
)


def _selector_schema(registry: Registry) -> dict[str, Any]:
    """A selector: a known code, name or area, ``ALL``, or a prefix of known codes."""
    names = sorted({*registry.rules, *(rule.name for rule in registry.rules.values())})
    stems = sorted({code.rstrip("0123456789") for code in registry.rules})
    either_case = "|".join(
        "".join(f"[{char.upper()}{char.lower()}]" for char in stem) for stem in stems
    )
    return {
        "anyOf": [
            {"enum": [ALL, *sorted(registry.areas), *names]},
            {"type": "string", "pattern": f"^({either_case})[0-9]{{0,3}}$"},
        ]
    }


def _severity_schema(selector: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "propertyNames": selector,
        "additionalProperties": {"enum": [severity.value for severity in Severity]},
    }


def _overrides_schema(registry: Registry, selector: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "paths": {
            "type": "array",
            "items": {"type": "string"},
            "minItems": 1,
            "description": "gitignore-style patterns of the files this override is for",
        },
        "select": {"type": "array", "items": selector, "description": "rules to run as well"},
        "ignore": {"type": "array", "items": selector, "description": "rules not to run here"},
        "severity": _severity_schema(selector),
    }
    for name, area in sorted(registry.areas.items()):
        # An override's options change the project's, so its defaults are not the defaults.
        properties[name] = area_schema(area, with_defaults=False)
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": ["paths"],
            "additionalProperties": False,
        },
    }


def json_value(value: Any) -> Any:
    """An option's default as JSON: tuples as lists, read-only mappings as objects."""
    if isinstance(value, (tuple, list)):
        return [json_value(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            toml_key(field.name): json_value(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
    if isinstance(value, (bool, int, float, str)):
        return value
    return toml_value(value)

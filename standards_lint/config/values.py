"""Turn TOML values into an area's typed options, collecting every problem.

An area declares its options as a frozen dataclass. Each field's annotation
says what the TOML value must be: ``bool``, ``int``, ``float``, ``str``,
``tuple[X, ...]`` (a TOML array), ``Mapping[str, X]`` (a TOML table), a
``Literal`` of strings, a union such as ``int | str``, or another dataclass (a
table, or an array of tables as ``tuple[Dataclass, ...]``).
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, Union

from standards_lint.config.errors import unknown_key
from standards_lint.rule import toml_key


class ValueProblem(ValueError):
    """A TOML value does not fit the declared type."""


def describe(annotation: Any) -> str:
    """How a type reads in an error message."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is bool:
        return "true or false"
    if annotation is int:
        return "an integer"
    if annotation is float:
        return "a number"
    if annotation is str:
        return "a string"
    if origin is Literal:
        return "one of " + ", ".join(repr(arg) for arg in args)
    if origin is tuple:
        return f"a list of {_plural(describe(args[0]))}"
    if origin in (dict, Mapping, typing.Mapping):
        return f"a table of {_plural(describe(args[1]))}"
    if origin in (Union, types.UnionType):
        return " or ".join(describe(arg) for arg in args if arg is not type(None))
    if dataclasses.is_dataclass(annotation):
        return "a table"
    return str(annotation)


def _plural(description: str) -> str:
    for article in ("an ", "a "):
        if description.startswith(article):
            return description[len(article) :] + "s"
    return description


def convert(value: Any, annotation: Any, where: str) -> Any:
    """``value`` as ``annotation``; raise :class:`ValueProblem` describing the mismatch."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        return _convert_union(value, typing.get_args(annotation), annotation, where)
    accepts = _SCALARS.get(annotation)
    if accepts is not None:
        if accepts(value):
            return float(value) if annotation is float else value
    elif origin is Literal:
        if value in typing.get_args(annotation):
            return value
    else:
        converted = _convert_container(value, annotation, origin, where)
        if converted is not _MISMATCH:
            return converted
    raise ValueProblem(f"{where}: expected {describe(annotation)}, got {_show(value)}")


_MISMATCH: Any = object()

#: Which TOML values each scalar type accepts (TOML booleans are not numbers here).
_SCALARS: dict[Any, Any] = {
    bool: lambda value: isinstance(value, bool),
    int: lambda value: isinstance(value, int) and not isinstance(value, bool),
    float: lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    str: lambda value: isinstance(value, str),
}


def _convert_container(value: Any, annotation: Any, origin: Any, where: str) -> Any:
    """A list, table or nested options table as ``annotation``, or ``_MISMATCH``."""
    args = typing.get_args(annotation)
    if origin is tuple and isinstance(value, list):
        return tuple(
            convert(item, args[0], f"{where}[{index}]") for index, item in enumerate(value)
        )
    if origin in (dict, Mapping, typing.Mapping) and isinstance(value, dict):
        return types.MappingProxyType(
            {str(key): convert(item, args[1], f"{where}.{key}") for key, item in value.items()}
        )
    if dataclasses.is_dataclass(annotation) and isinstance(value, dict):
        instance, problems = build_options(annotation, value, where)  # type: ignore[arg-type]
        if problems:
            raise ValueProblem("\n".join(problems))
        return instance
    return _MISMATCH


def _convert_union(value: Any, args: tuple[Any, ...], annotation: Any, where: str) -> Any:
    if value is None and type(None) in args:
        return None
    for arg in args:
        if arg is type(None):
            continue
        try:
            return convert(value, arg, where)
        except ValueProblem:
            continue
    raise ValueProblem(f"{where}: expected {describe(annotation)}, got {_show(value)}")


def _show(value: Any) -> str:
    if isinstance(value, (datetime.date, datetime.time)):
        return f"a date or time ({value})"
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}.get(
        type(value), "a list" if isinstance(value, list) else "a table"
    )
    return f"{kind} ({value!r})" if not isinstance(value, (list, dict)) else kind


def build_options(
    options_type: type[Any], table: Mapping[str, Any], where: str, base: Any = None
) -> tuple[Any, list[str]]:
    """Build an options instance from ``table`` (onto ``base`` if given).

    Returns the instance (the defaults, or ``base``, if there were problems)
    and every problem found, each naming ``where`` and the key.
    """
    hints = typing.get_type_hints(options_type)
    fields = {toml_key(field.name): field for field in dataclasses.fields(options_type)}
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in table.items():
        field = fields.get(key)
        if field is None:
            problems.append(unknown_key(where, key, fields))
            continue
        try:
            values[field.name] = convert(value, hints[field.name], f"{where}: {key}")
        except ValueProblem as problem:
            problems.append(str(problem))
    if not problems:
        try:
            if base is not None:
                return dataclasses.replace(base, **values), []
            return options_type(**values), []
        except (ValueError, TypeError) as error:
            problems.append(f"{where}: {error}")
    return (base if base is not None else _defaults(options_type)), problems


def _defaults(options_type: type[Any]) -> Any:
    try:
        return options_type()
    except (TypeError, ValueError):
        return None

"""The Django contracts case: the same contracts for standards-lint and import-linter.

The contracts are written once, as the tables of ``[[architecture.contracts]]``,
and translated into import-linter's INI form (``.importlinter`` with
``root_package = django``). Both files go beside one copy of the installed
Django's ``.py`` files, so both tools read the same source.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

#: A layers, a forbidden, an independence, an acyclic and a protected contract.
DJANGO_CONTRACTS: tuple[Mapping[str, Any], ...] = (
    {
        "name": "layers",
        "type": "layers",
        "layers": [
            "django.contrib",
            "django.test",
            "django.views | django.forms | django.template",
            "django.db",
            "django.core",
            "django.utils",
        ],
    },
    {
        "name": "db without http",
        "type": "forbidden",
        "source-modules": ["django.db"],
        "forbidden-modules": ["django.http", "django.contrib", "sqlparse", "asgiref"],
    },
    {
        "name": "independent apps",
        "type": "independence",
        "modules": [
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.sessions",
            "django.contrib.gis",
            "django.contrib.postgres",
        ],
    },
    {"name": "acyclic", "type": "acyclic", "ancestors": ["django"]},
    {
        "name": "protected",
        "type": "protected",
        "protected-modules": ["django.db.backends"],
        "allowed-importers": ["django.db.models", "django.contrib.gis"],
    },
)
#: Where import-linter's contract type names differ from ours.
_INI_TYPES = {"acyclic": "acyclic_siblings"}


def _toml_value(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else json.dumps(value)


def standards_text(contracts: Sequence[Mapping[str, Any]]) -> str:
    """A standards file that selects the architecture rules only, with ``contracts``."""
    lines = [
        'select = ["architecture"]',
        "respect-gitignore = false",
        "",
        "[architecture]",
        'source-roots = ["."]',
    ]
    for contract in contracts:
        lines += ["", "[[architecture.contracts]]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in contract.items()]
    return "\n".join(lines) + "\n"


def import_linter_text(root_package: str, contracts: Sequence[Mapping[str, Any]]) -> str:
    """The same ``contracts`` as an import-linter INI file."""
    lines = [
        "[importlinter]",
        f"root_package = {root_package}",
        "include_external_packages = True",
    ]
    for number, contract in enumerate(contracts):
        lines += ["", f"[importlinter:contract:c{number}]"]
        for key, value in contract.items():
            name = key.replace("-", "_")
            if key == "type":
                value = _INI_TYPES.get(value, value)
            if isinstance(value, list):
                lines += [f"{name} =", *(f"    {item}" for item in value)]
            else:
                lines.append(f"{name} = {value}")
    return "\n".join(lines) + "\n"


def write_contracts(root: Path) -> None:
    """Write ``standards.toml`` and ``.importlinter`` for the Django contracts into ``root``."""
    (root / "standards.toml").write_text(standards_text(DJANGO_CONTRACTS), encoding="utf-8")
    (root / ".importlinter").write_text(
        import_linter_text("django", DJANGO_CONTRACTS), encoding="utf-8"
    )

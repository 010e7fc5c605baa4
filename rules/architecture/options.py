"""The options of the ``[architecture]`` area."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from standards_lint.rule import option


@dataclass(frozen=True, slots=True)
class Contract:
    """One ``[[architecture.contracts]]`` table.

    ``layers``: each entry is a layer, highest first; modules separated by
    ``|`` in one entry are siblings of one layer and may not import each other
    when ``independent-siblings`` is true. A module in a lower layer may not
    import a module in a higher layer, directly or through modules that are in
    no layer.
    ``forbidden``: no module in ``source-modules`` may import one in
    ``forbidden-modules``.
    """

    name: str = option("", "The contract's name, shown in its violations.")
    type: Literal["layers", "forbidden"] = option("layers", "The kind of contract.")
    layers: tuple[str, ...] = option((), "For layers: the layers, highest first.")
    independent_siblings: bool = option(
        False, "For layers: siblings in one layer may not import each other."
    )
    source_modules: tuple[str, ...] = option(
        (), "For forbidden: the modules the contract restricts."
    )
    forbidden_modules: tuple[str, ...] = option(
        (), "For forbidden: the modules they may not import."
    )
    ignore_imports: tuple[str, ...] = option(
        (),
        "Imports the contract allows anyway, as 'importer -> imported'"
        " (a trailing .* matches submodules).",
    )

    def __post_init__(self) -> None:
        if not self.name:
            raise ValueError("every contract needs a name")
        if self.type == "layers" and len(self.layers) < 2:
            raise ValueError(f"contract {self.name!r}: a layers contract needs at least two layers")
        if self.type == "forbidden" and not (self.source_modules and self.forbidden_modules):
            raise ValueError(
                f"contract {self.name!r}: a forbidden contract needs"
                " source-modules and forbidden-modules"
            )
        for allowed in self.ignore_imports:
            if "->" not in allowed:
                raise ValueError(
                    f"contract {self.name!r}: ignore-imports entry {allowed!r} needs '->'"
                )


@dataclass(frozen=True, slots=True)
class ArchitectureOptions:
    """Options of the ``[architecture]`` section of the standards file."""

    source_roots: tuple[str, ...] = option(
        (".", "src"),
        "Directories, relative to the standards file, that modules are imported from:"
        " 'src/shop/models.py' under root 'src' is the module 'shop.models'.",
    )
    package_map: Mapping[str, str] = option(
        MappingProxyType({}),
        "Directories whose files belong to a package of another name, such as"
        ' { "rules" = "mytool.rules" } for a package-dir mapping.',
    )
    contracts: tuple[Contract, ...] = option((), "The contracts ([[architecture.contracts]]).")

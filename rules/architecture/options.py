"""The options of the ``[architecture]`` area, and the checks that a contract is well formed.

A contract is checked twice. Here, when the standards are read, for what can
be judged from the file alone (its type, its lists, its layers); a mistake is
a configuration error naming the contract and the closest valid value. Then,
when the import graph is known, for modules that do not exist (see
:mod:`standards_lint.rules.architecture.contract_rule`).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType

from standards_lint.rule import option, toml_key
from standards_lint.rules.architecture.expressions import (
    expression_problem,
    has_wildcard,
    import_expression_problem,
)

#: Each contract type, and the keys that only it takes.
CONTRACT_KEYS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "layers": frozenset({"layers", "containers", "exhaustive", "exhaustive_ignores"}),
        "forbidden": frozenset(
            {"source_modules", "forbidden_modules", "allow_indirect_imports", "as_packages"}
        ),
        "independence": frozenset({"modules"}),
        "protected": frozenset({"protected_modules", "allowed_importers", "as_packages"}),
        "acyclic": frozenset({"ancestors", "depth", "skip_descendants"}),
    }
)
_SHARED_KEYS = frozenset({"name", "type", "ignore_imports", "independent_siblings"})

INDEPENDENT_SEPARATOR = "|"
DEPENDENT_SEPARATOR = ":"


@dataclass(frozen=True, slots=True)
class LayerSpec:
    """One entry of ``layers``: its sibling modules and how they relate.

    ``optional`` modules may be missing; ``independent`` siblings may not
    import each other.
    """

    modules: tuple[str, ...]
    optional: frozenset[str]
    independent: bool


def parse_layer(entry: str) -> tuple[LayerSpec, list[str]]:
    """The layer written as ``entry`` and the problems with it.

    ``a | b`` are independent siblings, ``a : b`` siblings that may import each
    other; ``(a)`` is a layer that may be missing.
    """
    problems: list[str] = []
    has_bar, has_colon = INDEPENDENT_SEPARATOR in entry, DEPENDENT_SEPARATOR in entry
    if has_bar and has_colon:
        problems.append(f"layer {entry!r} mixes '|' (independent) and ':' (not independent)")
    separator = DEPENDENT_SEPARATOR if has_colon and not has_bar else INDEPENDENT_SEPARATOR
    modules: list[str] = []
    optional: set[str] = set()
    for raw in entry.split(separator):
        name = raw.strip()
        if name.startswith("(") and name.endswith(")"):
            name = name[1:-1].strip()
            optional.add(name)
        if not name:
            problems.append(f"layer {entry!r} has an empty module name")
            continue
        problem = expression_problem(name)
        if problem is None and has_wildcard(name):
            problem = f"layer {entry!r}: a layer names modules, without wildcards"
        if problem is not None:
            problems.append(problem)
        if name in modules:
            problems.append(f"layer {entry!r} names {name!r} twice")
        modules.append(name)
    return LayerSpec(tuple(modules), frozenset(optional), not has_colon), problems


def _layers_problems(layers: tuple[str, ...]) -> list[str]:
    problems: list[str] = []
    where: dict[str, int] = {}
    for index, entry in enumerate(layers, start=1):
        spec, found = parse_layer(entry)
        problems.extend(found)
        for module in spec.modules:
            if module in where and where[module] != index:
                problems.append(f"{module!r} is listed in layers {where[module]} and {index}")
            where.setdefault(module, index)
    names = sorted(where)
    for parent in names:
        for child in names:
            if child.startswith(parent + "."):
                problems.append(f"layer {parent!r} contains layer {child!r}")
    return problems


@dataclass(frozen=True, slots=True)
class Contract:
    """One ``[[architecture.contracts]]`` table (each type is described in the README)."""

    name: str = option("", "The contract's name, shown in its findings.")
    type: str = option(
        "layers", "The kind of contract: layers, forbidden, independence, protected, acyclic."
    )
    layers: tuple[str, ...] = option(
        (),
        "For layers: the layers, highest first; 'a | b' are independent siblings,"
        " 'a : b' siblings that may import each other, '(a)' a layer that may be missing.",
    )
    containers: tuple[str, ...] = option(
        (), "For layers: packages that each hold the layers (names in layers are then relative)."
    )
    exhaustive: bool = option(
        False, "For layers with containers: every child of a container must be a layer."
    )
    exhaustive_ignores: tuple[str, ...] = option(
        (), "For exhaustive layers: children of the containers that need not be layers."
    )
    source_modules: tuple[str, ...] = option(
        (), "For forbidden: the modules the contract restricts."
    )
    forbidden_modules: tuple[str, ...] = option(
        (), "For forbidden: the modules they may not import (project or third-party)."
    )
    allow_indirect_imports: bool = option(
        False, "For forbidden: only direct imports break the contract."
    )
    as_packages: bool = option(
        True, "For forbidden and protected: a module stands for its submodules too."
    )
    modules: tuple[str, ...] = option(
        (), "For independence: modules none of which may import another, even indirectly."
    )
    protected_modules: tuple[str, ...] = option(
        (), "For protected: modules only the allowed importers may import directly."
    )
    allowed_importers: tuple[str, ...] = option(
        (), "For protected: the only modules that may import the protected ones."
    )
    ancestors: tuple[str, ...] = option(
        (), "For acyclic: packages whose children may not import each other in a cycle."
    )
    depth: int = option(10, "For acyclic: how many levels below each ancestor are checked too.")
    skip_descendants: tuple[str, ...] = option(
        (), "For acyclic: packages below the ancestors that are not checked."
    )
    ignore_imports: tuple[str, ...] = option(
        (),
        "Imports the contract allows, as 'importer -> imported' ('*' is one name, '**' one"
        " or more); an entry that matches no import is reported (ARC006).",
    )
    independent_siblings: bool | None = option(
        None, "No longer an option: write independent siblings as 'a | b', others as 'a : b'."
    )

    def __post_init__(self) -> None:
        problems = contract_problems(self)
        if not problems:
            return
        label = f"contract {self.name!r}" if self.name else "a contract"
        if len(problems) == 1:
            raise ValueError(f"{label}: {problems[0]}")
        listed = "".join(f"\n    - {problem}" for problem in problems)
        raise ValueError(f"{label} has {len(problems)} problems:{listed}")


def closest(value: str, choices: list[str] | tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` for the choice closest to ``value``, or ``""``."""
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else ""


def contract_problems(contract: Contract) -> list[str]:
    """Every problem with ``contract`` that the standards file alone shows."""
    problems: list[str] = []
    if not contract.name:
        problems.append("every contract needs a name")
    if contract.type not in CONTRACT_KEYS:
        kinds = tuple(CONTRACT_KEYS)
        problems.append(
            f"type {contract.type!r} is not a contract type{closest(contract.type, kinds)}"
            f" (types: {', '.join(kinds)})"
        )
        return problems
    if contract.independent_siblings is not None:
        problems.append(
            "independent-siblings is no longer an option: siblings written 'a | b' are"
            " independent, siblings written 'a : b' may import each other"
        )
    problems.extend(_foreign_keys(contract))
    problems.extend(_REQUIRED[contract.type](contract))
    for key in (
        "containers",
        "source_modules",
        "modules",
        "protected_modules",
        "allowed_importers",
        "ancestors",
        "skip_descendants",
        "forbidden_modules",
    ):
        for expression in getattr(contract, key):
            problem = expression_problem(expression)
            if problem is not None:
                problems.append(f"{toml_key(key)}: {problem}")
    for entry in contract.ignore_imports:
        problem = import_expression_problem(entry)
        if problem is not None:
            problems.append(problem)
    return problems


def _foreign_keys(contract: Contract) -> list[str]:
    own = CONTRACT_KEYS[contract.type] | _SHARED_KEYS
    problems = []
    for field in fields(contract):
        if field.name in own or getattr(contract, field.name) == field.default:
            continue
        owners = [kind for kind, keys in CONTRACT_KEYS.items() if field.name in keys]
        problems.append(
            f"{toml_key(field.name)} is an option of {' and '.join(owners)} contracts,"
            f" not of {contract.type} contracts"
        )
    return problems


def _required(contract: Contract, *keys: str) -> list[str]:
    return [
        f"a {contract.type} contract needs {toml_key(key)} (a non-empty list)"
        for key in keys
        if not getattr(contract, key)
    ]


def _layers_required(contract: Contract) -> list[str]:
    problems = _required(contract, "layers")
    problems.extend(_layers_problems(contract.layers))
    if contract.exhaustive and not contract.containers:
        problems.append("exhaustive needs containers: the children of what would be checked?")
    return problems


def _independence_required(contract: Contract) -> list[str]:
    if len(contract.modules) == 1:
        return ["an independence contract needs at least two modules"]
    problems = _required(contract, "modules")
    repeated = sorted({module for module in contract.modules if contract.modules.count(module) > 1})
    problems.extend(f"modules lists {module!r} twice" for module in repeated)
    return problems


def _acyclic_required(contract: Contract) -> list[str]:
    problems = _required(contract, "ancestors")
    if contract.depth < 0:
        problems.append(f"depth must be 0 or more, not {contract.depth}")
    overlap = sorted(set(contract.ancestors) & set(contract.skip_descendants))
    problems.extend(f"{name!r} is both an ancestor and skipped" for name in overlap)
    return problems


_REQUIRED = {
    "layers": _layers_required,
    "forbidden": lambda contract: _required(contract, "source_modules", "forbidden_modules"),
    "independence": _independence_required,
    "protected": lambda contract: _required(contract, "protected_modules"),
    "acyclic": _acyclic_required,
}


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
    exclude_type_checking_imports: bool = option(
        False,
        "Leave out imports under 'if TYPE_CHECKING:', which never run (a cycle or a"
        " layer crossed only for annotations is then allowed).",
    )
    contracts: tuple[Contract, ...] = option((), "The contracts ([[architecture.contracts]]).")

    def __post_init__(self) -> None:
        names = [contract.name for contract in self.contracts]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise ValueError(
                "contract names must differ, so that findings say which one:"
                f" {', '.join(repr(name) for name in repeated)} is used twice"
            )

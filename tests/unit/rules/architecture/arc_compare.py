"""Run import-linter and standards-lint on the same copy of a package, with the same contracts.

A contract is written once, as the TOML table standards-lint reads; it is
translated into import-linter's INI form. The package is copied into a fresh
directory, so that both tools read the same files and nothing else.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from standards_lint.api import check
from standards_lint.config import load_standards

PROBE = Path(__file__).with_name("importlinter_probe.py")
_MESSAGE = re.compile(
    r"^(?P<what>.*) \(contract '(?P<name>[^']*)'\): (?P<chain>[^;]*)(?P<rest>.*)$"
)
_INI_TYPES = {"acyclic": "acyclic_siblings"}


@dataclass
class Findings:
    """One contract's findings, in the terms both tools share."""

    pairs: set[tuple[str, str]] = field(default_factory=set)
    chains: set[tuple[str, ...]] = field(default_factory=set)
    #: For layers and independence, each route through other modules, keyed by
    #: its pair and its middle: every head and every tail that takes it.
    routes: dict[tuple[str, str, tuple[str, ...]], tuple[set[str], set[str]]] = field(
        default_factory=dict
    )


def copy_package(package: str, destination: Path) -> Path:
    """Copy the installed ``package`` (its ``.py`` files) into ``destination``."""
    module = __import__(package)
    source = Path(module.__file__).parent  # type: ignore[arg-type]
    shutil.copytree(source, destination / package, ignore=_not_python)
    return destination


def _not_python(directory: str, names: list[str]) -> list[str]:
    return [n for n in names if not n.endswith(".py") and not Path(directory, n).is_dir()]


def _toml_value(value: Any) -> str:
    return json.dumps(value) if not isinstance(value, bool) else str(value).lower()


def write_configs(
    root: Path,
    packages: Sequence[str],
    contracts: Sequence[Mapping[str, Any]],
    *,
    exclude_type_checking: bool = False,
) -> None:
    """Write ``standards.toml`` and ``importlinter.ini`` for ``contracts`` into ``root``."""
    toml = [
        'include = ["*.py"]',
        'select = ["architecture"]',
        "",
        "[architecture]",
        'source-roots = ["."]',
        f"exclude-type-checking-imports = {_toml_value(exclude_type_checking)}",
    ]
    ini = [
        "[importlinter]",
        "root_packages =",
        *(f"    {p}" for p in packages),
        "include_external_packages = True",
        f"exclude_type_checking_imports = {exclude_type_checking}",
    ]
    for number, contract in enumerate(contracts):
        toml += ["", "[[architecture.contracts]]"]
        ini += ["", f"[importlinter:contract:c{number}]"]
        for key, value in contract.items():
            toml.append(f"{key} = {_toml_value(value)}")
            ini_key = key.replace("-", "_")
            if key == "type":
                value = _INI_TYPES.get(value, value)
            if isinstance(value, list):
                ini += [f"{ini_key} =", *(f"    {item}" for item in value)]
            else:
                ini.append(f"{ini_key} = {value}")
    (root / "standards.toml").write_text("\n".join(toml) + "\n", encoding="utf-8")
    (root / "importlinter.ini").write_text("\n".join(ini) + "\n", encoding="utf-8")


def import_linter_findings(root: Path) -> dict[str, Findings]:
    """What import-linter finds, run in a process of its own with ``root`` on its path."""
    result = subprocess.run(
        [sys.executable, str(PROBE), "importlinter.ini"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Findings] = {}
    for name, data in json.loads(result.stdout).items():
        findings = Findings(pairs={(a, b) for a, b in data["pairs"]})
        for route in data.get("chains", []):
            chain = tuple(route["chain"])
            findings.chains.add(chain)
            if len(chain) > 2 and "heads" in route:
                key = (*route["pair"], chain[1:-1])
                findings.routes[key] = (set(route["heads"]), set(route["tails"]))
        found[name] = findings
    return found


def standards_lint_findings(root: Path) -> dict[str, Findings]:
    """What standards-lint finds, read back from its messages."""
    report = check([root], load_standards(root / "standards.toml"), use_cache=False, cwd=root)
    found: dict[str, Findings] = {}
    for violation in report.violations:
        assert violation.rule.startswith("ARC"), violation.message
        match = _MESSAGE.match(violation.message)
        assert match, violation.message
        findings = found.setdefault(match["name"], Findings())
        chain = tuple(step.rsplit(":", 1)[0] for step in match["chain"].split(" → "))
        words = match["what"].split()
        if violation.rule == "ARC005":
            findings.pairs.add((chain[0], chain[1]))
            continue
        if violation.rule == "ARC004":
            findings.pairs.add(chain)  # type: ignore[arg-type]
            continue
        pair = (words[0], words[4].rstrip(","))
        findings.pairs.add(pair)
        findings.chains.add(chain)
        if len(chain) > 2 and violation.rule in ("ARC001", "ARC003"):
            heads, tails = {chain[0]}, {chain[-1]}
            for also in re.findall(r"is also imported from ([^;]*)", match["rest"]):
                heads.update(step.rsplit(":", 1)[0] for step in also.split(", "))
            for also in re.findall(r"also imports ([^;]*)", match["rest"]):
                tails.update(also.split(", "))
            known = findings.routes.setdefault((*pair, chain[1:-1]), (set(), set()))
            known[0].update(heads)
            known[1].update(tails)
    return found

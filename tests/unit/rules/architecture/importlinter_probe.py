"""Run import-linter on a configuration file and print what each contract found, as JSON.

Run as a script (``python importlinter_probe.py CONFIG``) with the package under
test on ``sys.path``, so that import-linter reads the copy and nothing else.
The output maps each contract's name to the findings in a plain form:

- ``pairs``: the (importer, imported) dependencies reported; for acyclic
  contracts, the imports it would remove.
- ``chains``: each chain as a list of module names (for layers and
  independence, the route's first head, its middle, its first tail), with
  ``heads`` and ``tails``: all of each route's heads and tails.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from importlinter.application import use_cases
from importlinter.configuration import configure


def _routes(dependencies: list[dict[str, Any]], importer: str, imported: str) -> dict[str, Any]:
    pairs, chains = [], []
    for dependency in dependencies:
        pairs.append([dependency[importer], dependency[imported]])
        for detailed in dependency.get("routes", dependency.get("chains", [])):
            links = detailed["chain"]
            chain = [links[0]["importer"], *(link["imported"] for link in links)]
            heads = [chain[0], *(link["importer"] for link in detailed["extra_firsts"])]
            tails = [chain[-1], *(link["imported"] for link in detailed["extra_lasts"])]
            pair = [dependency[importer], dependency[imported]]
            chains.append({"chain": chain, "pair": pair, "heads": heads, "tails": tails})
    return {"pairs": pairs, "chains": chains}


def _summarise(contract_type: str, metadata: dict[str, Any]) -> dict[str, Any]:
    if contract_type == "layers":
        return _routes(metadata["invalid_dependencies"], "importer", "imported")
    if contract_type == "independence":
        return _routes(metadata["invalid_chains"], "downstream_module", "upstream_module")
    if contract_type == "forbidden":
        pairs, chains = [], []
        for found in metadata["invalid_chains"]:
            pairs.append([found["downstream_module"], found["upstream_module"]])
            for links in found["chains"]:
                chains.append({"chain": [links[0]["importer"], *(x["imported"] for x in links)]})
        return {"pairs": pairs, "chains": chains}
    if contract_type == "acyclic_siblings":
        breakers = metadata["cycle_breakers_by_package"]
        return {"pairs": sorted(list(pair) for found in breakers.values() for pair in found)}
    if contract_type == "protected":
        pairs = [
            [link["importer"], link["imported"]]
            for found in metadata["illegal_imports"]
            for link in found.illegal_links
        ]
        return {"pairs": pairs}
    raise ValueError(contract_type)


def main(config: str) -> None:
    """Print the findings of every contract in ``config``."""
    configure()
    use_cases._register_built_in_contract_types()  # what its command line does first
    report = use_cases.create_report(use_cases.read_user_options(config), cache_dir=None)
    found = {}
    for contract, check in report.get_contracts_and_checks():
        kind = type(contract).type_name
        found[contract.name] = {"kept": check.kept, **_summarise(kind, check.metadata or {})}
    json.dump(found, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])

"""The same contracts, checked by import-linter and by standards-lint, on real packages.

The packages and import-linter come from the test extras; each package is
copied so that both tools read the same files. Both must find the same broken
dependencies (the (importer, imported) pairs of each contract). Chains must be
the same, except where several chains of one length exist and each tool takes
another (import-linter's choice follows hash order and can change from run to
run): for each broken dependency both report as many chains, of the same
lengths, with the same direct imports. NOTES_contracts.md argues this.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from arc_compare import (
    Findings,
    copy_package,
    import_linter_findings,
    standards_lint_findings,
    write_configs,
)
from compared_contracts import DJANGO, HTTPX, HYPOTHESIS, LIBCST

pytest.importorskip("importlinter", reason="import-linter comes with the test extras")

#: Modules that import a project module no file provides (hypothesis._native, an
#: optional accelerator that is not installed). grimp records such an import as
#: one of the top-level package itself; we keep the name as written, so these
#: modules are not heads of routes through the package's __init__ for us.
MISSING_MODULE_IMPORTERS = frozenset({"hypothesis.internal.floats"})


def _same_chains(theirs: Findings, ours: Findings) -> list[str]:
    """The differences between two chain sets that ties of length do not explain."""
    problems = []

    def lengths(findings: Findings) -> Counter[int]:
        return Counter(len(chain) for chain in findings.chains)

    if lengths(theirs) != lengths(ours):
        problems.append(f"chain lengths differ: {lengths(theirs)} != {lengths(ours)}")
    direct = {c for c in theirs.chains if len(c) == 2}, {c for c in ours.chains if len(c) == 2}
    if direct[0] != direct[1]:
        problems.append(f"direct imports differ: {direct[0] ^ direct[1]}")
    for key in theirs.routes.keys() & ours.routes.keys():
        heads, tails = theirs.routes[key]
        if (heads - MISSING_MODULE_IMPORTERS, tails) != ours.routes[key]:
            problems.append(f"route {key}: {theirs.routes[key]} != {ours.routes[key]}")
    return problems


def _compare(tmp_path: Path, package: str, contracts: Sequence[Mapping[str, Any]]) -> None:
    root = copy_package(package, tmp_path)
    write_configs(root, [package], contracts)
    theirs, ours = import_linter_findings(root), standards_lint_findings(root)
    for contract in contracts:
        name = contract["name"]
        expected, actual = theirs[name], ours.get(name, Findings())
        assert actual.pairs == expected.pairs, name
        differences = _same_chains(expected, actual)
        # Among equally short chains, import-linter does not pick the same one
        # on every run (see NOTES_contracts.md), and later chains can differ in
        # length with it: ours must be one of the answers it gives.
        for _ in range(_IMPORT_LINTER_RUNS - 1):
            if not differences:
                break
            differences = _same_chains(import_linter_findings(root)[name], actual)
        assert not differences, (name, differences)
    assert any(findings.pairs for findings in theirs.values()), "no contract was broken"


#: How many times import-linter is run on a contract, at most, for an answer
#: whose chains are ours.
_IMPORT_LINTER_RUNS = 5


@pytest.mark.slow
@pytest.mark.parametrize(
    ("package", "contracts"),
    [("httpx", HTTPX), ("django", DJANGO), ("libcst", LIBCST), ("hypothesis", HYPOTHESIS)],
)
def test_the_same_contracts_break_the_same_way(
    tmp_path: Path, package: str, contracts: Sequence[Mapping[str, Any]]
) -> None:
    pytest.importorskip(package)
    _compare(tmp_path, package, contracts)

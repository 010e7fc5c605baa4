"""Coverage reports the rules' examples are checked against (coverage.py's JSON format).

An example's file is the report itself, written as ``coverage.json`` at the
standards' root, where the rules find it when ``data-file`` is not set.
"""

from __future__ import annotations

import json

REPORT_PATH = "coverage.json"


def json_report(
    files: dict[str, tuple[list[int], list[int]]],
    branches: dict[str, tuple[int, int]] | None = None,
) -> str:
    """A coverage.py JSON report: each file's executed and missing lines, and its branches.

    ``branches`` gives (covered, total) branches by file; without it, lines only.
    """
    entries = {}
    for path, (executed, missing) in files.items():
        summary = {"num_statements": len(executed) + len(missing), "covered_lines": len(executed)}
        if branches is not None:
            covered, every = branches.get(path, (0, 0))
            summary |= {"num_branches": every, "covered_branches": covered}
        entries[path] = {"executed_lines": executed, "missing_lines": missing, "summary": summary}
    meta = {"format": 3, "branch_coverage": branches is not None}
    return json.dumps({"meta": meta, "files": entries}, indent=1) + "\n"


#: shop/prices.py: 3 of 4 lines (75%).
PRICES_REPORT = json_report({"shop/prices.py": ([1, 2, 4], [5])})
#: shop/prices.py: 3 of 4 lines (75%); scripts/load.py: 1 of 4 lines (25%).
SHOP_REPORT = json_report({"scripts/load.py": ([1], [2, 3, 4]), "shop/prices.py": ([1, 2, 4], [5])})
#: shop/prices.py: 3 of 4 lines and 1 of 2 branches: (3 + 1) / (4 + 2) = 66.67%.
BRANCH_REPORT = json_report({"shop/prices.py": ([1, 2, 4], [5])}, {"shop/prices.py": (1, 2)})

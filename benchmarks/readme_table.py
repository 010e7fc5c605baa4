"""Print the README's "Measured" tables, in Markdown, from the JSON ``run.py`` writes.

Run as ``python benchmarks/readme_table.py [benchmarks/results/latest.json]``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _runs(measurements: list[Mapping[str, Any]]) -> list[str]:
    lines = ["| run | wall | CPU | peak memory |", "| --- | ---: | ---: | ---: |"]
    for m in measurements:
        name = m["name"] + (f" (fastest of {m['repeats']})" if m.get("repeats", 1) > 1 else "")
        lines.append(
            f"| {name} | {_seconds(m['wall_s'])} | {_seconds(m['cpu_s'])}"
            f" | {m['peak_rss_mb']:.0f} MB |"
        )
    return lines


def _measured(target: Mapping[str, Any]) -> str:
    if target["unit"] == "s":
        return f"{target['measured']:.2f} s"
    value = target["measured"]
    return f"{value:.3f}" if value < 0.1 else f"{value:.2f}"


def _target(target: Mapping[str, Any]) -> str:
    comparison = {"<=": "≤", ">=": "≥", "<": "<"}[target["comparison"]]
    unit = " s" if target["unit"] == "s" else ""
    return f"{comparison} {target['target']:g}{unit}"


def markdown(document: Mapping[str, Any]) -> str:
    """The tables for ``document``, the JSON of one benchmark run."""
    machine = document["machine"]
    lines = [
        f"Latest run: {machine['date']}, {machine['cpu']} ({machine['cores']} cores),"
        f" Python {machine['python']}, {machine['platform']}.",
    ]
    for corpus in document["corpora"]:
        lines += [
            "",
            f"**{corpus['name']}**: {corpus['description']}, {corpus['files']} files,"
            f" {corpus['lines']:,} lines; every built-in rule selected:",
            "",
            *_runs(corpus["measurements"]),
        ]
    contracts = document.get("contracts")
    if contracts:
        names = ", ".join(f"{c['type']}" for c in contracts["contracts"])
        cache = "on" if contracts["import_linter_cache"] else "off"
        lines += [
            "",
            f"**Django contracts** ({names}) on {contracts['package']}, {contracts['files']}"
            f" files, {contracts['lines']:,} lines; architecture rules only; import-linter's"
            f" cache {cache}:",
            "",
            *_runs(contracts["measurements"]),
        ]
    lines += ["", "| corpus | ratio | target | measured | |", "| --- | --- | --- | ---: | --- |"]
    for target in document["targets"]:
        mark = "met" if target["met"] else "**missed**"
        lines.append(
            f"| {target['corpus']} | {target['name']} | {_target(target)}"
            f" | {_measured(target)} | {mark} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Print the tables for the file named on the command line, or the latest run."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "results" / "latest.json"
    print(markdown(json.loads(path.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()

"""The floor for any LibCST-based tool: parse every file of a tree, nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

import libcst


def main() -> None:
    """Parse every ``.py`` file under ``sys.argv[1]`` with LibCST."""
    for path in sorted(Path(sys.argv[1]).rglob("*.py")):
        try:
            libcst.parse_module(path.read_bytes())
        except libcst.ParserSyntaxError:
            continue


if __name__ == "__main__":
    main()

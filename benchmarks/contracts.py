"""The Django contracts case: the contracts the agreement test checks on Django.

The contracts, and the writing of ``standards.toml`` and ``importlinter.ini``
from them, are the test's (``tests/unit/rules/architecture``): what is timed
is what is shown to agree with import-linter. Both files go beside one copy of
the installed Django's ``.py`` files, so both tools read the same source.
"""

from __future__ import annotations

import sys
from pathlib import Path

_COMPARISON = Path(__file__).resolve().parent.parent / "tests" / "unit" / "rules" / "architecture"
sys.path.insert(0, str(_COMPARISON))

# Modules of the agreement test, found through the path set just above.
from arc_compare import write_configs  # noqa: E402  # standards-lint: ignore[TEC101] the test's
from compared_contracts import DJANGO  # noqa: E402  # standards-lint: ignore[TEC101] the test's

#: The Django contracts, a layers, a forbidden, an independence, an acyclic and a protected one.
DJANGO_CONTRACTS = DJANGO

#: The file ``write_contracts`` writes import-linter's contracts to.
IMPORT_LINTER_CONFIG = "importlinter.ini"


def write_contracts(root: Path) -> None:
    """Write ``standards.toml`` and ``importlinter.ini`` for the Django contracts into ``root``."""
    write_configs(root, ["django"], DJANGO_CONTRACTS)


__all__ = ["DJANGO_CONTRACTS", "IMPORT_LINTER_CONFIG", "write_contracts"]

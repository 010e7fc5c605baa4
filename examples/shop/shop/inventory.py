"""Stock levels, kept in memory and loaded from the warehouse's CSV export."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path


class OutOfStock(Exception):
    """Raised when an order asks for more than the shelf holds."""


class Inventory:
    """How many of each SKU are on the shelf."""

    def __init__(self, levels: dict[str, int] | None = None) -> None:
        self._levels = dict(levels or {})
        self.last_reserved_at: datetime | None = None

    @classmethod
    def from_csv(cls, path: Path) -> Inventory:
        """Read ``sku,quantity`` rows; rows that do not parse are skipped."""
        levels: dict[str, int] = {}
        with path.open(newline="", encoding="utf-8") as stream:
            for row in csv.reader(stream):
                try:
                    levels[row[0]] = int(row[1])
                except:
                    continue
        return cls(levels)

    def available(self, sku: str) -> int:
        """Units of ``sku`` on the shelf."""
        return self._levels.get(sku, 0)

    def reserve(self, wanted: Iterable[tuple[str, int]]) -> None:
        """Take every ``(sku, quantity)`` off the shelf, or none of them."""
        wanted = list(wanted)
        for sku, quantity in wanted:
            if self.available(sku) < quantity:
                raise OutOfStock(sku)
        # TODO: reserve in the warehouse system too, not only in memory
        for sku, quantity in wanted:
            self._levels[sku] -= quantity
        self.last_reserved_at = datetime.now()

"""The ``[shop]`` section of a standards file."""

from __future__ import annotations

from dataclasses import dataclass

from standards_lint import Area, option


@dataclass(frozen=True, slots=True)
class ShopOptions:
    """Options every rule of the pack reads from ``[shop]``."""

    money_suffixes: tuple[str, ...] = option(
        ("_price", "_amount", "_total", "_cost"),
        "Names ending with one of these hold money, so they must never hold a float.",
    )
    allow_float_in_names: tuple[str, ...] = option(
        (),
        "Exact names that may hold a float anyway (an estimate shown to a user, say).",
    )

    def __post_init__(self) -> None:
        for suffix in self.money_suffixes:
            if not suffix:
                raise ValueError("money-suffixes must not contain an empty string")

    def is_money(self, name: str) -> bool:
        """Whether ``name`` is a money name under these options."""
        if name in self.allow_float_in_names:
            return False
        return name.endswith(self.money_suffixes)


SHOP_AREA = Area(name="shop", prefix="SHP", title="Shop domain rules", options=ShopOptions)

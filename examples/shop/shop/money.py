"""Money as an exact amount in a currency: never a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of one currency, kept to the cent."""

    amount: Decimal
    currency: str = "EUR"

    def __post_init__(self) -> None:
        """Round to the cent once, here, so that every Money compares exactly."""
        object.__setattr__(self, "amount", self.amount.quantize(CENT, ROUND_HALF_EVEN))

    @classmethod
    def of(cls, text: str, currency: str = "EUR") -> Money:
        """Parse ``"12.50"`` into money; text keeps every digit a float would lose."""
        return cls(Decimal(text), currency)

    def __add__(self, other: Money) -> Money:
        """The sum of two amounts of the same currency."""
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        """The difference of two amounts of the same currency."""
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def times(self, factor: Decimal | int) -> Money:
        """This amount multiplied by a quantity or a rate."""
        return Money(self.amount * factor, self.currency)

    def _same_currency(self, other: Money) -> None:
        """Refuse to mix currencies: there is no exchange rate here."""
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")


ZERO = Money(Decimal(0))

"""The shop's domain: products, customers and orders, as plain frozen data."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from shop.money import ZERO, Money


class OrderStatus(enum.Enum):
    """Where an order is in its life."""

    OPEN = "open"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Product:
    """Something the shop sells."""

    sku: str
    title: str
    price: Money


@dataclass(frozen=True, slots=True)
class Customer:
    """Someone who buys; ``loyalty_years`` drives the loyalty discount."""

    email: str
    loyalty_years: int = 0


@dataclass(frozen=True, slots=True)
class LineItem:
    """A quantity of one product in an order."""

    product: Product
    quantity: int

    @property
    def total(self) -> Money:
        """The price of the whole line before discounts."""
        return self.product.price.times(self.quantity)


@dataclass(frozen=True, slots=True)
class Order:
    """What a customer asked for."""

    number: str
    customer: Customer
    items: tuple[LineItem, ...] = field(default_factory=tuple)
    status: OrderStatus = OrderStatus.OPEN

    @property
    def subtotal(self) -> Money:
        """The sum of every line, before discounts."""
        total = ZERO
        for item in self.items:
            total = total + item.total
        return total

    def total_due(self) -> Money:
        """What the customer pays today: VAT included, no discounts."""
        # Imported here because a module-level import would be circular.
        from shop.pricing import price_with_vat

        return price_with_vat(self, [])

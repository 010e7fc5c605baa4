"""The service layer: what the shop does, independent of how it is called."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime, timezone

from shop.inventory import Inventory
from shop.models import Customer, LineItem, Order, OrderStatus
from shop.money import Money
from shop.notifications import Send, notify_paid
from shop.pricing import Discount, price_with_vat
from shop.repository import OrderRepository

# The payment provider's refund endpoint, exactly as documented.
REFUNDS_URL = "https://payments.example.com/api/v2/merchants/{merchant_id}/orders/{order_id}/refunds"  # standards-lint: ignore[line-too-long] URLs cannot be wrapped


class OrderService:
    """Places and pays orders against a repository, an inventory and a mailer."""

    def __init__(
        self,
        orders: OrderRepository,
        inventory: Inventory,
        send: Send,
        discounts: Sequence[Discount] = (),
    ) -> None:
        self._orders = orders
        self._inventory = inventory
        self._send = send
        self._discounts = list(discounts)

    def place(self, number: str, customer: Customer, items: Sequence[LineItem]) -> Order:
        """Reserve stock and record a new open order."""
        self._inventory.reserve((item.product.sku, item.quantity) for item in items)
        order = Order(number, customer, tuple(items))
        self._orders.save(order)
        return order

    def quote(self, number: str) -> Money:
        """What the customer of order ``number`` would pay now."""
        return price_with_vat(self._require(number), self._discounts)

    def pay(self, number: str) -> Order:
        """Mark the order paid and send the confirmation."""
        order = dataclasses.replace(self._require(number), status=OrderStatus.PAID)
        self._orders.save(order)
        notify_paid(order, self._send)
        return order

    def paid_at(self) -> datetime:
        """The timestamp written on receipts, always in UTC."""
        return datetime.now(timezone.utc)  # standards-lint: ignore[line-too-long]

    def _require(self, number: str) -> Order:
        order = self._orders.get(number)
        if order is None:
            raise KeyError(f"no order {number}")
        return order

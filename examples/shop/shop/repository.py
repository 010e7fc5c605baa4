"""Where orders are kept. The service depends on this protocol, not on a database."""

from __future__ import annotations

from typing import Protocol

from shop.models import Order


class OrderRepository(Protocol):
    """Storage for orders."""

    def save(self, order: Order) -> None:
        """Store ``order``, replacing any order with the same number."""

    def get(self, number: str) -> Order | None:
        """The order with ``number``, if any."""


class InMemoryOrders:
    """An :class:`OrderRepository` for tests and the command line."""

    def __init__(self) -> None:
        """Start with no orders."""
        self._orders: dict[str, Order] = {}

    def save(self, order: Order) -> None:
        """Store ``order``."""
        self._orders[order.number] = order

    def get(self, number: str) -> Order | None:
        """The order with ``number``, if any."""
        return self._orders.get(number)

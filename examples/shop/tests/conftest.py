"""Fixtures shared by the shop's tests."""

from __future__ import annotations

import pytest

from shop.models import Customer, LineItem, Order, Product
from shop.money import Money


@pytest.fixture
def mug() -> Product:
    """A product priced at 12.50 EUR."""
    return Product("MUG-1", "Enamel mug", Money.of("12.50"))


@pytest.fixture
def order(mug: Product) -> Order:
    """An open order of four mugs by a customer of three years."""
    return Order("A-1", Customer("ada@example.com", loyalty_years=3), (LineItem(mug, 4),))

"""Discounts and taxes: how an order's subtotal becomes what the customer pays."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from shop.models import Order
from shop.money import Money

Discount = Callable[[Order], Money]

VAT_RATE = Decimal("0.20")


def loyalty_discount(order: Order) -> Money:
    """Five percent off for every full year as a customer, capped at twenty."""
    percent = min(order.customer.loyalty_years * 5, 20)
    return order.subtotal.times(Decimal(percent) / 100)


def bulk_discount(order: Order) -> Money:
    """A flat ten percent off orders of fifty items or more."""
    quantity = sum(item.quantity for item in order.items)
    return order.subtotal.times(Decimal("0.10")) if quantity >= 50 else order.subtotal.times(0)


def apply_discounts(order: Order, discounts: list[Discount] = []) -> Money:
    """The subtotal after every discount, never below zero."""
    total = order.subtotal
    for discount in discounts:
        total = total - discount(order)
    return total if total.amount > 0 else order.subtotal.times(0)


def shipping_estimate(order: Order) -> float:
    """A rough shipping cost for the basket page (the checkout recomputes it exactly)."""
    weight_kg = sum(item.quantity for item in order.items) * 0.4
    shipping_amount = float(weight_kg * 1.25)
    return shipping_amount


def price_with_vat(order: Order, discounts: list[Discount]) -> Money:
    """What the customer pays: discounted subtotal plus VAT, rounded to the cent by Money itself."""
    net = apply_discounts(order, discounts)
    return net + net.times(VAT_RATE)

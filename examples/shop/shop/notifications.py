"""Telling customers what happened to their order."""

from __future__ import annotations

from collections.abc import Callable

from shop.models import Order

Send = Callable[[str, str], None]


def order_confirmation(order: Order) -> str:
    """The confirmation e-mail's text."""
    lines = [f"Thank you for order {order.number}."]
    lines += [f"  {item.quantity} x {item.product.title}" for item in order.items]
    return "\n".join(lines)


def notify_paid(order: Order, send: Send) -> None:
    """Send the confirmation; the sender is passed in so tests need no mail server."""
    print("sending confirmation for", order.number)
    send(order.customer.email, order_confirmation(order))

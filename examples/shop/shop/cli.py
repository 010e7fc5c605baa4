"""``python -m shop.cli``: quote a demo order from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from shop.inventory import Inventory
from shop.models import Customer, LineItem, Product
from shop.money import Money
from shop.pricing import bulk_discount, loyalty_discount
from shop.repository import InMemoryOrders
from shop.service import OrderService


def build_parser() -> argparse.ArgumentParser:
    """The command line's arguments."""
    parser = argparse.ArgumentParser(prog="shop", description=__doc__)
    parser.add_argument("--quantity", type=int, default=3, help="how many mugs to order")
    parser.add_argument("--loyalty-years", type=int, default=0)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Quote a demo order and print the price; the CLI is where printing belongs."""
    arguments = build_parser().parse_args(argv)
    mug = Product("MUG-1", "Enamel mug", Money.of("12.50"))
    service = OrderService(
        InMemoryOrders(),
        Inventory({"MUG-1": 100}),
        send=lambda to, text: None,
        discounts=[loyalty_discount, bulk_discount],
    )
    customer = Customer("ada@example.com", loyalty_years=arguments.loyalty_years)
    order = service.place("A-1", customer, [LineItem(mug, arguments.quantity)])
    print(f"Order {order.number}: {service.quote(order.number).amount} EUR")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

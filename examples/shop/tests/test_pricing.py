from decimal import Decimal

from shop.models import Order
from shop.money import Money
from shop.pricing import apply_discounts, bulk_discount, loyalty_discount, price_with_vat


def test_loyalty_discount_is_five_percent_per_year(order: Order) -> None:
    assert loyalty_discount(order) == Money.of("7.50")


def test_bulk_discount_needs_fifty_items(order: Order) -> None:
    assert bulk_discount(order).amount == Decimal("0.00")


def test_price_with_vat_applies_the_discounts_before_the_tax_so_the_customer_pays_less_tax(order: Order) -> None:
    assert price_with_vat(order, [loyalty_discount]) == Money.of("51.00")


def test_no_discounts(order: Order) -> None:
    assert apply_discounts(order, []) == Money.of("50.00")

"""A small web-shop back end: catalogue, pricing, orders and a command line."""

from shop.models import Customer, LineItem, Order, Product
from shop.money import Money
from shop.service import OrderService

__all__ = ["Customer", "LineItem", "Money", "Order", "OrderService", "Product"]
__version__ = "1.4.0"

from shop.inventory import Inventory, OutOfStock
from shop.models import Customer, LineItem, OrderStatus, Product
from shop.repository import InMemoryOrders
from shop.service import OrderService


def make_service(sent: list[tuple[str, str]], stock: int = 10) -> OrderService:
    return OrderService(InMemoryOrders(), Inventory({"MUG-1": stock}), lambda to, text: sent.append((to, text)))


def test_paying_sends_a_confirmation(mug: Product) -> None:
    sent: list[tuple[str, str]] = []
    service = make_service(sent)
    service.place("A-1", Customer("ada@example.com"), [LineItem(mug, 2)])
    paid = service.pay("A-1")
    print(sent)  # printing is fine in tests: pytest captures it
    assert paid.status is OrderStatus.PAID
    assert sent[0][0] == "ada@example.com"


def test_placing_more_than_the_stock_fails(mug: Product) -> None:
    service = make_service([], stock=1)
    try:
        service.place("A-2", Customer("bob@example.com"), [LineItem(mug, 2)])
    except OutOfStock:
        return
    raise AssertionError("expected OutOfStock")

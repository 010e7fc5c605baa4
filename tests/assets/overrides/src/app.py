def describe(order_number: str, customer_name: str) -> str:
    return f"Order {order_number} placed by {customer_name} is on its way"

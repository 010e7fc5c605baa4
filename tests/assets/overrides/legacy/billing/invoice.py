def invoice_line(description: str, quantity: int, unit_price: int) -> str:
    return f"{description:<40} {quantity:>5} x {unit_price:>8} = {quantity * unit_price:>10} EUR (incl. VAT)"

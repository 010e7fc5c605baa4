"""Monthly report."""

TITLE = "Monthly report"
HEADER = "region, product, units sold, revenue, returns, net"


def footer(pages: int) -> str:
    """The last line."""
    return f"This report has {pages} pages and was generated automatically."

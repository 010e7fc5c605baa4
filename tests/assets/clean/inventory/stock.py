"""Count what is on the shelf."""


def total(levels: dict[str, int]) -> int:
    """The number of items on every shelf together."""
    return sum(levels.values())

"""The one error a standards file can produce: a list of every problem found."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


class ConfigError(Exception):
    """The standards could not be read; ``problems`` lists every mistake at once."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def unknown_key(where: str, key: str, valid: Iterable[str]) -> str:
    """Describe an unknown ``key`` in ``where``, naming the closest valid key."""
    choices = sorted(valid)
    if not choices:
        return f"{where}: unknown key {key!r}; this table takes no keys"
    close = difflib.get_close_matches(key, choices, n=1, cutoff=0.4)
    if close:
        return f"{where}: unknown key {key!r}; did you mean {close[0]!r}?"
    return f"{where}: unknown key {key!r}; valid keys are: {', '.join(choices)}"

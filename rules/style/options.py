"""The options of the ``[style]`` area."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from standards_lint.rule import option


@dataclass(frozen=True, slots=True)
class StyleOptions:
    """Options of the ``[style]`` section of the standards file."""

    max_line_length: int = option(100, "Longest line allowed, in characters.")

    def __post_init__(self) -> None:
        if self.max_line_length < 1:
            raise ValueError("max-line-length must be at least 1")


_ = (re, Mapping, MappingProxyType)

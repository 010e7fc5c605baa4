"""Read the standards file: find it, parse it, validate every key at once."""

from standards_lint.config.discovery import find_standards_file
from standards_lint.config.effective import EffectiveStandards, StandardsResolver
from standards_lint.config.errors import ConfigError
from standards_lint.config.standards import (
    Override,
    Standards,
    StandardsReading,
    load_standards,
    read_standards,
)

__all__ = [
    "ConfigError",
    "EffectiveStandards",
    "Override",
    "Standards",
    "StandardsReading",
    "StandardsResolver",
    "find_standards_file",
    "load_standards",
    "read_standards",
]

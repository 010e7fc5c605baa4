"""LibCST, imported on first use.

Built-in rules name LibCST's node classes inside their visitor methods only.
Importing LibCST costs about 0.2 s, which a run whose files are all cached
never needs to pay, so rule modules reach it through this proxy::

    if TYPE_CHECKING:
        import libcst as cst
    else:
        from standards_lint.lazy_libcst import libcst as cst
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands in for a module until an attribute is first read from it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        module: ModuleType = importlib.import_module(self._name)
        value = getattr(module, attribute)
        # Later reads find the value on the instance and skip this method.
        setattr(self, attribute, value)
        return value


libcst = LazyModule("libcst")

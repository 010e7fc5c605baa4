"""A plugin that raises KeyboardInterrupt itself at import (no key was pressed)."""

raise KeyboardInterrupt

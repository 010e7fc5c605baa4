"""``standards-lint server``: the standards in the editor, over the Language Server Protocol.

The server publishes the diagnostics ``check`` would report for each open
document's unsaved text, offers code actions (apply a fix, apply every safe
fix, suppress, accept in the baseline) and explains a diagnostic on hover.
It needs pygls (the ``server`` extra); nothing else in the tool imports it.
"""

from standards_lint.server.language_server import (
    ADD_TO_BASELINE,
    DEBOUNCE_SECONDS,
    StandardsServer,
    build_server,
    serve,
)

__all__ = ["ADD_TO_BASELINE", "DEBOUNCE_SECONDS", "StandardsServer", "build_server", "serve"]

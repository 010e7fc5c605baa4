"""Escaping for the HTML page: every text that reaches it goes through here.

Text from the checked code, its paths, messages and the standards file is
escaped as HTML text or attribute values; JSON embedded in a ``<script>``
element has ``<``, ``>``, ``&`` and the JavaScript line separators written as
``\\u`` escapes, so no string in it can close the element.
"""

from __future__ import annotations

import html
import re
from typing import Final

_SCRIPT_UNSAFE: Final = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE_PATTERN: Final = re.compile("[<>&\u2028\u2029]")
_ID_UNSAFE: Final = re.compile(r"[^A-Za-z0-9_-]")


def text(value: object) -> str:
    """``value`` as HTML text or a quoted attribute value: no markup can get through."""
    return html.escape(str(value), quote=True)


def json_for_script(document: str) -> str:
    """JSON text made safe inside ``<script type="application/json">``.

    The characters replaced only occur inside JSON strings, where the ``\\u``
    escape means the same character, so the data parses back unchanged.
    """
    return _SCRIPT_UNSAFE_PATTERN.sub(lambda match: _SCRIPT_UNSAFE[match.group()], document)


def anchor(prefix: str, name: str) -> str:
    """An element id for ``name``: only letters, digits, ``-`` and ``_``."""
    return f"{prefix}-{_ID_UNSAFE.sub('_', name)}"


def plural(count: int, noun: str) -> str:
    """``1 violation``, ``2 violations``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"

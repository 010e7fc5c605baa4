"""The reliability suite: what a new user, or an attacker, tries on the tool.

Each module takes one concern (the cache, ``clean``, odd files, plugins that
misbehave, the standards file) and drives the real command, in process or as
a real process, over projects written into a temporary directory.
"""

from __future__ import annotations

from functional.conftest import cli, project

__all__ = ["cli", "project"]

"""What a name in a test module refers to: imports resolved, without running anything."""

from __future__ import annotations

import ast
import fnmatch
from collections.abc import Iterable, Mapping

from standards_lint import syntax
from standards_lint.syntax import walk_statements


def import_aliases(tree: ast.Module) -> dict[str, str]:
    """Local name to qualified name for every import in the module, at any depth.

    ``import pytest as pt`` gives ``pt -> pytest``; ``from pytest import mark``
    gives ``mark -> pytest.mark``. Relative imports keep their dots
    (``.helpers.check``), which no known name starts with.
    """
    aliases: dict[str, str] = {}
    for node in walk_statements(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    top = alias.name.partition(".")[0]
                    aliases[top] = top
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            for alias in node.names:
                if alias.name != "*":
                    joined = (
                        f"{base}.{alias.name}"
                        if base and not base.endswith(".")
                        else base + alias.name
                    )
                    aliases[alias.asname or alias.name] = joined
    return aliases


def dotted_name(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, else ``None``."""
    return syntax.dotted_name(node) or None


def qualified_name(node: ast.expr, aliases: Mapping[str, str]) -> str | None:
    """The dotted name of ``node`` with its first part resolved through the imports."""
    name = dotted_name(node)
    if name is None:
        return None
    first, dot, rest = name.partition(".")
    resolved = aliases.get(first, first)
    return resolved + dot + rest


def matches_any(name: str, patterns: Iterable[str]) -> bool:
    """Whether ``name`` or its last dotted part matches one of the glob ``patterns``."""
    last = name.rpartition(".")[2]
    return any(
        fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(last, pattern)
        for pattern in patterns
    )


def referenced_names(tree: ast.Module) -> dict[str, int]:
    """How often each name is used in the module other than where it is defined.

    Loaded names, attribute names (``self.check``) and string constants that are
    identifiers (``request.getfixturevalue("db")``, ``usefixtures("db")``) count:
    a function referred to in any of these ways is used, not forgotten.
    """
    counts: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Store):
            name = node.id
        elif isinstance(node, ast.Attribute):
            name = node.attr
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            name = node.value
            if not name.isidentifier():
                continue
        else:
            continue
        counts[name] = counts.get(name, 0) + 1
    return counts

"""The repairs of banned imports and calls whose ban names a replacement.

Each repair is a plain rename: the import binds the same local name to the
replacement module (``import mock`` becomes ``from unittest import mock``), and
a call calls the replacement with the same arguments, spelt through a name the
file already has (``os.system(c)`` becomes ``subprocess.run(c)`` when the module
imports ``subprocess``; a builtin needs no import). No repair adds an import:
where it would be needed, the report names the replacement and the author
places the import.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection
from typing import TYPE_CHECKING

from standards_lint.rule import Replace
from standards_lint.rules.style.imported_names import ImportedNames

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst

_BUILTINS_PREFIX = "builtins."


def dotted_expression(dotted: str) -> cst.Name | cst.Attribute:
    """The expression ``a.b.c`` for the text ``"a.b.c"``."""
    head, *rest = dotted.split(".")
    expression: cst.Name | cst.Attribute = cst.Name(head)
    for part in rest:
        expression = cst.Attribute(expression, cst.Name(part))
    return expression


def renamed(module: str, banned: str, replacement: str) -> str:
    """``module`` (the banned module or one of its submodules) under the replacement's name."""
    return replacement + module[len(banned) :]


def import_alias_change(
    statement: cst.Import, alias: cst.ImportAlias, module: str, banned: str, replacement: str
) -> Replace | None:
    """The change that makes ``import <module>`` import the replacement under the same name.

    ``import mock`` (alone) becomes ``from unittest import mock``; among other
    aliases it becomes ``unittest.mock as mock``; ``import mock.x as m`` keeps
    its alias. ``import legacy.api`` binds ``legacy``, which no rename keeps.
    """
    new_module = renamed(module, banned, replacement)
    if alias.asname is not None:
        return Replace(alias, alias.with_changes(name=dotted_expression(new_module)))
    if "." in module:
        return None
    if len(statement.names) == 1 and "." in new_module:
        package, _, name = new_module.rpartition(".")
        asname = None if name == module else cst.AsName(cst.Name(module))
        new_alias = cst.ImportAlias(cst.Name(name), asname=asname)
        return Replace(statement, cst.ImportFrom(dotted_expression(package), [new_alias]))
    as_module = cst.AsName(cst.Name(module))
    return Replace(alias, alias.with_changes(name=dotted_expression(new_module), asname=as_module))


def from_module_change(
    statement: cst.ImportFrom, module: str, banned: str, replacement: str
) -> Replace | None:
    """``from mock import patch`` to ``from unittest.mock import patch``."""
    if statement.module is None:
        return None
    return Replace(statement.module, dotted_expression(renamed(module, banned, replacement)))


def from_name_change(
    statement: cst.ImportFrom, alias: cst.ImportAlias, full: str, banned: str, replacement: str
) -> Replace | None:
    """``from legacy import api`` (``legacy.api`` banned) to ``from platform import api``.

    Only a statement that imports that one name is changed: the others still
    come from the old package.
    """
    new_module = renamed(full, banned, replacement)
    if (
        isinstance(statement.names, cst.ImportStar)
        or len(statement.names) != 1
        or "." not in new_module
        or not isinstance(alias.name, cst.Name)
    ):
        return None
    local = alias.asname.name if alias.asname is not None else alias.name
    if not isinstance(local, cst.Name):
        return None
    package, _, name = new_module.rpartition(".")
    asname = alias.asname if name == local.value else cst.AsName(cst.Name(local.value))
    new_alias = alias.with_changes(name=cst.Name(name), asname=asname)
    return Replace(
        statement, statement.with_changes(module=dotted_expression(package), names=[new_alias])
    )


def reachable_callee(
    replacement: str, module_imports: ImportedNames, shadowed: Collection[str]
) -> str | None:
    """How the code can name ``replacement`` without a new import, or None if it cannot.

    A builtin is named as it is, unless the file or an enclosing function
    binds its name (``shadowed``, the module's imports included); anything else
    through the module-level imports seen before the call.
    """
    if replacement.startswith(_BUILTINS_PREFIX):
        replacement = replacement[len(_BUILTINS_PREFIX) :]
    if "." not in replacement:
        if hasattr(builtins, replacement) and replacement not in shadowed:
            return replacement
        return None
    spelt = module_imports.local_name_for(replacement)
    if spelt is None or spelt.partition(".")[0] in shadowed:
        return None
    return spelt

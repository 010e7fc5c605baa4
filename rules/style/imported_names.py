"""What the names a file imports stand for: ``p.set_trace`` is ``pdb.set_trace``.

Scopes are not tracked: an import inside a function counts for the whole
file. A name imported differently in two places stands for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from standards_lint.rules.style.definitions import dotted_name

if TYPE_CHECKING:
    import libcst as cst
else:
    from standards_lint.lazy_libcst import libcst as cst


def imported_module(node: cst.ImportFrom) -> str:
    """The module of ``from ... import``, with its leading dots (``..pkg.mod``)."""
    module = dotted_name(node.module) if node.module is not None else None
    return "." * len(node.relative) + (module or "")


class ImportedNames:
    """The local names bound by ``import`` and ``from ... import``, and what each stands for."""

    __slots__ = ("_targets",)

    def __init__(self) -> None:
        """Start with no imports seen."""
        self._targets: dict[str, tuple[str, ...]] = {}

    def add_import(self, node: cst.Import) -> None:
        """Record ``import a.b`` (binds ``a``) and ``import a.b as c`` (binds ``c`` to ``a.b``)."""
        for alias in node.names:
            module = dotted_name(alias.name)
            if module is None:
                continue
            if alias.asname is None:
                head = module.partition(".")[0]
                self._bind(head, head)
            elif isinstance(alias.asname.name, cst.Name):
                self._bind(alias.asname.name.value, module)

    def add_import_from(self, node: cst.ImportFrom) -> None:
        """Record ``from a import b`` (binds ``b`` to ``a.b``), with or without ``as``."""
        if isinstance(node.names, cst.ImportStar):
            return
        module = imported_module(node)
        prefix = module if module.endswith(".") else module + "."
        for alias in node.names:
            name = dotted_name(alias.name)
            if name is None:
                continue
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self._bind(local, prefix + name)

    def _bind(self, local: str, target: str) -> None:
        """Record that ``local`` may stand for ``target`` (one more meaning, not a replacement)."""
        known = self._targets.get(local, ())
        if target not in known:
            self._targets[local] = (*known, target)

    def __contains__(self, local: str) -> bool:
        """Whether an import binds the name ``local``."""
        return local in self._targets

    def local_name_for(self, qualified: str) -> str | None:
        """How ``qualified`` is spelt through these imports, or None if no import reaches it.

        ``unittest.mock.patch`` is ``mock.patch`` after ``from unittest import
        mock``. Only a name with a single meaning counts, and the longest imported
        prefix wins; relative imports are not resolved.
        """
        best: tuple[int, str] | None = None
        for local, targets in self._targets.items():
            if len(targets) != 1 or targets[0].startswith("."):
                continue
            target = targets[0]
            covers = qualified == target or qualified.startswith(target + ".")
            if covers and (best is None or len(target) > best[0]):
                best = (len(target), local + qualified[len(target) :])
        return best[1] if best is not None else None

    def qualify(self, dotted: str) -> tuple[str, ...]:
        """The qualified names ``dotted`` may stand for, through the imports.

        A reference whose first name no import binds stands for itself
        (``print``, or a module used without an import this file shows).
        """
        head, dot, rest = dotted.partition(".")
        targets = self._targets.get(head)
        if targets is None:
            return (dotted,)
        return tuple(target + dot + rest for target in targets)

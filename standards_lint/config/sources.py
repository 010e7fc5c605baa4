"""Where an ``extends`` entry points: a file, an installed package's resource, an entry point.

``extends`` may name, besides a path relative to the file that writes it:

- ``package:resource.toml``, a standards file shipped inside an installed
  package (``resource`` may have ``/`` in it);
- the name of an entry point of the ``standards_lint.standards`` group, whose
  value is such a ``package:resource.toml``: how an organisation publishes its
  standards under a stable name (``extends = ["acme-python-standards"]``).

Finding the resource runs no code of the package: the package is located with
:func:`importlib.util.find_spec`, which for a top-level name only asks the
import system where it is, and its sub-packages are then directories on disk.
(``importlib.resources.files`` would import the package, running its
``__init__``.) The resource is then read as any standards file is.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Mapping, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Final

STANDARDS_ENTRY_POINT_GROUP: Final = "standards_lint.standards"

#: ``package.sub:path/to/file.toml``; a Windows drive (``C:\\x``) is not one.
_RESOURCE: Final = re.compile(
    r"^(?P<package>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*):(?P<resource>[^\\/].*)$"
)


class SourceError(Exception):
    """An ``extends`` entry names nothing that can be read; the message says why."""


def is_path_like(entry: str) -> bool:
    """Whether ``entry`` is written as a path rather than an entry point's name."""
    return entry.endswith(".toml") or "/" in entry or "\\" in entry


def locate_base(writer: Path, entry: str) -> Path:
    """The standards file that ``entry``, written in ``writer``'s ``extends``, names.

    Raises :class:`SourceError` when there is none.
    """
    resource = _RESOURCE.match(entry)
    if resource is not None:
        return package_resource(resource["package"], resource["resource"])
    local = writer.parent / entry
    if is_path_like(entry):
        return _existing_file(local)
    published = [point for point in _standards_entry_points() if point[0] == entry]
    if published:
        _, value = published[0]
        found = _RESOURCE.match(value)
        if found is None:
            raise SourceError(
                f"entry point {entry!r} of {STANDARDS_ENTRY_POINT_GROUP} is {value!r},"
                " not 'package:resource.toml'"
            )
        return package_resource(found["package"], found["resource"])
    # A bare name may still be a file beside the writer (``extends = "base"``).
    if local.is_file():
        return local
    names = sorted({name for name, _ in _standards_entry_points()})
    known = f"; installed: {', '.join(names)}" if names else "; none is installed"
    raise SourceError(
        f"no such file {local}, nor installed standards named {entry!r}"
        f" (entry points of {STANDARDS_ENTRY_POINT_GROUP}){known}"
    )


def package_resource(package: str, resource: str) -> Path:
    """The file ``resource`` inside the installed ``package``, found without importing it."""
    parts = Path(resource).parts
    if ".." in parts or Path(resource).is_absolute():
        raise SourceError(f"{package}:{resource}: the resource must be inside the package")
    top, *subpackages = package.split(".")
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError) as error:
        raise SourceError(f"{package}:{resource}: cannot find package {top!r}: {error}") from None
    if spec is None:
        raise SourceError(f"{package}:{resource}: no installed package {top!r}")
    locations = list(spec.submodule_search_locations or ())
    if not locations:
        raise SourceError(f"{package}:{resource}: {top!r} is a module, not a package")
    for location in locations:
        candidate = Path(location).joinpath(*subpackages, *parts)
        if candidate.is_file():
            return candidate
    raise SourceError(f"{package}:{resource}: no such resource in {locations[0]}")


def _existing_file(path: Path) -> Path:
    if ".." in path.parts:
        # Messages name it: "a/../b/../c.toml" reads badly. Resolved (not merely
        # normalised) so that it stays the file the system would open.
        path = path.resolve()
    if not path.is_file():
        raise SourceError(f"no such file {path}")
    return path


def _standards_entry_points() -> list[tuple[str, str]]:
    return [(point.name, point.value) for point in entry_points(group=STANDARDS_ENTRY_POINT_GROUP)]


def anchored_plugins(chain: Sequence[tuple[Path, Mapping[str, Any]]], root: Path) -> list[str]:
    """The ``plugins`` of every file of ``chain``, each found from its own file's directory.

    A base's plugins load with it: those of an installed standards package are
    looked for inside that package. Plugins written in a file of ``root``
    stay as written (they are looked for from ``root`` anyway); others that
    name a local file or module become its absolute path.
    """
    plugins: list[str] = []
    for file_path, table in chain:
        written = table.get("plugins")
        if not isinstance(written, list):
            continue
        directory = file_path.parent.resolve()
        for plugin in written:
            if not isinstance(plugin, str):
                continue
            anchored = plugin if directory == root else _anchored(plugin, directory)
            if anchored not in plugins:
                plugins.append(anchored)
    return plugins


def _anchored(plugin: str, directory: Path) -> str:
    if plugin.endswith(".py") or "/" in plugin or "\\" in plugin:
        return str((directory / plugin).resolve())
    local = directory.joinpath(*plugin.split("."))
    for candidate in (local.with_suffix(".py"), local):
        if candidate.is_file() or (candidate / "__init__.py").is_file():
            return str(candidate.resolve())
    # An installed module: imported by name wherever it is written.
    return plugin

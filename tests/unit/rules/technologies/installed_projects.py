"""Projects rebuilt from installed distributions, for comparing with deptry on real code.

An installed wheel holds the package's own modules exactly as its sdist does;
what it lacks is the sdist's ``pyproject.toml``. That is written back from the
installed metadata: every ``Requires-Dist`` without an ``extra`` marker becomes
a ``[project] dependencies`` entry, the others go to the optional group their
extra names. Markers are dropped (neither tool evaluates them), version
specifiers kept. Nothing is installed or downloaded.
"""

from __future__ import annotations

import importlib.metadata
import re
import shutil
from pathlib import Path

_EXTRA = re.compile(r"""extra\s*==\s*['"]([^'"]+)['"]""")


def top_level_modules(distribution: importlib.metadata.Distribution) -> list[str]:
    """The distribution's top-level packages and modules, from the files it installed."""
    names = set()
    for file in distribution.files or ():
        parts = file.parts
        if len(parts) > 1 and not parts[0].endswith((".dist-info", ".data")) and parts[0] != "..":
            if parts[0] != "__pycache__" and parts[0].isidentifier():
                names.add(parts[0])
        elif len(parts) == 1 and file.suffix == ".py":
            names.add(file.stem)
    return sorted(names)


def pyproject_from_metadata(distribution: importlib.metadata.Distribution) -> str:
    """A ``pyproject.toml`` that declares what the distribution's metadata requires."""
    runtime: list[str] = []
    optional: dict[str, list[str]] = {}
    for requirement in distribution.requires or ():
        specification, _, marker = requirement.partition(";")
        extra = _EXTRA.search(marker)
        target = optional.setdefault(extra.group(1), []) if extra else runtime
        target.append(specification.strip())
    lines = [
        "[project]",
        f'name = "{distribution.metadata["Name"]}"',
        f'version = "{distribution.version}"',
        "dependencies = [",
        *(f'    "{entry}",' for entry in runtime),
        "]",
    ]
    if optional:
        lines.append("")
        lines.append("[project.optional-dependencies]")
        lines.extend(
            f"{group} = [{', '.join(repr(entry).replace(chr(39), chr(34)) for entry in entries)}]"
            for group, entries in optional.items()
        )
    return "\n".join(lines) + "\n"


def project_from_installed(name: str, directory: Path) -> Path:
    """Copy distribution ``name``'s modules and a rebuilt ``pyproject.toml`` into ``directory``."""
    distribution = importlib.metadata.distribution(name)
    site_packages = Path(str(distribution.locate_file("")))
    for module in top_level_modules(distribution):
        source = site_packages / module
        if source.is_dir():
            shutil.copytree(
                source, directory / module, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(site_packages / f"{module}.py", directory / f"{module}.py")
    (directory / "pyproject.toml").write_text(pyproject_from_metadata(distribution), "utf-8")
    return directory

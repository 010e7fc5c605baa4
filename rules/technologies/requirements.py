"""What the project declares it depends on, read from ``pyproject.toml`` as data.

Only a requirement's name matters here, and PEP 508 puts the name first: a
run of letters, digits and ``._-`` that starts and ends with a letter or digit.
So a requirement is parsed with one anchored pattern rather than with
``packaging``, which the tool would otherwise have to depend on. The version
specifiers, extras, markers and URL that may follow are not needed and not
checked; a string that does not start with a valid name is not a requirement
and is left out (as deptry leaves it out).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

_NAME = re.compile(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?=$|[\[(;@<>=!~\s])")
_SEPARATORS = re.compile(r"[-_.]+")

Kind = Literal["runtime", "development"]


def canonical_name(name: str) -> str:
    """A distribution name as PEP 503 compares it: lower case, ``-`` for runs of ``-_.``."""
    return _SEPARATORS.sub("-", name).lower()


def requirement_name(requirement: str) -> str | None:
    """The distribution a PEP 508 requirement string names, or ``None`` if it names none."""
    match = _NAME.match(requirement)
    return match.group(1) if match else None


@dataclass(frozen=True, slots=True)
class DeclaredDependency:
    """One requirement of the project: its name, where it is declared, and what for."""

    name: str
    kind: Kind
    #: Where it was found: ``project.dependencies``, ``project.optional-dependencies.test``,
    #: ``dependency-groups.dev``, or ``[technologies] declared``.
    section: str
    #: Its line in the file that declares it; ``None`` when declared in an option.
    line: int | None = None

    @property
    def canonical(self) -> str:
        """The name as PEP 503 compares it."""
        return canonical_name(self.name)


class PyprojectError(ValueError):
    """The declarations file is not valid TOML, or a section has the wrong shape."""


def read_declarations(
    text: str,
    *,
    development_groups: Sequence[str] = (),
    runtime_dependency_groups: Sequence[str] = (),
) -> tuple[DeclaredDependency, ...] | None:
    """Every dependency ``text`` (a ``pyproject.toml``) declares, in file order.

    ``None`` when the file does not declare the project's dependencies: it has
    neither a ``[project]`` table nor ``[dependency-groups]``, or its
    dependencies are ``dynamic`` (computed by the build backend at build time).

    ``[project] dependencies`` are runtime dependencies; optional dependencies
    are too unless their group is in ``development_groups``; PEP 735 groups
    hold development dependencies unless named in ``runtime_dependency_groups``
    (deptry's defaults). A group's ``{ include-group = ... }`` entries add
    nothing of their own: the included group is read in its own right.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PyprojectError(f"not valid TOML: {error}") from error
    if "project" not in document and "dependency-groups" not in document:
        return None
    project = _table(document.get("project", {}), "project")
    if "dependencies" in project.get("dynamic", ()):
        return None
    found: list[tuple[str, Kind, str]] = []
    for requirement in _strings(project.get("dependencies", []), "project.dependencies"):
        found.append((requirement, "runtime", "project.dependencies"))
    optional = _table(project.get("optional-dependencies", {}), "project.optional-dependencies")
    for group, requirements in optional.items():
        section = f"project.optional-dependencies.{group}"
        kind: Kind = "development" if group in development_groups else "runtime"
        found.extend(
            (requirement, kind, section) for requirement in _strings(requirements, section)
        )
    groups = _table(document.get("dependency-groups", {}), "dependency-groups")
    for group, requirements in groups.items():
        section = f"dependency-groups.{group}"
        kind = "runtime" if group in runtime_dependency_groups else "development"
        if not isinstance(requirements, list):
            raise PyprojectError(f"{section} must be an array")
        # Only strings are requirements; tables include another group.
        strings = (item for item in requirements if isinstance(item, str))
        found.extend((requirement, kind, section) for requirement in strings)
    lines = _LineFinder(text)
    return tuple(
        DeclaredDependency(name, kind, section, lines.line_of(requirement))
        for requirement, kind, section in found
        if (name := requirement_name(requirement)) is not None
    )


def extra_declarations(
    requirements: Iterable[str], kind: Kind, option_key: str
) -> Iterator[DeclaredDependency]:
    """The dependencies named in an option (``declared``, ``declared-for-development``)."""
    for requirement in requirements:
        name = requirement_name(requirement)
        if name is not None:
            yield DeclaredDependency(name, kind, f"[technologies] {option_key}")


def _table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise PyprojectError(f"{where} must be a table")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise PyprojectError(f"{where} must be an array of strings")
    return value


class _LineFinder:
    """Finds the line of each requirement string, each occurrence used once, in order.

    TOML does not keep positions, so the line is found by looking for the string
    as written, in double or single quotes; a string written with escapes is
    not found and gets line 1.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._used: set[int] = set()

    def line_of(self, requirement: str) -> int:
        for quote in ('"', "'"):
            start = 0
            while (found := self._text.find(f"{quote}{requirement}{quote}", start)) >= 0:
                if found not in self._used:
                    self._used.add(found)
                    return self._text.count("\n", 0, found) + 1
                start = found + 1
        return 1

"""Documented returns, yields and raises against what a function's body does.

These checks lean towards silence where a reader could reasonably disagree:

- A summary that starts with "Return(s)" or "Yield(s)" documents the value
  (Google's style guide allows leaving the section out then).
- A generator may document what it produces under Returns instead of Yields.
- Property getters need no Returns section: the docstring describes the attribute;
  nor do pytest fixtures, whose docstring describes the value they provide.
- Generators decorated as context managers or fixtures produce no values for a
  caller, so they need no Yields section.
- Placeholder bodies (abstract methods, overloads, ``raise NotImplementedError``)
  may document the values and exceptions of the implementations.
- ``NotImplementedError``, re-raises of a caught exception, and exceptions caught
  in the same function are not required in Raises; nor is an exception that the
  docstring names anywhere, in prose included ("... raises :exc:`KeyError`").
- A documented exception that the body does not raise directly is reported only
  when asked (``strict_raises``): it usually comes from a function called.
"""

from __future__ import annotations

import ast
import re
from typing import Final

from ._function_body import FIXTURE_DECORATORS, FunctionFacts, function_facts
from .problems import DocProblem
from .structure import Convention, ParsedDocstring, SectionKind

_PROPERTY_DECORATORS: Final = frozenset(
    {"property", "cached_property", "abstractproperty", "getter"}
)
_CONTEXT_MANAGER_DECORATORS: Final = frozenset({"contextmanager", "asynccontextmanager"})
_EXEMPT_EXCEPTIONS: Final = frozenset({"NotImplementedError"})
_RETURNING_SUMMARY: Final = re.compile(r"(?:Returns?|Yields?)\b")
_NONE_ANNOTATIONS: Final = frozenset({"None", "NoReturn", "Never"})
_SECTION_NAMES: Final[dict[Convention, dict[SectionKind, str]]] = {
    "google": {"returns": "Returns", "yields": "Yields", "raises": "Raises"},
    "numpy": {"returns": "Returns", "yields": "Yields", "raises": "Raises"},
    "sphinx": {"returns": ":returns:", "yields": ":yields:", "raises": ":raises:"},
    "pep257": {"returns": "Returns", "yields": "Yields", "raises": "Raises"},
}


def value_problems(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    docstring: str,
    parsed: ParsedDocstring,
    *,
    owner: str,
    strict_raises: bool,
) -> list[DocProblem]:
    """Compare the documented returns, yields and raises with ``function``'s body.

    Args:
        function: The function the docstring belongs to.
        docstring: Its docstring's text.
        parsed: Its docstring, parsed.
        owner: How messages name the function, such as ``parse()``.
        strict_raises: Whether to report documented exceptions the body does not raise.

    Returns:
        The problems found, returns first, then yields, then raises.
    """
    facts = function_facts(function)
    return [
        *_returns_problems(function, facts, parsed, owner),
        *_yields_problems(facts, parsed, owner),
        *_missing_raises(facts, docstring, parsed, owner),
        *(_extra_raises(facts, parsed, owner) if strict_raises else []),
    ]


def _returns_problems(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    facts: FunctionFacts,
    parsed: ParsedDocstring,
    owner: str,
) -> list[DocProblem]:
    """Report a value returned but not documented, or documented but never returned."""
    sections = parsed.sections_of("returns")
    title = _SECTION_NAMES[parsed.convention]["returns"]
    if not sections:
        if (
            facts.returns_value
            and not facts.yields
            and not facts.decorators & (_PROPERTY_DECORATORS | FIXTURE_DECORATORS)
            and not _RETURNING_SUMMARY.match(parsed.summary)
        ):
            message = f"{owner} returns a value but its docstring has no {title} section"
            return [DocProblem("missing-returns", message, parsed.summary_line_offset or 0)]
        return []
    if (
        facts.returns_expression
        or facts.yields
        or facts.is_placeholder
        or not _annotation_allows_no_value(function)
        or _documents_only_none(parsed)
    ):
        return []
    message = f"{owner} has a {title} section but no return statement gives a value"
    return [DocProblem("extra-returns", message, sections[0].line_offset)]


def _yields_problems(facts: FunctionFacts, parsed: ParsedDocstring, owner: str) -> list[DocProblem]:
    """Report a generator whose output is undocumented, or Yields on a non-generator."""
    sections = parsed.sections_of("yields")
    title = _SECTION_NAMES[parsed.convention]["yields"]
    if not sections:
        if (
            facts.yields
            and not facts.decorators & (_CONTEXT_MANAGER_DECORATORS | FIXTURE_DECORATORS)
            and not parsed.sections_of("returns")
            and not _RETURNING_SUMMARY.match(parsed.summary)
        ):
            message = f"{owner} is a generator but its docstring has no {title} section"
            return [DocProblem("missing-yields", message, parsed.summary_line_offset or 0)]
        return []
    if facts.yields or facts.returns_value or facts.is_placeholder:
        return []
    message = f"{owner} has a {title} section but neither yields nor returns anything"
    return [DocProblem("extra-yields", message, sections[0].line_offset)]


def _missing_raises(
    facts: FunctionFacts, docstring: str, parsed: ParsedDocstring, owner: str
) -> list[DocProblem]:
    """Report each exception raised directly that the docstring does not mention at all."""
    sections = parsed.sections_of("raises")
    title = _SECTION_NAMES[parsed.convention]["raises"]
    offset = sections[0].line_offset if sections else parsed.summary_line_offset or 0
    problems: list[DocProblem] = []
    reported: set[str] = set()
    for exception in facts.raised:
        short_name = exception.short_name
        if short_name in _EXEMPT_EXCEPTIONS or short_name in reported:
            continue
        if re.search(rf"\b{re.escape(short_name)}\b", docstring):
            continue
        reported.add(short_name)
        problems.append(
            DocProblem(
                "missing-raises",
                f"{owner} raises {exception.name} (line {exception.line}) but its"
                f" docstring does not mention it (document it under {title})",
                offset,
            )
        )
    return problems


def _extra_raises(facts: FunctionFacts, parsed: ParsedDocstring, owner: str) -> list[DocProblem]:
    """Report each documented exception that the body does not raise by name itself."""
    raised = {exception.short_name for exception in facts.raised}
    if facts.is_placeholder:
        return []
    return [
        DocProblem(
            "extra-raises",
            f"'{entry.name}' is documented as raised but {owner} does not raise it directly",
            entry.line_offset,
        )
        for entry in parsed.raises
        if entry.name and _short_name(entry.name) not in raised
    ]


def _short_name(documented: str) -> str:
    """Return the last part of a documented exception name (``~errors.UsageError``)."""
    return documented.lstrip("~").rsplit(".", 1)[-1]


def _annotation_allows_no_value(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Tell a function without return annotation, or annotated to return nothing."""
    annotation = function.returns
    if annotation is None:
        return True
    if isinstance(annotation, ast.Constant):
        return annotation.value is None or annotation.value in _NONE_ANNOTATIONS
    name = annotation.attr if isinstance(annotation, ast.Attribute) else None
    if isinstance(annotation, ast.Name):
        name = annotation.id
    return name in _NONE_ANNOTATIONS


def _documents_only_none(parsed: ParsedDocstring) -> bool:
    """Tell a returns section that only says the function returns None."""
    entries = parsed.returns
    return bool(entries) and all(
        "None" in (entry.type, entry.description.split(".")[0].strip()) for entry in entries
    )

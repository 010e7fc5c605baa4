"""Check a docstring against its convention and against the code it documents.

What is checked, for every convention:

- the summary: a single line, ending with a period (PEP 257), both configurable;

and for ``google``, ``numpy`` and ``sphinx`` (``pep257`` has no sections):

- sections are well formed (entries in the convention's form, none empty);
- documented parameters match the signature: none missing, none extra, in order;
- Returns, Yields and Raises match what the body does (see ``_value_checks``).

Like pydoclint's default ``--skip-checking-short-docstrings``, a docstring that is
only a summary and description is not required to document anything else.

For a class, constructor parameters may be documented in the class docstring or
in ``__init__``'s. The class docstring is checked against ``__init__`` only when
it has a parameters section of its own; ``__init__``'s docstring is checked like
any function's. A class without its own ``__init__`` is not checked for
parameters: they come from elsewhere (a base class, ``dataclass``, ``attrs``).
Nor are the parameters and returned value of a pytest fixture, whose docstring
describes the value it provides (often a function, with that one's parameters).
"""

from __future__ import annotations

import ast
import re
from typing import Final, TypeAlias

from standards_lint.syntax import decorator_names

from ._function_body import FIXTURE_DECORATORS
from ._layout import ELLIPSES, is_template_placeholder
from ._parameter_checks import parameter_problems
from ._value_checks import value_problems
from .problems import DocProblem, ProblemKind
from .sections import parse_docstring
from .strictness import ConventionOptions
from .structure import PARAMETER_KINDS, Convention, ParsedDocstring, SectionEntry, SectionKind

__all__ = [
    "ConventionOptions",
    "DocProblem",
    "DocumentedNode",
    "ProblemKind",
    "check_docstring",
    "documented_signature",
]

DocumentedNode: TypeAlias = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Module

# Sections that make a docstring more than a summary and description, after
# pydoclint's notion of a short docstring.
_DETAILED_KINDS: Final[frozenset[SectionKind]] = PARAMETER_KINDS | {
    "returns",
    "yields",
    "raises",
    "attributes",
    "examples",
}

# A docstring of Sphinx autodoc metadata only (":meta private:") is a marker for
# the documentation build, not prose; it needs no summary.
_AUTODOC_METADATA_ONLY: Final = re.compile(r"\s*(?::meta [\w-]+:[^\n]*\s*)+")


def check_docstring(
    node: DocumentedNode,
    docstring: str,
    convention: Convention,
    options: ConventionOptions | None = None,
) -> list[DocProblem]:
    """Check ``docstring``, the docstring of ``node``, against ``convention``.

    Args:
        node: The module, class or function the docstring belongs to.
        docstring: The docstring's text; as written in the source
            (``ast.get_docstring(node, clean=False)``) for offsets into the source.
        convention: One of ``google``, ``numpy``, ``sphinx`` or ``pep257``.
        options: How strictly to check; the defaults when None.

    Returns:
        The problems found, in a stable order: summary, sections, parameters,
        returns, yields, raises.

    Raises:
        ValueError: If ``convention`` is not one of the four known ones.
    """
    options = options or ConventionOptions()
    parsed = parse_docstring(docstring, convention)
    problems = _summary_problems(docstring, parsed, options)
    problems.extend(
        DocProblem("malformed-section", malformation.message, malformation.line_offset)
        for malformation in parsed.malformations
    )
    if convention == "pep257" or isinstance(node, ast.Module):
        return problems
    if options.skip_summary_only_docstrings and not parsed.sections_of(*_DETAILED_KINDS):
        return problems
    if isinstance(node, ast.ClassDef):
        problems.extend(_class_parameter_problems(node, parsed, options))
    else:
        problems.extend(_function_problems(node, docstring, parsed, options))
    return problems


def _function_problems(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
    docstring: str,
    parsed: ParsedDocstring,
    options: ConventionOptions,
) -> list[DocProblem]:
    """Compare a function's docstring with its signature and body."""
    owner = f"{node.name}()"
    problems: list[DocProblem] = []
    if documented_signature(node, parsed) is not None:
        problems.extend(
            parameter_problems(
                node,
                parsed,
                owner=owner,
                is_method=False,
                options=options,
            )
        )
    problems.extend(
        value_problems(node, docstring, parsed, owner=owner, strict_raises=options.strict_raises)
    )
    return problems


def documented_signature(
    node: DocumentedNode, parsed: ParsedDocstring
) -> tuple[ast.FunctionDef | ast.AsyncFunctionDef, bool] | None:
    """The function whose parameters ``parsed`` is compared with, and whether it is a method.

    None when its parameters are not compared: a module, a class without its own
    ``__init__`` or without a parameters section, a pytest fixture, or a
    parameters section that cannot be read as the signature's.
    """
    if isinstance(node, ast.Module) or _parameters_unreadable(parsed):
        return None
    if isinstance(node, ast.ClassDef):
        initializer = _own_initializer(node)
        if initializer is None or not parsed.sections_of(*PARAMETER_KINDS):
            return None
        return initializer, True
    if decorator_names(node) & FIXTURE_DECORATORS:
        return None
    return node, False


def _summary_problems(
    docstring: str, parsed: ParsedDocstring, options: ConventionOptions
) -> list[DocProblem]:
    """Report a missing summary, one that spans lines, or one without the closing period."""
    if parsed.summary_line_offset is None:
        if parsed.sections:
            first = parsed.sections[0]
            message = f"the docstring starts with section '{first.name}' instead of a summary"
            return [DocProblem("summary-form", message, first.line_offset)]
        if _AUTODOC_METADATA_ONLY.fullmatch(docstring):
            return []
        what = "is blank" if not docstring.strip() else "has no summary line"
        return [DocProblem("summary-form", f"the docstring {what}; PEP 257 wants one", 0)]
    problems: list[DocProblem] = []
    offset = parsed.summary_line_offset
    if options.require_one_line_summary and parsed.summary_line_count > 1:
        message = (
            f"the summary spans {parsed.summary_line_count} lines; PEP 257 wants a one-line"
            " summary, then a blank line before any more text"
        )
        problems.append(DocProblem("summary-form", message, offset))
    sentence = parsed.summary_paragraph
    if options.summary_endings and not sentence.endswith(options.summary_endings):
        endings = " or ".join(f"'{ending}'" for ending in options.summary_endings)
        message = f"the summary should end with {endings}: {_tail(sentence)!r}"
        problems.append(DocProblem("summary-form", message, offset + parsed.summary_line_count - 1))
    return problems


def _tail(sentence: str, width: int = 40) -> str:
    """Return the end of a sentence, shortened for a message."""
    return sentence if len(sentence) <= width else "..." + sentence[-width:]


def _parameters_unreadable(parsed: ParsedDocstring) -> bool:
    """Tell whether a parameters section is malformed or prose, so comparing it would mislead.

    So is one that documents names a Python parameter cannot have, such as the
    command-line options of a mando command (``:param -n, --min <str>:``): it
    documents another interface than the signature.
    """
    return (
        any(malformation.kind in PARAMETER_KINDS for malformation in parsed.malformations)
        or any(not section.entries for section in parsed.sections_of(*PARAMETER_KINDS))
        or not all(map(_could_be_parameter, parsed.entries_of(*PARAMETER_KINDS)))
    )


def _could_be_parameter(entry: SectionEntry) -> bool:
    """Tell a documented name that may be a parameter's, as written in any convention.

    Stars, reST escapes and backquotes may surround it; a list with an ellipsis
    (``x1, x2, ..., xn``) and a template placeholder (``${ARRAY_LIKE}``) stand for
    parameters too.
    """
    name = entry.name.replace("\\", "").strip("`").lstrip("*")
    return (
        name.isidentifier()
        or any(ellipsis in name for ellipsis in ELLIPSES)
        or is_template_placeholder(name)
    )


def _class_parameter_problems(
    node: ast.ClassDef, parsed: ParsedDocstring, options: ConventionOptions
) -> list[DocProblem]:
    """Check a class docstring's parameters section against the class's own ``__init__``."""
    documented = documented_signature(node, parsed)
    if documented is None:
        return []
    return parameter_problems(
        documented[0],
        parsed,
        owner=f"{node.name}.__init__()",
        is_method=True,
        options=options,
    )


def _own_initializer(node: ast.ClassDef) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """Return the last ``__init__`` defined directly in the class body (the one in effect)."""
    initializers = [
        statement
        for statement in node.body
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        and statement.name == "__init__"
    ]
    return initializers[-1] if initializers else None

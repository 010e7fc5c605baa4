"""Documented parameters against a signature: missing, extra and out of order.

Matching rules, chosen so that a reader of the docstring agrees with each report:

- Names are compared without stars, reST escapes and backquotes, so ``args``,
  ``*args`` and ``\\*args`` all document ``*args``.
- A list of names with an ellipsis (numpydoc's ``x1, x2, ..., xn``) documents
  ``*args``, or, without one, the first parameter not documented by name.
- When the signature takes ``**kwargs``, a documented name that is not in the
  signature describes an argument passed through it: it is not extra, and
  ``*args`` and ``**kwargs`` count as documented.
- Leading parameters filled in by ``@pass_...`` decorators (click's
  ``pass_context``, Jinja's ``pass_environment``) are not the caller's to know.
- Parameters whose name starts with an underscore are private to the
  implementation (``_cache={}``): they may be documented but need not be.
- A template placeholder among the entries (``${ARRAY_FUNCTION_LIKE}``) stands
  for parameters documented when the docstring is built: none is then reported
  missing.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from ._function_body import decorator_name
from ._layout import ELLIPSES, is_template_placeholder
from .problems import DocProblem
from .strictness import ConventionOptions
from .structure import PARAMETER_KINDS, ParsedDocstring, SectionEntry

# Conventional names of the instance or class a method receives; not documented.
RECEIVER_NAMES: Final = frozenset({"self", "cls", "mcs", "mcls", "metacls"})
# Decorators such as click's ``@pass_context`` and Jinja's ``@pass_environment``
# each pass one leading argument that the caller never gives.
_INJECTING_DECORATOR_PREFIX: Final = "pass_"


@dataclass(frozen=True, slots=True)
class _Parameter:
    """A parameter to document: its bare name and how it is written (``**kwargs``)."""

    name: str
    written: str

    @property
    def is_var_positional(self) -> bool:
        """Whether it is ``*args``."""
        return self.written.startswith("*") and not self.is_var_keyword

    @property
    def is_var_keyword(self) -> bool:
        """Whether it is ``**kwargs``."""
        return self.written.startswith("**")


def parameter_problems(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    parsed: ParsedDocstring,
    *,
    owner: str,
    is_method: bool,
    options: ConventionOptions,
) -> list[DocProblem]:
    """Compare the parameters documented in ``parsed`` with ``function``'s signature.

    Args:
        function: The function whose signature is documented.
        parsed: The docstring documenting it.
        owner: How messages name the function, such as ``parse()``.
        is_method: Whether the first parameter receives the instance or class
            whatever its name; otherwise it is skipped only when named ``self``,
            ``cls`` or a metaclass's equivalent.
        options: Whether ``*args`` and ``**kwargs`` must be documented
            (``require_star_arguments``) and in the signature's order
            (``check_parameter_order``).

    Returns:
        One problem per extra or missing parameter, then one for the order.
    """
    signature = _parameters_to_document(function, is_method=is_method)
    documented = _documented_names(parsed.entries_of(*PARAMETER_KINDS), signature)
    placeholders = [name for name in documented if is_template_placeholder(name)]
    known = {parameter.name for parameter in signature} | RECEIVER_NAMES | set(placeholders)
    strangers = [entry for name, entry in documented.items() if name not in known]
    takes_keywords = any(parameter.is_var_keyword for parameter in signature)
    problems = [] if takes_keywords else [_extra(entry, owner) for entry in strangers]
    offset = _first_parameter_section_offset(parsed)
    for parameter in signature:
        excused = (
            parameter.name.startswith("_")
            or bool(placeholders)
            or (parameter.written.startswith("*") and not options.require_star_arguments)
            or (parameter.written.startswith("*") and takes_keywords and bool(strangers))
        )
        if parameter.name not in documented and not excused:
            message = f"parameter '{parameter.written}' of {owner} is not documented"
            problems.append(DocProblem("missing-parameter", message, offset))
    if options.check_parameter_order:
        problems.extend(_order_problems(parsed, signature, owner))
    return problems


def _parameters_to_document(
    function: ast.FunctionDef | ast.AsyncFunctionDef, *, is_method: bool
) -> list[_Parameter]:
    """List the signature's parameters in order, leaving out the receiver and ``_``-only names."""
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    if positional and (is_method or positional[0].arg in RECEIVER_NAMES):
        positional = positional[1:]
    injected = sum(
        decorator_name(decorator).startswith(_INJECTING_DECORATOR_PREFIX)
        for decorator in function.decorator_list
    )
    positional = positional[injected:]
    parameters = [_Parameter(argument.arg, argument.arg) for argument in positional]
    if arguments.vararg is not None:
        parameters.append(_Parameter(arguments.vararg.arg, "*" + arguments.vararg.arg))
    parameters.extend(_Parameter(argument.arg, argument.arg) for argument in arguments.kwonlyargs)
    if arguments.kwarg is not None:
        parameters.append(_Parameter(arguments.kwarg.arg, "**" + arguments.kwarg.arg))
    return [parameter for parameter in parameters if parameter.name.strip("_")]


def _documented_names(
    entries: Iterable[SectionEntry], signature: list[_Parameter]
) -> dict[str, SectionEntry]:
    """Map each documented parameter name to the first entry documenting it, in order."""
    by_name: dict[str, SectionEntry] = {}
    lists_with_ellipsis: list[SectionEntry] = []
    for entry in entries:
        name = entry.name.replace("\\", "").strip("`").lstrip("*")
        if any(ellipsis in name for ellipsis in ELLIPSES):
            lists_with_ellipsis.append(entry)
        elif name and name not in by_name:
            by_name[name] = entry
    for entry in lists_with_ellipsis:
        target = _target_of_name_list(signature, by_name)
        if target is not None:
            by_name[target] = entry
    return dict(sorted(by_name.items(), key=lambda item: item[1].line_offset))


def _target_of_name_list(
    signature: list[_Parameter], by_name: dict[str, SectionEntry]
) -> str | None:
    """Return the parameter a ``x1, x2, ...`` list documents: ``*args``, else the first left."""
    undocumented = [parameter for parameter in signature if parameter.name not in by_name]
    variadic = [parameter for parameter in undocumented if parameter.is_var_positional]
    candidates = variadic or undocumented
    return candidates[0].name if candidates else None


def _extra(entry: SectionEntry, owner: str) -> DocProblem:
    """Report a documented name that the signature does not have."""
    message = f"'{entry.name}' is documented but is not a parameter of {owner}"
    return DocProblem("extra-parameter", message, entry.line_offset)


def _first_parameter_section_offset(parsed: ParsedDocstring) -> int:
    """Where a missing parameter belongs: the first parameters section, else the summary."""
    sections = parsed.sections_of(*PARAMETER_KINDS)
    if sections:
        return sections[0].line_offset
    return parsed.summary_line_offset or 0


def _order_problems(
    parsed: ParsedDocstring, signature: list[_Parameter], owner: str
) -> list[DocProblem]:
    """Report a main parameters section that lists parameters out of the signature's order.

    Keyword-argument and "other parameters" sections are left alone: they group
    parameters apart from the main list on purpose.
    """
    position = {parameter.name: index for index, parameter in enumerate(signature)}
    listed = _documented_names(parsed.entries_of("parameters"), signature)
    in_signature = [(name, entry) for name, entry in listed.items() if name in position]
    furthest = -1
    for name, entry in in_signature:
        if position[name] < furthest:
            documented_order = ", ".join(name for name, _ in in_signature)
            signature_order = ", ".join(sorted(dict(in_signature), key=position.__getitem__))
            message = (
                f"parameters of {owner} are documented in the order {documented_order};"
                f" the signature has {signature_order}"
            )
            return [DocProblem("parameter-order", message, entry.line_offset)]
        furthest = position[name]
    return []

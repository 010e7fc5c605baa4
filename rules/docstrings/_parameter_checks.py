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

from standards_lint.syntax import decorator_name

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
class Parameter:
    """A parameter to document: its bare name, how it is written (``**kwargs``), its type.

    ``annotation`` is the annotation's source text, or empty when there is none.
    """

    name: str
    written: str
    annotation: str = ""

    @property
    def is_var_positional(self) -> bool:
        """Whether it is ``*args``."""
        return self.written.startswith("*") and not self.is_var_keyword

    @property
    def is_var_keyword(self) -> bool:
        """Whether it is ``**kwargs``."""
        return self.written.startswith("**")


@dataclass(frozen=True, slots=True)
class ParameterComparison:
    """What a docstring's parameters sections get wrong about a signature.

    Attributes:
        signature: The parameters to document, in the signature's order.
        missing: The parameters reported as undocumented, in the signature's order.
        extra: The entries reported as documenting no parameter, in the docstring's order.
        misordered: The entry at which the main parameters section leaves the
            signature's order, or None when it keeps it (or order is not checked).
        order_message: What the order problem says; empty when there is none.
    """

    signature: tuple[Parameter, ...]
    missing: tuple[Parameter, ...]
    extra: tuple[SectionEntry, ...]
    misordered: SectionEntry | None
    order_message: str


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
    comparison = compare_parameters(
        function, parsed, owner=owner, is_method=is_method, options=options
    )
    problems = [_extra(entry, owner) for entry in comparison.extra]
    offset = _first_parameter_section_offset(parsed)
    for parameter in comparison.missing:
        message = f"parameter '{parameter.written}' of {owner} is not documented"
        problems.append(DocProblem("missing-parameter", message, offset))
    if comparison.misordered is not None:
        problems.append(
            DocProblem(
                "parameter-order", comparison.order_message, comparison.misordered.line_offset
            )
        )
    return problems


def compare_parameters(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    parsed: ParsedDocstring,
    *,
    owner: str,
    is_method: bool,
    options: ConventionOptions,
) -> ParameterComparison:
    """Find what :func:`parameter_problems` reports, as data a fix can act on.

    The arguments are those of :func:`parameter_problems`.
    """
    signature = _parameters_to_document(function, is_method=is_method)
    documented = documented_names(parsed.entries_of(*PARAMETER_KINDS), signature)
    placeholders = [name for name in documented if is_template_placeholder(name)]
    known = {parameter.name for parameter in signature} | RECEIVER_NAMES | set(placeholders)
    strangers = [entry for name, entry in documented.items() if name not in known]
    takes_keywords = any(parameter.is_var_keyword for parameter in signature)
    missing = []
    for parameter in signature:
        excused = (
            parameter.name.startswith("_")
            or bool(placeholders)
            or (parameter.written.startswith("*") and not options.require_star_arguments)
            or (parameter.written.startswith("*") and takes_keywords and bool(strangers))
        )
        if parameter.name not in documented and not excused:
            missing.append(parameter)
    misordered, order_message = None, ""
    if options.check_parameter_order:
        misordered, order_message = _order_problem(parsed, signature, owner)
    return ParameterComparison(
        tuple(signature),
        tuple(missing),
        () if takes_keywords else tuple(strangers),
        misordered,
        order_message,
    )


def bare_name(written: str) -> str:
    """A documented name as compared with the signature: no stars, escapes or backquotes."""
    return written.replace("\\", "").strip("`").lstrip("*")


def _parameters_to_document(
    function: ast.FunctionDef | ast.AsyncFunctionDef, *, is_method: bool
) -> list[Parameter]:
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
    parameters = [_parameter(argument, "") for argument in positional]
    if arguments.vararg is not None:
        parameters.append(_parameter(arguments.vararg, "*"))
    parameters.extend(_parameter(argument, "") for argument in arguments.kwonlyargs)
    if arguments.kwarg is not None:
        parameters.append(_parameter(arguments.kwarg, "**"))
    return [parameter for parameter in parameters if parameter.name.strip("_")]


def _parameter(argument: ast.arg, stars: str) -> Parameter:
    """The parameter ``argument`` is, written with ``stars``, with its annotation's text."""
    return Parameter(argument.arg, stars + argument.arg, annotation_text(argument.annotation))


def annotation_text(annotation: ast.expr | None) -> str:
    """The source text of an annotation (a string annotation's content); empty for none."""
    if annotation is None:
        return ""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return annotation.value.strip()
    return ast.unparse(annotation)


def documented_names(
    entries: Iterable[SectionEntry], signature: list[Parameter]
) -> dict[str, SectionEntry]:
    """Map each documented parameter name to the first entry documenting it, in order."""
    by_name: dict[str, SectionEntry] = {}
    lists_with_ellipsis: list[SectionEntry] = []
    for entry in entries:
        name = bare_name(entry.name)
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
    signature: list[Parameter], by_name: dict[str, SectionEntry]
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


def _order_problem(
    parsed: ParsedDocstring, signature: list[Parameter], owner: str
) -> tuple[SectionEntry | None, str]:
    """Find where a main parameters section leaves the signature's order, and say so.

    Keyword-argument and "other parameters" sections are left alone: they group
    parameters apart from the main list on purpose.
    """
    position = {parameter.name: index for index, parameter in enumerate(signature)}
    listed = documented_names(parsed.entries_of("parameters"), signature)
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
            return entry, message
        furthest = position[name]
    return None, ""

"""How strictly a docstring is read against its convention: the checks' own options."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ConventionOptions:
    """How strictly ``check_docstring`` reads a docstring.

    Attributes:
        summary_endings: The summary line must end with one of these.
        require_one_line_summary: Report a summary paragraph longer than one line.
        skip_summary_only_docstrings: Check nothing but the summary in a docstring
            that has no parameters, returns, yields, raises, attributes or examples
            section (pydoclint's default).
        check_parameter_order: Report parameters documented out of the signature's order.
        require_star_arguments: Require ``*args`` and ``**kwargs`` to be documented.
        strict_raises: Report exceptions documented in Raises that the body does not
            raise by name itself (off by default: they often come from callees).
    """

    summary_endings: tuple[str, ...] = (".",)
    require_one_line_summary: bool = True
    skip_summary_only_docstrings: bool = True
    check_parameter_order: bool = True
    require_star_arguments: bool = True
    strict_raises: bool = False

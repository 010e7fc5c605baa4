"""What the docstring convention checks report: one plain, frozen record per problem."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

ProblemKind: TypeAlias = Literal[
    "summary-form",
    "malformed-section",
    "missing-parameter",
    "extra-parameter",
    "parameter-order",
    "missing-returns",
    "extra-returns",
    "missing-yields",
    "extra-yields",
    "missing-raises",
    "extra-raises",
]


@dataclass(frozen=True, slots=True)
class DocProblem:
    """A way in which a docstring departs from its convention or from its code.

    Attributes:
        kind: A short, stable id of the problem, such as ``missing-parameter``.
        message: What is wrong, naming the parameter, exception or section at fault.
        line_offset: Line of the problem, counted from the docstring's first line (0).
    """

    kind: ProblemKind
    message: str
    line_offset: int

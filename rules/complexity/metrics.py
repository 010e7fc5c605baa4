"""Complexity figures of one module: per function, and for the module as a whole.

Radon measures what it measures (cyclomatic complexity, logical lines, the
maintainability index and its rank); this module asks radon and adds what
radon does not have: cognitive complexity, nesting depth, parameter counts.

Which functions are listed: every ``def`` and ``async def`` in the module,
methods and nested functions (closures) included, each with its own figures.
A closure's cyclomatic complexity is its own, as radon counts it (radon leaves
closures out of their enclosing function's figure); its cognitive complexity is
also included in its enclosing function's, as the specification counts it, so
:attr:`FunctionMetrics.is_nested` tells a check that reports on cognitive
complexity which functions are already inside another one's score.

Classes are not functions: radon's class blocks appear only in
:attr:`ModuleMetrics.blocks`, which is what xenon ranks.

:func:`measure_module` gives every figure; :class:`ModuleMeasures` gives each
figure on demand, for checks that need only some of them.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from typing import Any, Literal

from radon.complexity import cc_visit_ast
from radon.metrics import h_visit_ast, mi_compute, mi_rank
from radon.visitors import ComplexityVisitor, Function

from standards_lint.source import split_lines
from standards_lint.syntax import FunctionNode

from ._definitions import (
    FunctionDefinition,
    body_source,
    body_starts_its_line,
    function_definitions,
    logical_lines_ceiling,
    max_nesting,
    parameter_count,
)
from ._radon_calls import numbers_lines_like_python, radon_reads, with_recursion_headroom
from ._raw_lines import RawCounts, count_raw_lines
from .cognitive import cognitive_complexity


@dataclass(frozen=True, slots=True)
class FunctionMetrics:
    """The complexity figures of one function or method."""

    qualified_name: str
    """As ``__qualname__`` spells it: ``f``, ``Class.method``, ``f.<locals>.inner``."""
    line: int
    """The line of the ``def`` keyword, which is also radon's line for a decorated function."""
    column: int
    """The column of the ``def`` (or ``async``) keyword, from 0."""
    end_line: int
    """The last line of the function's body."""
    cyclomatic: int
    """Radon's cyclomatic complexity: the body's, without its closures'."""
    cognitive: int
    """Cognitive complexity (see :mod:`.cognitive`), closures and lambdas included."""
    logical_lines: int
    """Radon's logical lines of code (LLOC) of the body; a docstring counts as one."""
    max_nesting: int
    """The deepest nesting of ``if``, loops, ``try``, ``with`` and ``match`` in the body."""
    parameters: int
    """Parameters as declared, ``self``, ``*args`` and ``**kwargs`` included."""

    @property
    def is_nested(self) -> bool:
        """Whether the function is defined inside another function's body."""
        return ".<locals>." in self.qualified_name


@dataclass(frozen=True, slots=True)
class CyclomaticBlock:
    """A block as ``radon cc`` lists it and xenon ranks it: a function, method or class.

    These are radon's blocks without closures (its default): module-level
    functions, classes, and the methods of those classes.
    """

    name: str
    """Radon's full name: ``f``, ``Class`` or ``Class.method``."""
    kind: Literal["function", "method", "class"]
    line: int
    complexity: int
    """Radon's figure; a class's is the mean of its methods' (plus 1 if it has several)."""


@dataclass(frozen=True, slots=True)
class ModuleMetrics:
    """The complexity figures of one module."""

    maintainability_index: float
    """Radon's maintainability index (0 to 100), multi-line strings counted as comments."""
    maintainability_rank: str
    """Radon's rank of the index: ``A`` (above 19), ``B`` (above 9) or ``C``."""
    functions: tuple[FunctionMetrics, ...]
    """Every function and method, in source order."""
    blocks: tuple[CyclomaticBlock, ...]
    """Radon's blocks, as xenon sees them."""

    @property
    def average_complexity(self) -> float:
        """Xenon's figure for the module: the mean complexity of its blocks, 0 if none."""
        if not self.blocks:
            return 0.0
        return sum(block.complexity for block in self.blocks) / len(self.blocks)


def measure_module(source: str) -> ModuleMetrics:
    """Measure every function of a module, and the module itself.

    Raises :class:`SyntaxError` when ``source`` is not Python that ``ast``
    can parse (null bytes and nesting too deep for the parser included), so
    that the caller reports the file as unparsable.
    """
    measures = ModuleMeasures(source, _parse(source))
    # The index tokenizes the module first, and every function's logical lines
    # are then counted from those tokens.
    index = measures.maintainability_index
    return ModuleMetrics(
        maintainability_index=index,
        maintainability_rank=measures.maintainability_rank,
        functions=tuple(map(measures.function_metrics, measures.definitions)),
        blocks=measures.blocks,
    )


def _parse(source: str) -> ast.Module:
    """The module's tree; whatever stops ``ast.parse`` is a :class:`SyntaxError`."""
    try:
        return ast.parse(source)
    except (ValueError, RecursionError) as error:
        # Python 3.11 reports null bytes with ValueError and a too deeply nested
        # expression with RecursionError; both mean "cannot be parsed".
        raise SyntaxError(f"cannot parse: {error}") from error


class ModuleMeasures:
    """The figures of one parsed module, each worked out when first asked for.

    A check pays only for the figures it asks for. The blocks and the
    functions' cyclomatic complexity come from one radon visit of the tree;
    the maintainability index also needs one tokenization of the module (see
    :mod:`._raw_lines`) and radon's Halstead visit; a function's logical lines
    come from that tokenization when it has been made, else from its body's.
    """

    def __init__(self, source: str, tree: ast.Module) -> None:
        """Measure ``tree``, parsed from ``source`` (for instance by the engine)."""
        self._source = source
        self._tree = tree

    @functools.cached_property
    def definitions(self) -> tuple[FunctionDefinition, ...]:
        """Every function and method, in source order."""
        return tuple(function_definitions(self._tree))

    @functools.cached_property
    def lines(self) -> list[str]:
        """The module's lines as Python numbers them."""
        return split_lines(self._source)

    @functools.cached_property
    def blocks(self) -> tuple[CyclomaticBlock, ...]:
        """Radon's blocks, as ``radon cc`` lists them and xenon ranks them."""
        return tuple(_cyclomatic_block(block) for block in self._radon_visit.blocks)

    @functools.cached_property
    def maintainability_index(self) -> float:
        """Radon's maintainability index, multi-line strings counted as comments."""
        raw = self._raw_counts
        comment_lines = raw.comments + raw.multi
        comments = comment_lines / raw.sloc * 100 if raw.sloc else 0
        halstead = with_recursion_headroom(lambda: h_visit_ast(self._tree))
        volume = halstead.total.volume
        return float(mi_compute(volume, self._radon_visit.total_complexity, raw.lloc, comments))

    @property
    def maintainability_rank(self) -> str:
        """Radon's rank of the maintainability index: ``A``, ``B`` or ``C``."""
        return str(mi_rank(self.maintainability_index))

    def function_metrics(self, definition: FunctionDefinition) -> FunctionMetrics:
        """All the figures of one function."""
        node = definition.node
        return FunctionMetrics(
            qualified_name=definition.qualified_name,
            line=node.lineno,
            column=node.col_offset,
            end_line=node.end_lineno if node.end_lineno is not None else node.lineno,
            cyclomatic=self.cyclomatic(definition),
            cognitive=self.cognitive(definition),
            logical_lines=self.logical_lines(definition),
            max_nesting=max_nesting(node.body),
            parameters=parameter_count(node.args),
        )

    def cyclomatic(self, definition: FunctionDefinition) -> int:
        """Radon's cyclomatic complexity of one function: its body's, without its closures'.

        Radon measures a function the same way wherever it stands, but never
        measures the methods of a class defined inside a function: those are
        handed to radon alone.
        """
        node = definition.node
        found = self._radon_complexities.get((node.lineno, node.col_offset))
        if found is not None:
            return found
        module = ast.Module(body=[node], type_ignores=[])
        blocks = with_recursion_headroom(lambda: cc_visit_ast(module))
        return int(blocks[0].complexity)

    def cognitive(self, definition: FunctionDefinition) -> int:
        """The cognitive complexity of one function, its closures' included."""
        return cognitive_complexity(definition.node, self.lines, class_name=definition.class_name)

    def logical_lines(self, definition: FunctionDefinition) -> int:
        """Radon's LLOC of the function's body, as ``radon.raw.analyze`` counts its source.

        The module's logical lines serve, if the module has been tokenized,
        when the body starts a line of its own and the module numbers its
        lines as Python does; otherwise the body's source is counted alone.
        """
        node = definition.node
        if "_raw_counts" in self.__dict__ and self._counts_alike(node):
            last = node.body[-1]
            end_line = last.end_lineno if last.end_lineno is not None else last.lineno
            found = self._raw_counts.lloc_between(node.body[0].lineno, end_line)
            if found is not None:
                return found
        return radon_reads(count_raw_lines, body_source(node, self.lines)).lloc

    def logical_lines_over(self, definition: FunctionDefinition, limit: int) -> int | None:
        """The function's logical lines if they are above ``limit``, else None.

        Short functions are told apart from the tree alone, without reading
        their tokens (see :func:`logical_lines_ceiling`).
        """
        if logical_lines_ceiling(definition.node) <= limit:
            return None
        count = self.logical_lines(definition)
        return count if count > limit else None

    def _counts_alike(self, node: FunctionNode) -> bool:
        """Whether the module's logical lines give the body's count (see :meth:`logical_lines`)."""
        return body_starts_its_line(node, self.lines) and self._numbered_like_python

    @functools.cached_property
    def _numbered_like_python(self) -> bool:
        """Whether radon numbers the module's lines as Python does."""
        return numbers_lines_like_python(self._source)

    @functools.cached_property
    def _radon_visit(self) -> Any:
        """Radon's complexity visitor (untyped), run once over the whole module."""
        return with_recursion_headroom(lambda: ComplexityVisitor.from_ast(self._tree))

    @functools.cached_property
    def _raw_counts(self) -> RawCounts:
        """Radon's raw counts of the module, with its logical lines."""
        return radon_reads(count_raw_lines, self._source)

    @functools.cached_property
    def _radon_complexities(self) -> dict[tuple[int, int], int]:
        """(line, column) of every function radon measures → its complexity."""
        found: dict[tuple[int, int], int] = {}
        pending = [*self._radon_visit.functions, *self._radon_visit.classes]
        while pending:
            block = pending.pop()
            if isinstance(block, Function):
                found[block.lineno, block.col_offset] = int(block.complexity)
                pending.extend(block.closures)
            else:
                pending.extend([*block.methods, *block.inner_classes])
        return found


def _cyclomatic_block(block: Any) -> CyclomaticBlock:
    """Radon's ``Function`` or ``Class`` block (radon is untyped) as plain data."""
    if isinstance(block, Function):
        kind: Literal["function", "method", "class"] = "method" if block.is_method else "function"
    else:
        kind = "class"
    return CyclomaticBlock(
        name=str(block.fullname),
        kind=kind,
        line=int(block.lineno),
        complexity=int(block.complexity),
    )

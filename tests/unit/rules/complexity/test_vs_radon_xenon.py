"""Cyclomatic figures and verdicts agree with radon's and xenon's own command lines.

Radon and xenon run as the user would run them (``python -m radon cc``,
``python -m xenon``) on installed packages, and what they report must equal
what measure_module and the thresholds module compute for the same files.

Which functions radon lists: without ``--show-closures``, module-level
functions and the methods of module-level classes; with it, also closures and
the methods of classes inside classes. It never measures a class defined inside
a function, so the methods of such a class are ours alone and left out here.
Class blocks are not functions: they take part in the xenon comparison only.
"""

from __future__ import annotations

import ast
import functools
import json
import re
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

import pytest

from standards_lint.rules.complexity.metrics import FunctionMetrics
from standards_lint.rules.complexity.thresholds import exceeds, xenon_verdict

from .real_packages import REAL_PACKAGES, measured_package, package_directory

pytest.importorskip("xenon")

pytestmark = pytest.mark.slow

RANKS = "ABCDEF"


@functools.cache
def radon_cc(package: str, *options: str) -> Mapping[str, list[dict[str, Any]]]:
    """``radon cc -s -j`` on an installed package, with more options."""
    command = [sys.executable, "-m", "radon", "cc", "-s", "-j", *options]
    completed = subprocess.run(
        [*command, str(package_directory(package))], capture_output=True, text=True, check=True
    )
    report: dict[str, list[dict[str, Any]]] = json.loads(completed.stdout)
    return report


def radon_lists(function: FunctionMetrics, *, show_closures: bool) -> bool:
    """Whether ``radon cc`` lists ``function`` as a block of its own."""
    parts = function.qualified_name.split(".")
    if not show_closures:
        return "<locals>" not in parts and len(parts) <= 2
    for index in range(1, len(parts) - 1):
        defined_in_a_function = parts[index - 1] == "<locals>"
        is_a_class = parts[index + 1] != "<locals>"
        if defined_in_a_function and is_a_class:
            return False
    return True


def radon_functions(report: Mapping[str, list[dict[str, Any]]]) -> dict[tuple[str, int], int]:
    """(path, line) → complexity of every function and method in a radon report."""
    return {
        (path, block["lineno"]): block["complexity"]
        for path, blocks in report.items()
        for block in blocks
        if block["type"] != "class"
    }


def our_functions(package: str, *, show_closures: bool) -> dict[tuple[str, int], int]:
    """(path, line) → cyclomatic complexity of the functions radon would list."""
    return {
        (path, function.line): function.cyclomatic
        for path, module in measured_package(package).items()
        for function in module.functions
        if radon_lists(function, show_closures=show_closures)
    }


@pytest.mark.parametrize("show_closures", [False, True], ids=["blocks", "with-closures"])
@pytest.mark.parametrize("package", REAL_PACKAGES)
def test_every_functions_cyclomatic_complexity_is_radons(package: str, show_closures: bool) -> None:
    options = ("--show-closures",) if show_closures else ()
    radon = radon_functions(radon_cc(package, "--min", "A", *options))
    ours = our_functions(package, show_closures=show_closures)
    assert len(ours) > 50
    assert ours == radon


@pytest.mark.parametrize("limit", ["B", "C", 10])
@pytest.mark.parametrize("package", REAL_PACKAGES)
def test_functions_above_a_limit_are_the_ones_radon_ranks_worse(
    package: str, limit: str | int
) -> None:
    letter = limit if isinstance(limit, str) else "B"  # 10 is the top of rank B
    worse = RANKS[RANKS.index(letter) + 1]
    radon = set(radon_functions(radon_cc(package, "--min", worse)))
    ours = {
        location
        for location, complexity in our_functions(package, show_closures=False).items()
        if exceeds(limit, complexity)
    }
    assert ours == radon


_XENON_BLOCK = re.compile(
    r'^ERROR:xenon:block "(?P<path>.+):(?P<line>\d+) (?P<name>\S+)" has a rank of (?P<rank>[A-F])$'
)
_XENON_MODULE = re.compile(r"^ERROR:xenon:module (?P<path>'.+') has a rank of (?P<rank>[A-F])$")
_XENON_AVERAGE = re.compile(r"^ERROR:xenon:(?:total )?average complexity is")


@pytest.mark.parametrize(
    ("absolute", "modules", "average"),
    [("B", "A", "A"), ("C", "B", 3.0), ("F", "F", "F")],
)
@pytest.mark.parametrize("package", REAL_PACKAGES)
def test_xenons_verdict_and_the_blocks_and_modules_it_names_are_ours(
    package: str, absolute: str, modules: str, average: str | float, tmp_path: Any
) -> None:
    average_option = (
        ["--max-average", average]
        if isinstance(average, str)
        else ["--max-average-num", str(average)]
    )
    command = [sys.executable, "-m", "xenon", "--max-absolute", absolute]
    command += ["--max-modules", modules, *average_option, str(package_directory(package))]
    # Xenon reads .xenon.yml from the working folder: run it where there is none.
    completed = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    lines = completed.stderr.splitlines()

    verdict = xenon_verdict(
        measured_package(package),
        max_absolute=absolute,
        max_modules=modules,
        max_average=average,
    )

    assert completed.returncode == (0 if verdict.passed else 1), completed.stderr
    xenon_blocks = {
        (match["path"], int(match["line"]), match["name"], match["rank"])
        for match in map(_XENON_BLOCK.match, lines)
        if match
    }
    # Xenon names a method by its own name, without its class.
    our_blocks = {
        (block.path, block.line, block.name.rsplit(".", 1)[-1], block.rank)
        for block in verdict.blocks
    }
    assert our_blocks == xenon_blocks
    xenon_modules = {
        (ast.literal_eval(match["path"]), match["rank"])
        for match in map(_XENON_MODULE.match, lines)
        if match
    }
    assert {(module.path, module.rank) for module in verdict.modules} == xenon_modules
    assert verdict.average_over_limit == any(map(_XENON_AVERAGE.match, lines))

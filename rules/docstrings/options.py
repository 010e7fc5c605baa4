"""The options of the ``[docstrings]`` area.

The options that decide which items count are named after interrogate's
settings (``[tool.interrogate]``), with interrogate's defaults, so a team can
copy its settings across and get the same coverage figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from standards_lint.rule import option
from standards_lint.rules.docstrings.items import PresenceOptions
from standards_lint.rules.docstrings.strictness import ConventionOptions

# The options that decide which items count, for the rules' options_used.
COUNTING_OPTIONS = (
    "ignore-init-method",
    "ignore-init-module",
    "ignore-magic",
    "ignore-module",
    "ignore-nested-functions",
    "ignore-nested-classes",
    "ignore-private",
    "ignore-semiprivate",
    "ignore-property-decorators",
    "ignore-setters",
    "ignore-overloaded-functions",
    "ignore-regex",
    "whitelist-regex",
    "style",
    "ext",
)
_REGEX_DOC = " Python regular expressions, matched with re.match against the bare name."


@dataclass(frozen=True, slots=True)
class PathThreshold:
    """One ``[[docstrings.paths]]`` table: a coverage threshold for some of the files."""

    glob: str = option(
        "",
        "Gitignore-style pattern, relative to the standards file's folder, of the files"
        " this threshold is for (as in [[overrides]] paths): 'src/api/', 'src/**/models.py'.",
    )
    fail_under: float = option(
        100.0, "Least docstring coverage, in percent, of the files matching glob."
    )

    def __post_init__(self) -> None:
        """Refuse an empty glob and a threshold outside 0-100."""
        if not self.glob.strip():
            raise ValueError("every [[docstrings.paths]] table needs a glob")
        if not 0 <= self.fail_under <= 100:
            raise ValueError(
                f"[[docstrings.paths]] glob {self.glob!r}: fail-under must be between 0 and"
                f" 100, not {self.fail_under}"
            )


@dataclass(frozen=True, slots=True)
class DocstringOptions:
    """Options of the ``[docstrings]`` section of the standards file."""

    ignore_init_method: bool = option(False, "Do not count __init__ methods.")
    ignore_init_module: bool = option(
        False, "Do not count __init__.py files at all: neither the package nor what it defines."
    )
    ignore_magic: bool = option(
        False, "Do not count dunder methods and functions other than __init__ (__repr__, ...)."
    )
    ignore_module: bool = option(False, "Do not count module and package docstrings.")
    ignore_nested_functions: bool = option(
        False,
        "Do not count a def directly inside a def (interrogate's rule: async def on either"
        " side is not nested).",
    )
    ignore_nested_classes: bool = option(
        False, "Do not count classes defined in a class or function, nor what they define."
    )
    ignore_private: bool = option(
        False, "Do not count classes and functions named __name (without a trailing __)."
    )
    ignore_semiprivate: bool = option(
        False, "Do not count classes and functions named _name, nor what they define."
    )
    ignore_property_decorators: bool = option(
        False, "Do not count @property getters, nor @x.setter and @x.deleter methods."
    )
    ignore_setters: bool = option(False, "Do not count @x.setter methods.")
    ignore_overloaded_functions: bool = option(
        False, "Do not count @overload (or @typing.overload) signatures."
    )
    ignore_regex: tuple[str, ...] = option(
        (), "Do not count classes and functions whose name matches one of these." + _REGEX_DOC
    )
    whitelist_regex: tuple[str, ...] = option(
        (),
        "When given, count only classes and functions whose name matches one of these"
        " (and a module only if something in it does)." + _REGEX_DOC,
    )
    style: Literal["sphinx", "google"] = option(
        "sphinx",
        "Interrogate's style: with 'google', a class and its __init__ both count as"
        " documented when either has a docstring. Not the docstring convention: see"
        " convention.",
    )
    ext: tuple[Literal["pyi"], ...] = option(
        (), "Also count stub files: ['pyi']. Like interrogate, only .py files count by default."
    )
    fail_under: float | None = option(
        None,
        "Least docstring coverage of the whole project, in percent of the counted items"
        " that have a docstring. Compared as interrogate does: the figure is rounded to"
        " as many decimals as the threshold has. Unset: the figure is only reported."
        " Read from the top level only: for part of the project, use paths.",
    )
    new_code_fail_under: float | None = option(
        None,
        "Least docstring coverage of the changed code when the run is gated on a diff"
        " (check --diff-from or --diff-file): the counted items with a changed line, a"
        " module counting when any line of its file changed. Compared as fail-under is,"
        " and published as the new_code_docstring_coverage metric. Unset: the figure is"
        " only reported. Read from the top level only.",
    )
    paths: tuple[PathThreshold, ...] = option(
        (),
        "Coverage thresholds for parts of the project ([[docstrings.paths]] tables with"
        " glob and fail-under); each is checked on its own, besides fail-under.",
    )
    convention: Literal["pep257", "google", "numpy", "sphinx"] = option(
        "pep257",
        "The docstring convention the DOC3xx rules check. 'pep257' (the default) checks"
        " only what every convention shares, the summary line; 'google', 'numpy' and"
        " 'sphinx' also check sections, parameters, returns, yields and raises. To check"
        " no convention at all, ignore DOC3.",
    )
    summary_endings: tuple[str, ...] = option(
        (".",),
        "The summary line must end with one of these (PEP 257: a period). An empty list"
        " accepts any ending.",
    )
    require_one_line_summary: bool = option(
        True, "The summary must fit on one line, followed by a blank line (PEP 257)."
    )
    skip_summary_only_docstrings: bool = option(
        True,
        "Do not require parameters, returns, yields and raises to be documented in a"
        " docstring that has no such section and no attributes or examples section: a"
        " short docstring may say it all in prose (pydoclint's default).",
    )
    check_parameter_order: bool = option(
        True, "Documented parameters must be listed in the signature's order."
    )
    require_star_arguments: bool = option(
        True, "*args and **kwargs must be documented, like other parameters."
    )
    strict_raises: bool = option(
        False,
        "Also report exceptions documented as raised that the function does not raise by"
        " name itself (they usually come from what it calls, so this is off by default).",
    )

    def __post_init__(self) -> None:
        """Refuse invalid regular expressions and thresholds outside 0-100, naming the key."""
        problems = [
            *_pattern_problems("ignore-regex", self.ignore_regex),
            *_pattern_problems("whitelist-regex", self.whitelist_regex),
        ]
        for key, threshold in (
            ("fail-under", self.fail_under),
            ("new-code-fail-under", self.new_code_fail_under),
        ):
            if threshold is not None and not 0 <= threshold <= 100:
                problems.append(f"{key} must be between 0 and 100, not {threshold}")
        if any(not ending for ending in self.summary_endings):
            problems.append("summary-endings may not contain an empty string")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def counts_stubs(self) -> bool:
        """Whether ``.pyi`` files count, as interrogate's ``ext = ["pyi"]`` asks."""
        return "pyi" in self.ext

    def presence_options(self) -> PresenceOptions:
        """The options that decide which items count, in the analysis's terms."""
        return PresenceOptions(
            ignore_init_method=self.ignore_init_method,
            ignore_init_module=self.ignore_init_module,
            ignore_magic=self.ignore_magic,
            ignore_module=self.ignore_module,
            ignore_nested_functions=self.ignore_nested_functions,
            ignore_nested_classes=self.ignore_nested_classes,
            ignore_private=self.ignore_private,
            ignore_semiprivate=self.ignore_semiprivate,
            ignore_property_decorators=self.ignore_property_decorators,
            ignore_setters=self.ignore_setters,
            ignore_overloaded_functions=self.ignore_overloaded_functions,
            ignore_regex=self.ignore_regex,
            include_regex=self.whitelist_regex,
            docstring_style=self.style,
        )

    def convention_options(self) -> ConventionOptions:
        """The options that decide how strictly a docstring is read against its convention."""
        return ConventionOptions(
            summary_endings=self.summary_endings,
            require_one_line_summary=self.require_one_line_summary,
            skip_summary_only_docstrings=self.skip_summary_only_docstrings,
            check_parameter_order=self.check_parameter_order,
            require_star_arguments=self.require_star_arguments,
            strict_raises=self.strict_raises,
        )


def _pattern_problems(key: str, patterns: tuple[str, ...]) -> list[str]:
    """Describe each pattern that is not a valid regular expression."""
    problems = []
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            problems.append(f"{key}: {pattern!r} is not a valid regular expression: {error}")
    return problems

"""The options of the ``[style]`` area."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from standards_lint.rule import option
from standards_lint.rules.style.naming_styles import glob_problems, spec_problems

_DOTTED_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")
_NAMING_DOC = (
    " A style (snake_case, PascalCase, camelCase, UPPER_CASE, any), a regular"
    " expression the whole name must match, or a list of them (any may match)."
)
_DEBUGGER_MESSAGE = "remove debugging code before committing"
#: unittest.TestResult's methods, which a result object (or a stand-in for
#: one, as pytest's unittest support is) must define under these names.
_UNITTEST_RESULT_METHODS = (
    "startTest",
    "stopTest",
    "startTestRun",
    "stopTestRun",
    "addError",
    "addFailure",
    "addSuccess",
    "addSkip",
    "addExpectedFailure",
    "addUnexpectedSuccess",
    "addSubTest",
    "addDuration",
)
#: The camelCase methods that logging's Handler and Formatter let a subclass override.
_LOGGING_METHODS = (
    "handleError",
    "createLock",
    "formatTime",
    "formatException",
    "formatStack",
    "formatMessage",
    "usesTime",
)


@dataclass(frozen=True, slots=True)
class Ban:
    """A ban written as a table: its message, and the dotted name that replaces what it bans."""

    message: str = option("", "What to do instead, shown in the report.")
    replacement: str = option(
        "",
        "The dotted name to use instead (`unittest.mock`, `subprocess.run`), named in the"
        " report; where using it is a plain rename, the fix writes it.",
    )


#: A ban's value: its message alone, or a table with a message and a replacement.
BanEntry = str | Ban


def ban_message(entry: BanEntry) -> str:
    """The message of a ban, whichever form it is written in."""
    return entry if isinstance(entry, str) else entry.message


def ban_replacement(entry: BanEntry) -> str:
    """The replacement a ban names, or ``""`` when it names none."""
    return "" if isinstance(entry, str) else entry.replacement


@dataclass(frozen=True, slots=True)
class StyleOptions:
    """Options of the ``[style]`` section of the standards file."""

    max_line_length: int = option(100, "Longest line allowed, in characters.")

    naming_modules: str | tuple[str, ...] = option(
        "snake_case",
        "Style of module file names (without .py) and of package folder names." + _NAMING_DOC,
    )
    naming_classes: str | tuple[str, ...] = option(
        "PascalCase", "Style of class names." + _NAMING_DOC
    )
    naming_functions: str | tuple[str, ...] = option(
        "snake_case", "Style of functions defined outside a class body." + _NAMING_DOC
    )
    naming_methods: str | tuple[str, ...] = option(
        "snake_case", "Style of functions defined in a class body." + _NAMING_DOC
    )
    naming_arguments: str | tuple[str, ...] = option(
        "snake_case", "Style of function and lambda parameters." + _NAMING_DOC
    )
    naming_variables: str | tuple[str, ...] = option(
        "snake_case",
        "Style of names bound in a function body (assignment, for, with, except,"
        " walrus)." + _NAMING_DOC,
    )
    naming_constants: str | tuple[str, ...] = option(
        ("UPPER_CASE", "snake_case"),
        "Style of names assigned at module level: constants and module variables"
        " alike, since both are common." + _NAMING_DOC,
    )
    naming_final: str | tuple[str, ...] = option(
        "UPPER_CASE",
        "Style of names annotated Final at module or class level, which are"
        " constants by declaration." + _NAMING_DOC,
    )
    naming_allow_class_aliases: bool = option(
        True,
        "Also accept the naming-classes style for a module or function variable"
        " whose value may be a class: a call, a name, an attribute, a subscript,"
        " a `|` union, a tuple of class references or None (`Model ="
        " apps.get_model(...)`, `JsonDict = dict[str, Any]`, `Number = (int,"
        " float)`), or that is annotated TypeAlias; and for a parameter annotated"
        " `type[...]`.",
    )
    naming_ignore_names: tuple[str, ...] = option(
        (
            "visit_*",
            "leave_*",
            "depart_*",
            "do_*",
            "assert[A-Z]*",
            "setUp",
            "tearDown",
            "setUpClass",
            "tearDownClass",
            "setUpModule",
            "tearDownModule",
            "asyncSetUp",
            "asyncTearDown",
            "setUpTestData",
            "runTest",
            "maxDiff",
            "longMessage",
            *_UNITTEST_RESULT_METHODS,
            *_LOGGING_METHODS,
        ),
        "Names no naming rule reports, as glob patterns: names chosen by a framework"
        " (ast.NodeVisitor.visit_Name, unittest's setUp, http.server's do_GET, the"
        " methods of unittest's TestResult and logging's Handler and Formatter, which"
        " a subclass or a stand-in defines under the library's name) and custom"
        " assertions in a TestCase, named like unittest's (assertValidJson).",
    )
    override_decorators: tuple[str, ...] = option(
        ("override", "overrides"),
        "Decorators that mark a method as overriding one it inherits; its name and"
        " parameters are the base class's choice, so the naming and argument-count"
        " rules skip it. Matches the decorator's dotted name or its last part.",
    )
    banned_calls: Mapping[str, BanEntry] = option(
        MappingProxyType(
            {
                "breakpoint": _DEBUGGER_MESSAGE,
                "pdb.set_trace": _DEBUGGER_MESSAGE,
                "ipdb.set_trace": _DEBUGGER_MESSAGE,
                "pudb.set_trace": _DEBUGGER_MESSAGE,
            }
        ),
        "Calls to report, as a table from the qualified name of what is called"
        " (`print`, `pdb.set_trace`) to the message that says what to do instead."
        " Names are resolved through the file's imports. A value may also be a table,"
        ' `{ message = "...", replacement = "subprocess.run" }`: the fix then calls'
        " the replacement where it needs no new import. Setting the table"
        " replaces the default: repeat the default entries to keep them.",
    )
    banned_imports: Mapping[str, BanEntry] = option(
        MappingProxyType(
            {
                "distutils": "removed in Python 3.12: use setuptools or packaging",
                "imp": "removed in Python 3.12: use importlib",
                "asyncore": "removed in Python 3.12: use asyncio",
                "asynchat": "removed in Python 3.12: use asyncio",
                "smtpd": "removed in Python 3.12: use aiosmtpd",
            }
        ),
        "Modules not to import, as a table from module to the message that says"
        " what to use instead. A module's submodules are banned with it. A value may"
        ' also be a table, `{ message = "...", replacement = "unittest.mock" }`:'
        " the fix then imports the replacement under the same name. Setting"
        " the table replaces the default: repeat the default entries to keep them.",
    )
    bare_except_allow_reraise: bool = option(
        True,
        "Accept a bare `except:` whose body ends with a bare `raise`: it cleans up"
        " and lets every exception through unchanged.",
    )
    mutable_default_calls: tuple[str, ...] = option(
        (
            "list",
            "dict",
            "set",
            "bytearray",
            "collections.defaultdict",
            "collections.OrderedDict",
            "collections.Counter",
            "collections.deque",
            "collections.ChainMap",
        ),
        "Qualified names of calls that build a mutable value, reported when used"
        " as a parameter default (list, dict and set displays and comprehensions"
        " always are).",
    )
    allow_wildcard_imports_in_init: bool = option(
        True,
        "Accept `from .module import *` in a package's __init__.py, the usual way"
        " to re-export a submodule's __all__. Only relative imports are accepted.",
    )
    allowed_wildcard_imports: tuple[str, ...] = option(
        (),
        "Modules that may be imported with `from module import *` anywhere (their"
        " submodules too), written as in the import (`.models` for a relative one).",
    )
    todo_tags: tuple[str, ...] = option(
        ("TODO", "FIXME"),
        "Words that, at the start of a comment, mark work left to do. Matched"
        " case-sensitively, so a comment that says 'the todo list' is not one.",
    )
    todo_ticket_pattern: str = option(
        r"[A-Z][A-Z0-9]+-[0-9]+|#[0-9]+|https?://\S+/(issues|pull)/[0-9]+",
        "Regular expression for a ticket reference that a TODO comment must contain"
        " (a Jira key such as ABC-123, a GitHub #123 or an issue URL).",
    )
    max_module_lines: int = option(
        1000,
        "Most lines a module may have. Every line counts, blank lines, comments and"
        " docstrings included: it is the length a reader scrolls through.",
    )
    max_arguments: int = option(
        5,
        "Most parameters a function may declare. Positional, positional-only and"
        " keyword-only parameters count; *args, **kwargs and a method's self or cls"
        " do not.",
    )

    def __post_init__(self) -> None:
        """Refuse values no rule can use, naming every problem at once."""
        problems = [
            *_naming_problems(self),
            *glob_problems("naming-ignore-names", self.naming_ignore_names),
            *_dotted_problems("banned-calls", self.banned_calls),
            *_dotted_problems("banned-imports", self.banned_imports),
            *_replacement_problems("banned-calls", self.banned_calls),
            *_replacement_problems("banned-imports", self.banned_imports),
            *_dotted_problems("mutable-default-calls", self.mutable_default_calls),
            *_dotted_problems("override-decorators", self.override_decorators),
            *_pattern_problems("todo-ticket-pattern", self.todo_ticket_pattern),
        ]
        problems += [
            f"{key} must be at least 1"
            for key, value in (
                ("max-line-length", self.max_line_length),
                ("max-module-lines", self.max_module_lines),
                ("max-arguments", self.max_arguments),
            )
            if value < 1
        ]
        if not self.todo_tags or not all(tag.strip() for tag in self.todo_tags):
            problems.append("todo-tags must list at least one tag, and no empty one")
        if problems:
            raise ValueError("; ".join(problems))


def _naming_problems(options: StyleOptions) -> list[str]:
    """The problems of every naming option, each naming its key."""
    specs = {
        "naming-modules": options.naming_modules,
        "naming-classes": options.naming_classes,
        "naming-functions": options.naming_functions,
        "naming-methods": options.naming_methods,
        "naming-arguments": options.naming_arguments,
        "naming-variables": options.naming_variables,
        "naming-constants": options.naming_constants,
        "naming-final": options.naming_final,
    }
    return [problem for key, spec in specs.items() for problem in spec_problems(key, spec)]


def _replacement_problems(key: str, bans: Mapping[str, BanEntry]) -> list[str]:
    """The bans of ``key`` whose replacement is not a dotted Python name."""
    return [
        f"{key}: the replacement of {name!r}, {replacement!r}, is not a dotted name"
        " such as 'unittest.mock'"
        for name, entry in bans.items()
        if (replacement := ban_replacement(entry)) and not _DOTTED_NAME.fullmatch(replacement)
    ]


def _dotted_problems(key: str, names: Mapping[str, object] | tuple[str, ...]) -> list[str]:
    """The entries of ``key`` that are not dotted Python names."""
    return [
        f"{key}: {name!r} is not a dotted name such as 'pdb.set_trace'"
        for name in names
        if not _DOTTED_NAME.fullmatch(name)
    ]


def _pattern_problems(key: str, pattern: str) -> list[str]:
    """Why ``pattern`` does not compile, if it does not."""
    try:
        re.compile(pattern)
    except re.error as error:
        return [f"{key}: {pattern!r} is not a valid regular expression: {error}"]
    return []

"""Naming styles, and the naming rules on the cases their examples do not show."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from standards_lint.rules.style.naming_styles import (
    describe_spec,
    ignored_names_test,
    is_exempt,
    name_test,
    spec_problems,
)
from standards_lint.testing import run_rule

OVERRIDE_HINT = "; if a base class chose the name, mark the method @override"


@pytest.mark.parametrize(
    ("spec", "name", "accepted"),
    [
        ("snake_case", "parse_file", True),
        ("snake_case", "_private", True),
        ("snake_case", "__mangled", True),
        ("snake_case", "class_", True),
        ("snake_case", "v2", True),
        ("snake_case", "größe", True),
        ("snake_case", "parseFile", False),
        ("snake_case", "Parse", False),
        ("UPPER_CASE", "MAX_SIZE", True),
        ("UPPER_CASE", "_T", True),
        ("UPPER_CASE", "Max_Size", False),
        ("PascalCase", "HTTPServer", True),
        ("PascalCase", "_Private", True),
        ("PascalCase", "Invoice_Line", False),
        ("PascalCase", "invoice", False),
        ("camelCase", "parseFile", True),
        ("camelCase", "ParseFile", False),
        ("camelCase", "parse_file", False),
        ("any", "Whatever_goes", True),
        ("^[a-z_][a-z0-9_]*$", "_private", True),
        ("^[a-z_][a-z0-9_]*$", "Private", False),
        ("[a-z]+", "abc1", False),  # the whole name must match, anchors or not
        (("UPPER_CASE", "snake_case"), "logger", True),
        (("UPPER_CASE", "snake_case"), "MAX", True),
        (("UPPER_CASE", "snake_case"), "maxSize", False),
    ],
)
def test_name_test_accepts_names_by_style(
    spec: str | tuple[str, ...], name: str, accepted: bool
) -> None:
    assert name_test(spec)(name) is accepted


@pytest.mark.parametrize("name", ["_", "__", "__init__", "__all__", "__version__"])
def test_dunder_names_and_underscores_are_exempt(name: str) -> None:
    assert is_exempt(name)


@pytest.mark.parametrize("name", ["_x", "__x", "x__", "__x_"])
def test_private_names_are_not_exempt(name: str) -> None:
    assert not is_exempt(name)


def test_ignored_names_are_globs_matched_case_sensitively() -> None:
    ignored = ignored_names_test(("visit_*", "setUp", "assert[A-Z]*"))
    assert ignored("visit_Name")
    assert ignored("setUp")
    assert ignored("assertValidJson")
    assert not ignored("setup_Thing")
    assert not ignored("assertion_helper")
    assert not ignored_names_test(())("visit_Name")


def test_spec_problems_suggest_the_style_meant() -> None:
    (problem,) = spec_problems("naming-functions", "snakecase")
    assert "naming-functions" in problem
    assert "did you mean 'snake_case'?" in problem


def test_spec_problems_report_bad_regexes_and_empty_lists() -> None:
    assert "not a valid regular expression" in spec_problems("naming-classes", "^[A-Z")[0]
    assert "at least one" in spec_problems("naming-classes", ())[0]
    assert spec_problems("naming-classes", ("PascalCase", "^Test.*$")) == []


def test_describe_spec_reads_as_an_alternative() -> None:
    assert describe_spec(("UPPER_CASE", "snake_case")) == "UPPER_CASE or snake_case"
    assert describe_spec("^x$") == "matching '^x$'"


def _messages(rule: str, code: str, options: Mapping[str, Any] | None = None) -> list[str]:
    return [violation.message for violation in run_rule(rule, code, options=options)]


def test_override_is_recognised_through_its_module_and_as_overrides() -> None:
    code = (
        "import typing\n"
        "from overrides import overrides\n"
        "class A(Base):\n"
        "    @typing.override\n"
        "    def doThing(self, someArg): ...\n"
        "    @overrides\n"
        "    def doOther(self, otherArg): ...\n"
        "    def doMine(self, myArg): ...\n"
    )
    assert _messages("method-name", code) == [
        "method name 'doMine' should be snake_case" + OVERRIDE_HINT
    ]
    assert _messages("argument-name", code) == ["argument name 'myArg' should be snake_case"]


def test_override_decorators_are_configurable() -> None:
    code = "class A(Base):\n    @overrides_base\n    def doThing(self): ...\n"
    assert _messages("method-name", code)
    assert not _messages("method-name", code, options={"override-decorators": ["overrides_base"]})


def test_functions_and_methods_are_told_apart_by_the_enclosing_scope() -> None:
    code = (
        "class A:\n"
        "    if FLAG:\n"
        "        def methodInIf(self): ...\n"
        "    def method(self):\n"
        "        def innerFunction(): ...\n"
    )
    assert _messages("method-name", code) == [
        "method name 'methodInIf' should be snake_case" + OVERRIDE_HINT
    ]
    assert _messages("function-name", code) == [
        "function name 'innerFunction' should be snake_case"
    ]


def test_overloads_are_checked_once_through_their_implementation() -> None:
    code = (
        "@overload\ndef getThing(x: int) -> int: ...\n"
        "@typing.overload\ndef getThing(x: str) -> str: ...\n"
        "def getThing(x): ...\n"
    )
    violations = run_rule("function-name", code)
    assert [violation.line for violation in violations] == [5]


def test_variables_declared_global_or_nonlocal_belong_to_another_scope() -> None:
    code = (
        "def outer():\n"
        "    counterValue = 0\n"
        "    def inner():\n"
        "        nonlocal counterValue\n"
        "        counterValue = 1\n"
        "        global CACHE\n"
        "        CACHE = {}\n"
        "    return inner\n"
    )
    violations = run_rule("variable-name", code)
    assert [violation.line for violation in violations] == [2]


def test_variables_in_class_bodies_and_at_module_level_are_not_variables() -> None:
    code = "class A:\n    maxSize = 3\n    Red = 1\nfor rowIndex in range(3):\n    pass\n"
    assert not run_rule("variable-name", code)


def test_unpacking_binds_each_name_and_skips_attributes() -> None:
    code = "def f(self):\n    self.someAttr, (firstItem, *restItems) = make()\n"
    assert _messages("variable-name", code) == [
        "variable name 'firstItem' should be snake_case",
        "variable name 'restItems' should be snake_case",
    ]


def test_class_aliases_need_a_value_that_may_be_a_class() -> None:
    code = (
        "def f():\n"
        "    Model = registry.get('order')\n"
        "    Pair = tuple[int, int]\n"
        "    Numbers = [1, 2]\n"
        "    Flag = True\n"
        "    Factory = lambda: None\n"
    )
    violations = run_rule("variable-name", code)
    assert [violation.line for violation in violations] == [4, 5, 6]


def test_class_aliases_follow_naming_classes() -> None:
    code = "def f():\n    ModelType = registry.get('order')\n"
    assert not run_rule("variable-name", code)
    assert run_rule("variable-name", code, options={"naming-classes": "^[A-Z][a-z]+$"})


def test_module_level_names_made_by_typing_helpers_are_not_checked() -> None:
    code = (
        "import typing\n"
        "AnyStr_co = typing.TypeVar('AnyStr_co', covariant=True)\n"
        "P_args = ParamSpec('P_args')\n"
        "Ts_x = TypeVarTuple('Ts_x')\n"
    )
    assert not run_rule("constant-name", code)


def test_type_alias_annotation_allows_a_class_style_name() -> None:
    code = "from typing import TypeAlias\nJsonValue: TypeAlias = 'dict[str, JsonValue] | str'\n"
    assert not run_rule("constant-name", code)


def test_final_in_a_function_is_a_local_not_a_constant() -> None:
    code = "from typing import Final\ndef f():\n    limit: Final = 3\n"
    assert not run_rule("constant-name", code)
    assert not run_rule("variable-name", code)


def test_module_name_is_checked_for_a_package_folder_and_skipped_for_stubs() -> None:
    (violation,) = run_rule("module-name", "x = 1\n", path="tools/build-docs/__init__.py")
    assert violation.message.startswith("package name 'build-docs' is not a Python identifier")
    assert not run_rule("module-name", "x = 1\n", path="PaymentStubs.pyi")
    assert not run_rule("module-name", "x = 1\n", path="pkg/__main__.py")


def test_a_hyphenated_module_name_passes_a_regex_that_allows_it() -> None:
    options = {"naming-modules": "^[a-z-]+$"}
    assert not run_rule("module-name", "x = 1\n", path="build-docs.py", options=options)


def test_stubs_are_skipped_by_every_naming_rule() -> None:
    code = "class array:\n    def getItem(self, itemIndex): ...\nnan: Final[float]\n"
    for rule in ("class-name", "method-name", "argument-name", "constant-name"):
        assert not run_rule(rule, code, path="array.pyi"), rule
        assert run_rule(rule, code, path="array.py"), rule


def test_ignore_names_apply_to_every_kind_of_name() -> None:
    options = {"naming-ignore-names": ["legacy*"]}
    code = "class legacyThing:\n    def legacyMethod(self, legacyArg):\n        legacyVar = 1\n"
    for rule in ("class-name", "method-name", "argument-name", "variable-name"):
        assert run_rule(rule, code), rule
        assert not run_rule(rule, code, options=options), rule


def test_bad_naming_options_are_refused_with_the_key() -> None:
    with pytest.raises(ValueError, match="naming-methods: 'pascal' is not a naming style"):
        run_rule("method-name", "x = 1\n", options={"naming-methods": "pascal"})
    with pytest.raises(ValueError, match="naming-constants"):
        run_rule("constant-name", "x = 1\n", options={"naming-constants": ["UPPER_CASE", "(x"]})


@pytest.mark.parametrize(
    "code",
    [
        "try:\n    import cProfile\nexcept ImportError:\n    cProfile = None\n",
        "try:\n    from xml.etree import cElementTree\nexcept ImportError:\n"
        "    cElementTree = None\n",
        "try:\n    import simplejson as json\nexcept ImportError:\n    import json\n",
        "try:\n    import cPickle as pickleMod\nexcept ImportError:\n    pickleMod = None\n",
        "try:\n    from typing import _AnnotatedAlias\nexcept ImportError:\n    try:\n"
        "        from typing_extensions import _AnnotatedAlias\n    except ImportError:\n"
        "        _AnnotatedAlias = ()\n",
        "try:\n    from ssl import OP_NO_SSLv2, OP_NO_SSLv3\nexcept ImportError:\n"
        "    OP_NO_SSLv2, OP_NO_SSLv3 = 1, 2\n",
        "if TYPE_CHECKING:\n    from lxml import etreeMod\nelse:\n    etreeMod: Any = None\n",
    ],
)
def test_optional_import_fallbacks_keep_the_imported_name(code: str) -> None:
    assert not run_rule("constant-name", code)
    in_function = "def load():\n" + "".join(f"    {line}\n" for line in code.splitlines())
    assert not run_rule("variable-name", in_function)


def test_a_fallback_under_another_name_than_the_import_is_checked() -> None:
    code = "try:\n    import cProfile\nexcept ImportError:\n    cProfileMissing = True\n"
    assert _messages("constant-name", code) == [
        "module-level name 'cProfileMissing' should be UPPER_CASE or snake_case"
    ]


def test_only_an_import_in_the_same_scope_lends_its_name() -> None:
    code = (
        "import cProfile\n"
        "def f():\n"
        "    import pstatsMod\n"
        "    cProfile = 1\n"
        "    pstatsMod = 2\n"
        "class A:\n"
        "    import otherMod\n"
        "otherMod = 3\n"
        "pstatsMod = 4\n"
    )
    assert [violation.line for violation in run_rule("variable-name", code)] == [4]
    assert [violation.line for violation in run_rule("constant-name", code)] == [8, 9]


def test_a_star_import_lends_no_name() -> None:
    assert run_rule("constant-name", "from ssl import *\nOP_NO_SSLv2 = 1\n")


@pytest.mark.parametrize(
    ("code", "reported"),
    [
        ("from typing import TypeAlias as _TypeAlias\nBounds: _TypeAlias = 'set[int]'\n", False),
        ("import typing as t\nBounds: t.TypeAlias = 'dict[str, int]'\n", False),
        ("from typing_extensions import TypeAlias\nBounds: TypeAlias = 'dict[str, int]'\n", False),
        ("from mytypes import Alias as TypeAlias\nBounds: TypeAlias = 'dict[str, int]'\n", True),
        ("Bounds: SomeAlias = 'dict[str, int]'\n", True),
        ("from typing import Final as _Final\nlimit: _Final = 3\n", True),
        ("from typing import Final as _Final\nLIMIT: _Final = 3\n", False),
        ("import typing as t\nclass A:\n    limit: t.Final[int] = 3\n", True),
    ],
)
def test_typing_annotations_are_recognised_through_import_aliases(
    code: str, reported: bool
) -> None:
    assert bool(run_rule("constant-name", code)) is reported


@pytest.mark.parametrize(
    ("code", "reported"),
    [
        ("_OP_NO_TLSv1: int = getattr(SSL, 'OP_NO_TLSv1', 0)\n", False),
        ("OP_NO_TLSv1 = getattr(SSL, 'OP_NO_TLSv1')\n", False),
        ("_getLogger = logging.getLogger\n", False),
        ("class A:\n    TimeoutExpired: Final = Pytester.TimeoutExpired\n", False),
        ("OP_NO_TLSv1 = getattr(SSL, 'OP_NO_TLSv2', 0)\n", True),
        ("OP_NO_TLSv1 = getattr(SSL, b'OP_NO_TLSv1', 0)\n", True),
        ("OP_NO_TLSv1 = ctx.getattr(SSL, 'OP_NO_TLSv1')\n", True),
        ("class A:\n    TimeoutExpired: Final = Pytester.Expired\n", True),
    ],
)
def test_a_name_kept_from_the_attribute_it_reads_is_not_checked(code: str, reported: bool) -> None:
    assert bool(run_rule("constant-name", code)) is reported


@pytest.mark.parametrize(
    ("value", "reported"),
    [
        ("(int, float)", False),
        ("(ast.Name, typing.List[int])", False),
        ("()", True),
        ("(int, None)", True),
        ("(int, *more)", True),
        ("[int, float]", True),
        ("(1, 2)", True),
    ],
)
def test_a_tuple_of_classes_may_have_a_class_style_name(value: str, reported: bool) -> None:
    assert bool(run_rule("constant-name", f"NumberTypes = {value}\n")) is reported


def test_a_parameter_holding_a_class_may_have_a_class_style_name() -> None:
    code = (
        "def build(Provider: type[Base], Other: type[Base] | None, Plain: Base, lowerOk: type):\n"
        "    pass\n"
    )
    assert _messages("argument-name", code) == [
        "argument name 'Plain' should be snake_case",
        "argument name 'lowerOk' should be snake_case",
    ]
    assert run_rule("argument-name", code, options={"naming-classes": "^[A-Z]+$"})


@pytest.mark.parametrize(
    "method",
    ["startTest", "addError", "addSubTest", "addDuration", "handleError", "formatTime"],
)
def test_methods_that_unittest_and_logging_name_are_not_reported(method: str) -> None:
    code = f"class Result:\n    def {method}(self, test):\n        pass\n"
    assert not run_rule("method-name", code)
    assert run_rule("method-name", code, options={"naming-ignore-names": []})

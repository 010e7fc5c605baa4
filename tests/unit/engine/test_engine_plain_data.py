"""The plain-data codec: what round-trips, and what decoding refuses without running code."""

from __future__ import annotations

import enum
import json
import math
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from standards_lint.engine.plain_data import (
    PlainDataError,
    RowCodec,
    decode_value,
    encode_value,
)
from standards_lint.lazy_libcst import LazyModule
from standards_lint.model import Definition, FileResult, Severity, Span, Suppression, Violation
from standards_lint.rules.architecture.imports import ImportStatement
from standards_lint.rules.complexity.average import FileComplexity
from standards_lint.rules.docstrings.coverage import Tally


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    label: str = ""


@dataclass(frozen=True)
class Outer:
    @dataclass(frozen=True)
    class Inner:
        values: tuple[int, ...]

    inner: Inner
    extra: object = None


class Colour(enum.Enum):
    RED = "red"
    BLUE = 2


def through_json(value: object) -> object:
    """Encode ``value``, write and read it as JSON the way the cache does, decode it."""
    text = json.dumps(encode_value(value), allow_nan=False)
    return decode_value(json.loads(text))


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        0,
        -(2**70),
        1.5,
        1.0,
        "text \u00e9 \ud83d",
        (),
        (1, "a", (2.5, None)),
        [1, [2, (3,)]],
        {"a": 1, "b": (1, 2)},
        {1: "int key", (1, 2): "tuple key", None: "none key", "dict": {"nested": []}},
        {"list": [1]},
        Colour.RED,
        Colour.BLUE,
        Severity.WARNING,
        Point(1.0, -2.5, "p"),
        Outer(Outer.Inner((1, 2, 3)), extra={"k": Point(0, 0)}),
        ImportStatement(3, 1, "pkg.mod", ("a", "b")),
        (ImportStatement(1, 0, "os"), ImportStatement(2, 1, "", ("a",), True)),
        (Point(1.0, 2.0), Outer(Outer.Inner(()))),
        (Colour.RED, Colour.BLUE),
        Tally(3, 4),
        FileComplexity((1, 2, 12), 12, 71.25),
    ],
    ids=repr,
)
def test_plain_values_round_trip_through_json(value: object) -> None:
    back = through_json(value)
    assert back == value
    assert type(back) is type(value)


def test_a_tuple_of_one_dataclass_names_its_class_once() -> None:
    imports = (ImportStatement(1, 0, "os"), ImportStatement(2, 0, "sys"))
    assert encode_value(imports) == {
        "dataclasses": [
            "standards_lint.rules.architecture.imports",
            "ImportStatement",
            [[1, 0, "os", [], False], [2, 0, "sys", [], False]],
        ]
    }
    # One instance, or instances of several classes, keep the general form.
    assert encode_value(imports[:1]) == [encode_value(imports[0])]
    assert type(encode_value((Point(0, 0), Outer(Outer.Inner(()))))) is list


def test_ints_and_floats_keep_their_types() -> None:
    back = through_json((1, 1.0, 0.0, 2**64))
    assert isinstance(back, tuple)
    assert [type(item) for item in back] == [int, float, float, int]


@pytest.mark.parametrize("number", [math.inf, -math.inf])
def test_infinities_are_tagged_because_json_has_no_literal_for_them(number: float) -> None:
    encoded = encode_value((number, Point(number, 0.0)))
    json.dumps(encoded, allow_nan=False)  # writable as strict JSON
    assert through_json((number, Point(number, 0.0))) == (number, Point(number, 0.0))


def test_nan_is_tagged_and_comes_back_as_nan() -> None:
    back = through_json((math.nan, FileComplexity((), 0, math.nan)))
    assert isinstance(back, tuple)
    assert math.isnan(back[0])
    assert math.isnan(back[1].maintainability_index)


@pytest.mark.parametrize(
    "value",
    [
        {1, 2},
        frozenset(),
        object(),
        lambda: None,
        b"bytes",
        types.SimpleNamespace(a=1),
        (1, {2}),
        Point(1.0, 2.0, label={3}),  # type: ignore[arg-type]
    ],
    ids=["set", "frozenset", "object", "function", "bytes", "namespace", "nested-set", "field-set"],
)
def test_what_is_not_plain_data_is_refused_on_the_way_in(value: object) -> None:
    with pytest.raises(PlainDataError):
        encode_value(value)


def test_a_local_class_is_refused_because_decoding_could_not_find_it() -> None:
    @dataclass(frozen=True)
    class Local:
        x: int

    with pytest.raises(PlainDataError, match="cannot be found by name"):
        encode_value(Local(1))


def test_a_dataclass_with_keyword_only_fields_is_refused() -> None:
    with pytest.raises(PlainDataError, match="positionally"):
        encode_value(KeywordOnly(x=1))


@dataclass(frozen=True, kw_only=True)
class KeywordOnly:
    x: int


# decoding refuses, never imports, never runs code ---------------------------------


@dataclass
class Recorder:
    """A dataclass whose construction is visible."""

    value: object
    built: list[object] = field(default_factory=list)


NOT_A_DATACLASS_CALLS: list[object] = []


class NotADataclass:
    def __init__(self, *arguments: object) -> None:
        NOT_A_DATACLASS_CALLS.append(arguments)


HERE = __name__


@pytest.mark.parametrize(
    "data",
    [
        {"dataclass": ["os", "system", ["echo planted"]]},
        {"dataclass": ["subprocess", "Popen", [["true"]]]},
        {"dataclass": ["builtins", "eval", ["1"]]},
        {"dataclass": [HERE, "NotADataclass", [1]]},
        {"dataclass": [HERE, "Point.__init__", []]},
        {"dataclass": [HERE, "Point", [1.0]]},
        {"dataclass": [HERE, "Point", [1.0, 2.0, "a", "extra"]]},
        {"dataclass": [HERE, "Missing", []]},
        {"dataclass": [HERE, "", []]},
        {"dataclass": [HERE, "Point"]},
        {"dataclass": [1, "Point", []]},
        {"dataclass": [[HERE], "Point", []]},
        {"dataclass": ["never_imported_module_for_tests", "Thing", []]},
        {"dataclasses": ["os", "system", [["echo planted"]]]},
        {"dataclasses": [HERE, "NotADataclass", [[1]]]},
        {"dataclasses": [HERE, "Point", [[1.0, 2.0, ""], [1.0]]]},
        {"dataclasses": [HERE, "Point", [1.0, 2.0, ""]]},
        {"dataclasses": [HERE, "Point", {"list": []}]},
        {"dataclasses": [HERE, "Point"]},
        {"enum": [HERE, "Point", ["x"]]},
        {"enum": [HERE, "Colour", "green"]},
        {"enum": [HERE, "Colour", [1]]},
        {"pickle": "gASV"},
        {"tuple": [1]},
        {"float": "1e400"},
        {"float": 1.0},
        {"list": "abc"},
        {"dict": [[1]]},
        {"dict": [[{"list": [1]}, 2]]},
        {"dict": {"a": 1}},
        {"list": [], "dict": []},
        {},
    ],
    ids=repr,
)
def test_an_encoding_decoding_does_not_accept_is_refused(data: object) -> None:
    with pytest.raises(PlainDataError):
        decode_value(data)
    assert NOT_A_DATACLASS_CALLS == []


def test_decoding_never_imports_a_module() -> None:
    name = "standards_lint_never_imported_for_tests"
    assert name not in sys.modules
    with pytest.raises(PlainDataError, match="not loaded"):
        decode_value({"dataclass": [name, "Thing", []]})
    assert name not in sys.modules


@pytest.fixture
def planted_module() -> Iterator[types.ModuleType]:
    """A loaded module holding a lazy proxy (as rule modules hold ``cst``) and a dataclass."""
    module = types.ModuleType("standards_lint_planted_for_tests")
    module.proxy = LazyModule("standards_lint_target_never_imported")  # type: ignore[attr-defined]
    module.Recorder = Recorder  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    yield module
    del sys.modules[module.__name__]


def test_a_lazy_proxy_in_a_loaded_module_is_not_followed(planted_module: types.ModuleType) -> None:
    with pytest.raises(PlainDataError):
        decode_value({"dataclass": [planted_module.__name__, "proxy.Anything", []]})
    assert "standards_lint_target_never_imported" not in sys.modules
    assert "Anything" not in vars(planted_module.proxy)


def test_a_module_attribute_hook_is_not_called() -> None:
    calls: list[str] = []

    class Hooked(types.ModuleType):
        def __getattr__(self, name: str) -> Any:
            calls.append(name)
            return Point

    module = Hooked("standards_lint_hooked_for_tests")
    sys.modules[module.__name__] = module
    try:
        with pytest.raises(PlainDataError):
            decode_value({"dataclass": [module.__name__, "Point", [1.0, 2.0, ""]]})
    finally:
        del sys.modules[module.__name__]
    assert calls == []


def test_a_loaded_dataclass_is_rebuilt_through_its_constructor() -> None:
    built = decode_value({"dataclass": [HERE, "Recorder", ["v", {"list": [1]}]]})
    assert built == Recorder("v", [1])


# the model's rows ---------------------------------------------------------------

RESULT = FileResult(
    "src/a.py",
    (
        Violation("A1", "a", Severity.ERROR, "src/a.py", Span(1, 2, 3, 4), "m", "fp", 12.5),
        Violation("A2", "b", Severity.INFO, "src/a.py", Span(5, 1, 5, 9), "n", "", None),
        Violation("A3", "c", Severity.WARNING, "src/a.py", Span(6, 1, 6, 2), "o", "", math.inf),
        Violation("A4", "d", Severity.WARNING, "src/a.py", Span(7, 1, 7, 2), "p", "", 7),
    ),
    (Suppression(None, 1, (), ""), Suppression(4, 3, ("A1", "b"), "why")),
    {"imports": (ImportStatement(1, 0, "os"),), "tally": Tally(1, 2), "none": None},
    (Definition("Cart.total", "method", 3, 4, 5, 9),),
)


def test_a_file_result_round_trips_with_every_field() -> None:
    codec = RowCodec(FileResult)
    back = codec.decode(json.loads(json.dumps(codec.encode(RESULT), allow_nan=False)))
    assert back == RESULT
    assert [type(v.value) for v in back.violations] == [float, type(None), float, int]


@pytest.mark.parametrize(
    ("cls", "row"),
    [
        (Span, [1, 2, 3]),
        (Span, [1, 2, 3, "4"]),
        (Span, [1, 2, 3, True]),
        (Span, [1, 2, 3, 4.0]),
        (Span, {"line": 1}),
        (Suppression, [None, 1, "A1", ""]),
        (Suppression, [None, 1, [1], ""]),
        (Suppression, ["1", 1, [], ""]),
        (Violation, ["A", "a", "error", "p", [1, 1, 1, 1], "m", "", "12"]),
        (Violation, ["A", "a", "error", "p", [1, 1, 1, 1], "m", 3, None]),
        (Violation, ["A", "a", "error", "p", {"list": [1, 1, 1, 1]}, "m", "", None]),
        (FileResult, ["p", [], [], [], []]),
        (FileResult, ["p", [], [], {"f": {"set": []}}, []]),
    ],
    ids=repr,
)
def test_a_row_that_does_not_fit_the_schema_is_refused(cls: type, row: object) -> None:
    with pytest.raises(PlainDataError):
        RowCodec(cls).decode(row)


def test_an_unknown_severity_is_refused() -> None:
    with pytest.raises(KeyError):
        RowCodec(Violation).decode(["A", "a", "fatal", "p", [1, 1, 1, 1], "m", "", None, None])


def test_a_field_annotation_the_codec_does_not_know_fails_when_the_codec_is_built() -> None:
    @dataclass(frozen=True)
    class Odd:
        items: list[int]

    with pytest.raises(TypeError, match="cannot hold a field annotated"):
        RowCodec(Odd)


def test_a_model_object_of_the_wrong_type_is_refused_on_the_way_in() -> None:
    broken = Violation("A", "a", "error", "p", Span(1, 1, 1, 1), "m")  # type: ignore[arg-type]
    with pytest.raises(PlainDataError):
        RowCodec(Violation).encode(broken)

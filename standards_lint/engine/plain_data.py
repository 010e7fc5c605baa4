"""Plain data to JSON-ready values and back, without ever running code the data chooses.

The cache stores per-file results as JSON. JSON has no tuples, no classes and
no NaN, so values are written in a small tagged encoding:

============================  ==================================================
value                         JSON
============================  ==================================================
``None``, bool, int, str      itself
float                         a number; NaN and ±infinity, which JSON cannot
                              write, as ``{"float": "nan" | "inf" | "-inf"}``
tuple                         an array
list                          ``{"list": [items]}``
dict                          ``{"dict": [[key, value], ...]}`` (any keys)
enum member                   ``{"enum": [module, qualified name, value]}``
dataclass instance            ``{"dataclass": [module, qualified name,
                              [field values, in field order]]}``
tuple of two or more          ``{"dataclasses": [module, qualified name,
instances of one dataclass    [[field values], ...]]}``: the class named once
============================  ==================================================

Every JSON object is a tag with exactly one member, so no value can pose as
another. Anything else (sets, named tuples, arbitrary objects) cannot be
encoded: :class:`PlainDataError` says so and the result is simply not cached.

Decoding never imports a module and never reads an attribute through code: a
class is found only in a module already in :data:`sys.modules`, by looking its
qualified name up in the module's and the classes' own namespaces, and it must
be a dataclass (or an enum) there. A dataclass is rebuilt by calling it with
its field values, all of them plain values decoded the same way; an enum
member is looked up by its value. Whatever does not fit raises
:class:`PlainDataError`.

The model's own classes (:class:`~standards_lint.model.FileResult` and what
it holds) are written more compactly, as arrays of their fields checked
against the fields' annotations (:class:`RowCodec`): the schema is known, so
the names need not be stored and every value's type is checked on the way in.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import enum
import math
import operator
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, Final, Generic, TypeVar

T = TypeVar("T")
Encoder = Callable[[Any], object]
Decoder = Callable[[Any], Any]


class PlainDataError(ValueError):
    """A value that is not plain data, or JSON that does not hold what it must."""


# the generic, tagged encoding --------------------------------------------------

_NON_FINITE: Final = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}


def encode_float(number: float) -> object:
    """``number`` as JSON can hold it: itself when finite, else a ``float`` tag."""
    if math.isfinite(number):
        return number
    return {"float": "nan" if math.isnan(number) else ("inf" if number > 0 else "-inf")}


def encode_value(value: object) -> object:
    """``value`` in the tagged encoding; :class:`PlainDataError` if it is not plain data."""
    # Exact types, not isinstance: a str or int subclass (an enum, say) is
    # not plain. mypy cannot follow checks made through ``kind``, hence Any.
    kind = type(value)
    plain: Any = value
    if kind is str or kind is int or kind is bool or plain is None:
        return plain
    if kind is float:
        return encode_float(plain)
    if kind is tuple:
        return _encode_tuple(plain)
    if kind is list:
        return {"list": [encode_value(item) for item in plain]}
    if kind is dict:
        return {"dict": [[encode_value(key), encode_value(item)] for key, item in plain.items()]}
    if isinstance(value, enum.Enum):
        module, name = _class_address(kind)
        return {"enum": [module, name, encode_value(value.value)]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        module, name = _class_address(kind)
        names = _constructor_fields(kind)
        return {"dataclass": [module, name, [encode_value(getattr(value, n)) for n in names]]}
    raise PlainDataError(f"a {kind.__module__}.{kind.__qualname__} is not plain data")


def _encode_tuple(items: tuple[object, ...]) -> object:
    if len(items) >= 2:
        first = type(items[0])
        if (
            dataclasses.is_dataclass(first)
            and not issubclass(first, enum.Enum)
            and all(type(item) is first for item in items)
        ):
            # A file's imports, say: one class, many instances; its name is written once.
            module, name = _class_address(first)
            names = _constructor_fields(first)
            rows = [[encode_value(getattr(item, field)) for field in names] for item in items]
            return {"dataclasses": [module, name, rows]}
    return [encode_value(item) for item in items]


_JSON_SCALARS: Final = frozenset({str, int, bool, float, type(None)})


def decode_value(data: object) -> object:
    """The value ``data`` encodes; :class:`PlainDataError` if it is not a valid encoding."""
    kind = type(data)
    parsed: Any = data  # see encode_value
    if kind in _JSON_SCALARS:
        return parsed
    if kind is list:
        return tuple(map(decode_value, parsed))
    if kind is dict:
        if len(parsed) != 1:
            raise PlainDataError("a JSON object must be a tag with exactly one member")
        ((tag, body),) = parsed.items()
        decoder = _TAG_DECODERS.get(tag)
        if decoder is None:
            raise PlainDataError(f"unknown tag {tag!r}")
        return decoder(body)
    raise PlainDataError(f"{kind.__name__} is not JSON")


def decode_float(data: object) -> float:
    """The float ``data`` encodes (a number, or a ``float`` tag)."""
    kind = type(data)
    parsed: Any = data  # see encode_value
    if kind is float or kind is int:
        return parsed  # type: ignore[no-any-return]  # an int in a float field stays an int
    if kind is dict and len(parsed) == 1:
        return _decode_non_finite(parsed.get("float"))
    raise PlainDataError(f"expected a number, got {kind.__name__}")


def _decode_non_finite(body: object) -> float:
    number = _NON_FINITE.get(body) if type(body) is str else None
    if number is None:
        raise PlainDataError(f"{body!r} is not nan, inf or -inf")
    return number


def _decode_list(body: object) -> list[object]:
    items: list[object] = _expect(body, list)
    return [decode_value(item) for item in items]


def _decode_dict(body: object) -> dict[object, object]:
    decoded: dict[object, object] = {}
    for pair in _expect(body, list):
        if type(pair) is not list or len(pair) != 2:
            raise PlainDataError("a dict item must be a [key, value] pair")
        try:
            decoded[decode_value(pair[0])] = decode_value(pair[1])
        except TypeError:
            raise PlainDataError("a dict key must be hashable") from None
    return decoded


def _decode_enum(body: object) -> object:
    module, name, value = _expect_triple(body)
    cls = find_loaded_class(module, name)
    if not issubclass(cls, enum.Enum):
        raise PlainDataError(f"{module}.{name} is not an enum")
    try:
        return cls(decode_value(value))
    except ValueError:
        raise PlainDataError(f"{value!r} is not a member of {module}.{name}") from None


#: Each dataclass found so far, with how many fields its constructor takes.
_dataclasses: dict[tuple[str, str], tuple[type, int]] = {}


def _decode_dataclass(body: object) -> object:
    if type(body) is not list or len(body) != 3:
        raise PlainDataError("expected [module, qualified name, field values]")
    module, name, values = body
    found = _dataclasses.get((module, name)) if type(module) is type(name) is str else None
    if found is None:
        module, name, values = _expect_triple(body)
        cls = find_loaded_class(module, name)
        if not dataclasses.is_dataclass(cls):
            raise PlainDataError(f"{module}.{name} is not a dataclass")
        found = _dataclasses[(module, name)] = (cls, len(_constructor_fields(cls)))
    cls, width = found
    if type(values) is not list or len(values) != width:
        raise PlainDataError(f"{module}.{name} takes {width} fields")
    return cls(*map(decode_value, values))


def _decode_dataclasses(body: object) -> tuple[object, ...]:
    module, name, rows = _expect_triple(body)
    cls = find_loaded_class(module, name)
    if not dataclasses.is_dataclass(cls):
        raise PlainDataError(f"{module}.{name} is not a dataclass")
    width = len(_constructor_fields(cls))
    decoded = []
    for row in _expect(rows, list):
        if type(row) is not list or len(row) != width:
            raise PlainDataError(f"{module}.{name} takes {width} fields")
        decoded.append(cls(*map(decode_value, row)))
    return tuple(decoded)


_TAG_DECODERS: Final[dict[str, Decoder]] = {
    "float": _decode_non_finite,
    "list": _decode_list,
    "dict": _decode_dict,
    "enum": _decode_enum,
    "dataclass": _decode_dataclass,
    "dataclasses": _decode_dataclasses,
}


def _expect(data: object, kind: type[T]) -> T:
    if type(data) is not kind:
        raise PlainDataError(f"expected {kind.__name__}, got {type(data).__name__}")
    return data


def _expect_triple(body: object) -> tuple[str, str, object]:
    items = _expect(body, list)
    if len(items) != 3 or type(items[0]) is not str or type(items[1]) is not str:
        raise PlainDataError("expected [module, qualified name, value]")
    return items[0], items[1], items[2]


# finding classes without running code --------------------------------------------

#: The namespace of a module and of a class, read through the base descriptors
#: so that no module subclass, lazy proxy or metaclass gets to run code.
_MODULE_NAMESPACE: Final = vars(types.ModuleType)["__dict__"].__get__
_CLASS_NAMESPACE: Final = vars(type)["__dict__"].__get__
_found_classes: dict[tuple[str, str], type] = {}


def find_loaded_class(module: str, qualified_name: str) -> type:
    """The class ``qualified_name`` of the already imported ``module``.

    Raises :class:`PlainDataError` when the module is not loaded or the name
    does not lead, class by class, to a class. Never imports anything.
    """
    found = _found_classes.get((module, qualified_name))
    if found is not None:
        return found
    loaded = sys.modules.get(module)
    if not isinstance(loaded, types.ModuleType):
        raise PlainDataError(f"module {module!r} is not loaded")
    namespace: collections.abc.Mapping[str, object] = _MODULE_NAMESPACE(loaded)
    candidate: object = None
    for part in qualified_name.split("."):
        candidate = namespace.get(part)
        if not isinstance(candidate, type):
            raise PlainDataError(f"{module}.{qualified_name} is not a loaded class")
        namespace = _CLASS_NAMESPACE(candidate)
    assert isinstance(candidate, type)  # the loop ran at least once
    _found_classes[(module, qualified_name)] = candidate
    return candidate


def _class_address(cls: type) -> tuple[str, str]:
    """Where decoding will find ``cls`` again; refuses classes it would not find."""
    module, name = cls.__module__, cls.__qualname__
    try:
        found = find_loaded_class(module, name)
    except PlainDataError:
        found = None
    if found is not cls:
        raise PlainDataError(f"{module}.{name} cannot be found by name (a local class?)")
    return module, name


_field_names: dict[type, tuple[str, ...]] = {}


def _constructor_fields(cls: type) -> tuple[str, ...]:
    """The field names of dataclass ``cls``, which its constructor takes positionally."""
    names = _field_names.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)
        if any(not field.init or field.kw_only for field in fields):
            raise PlainDataError(
                f"{cls.__qualname__} has fields its constructor does not take positionally"
            )
        names = tuple(field.name for field in fields)
        _field_names[cls] = names
    return names


# the model's rows -------------------------------------------------------------


class RowCodec(Generic[T]):
    """A dataclass of the model as a JSON array of its fields, typed by its annotations.

    Every field's annotation must be one this codec knows: ``str``, ``int``,
    ``bool``, ``float``, an enum, another such dataclass, ``tuple[X, ...]``,
    ``X | None``, ``Mapping[str, object]``, or ``object`` (any plain value, in
    the tagged encoding). A new field of the model is handled without change
    here; an annotation it does not know fails at import, not at run time.
    """

    def __init__(self, cls: type[T]) -> None:
        hints = typing.get_type_hints(cls)
        names = _constructor_fields(cls)
        codecs = [_field_codec(hints[name]) for name in names]
        self._construct: Callable[..., T] = cls
        self._names: Final = names
        self._encoders: Final = tuple(encoder for encoder, _ in codecs)
        self._width: Final = len(names)
        # Decoding is the hot path of a warm run: fields of a plain JSON type
        # are checked all at once, in C, and only the others are converted.
        plain = [index for index, name in enumerate(names) if hints[name] in _PLAIN_FIELD_TYPES]
        self._plain_types: Final = tuple(hints[names[index]] for index in plain)
        self._plain_values: Final = _picker(plain)
        self._converters: Final = tuple(
            (index, decoder) for index, (_, decoder) in enumerate(codecs) if index not in plain
        )

    @property
    def width(self) -> int:
        """How many fields a row holds."""
        return self._width

    def index_of(self, name: str) -> int:
        """Where field ``name`` is in a row."""
        return self._names.index(name)

    def encode(self, instance: T) -> list[object]:
        """``instance`` as an array of its encoded fields."""
        return [
            encode(getattr(instance, name))
            for name, encode in zip(self._names, self._encoders, strict=True)
        ]

    def decode(self, row: object) -> T:
        """The instance ``row`` holds.

        Raises :class:`PlainDataError` for a row that does not fit, and
        ``KeyError`` or ``TypeError`` for a value that is no member of its
        enum (they are not caught here: this is the hot path). ``row`` is
        used up: its converted fields are replaced in place.
        """
        if type(row) is not list or len(row) != self._width:
            raise PlainDataError(f"expected an array of {self._width} fields")
        if tuple(map(type, self._plain_values(row))) != self._plain_types:
            raise PlainDataError(f"a field of {self._construct!r} has the wrong type")
        for index, decode in self._converters:
            row[index] = decode(row[index])
        return self._construct(*row)


_PLAIN_FIELD_TYPES: Final = (str, int, bool)


def _picker(indices: list[int]) -> Callable[[list[object]], tuple[object, ...]]:
    """A function that picks the items at ``indices`` out of a list, as a tuple."""
    if len(indices) >= 2:
        return operator.itemgetter(*indices)
    if indices:
        (index,) = indices
        return lambda row: (row[index],)
    return lambda row: ()


def _field_codec(hint: object) -> tuple[Encoder, Decoder]:
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if hint in (str, int, bool):
        return _checked(hint), _checked(hint)
    if hint is float:
        return _encode_float_field, decode_float
    if hint is object:
        return encode_value, decode_value
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_codec(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        row = RowCodec(hint)
        return row.encode, row.decode
    none = type(None)
    if origin in (typing.Union, types.UnionType) and len(arguments) == 2 and none in arguments:
        (inner,) = (argument for argument in arguments if argument is not none)
        return _optional(*_field_codec(inner))
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        return _sequence(*_field_codec(arguments[0]))
    if origin in (dict, collections.abc.Mapping) and arguments == (str, object):
        return _encode_facts, _decode_facts
    raise TypeError(f"the cache cannot hold a field annotated {hint!r}")


def _checked(kind: type) -> Callable[[object], object]:
    def check(value: object) -> object:
        if type(value) is not kind:
            raise PlainDataError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    return check


def _encode_float_field(value: object) -> object:
    if type(value) is float:
        return encode_float(value)
    if type(value) is int:
        return value
    raise PlainDataError(f"expected a number, got {type(value).__name__}")


def _enum_codec(cls: type[enum.Enum]) -> tuple[Encoder, Decoder]:
    members = {member.value: member for member in cls}

    def encode(member: object) -> object:
        if type(member) is not cls:
            raise PlainDataError(f"expected a {cls.__qualname__}, got {type(member).__name__}")
        return member.value

    # A KeyError (or a TypeError for an unhashable value) is a miss like any
    # other: RowCodec's callers turn both into PlainDataError.
    return encode, members.__getitem__


def _optional(encode: Encoder, decode: Decoder) -> tuple[Encoder, Decoder]:
    return (
        lambda value: None if value is None else encode(value),
        lambda data: None if data is None else decode(data),
    )


def _sequence(encode: Encoder, decode: Decoder) -> tuple[Encoder, Decoder]:
    def encode_items(items: object) -> object:
        if type(items) is not tuple:
            raise PlainDataError(f"expected a tuple, got {type(items).__name__}")
        return [encode(item) for item in items]

    def decode_items(data: object) -> tuple[object, ...]:
        if type(data) is not list:
            raise PlainDataError(f"expected an array, got {type(data).__name__}")
        return tuple(map(decode, data))

    return encode_items, decode_items


def _encode_facts(facts: object) -> object:
    if not isinstance(facts, collections.abc.Mapping):
        raise PlainDataError(f"expected a mapping, got {type(facts).__name__}")
    encoded: dict[str, object] = {}
    for name, value in facts.items():
        if type(name) is not str:
            raise PlainDataError(f"a fact name must be a string, not {name!r}")
        encoded[name] = encode_value(value)
    return encoded


def _decode_facts(data: object) -> dict[str, object]:
    # JSON object keys are always strings, so only the values need checking.
    return {name: decode_value(value) for name, value in _expect(data, dict).items()}

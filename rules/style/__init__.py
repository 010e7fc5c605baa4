"""The style standards: how code is written, named and laid out (``[style]``)."""

from standards_lint.rule import Area
from standards_lint.rules.style.arguments import TooManyArguments
from standards_lint.rules.style.banned import BannedCall, BannedImport
from standards_lint.rules.style.bare_except import BareExcept
from standards_lint.rules.style.line_length import LineTooLong
from standards_lint.rules.style.module_length import ModuleTooLong
from standards_lint.rules.style.mutable_defaults import MutableDefaultArgument
from standards_lint.rules.style.naming_bindings import ConstantName, VariableName
from standards_lint.rules.style.naming_definitions import (
    ArgumentName,
    ClassName,
    FunctionName,
    MethodName,
    ModuleName,
)
from standards_lint.rules.style.options import StyleOptions
from standards_lint.rules.style.todo_comments import TodoWithoutTicket
from standards_lint.rules.style.wildcard_import import WildcardImport

STYLE_AREA = Area(name="style", prefix="STY", title="Code style", options=StyleOptions)
STYLE_RULES = (
    LineTooLong,
    ModuleName,
    ClassName,
    FunctionName,
    MethodName,
    ArgumentName,
    VariableName,
    ConstantName,
    BannedCall,
    BannedImport,
    BareExcept,
    MutableDefaultArgument,
    WildcardImport,
    TodoWithoutTicket,
    ModuleTooLong,
    TooManyArguments,
)

__all__ = ["STYLE_AREA", "STYLE_RULES"]

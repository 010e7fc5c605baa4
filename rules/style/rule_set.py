"""The style area's rules, imported when a run needs them."""

from standards_lint.rule import RulePack
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
from standards_lint.rules.style.todo_comments import TodoWithoutTicket
from standards_lint.rules.style.wildcard_import import WildcardImport

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

RULE_SET = RulePack("builtin style", STYLE_RULES)

__all__ = ["RULE_SET", "STYLE_RULES"]

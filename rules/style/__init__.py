"""The style standards: how code is written, named and laid out (``[style]``)."""

from standards_lint.rules.style.line_length import LineTooLong
from standards_lint.rules.style.options import StyleOptions

from standards_lint.rule import Area

STYLE_AREA = Area(name="style", prefix="STY", title="Code style", options=StyleOptions)
STYLE_RULES = (LineTooLong,)

__all__ = ["STYLE_AREA", "STYLE_RULES"]

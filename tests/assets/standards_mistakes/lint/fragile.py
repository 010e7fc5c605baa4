"""A plugin whose import fails; it would define the FRG rules and the [fragile] area."""

import standards_lint_missing_dependency  # noqa: F401

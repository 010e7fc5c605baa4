"""A plugin whose import fails, as when a dependency is not installed."""

import standards_lint_missing_dependency  # noqa: F401

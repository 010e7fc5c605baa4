"""The approved technologies: allowed, restricted and denied imports, declared dependencies.

Its options live in ``[technologies]``. The rules read the import facts the
architecture area collects, so an import is parsed once for both areas.
"""

from standards_lint.rule import Area
from standards_lint.rules.technologies.approval import APPROVAL_RULES
from standards_lint.rules.technologies.dependency_rules import DEPENDENCY_RULES
from standards_lint.rules.technologies.options import TechnologyOptions

TECHNOLOGIES_AREA = Area(
    name="technologies",
    prefix="TEC",
    title="Approved technologies and declared dependencies",
    options=TechnologyOptions,
)
TECHNOLOGIES_RULES = (*APPROVAL_RULES, *DEPENDENCY_RULES)

__all__ = ["TECHNOLOGIES_AREA", "TECHNOLOGIES_RULES"]

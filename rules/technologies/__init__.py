"""The approved technologies: allowed, restricted and denied imports, declared dependencies.

Its options live in ``[technologies]``. The rules (in :mod:`.rule_set`,
imported when a run selects one of them) read the import facts the
architecture area collects, so an import is parsed once for both areas.
"""

from standards_lint.rule import Area
from standards_lint.rules.technologies.options import TechnologyOptions

TECHNOLOGIES_AREA = Area(
    name="technologies",
    prefix="TEC",
    title="Approved technologies and declared dependencies",
    options=TechnologyOptions,
)

__all__ = ["TECHNOLOGIES_AREA"]

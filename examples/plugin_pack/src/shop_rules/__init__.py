"""standards-lint rules for shops: money is exact, never a binary float.

The pack is registered under the ``standards_lint.rules`` entry-point group
(see pyproject.toml); its options live in the ``[shop]`` section of a
standards file.
"""

from shop_rules.float_money import FloatMoney
from shop_rules.options import SHOP_AREA, ShopOptions
from standards_lint import RulePack

PACK = RulePack(name="shop-rules", rules=[FloatMoney], areas=[SHOP_AREA], version="0.3.0")

__all__ = ["PACK", "SHOP_AREA", "FloatMoney", "ShopOptions"]

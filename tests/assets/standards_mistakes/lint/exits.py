"""A plugin that ends the process at import, as a script turned module might."""

import sys

sys.exit(3)

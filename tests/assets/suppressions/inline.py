SIZES = {"small": 1, "medium": 2, "large": 3, "x-large": 4}  # standards-lint: ignore[STY001] a lookup table reads best on one line
NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]  # standards-lint: ignore[line-too-long]
x = 1  # standards-lint: ignore[STY001] stale
MARKER = "# standards-lint: ignore[STY001] " + "in a string, not a comment"
LIMITS = {"minimum": 1, "maximum": 99, "default": 10, "step": 1}  # standards-lint: ignore

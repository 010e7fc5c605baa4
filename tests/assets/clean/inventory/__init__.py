"""Stock levels."""

"""Unit tests of the documentation standards' analysis (rules/docstrings)."""

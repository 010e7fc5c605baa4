"""Unit tests of the complexity standards' analysis (rules/complexity)."""

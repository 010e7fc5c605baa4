"""A module with nothing to report."""

VALUE = 1

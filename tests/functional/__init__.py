"""Functional tests: the command line over sample projects."""

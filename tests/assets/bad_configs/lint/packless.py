"""A plugin module that forgot to define a RulePack."""

RULES = []

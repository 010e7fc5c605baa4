WIDE = "this file is excluded by the pyproject table, so it is not checked"

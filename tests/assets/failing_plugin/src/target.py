trigger = eval("1 + 1")
DESCRIPTION = "a line that is long enough to break the sixty limit"

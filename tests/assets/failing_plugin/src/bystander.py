result = eval("2")

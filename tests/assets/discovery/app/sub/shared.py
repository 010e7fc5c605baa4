LINE = "a line that is longer than forty characters"

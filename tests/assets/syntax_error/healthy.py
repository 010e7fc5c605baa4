MESSAGE = "this healthy file still has its own long line reported"

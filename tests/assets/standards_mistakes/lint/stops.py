"""A plugin that raises a BaseException of its own at import."""


class Stop(BaseException):
    """Not an Exception: ``except Exception`` does not catch it."""


raise Stop("the plugin stopped here")

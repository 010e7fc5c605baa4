"""The user's Ctrl-C, told apart from a ``KeyboardInterrupt`` that plugin code raises."""

from __future__ import annotations


class UserInterrupt(BaseException):
    """The user pressed Ctrl-C: the run ends, whatever code was running.

    The command line raises it from its SIGINT handler. Rule isolation
    contains anything a rule raises except this (and ``KeyboardInterrupt``,
    for programs that call the API without that handler).
    """

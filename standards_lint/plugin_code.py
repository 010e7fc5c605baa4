"""Plugin code, run contained: whatever it raises is a problem naming it.

Loading a rule pack runs its code. Whatever that code raises, ``SystemExit``
and ``KeyboardInterrupt`` included, is contained and reported as a problem
naming the pack, so a broken plugin can neither end the run nor hide the
standards file's other mistakes. The one exception is the user's own Ctrl-C:
a SIGINT that arrives while a pack loads is passed on to the handler that was
in place.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any, Final

#: What :func:`run_plugin_code` gives for plugin code that raised (it may return ``None``).
FAILED: Final = object()


class RegistryError(Exception):
    """Rule packs could not be loaded; ``problems`` says what and where."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def run_plugin_code(load: Callable[[], object], origin: str, problems: list[str]) -> object:
    """``load()``, or ``FAILED`` with a problem naming ``origin`` if it raised anything at all.

    ``BaseException`` is caught on purpose: a pack that calls ``sys.exit`` or
    raises ``KeyboardInterrupt`` at import must not end the run with its own
    exit code and no message. Only a real SIGINT from the user is passed on.
    """
    watch = _InterruptWatch()
    failure: BaseException | None
    with watch:
        try:
            loaded = load()
        except BaseException as error:  # noqa: BLE001 - plugin code is contained, see above
            failure = error
        else:
            failure = None
    if watch.pressed:
        watch.pass_on()
    if failure is None:
        return loaded
    message = str(failure)
    problems.append(
        f"{origin} failed to load: {type(failure).__name__}" + (f": {message}" if message else "")
    )
    return FAILED


class _InterruptWatch:
    """Tells the user's Ctrl-C apart from a ``KeyboardInterrupt`` that plugin code raises.

    While active (in the main thread, where Python delivers signals), SIGINT
    is caught by a handler that remembers it arrived; ``pass_on`` then gives
    it to the handler that was in place before, as if the watch had not been
    there. Outside the main thread no SIGINT can reach the plugin code, so any
    ``KeyboardInterrupt`` there is the plugin's own.
    """

    def __init__(self) -> None:
        self.pressed = False
        self._previous: Callable[[int, FrameType | None], Any] | None = None

    def __enter__(self) -> _InterruptWatch:
        if threading.current_thread() is threading.main_thread():
            previous = signal.getsignal(signal.SIGINT)
            # SIG_IGN and SIG_DFL are not callable: then Python raises no
            # KeyboardInterrupt for a SIGINT, and there is nothing to tell apart.
            if callable(previous):
                self._previous = previous
                signal.signal(signal.SIGINT, self._remember)
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Also undoes any SIGINT handler the plugin code installed.
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _remember(self, signum: int, frame: FrameType | None) -> None:
        self.pressed = True
        raise KeyboardInterrupt

    def pass_on(self) -> None:
        """Deliver the remembered SIGINT to the previous handler (which normally raises)."""
        if self._previous is not None:
            self._previous(signal.SIGINT, None)
        raise KeyboardInterrupt

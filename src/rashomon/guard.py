"""Guards that turn one unit's failure into a recorded reason, so the run goes on.

Per-article work runs under ``time_budget``: on the main thread of a process (the
local runner, each pool process) a SIGALRM timer interrupts an article that runs past
the budget; elsewhere (Dask worker threads, where signals cannot be set) the budget is
checked after each stage, so an article still cannot hold a batch for long without
being reported. ``failure_detail`` gives the one-line text recorded beside a code.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(Exception):
    """An article ran past its per-article time budget."""


def failure_detail(where: str, exc: BaseException, limit: int = 200) -> str:
    """``where: ExcType: message``, cut to ``limit`` characters (messages can be huge)."""
    return f"{where}: {type(exc).__name__}: {exc}"[:limit]


class Budget:
    """Seconds left for one article; ``check`` raises OverBudget once they are spent."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds if seconds > 0 else float("inf")

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise OverBudget(f"over {self.seconds:g} s")


def _on_alarm(signum: int, frame: object) -> None:
    raise OverBudget("interrupted by the time budget")


@contextmanager
def time_budget(seconds: float) -> Iterator[Budget]:
    """A Budget, enforced by an interval timer when this is the main thread."""
    budget = Budget(seconds)
    use_timer = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not use_timer:
        yield budget
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield budget
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

"""The per-article time budget: a timer on the main thread, a check elsewhere."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from rashomon.guard import Budget, OverBudget, failure_detail, time_budget


def test_the_timer_interrupts_python_work_on_the_main_thread():
    with pytest.raises(OverBudget), time_budget(0.2):
        while True:
            time.sleep(0.01)


def test_the_timer_is_cancelled_and_the_handler_restored():
    before = signal.getsignal(signal.SIGALRM)
    with time_budget(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_off_the_main_thread_the_budget_is_checked():
    caught = []

    def work() -> None:
        with time_budget(0.05) as budget:
            time.sleep(0.1)
            try:
                budget.check()
            except OverBudget as exc:
                caught.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert len(caught) == 1


def test_no_budget_never_runs_out():
    budget = Budget(0)
    budget.check()
    assert budget.deadline == float("inf")


def test_failure_detail_is_bounded():
    detail = failure_detail("quotes", ValueError("x" * 1000))
    assert detail.startswith("quotes: ValueError: x") and len(detail) == 200

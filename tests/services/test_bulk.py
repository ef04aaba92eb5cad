"""The cycle collector's pause is counted across threads: it runs again only when the
last holder lets go, and only if it ran before."""

from __future__ import annotations

import gc
import threading

import pytest

from app.services.bulk import hold_collector, paused_collector, release_collector


def test_the_collector_runs_again_only_after_the_last_holder() -> None:
    assert gc.isenabled()
    hold_collector()  # as the window's long task does
    entered, leave = threading.Event(), threading.Event()

    def service_step() -> None:  # a service's bulk step on another thread
        with paused_collector():
            entered.set()
            leave.wait(5)

    worker = threading.Thread(target=service_step)
    worker.start()
    entered.wait(5)
    release_collector(freeze=True)  # the long task ends first
    assert not gc.isenabled()  # the service step still holds it
    leave.set()
    worker.join(5)
    assert gc.isenabled()
    gc.unfreeze()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_release_without_hold_is_a_programming_error() -> None:
    with pytest.raises(RuntimeError):
        release_collector()

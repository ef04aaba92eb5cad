"""Work that builds tens of thousands of values at once (an import, the dashboard, the
report) pauses Python's cycle collector meanwhile.

Each collection of the oldest generation walks every live object; while a large
workbook or a year's records are being turned into values, the thresholds are crossed
again and again and the same objects are walked many times over (measured: a third of
the dashboard's time at 20,000 contracts, and a tenth of a 100,000-row import), and in
the window a collection holds the interpreter long enough to freeze it. These values
hold no reference cycles, so reference counting frees them as usual.

The pause is one for the whole process, counted: work in several threads at once (the
window's long tasks, a service's bulk step) holds it together, and the collector runs
again only when the last of them lets go.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pause:
    """The process's one counted pause (its state behind a lock)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.holders = 0
        self.was_enabled = False


_PAUSE = _Pause()


def hold_collector() -> None:
    """Pause the cycle collector until the matching :func:`release_collector`."""
    with _PAUSE.lock:
        if _PAUSE.holders == 0:
            _PAUSE.was_enabled = gc.isenabled()
            gc.disable()
        _PAUSE.holders += 1


def release_collector(*, freeze: bool = False) -> None:
    """Let go of one hold; the last one lets the collector run again as it was before.

    ``freeze``: the objects alive at that moment are first moved out of the collector's
    sight (``gc.freeze``), so the next collections do not walk the values just built;
    reference counting still frees them.
    """
    with _PAUSE.lock:
        if _PAUSE.holders == 0:
            raise RuntimeError("release_collector without hold_collector")
        _PAUSE.holders -= 1
        if _PAUSE.holders == 0 and _PAUSE.was_enabled:
            if freeze:
                gc.freeze()
            gc.enable()


@contextmanager
def paused_collector() -> Iterator[None]:
    """The cycle collector paused for the block (nested and concurrent use are fine)."""
    hold_collector()
    try:
        yield
    finally:
        release_collector()

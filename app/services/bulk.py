"""Work that builds tens of thousands of values at once (an import, the dashboard, the
report) pauses Python's cycle collector meanwhile.

Each collection of the oldest generation walks every live object; while a large
workbook or a year's records are being turned into values, the thresholds are crossed
again and again and the same objects are walked many times over (measured: a third of
the dashboard's time at 20,000 contracts, and a tenth of a 100,000-row import). These
values hold no reference cycles, so reference counting frees them as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    """Pause the cycle collector for the block (nested use is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

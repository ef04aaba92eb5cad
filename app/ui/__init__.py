"""The desktop window (PySide6 is imported only inside this package).

A guard runs before anything else here: PySide6 6.12 on Python 3.11 returns ``None``
from every void method (``update()``, ``setText()``, ``processEvents()`` …) without
taking a reference to it, so each call lowers ``None``'s reference count by one; after
a few thousand calls CPython frees ``None`` and the process dies ("none_dealloc", or
heap corruption later). Python 3.12 made ``None`` immortal, which hides the bug there.
On older Pythons we give ``None`` a reference count so large that no session can use it
up — the same effect as 3.12's immortality. ``tests/ui/test_refcount_guard.py`` shows
the bug and that the guard holds.
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 60


def _make_none_immortal() -> None:
    if sys.version_info >= (3, 12):
        return
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt: PyObject's first field
    if count.value < _HEADROOM // 2:
        count.value += _HEADROOM


_make_none_immortal()

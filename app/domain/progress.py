"""The two callbacks long work takes, named once for every layer: ``progress(done,
total)``, called now and then as the work goes on, and ``cancelled()``, asked between
steps (true: stop, leaving nothing half done). The window's task helper supplies both;
the command line passes none. Standard library only.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

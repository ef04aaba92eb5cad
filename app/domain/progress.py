"""The two callbacks long work takes, named once for every layer: ``progress(done,
total)``, called now and then as the work goes on, and ``cancelled()``, asked between
steps (true: stop, leaving nothing half done). The window's task helper supplies both;
the command line passes none. Standard library only.

Work made of stages (a supplier workbook: reading the file, checking its rows, writing
them) reports through :class:`StagedProgress`: one progress over the whole work that
only moves forward, with the stage last reported kept for a sentence beside the bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Stage:
    """Where staged work is: ``key`` names the stage (``reading``: sheets read of the
    file; ``checking``: rows checked; ``writing``: rows stored), ``done`` of ``total``
    counts its units, ``part`` names what is worked on (a sheet's name), if anything."""

    key: str
    done: int
    total: int
    part: str = ""


class StagedProgress:
    """Reports stages as one ``progress(done, SCALE)`` over the whole work.

    A stage spans a slice of the whole (:meth:`within` narrows the slice a part of the
    work may use, so a reader does not need to know whether writing follows). Callable
    as a plain :data:`Progress` too, so it passes wherever one is taken. ``current`` is
    the stage last reported; the window reads it when the progress arrives (a whole
    value replaced at once, so reading it from another thread is safe).
    """

    SCALE = 1000

    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress
        self.current: Stage | None = None
        self._at = 0
        self._span = (0.0, 1.0)
        self._parent: StagedProgress | None = None

    def __call__(self, done: int, total: int) -> None:
        if total > 0:
            self._report(done / total)

    def within(self, start: float, end: float) -> StagedProgress:
        """The same progress, its stages mapped into ``start``–``end`` of the current
        span (fractions); reports go to the same bar and the same ``current``."""
        low, high = self._span
        inner = StagedProgress(self.progress)
        inner._span = (low + (high - low) * start, low + (high - low) * end)
        inner._parent = self
        return inner

    def stage(self, stage: Stage, start: float = 0.0, end: float = 1.0) -> None:
        """Report ``stage``, which runs from ``start`` to ``end`` (fractions of this
        progress's span): at ``start`` with nothing done, at ``end`` when all is."""
        share = min(stage.done, stage.total) / stage.total if stage.total > 0 else 1.0
        self._root().current = stage
        self._report(start + (end - start) * share)

    def _root(self) -> StagedProgress:
        return self if self._parent is None else self._parent._root()

    def _report(self, fraction: float) -> None:
        low, high = self._span
        root = self._root()
        at = max(root._at, round((low + (high - low) * fraction) * self.SCALE))
        root._at = at
        if root.progress is not None:
            root.progress(at, self.SCALE)


def staged(progress: Progress | None) -> StagedProgress:
    """``progress`` as a :class:`StagedProgress` (itself when it is one already)."""
    return progress if isinstance(progress, StagedProgress) else StagedProgress(progress)

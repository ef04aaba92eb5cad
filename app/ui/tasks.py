"""The one way the window runs service calls: off the GUI thread, results posted back.

``tasks.run(fn, done=..., failed=..., write=...)`` runs ``fn()`` on a ``QThreadPool``
and calls ``done(result)`` or ``failed(error)`` on the GUI thread. Reads share the
global pool; writes go through a pool with a single thread, so two writes never race
for the database. Long work is a plain function taking ``progress(done, total)`` and
``cancelled()``: pass ``long=True`` and the helper supplies both; progress reaches the
GUI at most every ``PROGRESS_INTERVAL``, so a loop over many rows cannot flood the event
loop.

Worker threads and the GUI thread share the interpreter lock; the helper sets nothing
process-wide to favour either (``bench_ui_stall`` shows the largest event-loop gap that
long work leaves). What keeps the window breathing is the shape of the work: a task that
makes tens of thousands of objects and keeps them (a list of every row of a sheet, a
tuple per row to insert) sets off a full collection of the whole heap, which holds the
lock for as long as it takes; long work therefore takes rows as they come and hands
them on in batches, keeping only what its result needs.

Tests construct ``Tasks(inline=True)``: the same calls run at once, in order, on the
calling thread, so a test reads like a user's click followed by its result.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Literal, TypeVar, overload

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.domain.progress import Cancelled, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_INTERVAL = 0.05


class TaskCancelled(Exception):
    """Raised by long work when the user cancelled it."""


class Task(QObject):
    """One running piece of work. Lives on the GUI thread; its signals carry the result
    back from the worker (queued connections, because the receiver lives here)."""

    _finished = Signal(object)
    _failed = Signal(object)
    _progressed = Signal(int, int)

    def __init__(
        self,
        owner: Tasks,
        done: Callable[[Any], None] | None,
        failed: Callable[[BaseException], None] | None,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._done = done
        self._failed_callback = failed
        self._progress_callback = progress
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.running = True
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)
        self._progressed.connect(self._on_progressed)

    # -- worker side ---------------------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """Progress from the worker, throttled (the last step always gets through)."""
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self._progressed.emit(done, total)

    # -- GUI side ----------------------------------------------------------------------
    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        self.running = False
        self._owner.forget(self)
        if self._done is not None and not self._owner.closed:
            self._done(result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.running = False
        self._owner.forget(self)
        if self._owner.closed:  # the window is closing: no callbacks into it
            return
        if self._failed_callback is not None:
            self._failed_callback(error)
        else:
            self._owner.unhandled(error)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._progress_callback is not None and self.running:
            self._progress_callback(done, total)


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[[], Any]) -> None:
        super().__init__()
        self._task = task
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # everything goes back to the GUI, nothing is lost
            if not isinstance(error, TaskCancelled):
                log.debug("task failed", exc_info=True)
            self._task._failed.emit(error)
        else:
            self._task._finished.emit(result)


class Tasks(QObject):
    """Runs service calls off the GUI thread (see the module docstring)."""

    busy_changed = Signal(bool)

    def __init__(
        self, inline: bool = False, on_error: Callable[[BaseException], None] | None = None
    ) -> None:
        super().__init__()
        self.inline = inline
        self._reads = QThreadPool.globalInstance()
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._running: set[Task] = set()
        self._on_error = on_error
        self.closed = False

    def set_error_handler(self, handler: Callable[[BaseException], None]) -> None:
        self._on_error = handler

    @overload
    def run(
        self,
        fn: Callable[[], T],
        *,
        done: Callable[[T], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        write: bool = False,
        long: Literal[False] = False,
    ) -> Task: ...

    @overload
    def run(
        self,
        fn: Callable[[Progress, Cancelled], T],
        *,
        done: Callable[[T], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        write: bool = False,
        long: Literal[True],
    ) -> Task: ...

    def run(
        self,
        fn: Callable[..., Any],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        write: bool = False,
        long: bool = False,
    ) -> Task:
        """Run ``fn()`` in the background and hand its result to ``done`` on the GUI
        thread; with ``long=True`` it is called as ``fn(progress, cancelled)``. The
        overloads let mypy check the result's type against ``done``. Returns the task
        (``cancel()`` asks it to stop)."""
        task = Task(self, done, failed, progress)
        work: Callable[[], Any] = (lambda: fn(task.report, task.cancelled)) if long else fn
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        if self.inline:
            try:
                result = work()
            except BaseException as error:
                if isinstance(error, KeyboardInterrupt | SystemExit):
                    raise
                task._on_failed(error)
            else:
                task._on_finished(result)
            return task
        (self._writes if write else self._reads).start(_Runnable(task, work))
        return task

    def forget(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def unhandled(self, error: BaseException) -> None:
        if self._on_error is not None:
            self._on_error(error)
        else:
            log.error("unhandled task error", exc_info=error)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until all work is done (shutdown and tests only)."""
        return self._writes.waitForDone(msecs) and self._reads.waitForDone(msecs)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def shutdown(self, msecs: int = -1) -> bool:
        """The window is closing: cancel all work, wait for the workers to stop (long
        work stops at its next check), and drop the results still on their way, so no
        callback reaches a closed window and no worker runs Python while the
        interpreter ends. (Workers alive at exit, or a result shown in a message box
        after the window had gone, could end the process with a crash.)"""
        self.closed = True
        self.cancel_all()
        return self.wait(msecs)

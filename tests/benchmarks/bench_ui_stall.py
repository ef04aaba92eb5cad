"""The event loop during a supplier workbook's check and import, and during the report.

Run: ``.venv/bin/python tests/benchmarks/bench_ui_stall.py [ministry|stress|ROWS] [--why]``
(ministry: a submission of 1,000 rows; stress: 100,000, the default). The real window
(offscreen) with the real task helper runs the import dialog's check and import and the
Rapportage screen's calculation, while a 10 ms timer probes the event loop; it prints
the largest gap for each, against the same probe with nothing running (the baseline),
and the ratio. The target is a largest gap below 100 ms.

``--why`` (a diagnosis, not part of the figure): the garbage collections that overlapped
each of the largest gaps, with the thread that ran them and their CPU time. A collection
holds the interpreter lock; a gap with none overlapping it is the GUI thread waiting for
the lock or for a core.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


SCALES = {"ministry": 1_000, "stress": 100_000}
"""Rows in the supplier workbook at each scale."""


class Collections:
    """Every garbage collection while installed: when, which generation, in which
    thread, and its CPU time in that thread (diagnosis only: ``gc.callbacks``)."""

    def __init__(self) -> None:
        import gc
        import threading

        self.done: list[tuple[float, float, int, str, float]] = []
        self._started: dict[int, tuple[float, float]] = {}
        self._threading = threading
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        thread = self._threading.current_thread()
        if phase == "start":
            self._started[thread.ident or 0] = (now, cpu)
            return
        began, cpu_began = self._started.pop(thread.ident or 0, (now, cpu))
        self.done.append((began, now, info["generation"], thread.name, cpu - cpu_began))

    def during(self, begin: float, end: float) -> list[str]:
        """The collections (over 1 ms) that overlapped ``begin``-``end``, in words."""
        return [
            f"generation {generation} in {thread}: {(stop - start) * 1000:.0f} ms "
            f"({cpu * 1000:.0f} ms CPU)"
            for start, stop, generation, thread, cpu in self.done
            if stop > begin and start < end and stop - start > 0.001
        ]


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--why"]
    collections = Collections() if "--why" in sys.argv[1:] else None
    scale = args[0] if args else "stress"
    rows = SCALES[scale] if scale in SCALES else int(scale)
    home = Path(tempfile.mkdtemp(prefix="isv-bench-stall-"))
    os.environ["ISV_ASSISTENT_HOME"] = str(home)
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from app.ui.application import make_application

    app = make_application()  # noqa: F841 - keeps the application alive
    from ui.stall import StallProbe, big_workbook

    from app.domain.values import IsvDecision
    from app.services import registry
    from app.ui.i18n import Language
    from app.ui.import_dialog import ImportDialog
    from app.ui.main_window import MainWindow

    def wait(condition: object, limit: float = 1800) -> None:
        started = time.perf_counter()
        while not condition():  # type: ignore[operator]
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.002)
            if time.perf_counter() - started > limit:
                raise TimeoutError

    language = Language()
    language.install("nl")
    window = MainWindow(db_location=str(home / "stall.sqlite"), language=language, offer_demo=False)
    window.show()
    window.open_database()
    wait(lambda: window.ctx is not None and window.pages and window.warmed)
    ctx = window.ctx
    registry.register_tender(
        ctx,
        ref="T-1",
        title="Kleding",
        category="bedrijfskleding",
        kind="supplies",
        value=500_000,
        published=dt.date(2025, 9, 1),
        decision=IsvDecision(True, None, "contract-condition"),
    )
    registry.add_contract(
        ctx,
        ref="C-1",
        tender_ref="T-1",
        supplier="Textiel B.V.",
        supplier_country="NL",
        start=dt.date(2026, 1, 1),
        end=dt.date(2028, 12, 31),
    )
    started = time.perf_counter()
    source = big_workbook(home / "groot.xlsx", "C-1", rows)
    print(f"workbook with {rows} rows written in {time.perf_counter() - started:.1f} s")

    def measured(label: str, start: object, done: object) -> float:
        loaded = set(sys.modules)
        probe = StallProbe()
        probe_started = time.perf_counter()
        probe.start()
        began = time.perf_counter()
        start()  # type: ignore[operator]
        on_gui = time.perf_counter() - began
        wait(done)
        worst = probe.stop()
        first_time = sorted(
            m for m in set(sys.modules) - loaded if "." not in m or m.startswith("app")
        )
        if first_time:
            print(f"           imported on first use: {', '.join(first_time)}")
        print(
            f"{label:10s} {time.perf_counter() - began:6.1f} s   largest gap {worst:5.0f} ms"
            f"   (largest gaps ms @ s: {probe.worst()}; starting took {on_gui * 1000:.0f} ms "
            "on the GUI thread)"
        )
        for gap, at in probe.worst() if collections is not None else ():
            end = probe_started + at
            overlapping = collections.during(end - gap / 1000, end)  # type: ignore[union-attr]
            print(f"           gap of {gap} ms: " + ("; ".join(overlapping) or "no collection"))
        return worst

    idle = measured("idle", lambda: None, lambda: True)
    wait_until = time.perf_counter() + 2
    probe = StallProbe()
    probe.start()
    wait(lambda: time.perf_counter() > wait_until)
    idle = max(idle, probe.stop())
    dialog = ImportDialog(window, "C-1")
    dialog.show()
    dialog.path.setText(str(source))
    worst = {"check": measured("check", dialog.check, lambda: dialog.check_result is not None)}
    checked = dialog.check_result
    print(f"           {len(checked.errors)} errors, {len(checked.warnings)} warnings")
    # The user reads the check's result before clicking Importeren: the result's layout
    # and paint (queued when the result arrived) are done before the import starts.
    settled = time.perf_counter() + 0.3
    wait(lambda: time.perf_counter() > settled)
    before = dialog.summary.text()
    from app.ui import widgets

    widgets.ask = lambda *_args, **_kw: True  # import despite warnings
    worst["import"] = measured(
        "import", dialog.do_import, lambda: dialog.task is None and dialog.summary.text() != before
    )
    print(f"           {dialog.summary.text()}")
    view = window.show_page("reporting").view
    view.year.setValue(2026)
    worst["report"] = measured("report", view.compute, lambda: view.report is not None)
    print(f"idle baseline largest gap {idle:.0f} ms")
    for label, value in worst.items():
        print(
            f"{label:10s} largest gap {value:5.0f} ms = {value / max(idle, 1):.1f}x idle "
            f"({'ok' if value < 100 else 'OVER 100 ms'})"
        )
    window.tasks.wait()
    window.ctx.db.dispose()
    shutil.rmtree(home, ignore_errors=True)  # 20 MB of database and workbook per run
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A second window, as a separate process: registers tenders and records a decision
change through the services, over and over, on the database given.

Usage: ``python tests/trust/worker.py DB NAME COUNT``. Prints one JSON line:
``{"ok": n, "in_use": n, "conflict": n, "other": [...]}``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys


def main() -> int:
    location, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    from app.domain.errors import ConflictError, StorageError
    from app.domain.values import IsvDecision
    from app.services import registry
    from app.services.context import open_context

    ctx = open_context(location, lang="en", actor=name)
    tally: dict[str, object] = {"ok": 0, "in_use": 0, "conflict": 0, "other": []}
    other: list[str] = tally["other"]  # type: ignore[assignment]
    try:
        for i in range(count):
            ref = f"{name}-{i:04d}"
            try:
                registry.register_tender(
                    ctx,
                    ref=ref,
                    title=f"Aanbesteding {i} van {name}",
                    category="ict-werkomgeving",
                    kind="supplies",
                    value=200_000 + i,
                    published=dt.date(2026, 3, 1),
                    organisation="Ministerie van Gedeeld Werk",
                )
                registry.record_decision(
                    ctx, ref, IsvDecision(True, form="contract-condition"), expected_version=None
                )
                tally["ok"] = int(tally["ok"]) + 1  # type: ignore[call-overload]
            except StorageError as exc:
                if exc.code == "database_in_use":
                    tally["in_use"] = int(tally["in_use"]) + 1  # type: ignore[call-overload]
                else:
                    other.append(f"{exc.code} {exc.params}")
            except ConflictError:
                tally["conflict"] = int(tally["conflict"]) + 1  # type: ignore[call-overload]
            except Exception as exc:  # reported, so the test shows what went wrong
                other.append(f"{type(exc).__name__}: {exc}")
    finally:
        ctx.db.dispose()
    sys.stdout.write(json.dumps(tally) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

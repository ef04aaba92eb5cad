"""The submission digest is one function for rows given column by column (an import)
and row by row (verify reading them back): both give the same hash, in key order."""

from __future__ import annotations

import datetime as dt

from app.persistence.integrity import MEASURE_COLUMNS, submission_digest, table_digest


def _measures() -> list[dict[str, object]]:
    return [
        {
            "measure_key": key,
            "risk_key": "R1",
            "description": f"maatregel {key}",
            "owner": None,
            "start": start,
            "due": dt.date(2026, 12, 31),
            "status": "planned",
            "progress": progress,
            "evidence_name": None,
        }
        for key, start, progress in (
            ("M10", dt.date(2026, 1, 1), 10.0),
            ("M2", None, None),
            ("M1", dt.date(2025, 2, 28), 100.0),
        )
    ]


def test_columns_and_rows_give_the_same_digest() -> None:
    rows = _measures()
    columns = {name: tuple(row[name] for row in rows) for name in MEASURE_COLUMNS}
    assert table_digest(columns, "measure_key", MEASURE_COLUMNS) == table_digest(
        rows, "measure_key", MEASURE_COLUMNS
    )
    assert submission_digest({}, [], columns) == submission_digest([], [], rows)


def test_digest_follows_key_order_and_every_value() -> None:
    rows = _measures()
    digest = table_digest(rows, "measure_key", MEASURE_COLUMNS)
    assert table_digest(list(reversed(rows)), "measure_key", MEASURE_COLUMNS) == digest
    changed = [dict(row) for row in rows]
    changed[1]["start"] = dt.date(2026, 1, 2)  # a date where there was none
    assert table_digest(changed, "measure_key", MEASURE_COLUMNS) != digest
    changed = [dict(row) for row in rows]
    changed[0]["due"] = dt.date(2027, 1, 1)
    assert table_digest(changed, "measure_key", MEASURE_COLUMNS) != digest


def test_digest_is_the_hash_of_one_json_array_whatever_the_number_of_rows() -> None:
    import hashlib
    import json

    from app.persistence.audit import values_digest

    for count in (0, 1, 1_999, 2_000, 2_001, 4_500):
        rows = [[f"S{n}", n, float(n) / 3, None, "Ürümqi \u4e2d"] for n in range(count)]
        whole = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        assert values_digest(rows) == hashlib.sha256(whole.encode("utf-8")).hexdigest()
        # rows given one at a time (never all held at once) give the same digest
        assert values_digest(iter(rows)) == values_digest(rows)

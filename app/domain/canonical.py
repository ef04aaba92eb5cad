"""The one canonical JSON text behind every checksum and hash: the audit trail's entries,
the digests of imported workbooks, the fingerprint and checksum of a yearly report and
its export. Sorted keys, no spaces, UTF-8 as it is; dates, times and decimals as text. A
change here would fail every checksum and hash already made, so it is written once.
Standard library only.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any


def json_value(value: Any) -> Any:
    """A date, time or decimal as its JSON text (the one conversion for hashing)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


def canonical_text(data: Any) -> str:
    """``data`` as its canonical JSON text."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=json_value
    )

"""The characters text may not hold, wherever it enters (a small module of its own: the
command line checks every argument with it before anything else is loaded)."""

from __future__ import annotations

import re

# What XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE and U+FFFF), and
# the other non-characters, which have no meaning in text interchange. Text holding one
# is refused where it enters (a workbook cell, a command-line argument, a form field, a
# merged export); every writer drops them anyway (app.io.xlsx_safe).
NOT_XML = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
    )
    + "]"
)

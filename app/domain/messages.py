"""The message catalog: error and reason codes turned into sentences in Dutch or English.

Catalog files are JSON objects ``{code: {"nl": "...", "en": "..."}}`` with ``{name}``
placeholders (``str.format``). Several files may be merged; a code defined twice is an
error, so each part of the application owns its own file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from app.domain.errors import IsvError, ReferenceDataError
from app.domain.formatting import format_date, format_number

LANGUAGES = ("nl", "en")


class Catalog:
    def __init__(self, entries: Mapping[str, Mapping[str, str]]) -> None:
        self._entries = dict(entries)

    @classmethod
    def from_json_files(cls, files: Iterable[tuple[str, str]]) -> Catalog:
        entries: dict[str, Mapping[str, str]] = {}
        for name, text in files:
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ReferenceDataError(
                    "reference_data_invalid", file=name, field=f"line {exc.lineno}", problem=exc.msg
                ) from None
            for code, texts in data.items():
                if code.startswith("_"):
                    continue
                if code in entries:
                    raise ReferenceDataError(
                        "reference_data_invalid",
                        file=name,
                        field=code,
                        problem="defined in two catalog files",
                    )
                if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
                    raise ReferenceDataError(
                        "reference_data_invalid",
                        file=name,
                        field=code,
                        problem="needs exactly the keys nl and en",
                    )
                entries[code] = texts
        return cls(entries)

    def has(self, code: str) -> bool:
        return code in self._entries

    def codes(self) -> set[str]:
        return set(self._entries)

    def text(self, code: str, lang: str = "nl", **params: Any) -> str:
        """The sentence for ``code``; unknown codes fall back to the code itself with its
        parameters, so a missing entry is visible, never silent."""
        entry = self._entries.get(code)
        shown = {k: _show(v, lang) for k, v in params.items()}
        if entry is None:
            details = ", ".join(f"{k}={v}" for k, v in shown.items())
            return f"{code} ({details})" if details else code
        template = apply_plurals(entry.get(lang) or entry["nl"], params)
        try:
            return template.format(**shown)
        except (KeyError, IndexError):
            return template

    def error(self, exc: IsvError, lang: str = "nl") -> str:
        return self.text(exc.code, lang, **exc.params)


_PLURAL = re.compile(r"\{(\w+)\|((?:[^|{}]|\{\w+\})*)\|((?:[^|{}]|\{\w+\})*)\}")


def apply_plurals(template: str, params: Mapping[str, Any]) -> str:
    """``{n|waarschuwing|waarschuwingen}`` becomes the first word when ``n`` is 1, else
    the second: Dutch and English both say "1 waarschuwing", "0 waarschuwingen"."""
    return _PLURAL.sub(
        lambda m: m.group(2) if params.get(m.group(1)) == 1 else m.group(3), template
    )


def _show(value: Any, lang: str) -> str:
    if callable(getattr(value, "text", None)):  # a labelled code (Label): its words
        return str(value.text(lang))
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) and abs(value) < 10000:  # years, rows, counts: no grouping
        return str(value)
    if isinstance(value, Decimal | int):
        number = Decimal(value)
        decimals = 0 if number == number.to_integral_value() else 2
        return format_number(number, lang, decimals)
    if isinstance(value, float):
        return format_number(Decimal(str(value)), lang, 2)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return str(value)

"""The yearly report's summary in plain sentences, made from the report's own totals.

Every number in a sentence is a placeholder naming a figure code, filled from
``report.totals`` and nothing else, so the summary cannot say something the tables and
the JSON do not (:func:`sentence_figures` lists the codes of each sentence for the test
that compares them). Placeholders:

- ``<code>``: the figure as a number; ``<code:eur>``: as money;
- ``<part/whole:pct>``: the share of two figures;
- ``<code|one|many>``: the number with the singular or plural noun;
- ``<code?one|many>``: only the word that agrees with the number (a verb).

The sentences are the message catalogue's ``report_text_summary_*`` entries; the PDF and
the DOCX report both print them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from app.domain.formatting import format_money, format_number, format_percent
from app.domain.languages import known
from app.domain.report import YearReport
from app.io.report_words import report_word

_PLACEHOLDER = re.compile(
    r"<(?P<code>[a-z_]+)(?:/(?P<whole>[a-z_]+))?(?::(?P<fmt>eur|pct))?"
    r"(?:(?P<sep>[|?])(?P<one>[^|>]*)\|(?P<many>[^>]*))?>"
)

SENTENCES = ("tenders", "mandatory", "voluntary", "texts", "contracts", "follow_up", "signals")
"""The summary's sentences in their order: the catalogue's ``report_text_summary_<name>``."""


_NO_WORDS = {"year": "", "version": "", "counted": ""}


def _template(name: str, lang: str, **words: Any) -> str:
    return report_word("text", f"summary_{name}", lang, **words)


def _fill(template: str, totals: Mapping[str, int], lang: str) -> str:
    def one(match: re.Match[str]) -> str:
        value = totals.get(match["code"], 0)
        if match["fmt"] == "pct":
            whole = totals.get(match["whole"] or "", 0)
            return format_percent(100 * value / whole, lang) if whole else "–"
        if match["fmt"] == "eur":
            return format_money(Decimal(value).scaleb(-2), lang).replace(" ", "\u00a0")
        noun = ""
        if match["sep"]:
            noun = match["one"] if value == 1 else match["many"]
            if match["sep"] == "?":
                return noun
        number = format_number(value, lang)
        return f"{number} {noun}" if noun else number

    return _PLACEHOLDER.sub(one, template)


def summary_sentences(report: YearReport, lang: str) -> list[str]:
    """The summary of ``report`` in ``lang``, every number taken from its totals."""
    lang = known(lang)
    words = {
        "year": str(report.year),
        "version": report.current_clause_version,
        "counted": report_word("text", f"counted_{report.basis}", lang),
    }
    sentences = [_fill(_template(name, lang, **words), report.totals, lang) for name in SENTENCES]
    unknown = len(report.award_date_unknown)
    if unknown:
        sentences.append(
            _template(
                "award_unknown",
                lang,
                n=format_number(unknown, lang),
                count=unknown,
                year=str(report.year),
            )
        )
    return sentences


def sentence_figures(lang: str) -> list[list[tuple[str, str | None, str | None]]]:
    """Per sentence: the figures it shows, as ``(code, whole, format)``; a word that only
    agrees with a number (``?``) is left out."""
    result = []
    for name in SENTENCES:
        result.append(
            [
                (m["code"], m["whole"], m["fmt"])
                for m in _PLACEHOLDER.finditer(_template(name, known(lang), **_NO_WORDS))
                if m["sep"] != "?"
            ]
        )
    return result

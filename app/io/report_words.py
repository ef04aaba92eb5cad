"""The words of the yearly report's documents (PDF, Excel, Word), looked up in the message
catalogue (``resources/messages/report_words.json``), like every other sentence of the
core and the command line.

A word the documents share is the entry ``report_text_<key>``; a document that words a
thing its own way has ``report_<document>_<key>`` (``report_xlsx_generated``: the Excel's
shorter "Aangemaakt"), which is found first. A key neither entry has is an error, so a
missing word fails the report's tests instead of printing a code.
"""

from __future__ import annotations

from typing import Any

from app import locator
from app.domain.reference import Reference
from app.domain.report_figures import FIGURE_BY_CODE


def report_word(document: str, key: str, lang: str, **params: Any) -> str:
    """The word ``key`` of ``document`` (``pdf``, ``xlsx``, ``docx`` or ``text`` for the
    shared words only) in ``lang``, with its ``{placeholders}`` filled."""
    catalog = locator.catalog()
    code = f"report_{document}_{key}"
    if not catalog.has(code):
        code = f"report_text_{key}"
        if not catalog.has(code):
            raise KeyError(f"the report word {key!r} ({document}) is not in the catalogue")
    return catalog.text(code, lang, **params)


def figure_name(code: str, reference: Reference, lang: str) -> str:
    """The name of a figure of the report, or of an escalation step counted as one
    (``escalation_<step>``); an unknown code as it is."""
    figure = FIGURE_BY_CODE.get(code)
    if figure is not None:
        return figure.name(lang)
    if code.startswith("escalation_"):
        return reference.label("escalation_steps", code.removeprefix("escalation_"), lang)
    return code

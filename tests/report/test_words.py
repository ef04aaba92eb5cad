"""The report's words come from the message catalogue: a year in a heading reads as a
year (the catalogue formats numbers with grouping, "2.026", unless told otherwise), and a
word the catalogue lacks is an error, not a code printed in a document."""

from __future__ import annotations

import io
from typing import Any

import pytest

from app.io.report_words import report_word
from app.services import reporting


@pytest.mark.parametrize(
    ("lang", "title"), [("nl", "ISV-jaarrapportage 2026"), ("en", "ISV yearly report 2026")]
)
def test_a_year_in_the_headings_reads_as_a_year(year_db: Any, lang: str, title: str) -> None:
    import docx
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from app.io.report_docx import render_report_docx
    from app.io.report_pdf import render_report_pdf
    from app.io.report_xlsx import render_report_xlsx

    report = reporting.year_report(year_db, 2026)
    pdf = PdfReader(io.BytesIO(render_report_pdf(report, year_db.reference, lang)))
    cover = pdf.pages[0].extract_text()
    assert title in cover
    assert pdf.metadata is not None and pdf.metadata.title == title
    footer = pdf.pages[1].extract_text()
    assert "2026" in footer and "2.026" not in footer and "2,026" not in footer
    book = load_workbook(io.BytesIO(render_report_xlsx(report, year_db.reference, lang)))
    assert book.worksheets[0]["A1"].value == title
    document = docx.Document(io.BytesIO(render_report_docx(report, year_db.reference, lang)))
    assert document.paragraphs[0].text == title
    assert document.core_properties.title == title


def test_a_document_finds_its_own_wording_before_the_shared_one() -> None:
    assert report_word("xlsx", "generated", "nl") == "Aangemaakt"
    assert report_word("pdf", "generated", "nl") == "Aangemaakt op"
    assert report_word("docx", "generated", "en") == "Generated on"


def test_a_word_missing_from_the_catalogue_is_an_error() -> None:
    with pytest.raises(KeyError, match="no_such_word"):
        report_word("pdf", "no_such_word", "nl")

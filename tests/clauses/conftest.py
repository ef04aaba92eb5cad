"""Helpers for the ISV text tests: parameters, rendering all three formats from one text
model, and reading each format back with its own library (never by inspecting bytes)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from app import locator
from app.domain.clauses import ClauseParameters, texts_for, validate_parameters
from app.io.clauses import ClauseDocument, build_document
from app.services.registry import CURRENT_CLAUSE_VERSION

TITLE = 'Werkkleding "Zoë" & <b>Łódź</b> *ő* _ï_ #1 é ü €'
"""A tender title with markup characters of every format and the Dutch/Latin letters
that Helvetica lacks: it must come back literally from DOCX, PDF and Markdown."""


def make_params(**changes: object) -> ClauseParameters:
    values: dict[str, object] = {
        "authority": "Ministerie van Binnenlandse Zaken & Koninkrijksrelaties",
        "tender_ref": "BZK-2026/017",
        "tender_title": TITLE,
        "category_code": "bedrijfskleding",
        "category_set": "tien-2017",
        "form": "contract-condition",
        "acceptance": "implicit",
        "generated_on": dt.date(2026, 11, 25),
        "contract_refs": ("C-2026-01",),
        "plan_months": 4,
        "report_month": 5,
        "penalty": Decimal(7500),
        "independent_check": True,
        "contact_role": "contractbeheerder",
    }
    values.update(changes)
    return validate_parameters(ClauseParameters(**values))  # type: ignore[arg-type]


def make_document(
    params: ClauseParameters, lang: str = "nl", texts: tuple[str, ...] | None = None
) -> ClauseDocument:
    chosen = texts if texts is not None else texts_for(params.form, params.acceptance)
    return build_document(
        params,
        chosen,
        lang,
        reference=locator.reference(),
        countries=locator.countries(),
        version=CURRENT_CLAUSE_VERSION,
    )


def normalise(text: str) -> str:
    """One line, single spaces (no-break spaces too), for phrase checks."""
    return " ".join(text.replace("\u00a0", " ").split())


def docx_text(data: bytes) -> str:
    """All text of a DOCX as python-docx reads it: body paragraphs and table cells."""
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return normalise("\n".join(parts))


PAGE_LINE = re.compile(r"(Pagina|Page) \d+ (van|of) \d+")


def strip_footers(pages: list[str], footer: str) -> str:
    """Page texts joined without the running footer, so a phrase that crosses a page
    break reads as one."""
    return normalise(" ".join(PAGE_LINE.sub(" ", page).replace(footer, " ") for page in pages))


def pypdf_text(data: bytes, footer: str) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return strip_footers([page.extract_text() or "" for page in reader.pages], footer)


def pdftotext_text(path: Path, footer: str, *, layout: bool = False) -> str:
    """Poppler's text; ``layout`` keeps each printed line together (reading order by
    position), which is what to compare between two programs' PDFs."""
    command = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return strip_footers(out.split("\f"), footer)


MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_text(data: bytes) -> str:
    """Markdown source with CommonMark backslash escapes resolved (what a reader sees)."""
    return normalise(MD_ESCAPE.sub(r"\1", data.decode("utf-8")))


@dataclass
class Rendered:
    document: ClauseDocument
    docx: bytes
    pdf: bytes
    md: bytes


@pytest.fixture
def render_all() -> Callable[[ClauseDocument], Rendered]:
    from app.io.clauses_pdf import render_pdf
    from app.io.docx_render import render_docx
    from app.io.md_render import render_markdown

    def render(document: ClauseDocument) -> Rendered:
        return Rendered(
            document, render_docx(document), render_pdf(document), render_markdown(document)
        )

    return render


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdffonts) not installed"
)

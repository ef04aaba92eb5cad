"""Safe exports everywhere: the same hostile strings go through every writer the
application has — the supplier workbook template, the feedback workbook, the yearly
report (Excel and PDF) and the clause documents (PDF, DOCX, Markdown). Workbook cells
read back by openpyxl are strings equal to what the writer was given and never
formulas; PDF text shows markup characters literally; DOCX and Markdown keep the text.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from app import locator
from app.domain.values import IsvDecision
from app.io.workbook_template import TemplateData, write_template
from app.io.xlsx_safe import set_text
from app.services import clauses, registry, reporting, submissions
from app.services.context import Context

FORMULA = "=cmd|' /C calc'!A0"
MARKUP = "<b>markup</b> &amp; & < >"
LONG = ("Lange tekst met =SOM(A1) en <i>opmaak</i> & meer; " * 100)[:5000]
WORLD = "中文 العربية Zoë Łódź"
HOSTILE = [FORMULA, "+SUM(1)", "-1+2", "@A1", "\tTAB", "\rCR", "\nLF", MARKUP, LONG, WORLD]
"""The hostile strings, the same for every writer."""


def _cells(data: bytes) -> list[Any]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [
        cell
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def _assert_literal_in_workbook(data: bytes, expected: list[str]) -> None:
    """No formula anywhere; every expected text is a string cell, exactly."""
    cells = _cells(data)
    formulas = [(c.parent.title, c.coordinate, c.value) for c in cells if c.data_type == "f"]
    assert formulas == []
    texts = {c.value for c in cells if c.data_type == "s"}
    for text in expected:
        assert text in texts, repr(text[:40])


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _pdf_text(data: bytes, tmp_path: Path) -> list[str]:
    """The PDF's text twice: as pypdf reads it and as pdftotext does (when installed)."""
    texts = [_words(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))]
    if shutil.which("pdftotext"):
        source = tmp_path / "read.pdf"
        source.write_bytes(data)
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(source), "-"], capture_output=True, check=True
        )
        texts.append(_words(done.stdout.decode("utf-8")))
    return texts


def _assert_literal_in_pdf(data: bytes, tmp_path: Path, expected: list[str]) -> None:
    for text in _pdf_text(data, tmp_path):
        for value in expected:
            if value == WORLD:  # reportlab draws Arabic unshaped: its letters, in any order
                assert "中文" in text and "Zoë Łódź" in text
                assert set("العربية") <= set(text)
                continue
            assert _words(value) in text, repr(value[:40])
        assert "markup</b> &amp; & <" in text  # the markup string, characters as typed
        assert "&lt;" not in text and "&amp;amp;" not in text  # never escaped twice


# -- the supplier workbook template -------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE, ids=range(len(HOSTILE)))
def test_template_writes_hostile_text_as_text(hostile: str) -> None:
    data = write_template(
        TemplateData(
            contract_ref=hostile,
            supplier_name=hostile,
            supplier_kvk=None,
            supplier_country="NL",
            period_from=dt.date(2026, 1, 1),
            period_to=dt.date(2026, 12, 31),
        ),
        locator.reference(),
        locator.countries(),
        locator.catalog(),
    )
    _assert_literal_in_workbook(data, [hostile])


def test_template_of_a_registered_contract(ctx: Context) -> None:
    """The same through the service: what the application stored is what the cell says."""
    registry.register_tender(
        ctx,
        ref="T-1",
        title=MARKUP,
        category="bedrijfskleding",
        kind="supplies",
        value=500_000,
        published=dt.date(2025, 9, 1),
    )
    names = []
    for i, hostile in enumerate(HOSTILE):
        contract = registry.add_contract(
            ctx,
            ref=f"{hostile.strip()[:90]}-{i}",
            tender_ref="T-1",
            supplier=hostile[:300],
            supplier_country="NL",
            start=dt.date(2026, 1, 1),
            end=dt.date(2027, 12, 31),
        )
        data = submissions.template_bytes(ctx, contract.ref)
        _assert_literal_in_workbook(data, [contract.ref, contract.supplier.name])
        names.append(contract.supplier.name)
    assert FORMULA in names and WORLD in names


# -- the feedback workbook ----------------------------------------------------------------


def _hostile_supplier_workbook(path: Path) -> Path:
    """A supplier's workbook with every hostile string in free-text cells, stored as text
    cells (a supplier's spreadsheet program can do that), and one in a severity cell,
    which the check refuses, so the feedback has a problem to show with it."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    info = wb.create_sheet("Leverancier")
    for row in (
        ["Gegeven", "Waarde"],
        ["Naam leverancier", "Textiel B.V."],
        ["KvK-nummer", "12345678"],
        ["Land van vestiging", "Nederland"],
        ["Contractreferentie", "C-1"],
        ["Rapportageperiode van", dt.date(2026, 1, 1)],
        ["Rapportageperiode tot", dt.date(2026, 12, 31)],
        ["Contactpersoon", "Anna de Vries"],
        ["E-mail", "anna@textiel.example"],
        ["Datum ondertekening", dt.date(2026, 2, 1)],
        ["Ondertekend door", "B. Jansen"],
        ["Klachtenmechanisme", "Ja"],
    ):
        info.append(row)
    keten = wb.create_sheet("Keten")
    keten.append(["Locatie-ID", "Naam locatie", "Land", "Plaats", "Schakel", "Product of dienst"])
    risico = wb.create_sheet("Risico's")
    risico.append(
        ["Risico-ID", "Locatie-ID", "Thema", "Omschrijving", "Ernst", "Waarschijnlijkheid", "Bron"]
    )
    maatregel = wb.create_sheet("Maatregelen")
    maatregel.append(
        [
            "Maatregel-ID",
            "Risico-ID",
            "Omschrijving",
            "Verantwoordelijke",
            "Startdatum",
            "Einddatum",
            "Status",
        ]
    )
    for i, hostile in enumerate(HOSTILE, start=2):
        keten.append([f"S{i}", None, "BD", "Dhaka", 1, None])
        set_text(keten.cell(row=i, column=2), hostile)
        set_text(keten.cell(row=i, column=6), hostile)
        risico.append([f"R{i}", f"S{i}", "child_labour", None, 3, 2, None])
        set_text(risico.cell(row=i, column=4), hostile)
        set_text(risico.cell(row=i, column=7), hostile)
        maatregel.append(
            [f"M{i}", f"R{i}", None, None, dt.date(2026, 1, 15), dt.date(2026, 6, 30), "Gepland"]
        )
        set_text(maatregel.cell(row=i, column=3), hostile)
        set_text(maatregel.cell(row=i, column=4), hostile)
    set_text(risico.cell(row=2, column=5), FORMULA)  # a severity that is no severity
    wb.save(path)
    return path


def test_feedback_workbook_keeps_hostile_text_as_text(ctx: Context, tmp_path: Path) -> None:
    registry.register_tender(
        ctx,
        ref="T-1",
        title="Bedrijfskleding",
        category="bedrijfskleding",
        kind="supplies",
        value=500_000,
        published=dt.date(2025, 9, 1),
    )
    registry.add_contract(
        ctx,
        ref="C-1",
        tender_ref="T-1",
        supplier="Textiel B.V.",
        supplier_country="NL",
        start=dt.date(2026, 1, 1),
        end=dt.date(2029, 12, 31),
        kvk="12345678",
    )
    source = _hostile_supplier_workbook(tmp_path / "werkmap.xlsx")
    result = submissions.check(ctx, source, "C-1")
    assert result.errors  # at least the formula in the severity column
    target = submissions.write_feedback(ctx, source, result, tmp_path / "terugkoppeling.xlsx")
    data = target.read_bytes()
    _assert_literal_in_workbook(data, HOSTILE)
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet, column in (("Keten", 2), ("Risico's", 4), ("Maatregelen", 3)):
        for i, hostile in enumerate(HOSTILE, start=2):  # each in its own cell, unchanged
            cell = book[sheet].cell(row=i, column=column)
            assert cell.value == hostile and cell.data_type == "s", (sheet, i)
    severity = book["Risico's"].cell(row=2, column=5)
    assert severity.value == FORMULA and severity.data_type == "s"


# -- the yearly report and the clause documents --------------------------------------------


@pytest.fixture
def hostile_year(ctx: Context) -> Context:
    """Tenders of 2025 whose title, organisation, supplier and not-applied reason are the
    hostile strings (as far as each field takes them: the application trims text and
    limits clause titles to 300 characters)."""
    for i, hostile in enumerate(HOSTILE):
        registry.register_tender(
            ctx,
            ref=f"H-{i}",
            title=hostile[:300],
            category="bedrijfskleding",
            kind="supplies",
            value=300_000,
            published=dt.date(2025, 5, 1),
            organisation=f"{hostile.strip()[:190]} {i}",
            decision=IsvDecision(False, reason=hostile)
            if i % 2
            else IsvDecision(True, form="contract-condition"),
        )
        registry.add_contract(
            ctx,
            ref=f"C-{i}",
            tender_ref=f"H-{i}",
            supplier=hostile[:300],
            supplier_country="CN",
            start=dt.date(2025, 6, 1),
            end=dt.date(2026, 5, 31),
        )
    return ctx


def _stored(ctx: Context) -> dict[str, list[str]]:
    tenders = registry.list_tenders(ctx)
    return {
        "titles": [t.title for t in tenders],
        "reasons": [
            t.decision.reason for t in tenders if t.decision is not None and t.decision.reason
        ],
        "suppliers": [c.supplier.name for c in registry.list_contracts(ctx)],
    }


def test_report_workbook_and_pdf_show_hostile_text_literally(
    hostile_year: Context, tmp_path: Path
) -> None:
    from app.io.report_pdf import render_report_pdf
    from app.io.report_xlsx import render_report_xlsx

    ctx = hostile_year
    stored = _stored(ctx)
    assert len(stored["reasons"]) == len(HOSTILE) // 2
    report = reporting.year_report(ctx, 2025)
    workbook = render_report_xlsx(report, ctx.reference, "nl")
    _assert_literal_in_workbook(workbook, stored["reasons"])
    pdf = render_report_pdf(report, ctx.reference, "en")
    short = [r for r in stored["reasons"] if len(r) < 200]
    _assert_literal_in_pdf(pdf, tmp_path, [MARKUP, *short])


_WITH_ISV = [i for i in range(len(HOSTILE)) if i % 2 == 0]  # the others have no clauses
_CLAUSE_CASES = [
    pytest.param(fmt, i, id=f"{fmt}-{i}") for fmt in ("pdf", "docx", "md") for i in _WITH_ISV
]
"""A 300-character title once made the DOCX writer fail (Word's 255-character property
limit); the property is now cut, the document keeps the whole title."""


@pytest.mark.parametrize(("fmt", "index"), _CLAUSE_CASES)
def test_clause_documents_show_hostile_titles_literally(
    hostile_year: Context, fmt: str, index: int, tmp_path: Path
) -> None:
    ctx = hostile_year
    title = registry.get_tender(ctx, f"H-{index}").title
    made = clauses.generate(ctx, f"H-{index}", fmt=fmt, lang="nl", text="contract")
    if fmt == "pdf":
        if HOSTILE[index] == MARKUP:
            _assert_literal_in_pdf(made.data, tmp_path, [title])
        else:
            _assert_words_in_pdf(made.data, tmp_path, title)
    elif fmt == "docx":
        assert _words(title) in _docx_text(made.data)
    else:
        assert _words(title) in _markdown_text(made.data.decode("utf-8"))
    assert len(clauses.history(ctx, f"H-{index}")) == 1


def _assert_words_in_pdf(data: bytes, tmp_path: Path, title: str) -> None:
    for text in _pdf_text(data, tmp_path):
        assert _words(title)[:300] in text or _words(title)[:60] in text, repr(title[:40])


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return _words(" ".join(parts))


def _markdown_text(markdown: str) -> str:
    """What a Markdown reader shows: backslash escapes removed. Raw markup must not be
    there (it would be rendered), only its escaped form."""
    assert "<b>" not in markdown and "</b>" not in markdown
    return _words(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown))

"""The supplier workbook in the supplier's language (spec/supplier-workbook.md version 2):
written in Dutch or English, sheet names included, the choice remembered per contract,
required fields marked; filled in and read back in either language."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.services import submissions
from workbook.samples import MEASURES_EN, RISKS_EN, SITES_EN, SUPPLIER_NL

SUPPLIER_EN = {
    "Supplier name": "Textiel B.V.",
    "Chamber of Commerce number": "12345678",
    "Country of establishment": "Netherlands",
    "Reporting period from": dt.date(2026, 1, 1),
    "Reporting period to": dt.date(2026, 12, 31),
    "Contact person": "Anna",
    "E-mail": "anna@textiel.example",
    "Date signed": dt.date(2026, 2, 1),
    "Signed by": "B. Jansen",
    "Grievance mechanism": "In preparation",
    "Grievance mechanism description": "A hotline run with the union, from June",
    "Stakeholders consulted": "Two unions and an NGO, in meetings on site",
}
NAMES = {
    "nl": ("Leverancier", "Keten", "Risico's", "Maatregelen"),
    "en": ("Supplier", "Supply chain", "Risks", "Measures"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_written_filled_and_read_back(ctx: Any, contract: str, filler: Any, lang: str) -> None:
    content = submissions.template_bytes(ctx, contract, lang=lang)
    wb = load_workbook(io.BytesIO(content))
    assert wb.sheetnames[1:5] == list(NAMES[lang])
    supplier = dict(SUPPLIER_NL if lang == "nl" else SUPPLIER_EN)
    supplier.pop("Contractreferentie", None)  # pre-filled, locked
    path = filler.workbook(
        template=content,
        supplier=supplier,
        names=NAMES[lang],
        headers=None if lang == "nl" else (SITES_EN, RISKS_EN, MEASURES_EN),
    )
    result = submissions.check(ctx, path, contract)
    assert not result.errors, result.errors[:3]
    assert result.counts["sites"] > 0 and result.counts["risks"] > 0
    assert result.counts["measures"] > 0
    assert submissions.import_workbook(ctx, path, contract, allow_warnings=True).status == (
        "imported"
    )


def test_the_language_is_remembered_per_contract(ctx: Any, contract: str) -> None:
    assert submissions.workbook_language(ctx, contract) == "nl"  # the user's, at first
    submissions.template_bytes(ctx, contract, lang="en")
    assert submissions.workbook_language(ctx, contract) == "en"
    again = load_workbook(io.BytesIO(submissions.template_bytes(ctx, contract)))
    assert again.sheetnames[0] == "Instructions"


def test_the_command_line_chooses_and_remembers_it(cli: Any, contract: str, tmp_path: Path) -> None:
    first, second = tmp_path / "en.xlsx", tmp_path / "again.xlsx"
    assert cli("template", "--contract", contract, "-o", str(first), "--workbook-lang", "en")
    assert load_workbook(first).sheetnames[1] == "Supplier"
    result = cli("template", "--contract", contract, "-o", str(second))
    assert result.status == 0, result.err
    assert load_workbook(second).sheetnames[1] == "Supplier"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_required_fields_are_marked_exactly_as_the_spec_says(
    ctx: Any, contract: str, lang: str
) -> None:
    from app.io.workbook_layout import SUPPLIER, TABLES

    wb = load_workbook(io.BytesIO(submissions.template_bytes(ctx, contract, lang=lang)))
    for layout in (SUPPLIER, *TABLES):
        sheet = wb[layout.name(lang)]
        if layout is SUPPLIER:
            shown = [sheet.cell(row=r, column=1).value for r in range(2, 2 + len(layout.columns))]
        else:
            shown = [c.value for c in sheet[1]]
        for column, text in zip(layout.columns, shown, strict=True):
            mark = " *" if column.required else " (*)" if column.required_without else ""
            assert text == column.header(lang) + mark, text
    email = {"nl": ("E-mail *", "Verplicht"), "en": ("E-mail *", "Required")}[lang]
    supplier = wb[SUPPLIER.name(lang)]
    row = next(r for r in range(2, 16) if supplier.cell(row=r, column=1).value == email[0])
    assert str(supplier.cell(row=row, column=3).value).startswith(email[1])
    instructions = "\n".join(str(r[0].value) for r in wb.worksheets[0].iter_rows())
    assert "*" in instructions
    signed = {"nl": "Datum ondertekening", "en": "Date signed"}[lang]
    assert signed in instructions


def test_the_instructions_convert_to_pdf_without_overprinting(
    ctx: Any, contract: str, tmp_path: Path
) -> None:
    """Rows are as high as their wrapped text: LibreOffice (and Excel printing) keep the
    row height of the file, so rows without one overprinted each other."""
    import shutil
    import subprocess

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "werkmap.xlsx"
    source.write_bytes(submissions.template_bytes(ctx, contract, lang="nl"))
    ws = load_workbook(source).worksheets[0]
    for row in ws.iter_rows():
        text = str(row[0].value or "")
        height = ws.row_dimensions[row[0].row].height
        assert height is not None and height >= 15 * (1 + len(text) // 90), (text, height)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(tmp_path / "werkmap.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = " ".join(text.split())
    for sentence in (
        "Met deze werkmap legt u als leverancier verantwoording af",
        "Stuur de ingevulde werkmap als .xlsx terug aan uw contractmanager, zonder wachtwoord.",
        "Datum ondertekening",
    ):
        assert sentence in words, sentence


def test_an_unknown_choice_is_named_with_the_choices_in_each_language() -> None:
    """Regression: the English message listed the Dutch choices ("choose from: 1 Beperkt,
    …"), in the feedback workbook's English column and after ``--lang en``."""
    from app import locator
    from app.io.workbook_cells import CellError, Rules

    rules = Rules.from_reference(locator.reference(), locator.countries())
    catalog = locator.catalog()
    for group in ("theme", "severity", "likelihood", "status"):
        try:
            rules.label(group, "hoog-ish")
        except CellError as error:
            dutch = catalog.text(error.code, "nl", **error.params)
            english = catalog.text(error.code, "en", **error.params)
        else:
            raise AssertionError(f"{group}: 'hoog-ish' was accepted")
        assert english.startswith("This ") and "{" not in english
        assert dutch.split("kies uit: ")[1] != english.split("choose from: ")[1]
        if group == "severity":
            assert "1 Beperkt" in dutch and "1 Limited" in english
            assert "Beperkt" not in english


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_workbook_texts_come_from_the_message_catalogue(lang: str) -> None:
    """The instructions, notes, headers and list titles are entries of
    resources/messages/workbook_template.json; values go in as text, so a contract called
    2026 stays "2026" (the catalogue groups numbers Dutch-style)."""
    import json

    from app import locator
    from app.domain.messages import Catalog
    from app.io.workbook_template import TemplateData, write_template

    folder = locator.resources_dir() / "messages"
    files = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.json")}
    changed = json.loads(files["workbook_template.json"])
    changed["wbt_send"][lang] = "Terug naar de inkoper / back to the buyer."
    changed["wbt_note_email"][lang] = "adres@voorbeeld"
    files["workbook_template.json"] = json.dumps(changed)
    catalog = Catalog.from_json_files(files.items())
    data = TemplateData(
        "2026", "Textiel B.V.", None, "NL", dt.date(2026, 1, 1), dt.date(2026, 12, 31), lang
    )
    wb = load_workbook(
        io.BytesIO(write_template(data, locator.reference(), locator.countries(), catalog))
    )
    instructions = [str(r[0].value) for r in wb.worksheets[0].iter_rows()]
    assert "Terug naar de inkoper / back to the buyer." in instructions
    assert instructions[-1] == "Contract: 2026    Template: ISV-WB 2"
    notes = [str(c.value) for c in wb.worksheets[1]["C"]]
    assert {"nl": "Verplicht: adres@voorbeeld", "en": "Required: adres@voorbeeld"}[lang] in notes

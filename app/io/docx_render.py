"""The ISV texts of a tender as DOCX (python-docx), what tender documents are written in.

Real Word styles: ``Title``, ``Heading 1`` for each text, ``Heading 2`` for each
article (numbered ``Artikel 2``), numbered paragraphs (``2.1``) and lettered items with
hanging indents, ``List Bullet`` for lists. The document language (``w:lang`` in the
style defaults, ``w:themeFontLang`` in the settings and the core property) is nl-NL or
en-GB, so Word and LibreOffice check the spelling in the right language.

python-docx writes text as text (it escapes XML itself), so user text needs no escaping
here. The output is reproducible: the dates in the core properties come from the
document (its "generated on" date) and the zip entries get a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from app.io.clauses import TABLE_KINDS, Block, ClauseDocument, block_runs
from app.io.xlsx_safe import clean_xml_text

FONT = "Arial"
ACCENT = RGBColor(0x15, 0x42, 0x73)
MUTED = RGBColor(0x55, 0x55, 0x55)
CLAUSE_INDENT = Cm(1.1)
LETTER_INDENT = Cm(1.9)
PAGE_WORDS = {"nl": ("Pagina", "van"), "en": ("Page", "of")}


def set_language(document: Any, tag: str) -> None:
    """Tag the document's default text with ``tag`` (``nl-NL``), so Word checks its
    spelling in that language."""
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        anchor = settings.find(qn("w:clrSchemeMapping"))
        if anchor is not None:
            anchor.addprevious(theme_lang)
        else:
            settings.append(theme_lang)
    theme_lang.set(qn("w:val"), tag)


def _style_fonts(document: Any) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, color in (
        ("Title", 24, ACCENT),
        ("Subtitle", 13, MUTED),
        ("Heading 1", 15, ACCENT),
        ("Heading 2", 11.5, ACCENT),
        ("Heading 3", 10.5, None),
    ):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.italic = False
        style.font.bold = name != "Subtitle"
        style.font.color.rgb = color if color is not None else RGBColor(0, 0, 0)
        # The theme fonts of the default template would override the name in Word.
        rfonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
        if rfonts is not None:
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(attr), None)
    styles["Heading 1"].paragraph_format.space_before = Pt(6)
    styles["Heading 1"].paragraph_format.space_after = Pt(10)
    styles["Heading 2"].paragraph_format.space_before = Pt(12)
    styles["Heading 2"].paragraph_format.space_after = Pt(4)

    def paragraph_style(name: str, left: Any, first: Any, space_after: float) -> None:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        fmt = style.paragraph_format
        fmt.left_indent = left
        fmt.first_line_indent = first
        fmt.space_after = Pt(space_after)
        fmt.tab_stops.add_tab_stop(left)

    paragraph_style("ISV Clause", CLAUSE_INDENT, -CLAUSE_INDENT, 5)
    paragraph_style("ISV Letter", LETTER_INDENT, -(LETTER_INDENT - CLAUSE_INDENT), 3)
    paragraph_style("ISV Bullet", LETTER_INDENT, -(LETTER_INDENT - CLAUSE_INDENT), 2)
    note = styles.add_style("ISV Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.italic = True
    note.font.size = Pt(9.5)
    note.paragraph_format.left_indent = Cm(0.4)
    note.paragraph_format.right_indent = Cm(0.4)
    note.paragraph_format.space_before = Pt(4)
    note.paragraph_format.space_after = Pt(10)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "EEF2F7")
    note.element.get_or_add_pPr().append(shading)


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out."""

    def fld_char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(fld_char("begin"))
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    paragraph.add_run()._r.append(fld_char("separate"))
    paragraph.add_run("1")
    paragraph.add_run()._r.append(fld_char("end"))


def _footer(document: Any, doc: ClauseDocument) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.2), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.4)
    paragraph = section.footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    width = section.page_width - section.left_margin - section.right_margin
    footer_style = document.styles["Footer"]
    footer_style.paragraph_format.tab_stops.clear_all()  # the template's centre stop
    footer_style.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    page, of = PAGE_WORDS[doc.lang]
    paragraph.add_run(clean_xml_text(f"{doc.footer}\t{page} "))
    _field(paragraph, "PAGE")
    paragraph.add_run(f" {of} ")
    _field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(7.5)
        run.font.color.rgb = MUTED


def _cell_border_bottom(cell: Any) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    tc_pr.append(borders)


def _table(document: Any, rows: list[Block]) -> None:
    if rows[0].kind == "fill":
        document.add_paragraph()
    table = document.add_table(rows=len(rows), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    table.columns[0].width, table.columns[1].width = Cm(5.2), Cm(11.6)
    for row, block in zip(table.rows, rows, strict=True):
        label, value = row.cells
        label.width, value.width = Cm(5.2), Cm(11.6)
        label.paragraphs[0].add_run(clean_xml_text(block.label)).bold = True
        if block.kind == "field":
            value.paragraphs[0].add_run(clean_xml_text(block.text))
        else:
            row.height = Cm(1.1)
            label.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
            _cell_border_bottom(value)
    document.add_paragraph()


class _Writer:
    """Adds paragraphs as XML with the style id set directly. python-docx looks a style
    up by name by walking all styles, and finds the insertion point by scanning the
    body, for every paragraph: that took a quarter of a second for one tender."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.ids = {s.name: s.style_id for s in document.styles}
        self.end = document.element.body.find(qn("w:sectPr"))

    def add(self, text: str, style: str | None = None) -> Paragraph:
        p = OxmlElement("w:p")
        if style is not None:
            properties = OxmlElement("w:pPr")
            style_element = OxmlElement("w:pStyle")
            style_element.set(qn("w:val"), self.ids[style])
            properties.append(style_element)
            p.append(properties)
        if text:
            run = OxmlElement("w:r")
            for number, part in enumerate(text.split("\t")):
                if number:
                    run.append(OxmlElement("w:tab"))
                if part:
                    element = OxmlElement("w:t")
                    element.set(qn("xml:space"), "preserve")
                    element.text = clean_xml_text(part)
                    run.append(element)
            p.append(run)
        self.end.addprevious(p)
        return Paragraph(p, self.document._body)


_PLAIN = {"title": "Title", "subtitle": "Subtitle", "heading": "Heading 2", "note": "ISV Note"}
"""Kinds of block that are one paragraph in a style of their own."""
_NUMBERED = {"clause": "ISV Clause", "letter": "ISV Letter"}
"""Kinds of block shown after their number, in a style of their own."""


def _blocks(
    writer: _Writer, blocks: tuple[Block, ...], first_section: bool, section_kind: str = ""
) -> bool:
    add = writer.add
    in_article = False
    for run in block_runs(blocks):
        block = run[0]
        kind, text = block.kind, block.text
        if kind in TABLE_KINDS:
            _table(writer.document, list(run))
        elif kind == "section":
            heading = add(text, "Heading 1")
            # The statement is a form to sign: always on a page of its own.
            heading.paragraph_format.page_break_before = (
                not first_section or section_kind == "statement"
            )
            first_section = False
        elif kind == "article":
            add(f"{block.label}  {text}", "Heading 2")
        elif kind in _PLAIN:
            add(text, _PLAIN[kind])
        elif kind in _NUMBERED:
            add(f"{block.label}\t{text}", _NUMBERED[kind])
        elif kind == "bullet" and in_article:
            add(f"•\t{text}", "ISV Bullet")
        elif kind == "bullet":
            add(text, "List Bullet")
        else:
            add(text)
        if kind in ("section", "article", "heading"):
            in_article = kind == "article"
    return first_section


def _fixed_zip(data: bytes, day: dt.date) -> bytes:
    """Rewrite the package with one fixed timestamp per entry (python-docx stamps the
    current time), so the same document gives the same bytes and the same SHA-256."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


@functools.cache
def _styled_base(lang_tag: str) -> bytes:
    """An empty document with our styles and language, made once per language (setting
    up the styles costs more than loading the result)."""
    document = Document()
    set_language(document, lang_tag)
    _style_fonts(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PROPERTY_LIMIT = 255  # Word's limit for a core property such as the title


def _property(text: str) -> str:
    """A document property within Word's limit; the full text stays in the document."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def render_docx(doc: ClauseDocument) -> bytes:
    """The document as DOCX bytes."""
    document = Document(io.BytesIO(_styled_base(doc.lang_tag)))
    _footer(document, doc)
    writer = _Writer(document)
    first = _blocks(writer, doc.front, True)  # the first text follows the front matter
    for section in doc.sections:
        first = _blocks(writer, section.blocks, first, section.kind)
    props = document.core_properties
    moment = dt.datetime.combine(doc.generated_on, dt.time())
    props.title = _property(doc.title)
    props.subject = _property(doc.subject)
    props.author = _property(doc.author)
    props.last_modified_by = _property(doc.author)
    props.language = doc.lang_tag
    props.keywords = "ISV; Internationale Sociale Voorwaarden; due diligence"
    props.comments = _property(doc.footer)
    props.created = moment
    props.modified = moment
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), doc.generated_on)

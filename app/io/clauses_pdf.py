"""The ISV texts of a tender as PDF: the clause layout on the shared base (``app.io.pdf``).

Numbers (``Artikel 2``, ``2.1``, ``a.``) come from the text model, so the PDF, the DOCX
and the Markdown number alike. Every text is escaped on its way into a Paragraph.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from app.io.clauses import Block, ClauseDocument, block_runs
from app.io.pdf import PdfMeta, build_pdf, escape, outline, para, stylesheet, table_style

CLAUSE_INDENT = 10.5 * mm
LETTER_INDENT = 17.5 * mm
LABEL_WIDTH = 52 * mm
NEW_PAGE = ("statement",)
"""Sections that start on a page of their own even when they come first: the statement
is a form for the bidder to sign, and its signature lines belong on its own page."""


def _styles() -> dict[str, ParagraphStyle]:
    sheet: StyleSheet1 = stylesheet()
    body = sheet["Body"]
    return {
        "body": body,
        "title": sheet["Title"],
        "subtitle": sheet["Subtitle"],
        "h1": sheet["Heading1"],
        "h2": sheet["Heading2"],
        "h3": sheet["Heading3"],
        "note": sheet["Note"],
        "label": sheet["Label"],
        "cell": sheet["Cell"],
        "clause": ParagraphStyle(
            "Clause",
            parent=body,
            leftIndent=CLAUSE_INDENT,
            bulletIndent=0,
            bulletFontName=body.fontName,
        ),
        "letter": ParagraphStyle(
            "Letter",
            parent=body,
            leftIndent=LETTER_INDENT,
            bulletIndent=CLAUSE_INDENT,
            spaceAfter=3,
        ),
        "bullet_in_article": ParagraphStyle(
            "BulletInArticle",
            parent=body,
            leftIndent=LETTER_INDENT,
            bulletIndent=CLAUSE_INDENT,
            spaceAfter=2,
        ),
        "bullet": ParagraphStyle(
            "Bullet", parent=body, leftIndent=5 * mm, bulletIndent=0, spaceAfter=2
        ),
    }


def _fields(rows: list[Block], styles: dict[str, ParagraphStyle], width: float) -> Table:
    data = [[para(b.label, styles["label"]), para(b.text, styles["cell"])] for b in rows]
    table = Table(data, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#D5DCE5")),
        )
    )
    return table


def _fills(rows: list[Block], styles: dict[str, ParagraphStyle], width: float) -> Table:
    """Lines to fill in: the row grows with a label that wraps, the line stays at its
    foot, and there is room above it to write."""
    label_width = LABEL_WIDTH + 8 * mm
    data = [[para(b.label, styles["label"]), ""] for b in rows]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 18),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        )
    )
    return table


_PLAIN = {"title": "title", "subtitle": "subtitle", "note": "note"}
"""Kinds of block that are one paragraph in a style of their own name."""
_LISTED = ("bullet", "letter")


def _block(
    block: Block, styles: dict[str, ParagraphStyle], story: list[Flowable], in_article: bool
) -> bool:
    """Add one block (not a table run) to ``story``; returns whether an article is open."""
    kind, text = block.kind, block.text
    if kind in _PLAIN:
        story.append(para(text, styles[_PLAIN[kind]]))
    elif kind == "section":
        story.append(outline(para(text, styles["h1"]), text, 0))
        return False
    elif kind == "article":
        heading = f"{block.label}  {text}"
        story.append(CondPageBreak(30 * mm))
        story.append(outline(para(heading, styles["h2"]), heading, 1))
        return True
    elif kind == "heading":
        story.append(outline(para(text, styles["h2"]), text, 1))
        return False
    elif kind in ("clause", "letter"):
        story.append(para(text, styles[kind], bulletText=block.label))
    elif kind == "bullet":
        style = styles["bullet_in_article"] if in_article else styles["bullet"]
        story.append(para(text, style, bulletText="•"))
    else:
        story.append(para(text, styles["body"]))
    return in_article


def _blocks(
    blocks: tuple[Block, ...],
    styles: dict[str, ParagraphStyle],
    width: float,
    story: list[Flowable],
) -> None:
    in_article = False
    previous = ""
    for run in block_runs(blocks):
        first = run[0]
        if first.kind == "field":
            story += [_fields(list(run), styles, width), Spacer(1, 4 * mm)]
            continue
        if first.kind == "fill":  # the signature block is never split over two pages
            story += [KeepTogether([_fills(list(run), styles, width)]), Spacer(1, 4 * mm)]
            continue
        if previous in _LISTED and first.kind not in _LISTED:
            story.append(Spacer(1, 2 * mm))  # a list ends: a little air before what follows
        previous = first.kind
        in_article = _block(first, styles, story, in_article)


def render_pdf(document: ClauseDocument) -> bytes:
    """The document as PDF bytes (A4, DejaVu Sans embedded, page x of y)."""
    styles = _styles()
    story: list[Flowable] = []
    left, right = 22 * mm, 20 * mm
    width = 210 * mm - left - right
    _blocks(document.front, styles, width, story)
    for number, section in enumerate(document.sections):
        if number > 0 or section.kind in NEW_PAGE:
            story.append(PageBreak())
        _blocks(section.blocks, styles, width, story)
    meta = PdfMeta(
        title=document.title,
        author=document.author,
        subject=document.subject,
        lang=document.lang,
        footer=document.footer,
        keywords=("ISV", "Internationale Sociale Voorwaarden", "due diligence"),
    )
    return build_pdf(story, meta, margins=(left, right, 20 * mm, 24 * mm))


__all__ = ["escape", "render_pdf"]

"""The shared reportlab base for every PDF the application writes.

One place for: the bundled DejaVu Sans fonts (registered as one family and embedded, so
ë, ő, Ł and € render everywhere), the bundled Droid Sans Fallback for Chinese, Japanese
and Korean runs in user text (embedded too, so no reader needs a language pack), one
stylesheet, "page x of y" footers, document
metadata (title, author, subject, keywords, language), an outline (bookmarks) from
headings, and output as bytes. Renderers build a list of flowables and call
:func:`build_pdf`; user text goes into a :class:`~reportlab.platypus.Paragraph` only
through :func:`escape` (or :func:`para`), so ``&``, ``<`` and ``>`` show as themselves.

The output is reproducible: reportlab's ``invariant`` mode leaves out the random
document id and the clock, so the same input gives the same bytes; a document that has a
real creation time (the yearly report) passes it in :attr:`PdfMeta.created`.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)

from app import locator
from app.domain.languages import TAGS as LANGUAGE_TAGS

FAMILY = "DejaVuSans"
FONT_FILES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"

CJK_FONT = "DroidSansFallback"
CJK_FILE = "DroidSansFallbackFull.ttf"
"""The bundled fallback for CJK text (Apache-2.0, see ``LICENSE-DroidSansFallback.txt``):
DejaVu Sans has no CJK glyphs, so runs of these characters in user text are set in it.
Registered as a TrueType font, so only the glyphs used are embedded (a subset)."""
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]+"
)

ACCENT = colors.HexColor("#154273")  # dark blue headings
MUTED = colors.HexColor("#555555")
NOTE_BACKGROUND = colors.HexColor("#EEF2F7")

PAGE_LABEL = {"nl": "Pagina {page} van {pages}", "en": "Page {page} of {pages}"}


@functools.cache
def register_fonts() -> str:
    """Register the bundled TTFs once, as one family (``<b>``/``<i>`` pick the right
    face), and return the family name. TTFs are always embedded (as subsets)."""
    folder = locator.resources_dir() / "fonts"
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic="DejaVuSans-BoldOblique"
    )
    return FAMILY


@functools.cache
def _register_cjk() -> str:
    pdfmetrics.registerFont(TTFont(CJK_FONT, str(locator.resources_dir() / "fonts" / CJK_FILE)))
    return CJK_FONT


def escape(text: str) -> str:
    """``text`` for a Paragraph: ``&``, ``<`` and ``>`` become entities, so markup in
    user text shows literally instead of being interpreted (or breaking the parser);
    CJK runs are set in :data:`CJK_FONT`, so they are drawn, not dropped."""
    escaped = _xml_escape(text)
    if escaped.isascii() or not _CJK.search(escaped):
        return escaped
    font = _register_cjk()
    return _CJK.sub(lambda m: f'<font name="{font}">{m.group(0)}</font>', escaped)


def stylesheet() -> StyleSheet1:
    """The one stylesheet (a fresh copy: callers may adjust it without side effects)."""
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle(
        "Body",
        fontName=FAMILY,
        fontSize=9.5,
        leading=13.5,
        spaceAfter=5,
        alignment=TA_LEFT,
        textColor=colors.black,
        bulletFontName=FAMILY,
        bulletFontSize=9.5,
    )
    sheet.add(base)
    sheet.add(
        ParagraphStyle(
            "Title",
            parent=base,
            fontName=BOLD,
            fontSize=20,
            leading=25,
            spaceAfter=4,
            textColor=ACCENT,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Subtitle", parent=base, fontSize=13, leading=17, spaceAfter=12, textColor=MUTED
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading1",
            parent=base,
            fontName=BOLD,
            fontSize=14.5,
            leading=19,
            spaceBefore=4,
            spaceAfter=10,
            textColor=ACCENT,
            keepWithNext=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading2",
            parent=base,
            fontName=BOLD,
            fontSize=11,
            leading=15,
            spaceBefore=10,
            spaceAfter=5,
            textColor=ACCENT,
            keepWithNext=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading3",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        )
    )
    sheet.add(ParagraphStyle("Small", parent=base, fontSize=8, leading=10.5, textColor=MUTED))
    sheet.add(
        ParagraphStyle(
            "Note",
            parent=base,
            fontName=ITALIC,
            fontSize=9,
            leading=13,
            backColor=NOTE_BACKGROUND,
            borderPadding=(5, 6, 5, 6),
            spaceBefore=6,
            spaceAfter=11,
            leftIndent=6,
            rightIndent=6,
        )
    )
    sheet.add(
        ParagraphStyle("Label", parent=base, fontName=BOLD, fontSize=9, leading=12.5, spaceAfter=0)
    )
    sheet.add(ParagraphStyle("Cell", parent=base, fontSize=9, leading=12.5, spaceAfter=0))
    sheet.add(ParagraphStyle("Footer", parent=base, fontSize=7.5, leading=9, textColor=MUTED))
    return sheet


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A TableStyle that sets the bundled font first: a table cell holding a plain
    string would otherwise be drawn in Helvetica, which is neither embedded nor complete."""
    register_fonts()
    return TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), FAMILY), ("FONTSIZE", (0, 0), (-1, -1), 9), *commands]
    )


def para(text: str, style: ParagraphStyle, **kwargs: Any) -> Paragraph:
    """A Paragraph of plain ``text`` (escaped here; never pass markup through this)."""
    return Paragraph(escape(text), style, **kwargs)


def outline(flowable: Flowable, title: str, level: int) -> Flowable:
    """Mark ``flowable`` (a heading) as an outline entry at ``level`` (0 = top).
    Levels must not skip: a level-2 entry needs a level-1 entry before it."""
    flowable._outline = (title, level)  # read in afterFlowable
    return flowable


@dataclass(frozen=True)
class PdfMeta:
    """Document properties. ``lang`` is ``nl`` or ``en``; ``footer`` is shown at the
    bottom left of every page, the page number at the bottom right."""

    title: str
    author: str
    subject: str
    lang: str = "nl"
    keywords: tuple[str, ...] = ()
    footer: str = ""
    creator: str = "ISV-assistent"
    page_label: str | None = None  # "Pagina {page} van {pages}" by default
    created: dt.datetime | None = None
    """The creation and modification date written into the document (UTC): the real
    generation time of a report. Without it the fixed date of reportlab's invariant mode
    stands, so a document depends on its input only."""


def _pdf_date(moment: dt.datetime) -> str:
    """A PDF date string (``D:YYYYMMDDHHmmSS+00'00'``) of a moment, in UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def _numbered_canvas(meta: PdfMeta, left: float, right: float, bottom: float) -> type[Canvas]:
    """A canvas class that draws the footer on every page once the page count is known
    (pages are kept until ``save``, then numbered)."""
    label = meta.page_label or PAGE_LABEL.get(meta.lang, PAGE_LABEL["en"])

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if meta.created is not None:
                stamp = _pdf_date(meta.created)
                self.setDateFormatter(lambda *_parts: stamp)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width = self._pagesize[0]
            self.saveState()
            self.setFont(FAMILY, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(colors.HexColor("#BBBBBB"))
            self.setLineWidth(0.4)
            self.line(left, bottom - 4 * mm, width - right, bottom - 4 * mm)
            y = bottom - 8 * mm
            if meta.footer:
                self.drawString(left, y, meta.footer)
            self.drawRightString(width - right, y, label.format(page=self._pageNumber, pages=total))
            self.restoreState()

    return NumberedCanvas


class _Document(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, "_outline", None)
        if entry is None:
            return
        title, level = entry
        key = f"outline-{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)


def build_pdf(
    story: Sequence[Flowable],
    meta: PdfMeta,
    *,
    pagesize: tuple[float, float] = A4,
    margins: tuple[float, float, float, float] = (22 * mm, 20 * mm, 20 * mm, 24 * mm),
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
) -> bytes:
    """Lay out ``story`` and return the PDF as bytes.

    ``margins`` are (left, right, top, bottom); the footer sits in the bottom margin.
    ``on_page`` may draw extra things (a header, a watermark) on every page.
    """
    register_fonts()
    left, right, top, bottom = margins
    buffer = io.BytesIO()
    document = _Document(
        buffer,
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=list(meta.keywords),
        creator=meta.creator,
        producer=meta.creator,
        lang=LANGUAGE_TAGS.get(meta.lang, meta.lang),
        invariant=1,
        displayDocTitle=1,
        initialFontName=FAMILY,
    )
    frame = Frame(
        left,
        bottom,
        pagesize[0] - left - right,
        pagesize[1] - top - bottom,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if on_page is not None:
            on_page(canvas, doc)

    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=draw)])
    document.build(list(story), canvasmaker=_numbered_canvas(meta, left, right, bottom))
    return buffer.getvalue()

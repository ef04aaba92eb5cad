"""Each format read back with its own tools: embedded fonts and metadata of the PDF,
language and styles of the DOCX, literal user text in all three, reproducible bytes,
and LibreOffice's rendering of the DOCX matching our own PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.errors import ReferenceDataError
from app.io import clauses as clause_io
from app.io.md_render import escape_markdown
from app.io.pdf import escape
from tests.clauses.conftest import (
    TITLE,
    Rendered,
    docx_text,
    make_document,
    make_params,
    markdown_text,
    needs_poppler,
    pdftotext_text,
    pypdf_text,
)

DUTCH = ("ë", "ï", "é", "ü", "€", "ő", "Ł")


@pytest.fixture(scope="module")
def rendered_nl() -> Rendered:
    from app.io.clauses_pdf import render_pdf
    from app.io.docx_render import render_docx
    from app.io.md_render import render_markdown

    document = make_document(make_params(form="contract-condition", acceptance="explicit"))
    return Rendered(
        document, render_docx(document), render_pdf(document), render_markdown(document)
    )


@needs_poppler
def test_pdffonts_lists_every_font_as_embedded(rendered_nl: Rendered, tmp_path: Path) -> None:
    path = tmp_path / "clauses.pdf"
    path.write_bytes(rendered_nl.pdf)
    lines = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        columns = line.split()
        name, embedded = columns[0], columns[-5]
        assert "DejaVuSans" in name, line
        assert embedded == "yes", line


@needs_poppler
def test_dutch_and_latin_characters_come_back_from_every_format(
    rendered_nl: Rendered, tmp_path: Path
) -> None:
    path = tmp_path / "clauses.pdf"
    path.write_bytes(rendered_nl.pdf)
    footer = rendered_nl.document.footer
    for name, text in (
        ("pdftotext", pdftotext_text(path, footer)),
        ("pypdf", pypdf_text(rendered_nl.pdf, footer)),
        ("docx", docx_text(rendered_nl.docx)),
        ("md", markdown_text(rendered_nl.md)),
    ):
        assert TITLE in text, name  # markup characters literally, not interpreted
        for char in DUTCH:
            assert char in text, (name, char)
        assert "&amp;" not in text and "&lt;" not in text, name


def test_pdf_metadata_and_language(rendered_nl: Rendered) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(rendered_nl.pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == f"Internationale Sociale Voorwaarden – {TITLE}"
    assert meta.author == make_params().authority
    assert "BZK-2026/017" in (meta.subject or "")
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    first = reader.pages[0].extract_text()
    assert re.search(r"Pagina 1 van \d+", first), "page x of y footer"
    last = reader.pages[-1].extract_text()
    assert f"Pagina {len(reader.pages)} van {len(reader.pages)}" in last
    assert next(o.title for o in reader.outline if not isinstance(o, list)).startswith(
        "Contractbepalingen"
    )


def test_docx_language_styles_and_properties(rendered_nl: Rendered) -> None:
    import docx

    document = docx.Document(io.BytesIO(rendered_nl.docx))
    props = document.core_properties
    assert props.language == "nl-NL"
    assert props.title.endswith(TITLE)
    assert props.author == make_params().authority
    assert props.subject.startswith("ISV-teksten")
    with zipfile.ZipFile(io.BytesIO(rendered_nl.docx)) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
        settings = package.read("word/settings.xml").decode("utf-8")
    assert re.search(r'<w:rPrDefault>.*?<w:lang w:val="nl-NL"', styles, re.S)
    assert 'w:themeFontLang w:val="nl-NL"' in settings
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["Internationale Sociale Voorwaarden"]
    assert by_style["Heading 1"][0] == "Contractbepalingen Internationale Sociale Voorwaarden"
    articles = [t for t in by_style["Heading 2"] if t.startswith("Artikel")]
    assert articles[:3] == [
        "Artikel 1  Begrippen",
        "Artikel 2  Algemene voorwaarden en rangorde",
        "Artikel 3  Gepaste zorgvuldigheid",
    ]
    assert [int(t.split()[1]) for t in articles] == list(range(1, len(articles) + 1))
    assert by_style["ISV Clause"][0].startswith("1.1\t")
    footer = document.sections[0].footer.paragraphs[0]
    assert "PAGE" in footer._p.xml and "NUMPAGES" in footer._p.xml


def test_docx_language_in_english() -> None:
    import docx

    from app.io.docx_render import render_docx

    data = render_docx(make_document(make_params(), "en"))
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.language == "en-GB"
    assert any(p.text == "Article 3  Due diligence" for p in document.paragraphs)


def test_same_input_gives_the_same_bytes(
    rendered_nl: Rendered, render_all: Callable[..., Rendered]
) -> None:
    again = render_all(make_document(make_params(form="contract-condition", acceptance="explicit")))
    assert again.pdf == rendered_nl.pdf
    assert again.docx == rendered_nl.docx
    assert again.md == rendered_nl.md


def test_escape_helpers() -> None:
    assert escape('A & B <b>"x"</b>') == 'A &amp; B &lt;b&gt;"x"&lt;/b&gt;'
    assert escape_markdown("*a* _b_ #1 <c> & [d](e)") == r"\*a\* \_b\_ \#1 \<c\> \& \[d\](e)"
    assert escape_markdown("1. item") == r"1\. item"
    assert escape_markdown("- item") == r"\- item"


def test_markdown_renders_user_text_literally(rendered_nl: Rendered) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    import html

    rendered_html = markdown_it.MarkdownIt("commonmark").render(rendered_nl.md.decode())
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered_html))
    assert TITLE in text
    assert "<b>" not in re.sub(r"<[^>]+>", "", rendered_html.replace("&lt;b&gt;", ""))


def test_a_value_cannot_open_a_block_of_its_own() -> None:
    params = make_params(tender_title="::section Ingevoegd", authority="::article Nep")
    document = make_document(params)
    titles = [s.title for s in document.sections]
    assert "Ingevoegd" not in titles
    assert all(b.text != "Nep" for s in document.sections for b in s.blocks)
    assert any("::section Ingevoegd" in b.text for b in document.front)


def test_a_missing_template_value_is_an_error_not_a_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    original = clause_io.template_context

    def without_penalty(*args: object, **kwargs: object) -> dict[str, object]:
        values = original(*args, **kwargs)  # type: ignore[arg-type]
        del values["penalty"]
        return values

    monkeypatch.setattr(clause_io, "template_context", without_penalty)
    with pytest.raises(ReferenceDataError):
        make_document(make_params())


def test_articles_are_numbered_and_cross_references_follow() -> None:
    with_check = make_document(make_params(independent_check=True))
    without = make_document(make_params(independent_check=False))

    def articles(document: clause_io.ClauseDocument) -> dict[str, str]:
        return {b.text: b.label for s in document.sections for b in s.blocks if b.kind == "article"}

    assert articles(with_check)["Escalatie en sancties"] == "Artikel 12"
    assert articles(without)["Escalatie en sancties"] == "Artikel 11"
    assert "Onafhankelijke controle" not in articles(without)
    plan = articles(without)["Plan van aanpak"].split()[1]
    assert f"plan van aanpak bedoeld in artikel {plan}" in without.plain_text()


def test_defaults_are_marked_only_in_the_summary() -> None:
    params = make_params(defaults=frozenset({"penalty", "plan_months"}))
    document = make_document(params)
    for section in document.sections:
        marked = "(standaardwaarde)" in " ".join(b.text for b in section.blocks)
        assert marked == (section.kind == "summary"), section.kind
    summary = {b.label: b.text for b in document.sections[-1].blocks if b.kind == "field"}
    assert summary["Boete per tekortkoming"].endswith("(standaardwaarde)")
    assert not summary["Rapportagemaand"].endswith("(standaardwaarde)")


WORD = re.compile(r"\w+")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@needs_poppler
def test_libreoffice_shows_the_same_text_as_our_pdf(
    render_all: Callable[..., Rendered], tmp_path: Path
) -> None:
    """One soffice run converts a Dutch and an English DOCX; pdftotext of LibreOffice's
    PDF and of ours give the same words in the same order (running footers aside)."""
    documents = {
        "nl": make_document(make_params(form="contract-condition", acceptance="explicit")),
        "en": make_document(
            make_params(
                form="award-criterion",
                award_method="0-10 points",
                award_subject="the plan",
                award_assessor="a panel",
            ),
            "en",
        ),
    }
    ours: dict[str, Path] = {}
    for lang, document in documents.items():
        rendered = render_all(document)
        (tmp_path / f"{lang}.docx").write_bytes(rendered.docx)
        ours[lang] = tmp_path / f"{lang}-ours.pdf"
        ours[lang].write_bytes(rendered.pdf)
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(tmp_path / "nl.docx"),
            str(tmp_path / "en.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    for lang, document in documents.items():
        theirs = _body_words(
            pdftotext_text(out / f"{lang}.pdf", document.footer, layout=True), document
        )
        mine = _body_words(pdftotext_text(ours[lang], document.footer, layout=True), document)
        assert len(mine) > 1500
        assert theirs == mine


def _body_words(text: str, document: clause_io.ClauseDocument) -> list[str]:
    """The words from the contract clauses up to the annex. A hyphen (and any line
    break after it) joins rather than splits: the two programs break lines in
    different places, also after the hyphen in a word such as OESO-richtlijnen."""
    start = text.index(document.sections[0].title)
    end = text.rindex(document.sections[-2].title)
    return WORD.findall(re.sub(r"-\s*", "", text[start:end]))

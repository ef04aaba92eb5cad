"""ISV clause templates rendered into one structured text model for every file format.

Templates live in ``templates/clauses/<version>/<lang>/*.j2`` (Jinja2, ``StrictUndefined``
so a missing parameter is an error, never a gap). A template writes plain text in a
small line format; each block starts with a directive at the beginning of a line::

    ::section Title            a text of its own (a new page in DOCX and PDF)
    ::article#id Title         a numbered article; ``{{ art('id') }}`` gives its number
    ::heading Title            an unnumbered heading inside a section
    ::clause text…             a numbered paragraph of the current article (2.1, 2.2…)
    ::para text…               a plain paragraph
    ::letter text…             an item of a lettered list (a., b., …)
    ::bullet text…             an item of a bulleted list
    ::note text…               guidance, set apart from binding text
    ::field Label              a label with its value on the following lines
    ::fill Label               a line for a bidder to fill in
    ::title / ::subtitle       the document's title lines
    ::meta-title, ::meta-subject, ::meta-footer   document properties, not shown

Lines that do not start with ``::`` continue the current block; a blank line ends it.
Every value a template prints passes Jinja's ``finalize``, which puts it on one line and
marks where it starts, so a value (a tender title such as ``:: & <b>``) can never open a
block of its own; the marks are removed when the model is built. Nothing is escaped
here: each renderer escapes for its own format.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from app import locator
from app.domain.clauses import TEXTS, ClauseParameters
from app.domain.countries import CountryTable
from app.domain.errors import ReferenceDataError, ValidationError
from app.domain.formatting import format_date, format_money, month_names
from app.domain.languages import TAGS as LANGUAGE_TAGS
from app.domain.reference import Reference

BLOCK_KINDS = (
    "section",
    "article",
    "heading",
    "clause",
    "para",
    "letter",
    "bullet",
    "note",
    "field",
    "fill",
    "title",
    "subtitle",
)
META_KINDS = ("meta-title", "meta-subject", "meta-footer")
_MARK = "\ue000"  # private use: refused in user text by the domain, so it cannot be forged
_DIRECTIVE = re.compile(r"^::([a-z-]+)(?:#([a-z0-9_-]+))?(?:[ \t]+(.*))?$")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not \s: a no-break space (€ 5.000) must stay
_ARTICLE_WORD = {"nl": "Artikel", "en": "Article"}


@dataclass(frozen=True)
class Block:
    """One block of text. ``label`` is the number shown before it (``Artikel 2``,
    ``2.1``, ``a.``) or, for a field or fill line, its label."""

    kind: str
    text: str
    label: str = ""


TABLE_KINDS = ("field", "fill")
"""Blocks laid out together as one table: form fields, and the signature's fill lines."""


def block_runs(blocks: Iterable[Block]) -> Iterator[tuple[Block, ...]]:
    """The blocks in order, grouped as the renderers lay them out: each run of
    consecutive blocks of one of :data:`TABLE_KINDS` together (one table), every other
    block on its own."""
    run: list[Block] = []
    for block in blocks:
        if block.kind in TABLE_KINDS and (not run or run[0].kind == block.kind):
            run.append(block)
            continue
        if run:
            yield tuple(run)
            run = []
        if block.kind in TABLE_KINDS:
            run.append(block)
        else:
            yield (block,)
    if run:
        yield tuple(run)


@dataclass(frozen=True)
class Section:
    kind: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ClauseDocument:
    """The texts of one tender in one language, ready for any renderer."""

    lang: str
    version: str
    title: str
    subject: str
    author: str
    footer: str
    front: tuple[Block, ...]
    sections: tuple[Section, ...]
    generated_on: dt.date
    texts: tuple[str, ...] = field(default=())

    @property
    def lang_tag(self) -> str:
        return LANGUAGE_TAGS[self.lang]

    def plain_text(self) -> str:
        """The document as plain text (labels and texts, one block a line)."""
        lines = []
        for block in (*self.front, *(b for s in self.sections for b in s.blocks)):
            lines.append(f"{block.label} {block.text}".strip())
        return "\n".join(lines)


@dataclass(frozen=True)
class TemplateVersion:
    """A folder of templates and what it is based on (months as ``YYYY-MM``)."""

    id: str
    policy_month: str
    ilo_list_month: str
    standard_texts_month: str
    folder: Path


# -- templates -----------------------------------------------------------------------------


def clauses_dir() -> Path:
    return locator.templates_dir() / "clauses"


def available_versions() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in clauses_dir().iterdir() if (p / "version.json").is_file()))


@functools.cache
def template_version(version: str) -> TemplateVersion:
    folder = clauses_dir() / version
    path = folder / "version.json"
    if not path.is_file():
        raise ValidationError(
            "clauses_unknown_version", version=version, allowed=", ".join(available_versions())
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        months = [str(data[k]) for k in ("policy_month", "ilo_list_month", "standard_texts_month")]
        for month in months:
            dt.date.fromisoformat(f"{month}-01")
        return TemplateVersion(str(data["version"]), months[0], months[1], months[2], folder)
    except (ValueError, KeyError, TypeError) as exc:
        raise ReferenceDataError(
            "reference_data_invalid", file=str(path), field="version", problem=str(exc)
        ) from None


def _finalize(value: Any) -> str:
    if value is None:
        # StrictUndefined catches names that do not exist; a None that is printed is a
        # template mistake just the same, never an empty gap.
        raise ValidationError("clauses_template_gap")
    return _MARK + _SPACE.sub(" ", str(value))


def _lcfirst(value: str) -> str:
    return value[:1].lower() + value[1:]


@functools.cache
def environment(version: str, lang: str) -> jinja2.Environment:
    folder = template_version(version).folder / lang
    if not folder.is_dir():
        raise ValidationError("clauses_unknown_language", lang=lang, version=version)
    envr = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        # The output is a text model, not HTML: each renderer escapes for its format.
        autoescape=False,  # noqa: S701
        trim_blocks=True,
        finalize=_finalize,
    )
    envr.filters["lcfirst"] = _lcfirst
    return envr


# -- the values templates see --------------------------------------------------------------


def _month_text(month: str, lang: str) -> str:
    """``2017-04`` as ``april 2017`` / ``April 2017``."""
    year, number = month.split("-")
    return f"{month_names(lang)[int(number) - 1]} {year}"


def template_context(
    params: ClauseParameters,
    texts: tuple[str, ...],
    lang: str,
    *,
    reference: Reference,
    countries: CountryTable,
    version: TemplateVersion,
) -> dict[str, Any]:
    """Display-ready values: money, months and dates in the language, names not codes."""
    known_sets = {s.id for s in reference.category_sets}
    category = (
        reference.find_category(params.category_code, set_id=params.category_set)
        if params.category_set in known_sets
        else None
    )
    category_values: dict[str, Any] | None = None
    if category is not None:
        cat_set = reference.category_set(category.set_id)
        mapped = reference.mapped(category)
        other_sets = [s for s in reference.category_sets if s.id != category.set_id]
        category_values = {
            "code": category.code,
            "name": category.name(lang),
            "chain": category.chain(lang),
            "risks": list(category.risks(lang)),
            "countries": [countries.name(c, lang) for c in category.countries],
            "initiatives": _initiatives(reference, category.initiatives, "supplier", params, lang),
            "affiliations": _initiatives(reference, category.initiatives, "buyer", params, lang),
            "set_name": cat_set.name(lang),
            "other_set_name": other_sets[0].name(lang) if other_sets else "",
            "mapped": [c.name(lang) for c in mapped],
            "mapping_confirmed": category.mapping_confirmed,
            "sources": [
                {"title": reference.sources[s].title, "url": reference.sources[s].url}
                for s in category.sources
            ],
        }
    months = month_names(lang)
    terms = reference.terms(params.general_terms)
    return {
        "lang": lang,
        "authority": params.authority,
        "minister": params.minister,
        "mandate": params.mandate,
        "kind": params.kind,
        "terms": {
            "code": terms.code,
            "name": terms.name,
            "title": terms.title(lang),
        },
        "penalty_cap": format_money(params.penalty_cap, lang).replace(" ", "\u00a0"),
        "penalty_with_damages": params.penalty_with_damages,
        "notice_days": params.notice_days,
        "electronics_watch": params.electronics_watch,
        "tender_ref": params.tender_ref,
        "tender_title": params.tender_title,
        "contract_refs": list(params.contract_refs),
        "category": category_values,
        "form": params.form,
        "form_label": reference.label("forms", params.form, lang),
        "acceptance": params.acceptance,
        "plan_months": params.plan_months,
        "report_month": params.report_month,
        "report_month_name": months[params.report_month - 1],
        "penalty": format_money(params.penalty, lang).replace(" ", "\u00a0"),
        "independent_check": params.independent_check,
        "contact_role": params.contact_role,
        "award": (
            {
                "method": params.award_method,
                "subject": params.award_subject,
                "assessor": params.award_assessor,
                "weight": params.award_weight,
                "points": params.award_points,
            }
            if params.form == "award-criterion"
            else None
        ),
        "conventions": [
            {
                "code": c.code,
                "name": c.name(lang),
                "principle": c.principle(lang),
            }
            for c in reference.conventions
        ],
        "convention_codes": [c.code for c in reference.conventions],
        "texts": list(texts),
        "generated_on": format_date(params.generated_on, lang),
        "version": {
            "id": version.id,
            "policy": _month_text(version.policy_month, lang),
            "ilo_list": _month_text(version.ilo_list_month, lang),
            "standard_texts": _month_text(version.standard_texts_month, lang),
        },
        "is_default": params.is_default,
    }


def _initiatives(
    reference: Reference, names: tuple[str, ...], kind: str, params: ClauseParameters, lang: str
) -> list[dict[str, Any]]:
    """The category's initiatives of ``kind`` active in the year the text is made: an
    initiative that had ended (the textile covenant after 2021) is never offered."""
    year = params.generated_on.year
    found = []
    for name in names:
        item = reference.initiatives[name]
        if item.kind == kind and item.active_in(year):
            found.append(
                {
                    "name": item.name(lang),
                    "about": item.about(lang),
                    "years": item.years(),
                    "years_confirmed": item.years_confirmed or item.years_set,
                }
            )
    return found


# -- from template text to blocks ------------------------------------------------------------


@dataclass
class _Open:
    kind: str
    ident: str | None
    head: str
    lines: list[str]


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text.replace(_MARK, "")).strip()


def parse_blocks(text: str) -> list[tuple[str, str | None, str, str]]:
    """``(kind, id, head, body)`` per block: head is the directive's own line, body the
    lines that follow it. A line opens a block only when ``::`` is its first character."""
    blocks: list[tuple[str, str | None, str, str]] = []
    current: _Open | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(
                (current.kind, current.ident, _clean(current.head), _clean(" ".join(current.lines)))
            )
        current = None

    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            close()
            continue
        match = _DIRECTIVE.match(line) if line.startswith("::") else None
        if match:
            close()
            kind = match.group(1)
            if kind not in BLOCK_KINDS and kind not in META_KINDS:
                raise ReferenceDataError(
                    "reference_data_invalid",
                    file="clause template",
                    field=f"line {number}",
                    problem=f"unknown block {kind}",
                )
            current = _Open(kind, match.group(2), match.group(3) or "", [])
        elif current is None:
            raise ReferenceDataError(
                "reference_data_invalid",
                file="clause template",
                field=f"line {number}",
                problem="text outside a block",
            )
        else:
            current.lines.append(line)
    close()
    return blocks


@dataclass
class _Numbering:
    lang: str
    article: int = 0
    clause: int = 0
    letter: int = 0
    ids: dict[str, int] = field(default_factory=dict)

    def block(self, kind: str, ident: str | None, head: str, body: str) -> Block:
        if kind != "letter":
            self.letter = 0
        if kind == "article":
            self.article += 1
            self.clause = 0
            if ident:
                self.ids[ident] = self.article
            return Block(kind, _join(head, body), f"{_ARTICLE_WORD[self.lang]} {self.article}")
        if kind == "clause":
            self.clause += 1
            return Block(kind, _join(head, body), f"{self.article}.{self.clause}")
        if kind == "letter":
            self.letter += 1
            return Block(kind, _join(head, body), f"{chr(ord('a') + self.letter - 1)}.")
        if kind in ("field", "fill"):
            return Block(kind, body, head)
        return Block(kind, _join(head, body))


def _join(head: str, body: str) -> str:
    return f"{head} {body}".strip()


def _render_all(
    envr: jinja2.Environment, names: list[str], values: dict[str, Any], art: Callable[[str], int]
) -> list[str]:
    return [envr.get_template(f"{name}.j2").render(**values, art=art) for name in names]


def build_document(
    params: ClauseParameters,
    texts: tuple[str, ...],
    lang: str,
    *,
    reference: Reference,
    countries: CountryTable,
    version: str,
) -> ClauseDocument:
    """Render the chosen texts (plus the front page and the parameter summary) into the
    text model. Articles are numbered in a first pass so that cross references
    (``{{ art('plan') }}``) give the same numbers in every format."""
    unknown = [t for t in texts if t not in TEXTS]
    if unknown:
        raise ValidationError(
            "clauses_unknown_text", value=unknown[0], allowed=", ".join((*TEXTS, "all"))
        )
    info = template_version(version)
    envr = environment(version, lang)
    values = template_context(
        params, texts, lang, reference=reference, countries=countries, version=info
    )
    if "annex" in texts and values["category"] is None:
        raise ValidationError("clauses_annex_outside_categories", category=params.category_code)
    names = ["front", *texts, "summary"]
    try:
        first = _render_all(envr, names, values, lambda _ident: 0)
        numbering = _Numbering(lang)
        for text in first:
            for kind, ident, head, body in parse_blocks(text):
                numbering.block(kind, ident, head, body)
        ids = dict(numbering.ids)

        def art(ident: str) -> int:
            if ident not in ids:
                raise ReferenceDataError(
                    "reference_data_invalid",
                    file="clause template",
                    field=f"art({ident!r})",
                    problem="no such article",
                )
            return ids[ident]

        rendered = _render_all(envr, names, values, art)
    except jinja2.TemplateError as exc:
        raise ReferenceDataError(
            "reference_data_invalid",
            file=f"templates/clauses/{version}",
            field=lang,
            problem=str(exc),
        ) from None
    numbering = _Numbering(lang)
    meta: dict[str, str] = {}
    front: list[Block] = []
    sections: list[Section] = []
    for name, text in zip(names, rendered, strict=True):
        blocks: list[Block] = []
        title = ""
        for kind, ident, head, body in parse_blocks(text):
            if kind in META_KINDS:
                meta[kind] = _join(head, body)
                continue
            block = numbering.block(kind, ident, head, body)
            if kind == "section" and not title:
                title = block.text
            blocks.append(block)
        if name == "front":
            front = blocks
        else:
            sections.append(Section(name, title, tuple(blocks)))
    return ClauseDocument(
        lang=lang,
        version=info.id,
        title=meta.get("meta-title", ""),
        subject=meta.get("meta-subject", ""),
        author=params.authority,
        footer=meta.get("meta-footer", ""),
        front=tuple(front),
        sections=tuple(sections),
        generated_on=params.generated_on,
        texts=texts,
    )

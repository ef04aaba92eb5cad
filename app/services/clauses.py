"""Generate the ISV texts of a tender and record what was generated.

Parameters come from the tender (authority, reference, title, category, form,
acceptance), from its contracts when awarded (plan period, reporting month, penalty,
independent check) and from the buyer's choices; what nobody chose gets the default,
and the parameter summary says so. Every generated document is recorded as a
``generated_document`` of the tender (template version, parameters, format, language,
SHA-256, who), with its audit entry, in one transaction.

The same tender, choices and "generated on" date give the same text and the same bytes:
nothing in a document comes from the clock except that date, which is a parameter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain import clauses as rules
from app.domain.canonical import canonical_text
from app.domain.clauses import ClauseParameters
from app.domain.errors import ConflictError, NotFoundError, ValidationError
from app.domain.values import from_cents
from app.io.clauses import ClauseDocument, build_document, template_version
from app.persistence import models as m
from app.persistence.audit import AuditWriter, snapshot
from app.services import registry
from app.services.context import Context


@dataclass(frozen=True)
class ClauseChoices:
    """What the buyer chose for this generation; ``None`` means "not chosen"."""

    plan_months: int | None = None
    report_month: int | None = None
    penalty: Decimal | str | None = None
    independent_check: bool | None = None
    contact_role: str | None = None
    award_method: str | None = None
    award_subject: str | None = None
    award_assessor: str | None = None
    authority: str | None = None
    generated_on: dt.date | None = None
    minister: str | None = None
    mandate: str | None = None
    general_terms: str | None = None
    penalty_cap: Decimal | str | None = None
    penalty_with_damages: bool | None = None
    notice_days: int | None = None
    award_weight: int | None = None
    award_points: int | None = None
    electronics_watch: bool | None = None


@dataclass(frozen=True)
class GeneratedClauses:
    """A generated document: its bytes and how it was recorded."""

    data: bytes
    format: str
    lang: str
    texts: tuple[str, ...]
    version: str
    sha256: str
    parameters: ClauseParameters
    document_uid: str


def _tender(session: Session, ref: str) -> m.Tender:
    tender = session.scalar(select(m.Tender).where(m.Tender.ref == ref.strip()))
    if tender is None:
        raise NotFoundError("tender_not_found", ref=ref)
    return tender


def _renderer(fmt: str) -> Callable[[ClauseDocument], bytes]:
    # Imported here: python-docx and reportlab cost start-up time (STACK.md).
    if fmt == "docx":
        from app.io.docx_render import render_docx

        return render_docx
    if fmt == "pdf":
        from app.io.clauses_pdf import render_pdf

        return render_pdf
    from app.io.md_render import render_markdown

    return render_markdown


def _merge(
    name: str, chosen: Any, contract_values: list[Any], default: Any, defaults: set[str]
) -> Any:
    """The buyer's choice, else the contracts' common value, else the default."""
    if chosen is not None:
        return chosen
    known = [v for v in contract_values if v is not None]
    if known:
        if len(set(known)) > 1:
            raise ValidationError("clauses_contracts_differ", name=name.replace("_", "-"))
        return known[0]
    defaults.add(name)
    return default


def _parameters(
    ctx: Context, session: Session, tender: m.Tender, choices: ClauseChoices, lang: str
) -> tuple[ClauseParameters, list[m.Contract]]:
    if tender.isv_applied is not True:
        raise ValidationError("clauses_isv_not_applied", ref=tender.ref)
    contracts = list(
        session.scalars(
            select(m.Contract).where(m.Contract.tender_id == tender.id).order_by(m.Contract.ref)
        )
    )
    authority = choices.authority
    if authority is None and tender.organisation_id is not None:
        authority = session.scalar(
            select(m.Organisation.name).where(m.Organisation.id == tender.organisation_id)
        )
    category_set = tender.category_set
    if category_set is None:
        found = ctx.reference.find_category(tender.category_code, tender.published)
        category_set = found.set_id if found else "-"
    defaults: set[str] = set()
    penalty = _merge(
        "penalty",
        choices.penalty,
        [from_cents(c.penalty_cents) for c in contracts],
        rules.DEFAULT_PENALTY,
        defaults,
    )
    minister, mandate = _party(choices, defaults)
    params = ClauseParameters(
        authority=authority or "",
        tender_ref=tender.ref,
        tender_title=tender.title,
        category_code=tender.category_code,
        category_set=category_set,
        form=tender.form or "",
        acceptance=tender.acceptance,
        generated_on=choices.generated_on or dt.date.today(),
        contract_refs=tuple(c.ref for c in contracts),
        plan_months=_merge(
            "plan_months",
            choices.plan_months,
            [c.plan_months for c in contracts],
            rules.DEFAULT_PLAN_MONTHS,
            defaults,
        ),
        report_month=_merge(
            "report_month",
            choices.report_month,
            [c.report_month for c in contracts],
            rules.DEFAULT_REPORT_MONTH,
            defaults,
        ),
        penalty=penalty,
        independent_check=_merge(
            "independent_check",
            choices.independent_check,
            [c.independent_check for c in contracts],
            rules.DEFAULT_INDEPENDENT_CHECK,
            defaults,
        ),
        contact_role=_merge(
            "contact_role", choices.contact_role, [], rules.DEFAULT_CONTACT_ROLE[lang], defaults
        ),
        award_method=choices.award_method,
        award_subject=choices.award_subject,
        award_assessor=choices.award_assessor,
        kind=tender.kind,
        general_terms=_general_terms(ctx, tender, choices.general_terms, defaults),
        penalty_cap=_chosen(
            "penalty_cap", choices.penalty_cap, rules.DEFAULT_PENALTY_CAP, defaults
        ),
        penalty_with_damages=_chosen(
            "penalty_with_damages",
            choices.penalty_with_damages,
            rules.DEFAULT_PENALTY_WITH_DAMAGES,
            defaults,
        ),
        notice_days=_chosen(
            "notice_days", choices.notice_days, rules.DEFAULT_NOTICE_DAYS, defaults
        ),
        award_weight=choices.award_weight,
        award_points=choices.award_points,
        electronics_watch=_chosen(
            "electronics_watch",
            choices.electronics_watch,
            rules.DEFAULT_ELECTRONICS_WATCH,
            defaults,
        ),
        minister=minister,
        mandate=mandate,
    )
    if tender.form == "award-criterion":
        for name in ("award_weight", "award_points"):
            if getattr(choices, name) is None:
                defaults.add(name)
    params = replace(params, defaults=frozenset(defaults))
    return rules.validate_parameters(params), contracts


def _chosen(name: str, chosen: Any, default: Any, defaults: set[str]) -> Any:
    if chosen is not None:
        return chosen
    defaults.add(name)
    return default


def _general_terms(ctx: Context, tender: m.Tender, chosen: str | None, defaults: set[str]) -> str:
    """The buyer's general terms, else the suggestion for the tender (marked as such,
    so the parameter summary asks the buyer to confirm it)."""
    if chosen is None:
        defaults.add("general_terms")
        return ctx.reference.suggested_terms(tender.kind, tender.category_code).code
    code = chosen.strip().lower()
    try:
        return ctx.reference.terms(code).code
    except KeyError:
        allowed = ", ".join(t.code for t in ctx.reference.general_terms)
        raise ValidationError(
            "clauses_unknown_general_terms", value=chosen, allowed=allowed
        ) from None


def _party(choices: ClauseChoices, defaults: set[str]) -> tuple[str, str]:
    """The minister and mandate line: chosen, else the organisation setting."""
    from app import settings

    current = settings.load()
    minister = choices.minister if choices.minister is not None else current.party_minister
    mandate = choices.mandate if choices.mandate is not None else current.party_mandate
    if not minister:
        defaults.add("party")
    return minister, mandate


def preview(
    ctx: Context,
    tender_ref: str,
    *,
    lang: str | None = None,
    text: str = "all",
    choices: ClauseChoices | None = None,
) -> ClauseDocument:
    """The text model of a tender's ISV texts, without writing or recording anything."""
    document, _params, _contracts, _version = _build(ctx, tender_ref, lang, text, choices)
    return document


def _build(
    ctx: Context, tender_ref: str, lang: str | None, text: str, choices: ClauseChoices | None
) -> tuple[ClauseDocument, ClauseParameters, list[int], str]:
    language = rules.check_choice(lang or ctx.lang, rules.LANGUAGES, "clauses_unknown_language")
    with ctx.db.read() as session:
        tender = _tender(session, tender_ref)
        params, contracts = _parameters(ctx, session, tender, choices or ClauseChoices(), language)
        version = tender.clause_version or registry.CURRENT_CLAUSE_VERSION
        contract_ids = [c.id for c in contracts]
    known_sets = {s.id for s in ctx.reference.category_sets}
    in_category = (
        params.category_set in known_sets
        and ctx.reference.find_category(params.category_code, set_id=params.category_set)
        is not None
    )
    texts = rules.select_texts(text, params.form, params.acceptance, in_category=in_category)
    info = template_version(version)
    document = build_document(
        params, texts, language, reference=ctx.reference, countries=ctx.countries, version=info.id
    )
    return document, params, contract_ids, info.id


def generate(
    ctx: Context,
    tender_ref: str,
    *,
    fmt: str,
    lang: str | None = None,
    text: str = "all",
    choices: ClauseChoices | None = None,
) -> GeneratedClauses:
    """Render the tender's ISV texts as ``fmt`` (docx, pdf, md) in ``lang`` and record
    the generated document. ``text`` is one of contract, guide, statement, annex, all."""
    fmt = rules.check_choice(fmt, rules.FORMATS, "clauses_unknown_format")
    document, params, contract_ids, version = _build(ctx, tender_ref, lang, text, choices)
    data = _renderer(fmt)(document)
    digest = hashlib.sha256(data).hexdigest()
    recorded = dict(params.as_json(), texts=list(document.texts))
    with ctx.db.begin() as session:
        tender = _tender(session, tender_ref)
        audit = AuditWriter(session, ctx.actor)
        row = m.GeneratedDocument(
            tender_id=tender.id,
            contract_id=contract_ids[0] if len(contract_ids) == 1 else None,
            kind=text.strip().lower() or "all",
            template_version=version,
            parameters_json=canonical_text(recorded),
            format=fmt,
            language=document.lang,
            sha256=digest,
            generated_by=ctx.actor,
        )
        session.add(row)
        audit.created("generated_document", row)
        if tender.clause_version != version or tender.text_source is None:
            _record_version(session, audit, tender, version)
        uid = row.uid
    return GeneratedClauses(
        data=data,
        format=fmt,
        lang=document.lang,
        texts=document.texts,
        version=version,
        sha256=digest,
        parameters=params,
        document_uid=uid,
    )


def save(
    ctx: Context,
    tender_ref: str,
    target: Path,
    *,
    fmt: str,
    lang: str | None = None,
    text: str = "all",
    choices: ClauseChoices | None = None,
) -> GeneratedClauses:
    """:func:`generate`, then write the document to ``target``: the file is complete or
    untouched (see :func:`app.io.files.write_atomically`)."""
    from app.io.files import write_atomically

    result = generate(ctx, tender_ref, fmt=fmt, lang=lang, text=text, choices=choices)
    write_atomically(target, result.data)
    return result


def _record_version(session: Session, audit: AuditWriter, tender: m.Tender, version: str) -> None:
    """What ``registry.set_clause_version`` does, inside this transaction, so the
    document and the tender's text version are recorded together or not at all."""
    before = snapshot(tender)
    expected = tender.version
    result = session.execute(
        update(m.Tender)
        .where(m.Tender.id == tender.id, m.Tender.version == expected)
        .values(version=expected + 1)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError("changed_by_someone_else", entity="tender", ref=tender.ref)
    session.refresh(tender)
    tender.clause_version = version
    # a text made here and not said otherwise is the text used (the buyer may correct it)
    tender.text_source = tender.text_source or "generated"
    audit.changed("tender", tender, before)


@dataclass(frozen=True)
class GeneratedRecord:
    """One recorded generation, as listed for a tender."""

    uid: str
    kind: str
    template_version: str
    format: str
    language: str
    sha256: str
    generated_at: dt.datetime
    generated_by: str
    parameters: dict[str, Any]


def history(ctx: Context, tender_ref: str) -> list[GeneratedRecord]:
    """The documents generated for a tender, newest first."""
    import json

    with ctx.db.read() as session:
        tender = _tender(session, tender_ref)
        rows = session.scalars(
            select(m.GeneratedDocument)
            .where(m.GeneratedDocument.tender_id == tender.id)
            .order_by(m.GeneratedDocument.id.desc())
        )
        return [
            GeneratedRecord(
                r.uid,
                r.kind,
                r.template_version,
                r.format,
                r.language,
                r.sha256,
                r.generated_at,
                r.generated_by,
                json.loads(r.parameters_json),
            )
            for r in rows
        ]

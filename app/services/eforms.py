"""The eForms values beside a tender's generated ISV texts (see ``app.domain.eforms``)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.eforms import eforms_fields
from app.services import clauses, registry
from app.services.context import Context


@dataclass(frozen=True)
class EformsLine:
    bt: str
    field: str  # the field's name, in the language asked
    value: str  # the code to choose or the text to paste
    meaning: str
    paste: bool


def guidance(
    ctx: Context,
    tender_ref: str,
    *,
    lang: str | None = None,
    choices: clauses.ClauseChoices | None = None,
) -> list[EformsLine]:
    """The eForms fields for the tender in ``lang``; empty when the ISV are not applied.
    BT-70 carries the generated contract text, made with the same ``choices``."""
    language = lang or ctx.lang
    tender = registry.get_tender(ctx, tender_ref)
    if tender.decision is None or not tender.decision.applied:
        return []
    contract = clauses.preview(ctx, tender_ref, lang=language, text="contract", choices=choices)
    # the clauses themselves, without the document's front matter (title, authority, …)
    clause_text = "\n".join(
        f"{block.label} {block.text}".strip() for s in contract.sections for block in s.blocks
    )
    catalog = ctx.catalog
    lines = []
    for field in eforms_fields(tender.decision.form, clause_text):
        value = field.value
        if catalog.has(value):  # a suggested sentence, in the notice's language
            value = catalog.text(value, language)
        lines.append(
            EformsLine(
                field.bt,
                catalog.text(field.name, language),
                value,
                catalog.text(field.meaning, language),
                field.paste,
            )
        )
    return lines

"""Words for the codes the services return (verdicts, kinds, decisions, states)."""

from __future__ import annotations

from app import locator
from app.domain.messages import apply_plurals
from app.domain.reference import OUTSIDE_CATEGORIES
from app.domain.values import IsvDecision
from app.ui.i18n import tr


def counted(text: str, **params: object) -> str:
    """A translated sentence (``tr(...)``) with counts filled in: ``{n|woord|woorden}``
    agrees with ``n``, so the window says "1 waarschuwing" and "2 waarschuwingen"."""
    return apply_plurals(text, params).format(**params)


def verdict_label(code: str) -> str:
    return {
        "mandatory": tr("Verplicht"),
        "voluntary_below_threshold": tr("Vrijwillig: onder de drempel"),
        "voluntary_outside_categories": tr("Vrijwillig: buiten de categorieën"),
        "threshold_unknown": tr("Drempel onbekend"),
        "not_in_force": tr("ISV nog niet van kracht"),
    }.get(code, code)


def kind_label(code: str) -> str:
    return {
        "supplies": tr("Leveringen"),
        "services": tr("Diensten"),
        "works": tr("Werken"),
        "social-services": tr("Sociale en andere specifieke diensten (bijlage XIV)"),
        "defence-supplies": tr("Defensie en veiligheid: leveringen"),
        "defence-services": tr("Defensie en veiligheid: diensten"),
        "defence-works": tr("Defensie en veiligheid: werken"),
    }.get(code, code)


def category_label(code: str, set_id: str | None, lang: str) -> str:
    if code == OUTSIDE_CATEGORIES:
        return tr("Buiten de risicocategorieën")
    reference = locator.reference()
    try:
        category = reference.find_category(code, set_id=set_id) if set_id else None
    except KeyError:
        category = None
    category = category or reference.find_category(code)
    return category.name(lang) if category else code


def decision_label(decision: IsvDecision | None, lang: str) -> str:
    if decision is None:
        return tr("Nog geen besluit")
    if not decision.applied:
        return tr("Niet toegepast")
    form = locator.reference().label("forms", decision.form or "", lang)
    return tr("Toegepast: {form}").format(form=form)


def acceptance_label(code: str | None) -> str:
    return {
        "implicit": tr("Impliciet (meedoen is aanvaarden)"),
        "explicit": tr("Expliciet (verklaring of checklist)"),
    }.get(code or "", "")


def evidence_type_label(code: str, lang: str) -> str:
    return locator.reference().label("evidence_types", code, lang)


def intensity_label(code: str, lang: str) -> str:
    """A follow-up intensity (self-report, document review, audit, site visit) in words."""
    return locator.catalog().text(f"dossier_intensity_{code}", lang)


def country_label(code: str, lang: str) -> str:
    try:
        return locator.countries().name(code, lang)
    except (KeyError, AttributeError):
        return code

"""For every category of both sets, both languages and every form: the DOCX paragraphs,
the PDF's extracted text and the Markdown each contain the obligations, the ten ILO
conventions, the OECD Guidelines and UN Guiding Principles, and the parameter values.

The text model is rendered once per combination and all three formats are read back
with their own readers (python-docx; poppler's pdftotext for every PDF and pypdf for a
third of them, spread over categories, languages and forms; the Markdown source with its
escapes resolved)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from app import locator
from app.domain.clauses import ClauseParameters
from app.domain.formatting import format_money
from tests.clauses.conftest import (
    TITLE,
    Rendered,
    docx_text,
    make_document,
    make_params,
    markdown_text,
    needs_poppler,
    normalise,
    pdftotext_text,
    pypdf_text,
)

CONVENTIONS = ("C29", "C87", "C98", "C100", "C105", "C111", "C138", "C155", "C182", "C187")

FRAMEWORKS = {
    "nl": (
        "OESO-richtlijnen voor multinationale ondernemingen",
        "OECD Guidelines for Multinational Enterprises",
        "UN Guiding Principles on Business and Human Rights",
        "Tripartiete Beginselverklaring van de ILO inzake multinationale ondernemingen en "
        "sociaal beleid (ILO MNE Declaration)",
    ),
    "en": (
        "OECD Guidelines for Multinational Enterprises",
        "UN Guiding Principles on Business and Human Rights",
        "ILO Tripartite Declaration of Principles concerning Multinational Enterprises and "
        "Social Policy (MNE Declaration)",
    ),
}

PARTY = {
    "nl": "Opdrachtgever: de Staat der Nederlanden, vertegenwoordigd door de Minister van "
    "Binnenlandse Zaken en Koninkrijksrelaties, namens deze: de directeur Inkoop",
    "en": "Contracting Authority means the State of the Netherlands (de Staat der Nederlanden), "
    "represented by the Minister of Binnenlandse Zaken en Koninkrijksrelaties, on whose "
    "behalf: de directeur Inkoop",
}
PENALTY = {
    "nl": (
        "In afwijking van artikel 6:92, eerste en tweede lid, van het Burgerlijk Wetboek komt de "
        "boete niet in de plaats van schadevergoeding",
        "ten hoogste € 60.000 per contractjaar",
        "een termijn van ten minste 21 dagen",
        "op de dag na het ongebruikt verstrijken van de termijn van de ingebrekestelling",
    ),
    "en": (
        "By way of derogation from Article 6:92(1) and (2) of the Dutch Civil Code",
        "no more than €60,000 per contract year",
        "a period of at least 21 days",
        "on the day after the period of the notice of default has passed",
    ),
}
PRECEDENCE = {
    "nl": ("van toepassing", "gaat het eerder genoemde document voor het later genoemde"),
    "en": ("apply to the contract", "the document named first prevails over the one named later"),
}
MINIMUM = {
    "nl": (
        "een minimumeis over deze opdracht: het ketenbeheer en de tracering",
        "bijlage XII, deel II, onder d, en overweging 97",
        "Een algemeen ondernemingsbeleid alleen voldoet daar niet aan.",
    ),
    "en": (
        "a minimum requirement about this contract: the supply-chain management and tracing",
        "Annex XII, Part II, point (d), and recital 97",
        "A general company policy alone does not meet it.",
    ),
}
WEIGHTING = {
    "nl": ("Weging", "15 % van de totale score", "0 tot en met 20 punten", "Het plan krijgt"),
    "en": ("Weighting", "15 % of the total score", "0 to 20 points", "The plan is scored"),
}
ENDED = ("Convenant Duurzame Kleding", "Agreement on Sustainable Garments")
"""The textile covenant ended on 31 December 2021: no 2026 text offers it."""

OBLIGATIONS = {
    "nl": (
        "gepaste zorgvuldigheid (due diligence)",
        "beschikt over een beleid waarin hij vastlegt hoe hij zijn verantwoordelijkheid",
        "(ISV-beleid)",
        # the chain risk analysis and its five elements
        "ketenrisicoanalyse",
        "de producten en diensten die de Opdrachtnemer onder de overeenkomst levert",
        "de landen waar deze producten en diensten worden voortgebracht, en de toeleveranciers",
        "een beoordeling van de risico’s per product of dienst en per land",
        "onafhankelijk onderzoek, voor zover dat voor een goede beoordeling nodig is",
        "raadpleging van belanghebbenden, zoals maatschappelijke organisaties en vakbonden",
        # plan of action, dialogue, reporting, remediation, sub-suppliers
        "na de ingangsdatum van de overeenkomst een plan van aanpak voor",
        "Dialoog en redelijke inspanning",
        "rapporteert jaarlijks schriftelijk",
        "rapportage bij afronding",
        "openbaar verantwoording",
        "zorgt voor herstel van de gevolgen van een misstand",
        "Doorgeven aan toeleveranciers",
        "voor zover dat redelijk is",
        # the escalation ladder in five steps
        "a. Dialoog:",
        "b. Extern advies of nader onderzoek:",
        "c. Ingebrekestelling:",
        "d. Boete:",
        "e. Ontbinding:",
    ),
    "en": (
        "shall exercise due diligence",
        "shall have a policy setting out how it meets its responsibility",
        "(ISV policy)",
        "supply-chain risk analysis",
        "the goods and services that the Supplier delivers under the contract",
        "the countries in which those goods and services are produced, and the sub-suppliers",
        "an assessment of the risks per good or service and per country",
        "independent research, where this is needed for a sound assessment",
        "consultation of stakeholders, such as civil-society organisations and trade unions",
        "the Supplier shall submit a plan of action",
        "Dialogue on reasonable effort",
        "shall report in writing to the Contracting Authority every year",
        "the report at completion",
        "shall account publicly",
        "shall provide for or cooperate in remediation",
        "Passing obligations on to sub-suppliers",
        "insofar as this is reasonable",
        "a. Dialogue:",
        "b. External advice or further investigation:",
        "c. Notice of default:",
        "d. Penalty:",
        "e. Termination:",
    ),
}

INDEPENDENT = {
    "nl": "laten controleren door een onafhankelijke partij",
    "en": "verified by an independent party",
}

FORM_TEXT = {
    ("contract-condition", "implicit", "nl"): (
        "Toepassing als uitvoeringsvoorwaarde",
        "Door in te schrijven aanvaardt de inschrijver",
    ),
    ("contract-condition", "explicit", "nl"): (
        "Toepassing als uitvoeringsvoorwaarde",
        "Conformiteitsverklaring Internationale Sociale",
        "Handtekening",
        "Naam ondertekenaar",
    ),
    ("minimum-requirement", None, "nl"): (
        "Toepassing als minimumeis",
        "wordt niet verder beoordeeld",
    ),
    ("award-criterion", None, "nl"): (
        "Toepassing als gunningscriterium",
        "Waarop wordt beoordeeld",
        "Hoe wordt beoordeeld",
        "Door wie wordt beoordeeld",
    ),
    ("contract-condition", "implicit", "en"): (
        "Application as a contract performance",
        "By submitting a bid, the bidder accepts",
    ),
    ("contract-condition", "explicit", "en"): (
        "Application as a contract performance",
        "Compliance statement: International Social",
        "Signature",
        "Name of the signatory",
    ),
    ("minimum-requirement", None, "en"): (
        "Application as a minimum requirement",
        "will not be evaluated further",
    ),
    ("award-criterion", None, "en"): (
        "Application as an award criterion",
        "What is scored",
        "How it is scored",
        "Who scores",
    ),
}

FORMS = (
    ("contract-condition", "implicit"),
    ("contract-condition", "explicit"),
    ("minimum-requirement", None),
    ("award-criterion", None),
)
CATEGORIES = tuple((c.set_id, c.code) for c in locator.reference().all_categories())
AWARD = {
    "award_method": "0 tot 10 punten, weging 20 % & <ketentransparantie>",
    "award_subject": "de kwaliteit van de eerste ketenrisicoanalyse",
    "award_assessor": "een commissie van drie inkopers en de MVI-coördinator",
}
MONTH = {"nl": "mei", "en": "May"}
GUIDANCE = {"nl": "Deze bijlage is een handreiking", "en": "This annex is guidance"}

COMBINATIONS = list(itertools.product(CATEGORIES, ("nl", "en"), FORMS))


def expected_phrases(
    params: ClauseParameters,
    lang: str,
    form: str,
    acceptance: str | None,
    set_id: str,
    code: str,
    independent: bool,
) -> list[str]:
    reference, countries = locator.reference(), locator.countries()
    category = reference.find_category(code, set_id=set_id)
    assert category is not None
    phrases = [
        *OBLIGATIONS[lang],
        *FRAMEWORKS[lang],
        *CONVENTIONS,
        *FORM_TEXT[(form, acceptance, lang)],
        TITLE,
        params.authority,
        params.tender_ref,
        "C-2026-01",
        "contractbeheerder",
        "4 maanden" if lang == "nl" else "4 months",
        MONTH[lang],
        normalise(format_money(params.penalty, lang)),
        category.name(lang),
        category.risks(lang)[0],
        category.risks(lang)[-1],
        countries.name(category.countries[0], lang),
        countries.name(category.countries[-1], lang),
        GUIDANCE[lang],
        reference.sources[category.sources[0]].url,
    ]
    terms = reference.terms(params.general_terms)
    phrases += [PARTY[lang], *PENALTY[lang], *PRECEDENCE[lang], terms.name, terms.title(lang)]
    if form == "minimum-requirement":
        phrases.extend(MINIMUM[lang])
    if form == "award-criterion":
        phrases.extend(AWARD.values())
        phrases.extend(WEIGHTING[lang])
    if independent:
        phrases.append(INDEPENDENT[lang])
    return phrases


@needs_poppler
@pytest.mark.parametrize(
    ("category", "lang", "form"),
    COMBINATIONS,
    ids=[f"{c[1]}@{c[0]}-{lang}-{f[0]}-{f[1]}" for c, lang, f in COMBINATIONS],
)
def test_every_format_contains_the_obligations_and_parameters(
    category: tuple[str, str],
    lang: str,
    form: tuple[str, str | None],
    render_all: Callable[..., Rendered],
    tmp_path: Path,
) -> None:
    set_id, code = category
    form_code, acceptance = form
    index = COMBINATIONS.index((category, lang, form))
    independent = index % 2 == 0  # half with the optional article, half without
    extra: dict[str, object] = (
        {**AWARD, "award_weight": 15, "award_points": 20} if form_code == "award-criterion" else {}
    )
    kind = ("supplies", "services", "works")[index % 3]
    params = make_params(
        category_code=code,
        category_set=set_id,
        form=form_code,
        acceptance=acceptance,
        independent_check=independent,
        kind=kind,
        general_terms=locator.reference().suggested_terms(kind, code).code,
        minister="Binnenlandse Zaken en Koninkrijksrelaties",
        mandate="de directeur Inkoop",
        penalty_cap=Decimal(60000),
        notice_days=21,
        **extra,
    )
    rendered = render_all(make_document(params, lang))
    footer = rendered.document.footer
    path = tmp_path / "clauses.pdf"
    path.write_bytes(rendered.pdf)
    texts = {
        "docx": docx_text(rendered.docx),
        "pdf (pdftotext)": pdftotext_text(path, footer),
        "md": markdown_text(rendered.md),
    }
    if index % 3 == 0:  # pypdf too, on a spread of combinations (it is the slow reader)
        texts["pdf (pypdf)"] = pypdf_text(rendered.pdf, footer)
    phrases = expected_phrases(params, lang, form_code, acceptance, set_id, code, independent)
    for name, text in texts.items():
        # A long address wraps inside the address in a PDF: compare it without spaces.
        missing = [
            p
            for p in phrases
            if (
                p.replace(" ", "") not in text.replace(" ", "")
                if p.startswith("http")
                else normalise(p) not in text
            )
        ]
        assert not missing, f"{name} lacks {missing}"
        if not independent:
            assert INDEPENDENT[lang] not in text, name
        assert not any(ended in text for ended in ENDED), name
        if acceptance != "explicit":
            statement = FORM_TEXT[("contract-condition", "explicit", lang)][1]
            assert statement not in text, name

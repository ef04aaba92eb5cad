"""The figures of the yearly ISV report: a stable code, a group and a definition in words
(Dutch and English) for each. Standard library only. The definitions of the report's
terms (reference date, SDG targets, steps, merging) that the annex prints, and the
groups' names, are in the message catalogue (``report_text_definition_*``,
``report_text_group_*``), with the documents' other words.

No official ISV indicator set exists, so every figure is defined here in words and
counted in :mod:`app.domain.report` as a plain sum of flags on one row per tender or per
contract.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.languages import choose

# ---------------------------------------------------------------------------------------
# Figure definitions
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureDef:
    """One figure of the report: a stable code, its name and its definition in words."""

    code: str
    group: str  # tenders, contracts, due_diligence, follow_up
    nl: str
    en: str
    definition_nl: str
    definition_en: str
    money: bool = False

    def name(self, lang: str) -> str:
        return choose(lang, {"nl": self.nl, "en": self.en})

    def definition(self, lang: str) -> str:
        return choose(lang, {"nl": self.definition_nl, "en": self.definition_en})


GROUPS: tuple[str, ...] = ("tenders", "contracts", "due_diligence", "follow_up")
"""The groups of figures, in the report's order; their names are the catalogue's
``report_text_group_<group>``."""


def _f(
    code: str, group: str, nl: str, en: str, def_nl: str, def_en: str, money: bool = False
) -> FigureDef:  # a table of definitions reads best positionally
    return FigureDef(code, group, nl, en, def_nl, def_en, money)


FIGURES: tuple[FigureDef, ...] = (
    # -- tenders ---------------------------------------------------------------------
    _f(
        "tenders",
        "tenders",
        "Aanbestedingen",
        "Tenders",
        "Aanbestedingen die in het verslagjaar (1 januari tot en met 31 december) zijn gegund "
        "(telling naar gunningsdatum, zoals de JBR telt) of, bij telling naar publicatiedatum, "
        "gepubliceerd; per categorie in de indeling van het verslagjaar.",
        "Tenders awarded in the report year (1 January to 31 December inclusive; counted by "
        "award date, as the JBR counts) or, when counted by publication date, published in "
        "it; per category in the category set of the report year.",
    ),
    _f(
        "tenders_value",
        "tenders",
        "Geraamde waarde aanbestedingen",
        "Estimated value of tenders",
        "Som van de geraamde opdrachtwaarde (exclusief btw) van de getelde aanbestedingen.",
        "Sum of the estimated contract value (excluding VAT) of the tenders counted.",
        money=True,
    ),
    _f(
        "tenders_value_mandatory",
        "tenders",
        "Waarde met ISV verplicht",
        "Value with ISV mandatory",
        "Som van de geraamde waarde van de aanbestedingen waarvoor de ISV verplicht waren.",
        "Sum of the estimated value of the tenders for which the ISV were mandatory.",
        money=True,
    ),
    _f(
        "tenders_value_applied_mandatory",
        "tenders",
        "Waarde met ISV verplicht en toegepast",
        "Value with ISV mandatory and applied",
        "Som van de geraamde waarde van de aanbestedingen waarvoor de ISV verplicht waren en "
        "die ze toepasten. Gedeeld door de vorige waarde is dit het aandeel naar waarde.",
        "Sum of the estimated value of the tenders for which the ISV were mandatory and "
        "which applied them. Divided by the previous value, this is the share by value.",
        money=True,
    ),
    _f(
        "tenders_isv_mandatory",
        "tenders",
        "ISV verplicht",
        "ISV mandatory",
        "Getelde aanbestedingen in een ISV-risicocategorie met een geraamde waarde op of "
        "boven de Europese drempel die op de publicatiedatum gold voor hun soort opdracht.",
        "Tenders counted in an ISV risk category whose estimated value is at or above the "
        "European threshold in force on the publication date for their kind of contract.",
    ),
    _f(
        "tenders_isv_applied_mandatory",
        "tenders",
        "ISV verplicht en toegepast",
        "ISV mandatory and applied",
        "Aanbestedingen waarvoor de ISV verplicht waren en waarin de inkoper ze heeft opgenomen.",
        "Tenders for which the ISV were mandatory and in which the buyer included them.",
    ),
    _f(
        "tenders_isv_not_applied_mandatory",
        "tenders",
        "ISV verplicht, niet toegepast",
        "ISV mandatory, not applied",
        "Aanbestedingen waarvoor de ISV verplicht waren en waarin de inkoper ze met een "
        "vastgelegde reden niet heeft opgenomen; het rapport telt ze per redencode uit de "
        "vaste lijst (zonder code: ‘geen code’).",
        "Tenders for which the ISV were mandatory and in which the buyer did not include "
        "them, with a recorded reason; the report counts them per reason code of the fixed "
        "list (without a code: ‘no code’).",
    ),
    _f(
        "tenders_isv_undecided_mandatory",
        "tenders",
        "ISV verplicht, geen besluit",
        "ISV mandatory, no decision",
        "Aanbestedingen waarvoor de ISV verplicht waren en waarvoor nog geen besluit over "
        "toepassing is vastgelegd.",
        "Tenders for which the ISV were mandatory and no decision on applying them has been "
        "recorded.",
    ),
    _f(
        "tenders_isv_applied_voluntary",
        "tenders",
        "ISV vrijwillig toegepast",
        "ISV applied voluntarily",
        "Aanbestedingen onder de drempel of buiten de risicocategorieën waarin de ISV toch "
        "zijn opgenomen.",
        "Tenders below the threshold or outside the risk categories in which the ISV were "
        "included all the same.",
    ),
    _f(
        "tenders_threshold_unknown",
        "tenders",
        "Drempel onbekend",
        "Threshold unknown",
        "Aanbestedingen in een risicocategorie waarvoor op de publicatiedatum geen drempel in "
        "de drempeltabel staat; of de ISV verplicht waren is dan niet vast te stellen.",
        "Tenders in a risk category for whose publication date the threshold table holds no "
        "threshold, so whether the ISV were mandatory cannot be established.",
    ),
    _f(
        "tenders_form_contract_condition",
        "tenders",
        "Toegepast als uitvoeringsvoorwaarde",
        "Applied as contract performance condition",
        "Aanbestedingen waarin de ISV zijn toegepast als uitvoeringsvoorwaarde (verplicht of "
        "vrijwillig).",
        "Tenders that applied the ISV as a contract performance condition (mandatory or "
        "voluntary).",
    ),
    _f(
        "tenders_form_minimum_requirement",
        "tenders",
        "Toegepast als minimumeis",
        "Applied as minimum requirement",
        "Aanbestedingen waarin de ISV zijn toegepast als minimumeis.",
        "Tenders that applied the ISV as a minimum requirement.",
    ),
    _f(
        "tenders_form_award_criterion",
        "tenders",
        "Toegepast als gunningscriterium",
        "Applied as award criterion",
        "Aanbestedingen waarin de ISV zijn toegepast als gunningscriterium.",
        "Tenders that applied the ISV as an award criterion.",
    ),
    _f(
        "tenders_clause_current",
        "tenders",
        "Tekst van ISV-assistent, actuele versie",
        "ISV-assistent text, current version",
        "Aanbestedingen die de ISV toepasten met een tekst die met ISV-assistent is gemaakt, "
        "in de actuele tekstversie (die het rapport noemt). Dit is een eigen tekst, niet de "
        "officiële bestekteksten.",
        "Tenders that applied the ISV with a text made with ISV-assistent in the current "
        "text version (named in the report). This is our own text, not the official standard "
        "tender texts.",
    ),
    _f(
        "tenders_text_generated_older",
        "tenders",
        "Tekst van ISV-assistent, oudere versie",
        "ISV-assistent text, older version",
        "Aanbestedingen die de ISV toepasten met een tekst van ISV-assistent in een oudere "
        "tekstversie.",
        "Tenders that applied the ISV with an ISV-assistent text in an older text version.",
    ),
    _f(
        "tenders_text_official",
        "tenders",
        "Officiële bestekteksten",
        "Official standard texts",
        "Aanbestedingen die de ISV toepasten met de officiële bestekteksten van BZK, zoals de "
        "inkoper heeft bevestigd.",
        "Tenders that applied the ISV with the official BZK standard tender texts, as the "
        "buyer confirmed.",
    ),
    _f(
        "tenders_text_own",
        "tenders",
        "Eigen tekst",
        "Own text",
        "Aanbestedingen die de ISV toepasten met een eigen tekst van de inkoper.",
        "Tenders that applied the ISV with the buyer's own text.",
    ),
    _f(
        "tenders_text_unknown",
        "tenders",
        "Tekst niet vastgelegd",
        "Text not recorded",
        "Aanbestedingen die de ISV toepasten zonder vastgelegd welke tekst zij gebruikten.",
        "Tenders that applied the ISV without a record of which text they used.",
    ),
    # -- contracts -------------------------------------------------------------------
    _f(
        "contracts_active",
        "contracts",
        "Lopende contracten",
        "Contracts active",
        "Contracten waarvan de looptijd (begin- tot en met einddatum) het verslagjaar "
        "geheel of gedeeltelijk overlapt; een contract van drie jaar telt in elk van die "
        "jaren.",
        "Contracts whose period (start to end date inclusive) overlaps the report year in "
        "whole or in part; a three-year contract counts in each of those years.",
    ),
    _f(
        "contracts_value",
        "contracts",
        "Waarde lopende contracten",
        "Value of contracts active",
        "Som van de vastgelegde contractwaarde van de lopende contracten (de hele waarde, "
        "niet verdeeld over jaren); contracten zonder waarde tellen niet mee.",
        "Sum of the recorded contract value of the contracts active (the whole value, not "
        "spread over years); contracts without a value add nothing.",
        money=True,
    ),
    _f(
        "contracts_isv",
        "contracts",
        "Lopende contracten met ISV",
        "Contracts active with ISV",
        "Lopende contracten uit een aanbesteding waarin de ISV zijn toegepast. Alle cijfers "
        "over gepaste zorgvuldigheid en opvolging gaan over deze contracten.",
        "Contracts active that came from a tender which applied the ISV. All due-diligence "
        "and follow-up figures are about these contracts.",
    ),
    # -- due diligence ---------------------------------------------------------------
    _f(
        "risk_analysis_received",
        "due_diligence",
        "Risicoanalyse ontvangen",
        "Risk analysis received",
        "Contracten met ISV waarvoor op de peildatum een risicoanalyse is ontvangen: een "
        "ingelezen leveranciersrapportage of een bewijsstuk van het type risicoanalyse.",
        "Contracts with ISV for which a risk analysis had been received by the reference "
        "date: an imported supplier workbook or a document of the type risk analysis.",
    ),
    _f(
        "risk_analysis_on_time",
        "due_diligence",
        "Risicoanalyse op tijd",
        "Risk analysis on time",
        "Van de ontvangen risicoanalyses: de eerste kwam binnen op of voor haar termijn "
        "(contractstart plus het afgesproken aantal maanden; zonder eigen termijn die van "
        "het plan van aanpak).",
        "Of the risk analyses received: the first arrived on or before its deadline "
        "(contract start plus the agreed number of months; without a term of its own, that "
        "of the plan of action).",
    ),
    _f(
        "risk_analysis_late",
        "due_diligence",
        "Risicoanalyse te laat",
        "Risk analysis late",
        "Van de ontvangen risicoanalyses: de eerste kwam na die termijn binnen.",
        "Of the risk analyses received: the first arrived after that deadline.",
    ),
    _f(
        "risk_analysis_overdue",
        "due_diligence",
        "Risicoanalyse ontbreekt na termijn",
        "Risk analysis missing after deadline",
        "Contracten met ISV zonder risicoanalyse waarvan de termijn op de peildatum "
        "verstreken is (OESO-stap 2 ‘te laat’).",
        "Contracts with ISV without a risk analysis whose deadline had passed by the "
        "reference date (OECD step 2 ‘overdue’).",
    ),
    _f(
        "plan_agreed",
        "due_diligence",
        "Plan van aanpak afgesproken",
        "Plan of action agreed",
        "Contracten met ISV waarvan het plan van aanpak op of voor de peildatum als "
        "redelijke inspanning is afgesproken (een vastgelegde datum; OESO-stap 3 ‘gereed’).",
        "Contracts with ISV whose plan of action had been agreed as a reasonable effort on "
        "or before the reference date (a recorded date; OECD step 3 ‘done’).",
    ),
    _f(
        "plan_overdue",
        "due_diligence",
        "Plan van aanpak te laat",
        "Plan of action overdue",
        "Contracten met ISV zonder afgesproken plan van aanpak waarvan de termijn op de "
        "peildatum verstreken is (OESO-stap 3 ‘te laat’).",
        "Contracts with ISV without an agreed plan of action whose deadline had passed by "
        "the reference date (OECD step 3 ‘overdue’).",
    ),
    _f(
        "yearly_report_due",
        "due_diligence",
        "Jaarrapportage verschuldigd",
        "Yearly report due",
        "Contracten met ISV waarvan een jaarrapportage (per contractjaar) een uiterste datum "
        "had tussen 1 januari van het verslagjaar en de peildatum.",
        "Contracts with ISV that owed a yearly report (one per contract year) with a due "
        "date between 1 January of the report year and the reference date.",
    ),
    _f(
        "yearly_report_received",
        "due_diligence",
        "Jaarrapportage ontvangen",
        "Yearly report received",
        "Contracten met ISV waarvoor in het verslagjaar (tot de peildatum) een bewijsstuk "
        "van het type jaarrapportage is ontvangen.",
        "Contracts with ISV for which a document of the type yearly report was received in "
        "the report year (up to the reference date).",
    ),
    _f(
        "yearly_report_sufficient",
        "due_diligence",
        "Jaarrapportage voldoende beoordeeld",
        "Yearly report assessed sufficient",
        "Contracten met ISV waarvan de contractmanager in het verslagjaar een jaarrapportage "
        "als voldoende heeft beoordeeld.",
        "Contracts with ISV for which the contract manager assessed a yearly report as "
        "sufficient in the report year.",
    ),
    _f(
        "risks",
        "due_diligence",
        "Risico's in de laatste risicoanalyse",
        "Risks in the latest risk analysis",
        "Aantal risico's in de laatste leveranciersrapportage die op de peildatum per "
        "contract met ISV was ontvangen; naar thema en prioriteit uitgesplitst. De "
        "prioriteit volgt de OESO-regel: ernst eerst, waarschijnlijkheid daarna.",
        "Number of risks in the latest supplier workbook received by the reference date for "
        "each contract with ISV, split by theme and priority. Priority follows the OECD "
        "rule: severity first, likelihood second.",
    ),
    _f(
        "risks_high",
        "due_diligence",
        "Risico's met hoge prioriteit",
        "High-priority risks",
        "Van die risico's: met prioriteit hoog.",
        "Of those risks: with high priority.",
    ),
    _f(
        "measures",
        "due_diligence",
        "Maatregelen",
        "Measures",
        "Aantal maatregelen in dezelfde laatste leveranciersrapportages.",
        "Number of measures in those same latest supplier workbooks.",
    ),
    _f(
        "measures_completed",
        "due_diligence",
        "Maatregelen afgerond",
        "Measures completed",
        "Van die maatregelen: met status afgerond.",
        "Of those measures: with status completed.",
    ),
    _f(
        "measures_overdue",
        "due_diligence",
        "Maatregelen over de einddatum",
        "Measures past their due date",
        "Van die maatregelen: einddatum voor de peildatum en niet afgerond of vervallen.",
        "Of those measures: due date before the reference date, and neither completed nor "
        "cancelled.",
    ),
    # -- follow-up ---------------------------------------------------------------------
    _f(
        "signals_received",
        "follow_up",
        "Signalen ontvangen",
        "Signals received",
        "Signalen van mogelijke misstanden bij contracten met ISV, ontvangen in het "
        "verslagjaar tot de peildatum.",
        "Signals of possible abuses on contracts with ISV, received in the report year up to "
        "the reference date.",
    ),
    _f(
        "signals_closed",
        "follow_up",
        "Signalen afgehandeld",
        "Signals closed",
        "Signalen die in het verslagjaar tot de peildatum zijn afgesloten.",
        "Signals closed in the report year up to the reference date.",
    ),
    _f(
        "signals_open",
        "follow_up",
        "Signalen open op de peildatum",
        "Signals open at the reference date",
        "Signalen ontvangen op of voor de peildatum en op die datum nog niet afgesloten.",
        "Signals received on or before the reference date and not closed by then.",
    ),
    _f(
        "escalation_steps",
        "follow_up",
        "Escalatiestappen",
        "Escalation steps",
        "Stappen op de escalatieladder (dialoog, extern advies, ingebrekestelling, boete, "
        "ontbinding) genomen in het verslagjaar tot de peildatum; per stap uitgesplitst.",
        "Steps on the escalation ladder (dialogue, external advice, notice of default, "
        "penalty, termination) taken in the report year up to the reference date; split by "
        "step.",
    ),
    _f(
        "evidence_expiring",
        "follow_up",
        "Bewijsstukken die verlopen",
        "Evidence expiring",
        "Geldige bewijsstukken (niet vervangen door een nieuwer stuk) bij contracten met ISV "
        "waarvan de geldigheid afloopt tussen 1 januari van het verslagjaar en 90 dagen na "
        "de peildatum, en vóór het einde van het contract (een stuk dat langer geldig is "
        "dan het contract dekt het contract).",
        "Documents still in force (not superseded by a newer one) on contracts with ISV "
        "whose validity ends between 1 January of the report year and 90 days after the "
        "reference date, and before the contract ends (a document valid beyond the end "
        "covers the contract).",
    ),
)

FIGURE_BY_CODE: Mapping[str, FigureDef] = {f.code: f for f in FIGURES}
TENDER_FIGURES = tuple(f.code for f in FIGURES if f.group == "tenders")
CONTRACT_FIGURES = tuple(f.code for f in FIGURES if f.group != "tenders")
SPEC_FIGURES = (
    "tenders",
    "tenders_isv_mandatory",
    "tenders_isv_applied_mandatory",
    "tenders_isv_applied_voluntary",
    "contracts_active",
)
"""The figures that ``report --json`` must carry at least (spec/cli.md)."""

NO_REASON_CODE = "no-code"
"""How a not-applied decision without a reason code (older records) is counted."""

TEXT_FIGURES = {
    "official": "tenders_text_official",
    "own": "tenders_text_own",
}

FORM_FIGURES = {
    "contract-condition": "tenders_form_contract_condition",
    "minimum-requirement": "tenders_form_minimum_requirement",
    "award-criterion": "tenders_form_award_criterion",
}

"""The yearly ISV report: what each figure means, the facts it is counted from, and the count.

No official ISV indicator set exists, so every figure here is defined in words (Dutch and
English; the report's annex prints these definitions) and is a plain sum of flags on one
row per tender or per contract. The Excel data sheets show exactly those rows, so anyone
can recount a figure with a filter.

The facts (:class:`YearFacts`) are the canonical records a report is made from, whether
they come from the local database or from other installations' exports; each carries the
``uid`` that identifies it across installations. Counting is a pure function of the facts,
the year and the reference date (``as_of``): the same facts always give the same figures.

Standard library only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import json.encoder
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from app.domain.calendar import overlaps_year
from app.domain.deadlines import plan_due, report_schedule
from app.domain.followup import (
    OPEN_MEASURE_STATUSES,
    STEP_CODES,
    ContractFacts,
    StepState,
    derive_states,
    evidence_expiry_matters,
)

EXPIRY_WINDOW_DAYS = 90
"""Evidence counts as expiring when its validity ends up to this many days after ``as_of``."""

CLOSED_MEASURE_STATUSES = ("completed", "cancelled")


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
        return self.en if lang == "en" else self.nl

    def definition(self, lang: str) -> str:
        return self.definition_en if lang == "en" else self.definition_nl


GROUPS: tuple[tuple[str, str, str], ...] = (
    ("tenders", "Aanbestedingen", "Tenders"),
    ("contracts", "Contracten", "Contracts"),
    ("due_diligence", "Gepaste zorgvuldigheid", "Due diligence"),
    ("follow_up", "Opvolging", "Follow-up"),
)


def _f(
    code: str, group: str, nl: str, en: str, def_nl: str, def_en: str, money: bool = False
) -> FigureDef:  # a table of definitions reads best positionally
    return FigureDef(code, group, nl, en, def_nl, def_en, money)


FIGURES: tuple[FigureDef, ...] = (
    # -- tenders ---------------------------------------------------------------------
    _f(
        "tenders",
        "tenders",
        "Aanbestedingen gepubliceerd",
        "Tenders published",
        "Aanbestedingen met een publicatiedatum in het verslagjaar (1 januari tot en met "
        "31 december), in de categorie waaronder ze zijn geregistreerd.",
        "Tenders whose publication date falls in the report year (1 January to 31 December "
        "inclusive), under the category they were registered in.",
    ),
    _f(
        "tenders_value",
        "tenders",
        "Geraamde waarde aanbestedingen",
        "Estimated value of tenders",
        "Som van de geraamde opdrachtwaarde (exclusief btw) van de gepubliceerde aanbestedingen.",
        "Sum of the estimated contract value (excluding VAT) of the tenders published.",
        money=True,
    ),
    _f(
        "tenders_isv_mandatory",
        "tenders",
        "ISV verplicht",
        "ISV mandatory",
        "Gepubliceerde aanbestedingen in een ISV-risicocategorie met een geraamde waarde op "
        "of boven de Europese drempel die gold op de publicatiedatum.",
        "Tenders published in an ISV risk category whose estimated value is at or above the "
        "European threshold in force on the publication date.",
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
        "vastgelegde reden niet heeft opgenomen; de redenen staan in het rapport.",
        "Tenders for which the ISV were mandatory and in which the buyer did not include "
        "them, with a recorded reason; the reasons are listed in the report.",
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
        "Met de actuele ISV-tekstversie",
        "With the current ISV text version",
        "Aanbestedingen die de ISV toepasten met de actuele versie van de bestekteksten; de "
        "versie staat in het rapport.",
        "Tenders that applied the ISV with the current version of the standard tender texts; "
        "the version is named in the report.",
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
        "Van de ontvangen risicoanalyses: de eerste kwam binnen op of voor de termijn van "
        "het plan van aanpak (contractstart plus het afgesproken aantal maanden).",
        "Of the risk analyses received: the first arrived on or before the deadline of the "
        "plan of action (contract start plus the agreed number of months).",
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

FORM_FIGURES = {
    "contract-condition": "tenders_form_contract_condition",
    "minimum-requirement": "tenders_form_minimum_requirement",
    "award-criterion": "tenders_form_award_criterion",
}

AS_OF_DEFINITION = (
    "De peildatum is 31 december van het verslagjaar, of de dag van aanmaak als die eerder "
    "valt (voor een jaar dat nog moet beginnen: 1 januari). Gegevens met een datum na de "
    "peildatum tellen niet mee.",
    "The reference date is 31 December of the report year, or the day the report is made "
    "if that is earlier (for a year still to come: 1 January). Records dated after the "
    "reference date are not counted.",
)
SDG_DEFINITION = (
    "Een SDG-subdoel telt een contract met ISV mee wanneer de laatste risicoanalyse van dat "
    "contract ten minste één risico bevat in een thema dat volgens de referentietabel thema → "
    "SDG aan dat subdoel bijdraagt; ‘risico's’ telt die risico's, ‘signalen’ de signalen van "
    "het jaar in zulke thema's.",
    "An SDG target counts a contract with ISV when the latest risk analysis of that "
    "contract holds at least one risk in a theme that the reference map theme → SDG links "
    "to that target; ‘risks’ counts those risks, ‘signals’ the year's signals in such "
    "themes.",
)
STEPS_DEFINITION = (
    "Per lopend contract met ISV is de toestand van elk van de zes OESO-stappen op de "
    "peildatum afgeleid uit de records, met dezelfde regels als het dossier: beleid, "
    "risicoanalyse en plan van aanpak zijn ‘te laat’ wanneer ze na de termijn van het plan "
    "van aanpak nog ontbreken; monitoring is ‘te laat’ bij een open maatregel over zijn "
    "einddatum; communicatie bij een ontbrekende jaarrapportage na de uiterste datum; "
    "herstel bij een escalatiestap waarop de reactie uitblijft na de gestelde datum.",
    "For each active contract with ISV, the state of each of the six OECD steps on the "
    "reference date is derived from the records with the same rules as the dossier: "
    "policy, risk analysis and plan of action are ‘overdue’ when still missing after the "
    "plan-of-action deadline; monitoring when an open measure is past its due date; "
    "communication when a yearly report is missing after its due date; remediation when "
    "a response to an escalation step is late.",
)
MERGE_DEFINITION = (
    "Bij samenvoegen telt een record (herkend aan zijn uid) één keer, ook als het in "
    "meerdere bestanden staat. Verschillen twee kopieën van hetzelfde record, dan telt de "
    "kopie uit de eerst genoemde bron (eerst de eigen database, dan de exportbestanden in de "
    "opgegeven volgorde) en staat het verschil in de lijst van conflicten.",
    "When merging, a record (recognised by its uid) counts once, even when it is in several "
    "files. When two copies of the same record differ, the copy from the source named first "
    "counts (the own database first, then the export files in the order given) and the "
    "difference is listed among the conflicts.",
)


# ---------------------------------------------------------------------------------------
# Facts: the canonical records a report is made from
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TenderFact:
    uid: str
    ref: str
    title: str
    organisation: str | None
    kind: str
    value_cents: int
    published: dt.date
    category_code: str
    category_set: str | None
    verdict: str
    isv_applied: bool | None
    not_applied_reason: str | None
    form: str | None
    clause_version: str | None


@dataclass(frozen=True)
class ContractFact:
    uid: str
    ref: str
    tender_uid: str
    supplier: str
    supplier_country: str
    start: dt.date
    end: dt.date
    value_cents: int | None
    plan_months: int
    report_month: int
    plan_agreed_on: dt.date | None


@dataclass(frozen=True)
class RiskFact:
    risk_key: str
    theme: str
    priority: str


@dataclass(frozen=True)
class MeasureFact:
    measure_key: str
    risk_key: str
    due: dt.date
    status: str


@dataclass(frozen=True)
class SubmissionFact:
    """One imported supplier workbook (never changed after import) with its risks and
    measures."""

    uid: str
    contract_uid: str
    version_no: int
    received_on: dt.date
    content_sha256: str
    risks: tuple[RiskFact, ...]
    measures: tuple[MeasureFact, ...]


@dataclass(frozen=True)
class EvidenceFact:
    uid: str
    contract_uid: str
    type: str
    received_on: dt.date
    issued_on: dt.date | None
    valid_until: dt.date | None
    supersedes_uid: str | None


@dataclass(frozen=True)
class AssessmentFact:
    uid: str
    contract_uid: str
    subject: str
    verdict: str
    assessed_on: dt.date
    contract_year: int | None


@dataclass(frozen=True)
class SignalFact:
    uid: str
    contract_uid: str
    received_on: dt.date
    theme: str
    status: str
    closed_on: dt.date | None


@dataclass(frozen=True)
class EscalationFact:
    uid: str
    contract_uid: str
    step: str
    taken_on: dt.date
    response_due: dt.date | None
    responded_on: dt.date | None


FACT_KINDS: tuple[tuple[str, type[Any]], ...] = (
    ("tenders", TenderFact),
    ("contracts", ContractFact),
    ("submissions", SubmissionFact),
    ("evidence", EvidenceFact),
    ("assessments", AssessmentFact),
    ("signals", SignalFact),
    ("escalation_steps", EscalationFact),
)
"""Every kind of fact, in the order of the export file and of the fingerprint."""

KIND_LABELS: Mapping[str, tuple[str, str]] = {
    "tenders": ("aanbesteding", "tender"),
    "contracts": ("contract", "contract"),
    "submissions": ("leveranciersrapportage", "supplier workbook"),
    "evidence": ("bewijsstuk", "document"),
    "assessments": ("beoordeling", "assessment"),
    "signals": ("signaal", "signal"),
    "escalation_steps": ("escalatiestap", "escalation step"),
}


def kind_label(kind: str, lang: str) -> str:
    """A kind of record in words (``contracts`` → ``contract``)."""
    nl, en = KIND_LABELS.get(kind, (kind, kind))
    return en if lang == "en" else nl


@dataclass(frozen=True)
class YearFacts:
    """Everything the figures of one year are counted from."""

    tenders: tuple[TenderFact, ...] = ()
    contracts: tuple[ContractFact, ...] = ()
    submissions: tuple[SubmissionFact, ...] = ()
    evidence: tuple[EvidenceFact, ...] = ()
    assessments: tuple[AssessmentFact, ...] = ()
    signals: tuple[SignalFact, ...] = ()
    escalation_steps: tuple[EscalationFact, ...] = ()

    def kind(self, name: str) -> tuple[Any, ...]:
        value: tuple[Any, ...] = getattr(self, name)
        return value

    def count(self) -> int:
        return sum(len(self.kind(name)) for name, _ in FACT_KINDS)


@functools.cache
def field_names(cls: type[Any]) -> tuple[str, ...]:
    """The field names of a fact class, in declaration order."""
    return tuple(f.name for f in dataclasses.fields(cls))


_SCALARS = (str, int, bool, float, type(None))
_SHAPES: dict[type[Any], tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {
    cls: (names, operator.attrgetter(*names))
    for cls in (*(c for _, c in FACT_KINDS), RiskFact, MeasureFact)
    for names in [tuple(f.name for f in dataclasses.fields(cls))]
}
"""Each fact class's field names (declaration order) and a getter of their values."""


def plain(value: Any) -> Any:
    """A fact (or any value inside one) as plain JSON data: dates as ISO text."""
    shape = _SHAPES.get(type(value))
    if shape is not None:  # a fact: its fields by one getter, most of them plain already
        names, values = shape
        return {
            name: item
            if type(item) in _SCALARS
            else item.isoformat()
            if type(item) is dt.date
            else plain(item)
            for name, item in zip(names, values(value), strict=True)
        }
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result = {}
        for name in field_names(type(value)):
            item = getattr(value, name)
            # most fields are plain already: no call per value (exports hold many facts)
            result[name] = item if type(item) in _SCALARS else plain(item)
        return result
    return value


def canonical_text(data: Any) -> str:
    """Plain JSON data as the canonical text of checksums: sorted keys, no spaces, UTF-8.
    The one place these settings are written: a change would fail every checksum made."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(data: Any) -> str:
    """The canonical JSON text of ``data`` (facts and all) used for checksums."""
    return canonical_text(plain(data))


def _values(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    shape = _SHAPES.get(type(value))
    if shape is not None:  # a fact inside a fact (the risks and measures of a workbook)
        return shape[1](value)  # its field values in declaration order (JSON: a list)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [getattr(value, name) for name in field_names(type(value))]
    raise TypeError(type(value).__name__)


_COMPACT = json.JSONEncoder(default=_values, ensure_ascii=False, separators=(",", ":"))


def _compact_encoder() -> Callable[[Any], str]:
    """``_COMPACT.encode`` without its set-up per call: the standard library's C encoder,
    made once (the same text; a fingerprint encodes tens of thousands of small values).
    Where the C encoder is missing or is not made the way this Python's was (it is not a
    public interface), ``_COMPACT.encode`` itself."""
    make = getattr(json.encoder, "c_make_encoder", None)
    try:
        chunks = make(
            None, _values, json.encoder.encode_basestring, None, ":", ",", False, False, True
        )  # type: ignore[misc]

        def encode(value: Any) -> str:
            return "".join(chunks(value, 0))

        probe = [1, "é", dt.date(2025, 1, 2), None]
        if encode(probe) == _COMPACT.encode(probe):
            return encode
    except TypeError:
        pass
    return _COMPACT.encode


def fingerprint(facts: YearFacts) -> str:
    """SHA-256 over every fact, sorted by kind and uid, each as the JSON list of its field
    values in declaration order (dates as ISO text): the same records always give the
    same fingerprint, whatever their source or order."""
    digest = hashlib.sha256()
    encode = _compact_encoder()
    for name, cls in FACT_KINDS:
        values = _SHAPES[cls][1]
        digest.update(
            "".join(
                [
                    f"{name}\x1f{encode(values(fact))}\n"
                    for fact in sorted(facts.kind(name), key=_uid)
                ]
            ).encode()
        )
    return digest.hexdigest()


def _uid(fact: Any) -> str:
    uid: str = fact.uid
    return uid


# ---------------------------------------------------------------------------------------
# Rows with flags, and the figures summed from them
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TenderRow:
    """One tender published in the year with the flags that put it in each figure."""

    fact: TenderFact
    flags: Mapping[str, int]


@dataclass(frozen=True)
class ContractRow:
    """One contract active in the year with its deadlines and the flags (or counts) that
    put it in each figure."""

    fact: ContractFact
    tender_ref: str
    category_code: str
    category_set: str | None
    isv: bool
    plan_due: dt.date
    risk_analysis_first: dt.date | None
    latest_submission: int | None
    flags: Mapping[str, int]
    steps: Mapping[str, str] = field(default_factory=dict)
    risk_counts: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """The risks of the latest workbook (contracts with ISV) by (theme, priority): the
    rows behind the figure ``risks`` split by theme and priority, and behind the SDG
    counts. In risk-key order of first appearance."""


@dataclass(frozen=True)
class CategoryKey:
    """A category in a set (``set_id`` is ``None`` for purchases outside the categories)."""

    set_id: str | None
    code: str


@dataclass(frozen=True)
class CategoryFigures:
    key: CategoryKey
    name_nl: str
    name_en: str
    figures: Mapping[str, int]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_nl


@dataclass(frozen=True)
class SdgFigure:
    target: str
    name_nl: str
    name_en: str
    themes: tuple[str, ...]
    contracts: int
    risks: int
    signals: int

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_nl


@dataclass(frozen=True)
class Source:
    """Where facts came from: the local database or an export file."""

    kind: str  # database, export
    installation_id: str
    label: str  # a file name or the database location
    organisations: tuple[str, ...]
    records: int
    exported_at: str | None = None


@dataclass(frozen=True)
class Conflict:
    """Two copies of the same record (uid) with different content."""

    kind: str
    uid: str
    ref: str
    kept_from: str
    other_from: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class YearReport:
    year: int
    organisation: str | None
    as_of: dt.date
    generated_at: dt.datetime
    fingerprint: str
    current_clause_version: str
    grouping: str | None
    totals: Mapping[str, int]
    categories: tuple[CategoryFigures, ...]
    forms: Mapping[str, int]
    not_applied_reasons: tuple[tuple[str, int], ...]
    risk_matrix: Mapping[str, Mapping[str, int]]
    escalation_by_step: Mapping[str, int]
    step_states: Mapping[str, Mapping[str, int]]
    sdg: tuple[SdgFigure, ...]
    tender_rows: tuple[TenderRow, ...]
    contract_rows: tuple[ContractRow, ...]
    sources: tuple[Source, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    duplicates: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)


def as_of_date(year: int, today: dt.date) -> dt.date:
    """31 December of ``year``, or ``today`` when that comes first; never before
    1 January of ``year`` (a year still to come is looked at on its first day)."""
    return max(min(dt.date(year, 12, 31), today), dt.date(year, 1, 1))


def tender_flags(tender: TenderFact, current_clause_version: str) -> dict[str, int]:
    """The tender figures this tender counts in (1) or not (0); ``tenders_value`` in cents."""
    mandatory = tender.verdict == "mandatory"
    voluntary = tender.verdict in ("voluntary_below_threshold", "voluntary_outside_categories")
    applied = tender.isv_applied is True
    flags = dict.fromkeys(TENDER_FIGURES, 0)
    flags["tenders"] = 1
    flags["tenders_value"] = tender.value_cents
    flags["tenders_isv_mandatory"] = int(mandatory)
    flags["tenders_isv_applied_mandatory"] = int(mandatory and applied)
    flags["tenders_isv_not_applied_mandatory"] = int(mandatory and tender.isv_applied is False)
    flags["tenders_isv_undecided_mandatory"] = int(mandatory and tender.isv_applied is None)
    flags["tenders_isv_applied_voluntary"] = int(voluntary and applied)
    flags["tenders_threshold_unknown"] = int(tender.verdict == "threshold_unknown")
    if applied and tender.form in FORM_FIGURES:
        flags[FORM_FIGURES[tender.form]] = 1
    flags["tenders_clause_current"] = int(
        applied and tender.clause_version == current_clause_version
    )
    return flags


@dataclass
class _ContractFacts:
    submissions: list[SubmissionFact] = field(default_factory=list)
    evidence: list[EvidenceFact] = field(default_factory=list)
    assessments: list[AssessmentFact] = field(default_factory=list)
    signals: list[SignalFact] = field(default_factory=list)
    escalations: list[EscalationFact] = field(default_factory=list)


def _between(day: dt.date | None, first: dt.date, last: dt.date) -> bool:
    return day is not None and first <= day <= last


def contract_flags(
    contract: ContractFact,
    tender: TenderFact | None,
    facts: _ContractFacts,
    *,
    year: int,
    as_of: dt.date,
    escalation_codes: Sequence[str],
    blank: Mapping[str, int] | None = None,
) -> ContractRow:
    """The contract figures this contract counts in; counts where a figure counts items.
    ``blank`` is the flags dict with every code at 0 (built once by :func:`count_year`)."""
    year_start = dt.date(year, 1, 1)
    isv = tender is not None and tender.isv_applied is True
    flags = dict(blank) if blank is not None else _blank_contract_flags(escalation_codes)
    flags["contracts_active"] = 1
    flags["contracts_value"] = contract.value_cents or 0
    flags["contracts_isv"] = int(isv)
    due = plan_due(contract.start, contract.plan_months)
    workbooks = [s for s in facts.submissions if s.received_on <= as_of]
    received = [s.received_on for s in workbooks]
    received += [
        e.received_on
        for e in facts.evidence
        if e.type == "risk-analysis" and e.received_on <= as_of
    ]
    first = min(received) if received else None
    latest = max(workbooks, key=_newest_workbook) if workbooks else None
    category = tender.category_code if tender else ""
    category_set = tender.category_set if tender else None
    steps: dict[str, str] = {}
    risk_counts: dict[tuple[str, str], int] = {}
    if isv:
        states = derive_states(step_facts(contract, facts, as_of), as_of)
        steps = {code: state.value for code, state in zip(STEP_CODES, states, strict=True)}
        flags["risk_analysis_received"] = int(first is not None)
        flags["risk_analysis_on_time"] = int(first is not None and first <= due)
        flags["risk_analysis_late"] = int(first is not None and first > due)
        flags["risk_analysis_overdue"] = int(states[_RISK_ANALYSIS] is StepState.OVERDUE)
        flags["plan_agreed"] = int(states[_PLAN_OF_ACTION] is StepState.DONE)
        flags["plan_overdue"] = int(states[_PLAN_OF_ACTION] is StepState.OVERDUE)
        flags["yearly_report_due"] = int(
            any(
                year_start <= r.due <= as_of
                for r in report_schedule(contract.start, contract.end, contract.report_month)
            )
        )
        flags["yearly_report_received"] = int(
            any(
                e.type == "yearly-report" and year_start <= e.received_on <= as_of
                for e in facts.evidence
            )
        )
        flags["yearly_report_sufficient"] = int(
            any(
                a.subject == "yearly-report"
                and a.verdict == "sufficient"
                and year_start <= a.assessed_on <= as_of
                for a in facts.assessments
            )
        )
        if latest is not None:
            flags["risks"] = len(latest.risks)
            flags["risks_high"] = sum(1 for r in latest.risks if r.priority == "high")
            flags["measures"] = len(latest.measures)
            flags["measures_completed"] = sum(1 for x in latest.measures if x.status == "completed")
            flags["measures_overdue"] = sum(
                1
                for x in latest.measures
                if x.due < as_of and x.status not in CLOSED_MEASURE_STATUSES
            )
            for r in sorted(latest.risks, key=_risk_key):
                pair = (r.theme, r.priority)
                risk_counts[pair] = risk_counts.get(pair, 0) + 1
        if facts.signals:
            flags["signals_received"] = sum(
                1 for s in facts.signals if year_start <= s.received_on <= as_of
            )
            flags["signals_closed"] = sum(
                1 for s in facts.signals if _between(s.closed_on, year_start, as_of)
            )
            flags["signals_open"] = sum(
                1 for s in facts.signals if s.received_on <= as_of and _open_on(s, as_of)
            )
        for taken in facts.escalations:
            if year_start <= taken.taken_on <= as_of:
                flags["escalation_steps"] += 1
                key = f"escalation_{taken.step}"
                flags[key] = flags.get(key, 0) + 1
        if facts.evidence:
            superseded = _superseded(facts.evidence, as_of)
            window_end = as_of + dt.timedelta(days=EXPIRY_WINDOW_DAYS)
            flags["evidence_expiring"] = sum(
                1
                for e in facts.evidence
                if e.received_on <= as_of
                and e.valid_until is not None
                and year_start <= e.valid_until <= window_end
                and evidence_expiry_matters(e.valid_until, contract.end, e.uid in superseded)
            )
    return ContractRow(
        fact=contract,
        tender_ref=tender.ref if tender else "",
        category_code=category,
        category_set=category_set,
        isv=isv,
        plan_due=due,
        risk_analysis_first=first,
        latest_submission=latest.version_no if latest else None,
        flags=flags,
        steps=steps,
        risk_counts=risk_counts,
    )


_RISK_ANALYSIS = STEP_CODES.index("risk_analysis")
_PLAN_OF_ACTION = STEP_CODES.index("plan_of_action")


def _newest_workbook(submission: SubmissionFact) -> tuple[int, dt.date]:
    return submission.version_no, submission.received_on


def _risk_key(risk: RiskFact) -> str:
    return risk.risk_key


def _blank_contract_flags(escalation_codes: Sequence[str]) -> dict[str, int]:
    flags = dict.fromkeys(CONTRACT_FIGURES, 0)
    for step in escalation_codes:
        flags[f"escalation_{step}"] = 0
    return flags


def _superseded(evidence: Iterable[EvidenceFact], as_of: dt.date) -> set[str]:
    """Uids of documents replaced by a newer one received by ``as_of``."""
    return {e.supersedes_uid for e in evidence if e.supersedes_uid and e.received_on <= as_of}


def _open_on(signal: SignalFact, as_of: dt.date) -> bool:
    return signal.status != "closed" or signal.closed_on is None or signal.closed_on > as_of


def step_facts(contract: ContractFact, facts: _ContractFacts, as_of: dt.date) -> ContractFacts:
    """What the records say about one contract on ``as_of``, in the shape the dossier's
    step rules (:func:`app.domain.followup.derive_steps`) take; records dated after
    ``as_of`` are left out, as the dossier does."""
    docs = [e for e in facts.evidence if e.received_on <= as_of]
    superseded = _superseded(docs, as_of)

    def received(kind: str) -> list[dt.date]:
        return [e.received_on for e in docs if e.type == kind]

    workbooks = [s for s in facts.submissions if s.received_on <= as_of]
    analysis = received("risk-analysis") + [s.received_on for s in workbooks]
    plans = received("plan-of-action") + [s.received_on for s in workbooks if s.measures]
    latest = max(workbooks, key=lambda s: (s.version_no, s.received_on), default=None)
    open_measures = [
        x for x in (latest.measures if latest else ()) if x.status in OPEN_MEASURE_STATUSES
    ]
    assessed = sorted(
        (a for a in facts.assessments if a.assessed_on <= as_of),
        key=lambda a: (a.assessed_on, a.uid),
    )
    risk_verdicts = [a for a in assessed if a.subject == "risk-analysis"]
    yearly: dict[int, str] = {}
    for a in assessed:
        if a.subject == "yearly-report" and a.contract_year is not None:
            yearly[a.contract_year] = a.verdict  # the newest per year wins
    signals = [g for g in facts.signals if g.received_on <= as_of]
    pending = [
        x.response_due
        for x in facts.escalations
        if x.taken_on <= as_of
        and x.response_due is not None
        and (x.responded_on is None or x.responded_on > as_of)
    ]
    policy = received("policy")
    return ContractFacts(
        contract_id=0,
        ref=contract.ref,
        start=contract.start,
        end=contract.end,
        plan_months=contract.plan_months,
        report_month=contract.report_month,
        plan_agreed_on=(
            contract.plan_agreed_on
            if contract.plan_agreed_on is not None and contract.plan_agreed_on <= as_of
            else None
        ),
        policy_received=min(policy) if policy else None,
        risk_analysis_received=max(analysis) if analysis else None,
        risk_analysis_assessed=(
            (risk_verdicts[-1].assessed_on, risk_verdicts[-1].verdict) if risk_verdicts else None
        ),
        plan_received=min(plans) if plans else None,
        measures_total=len(latest.measures) if latest else 0,
        measures_open=len(open_measures),
        first_open_measure_due=min((x.due for x in open_measures), default=None),
        yearly_reports_received=sum(
            1 for e in docs if e.type == "yearly-report" and e.uid not in superseded
        ),
        yearly_years_assessed=frozenset(y for y, v in yearly.items() if v == "sufficient"),
        signals_total=len(signals),
        signals_open=sum(1 for g in signals if _open_on(g, as_of)),
        first_pending_response=min(pending) if pending else None,
    )


def _sum(rows: Sequence[Mapping[str, int]], codes: Sequence[str]) -> dict[str, int]:
    """Column sums of flag rows: every code in ``codes`` (0 when no row has it), then any
    further code a row carries, in the order they first appear."""
    totals = dict(zip(codes, _column_sums(rows, codes), strict=True))
    for code in dict.fromkeys(chain.from_iterable(rows)):
        if code not in totals:
            totals[code] = sum([flags.get(code, 0) for flags in rows])
    return totals


def _column_sums(rows: Sequence[Mapping[str, int]], codes: Sequence[str]) -> list[int]:
    """The sum of each code over ``rows``: one C-level lookup of every code per row and
    a transpose, where every row carries every code (the rows counted here do); a flag
    missing from a row counts 0."""
    if not codes:
        return []
    if not rows:
        return [0] * len(codes)
    if len(codes) > 1:
        try:
            values = list(map(operator.itemgetter(*codes), rows))
        except KeyError:
            pass
        else:
            return [sum(column) for column in zip(*values, strict=True)]
    return [sum([flags.get(code, 0) for flags in rows]) for code in codes]


def _tender_order(tender: TenderFact) -> tuple[dt.date, str, str]:
    return tender.published, tender.ref, tender.uid


def _contract_order(contract: ContractFact) -> tuple[str, str]:
    return contract.ref, contract.uid


@dataclass(frozen=True)
class Counted:
    """The rows of one year and what they add up to (before names are attached)."""

    tender_rows: tuple[TenderRow, ...]
    contract_rows: tuple[ContractRow, ...]
    totals: Mapping[str, int]
    by_category: Mapping[CategoryKey, Mapping[str, int]]
    forms: Mapping[str, int]
    not_applied_reasons: tuple[tuple[str, int], ...]
    risk_matrix: Mapping[str, Mapping[str, int]]
    escalation_by_step: Mapping[str, int]
    step_states: Mapping[str, Mapping[str, int]]
    sdg_counts: Mapping[str, tuple[int, int, int]]


def count_year(
    facts: YearFacts,
    year: int,
    as_of: dt.date,
    *,
    organisation: str | None,
    current_clause_version: str,
    escalation_codes: Sequence[str],
    theme_sdg: Mapping[str, Sequence[str]],
    group: Any = None,
) -> Counted:
    """Count the figures of ``year`` from ``facts``.

    ``organisation`` limits tenders (and the contracts from them) to one organisation.
    ``group`` maps a tender's :class:`CategoryKey` to the key it is reported under (the
    identity when ``None``).
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    tenders = {
        t.uid: t for t in facts.tenders if organisation is None or t.organisation == organisation
    }

    in_year = [t for t in tenders.values() if first <= t.published <= last]
    in_year.sort(key=_tender_order)
    tender_rows = tuple(TenderRow(t, tender_flags(t, current_clause_version)) for t in in_year)
    per_contract: dict[str, _ContractFacts] = defaultdict(_ContractFacts)
    for s in facts.submissions:
        per_contract[s.contract_uid].submissions.append(s)
    for e in facts.evidence:
        per_contract[e.contract_uid].evidence.append(e)
    for a in facts.assessments:
        per_contract[a.contract_uid].assessments.append(a)
    for g in facts.signals:
        per_contract[g.contract_uid].signals.append(g)
    for x in facts.escalation_steps:
        per_contract[x.contract_uid].escalations.append(x)
    contract_rows: list[ContractRow] = []
    empty = _ContractFacts()
    blank = _blank_contract_flags(escalation_codes)
    for contract in sorted(facts.contracts, key=_contract_order):
        tender = tenders.get(contract.tender_uid)
        if tender is None or not overlaps_year(contract.start, contract.end, year):
            continue
        contract_rows.append(
            contract_flags(
                contract,
                tender,
                per_contract.get(contract.uid, empty),
                year=year,
                as_of=as_of,
                escalation_codes=escalation_codes,
                blank=blank,
            )
        )

    tender_codes = list(TENDER_FIGURES)
    contract_codes = list(CONTRACT_FIGURES) + [f"escalation_{s}" for s in escalation_codes]
    tender_flag_rows = [r.flags for r in tender_rows]
    contract_flag_rows = [r.flags for r in contract_rows]
    totals = _sum(tender_flag_rows, tender_codes)
    totals.update(_sum(contract_flag_rows, contract_codes))

    keys: dict[tuple[str | None, str], CategoryKey] = {}

    def key_of(tender: TenderFact) -> CategoryKey:
        pair = (tender.category_set, tender.category_code)
        found = keys.get(pair)
        if found is None:
            found = CategoryKey(*pair)
            found = keys[pair] = group(found) if group is not None else found
        return found

    # rows per category, categories in the order they first appear (tenders, then contracts)
    grouped: dict[CategoryKey, tuple[list[Mapping[str, int]], list[Mapping[str, int]]]] = {}
    for trow in tender_rows:
        grouped.setdefault(key_of(trow.fact), ([], []))[0].append(trow.flags)
    for crow in contract_rows:
        grouped.setdefault(key_of(tenders[crow.fact.tender_uid]), ([], []))[1].append(crow.flags)
    filled = {
        k: dict(
            zip(
                tender_codes + contract_codes,
                _column_sums(t_rows, tender_codes) + _column_sums(c_rows, contract_codes),
                strict=True,
            )
        )
        for k, (t_rows, c_rows) in grouped.items()
    }

    forms = {form: totals[code] for form, code in FORM_FIGURES.items()}
    reasons = Counter(
        (r.fact.not_applied_reason or "").strip()
        for r in tender_rows
        if r.flags["tenders_isv_not_applied_mandatory"]
    )
    escalation = {s: totals.get(f"escalation_{s}", 0) for s in escalation_codes}
    step_states = {
        code: dict.fromkeys((state.value for state in StepState), 0) for code in STEP_CODES
    }
    matrix: dict[str, dict[str, int]] = {}
    sdg_contracts: dict[str, set[str]] = defaultdict(set)
    sdg_risks: Counter[str] = Counter()
    for crow in contract_rows:
        for code, state in crow.steps.items():
            step_states[code][state] += 1
        for (theme, priority), n in crow.risk_counts.items():
            bucket = matrix.setdefault(theme, {})
            bucket[priority] = bucket.get(priority, 0) + n
            for target in theme_sdg.get(theme, ()):
                sdg_contracts[target].add(crow.fact.ref)
                sdg_risks[target] += n

    sdg_signals: Counter[str] = Counter()
    isv_contracts = {r.fact.uid for r in contract_rows if r.isv}
    for g in facts.signals:
        if g.contract_uid in isv_contracts and _between(g.received_on, first, as_of):
            for target in theme_sdg.get(g.theme, ()):
                sdg_signals[target] += 1
    targets = {t for ts in theme_sdg.values() for t in ts}
    sdg_counts = {t: (len(sdg_contracts[t]), sdg_risks[t], sdg_signals[t]) for t in targets}

    return Counted(
        tender_rows=tender_rows,
        contract_rows=tuple(contract_rows),
        totals=totals,
        by_category=filled,
        forms=forms,
        not_applied_reasons=tuple(sorted(reasons.items(), key=lambda x: (-x[1], x[0]))),
        risk_matrix=matrix,
        escalation_by_step=escalation,
        step_states=step_states,
        sdg_counts=sdg_counts,
    )

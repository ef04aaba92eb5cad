"""The yearly report's summary in plain sentences, made from the report's own totals.

Every number in a sentence is a placeholder naming a figure code, filled from
``report.totals`` and nothing else, so the summary cannot say something the tables and
the JSON do not (:func:`sentence_figures` lists the codes of each sentence for the test
that compares them). Placeholders:

- ``<code>``: the figure as a number; ``<code:eur>``: as money;
- ``<part/whole:pct>``: the share of two figures;
- ``<code|one|many>``: the number with the singular or plural noun;
- ``<code?one|many>``: only the word that agrees with the number (a verb).

The PDF and the DOCX report both print these sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from app.domain.formatting import format_money, format_number, format_percent
from app.domain.languages import known
from app.domain.report import YearReport

_PLACEHOLDER = re.compile(
    r"<(?P<code>[a-z_]+)(?:/(?P<whole>[a-z_]+))?(?::(?P<fmt>eur|pct))?"
    r"(?:(?P<sep>[|?])(?P<one>[^|>]*)\|(?P<many>[^>]*))?>"
)

_SENTENCES: dict[str, tuple[str, ...]] = {
    "nl": (
        "In {year} <tenders?is|zijn> <tenders|aanbesteding|aanbestedingen> {counted} met een "
        "geraamde waarde van samen <tenders_value:eur>.",
        "Bij <tenders_isv_mandatory> daarvan waren de ISV verplicht: in "
        "<tenders_isv_applied_mandatory> zijn ze toegepast "
        "(<tenders_isv_applied_mandatory/tenders_isv_mandatory:pct> naar aantal, "
        "<tenders_value_applied_mandatory/tenders_value_mandatory:pct> naar waarde), in "
        "<tenders_isv_not_applied_mandatory> met een vastgelegde reden niet, en bij "
        "<tenders_isv_undecided_mandatory> is geen besluit vastgelegd.",
        "In nog <tenders_isv_applied_voluntary|aanbesteding|aanbestedingen> zijn de ISV "
        "vrijwillig toegepast, onder de drempel of buiten de risicocategorieën.",
        "Gebruikte teksten: <tenders_clause_current> met een tekst van ISV-assistent in de "
        "actuele tekstversie ({version}), <tenders_text_generated_older> met zo’n tekst in een "
        "oudere versie, <tenders_text_official> met de officiële bestekteksten (volgens de "
        "inkoper) en <tenders_text_own> met een eigen tekst; bij <tenders_text_unknown> is "
        "niet vastgelegd welke tekst is gebruikt.",
        "In het jaar <contracts_active?liep|liepen> "
        "<contracts_active|contract|contracten> (<contracts_value:eur>), waarvan "
        "<contracts_isv> met ISV. Daarvan <risk_analysis_received?had|hadden> "
        "<risk_analysis_received> een risicoanalyse geleverd (<risk_analysis_on_time> op "
        "tijd, <risk_analysis_late> te laat); bij <risk_analysis_overdue> ontbrak de "
        "risicoanalyse nog na de termijn. Voor <plan_agreed> "
        "(<plan_agreed/contracts_isv:pct>) is een plan van aanpak afgesproken.",
        "Jaarrapportages: <yearly_report_due> verschuldigd in het jaar, "
        "<yearly_report_received> ontvangen, <yearly_report_sufficient> als voldoende "
        "beoordeeld. De laatste risicoanalyses van leveranciers noemen "
        "<risks|risico|risico’s>, waarvan <risks_high> met hoge prioriteit. Maatregelen: "
        "<measures> in totaal, <measures_completed> afgerond, <measures_overdue> over de "
        "einddatum.",
        "Signalen van mogelijke misstanden ontvangen: <signals_received>; escalatiestappen "
        "gezet: <escalation_steps>.",
    ),
    "en": (
        "In {year}, <tenders|tender was|tenders were> {counted} with a total estimated "
        "value of <tenders_value:eur>.",
        "For <tenders_isv_mandatory> of them the ISV were mandatory: "
        "<tenders_isv_applied_mandatory> applied them "
        "(<tenders_isv_applied_mandatory/tenders_isv_mandatory:pct> by count, "
        "<tenders_value_applied_mandatory/tenders_value_mandatory:pct> by value), "
        "<tenders_isv_not_applied_mandatory> did not, with a recorded reason, and "
        "<tenders_isv_undecided_mandatory> <tenders_isv_undecided_mandatory?has|have> no "
        "decision recorded.",
        "In <tenders_isv_applied_voluntary|further tender|further tenders> the ISV were "
        "applied voluntarily, below the threshold or outside the risk categories.",
        "Texts used: <tenders_clause_current> with an ISV-assistent text in the current text "
        "version ({version}), <tenders_text_generated_older> with such a text in an older "
        "version, <tenders_text_official> with the official standard tender texts (as the "
        "buyer confirmed) and <tenders_text_own> with an own text; for "
        "<tenders_text_unknown> the text used is not recorded.",
        "<contracts_active|contract was|contracts were> active in the year "
        "(<contracts_value:eur>), <contracts_isv> of them with ISV. Of those, "
        "<risk_analysis_received> had delivered a risk analysis (<risk_analysis_on_time> "
        "on time, <risk_analysis_late> late); for <risk_analysis_overdue> the risk analysis "
        "was still missing after the deadline. A plan of action was agreed for "
        "<plan_agreed> (<plan_agreed/contracts_isv:pct>).",
        "Yearly reports: <yearly_report_due> due in the year, <yearly_report_received> "
        "received, <yearly_report_sufficient> assessed as sufficient. The suppliers' latest "
        "risk analyses name <risks|risk|risks>, <risks_high> of high priority. Measures: "
        "<measures> in all, <measures_completed> completed, <measures_overdue> past their "
        "due date.",
        "Signals of possible abuses received: <signals_received>; escalation steps taken: "
        "<escalation_steps>.",
    ),
}

_COUNTED = {
    "nl": {"awarded": "gegund", "published": "gepubliceerd"},
    "en": {"awarded": "awarded", "published": "published"},
}

_UNKNOWN = {
    "nl": (
        "Van {n} in {year} gepubliceerde {noun} is geen gunningsdatum bekend; zij staan niet "
        "in de cijfers en worden bij naam genoemd onder ‘Gunningsdatum onbekend’.",
        "aanbesteding",
        "aanbestedingen",
    ),
    "en": (
        "For {n} {noun} published in {year} no award date is known; they are not in the "
        "figures and are named under ‘Award date unknown’.",
        "tender",
        "tenders",
    ),
}


def _lang(lang: str) -> str:
    return known(lang)


def _fill(template: str, totals: Mapping[str, int], lang: str) -> str:
    def one(match: re.Match[str]) -> str:
        value = totals.get(match["code"], 0)
        if match["fmt"] == "pct":
            whole = totals.get(match["whole"] or "", 0)
            return format_percent(100 * value / whole, lang) if whole else "–"
        if match["fmt"] == "eur":
            return format_money(Decimal(value).scaleb(-2), lang).replace(" ", "\u00a0")
        noun = ""
        if match["sep"]:
            noun = match["one"] if value == 1 else match["many"]
            if match["sep"] == "?":
                return noun
        number = format_number(value, lang)
        return f"{number} {noun}" if noun else number

    return _PLACEHOLDER.sub(one, template)


def summary_sentences(report: YearReport, lang: str) -> list[str]:
    """The summary of ``report`` in ``lang``, every number taken from its totals."""
    lang = _lang(lang)
    words = {
        "year": report.year,
        "version": report.current_clause_version,
        "counted": _COUNTED[lang].get(report.basis, report.basis),
    }
    sentences = [_fill(t.format(**words), report.totals, lang) for t in _SENTENCES[lang]]
    unknown = len(report.award_date_unknown)
    if unknown:
        text, one, many = _UNKNOWN[lang]
        noun = one if unknown == 1 else many
        sentences.append(text.format(n=format_number(unknown, lang), noun=noun, year=report.year))
    return sentences


def sentence_figures(lang: str) -> list[list[tuple[str, str | None, str | None]]]:
    """Per sentence: the figures it shows, as ``(code, whole, format)``; a word that only
    agrees with a number (``?``) is left out."""
    result = []
    for template in _SENTENCES[_lang(lang)]:
        result.append(
            [
                (m["code"], m["whole"], m["fmt"])
                for m in _PLACEHOLDER.finditer(template)
                if m["sep"] != "?"
            ]
        )
    return result

"""Where to look first: the suggested intensity of a contract's follow-up (self-report up
to site visit), added up in points from its value, category, risks, countries and open
signals; and the rows of an imported country-risk table. Standard library only.

The suggestion is advice beside the user's own choice; both are kept by
:mod:`app.services.follow_up`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------
# Where to look first: follow-up intensity
# ---------------------------------------------------------------------------------------

INTENSITIES = ("self-report", "document-review", "independent-audit", "site-visit")


@dataclass(frozen=True)
class IntensityRules:
    """The points behind the suggestion; the defaults are ours, shown as such."""

    value_large_cents: int = 100_000_000  # € 1,000,000
    value_medium_cents: int = 25_000_000  # € 250,000
    bands: tuple[int, int, int] = (2, 5, 8)  # points from which: review, audit, visit


@dataclass(frozen=True)
class IntensityReason:
    code: str  # message code
    points: int
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class IntensityInputs:
    value_cents: int | None
    category_code: str
    category_weight: int | None  # 1–3 from the reference data; None outside categories
    highest_priority: str | None  # high, medium, low; None without risks
    risky_countries: Mapping[str, str] = field(default_factory=dict)  # country -> why
    open_signals: int = 0
    countries_known: bool = False  # a country-risk table was imported


@dataclass(frozen=True)
class IntensitySuggestion:
    level: str
    points: int
    reasons: tuple[IntensityReason, ...]


def suggest_intensity(
    inputs: IntensityInputs, rules: IntensityRules = IntensityRules()
) -> IntensitySuggestion:
    """Add points per factor and map the total onto the four levels of follow-up.

    value ≥ large: 2, ≥ medium: 1; category risk weight 1–3: weight − 1; highest risk
    priority high: 2, medium: 1; a site in a country the imported table marks as risky:
    2; open signals: 2. From ``bands``: document review, independent audit, site visit.
    """
    reasons: list[IntensityReason] = []
    value = inputs.value_cents
    if value is not None and value >= rules.value_large_cents:
        reasons.append(IntensityReason("dossier_intensity_value_large", 2, {"value": value // 100}))
    elif value is not None and value >= rules.value_medium_cents:
        reasons.append(
            IntensityReason("dossier_intensity_value_medium", 1, {"value": value // 100})
        )
    else:
        reasons.append(IntensityReason("dossier_intensity_value_small", 0))
    if inputs.category_weight is None:
        reasons.append(IntensityReason("dossier_intensity_outside_categories", 0))
    else:
        reasons.append(
            IntensityReason(
                "dossier_intensity_category_weight",
                inputs.category_weight - 1,
                {"category": inputs.category_code, "weight": inputs.category_weight},
            )
        )
    points_by_priority = {"high": 2, "medium": 1, "low": 0}
    if inputs.highest_priority is None:
        reasons.append(IntensityReason("dossier_intensity_no_risks", 0))
    else:
        reasons.append(
            IntensityReason(
                f"dossier_intensity_priority_{inputs.highest_priority}",
                points_by_priority.get(inputs.highest_priority, 0),
            )
        )
    if not inputs.countries_known:
        reasons.append(IntensityReason("dossier_intensity_no_country_table", 0))
    elif inputs.risky_countries:
        shown = ", ".join(f"{c} ({why})" for c, why in sorted(inputs.risky_countries.items()))
        reasons.append(
            IntensityReason("dossier_intensity_risky_countries", 2, {"countries": shown})
        )
    else:
        reasons.append(IntensityReason("dossier_intensity_no_risky_countries", 0))
    if inputs.open_signals:
        reasons.append(
            IntensityReason("dossier_intensity_open_signals", 2, {"count": inputs.open_signals})
        )
    total = sum(r.points for r in reasons)
    level = INTENSITIES[sum(1 for band in rules.bands if total >= band)]
    return IntensitySuggestion(level, total, tuple(reasons))


def risky_by_table(
    rows: Iterable[tuple[str, float | None, bool | None, str, int]],
) -> dict[str, str]:
    """Countries an imported table marks as risky, with a short why.

    ``rows``: (country, score, flag, source, year). Only the newest year of each source
    counts. A country is risky when flagged, or when its score is in the top third of
    that source's scores (higher means riskier; sources use different scales, so the
    rule is relative to each source).
    """
    newest: dict[str, int] = {}
    materialised = list(rows)
    for _country, _score, _flag, source, year in materialised:
        newest[source] = max(year, newest.get(source, year))
    current = [r for r in materialised if r[4] == newest[r[3]]]
    cut: dict[str, float] = {}
    by_source: dict[str, list[float]] = {}
    for _country, score, _flag, source, _year in current:
        if score is not None:
            by_source.setdefault(source, []).append(score)
    for source, scores in by_source.items():
        ordered = sorted(scores)
        cut[source] = ordered[(2 * len(ordered)) // 3] if len(ordered) >= 3 else ordered[-1]
    risky: dict[str, str] = {}
    for country, score, flag, source, year in current:
        if flag:
            risky.setdefault(country, f"{source} {year}")
        elif score is not None and score >= cut[source]:
            risky.setdefault(country, f"{source} {year}: {score:g}")
    return risky


# ---------------------------------------------------------------------------------------
# Country-risk table rows (parsed by app.io.country_risk, stored by the dossier service)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountryRiskRow:
    row: int  # the row number in the file (the header is row 1)
    country: str  # ISO 3166 alpha-2
    score: float | None
    flag: bool | None
    source: str
    year: int


@dataclass(frozen=True)
class TableProblem:
    """One refusal in an imported table: where, what was found, and why (message code)."""

    row: int
    column: str
    value: str
    code: str


@dataclass(frozen=True)
class FollowUpRecord:
    """The suggested intensity with its reasons, beside the user's own recorded choice."""

    contract_ref: str
    suggestion: IntensitySuggestion
    choice: str | None
    note: str | None
    version: int


@dataclass(frozen=True)
class CountryRiskEntry:
    country: str
    score: float | None
    flag: bool | None
    source: str
    year: int


@dataclass(frozen=True)
class CountryRiskImport:
    file_name: str
    rows: int
    replaced: int
    sources: tuple[tuple[str, int], ...]

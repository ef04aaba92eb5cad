"""ISV reference data: categories, thresholds, themes, scales, OECD steps, SDG targets.

Loaded once from the JSON files under ``resources/`` (see ``app.locator``), validated at
load: a broken file raises :class:`ReferenceDataError` naming the file and the field.
Everything here is immutable and usable without Qt or a database. The records are
NamedTuples, built by keyword: the short commands (``check``, ``categories``) load this
module, and a NamedTuple is defined far faster than a dataclass.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from app.domain.errors import ReferenceDataError
from app.domain.languages import choose

OUTSIDE_CATEGORIES = "overig"
"""The code for any purchase outside the risk categories (spec/cli.md)."""

KINDS = (
    "supplies",
    "services",
    "works",
    "social-services",
    "defence-supplies",
    "defence-services",
    "defence-works",
)
"""Kinds of contract (spec/cli.md version 2). Each belongs to one threshold regime."""

GENERAL_REGIME = "general"
"""The regime of Directive 2014/24/EU's general thresholds (supplies, services, works)."""


class Label(NamedTuple):
    """A value with its Dutch and English label."""

    code: str
    nl: str
    en: str

    def text(self, lang: str) -> str:
        return choose(lang, {"nl": self.nl, "en": self.en})


class Source(NamedTuple):
    id: str
    title: str
    url: str


class Category(NamedTuple):
    code: str
    set_id: str
    number: int
    name_nl: str
    name_en: str
    maps_to: tuple[str, ...]
    mapping_confirmed: bool
    chain_nl: str
    chain_en: str
    risks_nl: tuple[str, ...]
    risks_en: tuple[str, ...]
    countries: tuple[str, ...]
    initiatives: tuple[str, ...]
    themes: tuple[str, ...]
    risk_weight: int
    sources: tuple[str, ...]
    annex_xiv_nl: str = ""
    annex_xiv_en: str = ""
    """Set where the category buys services of Annex XIV (catering): why and when the
    kind ``social-services`` applies, in Dutch and English."""

    def name(self, lang: str) -> str:
        return choose(lang, {"nl": self.name_nl, "en": self.name_en})

    def chain(self, lang: str) -> str:
        return choose(lang, {"nl": self.chain_nl, "en": self.chain_en})

    def risks(self, lang: str) -> tuple[str, ...]:
        return choose(lang, {"nl": self.risks_nl, "en": self.risks_en})

    def annex_xiv(self, lang: str) -> str:
        return choose(lang, {"nl": self.annex_xiv_nl, "en": self.annex_xiv_en})


class Initiative(NamedTuple):
    """A sector initiative, label or (for ``kind == "buyer"``) an organisation public
    buyers affiliate with, with the years it was active where they are known.

    ``first``/``last`` are years (``None``: open or unknown); ``years_confirmed`` is False
    where DOMAIN.md could not confirm them. Texts never offer an initiative outside its
    years.
    """

    id: str
    name_nl: str
    name_en: str
    kind: str
    first: int | None
    last: int | None
    years_confirmed: bool
    about_nl: str
    about_en: str
    source: str | None
    years_set: bool = False
    """The years are the user's (a setting), where the data could not confirm them."""

    def name(self, lang: str) -> str:
        return choose(lang, {"nl": self.name_nl, "en": self.name_en})

    def about(self, lang: str) -> str:
        return choose(lang, {"nl": self.about_nl, "en": self.about_en})

    def active_in(self, year: int) -> bool:
        return (self.first is None or self.first <= year) and (
            self.last is None or year <= self.last
        )

    def years(self) -> str:
        """``2016–2021``, ``2016–``, or empty when not known."""
        if self.first is None and self.last is None:
            return ""
        return f"{self.first or ''}–{self.last or ''}"


class GeneralTerms(NamedTuple):
    """General terms a contract may declare applicable (ARVODI-2018 …, or none)."""

    code: str
    name: str
    title_nl: str
    title_en: str
    kinds: tuple[str, ...]
    categories: tuple[str, ...]

    def title(self, lang: str) -> str:
        return choose(lang, {"nl": self.title_nl, "en": self.title_en})


class CategorySet(NamedTuple):
    id: str
    name_nl: str
    name_en: str
    valid_from: dt.date
    valid_from_confirmed: bool
    categories: tuple[Category, ...]
    sources: tuple[str, ...]
    valid_from_note: str = ""

    def name(self, lang: str) -> str:
        return choose(lang, {"nl": self.name_nl, "en": self.name_en})

    def get(self, code: str) -> Category | None:
        for category in self.categories:
            if category.code == code:
                return category
        return None


class ThresholdPeriod(NamedTuple):
    """European thresholds for central government in force from ``start`` to ``end``."""

    label: str
    start: dt.date
    end: dt.date
    supplies_services: int | None
    works: int | None
    source: str
    confirmed: bool = True

    def amount(self, kind: str) -> int | None:
        """The threshold for ``kind``; ``None`` where this regime has none for it."""
        return self.works if kind.endswith("works") else self.supplies_services

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class Regime(NamedTuple):
    """A set of thresholds for some kinds of contract (general, Annex XIV, defence).

    ``policy_confirmed`` is False where it is not confirmed that the ISV policy follows
    these thresholds (DOMAIN.md: defence and security); the verdict then says so.
    """

    id: str
    name_nl: str
    name_en: str
    kinds: tuple[str, ...]
    policy_confirmed: bool
    source: str
    periods: tuple[ThresholdPeriod, ...]
    unknown_note_nl: str = ""
    unknown_note_en: str = ""

    def name(self, lang: str) -> str:
        return choose(lang, {"nl": self.name_nl, "en": self.name_en})

    def unknown_note(self, lang: str) -> str:
        """Which periods' amounts are unknown here (they stay ``threshold_unknown``)."""
        return choose(lang, {"nl": self.unknown_note_nl, "en": self.unknown_note_en})

    def period(self, day: dt.date) -> ThresholdPeriod | None:
        for period in self.periods:
            if period.covers(day):
                return period
        return None


class IsvStart(NamedTuple):
    """The first publication date the ISV apply to (a setting with its source)."""

    date: dt.date
    day_confirmed: bool
    source: str
    overridden: bool = False


class Theme(NamedTuple):
    code: str
    nl: str
    en: str
    ilo: tuple[str, ...]
    sdg: tuple[str, ...]

    def text(self, lang: str) -> str:
        return choose(lang, {"nl": self.nl, "en": self.en})


class Convention(NamedTuple):
    code: str
    nl: str
    en: str
    principle_nl: str
    principle_en: str

    def name(self, lang: str) -> str:
        return choose(lang, {"nl": self.nl, "en": self.en})

    def principle(self, lang: str) -> str:
        return choose(lang, {"nl": self.principle_nl, "en": self.principle_en})


class OecdStep(NamedTuple):
    number: int
    code: str
    nl: str
    en: str
    isv_nl: str
    isv_en: str

    def isv(self, lang: str) -> str:
        """How the ISV carry out this step, in words."""
        return choose(lang, {"nl": self.isv_nl, "en": self.isv_en})

    def text(self, lang: str) -> str:
        return choose(lang, {"nl": self.nl, "en": self.en})


class Scale(NamedTuple):
    """An ordinal scale 1..n with labels (severity, likelihood)."""

    values: tuple[Label, ...]

    def label(self, value: int, lang: str) -> str:
        return self.values[value - 1].text(lang)

    @property
    def maximum(self) -> int:
        return len(self.values)


class Reference(NamedTuple):
    """All ISV reference data, validated."""

    sources: Mapping[str, Source]
    category_sets: tuple[CategorySet, ...]
    thresholds: tuple[ThresholdPeriod, ...]
    themes: tuple[Theme, ...]
    conventions: tuple[Convention, ...]
    sdg_targets: Mapping[str, Label]
    severity: Scale
    likelihood: Scale
    priorities: tuple[Label, ...]
    measure_statuses: tuple[Label, ...]
    grievance_mechanisms: tuple[Label, ...]
    """Whether the supplier has a grievance mechanism: yes, no, in preparation (workbook v2)."""
    oecd_steps: tuple[OecdStep, ...]
    evidence_types: tuple[Label, ...]
    forms: tuple[Label, ...]
    escalation_steps: tuple[Label, ...]
    not_applied_reasons: tuple[Label, ...]
    """The fixed reason codes for not applying mandatory ISV (spec/cli.md version 2)."""
    text_sources: tuple[Label, ...]
    """Which ISV text a tender used: generated here, the official texts, an own text."""
    regimes: tuple[Regime, ...]
    isv_start: IsvStart
    initiatives: Mapping[str, Initiative]
    general_terms: tuple[GeneralTerms, ...]
    set_valid_from_overrides: Mapping[str, dt.date]

    # -- categories -----------------------------------------------------------------
    def category_set(self, set_id: str) -> CategorySet:
        for cat_set in self.category_sets:
            if cat_set.id == set_id:
                return cat_set
        raise KeyError(set_id)

    def set_in_force(self, day: dt.date) -> CategorySet:
        """The category set that applies on ``day``: the latest whose start has passed."""
        started = [s for s in self.category_sets if s.valid_from <= day]
        if not started:
            return min(self.category_sets, key=lambda s: s.valid_from)
        return max(started, key=lambda s: s.valid_from)

    def all_categories(self) -> tuple[Category, ...]:
        return tuple(c for s in self.category_sets for c in s.categories)

    def find_category(
        self, code: str, day: dt.date | None = None, set_id: str | None = None
    ) -> Category | None:
        """The category with ``code``: in ``set_id`` if given, else preferring the set in
        force on ``day``, else any set that has it. ``None`` for unknown codes and
        for :data:`OUTSIDE_CATEGORIES`."""
        code = code.strip().lower()
        if set_id is not None:
            return self.category_set(set_id).get(code)
        preferred = self.set_in_force(day or dt.date.today())
        found = preferred.get(code)
        if found is not None:
            return found
        for cat_set in self.category_sets:
            found = cat_set.get(code)
            if found is not None:
                return found
        return None

    def is_known_category(self, code: str) -> bool:
        return code.strip().lower() == OUTSIDE_CATEGORIES or self.find_category(code) is not None

    def mapped(self, category: Category) -> tuple[Category, ...]:
        """The categories of the other set that ``category`` maps to."""
        others = [s for s in self.category_sets if s.id != category.set_id]
        result = []
        for other in others:
            for code in category.maps_to:
                target = other.get(code)
                if target is not None:
                    result.append(target)
        return tuple(result)

    # -- thresholds ------------------------------------------------------------------
    def regime(self, kind: str) -> Regime:
        """The threshold regime of a kind of contract (``general`` for the three plain ones)."""
        for regime in self.regimes:
            if kind in regime.kinds:
                return regime
        return self.regimes[0]

    def threshold_period(self, day: dt.date, kind: str = "supplies") -> ThresholdPeriod | None:
        """The period of ``kind``'s regime in force on ``day``, or ``None`` if unknown."""
        return self.regime(kind).period(day)

    def suggested_terms(self, kind: str, category_code: str) -> GeneralTerms:
        """The general terms suggested for a tender (the buyer confirms them): those named
        for its category (ARBIT for ICT), else for its kind, else none."""
        for terms in self.general_terms:
            if category_code in terms.categories and not kind.endswith("works"):
                return terms
        for terms in self.general_terms:
            if kind in terms.kinds:
                return terms
        return self.terms("none")

    def terms(self, code: str) -> GeneralTerms:
        for terms in self.general_terms:
            if terms.code == code:
                return terms
        raise KeyError(code)

    # -- labels ------------------------------------------------------------------------
    def theme(self, code: str) -> Theme:
        for theme in self.themes:
            if theme.code == code:
                return theme
        raise KeyError(code)

    def label(self, group: str, code: str, lang: str) -> str:
        """The label of ``code`` in a labelled group (``measure_statuses``, ``forms``…)."""
        labels: tuple[Label, ...] = getattr(self, group)
        for item in labels:
            if item.code == code:
                return item.text(lang)
        return code


# ---------------------------------------------------------------------------------------
# Loading and validation
# ---------------------------------------------------------------------------------------

FILES = (
    "categories.json",
    "thresholds.json",
    "themes.json",
    "scales.json",
    "general_terms.json",
)


class _Reader:
    """Reads fields from parsed JSON and raises a precise error naming file and field."""

    def __init__(self, filename: str) -> None:
        self.filename = filename

    def fail(self, where: str, problem: str) -> ReferenceDataError:
        return ReferenceDataError(
            "reference_data_invalid", file=self.filename, field=where, problem=problem
        )

    def obj(self, data: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, "expected an object")
        return data

    def lst(self, data: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", "expected a list")
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str, *, empty: bool = False) -> str:
        value = data.get(key)
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(f"{where}.{key}", "expected a non-empty text")
        return value

    def texts(self, data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        values = self.lst(data, key, where)
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"{where}.{key}[{i}]", "expected a non-empty text")
        return tuple(values)

    def integer(self, data: Mapping[str, Any], key: str, where: str, low: int = 0) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise self.fail(f"{where}.{key}", f"expected a whole number of at least {low}")
        return value

    def boolean(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        value = data.get(key)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}", "expected true or false")
        return value

    def date(self, data: Mapping[str, Any], key: str, where: str) -> dt.date:
        value = self.text(data, key, where)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{where}.{key}", "expected a date as YYYY-MM-DD") from None

    def label(self, data: Any, where: str, code_key: str = "code") -> Label:
        item = self.obj(data, where)
        code = item.get(code_key)
        if isinstance(code, int) and not isinstance(code, bool):
            code = str(code)
        if not isinstance(code, str) or not code:
            raise self.fail(f"{where}.{code_key}", "expected a code")
        return Label(code, self.text(item, "nl", where), self.text(item, "en", where))

    def labels(
        self, data: Mapping[str, Any], key: str, code_key: str = "code"
    ) -> tuple[Label, ...]:
        items = self.lst(data, key, "")
        labels = tuple(self.label(x, f"{key}[{i}]", code_key) for i, x in enumerate(items))
        codes = [x.code for x in labels]
        if len(set(codes)) != len(codes):
            raise self.fail(key, "codes are not unique")
        if not labels:
            raise self.fail(key, "expected at least one entry")
        return labels


def _parse(filename: str, text: str) -> Mapping[str, Any]:
    reader = _Reader(filename)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise reader.fail(f"line {exc.lineno}", f"not valid JSON: {exc.msg}") from None
    return reader.obj(data, "(top)")


def _with_years(
    initiatives: dict[str, Initiative], years: Mapping[str, tuple[int | None, int | None]]
) -> dict[str, Initiative]:
    """The initiatives with the user's years applied; only unconfirmed years can be set."""
    result = dict(initiatives)
    for name, (first, last) in years.items():
        where = f"initiative_years.{name}"
        item = initiatives.get(name)
        if item is None or item.years_confirmed:
            settable = sorted(n for n, i in initiatives.items() if not i.years_confirmed)
            raise ReferenceDataError(
                "settings_initiative_not_settable", field=where, choices=", ".join(settable)
            )
        if first is not None and last is not None and last < first:
            raise ReferenceDataError(
                "settings_initiative_years_reversed", field=where, first=str(first), last=str(last)
            )
        result[name] = item._replace(first=first, last=last, years_set=True)
    return result


def _optional_year(r: _Reader, data: Mapping[str, Any], key: str, where: str) -> int | None:
    if data.get(key) is None:
        return None
    return r.integer(data, key, where, 1900)


def _load_initiatives(
    r: _Reader, data: Mapping[str, Any], sources: Mapping[str, Source]
) -> dict[str, Initiative]:
    result: dict[str, Initiative] = {}
    for key, value in r.obj(data.get("initiatives"), "initiatives").items():
        where = f"initiatives.{key}"
        item = r.obj(value, where)
        kind = r.text(item, "kind", where)
        if kind not in ("supplier", "buyer"):
            raise r.fail(f"{where}.kind", "expected supplier or buyer")
        source = item.get("source")
        if source is not None and source not in sources:
            raise r.fail(f"{where}.source", f"unknown source {source!r}")
        first = _optional_year(r, item, "from", where)
        last = _optional_year(r, item, "to", where)
        if first is not None and last is not None and last < first:
            raise r.fail(f"{where}.to", "ends before it starts")
        result[key] = Initiative(
            key,
            r.text(item, "name_nl", where),
            r.text(item, "name_en", where),
            kind,
            first,
            last,
            r.boolean(item, "years_confirmed", where),
            r.text(item, "about_nl", where),
            r.text(item, "about_en", where),
            source,
        )
    return result


def _load_general_terms(text: str) -> tuple[GeneralTerms, ...]:
    r = _Reader("general_terms.json")
    data = _parse(r.filename, text)
    terms = []
    for i, raw in enumerate(r.lst(data, "terms", "")):
        where = f"terms[{i}]"
        item = r.obj(raw, where)
        kinds = tuple(str(k) for k in r.lst(item, "kinds", where))
        for k, kind in enumerate(kinds):
            if kind not in KINDS:
                raise r.fail(f"{where}.kinds[{k}]", f"unknown kind {kind!r}")
        terms.append(
            GeneralTerms(
                r.text(item, "code", where),
                r.text(item, "name", where, empty=True),
                r.text(item, "title_nl", where),
                r.text(item, "title_en", where),
                kinds,
                tuple(str(c) for c in r.lst(item, "categories", where)),
            )
        )
    codes = [t.code for t in terms]
    if "none" not in codes or len(set(codes)) != len(codes):
        raise r.fail("terms", "codes must be unique and include 'none'")
    return tuple(terms)


def _category(
    r: _Reader,
    raw: Any,
    cw: str,
    set_id: str,
    sources: Mapping[str, Source],
    initiatives: Mapping[str, Initiative],
) -> Category:
    """One category of a set (``cw``: where it is in the file, for a refusal)."""
    c = r.obj(raw, cw)
    risks_nl = r.texts(c, "risks_nl", cw)
    risks_en = r.texts(c, "risks_en", cw)
    if len(risks_nl) != len(risks_en):
        raise r.fail(f"{cw}.risks_en", "must have as many entries as risks_nl")
    for k, name in enumerate(r.texts(c, "initiatives", cw)):
        if name not in initiatives:
            raise r.fail(f"{cw}.initiatives[{k}]", f"unknown initiative {name!r}")
    countries = r.texts(c, "countries", cw)
    for k, country in enumerate(countries):
        if len(country) != 2 or not country.isupper():
            raise r.fail(f"{cw}.countries[{k}]", "expected an ISO 3166 alpha-2 code")
    cat_sources = r.texts(c, "sources", cw)
    for k, source in enumerate(cat_sources):
        if source not in sources:
            raise r.fail(f"{cw}.sources[{k}]", f"unknown source {source!r}")
    weight = r.integer(c, "risk_weight", cw, low=1)
    if weight > 3:
        raise r.fail(f"{cw}.risk_weight", "expected 1, 2 or 3")
    return Category(
        code=r.text(c, "code", cw),
        set_id=set_id,
        number=r.integer(c, "number", cw, 1),
        name_nl=r.text(c, "name_nl", cw),
        name_en=r.text(c, "name_en", cw),
        maps_to=r.texts(c, "maps_to", cw),
        mapping_confirmed=r.boolean(c, "mapping_confirmed", cw),
        chain_nl=r.text(c, "chain_nl", cw),
        chain_en=r.text(c, "chain_en", cw),
        risks_nl=risks_nl,
        risks_en=risks_en,
        countries=countries,
        initiatives=r.texts(c, "initiatives", cw),
        themes=r.texts(c, "themes", cw),
        risk_weight=weight,
        sources=cat_sources,
        annex_xiv_nl=r.text(c, "annex_xiv_nl", cw) if "annex_xiv_nl" in c else "",
        annex_xiv_en=r.text(c, "annex_xiv_en", cw) if "annex_xiv_en" in c else "",
    )


def _load_categories(
    text: str,
) -> tuple[dict[str, Source], tuple[CategorySet, ...], dict[str, Initiative]]:
    r = _Reader("categories.json")
    data = _parse(r.filename, text)
    sources: dict[str, Source] = {}
    for key, value in r.obj(data.get("sources"), "sources").items():
        item = r.obj(value, f"sources.{key}")
        sources[key] = Source(
            key, r.text(item, "title", f"sources.{key}"), r.text(item, "url", f"sources.{key}")
        )
    initiatives = _load_initiatives(r, data, sources)
    sets: list[CategorySet] = []
    for i, raw_set in enumerate(r.lst(data, "sets", "")):
        where = f"sets[{i}]"
        s = r.obj(raw_set, where)
        set_id = r.text(s, "id", where)
        categories = [
            _category(r, raw, f"{where}.categories[{j}]", set_id, sources, initiatives)
            for j, raw in enumerate(r.lst(s, "categories", where))
        ]
        codes = [c.code for c in categories]
        if len(set(codes)) != len(codes):
            raise r.fail(f"{where}.categories", "category codes are not unique")
        if OUTSIDE_CATEGORIES in codes:
            raise r.fail(f"{where}.categories", f"{OUTSIDE_CATEGORIES!r} is reserved")
        sets.append(
            CategorySet(
                id=set_id,
                name_nl=r.text(s, "name_nl", where),
                name_en=r.text(s, "name_en", where),
                valid_from=r.date(s, "valid_from", where),
                valid_from_confirmed=r.boolean(s, "valid_from_confirmed", where),
                categories=tuple(categories),
                sources=r.texts(s, "sources", where),
                valid_from_note=str(s.get("valid_from_note") or ""),
            )
        )
    if not sets:
        raise r.fail("sets", "expected at least one category set")
    for cat_set in sets:
        others = {c.code for s in sets if s.id != cat_set.id for c in s.categories}
        for j, category in enumerate(cat_set.categories):
            for code in category.maps_to:
                if others and code not in others:
                    raise r.fail(
                        f"sets[{cat_set.id}].categories[{j}].maps_to",
                        f"{code!r} is in no other category set",
                    )
    return sources, tuple(sets), initiatives


def _period(r: _Reader, raw: Any, where: str) -> ThresholdPeriod:
    p = r.obj(raw, where)

    def amount(key: str) -> int | None:
        if key in p and p[key] is None:
            return None
        return r.integer(p, key, where, 1)

    confirmed = p.get("confirmed", True)
    if not isinstance(confirmed, bool):
        raise r.fail(f"{where}.confirmed", "expected true or false")
    period = ThresholdPeriod(
        label=r.text(p, "period", where),
        start=r.date(p, "from", where),
        end=r.date(p, "to", where),
        supplies_services=amount("supplies_services"),
        works=amount("works"),
        source=r.text(p, "source", where),
        confirmed=confirmed,
    )
    if period.end < period.start:
        raise r.fail(f"{where}.to", "ends before it starts")
    return period


def _load_thresholds(text: str, filename: str = "thresholds.json") -> tuple[ThresholdPeriod, ...]:
    """The general regime's periods of a thresholds file."""
    r = _Reader(filename)
    data = _parse(filename, text)
    return tuple(
        _period(r, raw, f"periods[{i}]") for i, raw in enumerate(r.lst(data, "periods", ""))
    )


def _load_regime_periods(text: str, filename: str) -> dict[str, tuple[ThresholdPeriod, ...]]:
    """The other regimes' periods of a thresholds file, by regime id (none is fine)."""
    r = _Reader(filename)
    data = _parse(filename, text)
    result: dict[str, tuple[ThresholdPeriod, ...]] = {}
    for i, raw in enumerate(data.get("regimes") or ()):
        where = f"regimes[{i}]"
        item = r.obj(raw, where)
        regime_id = r.text(item, "id", where)
        result[regime_id] = tuple(
            _period(r, x, f"{where}.periods[{j}]")
            for j, x in enumerate(r.lst(item, "periods", where))
        )
    return result


def _load_regimes(text: str, general: tuple[ThresholdPeriod, ...]) -> tuple[Regime, ...]:
    r = _Reader("thresholds.json")
    data = _parse(r.filename, text)
    regimes = [
        Regime(
            GENERAL_REGIME,
            "Algemene Europese drempels (Richtlijn 2014/24/EU)",
            "General European thresholds (Directive 2014/24/EU)",
            ("supplies", "services", "works"),
            True,
            "Directive 2014/24/EU art. 4 as amended by the Commission's delegated regulations",
            general,
        )
    ]
    periods = _load_regime_periods(text, r.filename)
    for i, raw in enumerate(r.lst(data, "regimes", "")):
        where = f"regimes[{i}]"
        item = r.obj(raw, where)
        kinds = r.texts(item, "kinds", where)
        for k, kind in enumerate(kinds):
            if kind not in KINDS:
                raise r.fail(f"{where}.kinds[{k}]", f"unknown kind {kind!r}")
        regime_id = r.text(item, "id", where)
        regimes.append(
            Regime(
                regime_id,
                r.text(item, "name_nl", where),
                r.text(item, "name_en", where),
                kinds,
                r.boolean(item, "policy_confirmed", where),
                r.text(item, "source", where),
                merge_thresholds((), periods[regime_id], r.filename),
                str(item.get("unknown_note_nl") or ""),
                str(item.get("unknown_note_en") or ""),
            )
        )
    covered = [k for regime in regimes for k in regime.kinds]
    if sorted(covered) != sorted(KINDS):
        raise r.fail("regimes", "every kind needs exactly one regime")
    return tuple(regimes)


def _load_isv_start(text: str, override: dt.date | None) -> IsvStart:
    r = _Reader("thresholds.json")
    data = _parse(r.filename, text)
    item = r.obj(data.get("isv_start"), "isv_start")
    start = IsvStart(
        r.date(item, "date", "isv_start"),
        r.boolean(item, "day_confirmed", "isv_start"),
        r.text(item, "source", "isv_start"),
    )
    if override is not None and override != start.date:
        return IsvStart(override, True, start.source, overridden=True)
    return start


def merge_thresholds(
    base: tuple[ThresholdPeriod, ...], extra: tuple[ThresholdPeriod, ...], filename: str
) -> tuple[ThresholdPeriod, ...]:
    """Add the periods of a user's extension file; an overlap is an error, not a guess."""
    merged = sorted(base + extra, key=lambda p: p.start)
    for before, after in itertools.pairwise(merged):
        if after.start <= before.end:
            raise ReferenceDataError(
                "reference_data_invalid",
                file=filename,
                field=f"periods {after.label}",
                problem=f"overlaps the period {before.label}",
            )
    return tuple(merged)


def _load_themes(text: str) -> tuple[tuple[Theme, ...], tuple[Convention, ...], dict[str, Label]]:
    r = _Reader("themes.json")
    data = _parse(r.filename, text)
    sdg = {x.code: x for x in r.labels(data, "sdg_targets")}
    conventions = []
    for i, raw in enumerate(r.lst(data, "ilo_conventions", "")):
        where = f"ilo_conventions[{i}]"
        c = r.obj(raw, where)
        conventions.append(
            Convention(
                r.text(c, "code", where),
                r.text(c, "nl", where),
                r.text(c, "en", where),
                r.text(c, "principle_nl", where),
                r.text(c, "principle_en", where),
            )
        )
    known_conventions = {c.code for c in conventions}
    themes = []
    for i, raw in enumerate(r.lst(data, "themes", "")):
        where = f"themes[{i}]"
        t = r.obj(raw, where)
        ilo = r.texts(t, "ilo", where) if t.get("ilo") else ()
        for k, code in enumerate(ilo):
            if code not in known_conventions:
                raise r.fail(f"{where}.ilo[{k}]", f"unknown convention {code!r}")
        targets = r.texts(t, "sdg", where)
        for k, target in enumerate(targets):
            if target not in sdg:
                raise r.fail(f"{where}.sdg[{k}]", f"unknown SDG target {target!r}")
        themes.append(
            Theme(
                r.text(t, "code", where),
                r.text(t, "nl", where),
                r.text(t, "en", where),
                ilo,
                targets,
            )
        )
    if len({t.code for t in themes}) != len(themes):
        raise r.fail("themes", "theme codes are not unique")
    return tuple(themes), tuple(conventions), sdg


def load_reference(
    read: Callable[[str], str],
    extra_thresholds: tuple[str, str] | None = None,
    set_valid_from: Mapping[str, dt.date] | None = None,
    isv_start: dt.date | None = None,
    initiative_years: Mapping[str, tuple[int | None, int | None]] | None = None,
) -> Reference:
    """Build the reference data from the files that ``read(name)`` returns as text.

    ``extra_thresholds`` is ``(filename, text)`` of a user's extension of the threshold
    table; ``set_valid_from`` overrides the start date of a category set (a setting,
    since the regrouping date is not confirmed); ``isv_start`` overrides the ISV's start
    date (a setting: the sources name the month only); ``initiative_years`` sets the
    years of initiatives whose years the data could not confirm (a setting).
    """
    sources, sets, initiatives = _load_categories(read("categories.json"))
    if initiative_years:
        initiatives = _with_years(initiatives, initiative_years)
    if set_valid_from:
        known = {s.id for s in sets}
        for set_id in set_valid_from:
            if set_id not in known:
                raise ReferenceDataError(
                    "reference_data_invalid",
                    file="settings",
                    field=f"category_set_valid_from.{set_id}",
                    problem="unknown category set",
                )
        sets = tuple(
            s._replace(
                valid_from=set_valid_from.get(s.id, s.valid_from),
                valid_from_confirmed=s.id in set_valid_from or s.valid_from_confirmed,
            )
            for s in sets
        )
    threshold_text = read("thresholds.json")
    thresholds = merge_thresholds(_load_thresholds(threshold_text), (), "thresholds.json")
    regimes = _load_regimes(threshold_text, ())
    if extra_thresholds is not None:
        name, text = extra_thresholds
        thresholds = merge_thresholds(thresholds, _load_thresholds(text, name), name)
        extra = _load_regime_periods(text, name)
        for regime_id in extra:
            if regime_id not in {x.id for x in regimes}:
                raise ReferenceDataError(
                    "reference_data_invalid",
                    file=name,
                    field=f"regimes {regime_id}",
                    problem="unknown regime",
                )
        regimes = tuple(
            x._replace(periods=merge_thresholds(x.periods, extra.get(x.id, ()), name))
            for x in regimes
        )
    regimes = (regimes[0]._replace(periods=thresholds), *regimes[1:])
    themes, conventions, sdg = _load_themes(read("themes.json"))
    r = _Reader("scales.json")
    scales = _parse(r.filename, read("scales.json"))
    severity = Scale(r.labels(scales, "severity", "value"))
    likelihood = Scale(r.labels(scales, "likelihood", "value"))
    for name, scale in (("severity", severity), ("likelihood", likelihood)):
        if [x.code for x in scale.values] != [str(n) for n in range(1, scale.maximum + 1)]:
            raise r.fail(name, "values must run 1, 2, … without gaps")
    steps = []
    for i, raw in enumerate(r.lst(scales, "oecd_steps", "")):
        where = f"oecd_steps[{i}]"
        s = r.obj(raw, where)
        steps.append(
            OecdStep(
                r.integer(s, "number", where, 1),
                r.text(s, "code", where),
                r.text(s, "nl", where),
                r.text(s, "en", where),
                r.text(s, "isv_nl", where),
                r.text(s, "isv_en", where),
            )
        )
    if [s.number for s in steps] != list(range(1, 7)):
        raise r.fail("oecd_steps", "expected the six OECD steps numbered 1 to 6")
    return Reference(
        sources=sources,
        category_sets=sets,
        thresholds=thresholds,
        themes=themes,
        conventions=conventions,
        sdg_targets=sdg,
        severity=severity,
        likelihood=likelihood,
        priorities=r.labels(scales, "priorities"),
        measure_statuses=r.labels(scales, "measure_statuses"),
        grievance_mechanisms=r.labels(scales, "grievance_mechanisms"),
        oecd_steps=tuple(steps),
        evidence_types=r.labels(scales, "evidence_types"),
        forms=r.labels(scales, "forms"),
        escalation_steps=r.labels(scales, "escalation_steps"),
        not_applied_reasons=r.labels(scales, "not_applied_reasons"),
        text_sources=r.labels(scales, "text_sources"),
        regimes=regimes,
        isv_start=_load_isv_start(threshold_text, isv_start),
        initiatives=initiatives,
        general_terms=_load_general_terms(read("general_terms.json")),
        set_valid_from_overrides=dict(set_valid_from or {}),
    )

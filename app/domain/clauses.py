"""The parameters of the ISV texts for one tender, their defaults and their checks.

The texts themselves live in versioned templates (``templates/clauses/<version>/``);
this module only decides *what* goes in: which parameters, with which defaults, and
which texts a tender gets for its form of application. Standard library only.

A default the buyer did not choose is remembered in :attr:`ClauseParameters.defaults`,
so the parameter summary can say so; the legal text itself never does.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from app.domain.amounts import parse_amount
from app.domain.decision import ACCEPTANCE, FORMS
from app.domain.errors import ValidationError

TEXTS = ("contract", "guide", "statement", "annex")
"""The texts of a tender, in the order they appear when all are generated."""

FORMATS = ("docx", "pdf", "md")
LANGUAGES = ("nl", "en")

PLAN_MONTHS_RANGE = (1, 24)
REPORT_MONTH_RANGE = (1, 12)
PENALTY_MAXIMUM = Decimal(10_000_000)
TEXT_LIMIT = 300

DEFAULT_PLAN_MONTHS = 3
DEFAULT_REPORT_MONTH = 3
DEFAULT_PENALTY = Decimal(5000)
DEFAULT_INDEPENDENT_CHECK = False
DEFAULT_CONTACT_ROLE = {"nl": "contractmanager", "en": "contract manager"}
DEFAULT_PENALTY_CAP = Decimal(50000)
DEFAULT_PENALTY_WITH_DAMAGES = True
DEFAULT_NOTICE_DAYS = 30
DEFAULT_AWARD_WEIGHT = 10
DEFAULT_AWARD_POINTS = 10
DEFAULT_ELECTRONICS_WATCH = False
NOTICE_DAYS_RANGE = (1, 180)
AWARD_WEIGHT_RANGE = (1, 100)
AWARD_POINTS_RANGE = (2, 100)
ICT_CATEGORIES = ("ict-werkomgeving", "datacenters", "dataverbindingen", "connectiviteit")
"""The categories for which Electronics Watch's contract conditions may be added."""
"""Defaults of the choices the buyer makes per tender. DOMAIN.md: the deadline and the
penalty amount of the official 2017 texts could not be confirmed, so they are settings
with sensible defaults, shown as defaults in the parameter summary."""

CHOICES = (
    "plan_months",
    "report_month",
    "penalty",
    "independent_check",
    "contact-role",
    "general_terms",
    "penalty_cap",
    "penalty_with_damages",
    "notice_days",
    "award_weight",
    "award_points",
    "electronics_watch",
    "party",
)
AWARD_FIELDS = ("award_method", "award_subject", "award_assessor")


@dataclass(frozen=True)
class ClauseParameters:
    """Everything the templates need about one tender, already checked.

    ``contract_refs`` lists the tender's contracts (none before award). ``defaults``
    names the choices that were not made by the buyer but filled in with the default.
    """

    authority: str
    tender_ref: str
    tender_title: str
    category_code: str
    category_set: str
    form: str
    acceptance: str | None
    generated_on: dt.date
    contract_refs: tuple[str, ...] = ()
    plan_months: int = DEFAULT_PLAN_MONTHS
    report_month: int = DEFAULT_REPORT_MONTH
    penalty: Decimal = DEFAULT_PENALTY
    independent_check: bool = DEFAULT_INDEPENDENT_CHECK
    contact_role: str = DEFAULT_CONTACT_ROLE["nl"]
    award_method: str | None = None
    award_subject: str | None = None
    award_assessor: str | None = None
    kind: str = "supplies"
    minister: str = ""
    mandate: str = ""
    general_terms: str = "none"
    penalty_cap: Decimal = DEFAULT_PENALTY_CAP
    penalty_with_damages: bool = DEFAULT_PENALTY_WITH_DAMAGES
    notice_days: int = DEFAULT_NOTICE_DAYS
    award_weight: int | None = None
    award_points: int | None = None
    electronics_watch: bool = DEFAULT_ELECTRONICS_WATCH
    defaults: frozenset[str] = field(default_factory=frozenset)

    def is_default(self, name: str) -> bool:
        return name in self.defaults

    def as_json(self) -> dict[str, Any]:
        """The parameters as plain JSON values (recorded with each generated document)."""
        return {
            "authority": self.authority,
            "tender_ref": self.tender_ref,
            "tender_title": self.tender_title,
            "category_code": self.category_code,
            "category_set": self.category_set,
            "form": self.form,
            "acceptance": self.acceptance,
            "generated_on": self.generated_on.isoformat(),
            "contract_refs": list(self.contract_refs),
            "plan_months": self.plan_months,
            "report_month": self.report_month,
            "penalty": str(self.penalty),
            "independent_check": self.independent_check,
            "contact_role": self.contact_role,
            "award_method": self.award_method,
            "award_subject": self.award_subject,
            "award_assessor": self.award_assessor,
            "kind": self.kind,
            "minister": self.minister,
            "mandate": self.mandate,
            "general_terms": self.general_terms,
            "penalty_cap": str(self.penalty_cap),
            "penalty_with_damages": self.penalty_with_damages,
            "notice_days": self.notice_days,
            "award_weight": self.award_weight,
            "award_points": self.award_points,
            "electronics_watch": self.electronics_watch,
            "defaults": sorted(self.defaults),
        }


def texts_for(form: str, acceptance: str | None, *, in_category: bool = True) -> tuple[str, ...]:
    """The texts a tender gets: always the contract articles and the tender-guide
    paragraph; the compliance statement only when acceptance is explicit; the annex with
    the category's risks only for a tender in a risk category."""
    texts: tuple[str, ...] = TEXTS
    if not (form == "contract-condition" and acceptance == "explicit"):
        texts = tuple(t for t in texts if t != "statement")
    if not in_category:
        texts = tuple(t for t in texts if t != "annex")
    return texts


def select_texts(
    requested: str, form: str, acceptance: str | None, *, in_category: bool = True
) -> tuple[str, ...]:
    """The texts for ``requested`` (one of :data:`TEXTS` or ``all``), checked against the
    tender: a text it does not get (a statement without explicit acceptance, an annex
    outside the risk categories) is refused, not made."""
    requested = (requested or "").strip().lower()
    available = texts_for(form, acceptance, in_category=in_category)
    if requested == "all":
        return available
    if requested not in TEXTS:
        raise ValidationError(
            "clauses_unknown_text", value=requested, allowed=", ".join((*TEXTS, "all"))
        )
    if requested not in available:
        if requested == "annex":
            raise ValidationError("clauses_annex_outside_categories")
        raise ValidationError("clauses_statement_not_applicable")
    return (requested,)


def check_choice(value: str, allowed: tuple[str, ...], code: str) -> str:
    cleaned = (value or "").strip().lower()
    if cleaned not in allowed:
        raise ValidationError(code, value=value, allowed=", ".join(allowed))
    return cleaned


def clean_parameter_text(value: str | None, name: str, *, required: bool = True) -> str:
    """User text for a template: control characters refused, white space made single.

    Keeping user text on one line is what lets a template's structure (its headings,
    articles and lists) never be changed by a value put into it.
    """
    text = " ".join((value or "").split())
    if not text:
        if required:
            raise ValidationError("clauses_missing_parameter", name=name)
        return ""
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in text):
        raise ValidationError("clauses_invalid_text", name=name)
    if len(text) > TEXT_LIMIT:
        raise ValidationError("clauses_text_too_long", name=name, limit=TEXT_LIMIT)
    return text


def parse_penalty(value: str | Decimal | int) -> Decimal:
    """A penalty in euros: positive, at most two decimals, at most ten million."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        amount = Decimal(value)
    else:
        try:
            amount = parse_amount(str(value), "penalty")
        except ValidationError as refused:
            negative = refused.code == "negative_amount"
            code = "clauses_penalty_not_positive" if negative else "clauses_invalid_penalty"
            raise ValidationError(code, value=str(value)) from None
    if not amount.is_finite():
        raise ValidationError("clauses_invalid_penalty", value=str(value))
    if amount <= 0:
        raise ValidationError("clauses_penalty_not_positive", value=str(value))
    if amount > PENALTY_MAXIMUM or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError("clauses_invalid_penalty", value=str(value))
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.quantize(Decimal("0.01"))


def validate_parameters(params: ClauseParameters) -> ClauseParameters:
    """The parameters, checked and normalised; the first problem raises a
    :class:`ValidationError` whose code and ``name`` say which parameter it is."""
    form = check_choice(params.form, FORMS, "unknown_form") if params.form else ""
    if not form:
        raise ValidationError("clauses_missing_parameter", name="form")
    acceptance: str | None = None
    if form == "contract-condition":
        acceptance = params.acceptance or "implicit"
        acceptance = check_choice(acceptance, ACCEPTANCE, "clauses_unknown_acceptance")
    low, high = PLAN_MONTHS_RANGE
    if isinstance(params.plan_months, bool) or not low <= params.plan_months <= high:
        raise ValidationError(
            "clauses_plan_months_invalid", value=params.plan_months, low=low, high=high
        )
    low, high = REPORT_MONTH_RANGE
    if isinstance(params.report_month, bool) or not low <= params.report_month <= high:
        raise ValidationError(
            "clauses_report_month_invalid", value=params.report_month, low=low, high=high
        )
    penalty = parse_penalty(params.penalty)
    cap = parse_penalty(params.penalty_cap)
    if cap < penalty:
        raise ValidationError("clauses_penalty_cap_below_penalty", cap=cap, penalty=penalty)
    _in_range(params.notice_days, NOTICE_DAYS_RANGE, "notice-days")
    award: dict[str, Any] = {name: getattr(params, name) for name in AWARD_FIELDS}
    weight, points = params.award_weight, params.award_points
    if form == "award-criterion":
        award = {
            name: clean_parameter_text(value, name.replace("_", "-"))
            for name, value in award.items()
        }
        weight = DEFAULT_AWARD_WEIGHT if weight is None else weight
        points = DEFAULT_AWARD_POINTS if points is None else points
        _in_range(weight, AWARD_WEIGHT_RANGE, "award-weight")
        _in_range(points, AWARD_POINTS_RANGE, "award-points")
    else:
        for name, value in award.items():
            if value is not None and value.strip():
                raise ValidationError("clauses_award_parameter_unused", name=name.replace("_", "-"))
        for name, number in (("award-weight", weight), ("award-points", points)):
            if number is not None:
                raise ValidationError("clauses_award_parameter_unused", name=name)
        award = dict.fromkeys(AWARD_FIELDS)
    if params.electronics_watch and params.category_code not in ICT_CATEGORIES:
        raise ValidationError(
            "clauses_electronics_watch_not_ict", allowed=", ".join(ICT_CATEGORIES)
        )
    minister = clean_parameter_text(params.minister, "minister", required=False)
    mandate = clean_parameter_text(params.mandate, "mandate", required=False)
    if mandate and not minister:
        raise ValidationError("clauses_mandate_without_minister")
    return replace(
        params,
        authority=clean_parameter_text(params.authority, "authority"),
        tender_ref=clean_parameter_text(params.tender_ref, "tender-ref"),
        tender_title=clean_parameter_text(params.tender_title, "tender-title"),
        category_code=clean_parameter_text(params.category_code, "category"),
        category_set=clean_parameter_text(params.category_set, "category-set"),
        contract_refs=tuple(clean_parameter_text(r, "contract") for r in params.contract_refs),
        form=form,
        acceptance=acceptance,
        penalty=penalty,
        contact_role=clean_parameter_text(params.contact_role, "contact-role"),
        penalty_cap=cap,
        award_weight=weight if form == "award-criterion" else None,
        award_points=points if form == "award-criterion" else None,
        minister=minister,
        mandate=mandate,
        **award,
    )


def _in_range(value: int, bounds: tuple[int, int], name: str) -> None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            "clauses_number_out_of_range", name=name, value=value, low=low, high=high
        )

"""The assessment rubric ("reasonable effort"): its subjects and elements, loading it
from its JSON file, the verdict of a set of ratings, the hints a workbook gives the
assessor, and which version is in force on a day. Standard library only.

The dossier service (:mod:`app.services.assessments`) stores the assessments; the rules
for reading them into step states are in :mod:`app.domain.followup`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain.errors import ReferenceDataError, ValidationError
from app.domain.languages import choose

# ---------------------------------------------------------------------------------------
# The assessment rubric ("reasonable effort")
# ---------------------------------------------------------------------------------------

RATINGS = ("sufficient", "insufficient", "not_applicable")
SUBJECTS = ("risk-analysis", "plan-of-action", "yearly-report")


@dataclass(frozen=True)
class RubricElement:
    code: str
    nl: str
    en: str
    may_be_not_applicable: bool

    def text(self, lang: str) -> str:
        return choose(lang, {"nl": self.nl, "en": self.en})


@dataclass(frozen=True)
class RubricSubject:
    code: str
    nl: str
    en: str
    elements: tuple[RubricElement, ...]

    def text(self, lang: str) -> str:
        return choose(lang, {"nl": self.nl, "en": self.en})


@dataclass(frozen=True)
class Rubric:
    version: str
    valid_from: dt.date
    subjects: Mapping[str, RubricSubject]
    sources: tuple[str, ...]

    def subject(self, code: str) -> RubricSubject:
        found = self.subjects.get(code)
        if found is None:
            raise ValidationError(
                "dossier_unknown_subject", value=code, allowed=", ".join(SUBJECTS)
            )
        return found


@dataclass(frozen=True)
class ElementRating:
    code: str
    rating: str
    comment: str = ""


class _RubricFile:
    """Reading one rubric file: each refusal names the file and the field."""

    def __init__(self, filename: str) -> None:
        self.filename = filename

    def fail(self, where: str, problem: str) -> ReferenceDataError:
        return ReferenceDataError(
            "reference_data_invalid", file=self.filename, field=where, problem=problem
        )

    def label(self, item: object, where: str) -> tuple[str, str, str]:
        if not isinstance(item, dict):
            raise self.fail(where, "expected an object")
        values = []
        for key in ("code", "nl", "en"):
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"{where}.{key}", "expected a non-empty text")
            values.append(value)
        return values[0], values[1], values[2]

    def element(self, item: Any, where: str) -> RubricElement:
        code, nl, en = self.label(item, where)
        optional = item.get("may_be_not_applicable", False)
        if not isinstance(optional, bool):
            raise self.fail(f"{where}.may_be_not_applicable", "expected true/false")
        return RubricElement(code, nl, en, optional)

    def subject(self, raw: Any, where: str) -> RubricSubject:
        code, nl, en = self.label(raw, where)
        if code not in SUBJECTS:
            raise self.fail(f"{where}.code", f"expected one of {', '.join(SUBJECTS)}")
        raw_elements = raw.get("elements")
        if not isinstance(raw_elements, list) or not raw_elements:
            raise self.fail(f"{where}.elements", "expected a non-empty list")
        elements = [
            self.element(item, f"{where}.elements[{j}]") for j, item in enumerate(raw_elements)
        ]
        if len({e.code for e in elements}) != len(elements):
            raise self.fail(f"{where}.elements", "element codes are not unique")
        return RubricSubject(code, nl, en, tuple(elements))

    def subjects(self, raw_subjects: object) -> dict[str, RubricSubject]:
        if not isinstance(raw_subjects, list):
            raise self.fail("subjects", "expected a list")
        subjects: dict[str, RubricSubject] = {}
        for i, raw in enumerate(raw_subjects):
            subject = self.subject(raw, f"subjects[{i}]")
            subjects[subject.code] = subject
        missing = [s for s in SUBJECTS if s not in subjects]
        if missing:
            raise self.fail("subjects", f"missing {', '.join(missing)}")
        return subjects


def load_rubric(text: str, filename: str) -> Rubric:
    """Parse and validate one rubric file; a broken file names the file and the field."""
    file = _RubricFile(filename)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise file.fail(f"line {exc.lineno}", f"not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise file.fail("(top)", "expected an object")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise file.fail("version", "expected a text")
    try:
        valid_from = dt.date.fromisoformat(str(data.get("valid_from")))
    except ValueError:
        raise file.fail("valid_from", "expected a date as YYYY-MM-DD") from None
    subjects = file.subjects(data.get("subjects"))
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise file.fail("sources", "expected a list of texts")
    return Rubric(version, valid_from, subjects, tuple(sources))


def rubric_verdict(subject: RubricSubject, ratings: Sequence[ElementRating]) -> str:
    """Check the ratings against the rubric and return the overall verdict.

    Every element is rated exactly once with sufficient, insufficient or not applicable
    (the latter only where the rubric allows it); an insufficient element needs a
    comment saying what is missing. Verdict: ``insufficient`` when any element is
    insufficient, else ``sufficient`` (at least one element must be applicable).
    """
    known = {e.code: e for e in subject.elements}
    seen: dict[str, ElementRating] = {}
    for rating in ratings:
        element = known.get(rating.code)
        if element is None:
            raise ValidationError(
                "dossier_unknown_element", element=rating.code, subject=subject.code
            )
        if rating.code in seen:
            raise ValidationError("dossier_element_twice", element=rating.code)
        if rating.rating not in RATINGS:
            raise ValidationError(
                "dossier_unknown_rating",
                element=rating.code,
                value=rating.rating,
                allowed=", ".join(RATINGS),
            )
        if rating.rating == "not_applicable" and not element.may_be_not_applicable:
            raise ValidationError("dossier_element_always_applies", element=rating.code)
        if rating.rating == "insufficient" and not rating.comment.strip():
            raise ValidationError("dossier_comment_required", element=rating.code)
        seen[rating.code] = rating
    missing = [e.code for e in subject.elements if e.code not in seen]
    if missing:
        raise ValidationError("dossier_elements_missing", elements=", ".join(missing))
    values = [r.rating for r in seen.values()]
    if all(v == "not_applicable" for v in values):
        raise ValidationError("dossier_nothing_assessed")
    return "insufficient" if "insufficient" in values else "sufficient"


@dataclass(frozen=True)
class RubricHint:
    """What the imported workbook suggests for one element; the assessor decides."""

    element: str
    suggested: str  # sufficient, insufficient, not_applicable
    reason: str  # message code
    params: Mapping[str, object] = field(default_factory=dict)


def plan_hints(
    risks: Sequence[tuple[str, str]], measures: Sequence[tuple[str, str, dt.date | None]]
) -> tuple[RubricHint, ...]:
    """Hints for a plan of action from the newest workbook.

    ``risks``: (risk key, priority); ``measures``: (risk key, owner, due date). Every
    high-priority risk needs a measure; every measure an owner and a date.
    """
    high = sorted({key for key, level in risks if level == "high"})
    covered = {key for key, _owner, _due in measures}
    missing = [key for key in high if key not in covered]
    hints = []
    if not high:
        hints.append(
            RubricHint("measure_per_high_risk", "not_applicable", "dossier_hint_no_high_risks")
        )
    elif missing:
        hints.append(
            RubricHint(
                "measure_per_high_risk",
                "insufficient",
                "dossier_hint_high_risks_uncovered",
                {"risks": ", ".join(missing)},
            )
        )
    else:
        hints.append(
            RubricHint(
                "measure_per_high_risk",
                "sufficient",
                "dossier_hint_high_risks_covered",
                {"count": len(high)},
            )
        )
    incomplete = sum(1 for _key, owner, due in measures if not owner.strip() or due is None)
    if not measures:
        hints.append(RubricHint("owner_and_date", "insufficient", "dossier_hint_no_measures"))
    elif incomplete:
        hints.append(
            RubricHint(
                "owner_and_date",
                "insufficient",
                "dossier_hint_measures_incomplete",
                {"count": incomplete, "total": len(measures)},
            )
        )
    else:
        hints.append(
            RubricHint(
                "owner_and_date",
                "sufficient",
                "dossier_hint_measures_complete",
                {"total": len(measures)},
            )
        )
    return tuple(hints)


def risk_analysis_hints(
    site_countries: Sequence[str], deepest_tier: int, risks: int
) -> tuple[RubricHint, ...]:
    """Hints for a risk analysis from the newest workbook: sites with their countries
    beyond the first tier, and risks scored for severity and likelihood."""
    hints = []
    if not site_countries:
        hints.append(RubricHint("countries_suppliers", "insufficient", "dossier_hint_no_sites"))
    else:
        hints.append(
            RubricHint(
                "countries_suppliers",
                "sufficient" if deepest_tier > 1 else "insufficient",
                "dossier_hint_sites",
                {
                    "count": len(site_countries),
                    "countries": len(set(site_countries)),
                    "tier": deepest_tier,
                },
            )
        )
    hints.append(
        RubricHint(
            "risk_assessment",
            "sufficient" if risks else "insufficient",
            "dossier_hint_risks",
            {"count": risks},
        )
    )
    return tuple(hints)


def rubric_in_force(rubrics: Iterable[Rubric], day: dt.date) -> Rubric:
    """The newest rubric whose ``valid_from`` has passed on ``day`` (else the oldest)."""
    ordered = sorted(rubrics, key=lambda r: r.valid_from)
    if not ordered:
        raise ReferenceDataError(
            "reference_data_invalid", file="rubric", field="(files)", problem="no rubric file found"
        )
    started = [r for r in ordered if r.valid_from <= day]
    return started[-1] if started else ordered[0]


@dataclass(frozen=True)
class AssessmentRecord:
    id: int
    uid: str
    contract_ref: str
    subject: str
    evidence_id: int | None
    submission_id: int | None
    rubric_version: str
    ratings: tuple[ElementRating, ...]
    verdict: str
    assessor: str
    assessed_on: dt.date
    contract_year: int | None
    note: str | None
    version: int = 1
    withdrawn_reason: str | None = None  # set when the assessment was withdrawn

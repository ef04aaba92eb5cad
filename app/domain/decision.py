"""Rules for the buyer's ISV decision on a tender."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from app.domain.applicability import Verdict
from app.domain.errors import ValidationError
from app.domain.values import IsvDecision

FORMS = ("contract-condition", "minimum-requirement", "award-criterion")
ACCEPTANCE = ("implicit", "explicit")
TEXT_SOURCES = ("generated", "official", "own")
"""Which ISV text a tender used: generated here (with its version), the official BZK
standard texts (as the buyer confirms), or an own text."""


def corrected_decision(
    current: IsvDecision | None, applied: bool, changes: Mapping[str, str | None]
) -> IsvDecision:
    """The decision after a correction: the ``changes`` given (``reason``, ``form``,
    ``acceptance``, ``reason_code``, ``text_source``) over the current decision's
    fields, which are kept only while ``applied`` stays as it was (a reason for not
    applying means nothing once the ISV are applied, and a form nothing the other way)."""
    keep = current if current is not None and current.applied == applied else None

    def value(name: str) -> str | None:
        if name in changes:
            return changes[name]
        return getattr(keep, name) if keep is not None else None

    return IsvDecision(
        applied,
        value("reason"),
        value("form"),
        value("acceptance"),
        value("reason_code"),
        value("text_source"),
    )


def validate_decision(
    ref: str, verdict: str, decision: IsvDecision, reason_codes: Collection[str] = ()
) -> IsvDecision:
    """A checked, normalised decision.

    Applied needs a form (and, for a contract condition, an acceptance route; implicit
    when none is given) and may name the text used (:data:`TEXT_SOURCES`). Not applying
    mandatory ISV needs a reason; the reason code, when given, is one of
    ``reason_codes`` (the fixed list of the reference data).
    """
    reason = (decision.reason or "").strip() or None
    code = (decision.reason_code or "").strip().lower() or None
    source = (decision.text_source or "").strip().lower() or None
    if decision.applied:
        if code is not None:
            raise ValidationError("reason_code_when_applied", ref=ref)
        if source is not None and source not in TEXT_SOURCES:
            raise ValidationError(
                "unknown_text_source", value=decision.text_source, allowed=", ".join(TEXT_SOURCES)
            )
        form = (decision.form or "").strip().lower() or None
        if form is None:
            raise ValidationError("form_required", ref=ref)
        if form not in FORMS:
            raise ValidationError("unknown_form", form=decision.form, allowed=", ".join(FORMS))
        acceptance = (decision.acceptance or "").strip().lower() or None
        if form == "contract-condition":
            acceptance = acceptance or "implicit"
            if acceptance not in ACCEPTANCE:
                raise ValidationError("unknown_acceptance", value=decision.acceptance)
        else:
            acceptance = None
        return IsvDecision(True, reason, form, acceptance, text_source=source)
    if source is not None:
        raise ValidationError("text_source_when_not_applied", ref=ref)
    if code is not None and code not in reason_codes:
        raise ValidationError(
            "unknown_reason_code", value=decision.reason_code, allowed=", ".join(reason_codes)
        )
    if verdict == Verdict.MANDATORY and reason is None:
        raise ValidationError("reason_required", ref=ref)
    return IsvDecision(False, reason, None, None, reason_code=code)

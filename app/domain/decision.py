"""Rules for the buyer's ISV decision on a tender."""

from __future__ import annotations

from app.domain.applicability import Verdict
from app.domain.errors import ValidationError
from app.domain.values import IsvDecision

FORMS = ("contract-condition", "minimum-requirement", "award-criterion")
ACCEPTANCE = ("implicit", "explicit")


def validate_decision(ref: str, verdict: str, decision: IsvDecision) -> IsvDecision:
    """A checked, normalised decision.

    Applied needs a form (and, for a contract condition, an acceptance route; implicit
    when none is given). Not applying mandatory ISV needs a reason.
    """
    reason = (decision.reason or "").strip() or None
    if decision.applied:
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
        return IsvDecision(True, reason, form, acceptance)
    if verdict == Verdict.MANDATORY and reason is None:
        raise ValidationError("reason_required", ref=ref)
    return IsvDecision(False, reason, None, None)

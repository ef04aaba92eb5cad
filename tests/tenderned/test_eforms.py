"""The eForms values beside the generated texts, in both languages."""

from __future__ import annotations

import datetime as dt

from app.domain.values import IsvDecision
from app.services import eforms, registry
from app.services.clauses import ClauseChoices
from app.services.context import Context


def _tender(ctx: Context, ref: str, decision: IsvDecision) -> None:
    registry.register_tender(
        ctx,
        ref=ref,
        title="Laptops",
        category="ict-werkomgeving",
        kind="supplies",
        value=250000,
        published=dt.date(2026, 3, 1),
        organisation="Ministerie van Proefzaken",
        decision=decision,
    )


def test_the_fields_and_the_clause_to_paste_in_both_languages(ctx: Context) -> None:
    _tender(ctx, "E-1", IsvDecision(True, None, "contract-condition", "implicit"))
    dutch = eforms.guidance(ctx, "E-1", lang="nl")
    english = eforms.guidance(ctx, "E-1", lang="en")
    assert [(line.bt, line.value) for line in dutch][:1] == [("BT-06", "soc-obj")]
    codes = {line.value for line in dutch if line.bt == "BT-775"}
    assert codes == {"hum-right", "work-cond"}
    [bt70_nl] = [line for line in dutch if line.bt == "BT-70"]
    [bt70_en] = [line for line in english if line.bt == "BT-70"]
    assert bt70_nl.paste and "E-1" in bt70_nl.value
    assert not bt70_nl.value.startswith("Internationale Sociale Voorwaarden\n")  # no front matter
    assert bt70_nl.value != bt70_en.value  # the clause in the notice's language
    assert dutch[0].field == "Strategische aanbesteding"
    assert english[0].field == "Strategic procurement"
    assert not any(line.bt == "BT-540" for line in dutch)


def test_an_award_criterion_adds_its_description_and_not_applied_gives_nothing(
    ctx: Context,
) -> None:
    _tender(ctx, "E-2", IsvDecision(True, None, "award-criterion", None))
    choices = ClauseChoices(
        award_method="punten", award_subject="het plan van aanpak", award_assessor="een panel"
    )
    lines = eforms.guidance(ctx, "E-2", lang="en", choices=choices)
    assert any(line.bt == "BT-540" for line in lines)
    _tender(ctx, "E-3", IsvDecision(False, "Geen ketenrisico volgens de analyse", None, None))
    assert eforms.guidance(ctx, "E-3") == []

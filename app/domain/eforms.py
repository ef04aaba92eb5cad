"""What the buyer enters in the eForms notice on TenderNed for a tender with the ISV.

eForms (Commission Implementing Regulation (EU) 2019/1780) names every field of a notice
with a business term (BT). Three of them carry the ISV:

- BT-06 *strategic procurement*: the code ``soc-obj`` (the procurement aims at a social
  objective), with BT-777 to describe it in a sentence;
- BT-775 *social procurement*: ``hum-right`` (human rights in the supply chain) and
  ``work-cond`` (working conditions), the two themes of the ISV;
- BT-70 *terms of performance*: the contract performance condition itself, the text the
  buyer pastes from the generated contract text.

With the ISV as an award criterion, the criterion's description (BT-540) names it too.
Words come from the message catalogue (``resources/messages/eforms.json``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EformsField:
    """One field: its business term, the code or text to enter, and message codes for the
    field's name and for what the value means."""

    bt: str
    name: str  # message code of the field's name
    value: str  # the code to choose, or the text to paste
    meaning: str  # message code of what the value means
    paste: bool = False  # ``value`` is text to paste, not a code


def eforms_fields(form: str | None, contract_text: str) -> tuple[EformsField, ...]:
    """The fields for a tender with the ISV applied in ``form``; ``contract_text`` is the
    generated contract performance condition in the notice's language."""
    fields = [
        EformsField("BT-06", "eforms_bt06", "soc-obj", "eforms_soc_obj"),
        EformsField("BT-777", "eforms_bt777", "eforms_bt777_text", "eforms_bt777_meaning"),
        EformsField("BT-775", "eforms_bt775", "hum-right", "eforms_hum_right"),
        EformsField("BT-775", "eforms_bt775", "work-cond", "eforms_work_cond"),
        EformsField("BT-70", "eforms_bt70", contract_text, "eforms_bt70_meaning", paste=True),
    ]
    if form == "award-criterion":
        fields.append(
            EformsField("BT-540", "eforms_bt540", "eforms_bt540_text", "eforms_bt540_meaning")
        )
    return tuple(fields)

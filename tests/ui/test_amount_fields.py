"""Amount fields read what the user typed in the window's language by the domain's one
rule; what is no amount (or reads two ways) stops the form, named under it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest


@pytest.fixture
def contract_dialog(qtbot: Any, language: Any) -> Any:
    from app.ui.contract_dialog import ContractDialog

    dialog = ContractDialog(None, "nl", ["T-1"])
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("250.000", "250000"), ("250.000,50", "250000.50"), ("€ 250000", "250000"), ("", None)],
)
def test_a_dutch_amount_is_read(contract_dialog: Any, typed: str, amount: str | None) -> None:
    contract_dialog.ref.setText("C-1")
    contract_dialog.value.setText(typed)
    contract_dialog.accept()
    assert contract_dialog.result() == 1
    assert contract_dialog.values()["value"] == (Decimal(amount) if amount else None)


@pytest.mark.parametrize("typed", ["250.50", "veel", "250,505", "-5"])
def test_what_is_no_amount_stops_the_form_named(contract_dialog: Any, typed: str) -> None:
    contract_dialog.penalty.setText(typed)
    contract_dialog.accept()
    assert contract_dialog.result() == 0
    problem = contract_dialog.problem.text()
    assert f"‘{typed}’" in problem and "Boete" in problem


def test_the_escalation_amount_is_checked_only_for_a_penalty(qtbot: Any, language: Any) -> None:
    from app.ui.dossier_tabs import EscalationDialog

    dialog = EscalationDialog(None, "nl", [])  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.step.setCurrentIndex(dialog.step.findData("penalty"))
    dialog.amount.setText("1.000,5")
    assert dialog.values("C-1")["amount"] == Decimal("1000.5")
    dialog.amount.setText("1.00,5")
    dialog.accept()
    assert dialog.result() == 0 and "‘1.00,5’" in dialog.problem.text()
    dialog.step.setCurrentIndex(dialog.step.findData("dialogue"))
    dialog.accept()
    assert dialog.result() == 1 and dialog.values("C-1")["amount"] is None

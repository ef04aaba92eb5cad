"""Correct, withdraw and show the history of a record: the dialogs and the one flow.

Every screen that shows a record a buyer entered offers the same three actions. A
correction opens :class:`CorrectDialog` with the current values and a required reason;
a withdrawal asks for the reason; the history shows when, who, what changed from what
to what, and why. Each call names the version the screen showed, so a colleague's change
in between is refused, never overwritten. A warning the user may override (a contract
starting before its tender, …) is shown in full and needs a reason to go on. After a
change every screen reloads, and the change is the one Ctrl+Z undoes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.decision import corrected_decision
from app.domain.errors import ImplausibleError, ValidationError
from app.domain.followup import EscalationRecord, SignalRecord
from app.domain.rubric import AssessmentRecord
from app.domain.values import ContractRecord, EvidenceRecord, TenderRecord
from app.services.history import HistoryEntry, naming_values
from app.services.records import Change
from app.ui.forms import DateField, OptionalDate, add_row, invalid_date_in, typed_amount
from app.ui.i18n import tr
from app.ui.labels import (
    acceptance_label,
    category_label,
    evidence_type_label,
    intensity_label,
    kind_label,
    verdict_label,
)
from app.ui.models import Column, RowTableModel, show_value
from app.ui.widgets import DataTable, SimpleDialog, a11y, error_sentence, note, report_month_box

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

T = TypeVar("T")


def kind_title(kind: str) -> str:
    """A kind of record in words (the window's own words)."""
    return {
        "tender": tr("Aanbesteding"),
        "contract": tr("Contract"),
        "evidence": tr("Bewijsstuk"),
        "assessment": tr("Beoordeling"),
        "signal": tr("Signaal"),
        "escalation": tr("Escalatiestap"),
        "escalation_step": tr("Escalatiestap"),
        "submission": tr("Inzending"),
        "generated_document": tr("Gegenereerde tekst"),
        "organisation": tr("Organisatie"),
        "supplier": tr("Leverancier"),
    }.get(kind, kind)


def action_title(action: str) -> str:
    return {
        "create": tr("aangemaakt"),
        "update": tr("gecorrigeerd"),
        "withdraw": tr("ingetrokken"),
        "delete": tr("verwijderd"),
    }.get(action, action)


# =======================================================================================
# The correction form
# =======================================================================================


@dataclass(frozen=True)
class FieldSpec:
    """One field of a correction form: the service's keyword, its label, its kind of
    input (``text``, ``amount``, ``date``, ``optional-date``, ``int``, ``choice``) and
    the value the screen shows now; ``can_clear`` False for a field the service keeps
    when it is left empty (the form then refuses to empty it)."""

    key: str
    label: str
    kind: str
    current: Any
    choices: Sequence[tuple[Any, str]] = field(default_factory=tuple)
    low: int = 0
    high: int = 0
    can_clear: bool = True


def _amount_text(value: Decimal | None, lang: str) -> str:
    """An amount as the buyer types it (the label says it is in euros)."""
    from app.domain.formatting import format_number

    if value is None:
        return ""
    whole = value == value.to_integral_value()
    return format_number(value, lang, decimals=0 if whole else 2)


class CorrectDialog(SimpleDialog):
    """The current values to correct, and the reason (required)."""

    def __init__(self, parent: QWidget | None, title: str, fields: Sequence[FieldSpec], lang: str):
        super().__init__(parent, title, tr("Correctie &opslaan"))
        self.setMinimumWidth(560)
        self.lang = lang
        self.fields = list(fields)
        self.body.addWidget(
            note(
                tr(
                    "Pas aan wat niet klopt. De oude waarden blijven in de geschiedenis "
                    "bewaard, met uw reden."
                )
            )
        )
        form = QFormLayout()
        self.body.addLayout(form)
        self.widgets: dict[str, QWidget] = {}
        for spec in self.fields:
            widget = self._widget(spec)
            self.widgets[spec.key] = widget
            add_row(form, spec.label, widget)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Bijvoorbeeld: typfout in de einddatum"))
        add_row(
            form,
            tr("&Reden van de correctie:"),
            self.reason,
            description=tr("Verplicht; komt in de geschiedenis van het record"),
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("form-problem")
        self.body.addWidget(self.problem)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        if self.fields:
            self.widgets[self.fields[0].key].setFocus()

    def _widget(self, spec: FieldSpec) -> QWidget:
        name = spec.label.replace("&", "").rstrip(":")
        if spec.kind == "date":
            date = DateField(name, day=spec.current)
            return date
        if spec.kind == "optional-date":
            optional = OptionalDate(name, tr("bekend"))
            optional.set_value(spec.current)
            return optional
        if spec.kind == "int":
            box = QSpinBox()
            box.setRange(spec.low, spec.high)
            box.setValue(int(spec.current))
            return box
        if spec.kind == "choice":
            combo = QComboBox()
            for code, label in spec.choices:
                combo.addItem(label, code)
            combo.setCurrentIndex(max(combo.findData(spec.current), 0))
            return combo
        line = QLineEdit()
        if spec.kind == "amount":
            line.setText(_amount_text(spec.current, self.lang))
        else:
            line.setText("" if spec.current is None else str(spec.current))
        return line

    def _value(self, spec: FieldSpec) -> Any:
        widget = self.widgets[spec.key]
        if isinstance(widget, DateField | OptionalDate):
            return widget.value()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        text = widget.text().strip()
        if spec.kind == "amount":
            return typed_amount(widget, self.lang)
        return text

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the one shown when the form opened."""
        changed: dict[str, Any] = {}
        for spec in self.fields:
            value = self._value(spec)
            current = spec.current
            if spec.kind == "amount" and current is not None:
                current = Decimal(current)
            if spec.kind == "text" and current is None:
                current = ""
            if value != current:
                changed[spec.key] = value
        return changed

    def accept(self) -> None:
        if invalid_date_in(self) is not None:  # named under the field itself
            self.problem.setText("")
            return
        try:
            changed = self.changes()
        except ValidationError as refused:  # an amount field holds no amount
            self.problem.setText(error_sentence(refused, self.lang))
            return
        if not changed:
            self.problem.setText(tr("U heeft nog niets veranderd."))
            return
        for spec in self.fields:
            if not spec.can_clear and spec.key in changed and changed[spec.key] in (None, ""):
                label = spec.label.replace("&", "").rstrip(":")
                self.problem.setText(
                    tr("‘{field}’ kan niet leeg worden gemaakt; vul een waarde in.").format(
                        field=label
                    )
                )
                return
        super().accept()

    def reason_text(self) -> str:
        return self.reason.text().strip()


class ReasonDialog(SimpleDialog):
    """A required reason: for a withdrawal, or to go on despite warnings."""

    def __init__(
        self, parent: QWidget | None, title: str, text: str, ok_text: str, placeholder: str
    ) -> None:
        super().__init__(parent, title, ok_text)
        message = QLabel(text)
        message.setWordWrap(True)
        message.setMinimumWidth(420)
        self.body.addWidget(message)
        form = QFormLayout()
        self.body.addLayout(form)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(placeholder)
        add_row(form, tr("&Reden:"), self.reason, description=tr("Verplicht; wordt vastgelegd"))
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.text().strip()


def ask_reason(parent: QWidget | None, title: str, text: str, ok_text: str, hint: str) -> str:
    """The reason the user gives, or "" when they cancel (tests replace this one)."""
    dialog = ReasonDialog(parent, title, text, ok_text, hint)
    return dialog.reason_text() if dialog.exec() else ""


def ask_accept_warnings(parent: QWidget | None, warnings: Sequence[str]) -> str:
    """Show the warnings in full and ask whether to go on: the reason, or ""."""
    lines = "\n".join(f"• {w}" for w in warnings)
    return ask_reason(
        parent,
        tr("Klopt dit?"),
        tr("Dit is onwaarschijnlijk:\n{warnings}\n\nGaat u toch door, geef dan de reden.").format(
            warnings=lines
        ),
        tr("&Toch opslaan"),
        tr("Bijvoorbeeld: zo afgesproken bij de gunning"),
    )


def ask_correction(
    parent: QWidget | None, title: str, fields: Sequence[FieldSpec], lang: str
) -> tuple[dict[str, Any], str] | None:
    """The changed fields and the reason, or None when cancelled (tests replace this)."""
    dialog = CorrectDialog(parent, title, fields, lang)
    if not dialog.exec():
        return None
    return dialog.changes(), dialog.reason_text()


# =======================================================================================
# The flow: write, a warning to accept, done
# =======================================================================================


def write_with_warnings(
    shell: MainWindow,
    parent: QWidget | None,
    call: Callable[[str | None], T],
    done: Callable[[T], None],
) -> None:
    """Run ``call(accept_warning)`` as a write; when it is refused with warnings, show
    them and, with the user's reason, run it again accepting them."""
    from app.services.records import warning_texts

    def failed(error: BaseException) -> None:
        if isinstance(error, ImplausibleError):
            reason = ask_accept_warnings(parent, warning_texts(shell.context, error.warnings))
            if reason:
                shell.tasks.run(lambda: call(reason), write=True, done=done, failed=failed)
            return
        shell.show_error(error)

    shell.tasks.run(lambda: call(None), write=True, done=done, failed=failed)


def changed(shell: MainWindow, change: Change) -> None:
    """After a correction or withdrawal: remember it for Ctrl+Z, say it, reload."""
    shell.last_change = change
    words = (
        tr("{kind} {id} ingetrokken. Ctrl+Z maakt dit ongedaan.")
        if change.action == "withdraw"
        else tr("{kind} {id} gecorrigeerd. Ctrl+Z maakt dit ongedaan.")
    )
    shell.say(words.format(kind=kind_title(change.kind), id=change.label))
    shell.data_changed()


def correct(
    shell: MainWindow,
    parent: QWidget | None,
    kind: str,
    label: str,
    fields: Sequence[FieldSpec],
    save: Callable[[dict[str, Any], str, str | None], Change],
) -> None:
    """Ask for the correction of one record and save it: ``save(changes, reason,
    accept_warning)`` calls the typed service function with the record's version."""
    asked = ask_correction(
        parent,
        tr("{kind} {id} corrigeren").format(kind=kind_title(kind), id=label),
        fields,
        shell.lang,
    )
    if asked is None:
        return
    changes, reason = asked
    write_with_warnings(
        shell, parent, lambda accept: save(changes, reason, accept), lambda c: changed(shell, c)
    )


def withdraw(
    shell: MainWindow, parent: QWidget | None, kind: str, ident: str | int, label: str, version: int
) -> None:
    """Ask for the reason and withdraw the record (named at the version shown)."""
    from app.services import records

    reason = ask_reason(
        parent,
        tr("{kind} {id} intrekken").format(kind=kind_title(kind), id=label),
        tr(
            "Een ingetrokken record wordt niet verwijderd: het telt niet meer mee in de "
            "cijfers, de termijnen en de stand van het dossier, en blijft zichtbaar met "
            "‘Ingetrokken tonen’ en in de geschiedenis."
        ),
        tr("&Intrekken"),
        tr("Bijvoorbeeld: dubbel ingevoerd"),
    )
    if not reason:
        return
    ctx = shell.context
    shell.tasks.run(
        lambda: records.withdraw(ctx, kind, ident, reason=reason, expected_version=version),
        write=True,
        done=lambda c: changed(shell, c),
        failed=shell.show_error,
    )


def undo_last(shell: MainWindow) -> None:
    """Ctrl+Z: undo the user's own last correction or withdrawal of this session, as a
    new correction (refused when someone changed the record since)."""
    from app.services import records

    change = shell.last_change
    if change is None:
        shell.say(tr("Er is geen wijziging om ongedaan te maken."))
        return
    ctx = shell.context

    def undone(back: Change) -> None:
        shell.last_change = None
        shell.say(
            tr("Wijziging van {kind} {id} ongedaan gemaakt.").format(
                kind=kind_title(back.kind), id=back.label
            )
        )
        shell.data_changed()

    shell.tasks.run(
        lambda: records.undo(ctx, change),
        write=True,
        done=undone,
        failed=shell.show_error,
    )


# =======================================================================================
# History
# =======================================================================================


class HistoryRow(NamedTuple):
    at: dt.datetime
    user: str
    record: str
    action: str
    field: str
    old: Any
    new: Any
    reason: str


def field_title(name: str, lang: str) -> str:
    from app import locator

    code = f"history_field_{name}"
    catalog = locator.catalog()
    return catalog.text(code, lang) if catalog.has(code) else name


def _code_words(field: str, value: str, lang: str) -> str | None:
    """The words for a code a record holds (a verdict, a kind, a status…), so the
    history shows no internal code; None for a field that holds no code."""
    from app import locator

    reference = locator.reference()
    words: dict[str, Callable[[str], str]] = {
        "verdict": lambda c: {"sufficient": tr("Voldoende"), "insufficient": tr("Onvoldoende")}.get(
            c, verdict_label(c)
        ),
        "kind": kind_label,
        "category_code": lambda c: category_label(c, None, lang),
        "form": lambda c: reference.label("forms", c, lang),
        "acceptance": acceptance_label,
        "type": lambda c: evidence_type_label(c, lang),
        "subject": lambda c: evidence_type_label(c, lang),
        "follow_up_choice": lambda c: intensity_label(c, lang),
        "step": lambda c: reference.label("escalation_steps", c, lang),
        "theme": lambda c: reference.theme(c).text(lang),
        "status": lambda c: {
            "open": tr("Open"),
            "in_progress": tr("In behandeling"),
            "closed": tr("Afgehandeld"),
        }.get(c, c),
        "category_set": lambda c: reference.category_set(c).name(lang),
    }
    if field not in words:
        return None
    try:
        return words[field](value)
    except (KeyError, LookupError, ValueError):
        return value


def _shown(value: Any, lang: str, field: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return tr("ja") if value else tr("nee")
    if isinstance(value, str):
        named = _code_words(field, value, lang)
        if named is not None:
            return named
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return show_value(dt.date.fromisoformat(value), lang)
        except ValueError:
            return value
    return show_value(value, lang)


def _record_names(entries: Sequence[HistoryEntry], lang: str) -> dict[tuple[str, str], str]:
    """Words that say which record a number is, from the values it was created with."""
    names: dict[tuple[str, str], str] = {}
    for key, values in naming_values(entries).items():
        names[key] = ", ".join(
            tr("contractjaar {year}").format(year=v.new)
            if v.field == "contract_year"
            else _shown(v.new, lang, v.field)
            for v in values
        )
    return names


def history_rows(entries: Sequence[HistoryEntry], lang: str) -> list[HistoryRow]:
    """One row per changed field (one for an entry that changed none); a record's
    creation is one row."""
    rows: list[HistoryRow] = []
    named = _record_names(entries, lang)
    for entry in entries:
        local = entry.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
        record = f"{kind_title(entry.record)} {entry.ref}"
        if (entry.record, entry.ref) in named:
            record += f" ({named[entry.record, entry.ref]})"
        head = (local, entry.user, record, action_title(entry.action))
        reason = entry.reason or ""
        if entry.action in ("create", "withdraw") or not entry.changes:  # the reason says it
            rows.append(HistoryRow(*head, "", None, None, reason))
            continue
        for change in entry.changes:
            rows.append(
                HistoryRow(
                    *head,
                    field_title(change.field, lang),
                    _shown(change.old, lang, change.field),
                    _shown(change.new, lang, change.field),
                    reason,
                )
            )
    return rows


class HistoryDialog(SimpleDialog):
    """When, who, what changed from what to what, and why; oldest first."""

    def __init__(
        self, parent: QWidget | None, title: str, entries: Sequence[HistoryEntry], lang: str
    ) -> None:
        super().__init__(parent, title, tr("Sluiten"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.model: RowTableModel[HistoryRow] = RowTableModel(
            [
                Column(
                    "at",
                    lambda: tr("Wanneer"),
                    lambda r: r.at.strftime("%d-%m-%Y %H:%M"),
                    width=120,
                ),
                Column("user", lambda: tr("Wie"), lambda r: r.user, width=90),
                Column("record", lambda: tr("Record"), lambda r: r.record, width=190),
                Column("action", lambda: tr("Wat"), lambda r: r.action, width=100),
                Column("field", lambda: tr("Veld"), lambda r: r.field, width=130),
                Column("old", lambda: tr("Oud"), lambda r: r.old, width=120),
                Column("new", lambda: tr("Nieuw"), lambda r: r.new, width=120),
                Column("reason", lambda: tr("Reden"), lambda r: r.reason, width=200, stretch=True),
            ],
            lang,
        )
        self.model.set_rows(history_rows(entries, lang))
        self.table = DataTable(
            self.model,
            "history",
            tr("Geschiedenis"),
            tr("Elke wijziging: wanneer, wie, van welke naar welke waarde, en waarom"),
        )
        a11y(self.table, tr("Geschiedenis"))
        self.body.addWidget(self.table, 1)
        self.resize(1240, 560)  # within a 1366×768 screen


def show_history(
    shell: MainWindow, parent: QWidget | None, kind: str, ident: str | int, label: str
) -> None:
    """The history of a tender or contract with everything under it, else of the record."""
    from app.services.history import history, record_history

    ctx = shell.context
    if kind in ("tender", "contract"):
        fetch: Callable[[], list[HistoryEntry]] = lambda: history(ctx, str(ident), kind)  # noqa: E731
    else:
        fetch = lambda: record_history(ctx, kind, ident)  # noqa: E731

    def loaded(entries: list[HistoryEntry]) -> None:
        title = tr("Geschiedenis van {kind} {id}").format(kind=kind_title(kind), id=label)
        HistoryDialog(parent, title, entries, shell.lang).exec()

    shell.tasks.run(fetch, done=loaded, failed=shell.show_error)


# =======================================================================================
# Each kind of record: its form and its typed service call
# =======================================================================================


def correct_tender(shell: MainWindow, parent: QWidget | None, tender: TenderRecord) -> None:
    from app import locator
    from app.services import records

    lang = shell.lang
    reference = locator.reference()
    category_set = reference.category_set(tender.category_set) if tender.category_set else None
    categories = [
        (c.code, c.name(lang))
        for c in (category_set or reference.set_in_force(tender.published)).categories
    ]
    if tender.category_code not in [code for code, _ in categories]:
        categories.insert(
            0, (tender.category_code, category_label(tender.category_code, None, lang))
        )
    decision = tender.decision
    fields = [
        FieldSpec("title", tr("&Titel:"), "text", tender.title, can_clear=False),
        FieldSpec(
            "organisation", tr("&Organisatie:"), "text", tender.organisation, can_clear=False
        ),
        FieldSpec("value", tr("&Waarde (€):"), "amount", tender.value, can_clear=False),
        FieldSpec("published", tr("&Publicatiedatum:"), "date", tender.published),
        FieldSpec("awarded", tr("&Gunningsdatum:"), "optional-date", tender.awarded),
        FieldSpec("category", tr("&Categorie:"), "choice", tender.category_code, categories),
        FieldSpec(
            "kind",
            tr("&Soort opdracht:"),
            "choice",
            tender.kind,
            [(k, kind_label(k)) for k in ("supplies", "services", "works", "social-services")],
        ),
        FieldSpec(
            "isv",
            tr("&ISV:"),
            "choice",
            None if decision is None else decision.applied,
            [
                (None, tr("Nog geen besluit")),
                (True, tr("Toegepast")),
                (False, tr("Niet toegepast")),
            ],
            can_clear=False,  # a decision once taken is corrected, not taken back
        ),
        FieldSpec(
            "explanation",
            tr("&Toelichting bij het besluit:"),
            "text",
            decision.reason if decision else None,
        ),
        FieldSpec(
            "form",
            tr("&Vorm:"),
            "choice",
            decision.form if decision else None,
            [(None, "–")] + [(f.code, f.text(lang)) for f in reference.forms],
        ),
        FieldSpec(
            "reason_code",
            tr("Re&dencode (niet toegepast):"),
            "choice",
            decision.reason_code if decision else None,
            [(None, "–")] + [(r.code, r.text(lang)) for r in reference.not_applied_reasons],
        ),
        FieldSpec(
            "text_source",
            tr("Gebr&uikte tekst:"),
            "choice",
            decision.text_source if decision else None,
            [(None, "–")] + [(t.code, t.text(lang)) for t in reference.text_sources],
        ),
    ]
    ctx = shell.context

    def save(changes: dict[str, Any], reason: str, accept: str | None) -> Change:
        wanted = None
        if {"isv", "explanation", "form", "reason_code", "text_source"} & set(changes):
            applied = changes.get("isv", decision.applied if decision else None)
            if applied is not None:
                names = {"explanation": "reason"}  # the form's field for the decision's
                given = {
                    names.get(k, k): v or None
                    for k, v in changes.items()
                    if k in ("explanation", "form", "reason_code", "text_source")
                }
                wanted = corrected_decision(decision, bool(applied), given)
        return records.correct_tender(
            ctx,
            tender.ref,
            reason=reason,
            expected_version=tender.version,
            accept_warning=accept,
            title=changes.get("title"),
            organisation=changes.get("organisation") or None,
            value=changes.get("value"),
            published=changes.get("published"),
            category=changes.get("category"),
            kind=changes.get("kind"),
            decision=wanted,
            awarded=changes.get("awarded"),
        )

    correct(shell, parent, "tender", tender.ref, fields, save)


def correct_contract(shell: MainWindow, parent: QWidget | None, contract: ContractRecord) -> None:
    from app.services import records

    supplier = contract.supplier
    fields = [
        FieldSpec("supplier", tr("&Leverancier:"), "text", supplier.name),
        FieldSpec("supplier_country", tr("Land van &vestiging:"), "text", supplier.country),
        FieldSpec("kvk", tr("&KvK-nummer:"), "text", supplier.kvk),
        FieldSpec("start", tr("&Begindatum:"), "date", contract.start),
        FieldSpec("end", tr("&Einddatum:"), "date", contract.end),
        FieldSpec("value", tr("&Waarde (€):"), "amount", contract.value, can_clear=False),
        FieldSpec(
            "plan_months",
            tr("&Maanden voor het plan:"),
            "int",
            contract.plan_months,
            low=1,
            high=24,
        ),
        FieldSpec(
            "risk_months",
            tr("R&isicoanalyse binnen:"),
            "choice",
            contract.risk_months or 0,
            _risk_month_choices(),
        ),
        FieldSpec(
            "report_month",
            tr("&Rapportagemaand:"),
            "choice",
            contract.report_month,
            _month_choices(shell.lang),
        ),
        FieldSpec("penalty", tr("B&oete (€):"), "amount", contract.penalty, can_clear=False),
    ]
    ctx = shell.context

    def save(changes: dict[str, Any], reason: str, accept: str | None) -> Change:
        values = {k: v for k, v in changes.items() if v is not None and v != ""}
        if values.get("risk_months") == 0:  # with the plan of action again
            del values["risk_months"]
            values["risk_with_plan"] = True
        return records.correct_contract(
            ctx,
            contract.ref,
            reason=reason,
            expected_version=contract.version,
            accept_warning=accept,
            **values,
        )

    correct(shell, parent, "contract", contract.ref, fields, save)


def _risk_month_choices() -> list[tuple[Any, str]]:
    """The risk analysis's term: with the plan of action (0), or 1 to 24 months."""
    from app.domain.clauses import PLAN_MONTHS_RANGE  # not at start-up

    low, high = PLAN_MONTHS_RANGE
    return [(0, tr("met het plan van aanpak"))] + [
        (n, tr("{n} maanden").format(n=n)) for n in range(max(low, 1), high + 1)
    ]


def _month_choices(lang: str) -> list[tuple[Any, str]]:
    """The months as the contract dialog offers them."""
    box = report_month_box(lang)
    return [(box.itemData(i), box.itemText(i)) for i in range(box.count())]


def correct_evidence(shell: MainWindow, parent: QWidget | None, record: EvidenceRecord) -> None:
    from app import locator
    from app.services import records

    lang = shell.lang
    fields = [
        FieldSpec(
            "type_code",
            tr("&Soort document:"),
            "choice",
            record.type,
            [(t.code, t.text(lang)) for t in locator.reference().evidence_types],
        ),
        FieldSpec("issuer", tr("&Uitgever:"), "text", record.issuer),
        FieldSpec("issued_on", tr("&Datum document:"), "optional-date", record.issued_on),
        FieldSpec("valid_until", tr("&Geldig tot:"), "optional-date", record.valid_until),
        FieldSpec("received_on", tr("&Ontvangen op:"), "date", record.received_on),
        FieldSpec("note", tr("&Notitie:"), "text", record.note),
    ]
    ctx = shell.context

    def save(changes: dict[str, Any], reason: str, accept: str | None) -> Change:
        emptied = tuple(k for k, v in changes.items() if v is None or v == "")
        given = {k: v for k, v in changes.items() if k not in emptied}
        return records.correct_evidence(
            ctx,
            record.id,
            reason=reason,
            expected_version=record.version,
            accept_warning=accept,
            clear=emptied,
            **given,
        )

    correct(shell, parent, "evidence", str(record.id), fields, save)


def correct_signal(shell: MainWindow, parent: QWidget | None, record: SignalRecord) -> None:
    from app import locator
    from app.services import records

    lang = shell.lang
    fields = [
        FieldSpec("received_on", tr("&Ontvangen op:"), "date", record.received_on),
        FieldSpec("source", tr("&Bron:"), "text", record.source),
        FieldSpec(
            "theme",
            tr("&Thema:"),
            "choice",
            record.theme,
            [(t.code, t.text(lang)) for t in locator.reference().themes],
        ),
        FieldSpec("description", tr("&Omschrijving:"), "text", record.description),
        FieldSpec(
            "status",
            tr("&Status:"),
            "choice",
            record.status,
            [
                ("open", tr("Open")),
                ("in_progress", tr("In behandeling")),
                ("closed", tr("Afgehandeld")),
            ],
        ),
        FieldSpec("closed_on", tr("&Afgehandeld op:"), "optional-date", record.closed_on),
    ]
    ctx = shell.context

    def save(changes: dict[str, Any], reason: str, _accept: str | None) -> Change:
        if "closed_on" in changes and "status" not in changes:
            changes["status"] = "closed" if changes["closed_on"] else record.status
        return records.correct_signal(
            ctx, record.id, reason=reason, expected_version=record.version, **changes
        )

    correct(shell, parent, "signal", str(record.id), fields, save)


def correct_escalation(shell: MainWindow, parent: QWidget | None, record: EscalationRecord) -> None:
    from app.domain.values import from_cents
    from app.services import records

    fields = [
        FieldSpec("taken_on", tr("&Genomen op:"), "date", record.taken_on),
        FieldSpec(
            "response_due",
            tr("&Reactie verwacht:"),
            "optional-date",
            record.response_due,
            can_clear=False,
        ),
        FieldSpec(
            "responded_on",
            tr("&Gereageerd op:"),
            "optional-date",
            record.responded_on,
            can_clear=False,
        ),
        FieldSpec(
            "amount",
            tr("&Bedrag (€):"),
            "amount",
            from_cents(record.amount_cents),
            can_clear=False,
        ),
        FieldSpec("note", tr("&Notitie:"), "text", record.note),
    ]
    ctx = shell.context

    def save(changes: dict[str, Any], reason: str, _accept: str | None) -> Change:
        return records.correct_escalation(
            ctx,
            record.id,
            reason=reason,
            expected_version=record.version,
            **{k: v for k, v in changes.items() if v is not None},
        )

    correct(shell, parent, "escalation", str(record.id), fields, save)


def correct_assessment(shell: MainWindow, parent: QWidget | None, record: AssessmentRecord) -> None:
    from app.services import records

    fields = [
        FieldSpec("assessed_on", tr("&Beoordeeld op:"), "date", record.assessed_on),
        FieldSpec(
            "verdict",
            tr("&Oordeel:"),
            "choice",
            record.verdict,
            [("sufficient", tr("Voldoende")), ("insufficient", tr("Onvoldoende"))],
        ),
        FieldSpec("note", tr("&Notitie:"), "text", record.note),
    ]
    ctx = shell.context

    def save(changes: dict[str, Any], reason: str, _accept: str | None) -> Change:
        return records.correct_assessment(
            ctx, record.id, reason=reason, expected_version=record.version, **changes
        )

    correct(shell, parent, "assessment", str(record.id), fields, save)


def correct_follow_up(
    shell: MainWindow,
    parent: QWidget | None,
    contract_ref: str,
    choice: str | None,
    note: str | None,
    version: int,
) -> None:
    from app.domain.intensity import INTENSITIES
    from app.services import records

    lang = shell.lang
    fields = [
        FieldSpec(
            "choice",
            tr("&Gekozen opvolging:"),
            "choice",
            choice,
            [(None, tr("Geen eigen keuze"))] + [(c, intensity_label(c, lang)) for c in INTENSITIES],
        ),
        FieldSpec("note", tr("&Toelichting:"), "text", note),
    ]
    ctx = shell.context

    def save(changes: dict[str, Any], reason: str, _accept: str | None) -> Change:
        return records.correct_follow_up(
            ctx,
            contract_ref,
            reason=reason,
            choice=changes.get("choice", choice),
            note=changes.get("note", note),
            expected_version=version,
        )

    correct(shell, parent, "contract", contract_ref, fields, save)


class RecordBar(QWidget):
    """The buttons a list of records offers: correct, withdraw, history, and the filter
    that shows withdrawn records too. The owner connects the callbacks; the buttons
    follow the selection (``set_record``)."""

    def __init__(
        self,
        what: str,
        on_correct: Callable[[], None],
        on_withdraw: Callable[[], None],
        on_history: Callable[[], None],
        on_show_withdrawn: Callable[[bool], None] | None = None,
    ) -> None:
        from PySide6.QtWidgets import QHBoxLayout

        from app.ui.widgets import button

        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.correct = button(
            tr("&Corrigeren…"),
            tr("De gekozen {what} corrigeren, met een reden").format(what=what),
            on_correct,
        )
        self.withdraw = button(
            tr("&Intrekken…"),
            tr("De gekozen {what} intrekken (niet verwijderen), met een reden").format(what=what),
            on_withdraw,
        )
        self.history = button(
            tr("&Geschiedenis…"),
            tr("Wie wat wanneer veranderde, en waarom"),
            on_history,
        )
        for item in (self.correct, self.withdraw, self.history):
            layout.addWidget(item)
        self.show_withdrawn = QCheckBox(tr("Ingetrokken &tonen"))
        a11y(self.show_withdrawn, tr("Ingetrokken tonen"), tr("Ook ingetrokken records tonen"))
        if on_show_withdrawn is not None:
            self.show_withdrawn.toggled.connect(on_show_withdrawn)
            layout.addWidget(self.show_withdrawn)
        else:
            self.show_withdrawn.hide()
        layout.addStretch(1)
        self.set_record(None)

    def set_record(self, record: Any | None) -> None:
        """Enable what fits the selected record (a withdrawn one only has a history)."""
        current = record is not None and getattr(record, "withdrawn_reason", None) is None
        self.correct.setEnabled(current)
        self.withdraw.setEnabled(current)
        self.history.setEnabled(record is not None)


def withdrawn_colour(record: Any) -> str | None:
    """The colour key of a withdrawn row (shown only with ‘Ingetrokken tonen’)."""
    return "muted" if getattr(record, "withdrawn_reason", None) else None

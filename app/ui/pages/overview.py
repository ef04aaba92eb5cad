"""Overzicht: what is overdue, what falls due within 30 days, counts, where to look first."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout

from app import locator
from app.domain.followup import DueItem, StepState
from app.domain.reference import OUTSIDE_CATEGORIES
from app.services import dossier, follow_up, registry
from app.services.context import Context
from app.ui.i18n import tr
from app.ui.labels import category_label, counted, intensity_label
from app.ui.models import Column, RowTableModel
from app.ui.pages.base import Page
from app.ui.widgets import BarChart, DataTable

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@dataclass(frozen=True)
class Dashboard:
    due: tuple[DueItem, ...]  # as the dossier gives them: about one per contract or more
    per_category: tuple[tuple[str, int], ...]
    per_step: tuple[tuple[str, int], ...]
    attention: tuple[tuple[str, str, str, int], ...]  # contract, supplier, level, overdue
    tenders: int
    contracts: int


class OverviewPage(Page):
    key = "overview"

    @classmethod
    def title(cls) -> str:
        return tr("Overzicht")

    @classmethod
    def description(cls) -> str:
        return tr(
            "Wat te laat is en wat binnen 30 dagen moet, en waar u het eerst naar "
            "kijkt. Dubbelklik of Enter opent het contract."
        )

    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell)
        self.due_model: RowTableModel[DueItem] = RowTableModel(
            [
                Column(
                    "due",
                    lambda: tr("Uiterlijk"),
                    lambda d: d.due,
                    width=95,
                    colour=lambda d: "overdue" if d.overdue else "soon",
                ),
                Column(
                    "state",
                    lambda: tr("Stand"),
                    lambda d: tr("Te laat") if d.overdue else tr("Binnenkort"),
                    width=85,
                ),
                Column(
                    "what",
                    lambda: tr("Wat"),
                    lambda d: due_kind_label(d.kind, d.key),
                    width=200,
                    stretch=True,
                ),
                Column("contract", lambda: tr("Contract"), lambda d: d.contract_ref, width=135),
                # words and supplier names are looked up when a row is shown, so the rows
                # are not made again when the names arrive
                Column(
                    "supplier",
                    lambda: tr("Leverancier"),
                    lambda d: self._suppliers.get(d.contract_ref, ""),
                    width=150,
                ),
            ],
            self.lang,
        )
        self._suppliers: dict[str, str] = {}
        self.due_table = DataTable(
            self.due_model,
            "overview-due",
            tr("Te laat en binnenkort"),
            tr("Wat te laat is of binnen 30 dagen moet; Enter opent het contract"),
        )
        self.attention_model: RowTableModel[tuple[str, str, str, int]] = RowTableModel(
            [
                Column("contract", lambda: tr("Contract"), lambda a: a[0], width=150),
                Column(
                    "overdue",
                    lambda: tr("Te laat"),
                    lambda a: a[3],
                    align_right=True,
                    width=70,
                    colour=lambda _a: "overdue",
                ),
                Column("level", lambda: tr("Voorgestelde opvolging"), lambda a: a[2], width=220),
                Column("supplier", lambda: tr("Leverancier"), lambda a: a[1]),
            ],
            self.lang,
        )
        self.attention_table = DataTable(
            self.attention_model,
            "overview-attention",
            tr("Eerst bekijken"),
            tr("Contracten die de meeste aandacht vragen"),
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.category_chart = BarChart(
            tr("Aanbestedingen per categorie"),
            tr("Staafdiagram: aantal aanbestedingen per categorie"),
        )
        self.step_chart = BarChart(
            tr("Contracten per OESO-stap"), tr("Staafdiagram: in welke stap de contracten staan")
        )
        grid = QGridLayout()
        due_box = self._box(tr("Te laat en binnen 30 dagen"), self.due_table)
        attention_box = self._box(tr("Eerst bekijken"), self.attention_table)
        category_box = self._box(tr("Aanbestedingen per categorie"), self.category_chart)
        self.step_box = self._box(tr("Contracten per OESO-stap"), self.step_chart)
        grid.addWidget(due_box, 0, 0)
        grid.addWidget(attention_box, 1, 0)
        grid.addWidget(category_box, 0, 1)
        grid.addWidget(self.step_box, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.layout_.addWidget(self.summary)
        self.layout_.addLayout(grid, 1)
        self.due_table.row_activated.connect(lambda d: shell.open_contract(d.contract_ref))
        self.attention_table.row_activated.connect(lambda a: shell.open_contract(a[0]))

    @staticmethod
    def _box(title: str, widget: Any) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        return box

    def load(self) -> None:
        """Deadlines first (fast, from the dossier service), then the registry's lists
        for supplier names and the category chart, which take longer on a big database."""
        ctx, lang = self.ctx, self.lang
        self.summary.setText(tr("Laden…"))
        today = dt.date.today()
        self._registry: tuple[Any, ...] | None = None
        self._board: Dashboard | None = None
        self.run(lambda: dossier_dashboard(ctx, lang, today), self._deadlines_loaded)
        self.run(lambda: registry_part(ctx, lang, today), self._registry_loaded)

    def _deadlines_loaded(self, board: Dashboard) -> None:
        self._board = board
        self.data_shown = True
        self.due_model.set_rows(board.due)
        self.attention_model.set_rows(board.attention)
        self.step_chart.set_bars(board.per_step)
        self.step_box.setVisible(bool(board.per_step))
        self._combine()

    def _registry_loaded(self, part: tuple[Any, ...]) -> None:
        self._registry = part
        self._combine()

    def _combine(self) -> None:
        if self._board is None or self._registry is None:
            return
        per_category, tenders, suppliers = self._registry
        board = self._board
        self._suppliers = suppliers
        self._loaded(
            Dashboard(
                board.due,
                per_category,
                board.per_step,
                tuple((a[0], suppliers.get(a[0], ""), a[2], a[3]) for a in board.attention),
                tenders,
                len(suppliers),
            )
        )

    def _loaded(self, board: Dashboard) -> None:
        self.data_shown = True
        overdue = sum(1 for d in board.due if d.overdue)
        soon = len(board.due) - overdue
        self.summary.setText(
            counted(
                tr(
                    "{tenders} {tenders|aanbesteding|aanbestedingen} en "
                    "{contracts} {contracts|contract|contracten}."
                ),
                tenders=board.tenders,
                contracts=board.contracts,
            )
            + " "
            + (
                tr("1 punt is te laat.")
                if overdue == 1
                else tr("{n} punten zijn te laat.").format(n=overdue)
            )
            + " "
            + (
                tr("1 punt valt binnen 30 dagen.")
                if soon == 1
                else tr("{n} punten vallen binnen 30 dagen.").format(n=soon)
            )
        )
        self.due_model.retranslate(self.lang)  # the rows are there: show the suppliers
        self.attention_model.set_rows(board.attention)
        self.category_chart.set_bars(board.per_category)
        self.step_chart.set_bars(board.per_step)
        self.step_box.setVisible(bool(board.per_step))


def tenders_per_category(
    counts: Iterable[tuple[str | None, str, int]], lang: str, today: dt.date
) -> tuple[tuple[str, int], ...]:
    """Tenders counted in the category set in force today (from ``(set, code, count)``):
    a tender registered under the older set is counted under the category it maps to,
    so no name appears twice."""
    reference = locator.reference()
    current = reference.set_in_force(today)
    counts_now: Counter[str] = Counter()
    for category_set, registered, count in counts:
        code = registered
        if code != OUTSIDE_CATEGORIES and category_set not in (None, current.id):
            found = reference.find_category(code, set_id=category_set)
            mapped = reference.mapped(found) if found is not None else ()
            code = next((c.code for c in mapped if c.set_id == current.id), code)
        counts_now[code] += count
    labelled = [(category_label(code, current.id, lang), n) for code, n in counts_now.items()]
    return tuple(sorted(labelled, key=lambda x: (-x[1], x[0])))


def due_kind_label(kind: str, key: int | None) -> str:
    if kind == "risk-analysis":
        return tr("Risicoanalyse")
    if kind == "plan-of-action":
        return tr("Plan van aanpak")
    if kind == "yearly-report":
        return tr("Jaarrapportage over contractjaar {year}").format(year=key)
    if kind == "evidence-expiry":
        return tr("Bewijsstuk verloopt")
    if kind == "escalation-response":
        return tr("Reactie op escalatiestap")
    return kind


def registry_part(
    ctx: Context, lang: str, today: dt.date
) -> tuple[tuple[tuple[str, int], ...], int, dict[str, str]]:
    """Tenders per category, the number of tenders, and each contract's supplier."""
    counts = registry.tender_counts(ctx)
    return (
        tenders_per_category(counts, lang, today),
        sum(n for _s, _c, n in counts),
        registry.contract_suppliers(ctx),
    )


def dossier_dashboard(ctx: Context, lang: str, today: dt.date) -> Dashboard:
    """Deadlines, steps and follow-up from the dossier service (supplier names and the
    categories come from :func:`registry_part`)."""
    listed, steps = dossier.dashboard(ctx, within=30, as_of=today)
    due = tuple(listed)
    names = [step.text(lang) for step in locator.reference().oecd_steps]
    per_step = Counter[int]()
    for item in steps:
        if item.facts.end < today:
            continue
        first_open = next(
            (n for n, state in enumerate(item.states) if state is not StepState.DONE), None
        )
        if first_open is not None:
            per_step[first_open] += 1
    step_bars = tuple((f"{n + 1}. {names[n]}", per_step[n]) for n in range(len(names)))
    worst = sorted((s for s in steps if s.overdue), key=lambda s: (-s.overdue, s.contract_ref))
    attention = []
    for item in worst[:12]:
        record = follow_up.follow_up(ctx, item.contract_ref)
        level = intensity_label(record.suggestion.level, lang)
        attention.append((item.contract_ref, "", level, item.overdue))
    return Dashboard(due, (), step_bars, tuple(attention), 0, 0)

"""Categorieën: the ISV risk categories of both sets, with chain, risks, countries,
initiatives, SDGs and sources. Reference data only: shown at once, no database."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import locator
from app.domain.reference import Category, Initiative
from app.ui.i18n import tr
from app.ui.pages.base import Page
from app.ui.widgets import a11y


def _initiative_line(item: Initiative, year: int, lang: str) -> str:
    """An initiative's name with its years, and whether it still runs in ``year``, or
    whose years those are (the data's unconfirmed ones, or the settings')."""
    line = item.name(lang)
    if item.years():
        line += f" ({item.years()})"
    if not item.active_in(year):
        return line + " – " + tr("beëindigd; niet meer aanbieden")
    if item.years_set:
        return line + " – " + tr("looptijd volgens de instellingen")
    if not item.years_confirmed:
        return line + " – " + tr("looptijd niet bevestigd")
    return line


def category_html(category: Category, lang: str) -> str:
    """The category as a small HTML page (also used beside the wizard's choice)."""
    reference = locator.reference()
    countries = locator.countries()
    esc = html.escape
    parts = [f"<h2>{category.number}. {esc(category.name(lang))}</h2>"]
    parts.append(f"<h3>{esc(tr('Keten'))}</h3><p>{esc(category.chain(lang))}</p>")
    parts.append(f"<h3>{esc(tr('Typische risico’s'))}</h3><ul>")
    parts += [f"<li>{esc(risk)}</li>" for risk in category.risks(lang)]
    parts.append("</ul>")
    names = ", ".join(countries.name(code, lang) for code in category.countries)
    parts.append(f"<h3>{esc(tr('Typische productielanden'))}</h3><p>{esc(names)}</p>")
    parts.append(f"<h3>{esc(tr('Initiatieven waar een leverancier naar kan verwijzen'))}</h3><ul>")
    year = dt.date.today().year
    buyers = []
    for name in category.initiatives:
        item = reference.initiatives[name]
        if item.kind == "buyer":
            buyers.append(item)
            continue
        parts.append(f"<li>{esc(_initiative_line(item, year, lang))}: {esc(item.about(lang))}</li>")
    parts.append("</ul>")
    for item in buyers:
        parts.append(f"<h3>{esc(item.name(lang))}</h3><p>{esc(item.about(lang))}</p>")
    membership = tr(
        "Lidmaatschap alleen bewijst niets; het is een bewijsstuk met een geldigheidsduur."
    )
    parts.append(f"<p><i>{esc(membership)}</i></p>")
    themes = []
    targets: list[str] = []
    for code in category.themes:
        try:
            theme = reference.theme(code)
        except KeyError:
            continue
        themes.append(theme.text(lang))
        targets += [t for t in theme.sdg if t not in targets]
    if themes:
        parts.append(f"<h3>{esc(tr('Thema’s'))}</h3><p>{esc(', '.join(themes))}</p>")
    if targets:
        parts.append(f"<h3>{esc(tr('Bijdrage aan de SDG’s'))}</h3><ul>")
        for target in targets:
            label = reference.sdg_targets.get(target)
            parts.append(f"<li>{esc(label.text(lang) if label else target)}</li>")
        parts.append("</ul>")
    mapped = reference.mapped(category)
    if mapped:
        other = reference.category_set(mapped[0].set_id)
        names = ", ".join(c.name(lang) for c in mapped)
        confirmed = (
            "" if category.mapping_confirmed else " " + tr("(deze indeling is niet bevestigd)")
        )
        parts.append(
            f"<h3>{esc(tr('In de andere indeling'))}</h3><p>{esc(other.name(lang))}: "
            f"{esc(names)}{esc(confirmed)}</p>"
        )
    parts.append(f"<h3>{esc(tr('Bronnen'))}</h3><ul>")
    for source_id in category.sources:
        source = reference.sources.get(source_id)
        if source is not None:
            parts.append(f'<li><a href="{esc(source.url)}">{esc(source.title)}</a></li>')
    parts.append("</ul>")
    parts.append(unconfirmed_html(category, lang))
    caveat = tr(
        "Dit is achtergrondinformatie uit de sector, geen officieel oordeel over een leverancier."
    )
    parts.append(f"<p><small>{esc(caveat)}</small></p>")
    return "".join(parts)


def unconfirmed_html(category: Category, lang: str) -> str:
    """What DOMAIN.md marks as not confirmed, as far as it touches this category: shown
    as such, with the setting that changes it."""
    reference = locator.reference()
    esc = html.escape
    items: list[str] = []
    cat_set = reference.category_set(category.set_id)
    if not cat_set.valid_from_confirmed:
        items.append(
            tr(
                "De startdatum van ‘{set}’ ({date}) is niet bevestigd; het is een instelling."
            ).format(set=cat_set.name(lang), date=cat_set.valid_from.isoformat())
        )
    if not category.mapping_confirmed:
        items.append(tr("Hoe deze categorie op de andere indeling aansluit, is niet bevestigd."))
    start = reference.isv_start
    if not start.day_confirmed:
        items.append(
            tr(
                "De ISV gelden vanaf april 2017; de dag ({date}) is niet bevestigd en is een "
                "instelling."
            ).format(date=start.date.isoformat())
        )
    for regime in reference.regimes:
        if not regime.policy_confirmed:
            items.append(
                tr("Niet bevestigd: of het ISV-beleid de drempels van ‘{regime}’ volgt.").format(
                    regime=regime.name(lang)
                )
            )
        unconfirmed = [p.label for p in regime.periods if not p.confirmed]
        if unconfirmed:
            items.append(
                tr("Drempelbedragen niet bevestigd voor ‘{regime}’: {periods}.").format(
                    regime=regime.name(lang), periods=", ".join(unconfirmed)
                )
            )
        if regime.unknown_note(lang):
            items.append(
                tr("Drempels onbekend voor ‘{regime}’: {note}.").format(
                    regime=regime.name(lang), note=regime.unknown_note(lang)
                )
            )
    if category.annex_xiv(lang):
        items.append(category.annex_xiv(lang))
    if not items:
        return ""
    rows = "".join(f"<li>{esc(item)}</li>" for item in items)
    return f"<h3>{esc(tr('Niet bevestigd, en bijzondere drempels'))}</h3><ul>{rows}</ul>"


class CategoriesPage(Page):
    key = "categories"

    @classmethod
    def title(cls) -> str:
        return tr("Categorieën")

    @classmethod
    def description(cls) -> str:
        return tr(
            "De ISV-risicocategorieën met hun keten, typische risico’s, landen, "
            "initiatieven, SDG’s en bronnen."
        )

    def __init__(self, shell: object) -> None:
        super().__init__(shell)  # type: ignore[arg-type]
        reference = locator.reference()
        self.set_choice = QComboBox()
        for cat_set in reference.category_sets:
            self.set_choice.addItem(
                f"{cat_set.name(self.lang)} – "
                + tr("vanaf {date}").format(date=cat_set.valid_from.isoformat()),
                cat_set.id,
            )
        a11y(
            self.set_choice,
            tr("Indeling"),
            tr("Kies de indeling: de tien categorieën van 2017 of de acht van de herindeling"),
        )
        label = QLabel(tr("&Indeling:"))
        label.setBuddy(self.set_choice)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.set_choice, 1)
        self.list = QListWidget()
        a11y(self.list, tr("Categorieën"), tr("De categorieën van de gekozen indeling"))
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        a11y(
            self.details,
            tr("Toelichting bij de categorie"),
            tr("Keten, risico’s, landen, initiatieven, SDG’s en bronnen"),
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(row)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([320, 700])
        self.layout_.addWidget(splitter, 1)
        self.set_choice.currentIndexChanged.connect(self._fill)
        self.list.currentRowChanged.connect(self._show)
        self._fill()

    def _fill(self) -> None:
        reference = locator.reference()
        cat_set = reference.category_set(self.set_choice.currentData())
        self.list.clear()
        for category in cat_set.categories:
            item = QListWidgetItem(f"{category.number}. {category.name(self.lang)}")
            item.setData(Qt.ItemDataRole.UserRole, category.code)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if row < 0:
            self.details.clear()
            return
        reference = locator.reference()
        cat_set = reference.category_set(self.set_choice.currentData())
        category = cat_set.categories[row]
        self.details.setHtml(category_html(category, self.lang))

    def select(self, code: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.list.setCurrentRow(row)

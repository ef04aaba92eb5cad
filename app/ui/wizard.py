"""The new-tender wizard: data → category → verdict → decision → parameters → documents.

Completable with the keyboard alone: every field has a label with an Alt-letter, Enter
goes to the next page, Esc asks before throwing input away. The tender is registered
when the decision page is left (one write, in the background); the documents are made
by the clause service and saved where the buyer says.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import locator, settings
from app.domain.applicability import Applicability, applicability
from app.domain.clauses import ICT_CATEGORIES
from app.domain.errors import IsvError, ValidationError
from app.domain.formatting import format_number
from app.domain.reference import KINDS, OUTSIDE_CATEGORIES
from app.domain.values import IsvDecision, TenderRecord
from app.services import clauses, eforms, registry
from app.services.clauses import ClauseChoices
from app.ui import widgets
from app.ui.forms import DateField, add_row, amount_refusal, typed_amount
from app.ui.i18n import tr
from app.ui.labels import kind_label, verdict_label
from app.ui.pages.categories import category_html
from app.ui.widgets import a11y, button, error_sentence, note, plan_months_box, report_month_box

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

DATA, CATEGORY, VERDICT, DECISION, PARAMETERS, DOCUMENTS = range(6)


class DataPage(QWizardPage):
    def __init__(self, wizard: TenderWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(tr("Gegevens van de aanbesteding"))
        self.setSubTitle(
            tr(
                "Vul in wat u nu weet; de geraamde waarde is die van de hele opdracht, "
                "met opties en verlengingen, exclusief btw."
            )
        )
        form = QFormLayout(self)
        self.ref = QLineEdit()
        self.ref.setMaxLength(100)
        add_row(
            form,
            tr("&Referentie:"),
            self.ref,
            description=tr("Het kenmerk van de aanbesteding, bijvoorbeeld 2026-ICT-014"),
        )
        self.title_ = QLineEdit()
        self.title_.setMaxLength(500)
        add_row(
            form,
            tr("&Titel:"),
            self.title_,
            tr("Titel"),
            tr("Waar de opdracht over gaat, in een paar woorden"),
        )
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        add_row(
            form,
            tr("&Organisatie:"),
            self.organisation,
            tr("Organisatie"),
            tr("Het ministerie of de dienst die aanbesteedt; mag leeg blijven"),
        )
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        add_row(
            form,
            tr("&Soort opdracht:"),
            self.kind,
            description=tr(
                "Leveringen, diensten of werken: dat bepaalt de drempel. Catering en andere "
                "diensten van bijlage XIV hebben een eigen drempel (€ 750.000), defensie en "
                "veiligheid (Richtlijn 2009/81/EG) ook"
            ),
        )
        self.value = QLineEdit()
        self.value.setPlaceholderText(format_number(250_000, wizard.lang))
        add_row(
            form,
            tr("Geraamde &waarde (€, excl. btw):"),
            self.value,
            tr("Geraamde waarde in euro, exclusief btw"),
            tr(
                "De geraamde waarde van de hele opdracht, exclusief btw, met alle opties en "
                "verlengingen (artikel 5 van Richtlijn 2014/24/EU)"
            ),
        )
        self.published = DateField(
            tr("Publicatiedatum"),
            tr("De (geplande) datum van publicatie; die bepaalt welke drempel geldt"),
        )
        add_row(form, tr("&Publicatiedatum:"), self.published)
        self.published.changed.connect(self.completeChanged)
        self.published.edit.textEdited.connect(wizard.touched)
        self.cpv = QLineEdit()
        self.cpv.setPlaceholderText("30213100-6, 30231300-0")
        add_row(
            form,
            tr("&CPV-codes:"),
            self.cpv,
            tr("CPV-codes"),
            tr(
                "De CPV-codes van de opdracht, de hoofdcode eerst, gescheiden door komma's; "
                "mag leeg blijven"
            ),
        )
        self.cpv.textChanged.connect(wizard.touched)
        self.problem = note()
        self.problem.setStyleSheet("")
        form.addRow(self.problem)
        for field in (self.ref, self.title_, self.value):
            field.textChanged.connect(self.completeChanged)
            field.textChanged.connect(wizard.touched)
        self.organisation.editTextChanged.connect(wizard.touched)

    def amount(self) -> Any:
        try:
            return typed_amount(self.value, self.wizard_.lang)
        except ValidationError:
            return None

    def cpv_codes(self) -> list[str]:
        return [code for code in re.split(r"[\s,;]+", self.cpv.text()) if code]

    def isComplete(self) -> bool:
        return bool(
            self.ref.text().strip()
            and self.title_.text().strip()
            and self.amount() is not None
            and self.published.is_valid()
        )

    def validatePage(self) -> bool:
        refusal = amount_refusal(self.wizard_.lang, self.value)
        if refusal is not None or self.amount() is None:
            self.problem.setText(
                refusal or tr("Vul de geraamde waarde in als bedrag, bijvoorbeeld 250.000.")
            )
            return False
        self.problem.setText("")
        return True


class CategoryPage(QWizardPage):
    def __init__(self, wizard: TenderWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(tr("Categorie"))
        self.setSubTitle(
            tr(
                "Kies de inkoopcategorie. Rechts ziet u de typische risico’s "
                "in de keten; dat is achtergrond, geen oordeel."
            )
        )
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        label = QLabel(tr("&Categorie:"))
        self.list = QListWidget()
        label.setBuddy(self.list)
        a11y(
            self.list,
            tr("Categorie"),
            tr("De ISV-risicocategorieën en ‘buiten de risicocategorieën’"),
        )
        left.addWidget(label)
        left.addWidget(self.list, 1)
        self.guidance = QTextBrowser()
        self.guidance.setOpenExternalLinks(True)
        a11y(
            self.guidance,
            tr("Toelichting bij de categorie"),
            tr("Keten, risico’s, landen, initiatieven en bronnen van de gekozen categorie"),
        )
        layout.addLayout(left, 2)
        layout.addWidget(self.guidance, 3)
        self.list.currentRowChanged.connect(self._show)
        self.list.currentRowChanged.connect(self.completeChanged)
        self.list.currentRowChanged.connect(wizard.touched)
        self.list.itemDoubleClicked.connect(lambda _i: wizard.next())

    def initializePage(self) -> None:
        day = self.wizard_.data.published.value()
        chosen = self.code()
        self.list.clear()
        cat_set = locator.reference().set_in_force(day)
        for category in cat_set.categories:
            item = QListWidgetItem(f"{category.number}. {category.name(self.wizard_.lang)}")
            item.setData(Qt.ItemDataRole.UserRole, category.code)
            self.list.addItem(item)
        outside = QListWidgetItem(tr("Buiten de risicocategorieën"))
        outside.setData(Qt.ItemDataRole.UserRole, OUTSIDE_CATEGORIES)
        self.list.addItem(outside)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == chosen:
                self.list.setCurrentRow(row)
        self.list.setFocus()

    def code(self) -> str | None:
        item = self.list.currentItem()
        code = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(code) if code is not None else None

    def _show(self, _row: int) -> None:
        code = self.code()
        if code is None:
            self.guidance.clear()
        elif code == OUTSIDE_CATEGORIES:
            self.guidance.setHtml(
                "<p>"
                + html.escape(
                    tr(
                        "De opdracht valt in geen van de ISV-risicocategorieën. "
                        "De ISV zijn dan niet verplicht, maar u mag ze toepassen als dat "
                        "proportioneel is, bijvoorbeeld als er een bekend risico in de keten zit."
                    )
                )
                + "</p>"
            )
        else:
            category = locator.reference().find_category(code, self.wizard_.data.published.value())
            if category is not None:
                self.guidance.setHtml(category_html(category, self.wizard_.lang))

    def isComplete(self) -> bool:
        return self.code() is not None


class VerdictPage(QWizardPage):
    def __init__(self, wizard: TenderWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(tr("Oordeel"))
        self.setSubTitle(tr("Zijn de ISV verplicht voor deze aanbesteding?"))
        layout = QVBoxLayout(self)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        font = self.verdict.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.verdict.setFont(font)
        self.reasons = QTextBrowser()
        a11y(self.reasons, tr("Redenen"), tr("Waarom de ISV wel of niet verplicht zijn"))
        layout.addWidget(self.verdict)
        layout.addWidget(self.reasons, 1)
        self.result: Applicability | None = None

    def initializePage(self) -> None:
        data = self.wizard_.data
        lang = self.wizard_.lang
        try:
            self.result = applicability(
                locator.reference(),
                self.wizard_.category.code() or "",
                data.kind.currentData(),
                data.amount(),
                data.published.value(),
            )
        except IsvError as error:
            self.result = None
            self.verdict.setText(error_sentence(error, lang))
            self.reasons.clear()
            return
        self.verdict.setText(verdict_label(self.result.verdict.value))
        self.verdict.setAccessibleName(self.verdict.text())
        catalog = locator.catalog()
        reasons = [catalog.text(r.code, lang, **r.as_dict()) for r in self.result.reasons]
        self.reasons.setHtml(
            "<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in reasons) + "</ul>"
        )
        self.reasons.setAccessibleDescription(" ".join(reasons))

    def isComplete(self) -> bool:
        return self.result is not None


class DecisionPage(QWizardPage):
    def __init__(self, wizard: TenderWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(tr("Besluit"))
        self.setSubTitle(
            tr(
                "Past u de ISV toe, en in welke vorm? Niet toepassen terwijl ze "
                "verplicht zijn kan alleen met een reden."
            )
        )
        form = QFormLayout(self)
        self.apply = QRadioButton(tr("ISV &toepassen"))
        self.skip = QRadioButton(tr("ISV &niet toepassen"))
        a11y(self.apply, tr("ISV toepassen"), tr("De ISV komen in de aanbestedingsstukken"))
        a11y(
            self.skip,
            tr("ISV niet toepassen"),
            tr("De ISV komen niet in de stukken; geef de reden"),
        )
        group = QButtonGroup(self)
        group.addButton(self.apply)
        group.addButton(self.skip)
        self.apply.setChecked(True)
        choice = QWidget()
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.apply)
        row.addWidget(self.skip)
        row.addStretch(1)
        form.addRow(tr("Besluit:"), choice)
        self.form = QComboBox()
        for item in locator.reference().forms:
            self.form.addItem(item.text(wizard.lang), item.code)
        add_row(
            form,
            tr("&Vorm:"),
            self.form,
            description=tr(
                "Uitvoeringsvoorwaarde is het minimum van het Rijk; minimumeis "
                "en gunningscriterium gaan verder"
            ),
        )
        self.acceptance = QComboBox()
        self.acceptance.addItem(tr("Impliciet: meedoen is aanvaarden"), "implicit")
        self.acceptance.addItem(tr("Expliciet: met een verklaring of checklist"), "explicit")
        self.acceptance_label = add_row(
            form,
            tr("&Aanvaarding:"),
            self.acceptance,
            description=tr(
                "Hoe inschrijvers de ISV aanvaarden (alleen bij een uitvoeringsvoorwaarde)"
            ),
        )
        self.reason = QLineEdit()
        add_row(
            form,
            tr("&Reden:"),
            self.reason,
            description=tr("Waarom u zo besluit; verplicht als u verplichte ISV niet toepast"),
        )
        self.problem = note()
        form.addRow(self.problem)
        self.apply.toggled.connect(self._update)
        self.form.currentIndexChanged.connect(self._update)
        self.reason.textChanged.connect(self.completeChanged)
        self.apply.toggled.connect(self.completeChanged)
        self.apply.toggled.connect(wizard.touched)
        self._update()

    def _update(self) -> None:
        applied = self.apply.isChecked()
        self.form.setEnabled(applied)
        condition = self.form.currentData() == "contract-condition"
        self.acceptance.setEnabled(applied and condition)
        self.acceptance_label.setEnabled(applied and condition)
        self.wizard_.update_buttons()

    def initializePage(self) -> None:
        self._update()
        self.apply.setFocus()

    def decision(self) -> IsvDecision:
        if self.apply.isChecked():
            return IsvDecision(
                True,
                self.reason.text().strip() or None,
                self.form.currentData(),
                self.acceptance.currentData()
                if self.form.currentData() == "contract-condition"
                else None,
            )
        return IsvDecision(False, self.reason.text().strip() or None)

    def isComplete(self) -> bool:
        verdict = self.wizard_.verdict.result
        if self.skip.isChecked() and verdict is not None and verdict.mandatory:
            return bool(self.reason.text().strip())
        return True

    def validatePage(self) -> bool:
        return self.wizard_.register()

    def nextId(self) -> int:
        if self.apply.isChecked():
            return PARAMETERS
        return -1


class ParametersPage(QWizardPage):
    def __init__(self, wizard: TenderWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(tr("Afspraken in de teksten"))
        self.setSubTitle(
            tr(
                "Deze waarden komen in de ISV-teksten. Wat u niet wijzigt, krijgt "
                "de gebruikelijke standaardwaarde; het overzicht in het document "
                "zegt welke dat zijn."
            )
        )
        form = QFormLayout(self)
        self.authority = QLineEdit()
        add_row(
            form,
            tr("Aanbestedende &dienst:"),
            self.authority,
            description=tr("De naam van de opdrachtgever zoals die in de teksten komt"),
        )
        self.plan_months = plan_months_box()
        add_row(
            form,
            tr("&Plan van aanpak binnen:"),
            self.plan_months,
            description=tr(
                "Binnen hoeveel maanden na de start de leverancier het plan van aanpak levert"
            ),
        )
        self.report_month = report_month_box(wizard.lang)
        add_row(
            form,
            tr("&Jaarrapportage uiterlijk eind:"),
            self.report_month,
            description=tr(
                "De maand waarin de jaarrapportage over het vorige contractjaar binnen moet zijn"
            ),
        )
        self.penalty = QLineEdit(format_number(5_000, wizard.lang))
        add_row(
            form,
            tr("&Boete (€):"),
            self.penalty,
            description=tr("Het bedrag van de boete na een ingebrekestelling"),
        )
        self.penalty_cap = QLineEdit(format_number(50_000, wizard.lang))
        add_row(
            form,
            tr("&Maximum aan boetes per contractjaar (€):"),
            self.penalty_cap,
            description=tr("Het maximum van alle boetes samen in één contractjaar"),
        )
        self.with_damages = QCheckBox(tr("Boete komt &naast volledige schadevergoeding"))
        self.with_damages.setChecked(True)
        a11y(
            self.with_damages,
            tr("Boete naast schadevergoeding"),
            tr(
                "Aangevinkt: de boete komt bovenop schadevergoeding (afwijking van artikel 6:92 "
                "BW); uit: de boete vervangt de wettelijke schadevergoeding"
            ),
        )
        form.addRow("", self.with_damages)
        self.terms = QComboBox()
        add_row(
            form,
            tr("&Algemene voorwaarden:"),
            self.terms,
            description=tr(
                "Voorgesteld bij deze soort opdracht; bevestig of kies andere. De teksten noemen "
                "ze met de rangorde"
            ),
        )
        self.check = QCheckBox(tr("&Onafhankelijke toetsing van de rapportage vragen"))
        a11y(
            self.check,
            tr("Onafhankelijke toetsing"),
            tr("De leverancier laat de rapportage door een onafhankelijke partij toetsen"),
        )
        form.addRow("", self.check)
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(tr("contractmanager"))
        add_row(
            form,
            tr("&Contactpersoon (functie):"),
            self.contact,
            description=tr("Wie bij de opdrachtgever het aanspreekpunt is"),
        )
        self.electronics_watch = QCheckBox(
            tr("Contractvoorwaarden van &Electronics Watch opnemen (alleen ICT)")
        )
        a11y(
            self.electronics_watch,
            tr("Electronics Watch"),
            tr(
                "Voor inkopers die bij Electronics Watch zijn aangesloten: de leverancier maakt "
                "fabrieken bekend en werkt mee aan monitoring vanuit werknemers"
            ),
        )
        form.addRow("", self.electronics_watch)
        self.award_method = QLineEdit()
        self.award_subject = QLineEdit()
        self.award_assessor = QLineEdit()
        self.award_weight = QSpinBox()
        self.award_weight.setRange(1, 100)
        self.award_weight.setValue(10)
        self.award_weight.setSuffix(" %")
        self.award_points = QSpinBox()
        self.award_points.setRange(2, 100)
        self.award_points.setValue(10)
        self.award_rows = [
            add_row(
                form,
                tr("Gunning: &hoe:"),
                self.award_method,
                description=tr("Hoe de inschrijvingen op dit punt worden gescoord"),
            ),
            add_row(
                form,
                tr("Gunning: &waarop:"),
                self.award_subject,
                description=tr("Wat er wordt beoordeeld"),
            ),
            add_row(
                form,
                tr("Gunning: &door wie:"),
                self.award_assessor,
                description=tr("Wie de beoordeling doet"),
            ),
            add_row(
                form,
                tr("Gunning: wegin&g:"),
                self.award_weight,
                description=tr("Hoe zwaar dit criterium weegt in de totale score"),
            ),
            add_row(
                form,
                tr("Gunning: ma&ximum punten:"),
                self.award_points,
                description=tr("De schaal loopt van 0 tot dit aantal punten"),
            ),
        ]
        self.doc_lang = QComboBox()
        self.doc_lang.addItem("Nederlands", "nl")
        self.doc_lang.addItem("English", "en")
        add_row(
            form,
            tr("&Taal van de documenten:"),
            self.doc_lang,
            description=tr("Engels voor leveranciers in het buitenland"),
        )
        self.problem = note()
        form.addRow(self.problem)
        for field in (
            self.penalty,
            self.contact,
            self.award_method,
            self.award_subject,
            self.award_assessor,
        ):
            field.textChanged.connect(wizard.touched)

    def initializePage(self) -> None:
        if not self.authority.text().strip():
            registered = self.wizard_.registered
            self.authority.setText(
                (registered.organisation if registered else None)
                or self.wizard_.data.organisation.currentText().strip()
            )
        award = self.wizard_.decision.form.currentData() == "award-criterion"
        reference = locator.reference()
        code = self.wizard_.category.code() or ""
        kind = self.wizard_.data.kind.currentData()
        suggested = reference.suggested_terms(kind, code)
        self.terms.clear()
        for terms in reference.general_terms:
            name = f"{terms.name} – {terms.title(self.wizard_.lang)}" if terms.name else ""
            shown = name or terms.title(self.wizard_.lang)
            if terms.code == suggested.code:
                shown += " " + tr("(voorgesteld)")
            self.terms.addItem(shown, terms.code)
        self.terms.setCurrentIndex(max(0, self.terms.findData(suggested.code)))
        ict = code in ICT_CATEGORIES
        self.electronics_watch.setEnabled(ict)
        if not ict:
            self.electronics_watch.setChecked(False)
        for field in (
            self.award_method,
            self.award_subject,
            self.award_assessor,
            self.award_weight,
            self.award_points,
        ):
            field.setEnabled(award)
        for label in self.award_rows:
            label.setEnabled(award)
        self.doc_lang.setCurrentIndex(max(0, self.doc_lang.findData(self.wizard_.lang)))
        self.authority.setFocus()

    def choices(self) -> ClauseChoices:
        award = self.wizard_.decision.form.currentData() == "award-criterion"
        return ClauseChoices(
            authority=self.authority.text().strip() or None,
            plan_months=self.plan_months.value(),
            report_month=self.report_month.currentData(),
            penalty=typed_amount(self.penalty, self.wizard_.lang),
            independent_check=self.check.isChecked(),
            contact_role=self.contact.text().strip() or None,
            award_method=(self.award_method.text().strip() or None) if award else None,
            award_subject=(self.award_subject.text().strip() or None) if award else None,
            award_assessor=(self.award_assessor.text().strip() or None) if award else None,
            award_weight=self.award_weight.value() if award else None,
            award_points=self.award_points.value() if award else None,
            penalty_cap=typed_amount(self.penalty_cap, self.wizard_.lang),
            penalty_with_damages=self.with_damages.isChecked(),
            general_terms=self.terms.currentData(),
            electronics_watch=self.electronics_watch.isChecked(),
        )

    def validatePage(self) -> bool:
        refusal = amount_refusal(self.wizard_.lang, self.penalty, self.penalty_cap)
        if refusal is not None or not self.penalty.text().strip():
            self.problem.setText(refusal or tr("Vul de boete in als bedrag, bijvoorbeeld 5.000."))
            return False
        award = self.wizard_.decision.form.currentData() == "award-criterion"
        if award and not all(
            f.text().strip() for f in (self.award_method, self.award_subject, self.award_assessor)
        ):
            self.problem.setText(
                tr("Bij een gunningscriterium zegt u hoe, waarop en door wie wordt beoordeeld.")
            )
            return False
        if not self.authority.text().strip():
            self.problem.setText(tr("Vul de aanbestedende dienst in."))
            return False
        self.problem.setText("")
        return True


class DocumentsPage(QWizardPage):
    def __init__(self, wizard: TenderWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(tr("De documenten"))
        self.setSubTitle(
            tr(
                "Bekijk de ISV-teksten en sla ze op voor de aanbestedingsstukken. "
                "Elke opgeslagen versie wordt vastgelegd bij de aanbesteding."
            )
        )
        layout = QVBoxLayout(self)
        self.preview = QTextBrowser()
        a11y(
            self.preview,
            tr("Voorbeeld van de teksten"),
            tr("De ISV-teksten zoals ze in de documenten komen"),
        )
        self.eforms = QTextBrowser()
        a11y(
            self.eforms,
            tr("eForms-waarden"),
            tr("Wat u invult in de eForms-aankondiging op TenderNed voor deze aanbesteding"),
        )
        beside = QSplitter()
        beside.addWidget(self.preview)
        beside.addWidget(self.eforms)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 2)
        layout.addWidget(beside, 1)
        row = QHBoxLayout()
        self.save_docx = button(
            tr("Opslaan als &Word…"),
            tr("De teksten opslaan als Word-document (.docx)"),
            lambda: self.save("docx"),
        )
        self.save_pdf = button(
            tr("Opslaan als P&DF…"), tr("De teksten opslaan als PDF"), lambda: self.save("pdf")
        )
        self.save_md = button(
            tr("Opslaan als &Markdown…"),
            tr("De teksten opslaan als platte tekst (Markdown)"),
            lambda: self.save("md"),
        )
        for item in (self.save_docx, self.save_pdf, self.save_md):
            row.addWidget(item)
        row.addStretch(1)
        layout.addLayout(row)
        self.saved_label = note(
            tr(
                "De werkmap voor de leverancier maakt u na de gunning, "
                "vanuit het contractdossier: die wordt vooraf ingevuld met "
                "de gegevens van het contract."
            )
        )
        layout.addWidget(self.saved_label)
        self.saved: list[Path] = []

    def initializePage(self) -> None:
        wizard = self.wizard_
        ctx, ref = wizard.shell.context, wizard.tender_ref()
        choices, lang = wizard.parameters.choices(), wizard.parameters.doc_lang.currentData()
        self.preview.setPlainText(tr("Het voorbeeld wordt gemaakt…"))
        wizard.shell.tasks.run(
            lambda: clauses.preview(ctx, ref, lang=lang, choices=choices),
            done=self._previewed,
            failed=self._failed,
        )
        self.eforms.setPlainText("")
        wizard.shell.tasks.run(
            lambda: eforms.guidance(ctx, ref, lang=lang, choices=choices),
            done=lambda lines: self.eforms.setHtml(eforms_html(lines, lang)),
            failed=self._failed,
        )
        self.save_docx.setFocus()

    def _previewed(self, document: Any) -> None:
        self.preview.setPlainText(document.plain_text())

    def _failed(self, error: BaseException) -> None:
        self.preview.setPlainText(error_sentence(error, self.wizard_.lang))

    def save(self, fmt: str) -> None:
        wizard = self.wizard_
        suffix = {"docx": "docx", "pdf": "pdf", "md": "md"}[fmt]
        name = {
            "docx": tr("Word-document (*.docx)"),
            "pdf": tr("PDF (*.pdf)"),
            "md": tr("Markdown (*.md)"),
        }[fmt]
        folder = Path(settings.load().backup_dir or Path.home())
        suggested = str(folder / f"ISV-{wizard.tender_ref()}.{suffix}")
        path = widgets.ask_save_path(self, tr("ISV-teksten opslaan"), suggested, name)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{suffix}":
            target = target.with_name(target.name + f".{suffix}")
        ctx, ref = wizard.shell.context, wizard.tender_ref()
        choices, lang = wizard.parameters.choices(), wizard.parameters.doc_lang.currentData()
        wizard.shell.tasks.run(
            lambda: clauses.save(ctx, ref, target, fmt=fmt, lang=lang, choices=choices),
            write=True,
            done=lambda _saved: self._saved(target),
            failed=wizard.shell.show_error,
        )

    def _saved(self, target: Path) -> None:
        self.saved.append(target)
        self.saved_label.setText(tr("Opgeslagen: {path}").format(path=target))
        self.wizard_.shell.saved(target)


def eforms_html(lines: list[eforms.EformsLine], lang: str) -> str:
    """The eForms fields as a short list: field, code or text to paste, what it means."""
    catalog = locator.catalog()
    if not lines:
        return f"<p>{html.escape(catalog.text('eforms_not_applied', lang))}</p>"
    parts = [
        f"<h3>{html.escape(catalog.text('eforms_heading', lang))}</h3>",
        f"<p>{html.escape(catalog.text('eforms_intro', lang))}</p>",
    ]
    for line in lines:
        value = html.escape(line.value).replace("\n", "<br>")
        shown = (
            f"<blockquote>{value}</blockquote>" if line.paste else f"<p><code>{value}</code></p>"
        )
        parts.append(
            f"<p><b>{html.escape(line.bt)} {html.escape(line.field)}</b><br>"
            f"<i>{html.escape(line.meaning)}</i></p>{shown}"
        )
    return "".join(parts)


class TenderWizard(QWizard):
    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell)
        self.shell = shell
        self.lang = shell.lang
        self.registered: TenderRecord | None = None
        self._touched = False
        self.setWindowTitle(tr("Nieuwe aanbesteding"))
        self.setAccessibleName(tr("Nieuwe aanbesteding"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self.data = DataPage(self)
        self.category = CategoryPage(self)
        self.verdict = VerdictPage(self)
        self.decision = DecisionPage(self)
        self.parameters = ParametersPage(self)
        self.documents = DocumentsPage(self)
        for number, page in enumerate(
            (self.data, self.category, self.verdict, self.decision, self.parameters, self.documents)
        ):
            self.setPage(number, page)
        self.decision.setCommitPage(True)
        for which, text in (
            (QWizard.WizardButton.NextButton, tr("&Volgende >")),
            (QWizard.WizardButton.CommitButton, tr("&Vastleggen >")),
            (QWizard.WizardButton.BackButton, tr("< V&orige")),
            (QWizard.WizardButton.FinishButton, tr("&Klaar")),
            (QWizard.WizardButton.CancelButton, tr("Annuleren")),
        ):
            self.setButtonText(which, text)
            a11y(self.button(which), text.replace("&", "").strip("<> "))
        self.resize(900, 640)
        ctx = shell.context
        shell.tasks.run(lambda: registry.list_organisations(ctx), done=self._organisations)

    @classmethod
    def for_documents(cls, shell: MainWindow, tender: TenderRecord) -> TenderWizard:
        """The wizard's last two pages for a tender that is already registered (its ISV
        applied): the text parameters, then the documents."""
        wizard = cls(shell)
        wizard.registered = tender
        wizard.setWindowTitle(tr("ISV-teksten voor {ref}").format(ref=tender.ref))
        decision = tender.decision
        if decision is not None and decision.form:
            wizard.decision.form.setCurrentIndex(
                max(0, wizard.decision.form.findData(decision.form))
            )
        wizard.setStartId(PARAMETERS)
        return wizard

    def _organisations(self, names: list[str]) -> None:
        current = self.data.organisation.currentText()
        self.data.organisation.clear()
        self.data.organisation.addItems(names)
        self.data.organisation.setEditText(current)

    def touched(self, *_args: Any) -> None:
        self._touched = True

    def update_buttons(self) -> None:
        """Re-evaluate Next/Finish after the decision changed the page order."""
        page = self.currentPage()
        if page is not None:
            page.completeChanged.emit()

    def tender_ref(self) -> str:
        return self.registered.ref if self.registered else self.data.ref.text().strip()

    def register(self) -> bool:
        """Register the tender (once). Runs in the background; the wizard moves on when
        the write is done, or shows why not."""
        if self.registered is not None:
            return True
        data = self.data
        ctx = self.shell.context
        values = {
            "ref": data.ref.text(),
            "title": data.title_.text(),
            "category": self.category.code() or "",
            "kind": data.kind.currentData(),
            "value": data.amount(),
            "published": data.published.value(),
            "organisation": data.organisation.currentText().strip() or None,
            "decision": self.decision.decision(),
            "cpv": data.cpv_codes(),
        }
        self.decision.problem.setText(tr("Bezig met vastleggen…"))
        self.shell.tasks.run(
            lambda: registry.register_tender(ctx, **values),
            write=True,
            done=self._registered,
            failed=self._not_registered,
        )
        return self.registered is not None and self._finish_now()

    def _finish_now(self) -> bool:
        return False  # the move happens in _registered, also when tasks run inline

    def _registered(self, tender: TenderRecord) -> None:
        self.registered = tender
        self.decision.problem.setText(tr("Vastgelegd."))
        self.shell.data_changed()
        if self.decision.nextId() == -1:
            QTimer.singleShot(0, self.accept)
        else:
            QTimer.singleShot(0, self.next)

    def _not_registered(self, error: BaseException) -> None:
        self.decision.problem.setText(error_sentence(error, self.lang))

    def reject(self) -> None:
        if (
            self.registered is None
            and self._touched
            and not widgets.ask(
                self,
                tr("Invoer weggooien?"),
                tr(
                    "De aanbesteding is nog niet vastgelegd. Wilt u stoppen en uw invoer weggooien?"
                ),
                tr("&Weggooien"),
                tr("&Doorgaan met invullen"),
            )
        ):
            return
        if self.registered is not None:
            super().accept()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self.registered is not None:
            result = 1
        super().done(result)

"""The manual: a short, plain guide through the ISV cycle in the application."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.ui.i18n import tr
from app.ui.widgets import a11y


def manual_html() -> str:
    esc = html.escape
    sections = [
        (
            tr("1. Voorbereiden"),
            tr(
                "Registreer de aanbesteding met Nieuwe aanbesteding (Ctrl+N). De assistent zegt "
                "of de ISV verplicht zijn: dat is zo als de opdracht in een risicocategorie valt "
                "en de geraamde waarde op of boven de Europese drempel ligt. Daaronder of "
                "daarbuiten mag u ze vrijwillig toepassen. Leg uw besluit vast, met de reden als "
                "u verplichte ISV niet toepast."
            ),
        ),
        (
            tr("2. De teksten"),
            tr(
                "Kies de toepassingsvorm (uitvoeringsvoorwaarde, minimumeis of "
                "gunningscriterium) en de termijnen. De assistent maakt de ISV-teksten voor de "
                "aanbestedingsstukken als Word, PDF of Markdown, in het Nederlands of Engels."
            ),
        ),
        (
            tr("3. Verzamelen"),
            tr(
                "Na de gunning registreert u het contract. Geef de leverancier de vooraf "
                "ingevulde werkmap; lees de ingevulde werkmap in met Werkmap importeren "
                "(Ctrl+I). Fouten ziet u per blad en regel, en u kunt de leverancier een "
                "werkmap met alle opmerkingen terugsturen. Bewaar documenten als bewijsstuk in "
                "het contractdossier: sleep ze naar de lijst of kies Toevoegen."
            ),
        ),
        (
            tr("4. Opvolgen"),
            tr(
                "Het dossier toont de zes OESO-stappen met hun termijnen, de risico’s op "
                "prioriteit (ernst gaat voor waarschijnlijkheid), maatregelen, beoordelingen en "
                "signalen. Bij een misstand volgt u de escalatieladder: dialoog, extern advies, "
                "ingebrekestelling, boete, ontbinding. Het Overzicht toont wat te laat is."
            ),
        ),
        (
            tr("5. Rapporteren"),
            tr(
                "Onder Rapportage kiest u het jaar en eventueel de exports van collega’s. De "
                "cijfers per categorie, met de SDG’s, slaat u op als PDF en Excel."
            ),
        ),
        (
            tr("Veilig werken"),
            tr(
                "Elke wijziging wordt met uw naam vastgelegd. Maak regelmatig een back-up via "
                "Bestand > Back-up maken; die bevat de database en alle bewijsstukken."
            ),
        ),
    ]
    parts = [f"<h2>{esc(tr('Handleiding'))}</h2>"]
    for title, text in sections:
        parts.append(f"<h3>{esc(title)}</h3><p>{esc(text)}</p>")
    return "".join(parts)


class ManualDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Handleiding"))
        layout = QVBoxLayout(self)
        text = QTextBrowser()
        text.setHtml(manual_html())
        a11y(text, tr("Handleiding"), tr("Uitleg over het werken met ISV-assistent"))
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Sluiten"))
        a11y(close, tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)

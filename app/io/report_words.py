"""Words shared by the yearly report's PDF and Excel renderers: (Dutch, English), in the
order of :data:`app.domain.languages.LANGUAGES`.

Each renderer adds its own words to these; a label both show is written here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.languages import in_order

SHARED_WORDS: dict[str, tuple[str, str]] = {
    "title": ("ISV-jaarrapportage {year}", "ISV yearly report {year}"),
    "summary": ("Samenvatting", "Summary"),
    "contracts": ("Contracten", "Contracts"),
    "risks": ("Risico's", "Risks"),
    "organisation": ("Organisatie", "Organisation"),
    "all": ("Alle organisaties", "All organisations"),
    "as_of": ("Peildatum", "Reference date"),
    "sources": ("Bronnen", "Sources"),
    "figure": ("Cijfer", "Figure"),
    "code": ("Code", "Code"),
    "total": ("Totaal", "Total"),
    "definition": ("Definitie", "Definition"),
    "category": ("Categorie", "Category"),
    "kind": ("Soort", "Kind"),
    "theme": ("Thema", "Theme"),
    "reasons": (
        "Redenen om verplichte ISV niet toe te passen",
        "Reasons for not applying mandatory ISV",
    ),
    "conflicts": ("Conflicten", "Conflicts"),
    "generated": ("Aangemaakt op", "Generated on"),
    "fingerprint": ("Vingerafdruk van de gegevens (SHA-256)", "Fingerprint of the data (SHA-256)"),
    "key_figures": ("Kerncijfers", "Key figures"),
    "sdg_section": (
        "SDG-subdoelen waarop de vastgelegde risico's en signalen betrekking hebben",
        "SDG targets the recorded risks and signals relate to",
    ),
    "no_reasons": (
        "Er zijn geen aanbestedingen waarin verplichte ISV niet zijn toegepast.",
        "There are no tenders in which mandatory ISV were not applied.",
    ),
    "no_code": (
        "geen redencode vastgelegd (oudere records)",
        "no reason code recorded (older records)",
    ),
    "award_unknown": ("Gunningsdatum onbekend", "Award date unknown"),
    "per_organisation": ("Per organisatie", "Per organisation"),
    "texts_used": ("Gebruikte ISV-teksten", "ISV texts used"),
}


def word(table: Mapping[str, tuple[str, str]], key: str, lang: str, **params: Any) -> str:
    """The entry ``key`` of ``table`` in ``lang``, with its ``{placeholders}`` filled."""
    return in_order(lang, table[key]).format(**params)

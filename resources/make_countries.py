"""Regenerate ``countries.json`` from pycountry (ISO 3166-1 with its Dutch translations).

Run: ``python resources/make_countries.py``. A test checks that the committed file is
what this script produces with the installed pycountry, so the table stays the
maintained library's, while the domain layer reads a plain data file.
"""

from __future__ import annotations

import gettext
import json
import sys
from pathlib import Path

# Names people write that ISO and its Dutch translation do not carry.
EXTRA_ALIASES = {
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Democratische Republiek Congo"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Ivory Coast"],
    "GB": ["UK", "Great Britain", "Groot-Brittannië", "Verenigd Koninkrijk"],
    "KR": ["South Korea", "Zuid-Korea"],
    "KP": ["North Korea", "Noord-Korea"],
    "US": ["USA", "United States of America", "Verenigde Staten van Amerika", "VS"],
    "VN": ["Vietnam"],
    "RU": ["Russia", "Rusland"],
    "TW": ["Taiwan"],
    "LA": ["Laos"],
    "SY": ["Syria", "Syrië"],
    "IR": ["Iran"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova", "Moldavië"],
    "CZ": ["Czech Republic", "Tsjechië"],
    "TR": ["Turkey", "Turkije"],
    "NL": ["Holland", "Nederland"],
    "MM": ["Birma", "Burma"],
}


def build() -> list[dict[str, object]]:
    import pycountry

    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    rows = []
    for country in pycountry.countries:
        name_en = getattr(country, "common_name", None) or country.name
        name_nl = dutch.gettext(country.name)
        aliases = {country.name, name_en, name_nl}
        for attr in ("official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                aliases.add(value)
                aliases.add(dutch.gettext(value))
        for alias in list(aliases):
            if ", " in alias:  # "Congo, The Democratic Republic of the" → natural order
                head, tail = alias.split(", ", 1)
                aliases.add(f"{tail} {head}")
        aliases.update(EXTRA_ALIASES.get(country.alpha_2, []))
        aliases -= {name_en, name_nl}
        rows.append(
            {
                "alpha2": country.alpha_2,
                "alpha3": country.alpha_3,
                "name_en": name_en,
                "name_nl": name_nl,
                "aliases": sorted(aliases),
            }
        )
    return sorted(rows, key=lambda r: str(r["alpha2"]))


def render() -> str:
    return (
        json.dumps(
            {
                "format": 1,
                "source": "ISO 3166-1 via pycountry, Dutch names from its iso3166-1 translations",
                "countries": build(),
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )


if __name__ == "__main__":
    target = Path(__file__).with_name("countries.json")
    target.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")

"""Country normalisation: ISO 3166 alpha-2 from alpha-2, alpha-3, Dutch or English names.

Case, accents and surrounding spaces do not matter (``côte d'ivoire``, ``COTE D'IVOIRE``
and ``CI`` are the same). The table is data (``resources/countries.json``, generated from
pycountry); this module only reads it.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass

from app.domain.errors import ReferenceDataError
from app.domain.languages import choose


def fold(text: str) -> str:
    """Case- and accent-insensitive key, with runs of white space made one space."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("’", "'").replace("‘", "'")
    return " ".join(plain.split())


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    name_nl: str
    name_en: str

    def name(self, lang: str) -> str:
        return choose(lang, {"nl": self.name_nl, "en": self.name_en})


class CountryTable:
    """Looks up countries by any of their codes or names."""

    def __init__(self, countries: list[Country], aliases: dict[str, str]) -> None:
        self._by_code = {c.alpha2: c for c in countries}
        self._lookup: dict[str, str] = {}
        for country in countries:
            self._lookup[fold(country.alpha3)] = country.alpha2
        for alias, code in aliases.items():
            self._lookup.setdefault(fold(alias), code)
        for country in countries:
            for name in (country.name_nl, country.name_en):
                self._lookup[fold(name)] = country.alpha2
            self._lookup[fold(country.alpha2)] = country.alpha2

    @classmethod
    def from_json(cls, text: str) -> CountryTable:
        try:
            data = json.loads(text)
            countries = []
            aliases: dict[str, str] = {}
            for row in data["countries"]:
                country = Country(row["alpha2"], row["alpha3"], row["name_nl"], row["name_en"])
                countries.append(country)
                for alias in row.get("aliases", []):
                    aliases[alias] = country.alpha2
        except (ValueError, KeyError, TypeError) as exc:
            raise ReferenceDataError(
                "reference_data_invalid", file="countries.json", field="countries", problem=str(exc)
            ) from None
        return cls(countries, aliases)

    def normalise(self, text: str) -> str | None:
        """The ISO alpha-2 code for ``text``, or ``None`` when it names no country."""
        if not isinstance(text, str) or not text.strip():
            return None
        return self._lookup.get(fold(text))

    def get(self, alpha2: str) -> Country | None:
        return self._by_code.get(alpha2.upper())

    def name(self, alpha2: str, lang: str) -> str:
        country = self.get(alpha2)
        return country.name(lang) if country else alpha2

    def all(self) -> list[Country]:
        return sorted(self._by_code.values(), key=lambda c: c.name_nl)

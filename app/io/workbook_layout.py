"""The layout of the supplier workbook (spec/supplier-workbook.md), shared by writer and reader.

Sheet names, the labels of the ``Leverancier`` sheet and the columns of the three tables
are declared once here, in Dutch and English; the template writer lays them out and the
reader matches them (case, surrounding and doubled spaces ignored).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.languages import choose

TEMPLATE_VERSION = "ISV-WB 2"
REQUIRED_MARK = " *"
"""After the header (or label) of a required column in the written workbook; the reader
ignores it, so a header matches with or without it."""
CONDITIONAL_MARK = " (*)"
"""After the header of a column that is required only in some rows (a risk's country
and product when it names no site); the reader ignores it too."""


@dataclass(frozen=True)
class Column:
    """One column of a table sheet (or one label of the supplier sheet).

    ``kind`` says how a cell is read: ``text``, ``key`` (an ID, at most 100 characters),
    ``country``, ``int``, ``number``, ``date``, ``email``, ``kvk``, or a labelled group
    (``theme``, ``severity``, ``likelihood``, ``status``, ``grievance``).
    """

    field: str
    nl: str
    en: str
    kind: str
    required: bool
    low: float | None = None
    high: float | None = None
    limit: int | None = None
    width: int = 18
    since: int = 1
    """The template version that added the column: a required one missing from the sheet
    of an older workbook is a warning, not an error (a version 1 workbook still imports)."""
    required_without: str | None = None
    """The field whose empty cell makes this column required in that row."""

    def header(self, lang: str) -> str:
        return choose(lang, {"nl": self.nl, "en": self.en})

    def marked(self, lang: str) -> str:
        """The header as the written workbook shows it: required ones marked."""
        if self.required:
            return self.header(lang) + REQUIRED_MARK
        if self.required_without is not None:
            return self.header(lang) + CONDITIONAL_MARK
        return self.header(lang)


@dataclass(frozen=True)
class SheetLayout:
    key: str  # instructions, supplier, sites, risks, measures, lists
    nl: str
    en: str
    columns: tuple[Column, ...] = ()

    def name(self, lang: str) -> str:
        """The sheet's name in a workbook written in ``lang``."""
        return choose(lang, {"nl": self.nl, "en": self.en})


def header_key(text: str) -> str:
    """How headers and labels are compared: case-insensitive, spaces normalised, the
    required marks (a trailing ``*`` or ``(*)``) left out."""
    return " ".join(text.casefold().rstrip().removesuffix("(*)").removesuffix("*").split())


def sheet_name_key(text: str) -> str:
    """How sheet names are compared: like headers, and a trailing "s" or "'s" forgiven."""
    key = header_key(text).replace("’", "'")
    if key.endswith("'s"):
        return key[:-2]
    if key.endswith("s"):
        return key[:-1]
    return key


SUPPLIER_FIELDS = (
    Column("name", "Naam leverancier", "Supplier name", "text", True, limit=300),
    Column("kvk", "KvK-nummer", "Chamber of Commerce number", "kvk", False),
    Column("country", "Land van vestiging", "Country of establishment", "country", True),
    Column("contract_ref", "Contractreferentie", "Contract reference", "text", True, limit=100),
    Column("period_from", "Rapportageperiode van", "Reporting period from", "date", True),
    Column("period_to", "Rapportageperiode tot", "Reporting period to", "date", True),
    Column("contact_person", "Contactpersoon", "Contact person", "text", True, limit=300),
    Column("email", "E-mail", "E-mail", "email", True, limit=300),
    Column("signed_on", "Datum ondertekening", "Date signed", "date", True),
    Column("signed_by", "Ondertekend door", "Signed by", "text", True, limit=300),
    Column(
        "grievance_mechanism",
        "Klachtenmechanisme",
        "Grievance mechanism",
        "grievance",
        True,
        since=2,
    ),
    Column(
        "grievance_description",
        "Toelichting klachtenmechanisme",
        "Grievance mechanism description",
        "text",
        False,
        since=2,
    ),
    Column(
        "stakeholders",
        "Betrokken belanghebbenden",
        "Stakeholders consulted",
        "text",
        False,
        since=2,
    ),
)

SITE_COLUMNS = (
    Column("site_key", "Locatie-ID", "Site ID", "key", True, width=14),
    Column("name", "Naam locatie", "Site name", "text", True, width=30),
    Column("country", "Land", "Country", "country", True, width=22),
    Column("city", "Plaats", "City", "text", False, width=18),
    Column("tier", "Schakel", "Tier", "int", True, low=1, high=10, width=10),
    Column("product", "Product of dienst", "Product or service", "text", True, width=30),
    Column("workers", "Aantal werknemers", "Number of workers", "int", False, low=0, width=14),
    Column("certifications", "Certificeringen", "Certifications", "text", False, width=28),
    Column("last_audit", "Laatste audit", "Last audit", "date", False, width=14),
    Column(
        "osh_id", "Open Supply Hub-ID", "Open Supply Hub ID", "text", False, limit=100, width=20
    ),
)

RISK_COLUMNS = (
    Column("risk_key", "Risico-ID", "Risk ID", "key", True, width=14),
    Column("site_key", "Locatie-ID", "Site ID", "key", False, width=14),
    Column("theme", "Thema", "Theme", "theme", True, width=34),
    Column("description", "Omschrijving", "Description", "text", True, width=50),
    Column("severity", "Ernst", "Severity", "severity", True, width=16),
    Column("likelihood", "Waarschijnlijkheid", "Likelihood", "likelihood", True, width=18),
    Column("source", "Bron", "Source", "text", False, width=28),
    Column(
        "country",
        "Land",
        "Country",
        "country",
        False,
        width=22,
        since=2,
        required_without="site_key",
    ),
    Column(
        "product",
        "Product of dienst",
        "Product or service",
        "text",
        False,
        width=30,
        since=2,
        required_without="site_key",
    ),
)

MEASURE_COLUMNS = (
    Column("measure_key", "Maatregel-ID", "Measure ID", "key", True, width=14),
    Column("risk_key", "Risico-ID", "Risk ID", "key", True, width=14),
    Column("description", "Omschrijving", "Description", "text", True, width=50),
    Column("owner", "Verantwoordelijke", "Owner", "text", True, width=22),
    Column("start", "Startdatum", "Start date", "date", False, width=14),
    Column("due", "Einddatum", "Due date", "date", True, width=14),
    Column("status", "Status", "Status", "status", True, width=16),
    Column("progress", "Voortgang (%)", "Progress (%)", "number", False, low=0, high=100, width=14),
    Column("evidence_name", "Bewijsstuk", "Evidence", "text", False, width=28),
)

INSTRUCTIONS = SheetLayout("instructions", "Toelichting", "Instructions")
SUPPLIER = SheetLayout("supplier", "Leverancier", "Supplier", SUPPLIER_FIELDS)
SITES = SheetLayout("sites", "Keten", "Supply chain", SITE_COLUMNS)
RISKS = SheetLayout("risks", "Risico's", "Risks", RISK_COLUMNS)
MEASURES = SheetLayout("measures", "Maatregelen", "Measures", MEASURE_COLUMNS)
LISTS = SheetLayout("lists", "Lijsten", "Lists")

SHEETS = (INSTRUCTIONS, SUPPLIER, SITES, RISKS, MEASURES, LISTS)
TABLES = (SITES, RISKS, MEASURES)

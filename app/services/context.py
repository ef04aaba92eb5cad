"""What every service call needs: the open database, who acts, the reference data."""

from __future__ import annotations

from dataclasses import dataclass, field

from app import locator, settings
from app.domain.countries import CountryTable
from app.domain.errors import ValidationError
from app.domain.messages import Catalog
from app.domain.reference import Reference
from app.persistence.attachments import AttachmentStore
from app.persistence.engine import Database, open_database


@dataclass
class Context:
    db: Database
    actor: str
    lang: str = "nl"
    reference: Reference = field(default_factory=locator.reference)
    countries: CountryTable = field(default_factory=locator.countries)
    catalog: Catalog = field(default_factory=locator.catalog)

    @property
    def store(self) -> AttachmentStore:
        return AttachmentStore(self.db.attachments_dir)

    def text(self, code: str, **params: object) -> str:
        return self.catalog.text(code, self.lang, **params)

    def country(self, value: str, field_name: str = "country") -> str:
        code = self.countries.normalise(value)
        if code is None:
            raise ValidationError("unknown_country", value=value, field=field_name)
        return code


def open_context(
    location: str | None = None, lang: str | None = None, actor: str | None = None
) -> Context:
    """Open the database (creating or upgrading it) and build a context for it.

    The first opening of a day also writes that day's automatic backup (see
    :func:`app.services.maintenance.daily_backup`)."""
    current = settings.load()
    db = open_database(location or settings.default_database(), current.attachments_dir)
    from app.services.maintenance import daily_backup_quietly

    daily_backup_quietly(db)
    return Context(db=db, actor=actor or settings.actor(current), lang=lang or current.language)

"""What every service call needs: the open database, who acts, the reference data."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from app import locator, settings
from app.domain.countries import CountryTable
from app.domain.errors import StorageError, ValidationError
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
    location: str | None = None,
    lang: str | None = None,
    actor: str | None = None,
    *,
    must_exist: bool = False,
) -> Context:
    """Open the database (creating or upgrading it) and build a context for it.

    The application's own folders are made first (on first use), so the default
    database in the data folder can be created. The first opening of a day also writes
    that day's automatic backup (see :func:`app.services.maintenance.daily_backup`).
    With ``must_exist`` (a database the window remembers) an SQLite file that is gone is
    named instead of quietly made again, empty."""
    if must_exist and location and database_gone(location):
        raise StorageError("database_gone", location=location)
    with contextlib.suppress(OSError):  # an unwritable home: opening names the folder
        settings.ensure_folders()
    current = settings.load()
    db = open_database(location or settings.default_database(), current.attachments_dir)
    from app.services.maintenance import daily_backup_quietly

    daily_backup_quietly(db)
    return Context(db=db, actor=actor or settings.actor(current), lang=lang or current.language)


def database_gone(location: str) -> bool:
    """Whether ``location`` is an SQLite file that no longer exists (opening it would
    quietly make a new, empty one in its place)."""
    return "://" not in location and not Path(location).expanduser().exists()

"""Engine, sessions and migrations: the one place that knows which database this is.

SQLite gets WAL, foreign keys, ``synchronous=FULL`` and a busy timeout here and nowhere
else; the rest of the code runs unchanged on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import StorageError
from app.persistence.models import AuditHead, Meta, new_uid, utcnow

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def database_url(location: str) -> str:
    """An SQLAlchemy URL for a path or a URL as the user gave it."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own implicit transactions are switched off: ``_on_sqlite_begin`` says
    # BEGIN itself, so a writing transaction can take the write lock at its start.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


WRITE = "isv_write"
"""Execution option of a writing transaction (set by :meth:`Database.begin`)."""


def _on_sqlite_begin(connection: Any) -> None:
    """A writing transaction takes SQLite's write lock at once (BEGIN IMMEDIATE), waiting
    up to the busy timeout; a deferred one that read first could not wait for it when
    another window had written meanwhile, and would fail instead."""
    immediate = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            folder = Path(database).parent
            if not folder.is_dir():
                raise StorageError("database_folder_missing", folder=str(folder))
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_path(engine: Engine) -> Path | None:
    if not is_sqlite(engine) or not engine.url.database or engine.url.database == ":memory:":
        return None
    return Path(engine.url.database)


@dataclass
class Database:
    """An open, migrated database with its attachment folder."""

    engine: Engine
    sessions: sessionmaker[Session]
    attachments_dir: Path
    location: str

    @property
    def place(self) -> str:
        """Where this database lives, as its audit anchor is kept (see
        :mod:`app.persistence.anchor`)."""
        from app.persistence.anchor import place_of

        return place_of(self.engine.url)

    @property
    def sqlite_file(self) -> Path | None:
        """The SQLite file of this database; None for a server database."""
        return sqlite_path(self.engine)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One writing transaction: commits on success, rolls back on any error.

        Writers take turns: on SQLite the transaction starts with the write lock, on
        PostgreSQL it first locks the audit head row. So a service's reads inside it see
        what every earlier writer committed, and the audit chain never forks. A writer
        that waits longer than the busy timeout gets ``database_in_use``.
        """
        from app.persistence import anchor

        try:
            with self.sessions.begin() as session:
                if is_sqlite(self.engine):
                    session.connection(execution_options={WRITE: True})
                elif self.engine.dialect.name == "postgresql":
                    session.execute(text(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}"))
                    session.execute(select(AuditHead.id).where(AuditHead.id == 1).with_for_update())
                yield session
                head = anchor.head_of(session)
                installation = (
                    session.scalar(select(Meta.value).where(Meta.key == "installation_id")) or ""
                )
                advance = bool(head.seq) and anchor.may_advance(session, installation, self.place)
        except OperationalError as exc:
            raise storage_error(exc, self.location) from exc
        # committed: the head is anchored outside the database (a failure to write it
        # leaves the older anchor, which the chain still extends)
        try:
            if advance:
                anchor.record(installation, self.place, head)
        except OSError:
            log.warning("the audit anchor could not be written", exc_info=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; never commits."""
        session = self.sessions()
        try:
            yield session
        except OperationalError as exc:
            raise storage_error(exc, self.location) from exc
        finally:
            session.rollback()
            session.close()

    def installation_id(self) -> str:
        with self.read() as session:
            return session.scalar(select(Meta.value).where(Meta.key == "installation_id")) or ""

    def dispose(self) -> None:
        self.engine.dispose()


def storage_error(exc: DBAPIError, location: str) -> StorageError:
    message = str(exc.orig) if exc.orig is not None else str(exc)
    if "locked" in message or "busy" in message or "lock timeout" in message:
        return StorageError("database_in_use")
    return StorageError("database_unavailable", location=location, problem=message.strip())


def attachments_dir_for(engine: Engine, configured: str = "") -> Path:
    """Beside an SQLite file ``x.sqlite`` lives ``x.attachments/``; a server database
    uses the shared folder from the settings (or one in the data folder)."""
    path = sqlite_path(engine)
    if path is not None:
        return path.with_name(path.stem + ".attachments")
    if configured:
        return Path(configured)
    from app.settings import data_dir

    return data_dir() / "server-attachments"


# ---------------------------------------------------------------------------------------
# Migrations
# ---------------------------------------------------------------------------------------


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    from app.locator import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["engine"] = engine
    return config


def head_revision(engine: Engine) -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(engine))
    head = script.get_current_head()
    assert head is not None
    return head


def known_revisions() -> frozenset[str]:
    """Every schema revision this version of the application knows."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from app.locator import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return frozenset(r.revision for r in ScriptDirectory.from_config(config).walk_revisions())


def newest_revision() -> str | None:
    """The revision of the newest migration script, read from its file without loading
    alembic: the chain is linear and its files are numbered in order (a test holds this
    against alembic's own head)."""
    import re

    from app.locator import migrations_dir

    files = sorted((migrations_dir() / "versions").glob("[0-9]*.py"))
    if not files:
        return None
    found = re.search(
        r"^revision\b[^=]*=\s*['\"]([^'\"]+)['\"]", files[-1].read_text("utf-8"), re.M
    )
    return found.group(1) if found else None


def current_revision(engine: Engine) -> str | None:
    return _schema_state(engine)[0]


def _schema_state(engine: Engine) -> tuple[str | None, bool]:
    """The schema revision and whether the database has any table, read in one
    transaction: another window may be creating the schema meanwhile, and two separate
    reads could see "no revision" before its commit and "tables" after it."""
    with engine.connect() as connection, connection.begin():
        tables = inspect(connection).get_table_names()
        if "alembic_version" not in tables:
            return None, not tables
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return revision, False


def sqlite_copy(source_path: Path, target_path: Path, timeout: float = 30) -> None:
    """A consistent copy of an SQLite file through SQLite's online backup API (safe while
    other connections read and write)."""
    source = sqlite3.connect(str(source_path), timeout=timeout)
    try:
        copy = sqlite3.connect(str(target_path))
        with copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()


def backup_copy_before_migration(engine: Engine, revision: str | None) -> Path | None:
    """A consistent copy of an SQLite file beside it before its schema is changed."""
    path = sqlite_path(engine)
    if path is None or not path.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision or 'none'}-{stamp}.sqlite")
    # Written under temporary names and renamed when complete: a crash never leaves a
    # half copy under the final name. The names are the process's own, so two windows
    # upgrading the same file in the same second never write into each other's copy.
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    sqlite_copy(path, partial)
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    attachments = attachments_dir_for(engine)
    if attachments.is_dir():
        folder = target.with_suffix(".attachments")
        partial_folder = folder.with_name(f"{folder.name}.{os.getpid()}.partial")
        shutil.rmtree(partial_folder, ignore_errors=True)
        shutil.copytree(attachments, partial_folder)
        partial_folder.replace(folder)
    partial.replace(target)
    log.info("backup before migration written to %s", target)
    return target


def migrate(engine: Engine) -> Path | None:
    """Bring the schema to the newest revision. An older, non-empty database is copied
    first; a database from a newer version of the application is refused. A database
    already at the newest revision is left without loading alembic at all."""
    current, empty = _schema_state(engine)
    if current is not None and current == newest_revision():
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    # The migration's transaction takes the write lock at its start: a second window
    # opening the same new file waits for the first one's migration, then finds it done.
    config = _alembic_config(engine.execution_options(**{WRITE: True}))
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    if current == head:
        return None
    if current is not None:
        try:
            known = script.get_revision(current) is not None
        except Exception:  # alembic raises its CommandError for a revision it cannot locate
            known = False
        if not known:
            raise StorageError("database_newer", revision=current)
    backup = None
    if not empty:
        backup = backup_copy_before_migration(engine, current)
    command.upgrade(config, "head")
    return backup


def _ensure_meta(sessions: sessionmaker[Session]) -> None:
    session = sessions()
    try:  # usually all there: opening then writes nothing and waits for nobody
        if (
            session.get(Meta, "installation_id") is not None
            and session.get(AuditHead, 1) is not None
        ):
            return
    finally:
        session.rollback()
        session.close()
    with sessions.begin() as session:
        if session.get_bind().dialect.name == "sqlite":
            session.connection(execution_options={WRITE: True})
        if session.get(Meta, "installation_id") is None:
            session.add(Meta(key="installation_id", value=new_uid()))
            session.add(Meta(key="created_at", value=utcnow().isoformat()))
        if session.get(AuditHead, 1) is None:
            session.add(AuditHead(id=1, seq=0, hash="0" * 64))


def open_database(location: str, attachments: str = "", *, upgrade: bool = True) -> Database:
    """Open (and create or upgrade) the database at ``location``: a path or a URL.

    Raises :class:`StorageError` when it cannot be opened or written.
    """
    url = database_url(location)
    try:
        engine = make_engine(url)
        if upgrade:
            migrate(engine)
        sessions = sessionmaker(engine, expire_on_commit=False)
        _ensure_meta(sessions)
    except StorageError:
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        problem = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        if "locked" in problem or "busy" in problem:
            raise StorageError("database_in_use") from exc
        raise StorageError("database_unavailable", location=location, problem=problem) from exc
    except OSError as exc:
        raise StorageError(
            "database_unavailable", location=location, problem=exc.strerror or str(exc)
        ) from exc
    folder = attachments_dir_for(engine, attachments)
    return Database(engine, sessions, folder, location)


def reset_sequences(session: Session, tables: list[str]) -> None:
    """After rows were inserted with explicit ids: move PostgreSQL's id sequences past
    them (SQLite needs nothing: it takes the next id from the table itself)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )

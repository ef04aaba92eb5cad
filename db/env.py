"""Alembic environment: migrations run on the engine the application hands over.

``render_as_batch`` lets SQLite alter tables by copying them; PostgreSQL ignores it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from app.persistence.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        # One transaction for all the revisions a database needs, on SQLite too (its DDL
        # is transactional; alembic would otherwise commit each revision on its own).
        # The transaction takes the write lock at its start (the engine's WRITE option),
        # and the revision is read inside it: a second window opening the same file
        # waits, then finds every revision done, and none is ever half applied.
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
            transactional_ddl=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

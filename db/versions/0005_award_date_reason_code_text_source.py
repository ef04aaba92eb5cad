"""tender: award date, reason code for not applying the ISV, which ISV text was used

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 20:40:00

Three nullable columns on ``tender`` and an index on the award date (the yearly report
counts awarded tenders by award year). Existing rows keep every value; their award date,
reason code and text source are unknown (NULL) and the report names them as such.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tender') as batch:
        batch.add_column(sa.Column('awarded', sa.Date(), nullable=True))
        batch.add_column(sa.Column('not_applied_code', sa.String(length=40), nullable=True))
        batch.add_column(sa.Column('text_source', sa.String(length=20), nullable=True))
    op.create_index('ix_tender_awarded', 'tender', ['awarded'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_tender_awarded', table_name='tender')
    with op.batch_alter_table('tender') as batch:
        batch.drop_column('text_source')
        batch.drop_column('not_applied_code')
        batch.drop_column('awarded')

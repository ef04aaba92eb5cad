"""submission: grievance mechanism and stakeholders; risk: country and product

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 22:40:00

The supplier workbook version 2 (spec/supplier-workbook.md): whether the supplier has a
grievance mechanism, how it works and which stakeholders were consulted (three nullable
columns on ``submission``), and the country and product of a risk (two nullable columns
on ``risk``: required in the workbook for a risk without a site). Existing rows keep
every value; the new ones are unknown (NULL), as a version 1 workbook leaves them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('submission') as batch:
        batch.add_column(sa.Column('grievance_mechanism', sa.String(length=20), nullable=True))
        batch.add_column(sa.Column('grievance_description', sa.Text(), nullable=True))
        batch.add_column(sa.Column('stakeholders', sa.Text(), nullable=True))
    with op.batch_alter_table('risk') as batch:
        batch.add_column(sa.Column('country', sa.String(length=2), nullable=True))
        batch.add_column(sa.Column('product', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('risk') as batch:
        batch.drop_column('product')
        batch.drop_column('country')
    with op.batch_alter_table('submission') as batch:
        batch.drop_column('stakeholders')
        batch.drop_column('grievance_description')
        batch.drop_column('grievance_mechanism')

"""contract: the risk analysis's own term (months after the start)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 22:55:00

One nullable column on ``contract``. Existing rows keep every value; their risk analysis
stays due with the plan of action (NULL: the plan's ``plan_months``), as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('contract') as batch:
        batch.add_column(sa.Column('risk_months', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('contract') as batch:
        batch.drop_column('risk_months')

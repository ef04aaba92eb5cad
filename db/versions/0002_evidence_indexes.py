"""evidence indexes for the dossier: received date beside contract and type; corrections

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 18:20:00

Every contract's documents are summed up for the dashboard from the index on (contract,
type); with the received date in it as well, that is done from the index alone. The
documents a correction supersedes are looked up along a partial index of the few rows
that supersede another. No rows change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_CORRECTIONS = sa.text("supersedes_id IS NOT NULL")


def upgrade() -> None:
    op.drop_index('ix_evidence_contract_type', table_name='evidence')
    op.create_index('ix_evidence_contract_type_received', 'evidence',
                    ['contract_id', 'type', 'received_on'], unique=False)
    op.create_index('ix_evidence_supersedes', 'evidence', ['supersedes_id'], unique=False,
                    sqlite_where=_CORRECTIONS, postgresql_where=_CORRECTIONS)


def downgrade() -> None:
    op.drop_index('ix_evidence_supersedes', table_name='evidence')
    op.drop_index('ix_evidence_contract_type_received', table_name='evidence')
    op.create_index('ix_evidence_contract_type', 'evidence', ['contract_id', 'type'],
                    unique=False)

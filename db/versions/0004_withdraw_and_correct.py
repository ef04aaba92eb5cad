"""records that can be withdrawn and corrected: withdrawn marker, versions, audit reason

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 19:55:00

Tenders, contracts, evidence, assessments, signals and escalation steps get
``withdrawn_at`` and ``withdrawn_reason`` (a record is never deleted; a withdrawn one
leaves the figures). Evidence, assessments and escalation steps get the ``version``
the other edited records already have (every existing row starts at 1), so a correction
made in a stale window is refused. Audit entries get ``reason``: why a record was
corrected or withdrawn (covered by the entry's hash when present). Existing rows keep
every value; their newest audit entries predate the new columns, which ``verify``
reads as the values given here (no withdrawal, version 1).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_WITHDRAWABLE = ('tender', 'contract', 'evidence', 'assessment', 'signal', 'escalation_step')
_NEWLY_VERSIONED = ('evidence', 'assessment', 'escalation_step')


def upgrade() -> None:
    for table in _WITHDRAWABLE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(), nullable=True))
            batch_op.add_column(sa.Column('withdrawn_reason', sa.Text(), nullable=True))
            if table in _NEWLY_VERSIONED:
                batch_op.add_column(
                    sa.Column('version', sa.Integer(), server_default='1', nullable=False)
                )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason', sa.Text(), nullable=True))
    # the dossier sums up each contract's documents that are not withdrawn from the index
    op.drop_index('ix_evidence_contract_type_received', table_name='evidence')
    op.create_index('ix_evidence_contract_type_received', 'evidence',
                    ['contract_id', 'type', 'received_on', 'withdrawn_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_evidence_contract_type_received', table_name='evidence')
    op.create_index('ix_evidence_contract_type_received', 'evidence',
                    ['contract_id', 'type', 'received_on'], unique=False)
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_column('reason')
    for table in _WITHDRAWABLE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table in _NEWLY_VERSIONED:
                batch_op.drop_column('version')
            batch_op.drop_column('withdrawn_reason')
            batch_op.drop_column('withdrawn_at')

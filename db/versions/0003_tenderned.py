"""TenderNed notices for review, tenders' CPV codes, the buyer's CPV → category choices

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 20:10:00

Three new tables, no existing row changes: ``tender_cpv`` (a tender's CPV codes, the main
code first), ``tenderned_notice`` (one procedure read from TenderNed's open data, kept for
review, adopted or dismissed) and ``cpv_choice`` (the category the buyer chose for a CPV
code, remembered for the next import).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tender_cpv',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tender_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['tender_id'], ['tender.id'], name=op.f('fk_tender_cpv_tender_id_tender')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tender_cpv')),
    sa.UniqueConstraint('tender_id', 'position', name=op.f('uq_tender_cpv_tender_id_position'))
    )
    op.create_index('ix_tender_cpv_code', 'tender_cpv', ['code'], unique=False)
    op.create_table('tenderned_notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ocid', sa.String(length=100), nullable=False),
    sa.Column('publication_ids', sa.Text(), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('buyer_name', sa.String(length=300), nullable=False),
    sa.Column('buyer_id', sa.String(length=100), nullable=True),
    sa.Column('cpv', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=True),
    sa.Column('estimated_cents', sa.BigInteger(), nullable=True),
    sa.Column('awarded_cents', sa.BigInteger(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('award_date', sa.Date(), nullable=True),
    sa.Column('winner_name', sa.String(length=300), nullable=True),
    sa.Column('winner_kvk', sa.String(length=8), nullable=True),
    sa.Column('winner_country', sa.String(length=100), nullable=True),
    sa.Column('contract_start', sa.Date(), nullable=True),
    sa.Column('contract_end', sa.Date(), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('tender_id', sa.Integer(), nullable=True),
    sa.Column('first_seen_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tender_id'], ['tender.id'], name=op.f('fk_tenderned_notice_tender_id_tender')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenderned_notice')),
    sa.UniqueConstraint('ocid', name=op.f('uq_tenderned_notice_ocid')),
    sa.UniqueConstraint('uid', name=op.f('uq_tenderned_notice_uid'))
    )
    op.create_index('ix_tenderned_notice_status', 'tenderned_notice', ['status', 'published'], unique=False)
    op.create_index('ix_tenderned_notice_tender', 'tenderned_notice', ['tender_id'], unique=False)
    op.create_table('cpv_choice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('category_code', sa.String(length=60), nullable=False),
    sa.Column('chosen_by', sa.String(length=200), nullable=False),
    sa.Column('chosen_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpv_choice')),
    sa.UniqueConstraint('code', name=op.f('uq_cpv_choice_code'))
    )


def downgrade() -> None:
    op.drop_table('cpv_choice')
    op.drop_index('ix_tenderned_notice_tender', table_name='tenderned_notice')
    op.drop_index('ix_tenderned_notice_status', table_name='tenderned_notice')
    op.drop_table('tenderned_notice')
    op.drop_index('ix_tender_cpv_code', table_name='tender_cpv')
    op.drop_table('tender_cpv')

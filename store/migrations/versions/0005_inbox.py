"""the Inbox: conversations a person reads, and what the exchange read in each text

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from store.types import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inboxthread",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("opened_at", UTCDateTime(), nullable=False),
        sa.Column("last_text_at", UTCDateTime(), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.Column("answered_by", sa.Integer(), nullable=True),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["answered_by"], ["operator.id"], name=op.f("fk_inboxthread_answered_by_operator")
        ),
        sa.ForeignKeyConstraint(
            ["market_id"], ["market.id"], name=op.f("fk_inboxthread_market_id_market")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_inboxthread_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inboxthread")),
    )
    for column in ("phone", "worker_id", "market_id", "status", "due_at"):
        op.create_index(op.f(f"ix_inboxthread_{column}"), "inboxthread", [column])
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reading", sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f("ix_message_thread_id"), ["thread_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_message_thread_id_inboxthread"), "inboxthread", ["thread_id"], ["id"]
        )
    with op.batch_alter_table("market", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("inbox_answer_hours", sa.Integer(), nullable=False, server_default="4")
        )


def downgrade() -> None:
    with op.batch_alter_table("market", schema=None) as batch_op:
        batch_op.drop_column("inbox_answer_hours")
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_message_thread_id_inboxthread"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_message_thread_id"))
        batch_op.drop_column("reading")
        batch_op.drop_column("thread_id")
    for column in ("phone", "worker_id", "market_id", "status", "due_at"):
        op.drop_index(op.f(f"ix_inboxthread_{column}"), table_name="inboxthread")
    op.drop_table("inboxthread")

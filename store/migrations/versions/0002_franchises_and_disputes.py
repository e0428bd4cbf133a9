"""franchises and disputes

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 12:59:41.053125
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "concession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("markup_ceiling_bp", sa.Integer(), nullable=False),
        sa.Column("booking_cap_minor", sa.Integer(), nullable=False),
        sa.Column("share_cap_bp", sa.Integer(), nullable=False),
        sa.Column("share_window_days", sa.Integer(), nullable=False),
        sa.Column("point_life_days", sa.Integer(), nullable=False),
        sa.Column("points_to_suspend", sa.Integer(), nullable=False),
        sa.Column("escalate_after_hours", sa.Integer(), nullable=False),
        sa.Column("appeal_days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concession")),
    )
    op.create_table(
        "franchise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["franchisee_id"], ["operator.id"], name=op.f("fk_franchise_franchisee_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_franchise")),
        sa.UniqueConstraint("name", name=op.f("uq_franchise_name")),
    )
    with op.batch_alter_table("franchise", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_franchise_franchisee_id"), ["franchisee_id"], unique=False
        )

    op.create_table(
        "shareflag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("sector", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("share_bp", sa.Integer(), nullable=False),
        sa.Column("cap_bp", sa.Integer(), nullable=False),
        sa.Column("franchisee_minutes", sa.Integer(), nullable=False),
        sa.Column("sector_minutes", sa.Integer(), nullable=False),
        sa.Column("divest_minutes", sa.Integer(), nullable=False),
        sa.Column("window_start", store.types.UTCDateTime(), nullable=False),
        sa.Column("window_end", store.types.UTCDateTime(), nullable=False),
        sa.Column("measured_at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["franchisee_id"], ["operator.id"], name=op.f("fk_shareflag_franchisee_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shareflag")),
        sa.UniqueConstraint("franchisee_id", "sector", "period", name="uq_shareflag_measure"),
    )
    with op.batch_alter_table("shareflag", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shareflag_franchisee_id"), ["franchisee_id"], unique=False
        )

    op.create_table(
        "markettransfer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("from_franchise_id", sa.Integer(), nullable=True),
        sa.Column("to_franchise_id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_franchise_id"],
            ["franchise.id"],
            name=op.f("fk_markettransfer_from_franchise_id_franchise"),
        ),
        sa.ForeignKeyConstraint(
            ["market_id"], ["market.id"], name=op.f("fk_markettransfer_market_id_market")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_markettransfer_operator_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["to_franchise_id"],
            ["franchise.id"],
            name=op.f("fk_markettransfer_to_franchise_id_franchise"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_markettransfer")),
    )
    with op.batch_alter_table("markettransfer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_markettransfer_market_id"), ["market_id"], unique=False
        )

    op.create_table(
        "dispute",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("timesheet_id", sa.Integer(), nullable=True),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("buyer_id", sa.Integer(), nullable=False),
        sa.Column("opened_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("opened_by_operator_id", sa.Integer(), nullable=True),
        sa.Column("category", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("claim_minor", sa.Integer(), nullable=True),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("opened_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("touched_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("due_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("escalated_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("decided_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("appeal_until", store.types.UTCDateTime(), nullable=True),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["booking.id"], name=op.f("fk_dispute_booking_id_booking")
        ),
        sa.ForeignKeyConstraint(["buyer_id"], ["buyer.id"], name=op.f("fk_dispute_buyer_id_buyer")),
        sa.ForeignKeyConstraint(
            ["market_id"], ["market.id"], name=op.f("fk_dispute_market_id_market")
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_operator_id"],
            ["operator.id"],
            name=op.f("fk_dispute_opened_by_operator_id_operator"),
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["operator.id"], name=op.f("fk_dispute_reviewer_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["timesheet_id"], ["timesheet.id"], name=op.f("fk_dispute_timesheet_id_timesheet")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_dispute_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispute")),
        sa.UniqueConstraint("ref", name=op.f("uq_dispute_ref")),
    )
    with op.batch_alter_table("dispute", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dispute_booking_id"), ["booking_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dispute_buyer_id"), ["buyer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dispute_due_at"), ["due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_dispute_market_id"), ["market_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dispute_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_dispute_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "disputedecision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dispute_id", sa.Integer(), nullable=False),
        sa.Column("stage", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("at_fault", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispute_id"], ["dispute.id"], name=op.f("fk_disputedecision_dispute_id_dispute")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_disputedecision_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disputedecision")),
    )
    with op.batch_alter_table("disputedecision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disputedecision_dispute_id"), ["dispute_id"], unique=False
        )

    op.create_table(
        "disputeevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dispute_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("party", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("body", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispute_id"], ["dispute.id"], name=op.f("fk_disputeevent_dispute_id_dispute")
        ),
        sa.ForeignKeyConstraint(
            ["message_id"], ["message.id"], name=op.f("fk_disputeevent_message_id_message")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_disputeevent_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disputeevent")),
    )
    with op.batch_alter_table("disputeevent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disputeevent_dispute_id"), ["dispute_id"], unique=False
        )

    op.create_table(
        "penaltypoint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("buyer_id", sa.Integer(), nullable=True),
        sa.Column("dispute_id", sa.Integer(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("given_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("expires_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("withdrawn_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["buyer_id"], ["buyer.id"], name=op.f("fk_penaltypoint_buyer_id_buyer")
        ),
        sa.ForeignKeyConstraint(
            ["dispute_id"], ["dispute.id"], name=op.f("fk_penaltypoint_dispute_id_dispute")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_penaltypoint_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_penaltypoint")),
    )
    with op.batch_alter_table("penaltypoint", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_penaltypoint_buyer_id"), ["buyer_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_penaltypoint_dispute_id"), ["dispute_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_penaltypoint_worker_id"), ["worker_id"], unique=False)

    with op.batch_alter_table("buyer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("suspended_at", store.types.UTCDateTime(), nullable=True))

    with op.batch_alter_table("market", schema=None) as batch_op:
        batch_op.add_column(sa.Column("franchise_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_market_franchise_id"), ["franchise_id"], unique=False)
        batch_op.drop_constraint(batch_op.f("fk_market_franchisee_id_operator"), type_="foreignkey")
        batch_op.create_foreign_key(
            batch_op.f("fk_market_franchise_id_franchise"), "franchise", ["franchise_id"], ["id"]
        )

    # Each franchisee who held markets directly now holds them through a franchise of their own.
    op.execute(
        "INSERT INTO franchise (name, franchisee_id) SELECT DISTINCT operator.name, operator.id "
        "FROM market JOIN operator ON operator.id = market.franchisee_id"
    )
    op.execute(
        "UPDATE market SET franchise_id = (SELECT franchise.id FROM franchise "
        "WHERE franchise.franchisee_id = market.franchisee_id)"
    )
    with op.batch_alter_table("market", schema=None) as batch_op:
        batch_op.drop_column("franchisee_id")

    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.add_column(sa.Column("suspended_at", store.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.drop_column("suspended_at")

    with op.batch_alter_table("market", schema=None) as batch_op:
        batch_op.add_column(sa.Column("franchisee_id", sa.INTEGER(), nullable=True))
        batch_op.drop_constraint(batch_op.f("fk_market_franchise_id_franchise"), type_="foreignkey")
        batch_op.create_foreign_key(
            batch_op.f("fk_market_franchisee_id_operator"), "operator", ["franchisee_id"], ["id"]
        )
        batch_op.drop_index(batch_op.f("ix_market_franchise_id"))
        batch_op.drop_column("franchise_id")

    with op.batch_alter_table("buyer", schema=None) as batch_op:
        batch_op.drop_column("suspended_at")

    with op.batch_alter_table("penaltypoint", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_penaltypoint_worker_id"))
        batch_op.drop_index(batch_op.f("ix_penaltypoint_dispute_id"))
        batch_op.drop_index(batch_op.f("ix_penaltypoint_buyer_id"))

    op.drop_table("penaltypoint")
    with op.batch_alter_table("disputeevent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disputeevent_dispute_id"))

    op.drop_table("disputeevent")
    with op.batch_alter_table("disputedecision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disputedecision_dispute_id"))

    op.drop_table("disputedecision")
    with op.batch_alter_table("dispute", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dispute_worker_id"))
        batch_op.drop_index(batch_op.f("ix_dispute_status"))
        batch_op.drop_index(batch_op.f("ix_dispute_market_id"))
        batch_op.drop_index(batch_op.f("ix_dispute_due_at"))
        batch_op.drop_index(batch_op.f("ix_dispute_buyer_id"))
        batch_op.drop_index(batch_op.f("ix_dispute_booking_id"))

    op.drop_table("dispute")
    with op.batch_alter_table("markettransfer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_markettransfer_market_id"))

    op.drop_table("markettransfer")
    with op.batch_alter_table("shareflag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shareflag_franchisee_id"))

    op.drop_table("shareflag")
    with op.batch_alter_table("franchise", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_franchise_franchisee_id"))

    op.drop_table("franchise")
    op.drop_table("concession")

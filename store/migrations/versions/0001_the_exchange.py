"""the exchange

Revision ID: 0001
Revises:
Create Date: 2026-11-26 17:33:59.764632
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "auditentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("detail_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("prev_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auditentry")),
        sa.UniqueConstraint("seq", name=op.f("uq_auditentry_seq")),
    )
    op.create_table(
        "conversation",
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("step", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", store.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("phone", name=op.f("pk_conversation")),
    )
    op.create_table(
        "databaselabel",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("set_at", store.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_databaselabel")),
    )
    op.create_table(
        "labourrule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_set", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("authority", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("age_from", sa.Integer(), nullable=True),
        sa.Column("age_to", sa.Integer(), nullable=True),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("period_days", sa.Integer(), nullable=True),
        sa.Column("rolling", sa.Boolean(), nullable=False),
        sa.Column("over_minutes", sa.Integer(), nullable=True),
        sa.Column("night_from", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("night_to", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("opt_out", sa.Boolean(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("law", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("withdrawn_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_labourrule")),
    )
    with op.batch_alter_table("labourrule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_labourrule_rule_set"), ["rule_set"], unique=False)

    op.create_table(
        "operator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator")),
        sa.UniqueConstraint("username", name=op.f("uq_operator_username")),
    )
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_operator_phone"), ["phone"], unique=False)

    op.create_table(
        "publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.Column("version", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("first_week", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("last_week", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("cells", sa.Integer(), nullable=False),
        sa.Column("suppressed", sa.Integer(), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("audit_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication")),
    )
    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_publication_at"), ["at"], unique=False)

    op.create_table(
        "signin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signin")),
    )
    with op.batch_alter_table("signin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signin_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_signin_username"), ["username"], unique=False)

    op.create_table(
        "market",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sector", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("area", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("tz", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phone_number", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("franchisee_id", sa.Integer(), nullable=True),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("markup_bp", sa.Integer(), nullable=False),
        sa.Column("franchisee_share_bp", sa.Integer(), nullable=False),
        sa.Column("booking_cap_minor", sa.Integer(), nullable=False),
        sa.Column("offer_window_minutes", sa.Integer(), nullable=False),
        sa.Column("wave_factor", sa.Integer(), nullable=False),
        sa.Column("ranking_rule", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("quiet_start", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("quiet_end", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("daily_text_cap", sa.Integer(), nullable=False),
        sa.Column("reminder_evening", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reminder_before_minutes", sa.Integer(), nullable=False),
        sa.Column("checkin_grace_minutes", sa.Integer(), nullable=False),
        sa.Column("timesheet_auto_confirm_hours", sa.Integer(), nullable=False),
        sa.Column("cancellation_notice_minutes", sa.Integer(), nullable=False),
        sa.Column("cancellation_pay_minutes", sa.Integer(), nullable=False),
        sa.Column("rule_set", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("requires_right_to_work", sa.Boolean(), nullable=False),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["franchisee_id"], ["operator.id"], name=op.f("fk_market_franchisee_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_market")),
        sa.UniqueConstraint("name", name=op.f("uq_market_name")),
    )
    op.create_table(
        "rulechange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_rulechange_operator_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["labourrule.id"], name=op.f("fk_rulechange_rule_id_labourrule")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rulechange")),
    )
    with op.batch_alter_table("rulechange", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rulechange_rule_id"), ["rule_id"], unique=False)

    op.create_table(
        "buyer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("contact_name", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("default_postcode", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("default_place", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["market_id"], ["market.id"], name=op.f("fk_buyer_market_id_market")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buyer")),
        sa.UniqueConstraint("name", name=op.f("uq_buyer_name")),
    )
    with op.batch_alter_table("buyer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_buyer_market_id"), ["market_id"], unique=False)

    op.create_table(
        "settingchange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("old_value", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("new_value", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["market_id"], ["market.id"], name=op.f("fk_settingchange_market_id_market")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_settingchange_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settingchange")),
    )
    with op.batch_alter_table("settingchange", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_settingchange_market_id"), ["market_id"], unique=False)

    op.create_table(
        "worker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("market_id", sa.Integer(), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("postcode", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("zip", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("travel_areas", sa.JSON(), nullable=False),
        sa.Column("asking_rate_minor", sa.Integer(), nullable=True),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("min_shift_minutes", sa.Integer(), nullable=False),
        sa.Column("notice_minutes", sa.Integer(), nullable=False),
        sa.Column("tax_percent", sa.Integer(), nullable=False),
        sa.Column("opted_out", sa.Boolean(), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("week_opt_out_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("week_opt_out_ends_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("last_booked_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["market_id"], ["market.id"], name=op.f("fk_worker_market_id_market")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worker")),
        sa.UniqueConstraint("phone", name=op.f("uq_worker_phone")),
    )
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_worker_name"), ["name"], unique=False)

    op.create_table(
        "availabilitypattern",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("days", sa.JSON(), nullable=False),
        sa.Column("start_time", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("end_time", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("made_until", store.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_availabilitypattern_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_availabilitypattern")),
    )
    with op.batch_alter_table("availabilitypattern", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_availabilitypattern_worker_id"), ["worker_id"], unique=False
        )

    op.create_table(
        "credentialcheck",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("credential", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("ref", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.Column("asked_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("consented_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("checked_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("result", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("expires_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["requested_by"], ["operator.id"], name=op.f("fk_credentialcheck_requested_by_operator")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_credentialcheck_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credentialcheck")),
    )
    with op.batch_alter_table("credentialcheck", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_credentialcheck_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_credentialcheck_worker_id"), ["worker_id"], unique=False
        )

    op.create_table(
        "dataaccess",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_dataaccess_operator_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_dataaccess_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataaccess")),
    )
    with op.batch_alter_table("dataaccess", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dataaccess_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_dataaccess_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("buyer_id", sa.Integer(), nullable=True),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("sent_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["buyer_id"], ["buyer.id"], name=op.f("fk_notice_buyer_id_buyer")),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_notice_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
    )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notice_next_attempt_at"), ["next_attempt_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_notice_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_notice_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "rateraise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("old_rate_minor", sa.Integer(), nullable=False),
        sa.Column("new_rate_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("asked_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("answered_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_rateraise_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rateraise")),
    )
    with op.batch_alter_table("rateraise", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rateraise_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("market_id", sa.Integer(), nullable=False),
        sa.Column("buyer_id", sa.Integer(), nullable=False),
        sa.Column("skill", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("postcode", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("start", store.types.UTCDateTime(), nullable=False),
        sa.Column("end", store.types.UTCDateTime(), nullable=False),
        sa.Column("slots", sa.Integer(), nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.Column("max_rate_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("credentials", sa.JSON(), nullable=False),
        sa.Column("break_minutes", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("cancel_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("posted_by", sa.Integer(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["buyer_id"], ["buyer.id"], name=op.f("fk_shift_buyer_id_buyer")),
        sa.ForeignKeyConstraint(
            ["market_id"], ["market.id"], name=op.f("fk_shift_market_id_market")
        ),
        sa.ForeignKeyConstraint(
            ["posted_by"], ["operator.id"], name=op.f("fk_shift_posted_by_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift")),
        sa.UniqueConstraint("ref", name=op.f("uq_shift_ref")),
    )
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shift_buyer_id"), ["buyer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_shift_market_id"), ["market_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_shift_start"), ["start"], unique=False)
        batch_op.create_index(batch_op.f("ix_shift_status"), ["status"], unique=False)

    op.create_table(
        "termschange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("old_value", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("new_value", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("changed_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_termschange_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_termschange")),
    )
    with op.batch_alter_table("termschange", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_termschange_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "workercredential",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("credential", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("verified_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("expires_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_workercredential_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workercredential")),
    )
    with op.batch_alter_table("workercredential", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_workercredential_worker_id"), ["worker_id"], unique=False
        )

    op.create_table(
        "workerskill",
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("skill", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_workerskill_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("worker_id", "skill", name=op.f("pk_workerskill")),
    )
    with op.batch_alter_table("workerskill", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workerskill_skill"), ["skill"], unique=False)

    op.create_table(
        "availabilitywindow",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("start", store.types.UTCDateTime(), nullable=False),
        sa.Column("end", store.types.UTCDateTime(), nullable=False),
        sa.Column("pattern_id", sa.Integer(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["pattern_id"],
            ["availabilitypattern.id"],
            name=op.f("fk_availabilitywindow_pattern_id_availabilitypattern"),
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_availabilitywindow_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_availabilitywindow")),
    )
    with op.batch_alter_table("availabilitywindow", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_availabilitywindow_end"), ["end"], unique=False)
        batch_op.create_index(batch_op.f("ix_availabilitywindow_start"), ["start"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_availabilitywindow_worker_id"), ["worker_id"], unique=False
        )

    op.create_table(
        "message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("exchange_phone", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("body", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("provider_sid", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("error_code", sa.Integer(), nullable=True),
        sa.Column("segments", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("processed_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("status_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_message_notice_id_notice")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_message_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message")),
        sa.UniqueConstraint("provider_sid", name=op.f("uq_message_provider_sid")),
    )
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_message_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_message_phone"), ["phone"], unique=False)
        batch_op.create_index(batch_op.f("ix_message_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("ref", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("expires_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("answered_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.id"], name=op.f("fk_offer_shift_id_shift")),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_offer_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer")),
        sa.UniqueConstraint("shift_id", "worker_id", name="uq_offer_shift_worker"),
    )
    with op.batch_alter_table("offer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offer_shift_id"), ["shift_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_offer_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_offer_worker_id"), ["worker_id"], unique=False)
        batch_op.create_index(
            "uq_offer_live_ref",
            ["worker_id", "ref"],
            unique=True,
            sqlite_where=sa.text("status = 'live'"),
            postgresql_where=sa.text("status = 'live'"),
        )

    op.create_table(
        "offerskip",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shift.id"], name=op.f("fk_offerskip_shift_id_shift")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_offerskip_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offerskip")),
        sa.UniqueConstraint("shift_id", "worker_id", name="uq_offerskip_shift_worker"),
    )
    with op.batch_alter_table("offerskip", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offerskip_shift_id"), ["shift_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_offerskip_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "booking",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("rate_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("ended_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("checked_in_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("checked_out_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("late_minutes", sa.Integer(), nullable=True),
        sa.Column("arrived", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(["offer_id"], ["offer.id"], name=op.f("fk_booking_offer_id_offer")),
        sa.ForeignKeyConstraint(["shift_id"], ["shift.id"], name=op.f("fk_booking_shift_id_shift")),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_booking_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking")),
    )
    with op.batch_alter_table("booking", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_booking_shift_id"), ["shift_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_booking_worker_id"), ["worker_id"], unique=False)
        batch_op.create_index(
            "uq_booking_live",
            ["shift_id", "worker_id"],
            unique=True,
            sqlite_where=sa.text("status = 'booked'"),
            postgresql_where=sa.text("status = 'booked'"),
        )

    op.create_table(
        "ledgerentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("txn", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("account", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["booking.id"], name=op.f("fk_ledgerentry_booking_id_booking")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_ledgerentry_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledgerentry")),
    )
    with op.batch_alter_table("ledgerentry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ledgerentry_account"), ["account"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledgerentry_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledgerentry_booking_id"), ["booking_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledgerentry_txn"), ["txn"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledgerentry_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "timesheet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("ref", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("worker_minutes", sa.Integer(), nullable=False),
        sa.Column("buyer_minutes", sa.Integer(), nullable=True),
        sa.Column("break_minutes", sa.Integer(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("submitted_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("decided_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("settled_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["booking.id"], name=op.f("fk_timesheet_booking_id_booking")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timesheet")),
        sa.UniqueConstraint("booking_id", name=op.f("uq_timesheet_booking_id")),
    )
    with op.batch_alter_table("timesheet", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timesheet_ref"), ["ref"], unique=False)
        batch_op.create_index(batch_op.f("ix_timesheet_status"), ["status"], unique=False)

    op.create_table(
        "deadline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("due_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("done_at", store.types.UTCDateTime(), nullable=True),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("timesheet_id", sa.Integer(), nullable=True),
        sa.Column("created_at", store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["booking.id"], name=op.f("fk_deadline_booking_id_booking")
        ),
        sa.ForeignKeyConstraint(
            ["timesheet_id"], ["timesheet.id"], name=op.f("fk_deadline_timesheet_id_timesheet")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline")),
        sa.UniqueConstraint("kind", "booking_id", "timesheet_id", name="uq_deadline_what"),
    )
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deadline_done_at"), ["done_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_deadline_due_at"), ["due_at"], unique=False)

    # ### end Alembic commands ###


def downgrade() -> None:
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deadline_due_at"))
        batch_op.drop_index(batch_op.f("ix_deadline_done_at"))

    op.drop_table("deadline")
    with op.batch_alter_table("timesheet", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timesheet_status"))
        batch_op.drop_index(batch_op.f("ix_timesheet_ref"))

    op.drop_table("timesheet")
    with op.batch_alter_table("ledgerentry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ledgerentry_worker_id"))
        batch_op.drop_index(batch_op.f("ix_ledgerentry_txn"))
        batch_op.drop_index(batch_op.f("ix_ledgerentry_booking_id"))
        batch_op.drop_index(batch_op.f("ix_ledgerentry_at"))
        batch_op.drop_index(batch_op.f("ix_ledgerentry_account"))

    op.drop_table("ledgerentry")
    with op.batch_alter_table("booking", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_booking_live",
            sqlite_where=sa.text("status = 'booked'"),
            postgresql_where=sa.text("status = 'booked'"),
        )
        batch_op.drop_index(batch_op.f("ix_booking_worker_id"))
        batch_op.drop_index(batch_op.f("ix_booking_shift_id"))

    op.drop_table("booking")
    with op.batch_alter_table("offerskip", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offerskip_worker_id"))
        batch_op.drop_index(batch_op.f("ix_offerskip_shift_id"))

    op.drop_table("offerskip")
    with op.batch_alter_table("offer", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_offer_live_ref",
            sqlite_where=sa.text("status = 'live'"),
            postgresql_where=sa.text("status = 'live'"),
        )
        batch_op.drop_index(batch_op.f("ix_offer_worker_id"))
        batch_op.drop_index(batch_op.f("ix_offer_status"))
        batch_op.drop_index(batch_op.f("ix_offer_shift_id"))

    op.drop_table("offer")
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_message_worker_id"))
        batch_op.drop_index(batch_op.f("ix_message_phone"))
        batch_op.drop_index(batch_op.f("ix_message_created_at"))

    op.drop_table("message")
    with op.batch_alter_table("availabilitywindow", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_availabilitywindow_worker_id"))
        batch_op.drop_index(batch_op.f("ix_availabilitywindow_start"))
        batch_op.drop_index(batch_op.f("ix_availabilitywindow_end"))

    op.drop_table("availabilitywindow")
    with op.batch_alter_table("workerskill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workerskill_skill"))

    op.drop_table("workerskill")
    with op.batch_alter_table("workercredential", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workercredential_worker_id"))

    op.drop_table("workercredential")
    with op.batch_alter_table("termschange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_termschange_worker_id"))

    op.drop_table("termschange")
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shift_status"))
        batch_op.drop_index(batch_op.f("ix_shift_start"))
        batch_op.drop_index(batch_op.f("ix_shift_market_id"))
        batch_op.drop_index(batch_op.f("ix_shift_buyer_id"))

    op.drop_table("shift")
    with op.batch_alter_table("rateraise", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rateraise_worker_id"))

    op.drop_table("rateraise")
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_worker_id"))
        batch_op.drop_index(batch_op.f("ix_notice_status"))
        batch_op.drop_index(batch_op.f("ix_notice_next_attempt_at"))

    op.drop_table("notice")
    with op.batch_alter_table("dataaccess", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dataaccess_worker_id"))
        batch_op.drop_index(batch_op.f("ix_dataaccess_at"))

    op.drop_table("dataaccess")
    with op.batch_alter_table("credentialcheck", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credentialcheck_worker_id"))
        batch_op.drop_index(batch_op.f("ix_credentialcheck_status"))

    op.drop_table("credentialcheck")
    with op.batch_alter_table("availabilitypattern", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_availabilitypattern_worker_id"))

    op.drop_table("availabilitypattern")
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_worker_name"))

    op.drop_table("worker")
    with op.batch_alter_table("settingchange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_settingchange_market_id"))

    op.drop_table("settingchange")
    with op.batch_alter_table("buyer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_buyer_market_id"))

    op.drop_table("buyer")
    with op.batch_alter_table("rulechange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rulechange_rule_id"))

    op.drop_table("rulechange")
    op.drop_table("market")
    with op.batch_alter_table("signin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signin_username"))
        batch_op.drop_index(batch_op.f("ix_signin_at"))

    op.drop_table("signin")
    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publication_at"))

    op.drop_table("publication")
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_operator_phone"))

    op.drop_table("operator")
    with op.batch_alter_table("labourrule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_labourrule_rule_set"))

    op.drop_table("labourrule")
    op.drop_table("databaselabel")
    op.drop_table("conversation")
    op.drop_table("auditentry")
    # ### end Alembic commands ###

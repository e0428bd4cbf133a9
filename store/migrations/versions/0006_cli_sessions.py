"""operator sessions: a signed-in operator's token hash and when it expires

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from store.types import UTCDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "operatorsession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_operatorsession_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operatorsession")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_operatorsession_token_hash")),
    )
    op.create_index(op.f("ix_operatorsession_operator_id"), "operatorsession", ["operator_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_operatorsession_operator_id"), table_name="operatorsession")
    op.drop_table("operatorsession")

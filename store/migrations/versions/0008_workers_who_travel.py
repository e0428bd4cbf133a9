"""workers who travel: a partial index of the workers who gave a travel distance

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHERE = sa.text("travel_miles IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_worker_travels",
        "worker",
        ["travel_miles"],
        sqlite_where=WHERE,
        postgresql_where=WHERE,
    )


def downgrade() -> None:
    op.drop_index("ix_worker_travels", table_name="worker")

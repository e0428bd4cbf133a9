"""statuses checked: each status column, and an operator's role, holds only its known values

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The values as at this revision (store/statuses.py names them); a later change to a set is a
# migration of its own, so they are written out here rather than read from the enums.
ALLOWED = {
    ("operator", "role"): ("admin", "staff", "franchisee", "auditor"),
    ("worker", "status"): ("signing_up", "active", "erased"),
    ("credentialcheck", "status"): (
        "asked",
        "consented",
        "declined",
        "checking",
        "verified",
        "failed",
    ),
    ("shift", "status"): ("open", "offering", "filled", "unfilled", "cancelled", "done"),
    ("offer", "status"): (
        "live",
        "accepted",
        "declined",
        "filled",
        "expired",
        "withdrawn",
        "barred",
    ),
    ("booking", "status"): ("booked", "dropped", "cancelled", "done"),
    ("timesheet", "status"): ("submitted", "amended", "confirmed", "disputed"),
    ("dispute", "status"): ("open", "escalated", "decided", "appealed", "closed"),
    ("inboxthread", "status"): ("open", "answered", "closed"),
    ("message", "status"): (
        "accepted",
        "scheduled",
        "queued",
        "sending",
        "sent",
        "delivered",
        "undelivered",
        "failed",
        "read",
        "partially_delivered",
        "canceled",
        "receiving",
        "received",
    ),
    ("notice", "status"): (
        "pending",
        "sending",
        "sent",
        "failed",
        "suppressed",
        "held",
        "erased",
    ),
    ("rateraise", "status"): ("asked", "agreed", "superseded"),
}

# SQLite rebuilds a table to change its constraints, and drops the table's triggers with it:
# the worker's triggers that keep WorkerArea (migration 0003) are made again, unchanged.
WORKER_AREA_TRIGGERS = (
    """CREATE TRIGGER workerarea_on_insert AFTER INSERT ON worker BEGIN
            INSERT OR IGNORE INTO workerarea (area, worker_id)
            SELECT upper(replace(value, ' ', '')), NEW.id FROM json_each(NEW.travel_areas);
        END""",
    """CREATE TRIGGER workerarea_on_update AFTER UPDATE OF travel_areas ON worker BEGIN
            DELETE FROM workerarea WHERE worker_id = OLD.id;
            INSERT OR IGNORE INTO workerarea (area, worker_id)
            SELECT upper(replace(value, ' ', '')), NEW.id FROM json_each(NEW.travel_areas);
        END""",
    """CREATE TRIGGER workerarea_on_delete AFTER DELETE ON worker BEGIN
            DELETE FROM workerarea WHERE worker_id = OLD.id;
        END""",
)


def upgrade() -> None:
    for (table, column), values in ALLOWED.items():
        allowed = ", ".join(f"'{value}'" for value in values)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_check_constraint(
                op.f(f"ck_{table}_{column}"), f"{column} IN ({allowed})"
            )
        _keep_triggers(table)
    _keep_statistics()


def downgrade() -> None:
    for table, column in reversed(ALLOWED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
        _keep_triggers(table)
    _keep_statistics()


def _keep_triggers(table: str) -> None:
    if table == "worker" and op.get_bind().dialect.name == "sqlite":
        for statement in WORKER_AREA_TRIGGERS:
            op.execute(statement)


def _keep_statistics() -> None:
    # A rebuilt table's statistics went with the old one; SQLite's planner needs them to start
    # a text's queries from its worker (as migration 0003 says).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA analysis_limit=1000")
        op.execute("ANALYZE")

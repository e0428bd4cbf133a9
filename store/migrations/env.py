"""Alembic environment: the schema comes from these migrations, never from create_all."""

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import store.models  # noqa: F401  (registers the tables on the metadata)
from store.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        run(conn)
    engine.dispose()

"""Bulk inserts: rows as plain dicts with ids chosen up front, sent in chunks with executemany.

Rows go to the driver's executemany as tuples, converted once per value the way the table's
column types would store them (a UTC instant as naive UTC, JSON as text), because SQLAlchemy's
per-row parameter processing costs more than the database's own work at a million rows.
"""

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Connection, Table, bindparam, func, select, text, update

from store.types import UTCDateTime

CHUNK = 10_000


def _naive_instant(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is UTC:
        return value.replace(tzinfo=None)
    offset = value.utcoffset()
    return (value - offset).replace(tzinfo=None) if offset else value.replace(tzinfo=None)


def _sqlite_instant(value: datetime | None) -> str | None:
    """As SQLAlchemy's SQLite DATETIME stores it: naive UTC, always with microseconds."""
    if value is None:
        return None
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    written = value.isoformat(" ")[:-6]  # without "+00:00"
    return written if value.microsecond else written + ".000000"


def _json(value: Any) -> str:
    return json.dumps(value)


class _Insert:
    """One table's INSERT in the driver's own terms, and how to turn a row dict into its tuple.

    Columns a row leaves out get their scalar default, or are left to the database (NULL), so
    a column another change adds does not break seeding.
    """

    def __init__(self, table: Table, connection: Connection, given: Iterable[str]) -> None:
        dialect = connection.dialect
        quote = dialect.identifier_preparer.quote
        given = set(given)
        names = [column.name for column in table.columns if column.name in given]
        defaults = [
            (column, column.default.arg)
            for column in table.columns
            if column.name not in given and column.default is not None and column.default.is_scalar
        ]
        columns = [table.columns[name] for name in names] + [column for column, _ in defaults]
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        self.sql = (
            f"INSERT INTO {quote(table.name)} "
            f"({', '.join(quote(column.name) for column in columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})"
        )
        self.pick = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
        instant = _sqlite_instant if dialect.name == "sqlite" else _naive_instant
        self.converters: list[tuple[int, Callable[[Any], Any]]] = []
        for position, column in enumerate(columns[: len(names)]):
            if isinstance(column.type, UTCDateTime):
                self.converters.append((position, instant))
            elif isinstance(column.type, JSON):
                self.converters.append((position, _json))
        self.constants = tuple(
            _json(value) if isinstance(column.type, JSON) else value for column, value in defaults
        )

    def rows(self, rows: list[dict[str, Any]]) -> list[tuple]:
        pick, converters, constants = self.pick, self.converters, self.constants
        # A row often holds the same instant several times, and rows in a chunk share many.
        done: dict[Any, Any] = {}
        ready = []
        for row in rows:
            values = list(pick(row))
            for position, convert in converters:
                value = values[position]
                if convert is _json:
                    values[position] = _json(value)
                else:
                    found = done.get(value, done)
                    if found is done:
                        found = done[value] = convert(value)
                    values[position] = found
            ready.append(tuple(values) + constants)
        return ready


class Bulk:
    """Buffers rows per table and inserts them in chunks on one connection (one transaction)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.counts: dict[str, int] = {}
        self._buffers: dict[Table, list[dict[str, Any]]] = {}
        self._inserts: dict[Table, _Insert] = {}
        self._next: dict[str, int] = {}

    def next_id(self, table: Table) -> int:
        """An id no row of the table has yet; ids are handed out in order."""
        name = table.name
        if name not in self._next:
            highest = self.connection.execute(select(func.max(table.c.id))).scalar()
            self._next[name] = (highest or 0) + 1
        value = self._next[name]
        self._next[name] = value + 1
        return value

    def add(self, table: Table, row: dict[str, Any]) -> None:
        """Queue a row; every column of the table must be given."""
        buffer = self._buffers.get(table)
        if buffer is None:
            buffer = self._buffers[table] = []
        buffer.append(row)
        if len(buffer) >= CHUNK:
            self.flush(table)

    def add_all(self, table: Table, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.add(table, row)

    def flush(self, *tables: Table) -> None:
        """Insert what is buffered for these tables (all of them when none are named).

        The rows a table refers to go in first, so a foreign key never points at a buffered row.
        """
        for table in tables or list(self._buffers):
            rows = self._buffers.get(table)
            if not rows:
                continue
            self._buffers[table] = []
            for key in table.foreign_keys:
                if key.column.table is not table and self._buffers.get(key.column.table):
                    self.flush(key.column.table)
            statement = self._inserts.get(table)
            if statement is None:
                statement = self._inserts[table] = _Insert(table, self.connection, rows[0])
            self.connection.exec_driver_sql(statement.sql, statement.rows(rows))
            self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)

    def update(self, table: Table, values: list[dict[str, Any]], **where: str) -> None:
        """executemany of one UPDATE; `where` maps a column to the key holding its value."""
        if not values:
            return
        statement = update(table)
        for column, bind in where.items():
            statement = statement.where(table.c[column] == bindparam(bind))
        for start in range(0, len(values), CHUNK):
            self.connection.execute(statement, values[start : start + CHUNK])

    def fix_sequences(self) -> None:
        """PostgreSQL: move each id sequence past the ids given by hand, so later inserts work."""
        if self.connection.dialect.name != "postgresql":
            return
        for name in self._next:
            self.connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
                    f'(SELECT COALESCE(MAX(id), 1) FROM "{name}"))'
                )
            )

"""A new legal minimum reaches the workers it passes: the scheduler asks each once, in their
language, with the new figure and how to raise their rate."""

from datetime import date

from click.testing import CliRunner

from poems.cli import main
from store.models import LabourRule
from tests import factories

WORKER = "+447700900101"


def tick(sqlite_url: str, at: str) -> list[tuple[str, str]]:
    result = CliRunner().invoke(main, ["tick", "--at", at, "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    return [tuple(line.split("\t", 1)) for line in result.output.splitlines()]


def new_minimum(session, value: int, starts: date) -> None:
    session.add(
        LabourRule(
            rule_set="uk", kind="minimum_wage", authority="uk", age_from=21, value=value,
            effective_from=starts, law="National Minimum Wage, 21 and over",
            source="https://example.org",
        )
    )  # fmt: skip


def test_poems_tick_tells_a_worker_under_a_new_minimum_once_in_their_language(db, sqlite_url, now):
    with db.write() as session:
        worker = factories.worker(session, WORKER, now, rate=1300)
        worker.language = "es"
        factories.worker(session, "+447700900102", now, rate=1500)
        new_minimum(session, 1400, date(2026, 12, 1))
    first = tick(sqlite_url, "2026-12-01T09:00")
    told = [body for phone, body in first if phone == WORKER]
    assert len(told) == 1
    assert "14,00" in told[0] and "TARIFA" in told[0] and "SI" in told[0]
    assert all(phone != "+447700900102" for phone, _ in first)
    assert tick(sqlite_url, "2026-12-01T10:00") == []
    assert tick(sqlite_url, "2026-12-02T09:00") == []

"""The audit chain: an untouched log passes; an edited, deleted or reordered entry is named."""

from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlmodel import select

from exchange.audit import audit, entry_hash, head, redact, verify
from exchange.desk import change_terms
from exchange.law.history import add_rule, set_market_rules, withdraw_rule
from exchange.settings import change_settings
from poems.cli import main
from store.models import AuditEntry, LabourRule, Operator
from tests import factories


@pytest.fixture
def logged(db, now):
    """Five operator changes in the log."""
    with db.write() as session:
        for n in range(1, 6):
            audit(session, None, "setting", f"market:1:field{n}", f"{n}00 -> {n}01", now)
    return db


def problems(db, published=None) -> list[tuple[str, int]]:
    with db.read() as session:
        return [(p.kind, p.seq) for p in verify(session, published).problems]


def sql(db, statement: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(statement))


def test_an_untouched_log_passes(logged):
    assert problems(logged) == []


def test_appends_chain_and_verify_on_sqlite_and_postgresql(any_db, now):
    with any_db.write() as session:
        for n in range(3):
            audit(session, None, "setting", "market:1:markup_bp", f"{n}", now)
    sql(any_db, "UPDATE auditentry SET detail = 'x' WHERE seq = 2")
    assert problems(any_db) == [("edited", 2)]


def test_each_entry_carries_the_hash_of_the_one_before(logged):
    with logged.read() as session:
        entries = session.exec(select(AuditEntry).order_by(AuditEntry.seq)).all()
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]


def test_an_edited_entry_is_named(logged):
    sql(logged, "UPDATE auditentry SET subject = 'market:1:markup_bp' WHERE seq = 3")
    assert problems(logged) == [("edited", 3)]


def test_an_edited_detail_is_named(logged):
    sql(logged, "UPDATE auditentry SET detail = '300 -> 999' WHERE seq = 3")
    assert problems(logged) == [("edited", 3)]


def test_a_deleted_entry_is_named(logged):
    sql(logged, "DELETE FROM auditentry WHERE seq = 2")
    assert ("deleted", 2) in problems(logged)


def test_reordered_entries_are_named(logged):
    # Swap the stored order of entries 2 and 4, every field but the row id.
    sql(logged, "UPDATE auditentry SET id = 100 WHERE seq = 2")
    sql(logged, "UPDATE auditentry SET id = 2 WHERE seq = 4")
    sql(logged, "UPDATE auditentry SET id = 4 WHERE seq = 2")
    assert ("reordered", 2) in problems(logged)


def test_an_entry_rewritten_with_a_fresh_hash_breaks_the_next_link(logged, now):
    with logged.write() as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.seq == 3)).one()
        entry.subject = "market:1:markup_bp"
        entry.hash = entry_hash(entry)
    assert problems(logged) == [("broken", 4)]


def test_cutting_off_the_end_is_caught_against_a_published_head(logged):
    with logged.read() as session:
        published = head(session)
    sql(logged, "DELETE FROM auditentry WHERE seq = 5")
    assert problems(logged) == []  # nothing inside the log shows it...
    assert problems(logged, published) == [("truncated", 5)]  # ...the published head does


def test_a_detail_erased_at_a_workers_request_still_verifies(db, now):
    with db.write() as session:
        audit(session, None, "access", "worker:7", "payment: Ann Smith asked", now)
        audit(session, None, "setting", "market:1:markup_bp", "200 -> 250", now)
        redact(session, "worker:7")
    with db.read() as session:
        report = verify(session)
    assert report.ok and report.redacted == 1


def test_appends_continue_the_chain(logged, now):
    with logged.write() as session:
        entry = audit(session, None, "decision", "dispute:D1", "upheld", now + timedelta(hours=1))
    assert entry.seq == 6 and problems(logged) == []


def test_audit_verify_passes_an_untouched_log_and_exits_nonzero_on_an_edit(logged, sqlite_url):
    ok = CliRunner().invoke(main, ["audit", "verify", "--db", sqlite_url])
    assert ok.exit_code == 0 and "audit log ok: 5 entries" in ok.output
    sql(logged, "UPDATE auditentry SET action = 'nothing' WHERE seq = 4")
    bad = CliRunner().invoke(main, ["audit", "verify", "--db", sqlite_url])
    assert bad.exit_code != 0 and "entry #4" in bad.output


class TestOperatorChangesAreLogged:
    """Terms, settings and the labour rules: each change by an operator lands in the chain."""

    @pytest.fixture
    def admin(self, db):
        with db.write() as session:
            made = Operator(username="ada", name="Ada", role="admin")
            session.add(made)
            session.flush()
            return made

    def entries(self, db) -> list[tuple[str, str, int | None]]:
        with db.read() as session:
            rows = session.exec(select(AuditEntry).order_by(AuditEntry.seq)).all()
            assert verify(session).ok
        return [(e.action, e.subject, e.operator_id) for e in rows]

    def test_a_setting_change(self, db, now, admin):
        with db.write() as session:
            change_settings(session, 1, {"markup_bp": "3"}, admin, now)
        (entry,) = self.entries(db)
        assert entry == ("setting", "market:1:markup_bp", admin.id)

    def test_a_change_of_rule_set_and_of_right_to_work(self, db, now, admin):
        with db.write() as session:
            set_market_rules(
                session, admin, 1, now, rule_set="us-or-portland", requires_right_to_work=True
            )
        assert self.entries(db) == [
            ("setting", "market:1:rule_set", admin.id),
            ("setting", "market:1:requires_right_to_work", admin.id),
        ]

    def test_a_rule_added_and_withdrawn(self, db, now, admin):
        rule = LabourRule(
            rule_set="uk", kind="minimum_wage", authority="uk", age_from=21, value=1320,
            effective_from=date(2027, 4, 1), law="National Living Wage", source="https://www.gov.uk",
        )  # fmt: skip
        with db.write() as session:
            rule_id = add_rule(session, admin, rule, "Budget", now).id
            withdraw_rule(session, admin, rule_id, "wrong figure", now, date(2026, 11, 26))
        assert self.entries(db) == [
            ("rule_added", f"rule:{rule_id}", admin.id),
            ("rule_withdrawn", f"rule:{rule_id}", admin.id),
        ]

    def test_terms_changed_at_the_desk_name_no_values(self, db, now, admin):
        with db.write() as session:
            worker = factories.worker(session, "+447700900101", now, name="Ann Smith")
            change_terms(session, worker.id, admin, "asked at the desk", {"name": "Ann Jones"}, now)
            worker_id = worker.id
        assert self.entries(db) == [("terms", f"worker:{worker_id}", admin.id)]
        with db.read() as session:
            assert "Ann" not in (session.exec(select(AuditEntry)).one().detail or "")

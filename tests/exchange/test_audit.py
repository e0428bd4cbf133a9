"""The audit chain: an untouched log passes; an edited, deleted or reordered entry is named."""

from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlmodel import col, select

from exchange import disputes
from exchange.access import record_access
from exchange.audit import ALSO_REDACTED, audit, entry_hash, head, record_erasure, verify
from exchange.buyers import add_buyer, edit_buyer
from exchange.credentials import ask_consent
from exchange.desk import change_terms
from exchange.franchises import add_franchise, add_market, franchise_of
from exchange.law.history import add_rule, set_market_rules, withdraw_rule
from exchange.onboarding import onboard_walk_in
from exchange.operators import add_operator
from exchange.portability import export_worker, import_worker
from exchange.privacy import erase
from exchange.settings import change_settings
from exchange.shifts import cancel_shift, post_shift
from exchange.workers import worker_by_phone
from poems.cli import main
from store.db import Database
from store.migrate import upgrade
from store.models import AuditEntry, LabourRule, Market, Operator, Worker
from tests import factories
from tests.bookings import book


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
        record_erasure(session, 7, ["Ann Smith"], now)
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


ANN, NAME = "+447700900101", "Ann Smith"


def recorded(db, *actions: str) -> list[tuple[str, str, int | None, str | None]]:
    """The chain's entries of these actions, oldest first; the whole chain verifies."""
    with db.read() as session:
        assert verify(session).ok
        rows = session.exec(
            select(AuditEntry)
            .where(col(AuditEntry.action).in_(actions))
            .order_by(col(AuditEntry.seq))
        ).all()
        return [(e.action, e.subject, e.operator_id, e.detail) for e in rows]


class TestEveryOperatorActionIsRecorded:
    """Accounts, franchises, markets, shifts posted for buyers, dispute questions, notes and
    decisions: each is written by the exchange function that does it, so every face records it."""

    @pytest.fixture
    def admin(self, any_db, now) -> Operator:
        with any_db.write() as session:
            return add_operator(session, "ada", "Ada", "admin", "password1", now)

    def test_an_operator_account(self, any_db, now, admin):
        with any_db.write() as session:
            jo = add_operator(session, "jo", "Jo", "staff", "password1", now, by=admin)
        assert recorded(any_db, "operator_add") == [
            ("operator_add", f"operator:{admin.id}", None, "ada as admin"),
            ("operator_add", f"operator:{jo.id}", admin.id, "jo as staff"),
        ]

    def test_an_account_added_by_the_poems_command(self, db, sqlite_url):
        result = CliRunner().invoke(
            main,
            ["operator", "add", "jo", "--name", "Jo", "--role", "admin", "--password-stdin"]
            + ["--db", sqlite_url],
            input="password1\n",
        )
        assert result.exit_code == 0, result.output
        ((action, subject, by, detail),) = recorded(db, "operator_add")
        assert (action, subject.startswith("operator:"), by, detail) == (
            "operator_add",
            True,
            None,
            "jo as admin",
        )

    def test_a_franchise(self, any_db, now, admin):
        with any_db.write() as session:
            fran = add_operator(session, "fran", "Fran", "franchisee", "password1", now, by=admin)
            east = add_franchise(session, "East London", fran, now, by=admin)
            # A franchisee's first franchise, made for them when none is held yet.
            kay = add_operator(session, "kay", "Kay", "franchisee", "password1", now, by=admin)
            own = franchise_of(session, kay, now)
        assert recorded(any_db, "franchise_add") == [
            ("franchise_add", f"franchise:{east.id}", admin.id, f"East London, held by operator:{fran.id}"),
            ("franchise_add", f"franchise:{own.id}", None, f"Kay, held by operator:{kay.id}"),
        ]  # fmt: skip

    def test_a_market(self, any_db, now, admin):
        with any_db.write() as session:
            leeds = Market(name="Leeds kitchens", sector="kitchens", area="Leeds", created_at=now)
            add_market(session, leeds, now, by=admin)
        assert recorded(any_db, "market_add") == [
            ("market_add", f"market:{leeds.id}", admin.id, "Leeds kitchens: kitchens in Leeds")
        ]

    def test_a_market_an_import_opens(self, db, now, tmp_path):
        """A worker's export names a market this exchange does not run: importing opens it."""
        with db.write() as session:
            book(session, now, phone=ANN, name=NAME)
        with db.read() as session:
            document = export_worker(session, worker_by_phone(session, ANN), now)
        elsewhere = Database(f"sqlite:///{tmp_path / 'elsewhere.db'}")
        upgrade(elsewhere, env={"POEMS_MARKET_NAME": "Elsewhere"})
        with elsewhere.write() as session:
            import_worker(session, document, now)
            london = session.exec(select(Market).where(Market.name == "London")).one()
        assert recorded(elsewhere, "market_add") == [
            ("market_add", f"market:{london.id}", None, "London: general in London")
        ]
        elsewhere.dispose()

    def test_a_shift_staff_post_for_a_buyer(self, any_db, now, admin):
        with any_db.write() as session:
            jo = add_operator(session, "jo", "Jo", "staff", "password1", now, by=admin)
            buyer = factories.buyer(session)
            start = (now + timedelta(days=1)).replace(hour=9, minute=0)
            shift = factories.shift(session, now, slots=2, start=start, posted_for=buyer)
            staffed = session.exec(select(Market)).first()
            by_staff = post_shift(
                session, staffed, buyer, "care", "E1 7AA", start, start + timedelta(hours=4),
                1, 1450, now, posted_by=jo.id,
            )  # fmt: skip
        assert recorded(any_db, "shift_posted") == [
            ("shift_posted", f"shift:{shift.id}", None, f"for buyer:{buyer.id}: 2 x care at E1 7AA, top rate 1450"),
            ("shift_posted", f"shift:{by_staff.id}", jo.id, f"for buyer:{buyer.id}: 1 x care at E1 7AA, top rate 1450"),
        ]  # fmt: skip

    def test_buyers_walk_ins_credential_checks_and_cancellations(self, any_db, now, admin):
        with any_db.write() as session:
            jo = add_operator(session, "jo", "Jo", "staff", "password1", now, by=admin)
            london = factories.market(session)
            bow = add_buyer(session, london.id, jo, {"name": "Bow Kitchen"}, now)
            edit_buyer(session, bow.id, jo, {"contact_name": "Sam", "name": "Bow Kitchen"}, now)
            kim = onboard_walk_in(
                session, london, jo, "07700 900123", "Kim Lee", ["care"], "E1 6AN", "13.50", now,
                born="01/02/1990",
            )  # fmt: skip
            ask_consent(session, kim.id, "dbs", jo, now)
            shift = factories.shift(session, now, posted_for=bow)
            cancel_shift(session, shift.id, "the kitchen floods", now, by=jo.id)
        actions = ("buyer_add", "buyer_edit", "walk_in", "credential_asked", "shift_cancelled")
        assert recorded(any_db, *actions) == [
            ("buyer_add", f"buyer:{bow.id}", jo.id, f"market:{london.id}"),
            ("buyer_edit", f"buyer:{bow.id}", jo.id, "contact_name"),
            ("walk_in", f"worker:{kim.id}", jo.id, f"market:{london.id}"),
            ("credential_asked", f"worker:{kim.id}", jo.id, "dbs"),
            ("shift_cancelled", f"shift:{shift.id}", jo.id, "the kitchen floods"),
        ]

    def test_a_disputes_question_note_and_decision(self, any_db, now, admin):
        with any_db.write() as session:
            jo = add_operator(session, "jo", "Jo", "staff", "password1", now, by=admin)
            booking, _, _ = book(session, now, phone=ANN, name=NAME)
            dispute = disputes.open_dispute(
                session, booking.id, "worker", "pay", "paid 2 hours not 4", now
            )
            disputes.ask(session, dispute.id, jo, "buyer", f"Did {NAME} stay 4 hours?", now)
            disputes.add_note(session, dispute.id, jo, f"{NAME} sounded sure", now)
            disputes.decide(session, dispute.id, jo, "uphold", "The sheet shows 4 hours", now)
        subject = f"dispute:{dispute.id}"
        assert recorded(any_db, "dispute_question", "dispute_note", "dispute_decide") == [
            ("dispute_question", subject, jo.id, "to the buyer"),
            ("dispute_note", subject, jo.id, None),
            ("dispute_decide", subject, jo.id, f"first uphold {dispute.claim_minor or 0}"),
        ]


class TestOnlyAnErasureRedacts:
    """A blanked detail is a redaction only where a worker's erasure accounts for it: an entry
    about that worker written before it, or one it names. Any other blank is tampering."""

    @pytest.fixture
    def looked_at(self, any_db, now) -> int:
        """Ann, looked at by staff; a setting changed; a buyer's review noting her name."""
        with any_db.write() as session:
            ada = add_operator(session, "ada", "Ada", "admin", "password1", now)
            worker = factories.worker(session, ANN, now, name=NAME)
            record_access(session, ada.id, worker.id, "other", f"{NAME} asked about pay", now)
            change_settings(session, 1, {"markup_bp": "1.5"}, ada, now)
            buyer = factories.buyer(session)
            buyer.suspended_at = now
            session.add(buyer)
            disputes.review_suspension(
                session, ada, now, f"{NAME} says they were fair", buyer_id=buyer.id
            )
            return worker.id

    def seq_of(self, db, action: str) -> int:
        with db.read() as session:
            return session.exec(select(AuditEntry.seq).where(AuditEntry.action == action)).one()

    def test_a_blanked_detail_on_an_operator_entry_is_tampering(self, any_db, looked_at):
        seq = self.seq_of(any_db, "setting")
        sql(any_db, f"UPDATE auditentry SET detail = NULL WHERE seq = {seq}")
        assert problems(any_db) == [("edited", seq)]

    def test_a_blanked_detail_about_a_worker_not_erased_is_tampering(self, any_db, looked_at):
        seq = self.seq_of(any_db, "access")
        sql(any_db, f"UPDATE auditentry SET detail = NULL WHERE seq = {seq}")
        assert problems(any_db) == [("edited", seq)]

    def test_an_erasure_blanks_every_detail_naming_the_worker_and_verifies(
        self, any_db, now, looked_at
    ):
        with any_db.write() as session:
            erase(session, session.get(Worker, looked_at), now)
        with any_db.read() as session:
            report = verify(session)
            entries = {e.action: e for e in session.exec(select(AuditEntry))}
        review = entries["suspension_lifted"]
        assert report.ok and report.redacted == 2
        assert entries["access"].detail is None and review.detail is None
        assert entries["setting"].detail == "200 -> 150"
        assert entries["erasure"].detail == f"{ALSO_REDACTED} {review.seq}"

    def test_a_blank_the_erasure_did_not_make_is_tampering(self, any_db, now, looked_at):
        with any_db.write() as session:
            erase(session, session.get(Worker, looked_at), now)
            later = audit(session, None, "terms", f"worker:{looked_at}", "rate", now)
        for action in ("setting", "operator_add"):
            seq = self.seq_of(any_db, action)
            sql(any_db, f"UPDATE auditentry SET detail = NULL WHERE seq = {seq}")
        sql(any_db, f"UPDATE auditentry SET detail = NULL WHERE seq = {later.seq}")
        blanked = [self.seq_of(any_db, "operator_add"), self.seq_of(any_db, "setting")]
        assert problems(any_db) == [("edited", seq) for seq in sorted(blanked + [later.seq])]

    def test_poems_audit_verify_fails_on_a_blanked_operator_entry(self, db, now, sqlite_url):
        with db.write() as session:
            ada = add_operator(session, "ada", "Ada", "admin", "password1", now)
            change_settings(session, 1, {"markup_bp": "1.5"}, ada, now)
        seq = self.seq_of(db, "setting")
        sql(db, f"UPDATE auditentry SET detail = NULL WHERE seq = {seq}")
        result = CliRunner().invoke(main, ["audit", "verify", "--db", sqlite_url])
        assert result.exit_code != 0
        assert f"entry #{seq}: its detail was blanked" in result.output

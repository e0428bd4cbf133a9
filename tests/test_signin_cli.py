"""The `poems` command signs in like the console: a password or a kept sign-in for every command
that reads a worker's data or acts for an operator; roles and franchise scope as in the console;
every look at a worker's data shows in their WHO SAW."""

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from sqlmodel import select, update

from exchange import disputes
from exchange.franchises import franchise_of
from poems.cli import main
from poems.session_file import keep, kept
from store.models import AuditEntry, DataAccess, Operator, OperatorSession
from tests import factories
from tests.bookings import book
from tests.scheduler.shares import operator, sector_market
from tests.signin import PASSWORD

ANN = "+447700900101"
AT = "2026-11-27T14:00"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def url(db, now, monkeypatch, tmp_path):
    """Ann's booking in the default market, run by fran, with a dispute about it (D1); gina runs a
    market of her own; sam is staff, ada an admin, otto an auditor. Nobody is signed in."""
    monkeypatch.setenv("POEMS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("POEMS_PASSWORD", raising=False)
    with db.write() as session:
        fran = operator(session, "fran", "franchisee", now)
        gina = operator(session, "gina", "franchisee", now)
        for username, role in (("sam", "staff"), ("ada", "admin"), ("otto", "auditor")):
            operator(session, username, role, now)
        home = factories.market(session)
        home.franchise_id = franchise_of(session, fran, now).id
        session.add(home)
        sector_market(session, "Portland care", gina, now)
        booking, _, _ = book(session, now)
        disputes.open_dispute(session, booking.id, "worker", "pay", "paid 2 hours not 4", now)
    return db.url


def with_password(monkeypatch) -> None:
    monkeypatch.setenv("POEMS_PASSWORD", PASSWORD)


def who_saw(url: str) -> str:
    """Ann's WHO SAW, by SMS through the whole inbound path."""
    result = run("text", ANN, "WHO SAW", "--db", url, "--at", AT)
    assert result.exit_code == 0, result.output
    return result.output


def test_dispute_show_is_a_look_at_the_workers_data_that_who_saw_lists(url, monkeypatch):
    with_password(monkeypatch)
    shown = run("dispute", "show", "D1", "--as", "sam", "--db", url, "--at", AT)
    assert shown.exit_code == 0, shown.output
    assert "Sam (staff)" in who_saw(url)


def test_dispute_list_without_signing_in_shows_nothing(url):
    result = run("dispute", "list", "--json", "--db", url)
    assert result.exit_code == 1
    assert "Sign in first" in result.output and "D1" not in result.output


def test_a_bare_username_with_no_password_is_refused_clearly(url):
    result = run("dispute", "show", "D1", "--as", "sam", "--db", url)
    assert result.exit_code == 1 and "No password for sam" in result.output
    assert "Traceback" not in result.output and "Ann" not in result.output


def test_a_wrong_password_is_refused_and_logged(url, db, monkeypatch):
    monkeypatch.setenv("POEMS_PASSWORD", "not-the-password")
    result = run("worker", "export", ANN, "--as", "sam", "--db", url)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: That username and password do not match"
    with db.read() as session:
        assert session.exec(select(DataAccess)).all() == []


def test_the_password_is_asked_for_when_not_in_the_environment(url):
    result = run("dispute", "list", "--json", "--as", "fran", "--db", url, input=f"{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "D1" in result.output


def test_exporting_a_worker_of_another_franchise_is_refused(url, db, monkeypatch):
    with_password(monkeypatch)
    result = run("worker", "export", ANN, "--by", "gina", "--db", url)
    assert result.exit_code == 1
    assert "another franchisee's market" in result.output and "Ann" not in result.output
    with db.read() as session:
        assert session.exec(select(DataAccess)).all() == []


def test_an_auditor_may_not_export_a_worker(url, monkeypatch):
    with_password(monkeypatch)
    result = run("worker", "export", ANN, "--as", "otto", "--db", url)
    assert result.exit_code == 1 and "An auditor reads but does not act" in result.output


def test_the_workers_own_franchisee_exports_them_and_who_saw_says_so(url, monkeypatch):
    with_password(monkeypatch)
    result = run("worker", "export", ANN, "--as", "fran", "--db", url, "--at", AT)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["worker"]["phone"] == ANN
    assert "Fran (franchisee)" in who_saw(url)


def test_signin_keeps_a_session_later_commands_use(url, monkeypatch):
    with_password(monkeypatch)
    signed = run("signin", "fran", "--db", url)
    assert signed.exit_code == 0 and signed.output.startswith("signed in as fran (franchisee)")
    monkeypatch.delenv("POEMS_PASSWORD")
    listed = run("dispute", "list", "--json", "--db", url)
    assert listed.exit_code == 0, listed.output
    assert [item["ref"] for item in json.loads(listed.output)["disputes"]] == ["D1"]


def test_the_database_keeps_only_the_hash_of_the_token_and_its_expiry(url, db, monkeypatch):
    with_password(monkeypatch)
    run("signin", "sam", "--db", url)
    token = kept(url).token
    with db.read() as session:
        (row,) = session.exec(select(OperatorSession)).all()
    assert token not in (row.token_hash, str(row.id))
    hours = (row.expires_at - row.created_at).total_seconds() / 3600
    assert hours == 8


def test_signout_ends_the_session(url, monkeypatch):
    with_password(monkeypatch)
    run("signin", "sam", "--db", url)
    assert run("signout", "--db", url).output.strip() == "signed out sam"
    monkeypatch.delenv("POEMS_PASSWORD")
    result = run("dispute", "list", "--db", url)
    assert result.exit_code == 1 and "Sign in first" in result.output


def test_a_signed_out_token_signs_nobody_in_even_from_a_copy(url, monkeypatch):
    with_password(monkeypatch)
    run("signin", "sam", "--db", url)
    copy = kept(url)
    run("signout", "--db", url)
    keep(url, copy.token, copy.username, copy.expires_at)
    monkeypatch.delenv("POEMS_PASSWORD")
    result = run("dispute", "list", "--db", url)
    assert result.exit_code == 1 and "You are signed out" in result.output


def test_an_expired_session_is_a_clear_error(url, db, monkeypatch):
    with_password(monkeypatch)
    run("signin", "sam", "--db", url)
    monkeypatch.delenv("POEMS_PASSWORD")
    with db.write() as session:
        # As if its eight hours had passed: sign-ins run on the wall clock, not on --at.
        session.exec(update(OperatorSession).values(expires_at=datetime(2026, 1, 1, tzinfo=UTC)))
    result = run("dispute", "show", "D1", "--db", url)
    assert result.exit_code == 1
    assert "Your sign-in as sam expired at 2026-01-01 00:00 UTC" in result.output
    assert "poems signin sam" in result.output and "Traceback" not in result.output


def test_an_unknown_operator_is_a_clear_error(url, monkeypatch):
    with_password(monkeypatch)
    result = run("dispute", "list", "--as", "nobody", "--db", url)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: That username and password do not match"


def operator_add(url: str, username: str, role: str, *extra: str):
    args = ["operator", "add", username, "--name", username.title(), "--role", role]
    return run(*args, "--password-stdin", *extra, "--db", url, input=f"{PASSWORD}\n")


def test_the_first_operator_needs_no_sign_in(sqlite_url):
    result = operator_add(sqlite_url, "root", "admin")
    assert result.exit_code == 0 and result.output.strip() == "operator root (admin) added"


def test_after_the_first_adding_an_operator_needs_a_sign_in(url, db):
    result = operator_add(url, "mallory", "admin")
    assert result.exit_code == 1 and "Sign in first" in result.output
    with db.read() as session:
        assert session.exec(select(Operator).where(Operator.username == "mallory")).first() is None


def test_only_an_admin_adds_an_operator(url, monkeypatch):
    with_password(monkeypatch)
    result = operator_add(url, "mallory", "admin", "--as", "sam")
    assert result.exit_code == 1 and "A staff may not do that" in result.output


def test_an_admin_adds_an_operator_and_the_audit_chain_records_who(url, db, monkeypatch):
    with_password(monkeypatch)
    result = operator_add(url, "jo", "staff", "--as", "ada")
    assert result.exit_code == 0, result.output
    with db.read() as session:
        ada = session.exec(select(Operator).where(Operator.username == "ada")).one()
        entry = session.exec(
            select(AuditEntry)
            .where(AuditEntry.action == "operator_add")
            .order_by(AuditEntry.seq.desc())
        ).first()
    assert (entry.operator_id, entry.detail) == (ada.id, "jo as staff")

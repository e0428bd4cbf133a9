"""`poems dispute`, `poems franchise` and `poems market`: the dispute queue, evidence, questions
and decisions for scripts, with the console's checks; franchises and market transfers."""

import json

import pytest
from click.testing import CliRunner
from sqlmodel import func, select

from exchange import disputes
from exchange.franchises import franchise_of
from poems.cli import main
from store.models import Dispute, DisputeDecision, LedgerEntry, Notice
from tests import factories
from tests.bookings import book
from tests.scheduler.shares import operator, sector_market
from tests.signin import PASSWORD

ANN, BUYER = "+447700900101", "+447700900999"
AFTER = "2026-11-27T14:00"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def url(any_db, now, monkeypatch, tmp_path):
    """Ann's booking tomorrow in the default market, run by fran; gina runs a market of her own;
    sam is staff and ada an admin. Each signs in with the password in POEMS_PASSWORD."""
    monkeypatch.setenv("POEMS_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("POEMS_PASSWORD", PASSWORD)
    with any_db.write() as session:
        fran = operator(session, "fran", "franchisee", now)
        gina = operator(session, "gina", "franchisee", now)
        operator(session, "sam", "staff", now)
        operator(session, "ada", "admin", now)
        home = factories.market(session)
        home.franchise_id = franchise_of(session, fran, now).id
        session.add(home)
        sector_market(session, "Portland care", gina, now)
        book(session, now)
    return any_db.url


def opened(url: str, *extra: str) -> str:
    args = ["dispute", "open", "1", "--party", "worker", "--category", "pay"]
    args += ["--summary", "they paid 2 hours not 4", "--as", "sam", "--at", AFTER, "--db", url]
    result = run(*args, *extra)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()[0]


def sent(output: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in output.splitlines() if "\t" in line)


def count(any_db, table) -> int:
    with any_db.read() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_open_prints_the_reference_then_the_texts_to_both_parties(url):
    result = run(
        *("dispute", "open", "1", "--party", "worker", "--category", "pay", "--claim", "26"),
        *("--summary", "they paid 2 hours not 4", "--as", "sam", "--at", AFTER, "--db", url),
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "D1"
    assert set(sent(result.output)) == {ANN, BUYER}


def test_open_about_a_booking_that_does_not_exist_is_refused(url, any_db):
    args = ["dispute", "open", "99", "--party", "buyer", "--category", "conduct"]
    result = run(*args, "--summary", "rude", "--as", "sam", "--db", url)
    assert result.exit_code == 1 and "No booking 99" in result.stderr
    assert count(any_db, Dispute) == 0


def test_list_is_oldest_deadline_first_with_counts_by_state(url, any_db, now):
    opened(url)
    with any_db.write() as session:
        booking, shift, _ = book(session, now, phone="+447700900102", name="Bea Jones")
        # Opened before D1, so its deadline comes first.
        disputes.open_dispute(session, booking.id, "buyer", "conduct", "late", shift.start)
    result = run("dispute", "list", "--json", "--as", "fran", "--db", url)
    data = json.loads(result.output)
    assert [item["ref"] for item in data["disputes"]] == ["D2", "D1"]
    assert data["counts"]["open"] == 2 and data["counts"]["decided"] == 0


def test_list_keeps_one_state(url):
    opened(url)
    result = run("dispute", "list", "--json", "--state", "escalated", "--as", "sam", "--db", url)
    data = json.loads(result.output)
    assert data["disputes"] == [] and data["counts"]["open"] == 1


def test_list_reads_as_one_line_a_dispute(url):
    opened(url)
    result = run("dispute", "list", "--as", "fran", "--db", url)
    counts, line = result.output.splitlines()
    assert counts.startswith("open 1")
    assert line.split("\t")[:2] == ["D1", "open"] and "they paid 2 hours not 4" in line


def test_show_json_has_the_dispute_its_decisions_and_the_timeline(url):
    opened(url)
    run(*("dispute", "decide", "D1", "--outcome", "reject", "--reason", "Timesheet says 2h"),
        *("--as", "fran", "--at", "2026-11-28T09:00", "--db", url))  # fmt: skip
    result = run("dispute", "show", "D1", "--json", "--as", "fran", "--db", url)
    data = json.loads(result.output)
    assert (data["ref"], data["status"], data["booking"]) == ("D1", "decided", 1)
    (decision,) = data["decisions"]
    assert (decision["outcome"], decision["by"]) == ("reject", "fran")
    kinds = [moment["kind"] for moment in data["timeline"]]
    assert {"offer", "booking", "dispute_opened", "decision"} <= set(kinds)
    assert kinds.index("offer") < kinds.index("dispute_opened") < kinds.index("decision")


def test_show_reads_as_the_dispute_then_its_timeline(url):
    opened(url)
    result = run("dispute", "show", "d1", "--as", "sam", "--db", url)
    assert result.exit_code == 0, result.output
    first, *rest = result.output.splitlines()
    assert first == "D1 open: pay, opened by the worker"
    assert any("Opened: they paid 2 hours not 4" in line for line in rest)


def test_decide_part_moves_the_money_and_prints_both_texts(url, any_db):
    opened(url)
    args = ["dispute", "decide", "D1", "--outcome", "part", "--amount", "12.50"]
    result = run(*args, "--reason", "Half the claim", "--as", "fran", "--at", AFTER, "--db", url)
    assert result.exit_code == 0, result.output
    assert set(sent(result.output)) == {ANN, BUYER}
    with any_db.read() as session:
        decision = session.exec(select(DisputeDecision)).one()
        assert (decision.outcome, decision.amount_minor) == ("part", 1250)
        assert session.exec(select(Dispute)).one().status == "decided"
        assert session.exec(select(func.sum(LedgerEntry.amount_minor))).one() == 0


def test_a_refused_decision_says_why_and_changes_nothing(url, any_db):
    opened(url)
    before = count(any_db, Notice)
    args = ["dispute", "decide", "D1", "--outcome", "part", "--reason", "Half"]
    result = run(*args, "--as", "fran", "--at", AFTER, "--db", url)
    assert result.exit_code == 1 and "needs the amount" in result.stderr
    assert result.stdout == ""
    assert count(any_db, DisputeDecision) == 0 and count(any_db, Notice) == before
    with any_db.read() as session:
        assert session.exec(select(Dispute)).one().status == "open"


def test_another_franchisee_can_neither_see_nor_decide_the_dispute(url, any_db):
    opened(url)
    listed = json.loads(run("dispute", "list", "--json", "--as", "gina", "--db", url).output)
    assert listed["disputes"] == [] and listed["counts"]["open"] == 0
    shown = run("dispute", "show", "D1", "--json", "--as", "gina", "--db", url)
    assert shown.exit_code == 1 and "another franchisee" in shown.stderr
    args = ["dispute", "decide", "D1", "--outcome", "reject", "--reason", "No"]
    decided = run(*args, "--as", "gina", "--at", AFTER, "--db", url)
    assert decided.exit_code == 1 and "another franchisee" in decided.stderr
    assert count(any_db, DisputeDecision) == 0


def test_ask_texts_the_party_the_question_and_prints_it(url, any_db):
    opened(url)
    args = ["dispute", "ask", "D1", "--party", "buyer", "--as", "fran", "--at", AFTER]
    result = run(*args, "--db", url, "How many hours does your rota show?")
    assert result.exit_code == 0, result.output
    (to,) = sent(result.output)
    assert to == BUYER
    with any_db.read() as session:
        assert disputes.waiting_question(session, "buyer", 1).ref == "D1"


def test_an_unknown_operator_is_a_clear_error(url):
    opened(url)
    args = ["dispute", "ask", "D1", "--party", "worker", "--as", "nobody", "--db", url, "Why?"]
    result = run(*args)
    assert result.exit_code == 1
    assert "That username and password do not match" in result.stderr


def test_franchise_add_and_a_market_transfer_kept_in_its_history(url, any_db):
    added = run("franchise", "add", "Gina East", "--franchisee", "gina", "--as", "ada", "--db", url)
    assert added.output.strip() == "franchise Gina East added, held by gina"
    with any_db.read() as session:
        home = factories.market(session).name
    args = ["market", "transfer", home, "--to", "Gina East", "--reason", "Fran retires"]
    moved = run(*args, "--as", "ada", "--at", AFTER, "--db", url)
    assert moved.exit_code == 0, moved.output
    assert moved.output.strip() == f"market {home} moved from Fran to Gina East"
    history = run("market", "history", home, "--db", url).output.splitlines()
    assert history[0] == f"{home}: Gina East"
    assert history[1].split("\t") == [
        "2026-11-27 14:00",
        "Fran -> Gina East",
        "by ada",
        "Fran retires",
    ]


def test_only_an_admin_transfers_a_market(url):
    run("franchise", "add", "Gina East", "--franchisee", "gina", "--as", "ada", "--db", url)
    args = ["market", "transfer", "Portland care", "--to", "Gina East", "--reason", "mine"]
    result = run(*args, "--as", "fran", "--db", url)
    assert result.exit_code == 1 and "A franchisee may not do that" in result.stderr
    assert run("market", "history", "Portland care", "--db", url).output.splitlines() == [
        "Portland care: Gina"
    ]


def test_franchise_shares_shows_each_share_against_the_cap(url):
    result = run("franchise", "shares", "--json", "--at", "2026-11-30T09:00", "--db", url)
    data = json.loads(result.output)
    assert data["cap_bp"] == 3000 and data["window_days"] == 90
    (share,) = data["shares"]
    assert (share["franchisee"], share["share_bp"], share["over"]) == ("fran", 10000, True)

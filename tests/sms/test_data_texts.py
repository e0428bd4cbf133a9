"""RATES, MY DATA, WHO SAW, WHY and DELETE MY DATA, through the whole inbound path."""

from datetime import timedelta

import pytest

from exchange.access import record_access
from exchange.asking import pooled_rows
from exchange.money import format_money
from exchange.offers import send_wave
from exchange.public import TOTAL
from exchange.publishing import build
from poems.seed import seed_market
from sms.gateways import SimulatorGateway
from sms.inbound import deliver
from sms.outbox import drain
from sms.segments import segments
from store.models import Conversation, Operator, Worker
from tests import bookings, factories

ANN = "+447911123456"


def text(db, body, at, phone=ANN) -> list[str]:
    """The replies to one text (anything queued before it is sent first and left out)."""
    drain(db, SimulatorGateway(), at)
    deliver(db, phone, body, at)
    return [m.body for m in drain(db, SimulatorGateway(), at)]


@pytest.fixture
def ann(db, now):
    with db.write() as session:
        return factories.worker(session, ANN, now, skills=("care", "cleaning"), name="Ann Smith").id


@pytest.fixture
def staff(db, now):
    with db.write() as session:
        operator = Operator(username="jo", name="Jo Bloggs", role="staff", created_at=now)
        session.add(operator)
        session.flush()
        return operator.id


class TestRates:
    def test_rates_answer_with_the_published_median_and_middle_half(self, db, now):
        seed_market(db, now, workers=400, weeks=5)
        with db.read() as session:
            rows = {(r["skill"], r["area"]): r for r in build(session, now)["rates_4_weeks"]}
        skill = next(
            s for (s, a), r in rows.items() if a == TOTAL and s != TOTAL and not r["suppressed"]
        )
        area = next(a for (s, a) in rows if s == skill and a != TOTAL)
        row = rows[(skill, area)]
        if row["suppressed"]:
            row = rows[(skill, TOTAL)]
        with db.write() as session:
            factories.worker(session, ANN, now, skills=(skill,), place=f"{area}1 1AA")
        (reply,) = text(db, f"RATES {skill}", now)
        money = [format_money(row[k], "GBP") for k in ("rate_q1", "rate_q3", "rate_median")]
        assert f"middle half paid {money[0]}-{money[1]}/hr, median {money[2]}" in reply
        assert f"{row['workers']} workers" in reply

    def test_rates_say_plainly_when_fewer_than_five_workers_were_paid(self, db, now):
        earlier = now - timedelta(days=14)
        with db.write() as session:
            for n in range(3):
                bookings.book(session, earlier, phone=f"+44790000000{n}", name=f"Worker {n}")
            factories.worker(session, ANN, now)
        (reply,) = text(db, "what does care pay", now)
        assert reply.startswith("Not enough data yet for care near E")

    def test_rates_leave_out_work_not_yet_published(self, db, now):
        """Bookings of the week still running are in no publication, so not in the answer."""
        earlier = now - timedelta(days=14)
        with db.write() as session:
            for n in range(6):
                bookings.book(session, earlier, phone=f"+44790000001{n}", name=f"Paid {n}")
                bookings.book(session, now, phone=f"+44790000002{n}", name=f"Coming {n}", rate=2000)
            factories.worker(session, ANN, now)
        with db.read() as session:
            (published,) = [
                r for r in build(session, now)["rates_4_weeks"] if r["skill"] == "care"
                and r["area"] == "E"
            ]  # fmt: skip
        assert published["rate_median"] == 1300 and published["workers"] == 6
        (reply,) = text(db, "RATES care", now)
        assert "median £13.00, 6 workers" in reply

    def test_rates_without_a_skill_ask_which_when_the_worker_has_several(self, db, now, ann):
        (reply,) = text(db, "RATES", now)
        assert reply == "Rates for which work? e.g. RATES care. You do: care, cleaning"

    def test_rates_never_suggest_a_price(self, db, now, ann):
        (reply,) = text(db, "how much do cleaners get round here", now)
        assert "should" not in reply.lower() and "suggest" not in reply.lower()


class TestRatesAtATime:
    """RATES childcare E3 tue evening: the published pooled figures for that time of the week."""

    @staticmethod
    def published_cell(db, now):
        """A skill, place, weekday and part of day whose 3-week figures are published."""
        with db.read() as session:
            rows = pooled_rows(session, factories.market(session), now, windows=[3])
        return next(
            r
            for r in rows
            if not r["suppressed"]
            and TOTAL not in (r["skill"], r["place"], r["weekday"], r["part_of_day"])
        )

    def test_a_place_and_time_are_answered_from_the_published_cell(self, db, now):
        seed_market(db, now, workers=400, weeks=5)
        cell = self.published_cell(db, now)
        with db.write() as session:
            factories.worker(session, ANN, now, skills=(cell["skill"],), place="E1 6AN")
        day = {"Mon": "monday", "Tue": "tue", "Wed": "wednesday", "Thu": "thurs", "Fri": "fri",
               "Sat": "saturday", "Sun": "sun"}[cell["weekday"]]  # fmt: skip
        body = f"RATES {cell['skill']} {cell['place']} {day} {cell['part_of_day']}"
        (reply,) = text(db, body, now)
        median = format_money(cell["rate_median"], "GBP")
        assert f"{cell['place']} median {median}/hr" in reply, reply
        assert "last 3 weeks" in reply and "Your price is yours to set." in reply
        assert segments(reply) <= 2

    def test_the_answer_is_in_the_worker_s_language(self, db, now):
        seed_market(db, now, workers=400, weeks=5)
        cell = self.published_cell(db, now)
        with db.write() as session:
            worker = factories.worker(session, ANN, now, skills=(cell["skill"],), place="E1 6AN")
            worker.language = "es"
            session.add(worker)
        day = {"Mon": "lunes", "Tue": "martes", "Wed": "miércoles", "Thu": "jueves",
               "Fri": "viernes", "Sat": "sábado", "Sun": "domingo"}[cell["weekday"]]  # fmt: skip
        part = {"morning": "por la mañana", "afternoon": "por la tarde", "evening": "por la noche",
                "night": "de noche"}[cell["part_of_day"]]  # fmt: skip
        (reply,) = text(
            db, f"cuánto pagan por {cell['skill']} en {cell['place']} el {day} {part}", now
        )
        assert "últimas 3 semanas" in reply or "ultimas 3 semanas" in reply, reply

    def test_a_time_with_too_few_workers_paid_says_so_and_shows_nothing(self, db, now):
        earlier = now - timedelta(days=14)
        with db.write() as session:
            for n in range(3):
                bookings.book(session, earlier, phone=f"+44790000000{n}", name=f"Worker {n}")
            factories.worker(session, ANN, now)
        (reply,) = text(db, "RATES care E1 friday morning", now)
        assert reply.startswith("Not enough data yet for care Friday morning within 3 miles")


class TestMyData:
    def test_my_data_says_what_is_held_and_how_to_get_all_of_it(self, db, now, ann):
        (reply,) = text(db, "MY DATA", now)
        assert "name Ann Smith, E1 6AN, care, cleaning, £13.00/hr" in reply
        assert "offers 0" in reply and "ask at a job centre" in reply

    def test_who_saw_lists_a_console_access_with_when_and_why(self, db, now, ann, staff):
        with db.write() as session:
            record_access(session, staff, ann, "payment", None, now)
        (reply,) = text(db, "who has seen my data", now + timedelta(minutes=5))
        assert reply == "Who saw your data: Jo Bloggs (staff) Thu 26 Nov 10:00, a payment question"

    def test_who_saw_says_so_when_nobody_looked(self, db, now, ann):
        (reply,) = text(db, "WHO SAW", now)
        assert reply.startswith("No staff have looked at your data.")

    def test_delete_my_data_asks_for_confirmation_first(self, db, now, ann):
        (reply,) = text(db, "DELETE MY DATA", now)
        assert reply.endswith("Reply DELETE within an hour to confirm.")
        with db.read() as session:
            assert session.get(Conversation, ANN).kind == "delete_data"
            assert session.get(Worker, ann).name == "Ann Smith"

    def test_delete_confirmed_erases_and_sends_nothing_more(self, db, now, ann):
        text(db, "DELETE MY DATA", now)
        assert text(db, "DELETE", now + timedelta(minutes=2)) == []
        with db.read() as session:
            worker = session.get(Worker, ann)
            assert (worker.name, worker.status) == (None, "erased")
            assert worker.phone != ANN

    def test_no_calls_the_deletion_off_and_a_later_delete_asks_again(self, db, now, ann):
        text(db, "DELETE MY DATA", now)
        assert text(db, "no", now + timedelta(minutes=1)) == [
            "OK, nothing was erased. Your data stays as it was."
        ]
        (reply,) = text(db, "DELETE", now + timedelta(minutes=2))
        assert "Reply DELETE" in reply
        with db.read() as session:
            assert session.get(Worker, ann).name == "Ann Smith"

    def test_a_confirmation_after_the_hour_asks_again(self, db, now, ann):
        text(db, "DELETE MY DATA", now)
        (reply,) = text(db, "DELETE", now + timedelta(hours=2))
        assert "Reply DELETE" in reply


class TestWhy:
    def test_why_with_a_ref_gives_the_stored_reason_and_the_rule(self, db, now, ann):
        with db.write() as session:
            shift = factories.shift(session, now)
            (offer,) = send_wave(session, shift.id, now)
        (reply,) = text(db, f"WHY {offer.ref}", now)
        assert reply.startswith(f"Offer {offer.ref} (open now): You do care;")
        assert "Rule: least recently booked first" in reply

    def test_why_alone_explains_that_no_offers_came_yet(self, db, now):
        with db.write() as session:
            factories.worker(session, ANN, now, free_from=now, free_hours=2)
        (reply,) = text(db, "why", now + timedelta(hours=3))
        assert reply.startswith("No offers for you yet. You have no free times posted")

    def test_why_a_shift_that_never_came_names_the_rule_it_missed(self, db, now):
        with db.write() as session:
            factories.worker(session, ANN, now, rate=1600)
            shift = factories.shift(session, now, max_rate=1450)
        (reply,) = text(db, f"why {shift.ref}", now)
        assert "did not come to you: you ask £16.00/hr, over the buyer's top £14.50" in reply

    def test_why_a_ref_that_is_nothing_says_so(self, db, now, ann):
        (reply,) = text(db, "WHY 9999", now)
        assert reply.startswith("No offer 9999 for you.")


def test_every_worker_text_about_data_fits_two_segments(db, now, ann, staff):
    with db.write() as session:
        for _ in range(5):
            record_access(session, staff, ann, "other", "x" * 200, now)
    for body in ("MY DATA", "WHO SAW", "RATES care", "WHY", "DELETE MY DATA"):
        for reply in text(db, body, now):
            assert segments(reply) <= 2 and not reply.endswith("..."), reply

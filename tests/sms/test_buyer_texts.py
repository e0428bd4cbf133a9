"""A buyer's few commands are read exactly; anything else is help, never a guess."""

import pytest

from sms.buyer_texts import BuyerText, parse_buyer, parse_duration


@pytest.mark.parametrize(
    "body",
    [
        "OK 1042",
        "ok1042",
        "Yes 1042.",
        "CONFIRM #1042",
        "agreed 1042",
        "ok 1042 thanks!",
        "approve 1042",
        "Approved 1042",
    ],
)
def test_ok_with_a_booking_number_confirms(body):
    assert parse_buyer(body) == BuyerText("confirm", "1042")


@pytest.mark.parametrize(
    ("body", "minutes"),
    [
        ("HOURS 1042 3.5", 210),
        ("hours 1042 3,5", 210),
        ("AMEND 1042 3h30", 210),
        ("amend 1042 3 hrs 30 mins", 210),
        ("change 1042 3:45", 225),
        ("HOURS 1042 90 mins", 90),
        ("hours 1042 4h", 240),
        ("HOURS 1042 2.33", 140),
    ],
)
def test_hours_with_a_booking_number_and_a_duration_amend(body, minutes):
    assert parse_buyer(body) == BuyerText("amend", "1042", minutes)


@pytest.mark.parametrize(
    ("body", "intent"),
    [
        ("ARRIVED 1042", "arrived"),
        ("here 1042", "arrived"),
        ("NOSHOW 1042", "noshow"),
        ("no show 1042", "noshow"),
        ("NOT 1042", "noshow"),
        ("not arrived 1042", "noshow"),
    ],
)
def test_arrival_answers_name_the_booking(body, intent):
    assert parse_buyer(body) == BuyerText(intent, "1042")


@pytest.mark.parametrize(
    "body",
    ["hours 1042", "HOURS 1042 lots", "hours 1042 3h75", "OK 1042 and 1043", "hello", ""],
)
def test_anything_else_is_help(body):
    assert parse_buyer(body) == BuyerText("help")


@pytest.mark.parametrize("body", ["OK", "ok thanks", "Yes."])
def test_a_bare_ok_confirms_without_a_booking_number(body):
    assert parse_buyer(body) == BuyerText("confirm")


def test_a_duration_that_is_not_one_is_none():
    assert parse_duration("soon") is None

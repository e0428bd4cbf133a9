"""The SMS parser: each text a worker may send, read as the command it means."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sms.parser import DEFAULT_SKILLS, INTENTS, STOP_WORDS, Parsed, parse

LONDON = ZoneInfo("Europe/London")
PORTLAND = ZoneInfo("America/Los_Angeles")
# Thursday 26 November 2026, 10:00 in London.
AT = datetime(2026, 11, 26, 10, 0, tzinfo=LONDON)
THU, FRI, SAT, MON = "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-30"


def reads(body: str, at: datetime = AT) -> dict:
    """What the parser read, less its explanation (`rule`) and the text's own language, which
    tests of their own hold."""
    parsed = parse(body, at)
    found = parsed.to_json()
    found.pop("rule", None)
    if parsed.language is None:
        found.pop("language", None)
    return found


def window(day: str, start: str, end: str, end_day: str | None = None, **more: object) -> dict:
    """The JSON of an availability text from `start` to `end` (HH:MM) on `day`."""
    return {
        "intent": "availability",
        "start": f"{day}T{start}:00",
        "end": f"{end_day or day}T{end}:00",
        **more,
    }


def table(*rows: tuple[str, dict]) -> list:
    return [pytest.param(body, expected, id=body) for body, expected in rows]


AVAILABILITY = table(
    ("available 2pm-6pm", window(THU, "14:00", "18:00")),
    ("avail tmrw 9-5", window(FRI, "09:00", "17:00")),
    (
        "free sat 10:00-14:00 £13",
        window(SAT, "10:00", "14:00", days=["sat"], rate=1300, currency="GBP"),
    ),
    ("available today 14:00 to 18:00", window(THU, "14:00", "18:00")),
    ("can work fri 8am-1pm", window(FRI, "08:00", "13:00", days=["fri"])),
    ("free 28/11 9-3", window(SAT, "09:00", "15:00")),
    ("free 28 nov 9-3", window(SAT, "09:00", "15:00")),
    ("free nov 28th 9-3", window(SAT, "09:00", "15:00")),
    (
        "every weekday 9-3",
        window(THU, "09:00", "15:00", days=["mon", "tue", "wed", "thu", "fri"], recurring=True),
    ),
    ("available mon wed fri 9-5", window(FRI, "09:00", "17:00", days=["mon", "wed", "fri"])),
    ("free all day sat", window(SAT, "08:00", "20:00", days=["sat"])),
    ("free tonight 6-10", window(THU, "18:00", "22:00")),
    ("AVAILABLE SAT 9-5", window(SAT, "09:00", "17:00", days=["sat"])),
    ("availble sat 9-5", window(SAT, "09:00", "17:00", days=["sat"])),
    ("  Available   tmrw  9 - 5 !", window(FRI, "09:00", "17:00")),
    ("2moro 9-5", window(FRI, "09:00", "17:00")),
    ("sat 10-2 £13", window(SAT, "10:00", "14:00", days=["sat"], rate=1300, currency="GBP")),
    ("i can work sat 9-5 cleaning", window(SAT, "09:00", "17:00", days=["sat"], skill="cleaning")),
    (
        "available mon-fri 9-5",
        window(THU, "09:00", "17:00", days=["mon", "tue", "wed", "thu", "fri"]),
    ),
    ("free between 9 and 5", window(THU, "09:00", "17:00")),
    ("Free on the 28th 9-5", window(SAT, "09:00", "17:00")),
)


@pytest.mark.parametrize(("body", "expected"), AVAILABILITY)
def test_availability_text_reads_as_a_window_with_days_and_rate(body, expected):
    assert reads(body) == expected


RATES = table(
    ("available 9-5 £13", {"rate": 1300, "currency": "GBP"}),
    ("available 9-5 13.50", {"rate": 1350}),
    ("available 9-5 £13.50/hr", {"rate": 1350, "currency": "GBP"}),
    ("available 9-5 $15", {"rate": 1500, "currency": "USD"}),
    ("available 9-5 €12,50", {"rate": 1250, "currency": "EUR"}),
    ("available 9-5 15 an hour", {"rate": 1500}),
    ("available 9-5 @14", {"rate": 1400}),
    ("available 9-5 13 quid", {"rate": 1300, "currency": "GBP"}),
    ("available 9-5 15ph", {"rate": 1500}),
    # Pounds and pence said apart are one rate, never the pounds alone or the pence as pounds.
    ("available 9-5 13 pounds fifty", {"rate": 1350, "currency": "GBP"}),
    ("available 9-5 £12 and 50p", {"rate": 1250, "currency": "GBP"}),
    ("available 9-5 twelve fifty an hour", {"rate": 1250}),
    ("disponible sábado 9-5 12 libras con 50", {"rate": 1250, "currency": "GBP"}),
    ("wolna sobota 9-17 12 funtów 50 groszy", {"rate": 1250, "currency": "GBP"}),
    ("available sat 12 pounds 10-2", {"rate": 1200, "currency": "GBP"}),
)


@pytest.mark.parametrize(("body", "expected"), RATES)
def test_rate_is_minor_units_with_a_currency_only_when_the_text_shows_one(body, expected):
    found = reads(body)
    assert {key: found.get(key) for key in ("rate", "currency") if key in found} == expected


HOURS = table(
    ("available 9-5", ("09:00", "17:00")),
    ("available 10-2", ("10:00", "14:00")),
    ("available 11-3", ("11:00", "15:00")),
    ("available 12-4", ("12:00", "16:00")),
    ("available 1-5", ("13:00", "17:00")),
    ("available 2-6", ("14:00", "18:00")),
    ("available 7-11", ("07:00", "11:00")),
    ("available 8-12", ("08:00", "12:00")),
    ("available 9-12", ("09:00", "12:00")),
    ("available 2-6pm", ("14:00", "18:00")),
    ("available 9-5pm", ("09:00", "17:00")),
    ("available 10am-2", ("10:00", "14:00")),
    ("available 11-1pm", ("11:00", "13:00")),
    ("available 14-18", ("14:00", "18:00")),
    ("available 10:00-14:00", ("10:00", "14:00")),
    ("available 0800-1200", ("08:00", "12:00")),
    ("available 8-14", ("08:00", "14:00")),
    ("available 14-6", ("14:00", "18:00")),
    ("available 9.30-5.30", ("09:30", "17:30")),
    ("available 9a-5p", ("09:00", "17:00")),
    ("available noon-4", ("12:00", "16:00")),
)


@pytest.mark.parametrize(("body", "hours"), HOURS)
def test_hour_range_reads_by_the_published_am_pm_rules(body, hours):
    found = reads(body)
    assert (found["start"][11:16], found["end"][11:16]) == hours


@pytest.mark.parametrize(
    ("body", "question"),
    [
        ("available 5-9", "Did you mean 5am-9am or 5pm-9pm? Reply e.g. AVAILABLE 5pm-9pm"),
        ("available 6-10", "Did you mean 6am-10am or 6pm-10pm? Reply e.g. AVAILABLE 6pm-10pm"),
        ("free sat 5-9", "Did you mean 5am-9am or 5pm-9pm? Reply e.g. AVAILABLE sat 5pm-9pm"),
        ("free 6-12", "Did you mean 6am-12pm or 6pm-12am? Reply e.g. AVAILABLE 6pm-12am"),
    ],
)
def test_range_starting_at_5_or_6_is_ambiguous_and_asks_am_or_pm(body, question):
    found = reads(body)
    assert found["ambiguous"] is True
    assert found["question"] == question
    assert "start" not in found


@pytest.mark.parametrize(
    ("body", "hours"),
    [
        ("free tonight 6-10", ("18:00", "22:00")),
        ("free this evening 5-9", ("17:00", "21:00")),
        ("free tmrw morning 6-10", ("06:00", "10:00")),
        ("free tmrw early 5-9", ("05:00", "09:00")),
        ("free tonight 10-2", ("22:00", "02:00")),
    ],
)
def test_evening_or_morning_words_settle_an_ambiguous_range(body, hours):
    found = reads(body)
    assert (found["start"][11:16], found["end"][11:16]) == hours
    assert "ambiguous" not in found


def test_available_alone_asks_for_the_times_with_an_example():
    found = reads("available")
    assert found["intent"] == "availability"
    assert found["ambiguous"] is True
    assert "AVAILABLE" in found["question"]


@pytest.mark.parametrize("body", ["free sat", "free sat morning", "free tonight", "avail from 2pm"])
def test_a_day_without_clock_hours_asks_for_the_hours(body):
    found = reads(body)
    assert found["intent"] == "availability"
    assert found["ambiguous"] is True
    assert "start" not in found


def test_a_window_that_has_ended_today_means_tomorrow():
    evening = AT.replace(hour=19)
    assert reads("available 2pm-6pm", evening) == window(FRI, "14:00", "18:00")


def test_a_window_still_running_means_today():
    afternoon = AT.replace(hour=15)
    assert reads("available 2pm-6pm", afternoon) == window(THU, "14:00", "18:00")


def test_todays_weekday_whose_window_has_ended_means_next_week():
    evening = AT.replace(hour=19)
    assert reads("free thu 9-5", evening) == window("2026-12-03", "09:00", "17:00", days=["thu"])


def test_todays_weekday_whose_window_has_not_ended_means_today():
    assert reads("free thu 9-5") == window(THU, "09:00", "17:00", days=["thu"])


@pytest.mark.parametrize(
    "body",
    [
        "free next week tuesday 9-5",
        "free tues next week 9-5",
        "wolna w przyszłym tygodniu we wtorek 9-17",
        "libre el martes de la semana que viene de 9 a 17",
        "livre terça da próxima semana 9-17",
        "liberă marți săptămâna viitoare 9-17",
    ],
)
def test_a_weekday_next_week_is_in_the_week_after_this_one(body):
    """On a Thursday, Tuesday next week is the 8th, not the coming Tuesday of this week's
    end; said on a Monday, it is eight days on, not tomorrow."""
    assert reads(body) == window("2026-12-01", "09:00", "17:00", days=["tue"])
    monday = AT - timedelta(days=3)
    assert reads(body, monday)["start"] == "2026-12-01T09:00:00"


@pytest.mark.parametrize(
    "body", ["free next saturday 8-4", "próximo sábado de 8 a 16", "w następną sobotę 8-16"]
)
def test_next_and_a_day_still_to_come_this_week_is_asked_back(body):
    """On a Thursday, "next saturday" is the day after tomorrow to some and the 5th to others."""
    found = reads(body)
    assert found["ambiguous"] and "start" not in found
    assert "5/12" in found["question"] and "8" in found["question"]


def test_next_and_a_day_of_next_week_is_that_day():
    assert reads("free next tuesday 9-5") == window("2026-12-01", "09:00", "17:00", days=["tue"])


@pytest.mark.parametrize(
    ("body", "example"),
    [
        ("available next week 9-5", "AVAILABLE mon-fri next week 9am-5pm"),
        ("libre la próxima semana de 9 a 17", "lunes-viernes de la semana que viene 9-17"),
        ("wolna w przyszłym tygodniu 9-17", "poniedziałek-piątek w przyszłym tygodniu 9-17"),
    ],
)
def test_next_week_without_its_day_is_asked_back_not_read_as_today(body, example):
    """Which of next week's days is asked, and the example reply says next week's."""
    found = reads(body)
    assert found["ambiguous"] and "start" not in found
    assert example in found["question"]


def test_an_end_before_the_start_is_the_next_day():
    assert reads("available 10pm-6am") == window(THU, "22:00", "06:00", end_day=FRI)


def test_all_day_is_eight_in_the_morning_to_eight_at_night():
    assert reads("free all day tmrw") == window(FRI, "08:00", "20:00")


@pytest.mark.parametrize(
    ("body", "days"),
    [
        ("every weekday 9-3", ["mon", "tue", "wed", "thu", "fri"]),
        ("each sat 9-5", ["sat"]),
        ("available weekends 10-4", ["sat", "sun"]),
        ("free mondays 9-5", ["mon"]),
        ("available every day 9-5", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
    ],
)
def test_every_each_or_plural_days_make_availability_recurring(body, days):
    found = reads(body)
    assert found["recurring"] is True
    assert found["days"] == days


@pytest.mark.parametrize("body", ["available mon wed fri 9-5", "free this weekend 10-4"])
def test_naming_days_without_every_is_not_recurring(body):
    assert "recurring" not in reads(body)


def test_us_market_reads_a_slashed_date_month_first():
    at = datetime(2026, 11, 26, 10, 0, tzinfo=PORTLAND)
    assert reads("free 11/28 9-3", at) == window(SAT, "09:00", "15:00")


def test_a_day_month_date_that_does_not_exist_asks_which_date():
    found = reads("available 31/11 9-5")
    assert found["ambiguous"] is True
    assert found["question"].startswith("Which date?")


def test_start_and_end_are_aware_in_the_zone_of_the_arrival_time():
    summer = datetime(2026, 6, 25, 10, 0, tzinfo=LONDON)
    found = parse("available 2pm-6pm", summer)
    assert found.start == datetime(2026, 6, 25, 14, 0, tzinfo=LONDON)
    assert found.start.utcoffset() == timedelta(hours=1)
    assert found.to_json()["start"] == "2026-06-25T14:00:00"


def test_a_stray_number_beside_the_hours_is_asked_about_not_taken_as_a_rate():
    found = reads("available sat 9-5 12")
    assert found["ambiguous"] is True
    assert "rate" not in found
    assert found["question"] == "Is 12 your rate per hour? Reply e.g. AVAILABLE sat 9am-5pm @12"


@pytest.mark.parametrize(
    "body", ["not available sat", "i cant work weekends", "I'm not available tomorrow 9-5"]
)
def test_a_text_saying_the_worker_is_not_free_never_reads_as_availability(body):
    assert reads(body)["intent"] != "availability"


def intent_table(intent: str, *rows: str | tuple[str, dict]) -> list:
    """Rows that read as `intent`: a body alone, or a body with the other fields expected."""
    params = []
    for row in rows:
        body, more = (row, {}) if isinstance(row, str) else row
        params.append(pytest.param(body, {"intent": intent, **more}, id=body))
    return params


ACCEPT = intent_table(
    "accept",
    "YES",
    "Y",
    ("yes 4821", {"offer_ref": "4821"}),
    ("Y 4821", {"offer_ref": "4821"}),
    "yes please",
    ("ok 4821", {"offer_ref": "4821"}),
    ("accept 4821", {"offer_ref": "4821"}),
    ("YES4821", {"offer_ref": "4821"}),
    ("#4821 yes", {"offer_ref": "4821"}),
    "Yes!",
    "yeah",
    "can do",
    "Yes I can do that shift",
    "yes i could do this one",
    "yes pls what time",
    "yes whats the address",
    "alright",
    "aight",
    "defo",
    "of course",
    "yas",
    "si",
    ("Sí 4821", {"offer_ref": "4821"}),
    # "I'll" typed with a space, as phones' keyboards leave it; Romanian with "eu" (I) said
    "i ll take the shift",
    "iau eu tura",
)


@pytest.mark.parametrize(("body", "expected"), ACCEPT)
def test_yes_in_its_forms_accepts_an_offer_with_its_reference(body, expected):
    assert reads(body) == expected


DECLINE = intent_table(
    "decline",
    "no",
    "N",
    ("NO 4821", {"offer_ref": "4821"}),
    ("no thanks", {"detail": "no_thanks"}),
    ("decline 4821", {"offer_ref": "4821"}),
    ("NO4821", {"offer_ref": "4821"}),
    "nope",
    ("cant make it", {"detail": "unable"}),
    ("not interested", {"detail": "no_thanks"}),
    "Sorry Im already booked that day",
    "already got work that day sorry",
    "nie",
    # a change of mind, said before the no
    ("actually cant make it", {"detail": "unable"}),
    ("ok actually, i cant make it", {"detail": "unable"}),
    ("turns out i cant make it", {"detail": "unable"}),
    ("unfortunately i cant make it", {"detail": "unable"}),
    "actually no",
    ("la verdad es que no puedo ir", {"detail": "unable"}),
    ("al final no puedo", {"detail": "unable"}),
    ("până la urmă nu pot", {"detail": "unable"}),
)


@pytest.mark.parametrize(("body", "expected"), DECLINE)
def test_no_in_its_forms_declines_an_offer_with_its_reference(body, expected):
    assert reads(body) == expected


CANCEL = intent_table(
    "cancel",
    ("drop 4821", {"offer_ref": "4821"}),
    ("cancel 4821", {"offer_ref": "4821"}),
    ("can't make 4821", {"offer_ref": "4821"}),
    ("cant do 4821 anymore", {"offer_ref": "4821"}),
    ("CANCEL SHIFT 4821", {"offer_ref": "4821"}),
    ("remove me from shift 4821", {"offer_ref": "4821"}),
    "can't make it anymore",
    "drop",
)


@pytest.mark.parametrize(("body", "expected"), CANCEL)
def test_dropping_a_booked_shift_reads_as_cancel(body, expected):
    assert reads(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "can't tomorrow but yes to sunday",
        "cant make it tomorrow but can do saturday",
        "I can't come tomorrow but I'll be there on Saturday",
        "no puedo mañana pero el domingo sí",
        "nie mogę jutro ale w niedzielę tak",
    ],
)
def test_the_day_given_up_is_the_one_before_a_but_not_the_one_offered_after(body):
    assert reads(body) == {"intent": "cancel", "days": ["fri"]}  # tomorrow, a Friday


def test_a_day_that_is_fine_before_a_but_is_not_the_day_given_up():
    assert reads("friday is fine but cant make it").get("days") is None


@pytest.mark.parametrize(
    "body",
    [
        "cant tomorrow, sunday instead",
        "cant do tomorrow, can do sunday",
        "can't make tomorrow so sunday instead?",
        "cant work tomorrow, available sunday 9-5",
    ],
)
def test_a_day_offered_after_the_one_given_up_is_not_given_up(body):
    assert reads(body) == {"intent": "cancel", "days": ["fri"]}  # tomorrow, a Friday


def test_every_day_given_up_is_given_up_relative_or_named():
    assert reads("cant make it tomorrow or monday") == {"intent": "cancel", "days": ["mon", "fri"]}


@pytest.mark.parametrize(
    ("body", "days"),
    [
        ("im off sick today", ["thu"]),
        ("off sick tomorrow sorry", ["fri"]),
        ("sick today sorry", ["thu"]),
        ("calling in sick", None),
    ],
)
def test_off_sick_gives_up_the_day_said_which_is_asked_back_before_anything_changes(body, days):
    assert reads(body) == {"intent": "cancel"} | ({"days": days} if days else {})


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("can do 7-3 tomorrow or monday", window(FRI, "07:00", "15:00", days=["mon", "fri"])),
        ("free today and tomorrow 11-5", window(THU, "11:00", "17:00", days=["thu", "fri"])),
    ],
)
def test_a_relative_day_and_another_day_are_both_free(body, expected):
    assert reads(body) == expected


@pytest.mark.parametrize(
    "body", ["available 12-8 on the 28th and 29th", "available 28/11 and 29/11 12-8"]
)
def test_two_dates_in_one_week_are_both_free(body):
    # Saturday 28 and Sunday 29 November.
    assert reads(body) == window(SAT, "12:00", "20:00", days=["sat", "sun"])


def test_available_24_7_is_every_day_with_the_hours_asked_not_the_24th_of_july():
    found = reads("available 24/7")
    assert found["recurring"] is True and found["ambiguous"] is True and "start" not in found


@pytest.mark.parametrize(
    "body",
    ["STOP", "stop", "Stop.", "  STOP  ", "STOPALL", "UNSUBSCRIBE", "CANCEL", "cancel", "END"]
    + ["QUIT", "Quit!", "REVOKE", "OPTOUT", "optout"],
)
def test_carrier_keyword_alone_is_stop(body):
    assert reads(body) == {"intent": "stop"}


@pytest.mark.parametrize(
    "body",
    ["STOP please", "stop pls", "unsubscibe me", "stop texting me", "pls stop sending me msgs",
     "i dont want to get texts", "nie chcę dostawać wiadomości"],
)  # fmt: skip
def test_opting_out_in_so_many_words_is_stop(body):
    """Before, the last two went to a person."""
    assert reads(body)["intent"] == "stop"


@pytest.mark.parametrize(
    "body", ["stop sending offers after 9pm", "cancel my texts", "please quit", "stop by tmrw?"]
)
def test_a_sentence_about_stopping_is_no_opt_out_but_says_how_to(body):
    found = reads(body)
    assert found["intent"] == "unknown"
    assert found["question"] == "To stop all texts from POEMS, reply STOP on its own."


KEYWORDS = [
    *intent_table("start", "START", "UNSTOP", "start", "resume"),
    *intent_table("help", "help", "HELP", "?", "info", "what can i text", "hello", "help me"),
    *intent_table("register", "JOIN", "join", "sign up", "register", "i want to join"),
    *intent_table(
        "shifts_query",
        "shifts",
        "SHIFTS",
        "any work",
        "jobs",
        ("any shifts today", {"start": f"{THU}T00:00:00", "end": f"{FRI}T00:00:00"}),
        ("any cleaning shifts", {"skill": "cleaning"}),
        # About a booking made: the reply lists bookings with their times and places.
        ("am i still booked for tomorrow", {"start": f"{FRI}T00:00:00", "end": f"{SAT}T00:00:00"}),
        "whats the address",
        "when is my next one",
    ),
]


@pytest.mark.parametrize(("body", "expected"), KEYWORDS)
def test_keyword_reads_as_its_command(body, expected):
    assert reads(body) == expected


SHIFT_DAY = [
    *intent_table(
        "late",
        ("LATE 15", {"late_minutes": 15}),
        ("running 10 min late", {"late_minutes": 10}),
        ("late 20 mins", {"late_minutes": 20}),
        ("gonna be 5 minutes late", {"late_minutes": 5}),
        ("running late, half an hour", {"late_minutes": 30}),
        ("an hour late", {"late_minutes": 60}),
        ("l8 10", {"late_minutes": 10}),
        ("stuck in traffic be there in 20 mins", {"late_minutes": 20}),
        ("running behind, 10 min", {"late_minutes": 10}),
        ("held up on the bus, there in 15", {"late_minutes": 15}),
        ("I will get there in half an hour", {"late_minutes": 30}),
        "late",
        "running late",
    ),
    *intent_table(
        "check_in",
        "HERE",
        "arrived",
        "im here",
        "I'm here",
        "IN",
        "checking in",
        "here now",
        "Hi, I'm here",
    ),
    *intent_table(
        "check_out",
        "DONE",
        ("DONE 5.5", {"hours_worked": 5.5, "minutes_worked": 330}),
        ("done 4h30", {"hours_worked": 4.5, "minutes_worked": 270}),
        ("done 6 hours", {"hours_worked": 6.0, "minutes_worked": 360}),
        ("finished 6pm", {"end": f"{THU}T18:00:00"}),
        "OUT",
        "finished",
        "clocked out",
    ),
]


@pytest.mark.parametrize(("body", "expected"), SHIFT_DAY)
def test_shift_day_text_reads_as_late_check_in_or_check_out(body, expected):
    assert reads(body) == expected


def test_paid_late_is_about_money_not_a_late_arrival():
    assert reads("they paid me late")["intent"] != "late"


def test_yesterday_is_read_as_yesterday_so_the_exchange_can_refuse_it():
    assert reads("available yesterday 9-5") == window("2026-11-25", "09:00", "17:00")


def test_finished_at_a_late_hour_after_midnight_means_yesterday():
    just_after_midnight = datetime(2026, 11, 27, 0, 30, tzinfo=LONDON)
    assert reads("finished 11pm", just_after_midnight)["end"] == f"{THU}T23:00:00"


COMPLAINTS = [
    *intent_table(
        "dispute",
        (
            "DISPUTE 4821 they paid 2 hours not 4",
            {"offer_ref": "4821", "detail": "they paid 2 hours not 4", "category": "pay"},
        ),
        ("problem with tuesday", {"detail": "problem with tuesday", "days": ["tue"]}),
        ("they didnt pay me", {"detail": "they didnt pay me", "category": "pay"}),
        (
            "They didn't pay me for #4821",
            {"offer_ref": "4821", "detail": "They didn't pay me for #4821", "category": "pay"},
        ),
    ),
    *intent_table(
        "appeal",
        (
            "APPEAL D123 i was there the whole time",
            {"offer_ref": "D123", "detail": "i was there the whole time"},
        ),
        ("appeal d123: I was there", {"offer_ref": "D123", "detail": "I was there"}),
    ),
]


@pytest.mark.parametrize(("body", "expected"), COMPLAINTS)
def test_complaint_keeps_its_reference_and_the_workers_own_words(body, expected):
    assert reads(body) == expected


@pytest.mark.parametrize("body", ["no problem", "not a problem", "no issues", "wrong number"])
def test_everyday_phrase_with_a_complaint_word_is_no_dispute(body):
    assert reads(body)["intent"] != "dispute"


@pytest.mark.parametrize("body", ["DISPUTE", "DISPUTE 4821", "APPEAL"])
def test_dispute_or_appeal_without_words_asks_what_happened(body):
    found = reads(body)
    assert found["ambiguous"] is True
    assert "e.g." in found["question"]


QUESTIONS = [
    *intent_table(
        "rates_query",
        ("RATES cleaning", {"skill": "cleaning"}),
        "rates",
        ("how much do babysitters get round here", {"skill": "childcare"}),
        ("what does care pay", {"skill": "care"}),
        ("what do cleaners earn", {"skill": "cleaning"}),
        ("RATES cleaning E1", {"skill": "cleaning", "postcode": "E1"}),
        ("rates kitchen 97201", {"skill": "kitchen", "zip": "97201"}),
        ("what do kitchen porters get in e1 6an", {"skill": "kitchen", "postcode": "E1 6AN"}),
    ),
    *intent_table(
        "earnings",
        "EARNINGS",
        "how much have i earned",
        "my pay",
        "when do i get paid",
        "how many hours did I do last week",
    ),
    *intent_table("my_data", "MY DATA", "what do you know about me", "my details"),
    *intent_table("my_record", "MY RECORD", "my history"),
    *intent_table("who_saw", "WHO SAW", "who has seen my data", "who can see my data"),
    *intent_table("why", "WHY", ("WHY 4821", {"offer_ref": "4821"}), "why didnt i get that job"),
    *intent_table("delete_data", "DELETE MY DATA", "delete me", "delete my account please"),
]


@pytest.mark.parametrize(("body", "expected"), QUESTIONS)
def test_question_reads_as_its_query(body, expected):
    assert reads(body) == expected


PROFILE = intent_table(
    "profile_update",
    ("RATE £14", {"rate": 1400, "currency": "GBP"}),
    ("my rate is 14.50", {"rate": 1450}),
    ("rate 14", {"rate": 1400}),
    ("hi my name is Joanna I do cleaning", {"name": "Joanna"}),
    ("me llamo Lucía y hago limpieza", {"name": "Lucía"}),
    ("POSTCODE E1 6AN", {"postcode": "E1 6AN"}),
    ("postcode sw1a1aa", {"postcode": "SW1A 1AA"}),
    ("my postcode is e1", {"postcode": "E1"}),
    ("SW1A 1AA", {"postcode": "SW1A 1AA"}),
    ("ZIP 97201", {"zip": "97201"}),
    ("zip 97201-1234", {"zip": "97201"}),
    ("SKILLS care cleaning", {"skill": "care", "skills": ["care", "cleaning"]}),
    (
        "skills: kitchen porter, dog walking and bar work",
        {"skill": "kitchen", "skills": ["kitchen", "petcare", "hospitality"]},
    ),
    ("LANG es", {"language": "es"}),
    ("LANGUAGE polish", {"language": "en", "new_language": "pl"}),
    ("espanol", {"language": "es"}),
    ("Español", {"language": "es"}),
    ("i speak polish", {"language": "en", "new_language": "pl"}),
    ("TAX 20", {"tax_percent": 20}),
    ("tax 0%", {"tax_percent": 0}),
    ("NAME Ann Smith", {"name": "Ann Smith"}),
    ("my name is José Núñez", {"name": "José Núñez"}),
)


@pytest.mark.parametrize(("body", "expected"), PROFILE)
def test_profile_update_reads_the_new_value(body, expected):
    assert reads(body) == expected


@pytest.mark.parametrize(
    "body", ["POSTCODE xyz", "ZIP 12", "SKILLS plumbing", "LANG xx", "TAX 120", "NAME"]
)
def test_profile_update_with_a_value_it_cannot_read_asks_again(body):
    found = reads(body)
    assert found["intent"] == "profile_update"
    assert found["ambiguous"] is True
    assert "e.g." in found["question"]


@pytest.mark.parametrize(("word", "skill"), sorted(DEFAULT_SKILLS.items()))
def test_every_default_skill_word_finds_its_skill(word, skill):
    assert reads(f"RATES {word}")["skill"] == skill


def test_skills_mapping_given_replaces_the_defaults():
    found = parse("RATES plumbing", AT, skills={"plumbing": "trades", "plumber": "trades"})
    assert found.skill == "trades"
    assert parse("RATES cleaning", AT, skills={"plumbing": "trades"}).skill is None


@pytest.mark.parametrize(
    "body", ["", "   ", "😀", "asdf qwer", "🙂🙂🙂", "lorem ipsum dolor", "x" * 5000, "4821"]
)
def test_text_that_means_nothing_is_unknown(body):
    assert reads(body) == {"intent": "unknown"}


def test_json_holds_only_set_fields_and_local_times_without_offset():
    found = reads("free sat 10:00-14:00 £13")
    assert found == window(SAT, "10:00", "14:00", days=["sat"], rate=1300, currency="GBP")
    assert json.loads(json.dumps(found)) == found


def test_parsed_refuses_an_intent_outside_the_published_list():
    with pytest.raises(ValueError):
        Parsed("book_me_anything")


ASK_BACK = [
    "available", "available 5-9", "free sat morning", "available 31/11 9-5", "DISPUTE",
    "APPEAL", "POSTCODE xyz", "LANG xx", "TAX 120", "stop sending offers after 9pm",
    "available sat 9-5 12",
    "free every weekday 5:30-9:30", "NAME",
]  # fmt: skip


@pytest.mark.parametrize("body", ASK_BACK)
def test_question_back_fits_one_plain_sms(body):
    question = reads(body)["question"]
    assert len(question) <= 160
    assert question.isascii()


# Pieces of real texts, so generated texts reach deep into each reader.
PIECES = [
    "available", "avail", "free", "tmrw", "today", "tonight", "sat", "mondays", "every",
    "weekday", "28/11", "31/2", "29/2", "nov", "9-5", "5-9", "10pm-6am", "2pm", "0800-1200",
    "12-12", "24:00", "noon", "£13.50/hr", "@14", "$15", "15 an hour", "13.50", "12", "yes",
    "no", "4821", "D123", "drop", "cancel", "stop", "late", "10 mins", "done", "4h30", "5.5",
    "finished", "6pm", "here", "dispute", "appeal", "why", "rates", "care", "e1 6an", "97201",
    "skills", "lang", "es", "tax", "name", "my", "data", "who", "saw", "delete", "-", ":", "/",
    ".", "?", "🙂", "£", "€", "all day", "morning", "between", "and", "to",
]  # fmt: skip


@given(st.text())
def test_any_text_parses_to_a_known_intent_without_raising(body):
    found = parse(body, AT)
    assert found.intent in INTENTS
    json.dumps(found.to_json())


@given(
    st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join),
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2099, 12, 31),
        timezones=st.sampled_from([LONDON, PORTLAND]),
    ),
)
def test_any_text_of_sms_pieces_at_any_moment_parses_without_raising(body, at):
    found = parse(body, at)
    assert found.intent in INTENTS
    if found.start is not None and found.end is not None:
        assert found.end > found.start


def _any_case(word: str) -> st.SearchStrategy[str]:
    flips = st.lists(st.booleans(), min_size=len(word), max_size=len(word))
    return flips.map(
        lambda up: "".join(c.upper() if u else c for c, u in zip(word, up, strict=True))
    )


KEYWORD = st.sampled_from(sorted(STOP_WORDS)).flatmap(_any_case)
PADDING = st.sampled_from(["", " ", "  ", "\t", "\n", ".", "!", " !", "!!", ". "])
# Words that add something: not a greeting, a please or a thanks, which leave STOP a STOP.
OTHER_WORD = st.from_regex(r"[A-Za-z0-9]{1,10}", fullmatch=True).filter(
    lambda w: (
        w.lower() not in {"hi", "hey", "hello", "yo", "pls", "plz", "please", "thanks", "ta"}
        and not set(w.lower()) <= {"x"}
    )
)


@given(KEYWORD, PADDING, PADDING)
def test_carrier_keyword_in_any_case_with_padding_is_stop(keyword, before, after):
    assert parse(f"{before}{keyword}{after}", AT).intent == "stop"


@given(KEYWORD, st.lists(OTHER_WORD, min_size=1, max_size=4), st.booleans())
@example(keyword="unsubscribe", others=["LA", "LA"], first=False)
def test_longer_sentence_containing_a_carrier_keyword_is_not_stop(keyword, others, first):
    words = [keyword, *others] if first else [*others, keyword]
    assert parse(" ".join(words), AT).intent != "stop"


def test_a_text_half_a_point_closer_to_another_language_is_read_in_the_sender_s_own():
    """ "voy a llegar 10 minutos tarde" reads a little more Portuguese ("minutos", "tarde") than
    Spanish; from a Spanish worker it was answered in Portuguese. English, every worker's
    language until they show another, settles nothing but a tie."""
    body = "voy a llegar 10 minutos tarde"
    assert parse(body, AT, language="es").text_language == "es"
    assert parse(body, AT).text_language == "pt"
    assert parse("12.12 od 9 do 17", AT, language="en").text_language == "pl"

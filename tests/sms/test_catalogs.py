"""Every reply in every language: complete, with the English template's fields, within two SMS
segments with the longest values, keeping the reference, the time and the rate, and telling the
worker to send back words the parser reads as the command meant."""

import re
from datetime import datetime
from string import Formatter
from zoneinfo import ZoneInfo

import pytest

from sms.catalogs import translations
from sms.parser import parse
from sms.parsing.lexicon import languages
from sms.segments import segments
from sms.templates import render
from sms.words import EN
from tests.sms.test_templates import LONGEST

OURS = ("es", "pl", "ro", "pt")
AT = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))


def fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@pytest.mark.parametrize("language", OURS)
def test_every_notice_kind_has_words_in_the_language(language):
    catalog = translations().get(language, {})
    missing = sorted(kind for kind in EN if not catalog.get(kind))
    assert missing == []


def test_polish_never_puts_a_skill_s_bare_name_after_na_or_za():
    """Before, "spóźnisz się 10 min na opieka", "Twoje 4h za opieka": the skill's name in the
    nominative where Polish needs another case. Now "na zmianę opieka", the shift named."""
    after = [
        kind
        for kind, words in translations()["pl"].items()
        if re.search(r"(?i)(?<![a-ząćęłńóśźż])(?:na|za)\s+\{skill\}", words)
    ]
    assert after == []


@pytest.mark.parametrize("language", OURS)
def test_a_translation_fills_exactly_the_fields_the_english_does(language):
    catalog = translations().get(language, {})
    differ = {
        kind: (sorted(fields_of(words)), sorted(fields_of(EN[kind])))
        for kind, words in catalog.items()
        if kind in EN and fields_of(words) != fields_of(EN[kind])
    }
    assert differ == {}


@pytest.mark.parametrize("language", OURS)
@pytest.mark.parametrize("kind", sorted(EN))
def test_every_reply_fits_two_segments_with_the_longest_values(language, kind):
    assert segments(render(kind, language, LONGEST)) <= 2


# What a worker must still read after the longest values are fitted in.
KEPT = {
    "offer": ("ref", "rate", "when"),
    "booked": ("ref", "when"),
    "confirm_drop": ("ref", "when"),
    "confirm_decline": ("ref", "when"),
    "reminder_evening": ("ref", "when"),
}


@pytest.mark.parametrize("language", ("en", *OURS))
@pytest.mark.parametrize("kind", sorted(KEPT))
def test_the_cut_never_removes_the_reference_the_time_or_the_rate(language, kind):
    text = render(kind, language, LONGEST)
    english = render(kind, "en", LONGEST)
    for field in KEPT[kind]:
        if field == "ref":
            assert LONGEST["ref"] in text
        elif field == "rate":
            assert "999,99" in text or "999.99" in text
        else:
            clock = re.search(r"[0-9]{2}:[0-9]{2}-[A-Za-z]* ?[0-9]{2}:[0-9]{2}", english).group(0)
            assert clock[:5] in text


# The command each kind tells a worker to send, and what it must be read as.
ASKS = {
    "offer": (("Y", "accept"), ("N", "decline")),
    "confirm_drop": (("DROP", "cancel"),),
    "confirm_decline": (("N", "decline"),),
    "which": (("Y", "accept"),),
    "which_decline": (("N", "decline"),),
    "which_booking": (("DROP", "cancel"),),
    "booked": (("DROP", "cancel"),),
    "confirm_busy": (("BUSY", "busy"),),
}
SAMPLE_ARGS = {
    "Y": "4821", "N": "4821", "DROP": "4821", "AVAILABLE": "sat 9-17", "LATE": "15",
    "HERE": "", "DONE": "5.5", "SHIFTS": "", "HELP": "", "RATE": "14.50",
    "POSTCODE": "E1 6AN", "SKILLS": "care cleaning", "NAME": "Ann Smith", "TAX": "20",
    "DELETE": "", "DISPUTE": "4821 they paid 2 hours not 4", "APPEAL": "D12 i was there",
    "WHY": "4821", "MYDATA": "", "WHOSAW": "", "MYRECORD": "", "ACCEPT": "1042", "JOIN": "",
    "YES": "", "NO": "", "EARNINGS": "", "RATES": "cleaning", "BUSY": "sat",
}  # fmt: skip
MEANS = {
    "Y": "accept", "N": "decline", "DROP": "cancel", "AVAILABLE": "availability", "LATE": "late",
    "HERE": "check_in", "DONE": "check_out", "SHIFTS": "shifts_query", "HELP": "help",
    "RATE": "profile_update", "POSTCODE": "profile_update", "SKILLS": "profile_update",
    "NAME": "profile_update", "TAX": "profile_update", "DELETE": "delete_data",
    "DISPUTE": "dispute", "APPEAL": "appeal", "WHY": "why", "MYDATA": "my_data",
    "WHOSAW": "who_saw", "MYRECORD": "my_record", "ACCEPT": "accept", "JOIN": "register",
    "YES": "accept", "NO": "decline", "EARNINGS": "earnings", "RATES": "rates_query",
    "BUSY": "busy",
}  # fmt: skip


@pytest.mark.parametrize("language", ("en", *OURS))
@pytest.mark.parametrize("command", sorted(MEANS))
def test_each_command_word_of_a_language_reads_as_its_command(language, command):
    word = languages()[language].commands[command]
    found = parse(f"{word} {SAMPLE_ARGS[command]}".strip(), AT, language=language)
    assert found.intent == MEANS[command], (word, found.to_json())


@pytest.mark.parametrize("language", OURS)
@pytest.mark.parametrize("kind", sorted(ASKS))
def test_a_reply_tells_the_worker_the_language_s_own_command_word(language, kind):
    catalog = translations().get(language, {})
    if kind not in catalog:
        pytest.skip(f"no {language} words yet for {kind}")
    for command, _ in ASKS[kind]:
        word = languages()[language].commands[command]
        assert word in catalog[kind], (kind, word, catalog[kind])

"""SMS segment arithmetic: encodings, exact segment boundaries, fit() and to_gsm()."""

import pytest

from sms.segments import GSM7_BASIC, GSM7_EXTENDED, encoding, fit, segments, to_gsm

EMOJI = "\U0001f600"  # outside the BMP: two UTF-16 code units


def test_gsm7_alphabet_has_128_codes_less_escape():
    """The basic set is the 128-code GSM 03.38 table without the escape code."""
    assert len(GSM7_BASIC) == 127
    assert set("\f^{}\\[~]|€") == GSM7_EXTENDED


def test_plain_ascii_text_is_gsm7():
    assert encoding("Shift tomorrow 9-5 at £12.50/h? Reply YES 42") == "GSM-7"


def test_pound_and_euro_are_gsm7():
    assert encoding("£10 or €12") == "GSM-7"


def test_one_emoji_makes_a_message_ucs2():
    assert encoding("Booked! " + EMOJI) == "UCS-2"


def test_curly_quote_makes_a_message_ucs2():
    assert encoding("You\u2019re booked") == "UCS-2"


def test_empty_text_is_one_segment():
    assert segments("") == 1


@pytest.mark.parametrize(
    ("length", "expected"),
    [(1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4)],
)
def test_gsm7_segment_boundaries(length, expected):
    assert segments("a" * length) == expected


@pytest.mark.parametrize(
    ("length", "expected"),
    [(1, 1), (70, 1), (71, 2), (134, 2), (135, 3)],
)
def test_ucs2_segment_boundaries(length, expected):
    assert segments("\u0416" * length) == expected


def test_extended_chars_count_two_septets():
    """80 euro signs are 160 septets; one more character needs a second segment."""
    assert segments("€" * 80) == 1
    assert segments("€" * 80 + "a") == 2


def test_pound_counts_one_septet():
    assert segments("£" * 160) == 1


def test_extended_char_is_not_split_across_segments():
    """152 septets then a two-septet char: the char moves whole to part two."""
    assert segments("a" * 152 + "€" + "a" * 152) == 3
    assert segments("a" * 151 + "€" + "a" * 153) == 2


def test_emoji_counts_two_code_units():
    assert segments(EMOJI * 35) == 1
    assert segments(EMOJI * 35 + "a") == 2


def test_emoji_is_not_split_across_segments():
    """66 code units then a surrogate pair: the pair moves whole to part two."""
    assert segments("a" * 66 + EMOJI + "a" * 66) == 3
    assert segments("a" * 65 + EMOJI + "a" * 67) == 2


def test_fit_returns_text_that_fits_unchanged():
    text = "word " * 60
    assert fit(text) is text


def test_fit_trims_at_a_word_boundary_with_ellipsis():
    text = " ".join(f"word{i}" for i in range(100))
    out = fit(text, max_segments=1)
    assert out.endswith("...")
    assert segments(out) == 1
    assert len(out) > 150
    assert text.startswith(out[:-3])
    assert text[len(out) - 3] == " "


def test_fit_respects_two_segments_for_ucs2():
    text = ("Привет мир " * 40).strip()
    out = fit(text)
    assert segments(out) <= 2
    assert out.endswith("...")
    assert len(out) > 120


def test_fit_cuts_mid_word_when_there_is_no_space():
    out = fit("x" * 400, max_segments=1)
    assert out == "x" * 157 + "..."


def test_fit_rejects_zero_segments():
    with pytest.raises(ValueError):
        fit("hello", max_segments=0)


def test_to_gsm_replaces_curly_quotes_dashes_ellipsis_and_nbsp():
    text = "\u2018Yes\u2019 \u201cNo\u201d 9\u20135 \u2014 wait\u2026\u00a0ok"
    assert to_gsm(text) == "'Yes' \"No\" 9-5 - wait... ok"


def test_to_gsm_keeps_a_reply_in_one_gsm7_segment():
    reply = "You\u2019re booked \u2013 Sat 9:00\u201317:00 at \u00a312.50/h\u2026 Reply HELP" * 2
    assert encoding(reply) == "UCS-2"
    assert segments(reply) == 2
    fixed = to_gsm(reply)
    assert encoding(fixed) == "GSM-7"
    assert segments(fixed) == 1


def test_to_gsm_leaves_letters_and_emoji_alone():
    assert to_gsm("Café ça " + EMOJI) == "Café ça " + EMOJI

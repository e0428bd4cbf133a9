"""The parser on the labelled corpus of workers' texts in five languages (tests/sms/corpus).

Speed is bench/parser_corpus.py's to print; these hold what it reads.
"""

import pytest

from tests.sms.corpus_check import LANGUAGES, Score, lines, read_all

RESULTS = read_all(lines())
SCORE = Score.of(RESULTS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_least_97_in_100_texts_are_read_as_the_intent_they_were_labelled(language):
    assert SCORE.intents[language] >= 80
    assert SCORE.intent_rate(language) >= 0.97, [
        (r.line.id, r.line.body, r.got["intent"])
        for r in RESULTS
        if r.line.language == language and not r.intent_ok
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_least_95_in_100_labelled_fields_are_read_as_labelled(language):
    assert SCORE.field_rate(language) >= 0.95


def test_every_text_labelled_ambiguous_is_asked_back():
    assert SCORE.not_asked == []


def test_no_text_of_the_corpus_crashes_the_parser_and_every_one_has_a_rule():
    assert len(RESULTS) == len(lines())
    assert all(r.got.get("rule") for r in RESULTS)

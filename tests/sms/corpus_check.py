"""Reading the labelled corpus of workers' texts (tests/sms/corpus) and scoring the parser on it.

Shared by tests/sms/test_corpus.py and bench/parser_corpus.py.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sms.parser import parse

CORPUS = Path(__file__).parent / "corpus"
HOLDOUT = Path(__file__).parent / "holdout"
HOLDOUT2 = Path(__file__).parent / "holdout2"
HOLDOUT3 = Path(__file__).parent / "holdout3"
HOLDOUT4 = Path(__file__).parent / "holdout4"
HOLDOUT5 = Path(__file__).parent / "holdout5"
LANGUAGES = ("en", "es", "pl", "ro", "pt")


@dataclass(frozen=True)
class Line:
    id: str
    body: str
    at: datetime
    expect: dict
    note: str = ""

    @property
    def language(self) -> str:
        return self.id.split("-")[0]


def lines(folder: Path = CORPUS) -> list[Line]:
    """Every labelled line of a folder's <language>.jsonl files."""
    found = []
    for code in LANGUAGES:
        path = folder / f"{code}.jsonl"
        if not path.exists():
            continue
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            item = json.loads(raw)
            at = datetime.fromisoformat(item["at"]).replace(tzinfo=ZoneInfo(item["tz"]))
            found.append(Line(item["id"], item["body"], at, item["expect"], item.get("note", "")))
    return found


@dataclass
class Result:
    line: Line
    got: dict
    seconds: float  # processor time of this thread: what the text costs, not what else ran

    @property
    def intent_ok(self) -> bool:
        return self.got["intent"] == self.line.expect["intent"]

    @property
    def wrong_fields(self) -> list[str]:
        """The expected fields (beyond the intent) the parser did not read as labelled."""
        return [
            key
            for key, value in self.line.expect.items()
            if key != "intent" and self.got.get(key) != value
        ]

    @property
    def asked(self) -> bool:
        return bool(self.got.get("ambiguous"))


def read_all(items: list[Line]) -> list[Result]:
    results = []
    for line in items:
        begun = time.thread_time()
        got = parse(line.body, line.at).to_json()
        results.append(Result(line, got, time.thread_time() - begun))
    return results


@dataclass
class Score:
    """Accuracy by language and by intent, the confusion pairs, and the time per text."""

    intents: Counter = field(default_factory=Counter)
    intents_ok: Counter = field(default_factory=Counter)
    fields: Counter = field(default_factory=Counter)
    fields_ok: Counter = field(default_factory=Counter)
    by_intent: Counter = field(default_factory=Counter)
    by_intent_ok: Counter = field(default_factory=Counter)
    confusions: Counter = field(default_factory=Counter)
    not_asked: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, results: list[Result]) -> Score:
        score = cls()
        for r in results:
            lang, expected = r.line.language, r.line.expect["intent"]
            score.intents[lang] += 1
            score.by_intent[expected] += 1
            if r.intent_ok:
                score.intents_ok[lang] += 1
                score.by_intent_ok[expected] += 1
            else:
                score.confusions[(expected, r.got["intent"])] += 1
            checked = [k for k in r.line.expect if k != "intent"]
            score.fields[lang] += len(checked)
            score.fields_ok[lang] += len(checked) - len(r.wrong_fields)
            if r.line.expect.get("ambiguous") and not r.asked:
                score.not_asked.append(r.line.id)
        return score

    def intent_rate(self, lang: str) -> float:
        return self.intents_ok[lang] / self.intents[lang] if self.intents[lang] else 1.0

    def field_rate(self, lang: str) -> float:
        return self.fields_ok[lang] / self.fields[lang] if self.fields[lang] else 1.0

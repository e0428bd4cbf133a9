"""The parser on the labelled corpus: accuracy by language and intent, confusions, time per text.

    python -m bench.parser_corpus [--holdout | --holdout2 | --holdout3 | --holdout4 | --holdout5] [--misses]

Prints intent and field accuracy per language, accuracy per intent, the commonest confusion
pairs, the texts labelled ambiguous that were not asked back, and the median and p99 time to
read one text beside the time Python takes to fold and split the same text (the bare cost of
looking at it), measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import time
import unicodedata

from sms.parsing.reading import forget_words
from tests.sms.corpus_check import (
    CORPUS,
    HOLDOUT,
    HOLDOUT2,
    HOLDOUT3,
    HOLDOUT4,
    HOLDOUT5,
    LANGUAGES,
    Score,
    lines,
    read_all,
)


def _bare(body: str) -> float:
    begun = time.thread_time()
    unicodedata.normalize("NFKD", body.casefold()).split()
    return time.thread_time() - begun


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--holdout", action="store_true", help="the first held-out set instead")
    args.add_argument("--holdout2", action="store_true", help="the second held-out set instead")
    args.add_argument("--holdout3", action="store_true", help="the third held-out set instead")
    args.add_argument("--holdout4", action="store_true", help="the fourth held-out set instead")
    args.add_argument("--holdout5", action="store_true", help="the fifth held-out set instead")
    args.add_argument("--misses", action="store_true", help="list every line read wrongly")
    options = args.parse_args()
    chosen = {
        HOLDOUT5: options.holdout5,
        HOLDOUT4: options.holdout4,
        HOLDOUT3: options.holdout3,
        HOLDOUT2: options.holdout2,
        HOLDOUT: options.holdout,
    }
    folder = next((held for held, on in chosen.items() if on), CORPUS)
    items = lines(folder)
    # As a running exchange reads texts: every language's words loaded, but each word of these
    # texts met for the first time.
    read_all(items)
    forget_words()
    results = read_all(items)
    score = Score.of(results)
    print(f"{len(results)} texts")
    print(f"{'language':10}{'texts':>7}{'intent':>9}{'fields':>9}")
    for lang in LANGUAGES:
        if score.intents[lang]:
            print(
                f"{lang:10}{score.intents[lang]:>7}{score.intent_rate(lang):>9.1%}"
                f"{score.field_rate(lang):>9.1%}"
            )
    print("\nby intent")
    for intent, total in sorted(score.by_intent.items()):
        print(f"  {intent:16}{total:>5}{score.by_intent_ok[intent] / total:>9.1%}")
    print("\nconfusions (labelled -> read)")
    for (expected, got), count in score.confusions.most_common(15):
        print(f"  {count:>3}  {expected} -> {got}")
    print(f"\nlabelled ambiguous but not asked back: {len(score.not_asked)}")
    times = sorted(r.seconds for r in results)
    bare = sorted(_bare(r.line.body) for r in results)
    median, p99 = statistics.median(times), times[int(len(times) * 0.99)]
    print(
        f"\ntime per text: median {median * 1e6:.0f} us, p99 {p99 * 1e6:.0f} us, "
        f"max {times[-1] * 1e3:.2f} ms; bare fold-and-split median "
        f"{statistics.median(bare) * 1e6:.1f} us ({median / statistics.median(bare):.0f}x)"
    )
    if options.misses:
        print()
        for r in results:
            if not r.intent_ok or r.wrong_fields:
                wrong = "intent" if not r.intent_ok else ",".join(r.wrong_fields)
                print(f"{r.line.id:8} {wrong:14} {r.line.body!r}")
                print(f"{'':23} want {r.line.expect}")
                print(f"{'':23} got  {r.got}")


if __name__ == "__main__":
    main()

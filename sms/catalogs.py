"""Message catalogs: every word a person reads, per language, in gettext .po files (Babel).

English is the source: the templates in sms.words, each keyed by its notice kind. A language is
sms/locale/<code>.po, where each entry's msgctxt is the kind, its msgid the English template and
its msgstr the translation. `python -m sms.catalogs` writes the English template (poems.pot) and
brings every .po up to date with it, keeping what is translated and marking changed entries; it
also writes what each kind of notice must carry, which the exchange checks notices against.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from string import Formatter
from types import MappingProxyType

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from sms.words import EN

FOLDER = "locale"
DOMAIN = "poems"


def _files() -> dict[str, str]:
    folder = resources.files("sms") / FOLDER
    return {
        entry.name.removesuffix(".po"): entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".po")
    }


@cache
def translations() -> Mapping[str, Mapping[str, str]]:
    """{language: {kind: template}} for every language with a catalog; fuzzy entries left out."""
    found: dict[str, Mapping[str, str]] = {}
    for code, text in sorted(_files().items()):
        catalog = read_po(_Lines(text), locale=code)
        found[code] = MappingProxyType(
            {
                message.context: message.string
                for message in catalog
                if message.context and message.string and not message.fuzzy
            }
        )
    return MappingProxyType(found)


def languages() -> tuple[str, ...]:
    """English and every language we have a catalog for."""
    return ("en", *translations())


def template(kind: str, language: str) -> str:
    """The words of a notice kind in a language; English where the catalog has none yet."""
    if language != "en":
        found = translations().get(language, {}).get(kind)
        if found:
            return found
    return EN[kind]


class _Lines:
    """What read_po reads: lines of bytes."""

    def __init__(self, text: str) -> None:
        self.lines = [line.encode("utf-8") for line in text.splitlines(keepends=True)]

    def __iter__(self):
        return iter(self.lines)


def english_catalog() -> Catalog:
    """The template every translation follows: one entry per kind, the English as msgid."""
    catalog = Catalog(project="POEMS", domain=DOMAIN, charset="utf-8")
    for kind, words in sorted(EN.items()):
        catalog.add(words, context=kind, flags=("python-brace-format",))
    return catalog


# Fields said only when their data is there.
_OPTIONAL = frozenset(("break_note", "rate_note", "when_said"))


def notice_fields() -> dict[str, list[str]]:
    """What each kind's notice must carry, read from its English words: the exchange checks a
    notice against it when it is written (exchange/data/notice_kinds.json)."""
    found = {}
    for kind, words in sorted(EN.items()):
        named = {name for _, name, _, _ in Formatter().parse(words) if name}
        found[kind] = sorted(named - _OPTIONAL)
    return found


def write_notice_kinds(path: Path) -> None:
    path.write_text(json.dumps(notice_fields(), indent=1) + "\n", encoding="utf-8")


def update(folder: Path) -> None:
    """Write poems.pot and bring each .po in line with it: new kinds added untranslated, a kind
    whose English changed keeps its old translation marked fuzzy (not used until checked)."""
    pot = english_catalog()
    with open(folder / f"{DOMAIN}.pot", "wb") as out:
        write_po(out, pot, width=100)
    for path in sorted(folder.glob("*.po")):
        with open(path, "rb") as source:
            old = read_po(source, locale=path.stem)
        before = {message.context: message for message in old if message.context}
        merged = Catalog(locale=path.stem, project="POEMS", domain=DOMAIN, charset="utf-8")
        merged.language_team = old.language_team
        for kind, words in sorted(EN.items()):
            flags = {"python-brace-format"}
            prior = before.get(kind)
            string = prior.string if prior is not None and prior.string else ""
            if string and (prior.id != words or prior.fuzzy):
                flags.add("fuzzy")
            merged.add(words, string=string, context=kind, flags=flags)
        with open(path, "wb") as out:
            write_po(out, merged, width=100)


NOTICE_KINDS = Path(__file__).parent.parent / "exchange" / "data" / "notice_kinds.json"

if __name__ == "__main__":
    update(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / FOLDER)
    write_notice_kinds(NOTICE_KINDS)

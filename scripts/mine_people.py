"""Suspicious people and speakers on the shared crawls: a precision probe with no gold.

Runs the pipeline over a fixed shuffle of the crawl records (detik, CNN Indonesia, Kompas) and
counts, per article, PERSON names that are likely no person, by class:

- acronym: an all-capital one-word name ("CAR", "DPK");
- common_word: a one-word name the crawls mostly write in lower case ("Komoditas", "Franc");
- lower_token: a name with a lower-case word that is no name particle ("and Finance");
- title_only: a name made of honorifics and ranks alone ("Pol", "Prof");
plus direct quotes whose speaker is a one-word person, none, or an organisation while a person
is named in the same sentence. It also reports the CPU time of ``find_entities``.

    PYTHONPATH=plugins .venv/bin/python scripts/mine_people.py [--limit 3000] [--examples 10]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from eval_gold import raw_records  # noqa: E402
from warta.config import shared_dir  # noqa: E402
from warta.extract import entities  # noqa: E402
from warta.gazetteer import load_titles  # noqa: E402
from warta.model import Document, EntityType  # noqa: E402
from warta.pipeline import process_record  # noqa: E402

RUN_DATE = date(2026, 11, 29)
SEED = 7
PARTICLES = frozenset(
    {"bin", "binti", "van", "von", "der", "den", "de", "da", "dos", "al", "el", "ibn", "di",
     "la", "le", "del"}
)  # fmt: skip
MID_SENTENCE_WORD = re.compile(r"(?<=[a-z,] )([A-Za-z]+)")


def crawl_records(limit: int) -> list:
    """A fixed shuffle of the distinct crawl records, the first ``limit`` of them."""
    shared = shared_dir()
    sources = ["corpora/detik/data_berita.csv"]
    for folder, pattern in (("cnnindonesia", "*.csv"), ("kompas", "**/*.md")):
        found = (shared / "corpora" / folder).glob(pattern)
        sources += sorted(str(path.relative_to(shared)) for path in found)
    records, seen = [], set()
    for source in sources:
        for record in raw_records(source).values():
            if record.body not in seen:
                seen.add(record.body)
                records.append(record)
    random.Random(SEED).shuffle(records)
    return records[:limit]


def documents(records: list) -> tuple[list[Document], float]:
    """The documents of the records and the CPU seconds ``find_entities`` took on them."""
    spent = 0.0
    recognise = entities.find_entities

    def timed(*args):
        nonlocal spent
        started = time.process_time()
        found = recognise(*args)
        spent += time.process_time() - started
        return found

    entities.find_entities = timed
    try:
        docs = [process_record(r, RUN_DATE) for r in records]
    finally:
        entities.find_entities = recognise
    return [d for d in docs if isinstance(d, Document)], spent


def lower_case_share(docs: list[Document]) -> tuple[Counter, Counter]:
    """How often each word is written in lower and in upper case in mid-sentence."""
    lower, upper = Counter(), Counter()
    for doc in docs:
        for word in MID_SENTENCE_WORD.findall(doc.body_text):
            (lower if word[0].islower() else upper)[word.casefold()] += 1
    return lower, upper


def person_classes(name: str, lower: Counter, upper: Counter, titles: frozenset) -> list[str]:
    words = name.split()
    found = []
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", name):
        found.append("acronym")
    elif len(words) == 1 and lower[name.casefold()] >= max(3, upper[name.casefold()]):
        found.append("common_word")
    if any(word[0].islower() and word not in PARTICLES for word in words):
        found.append("lower_token")
    if all(word.casefold().rstrip(".") in titles for word in words):
        found.append("title_only")
    return found


def speaker_class(doc: Document, quote) -> str | None:
    if quote.speaker_name is None:
        return "none"
    if quote.speaker_type is EntityType.PERSON and " " not in quote.speaker_name:
        return "one_word_person"
    if quote.speaker_type is EntityType.ORG:
        end = quote.char_end
        sentence = next((s for s in doc.sentences if s.char_start <= end <= s.char_end), None)
        if sentence and any(
            m.entity_type is EntityType.PERSON
            and sentence.char_start <= m.char_start < sentence.char_end
            for m in doc.entity_mentions
        ):
            return "org_with_person_in_sentence"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args()
    docs, cpu = documents(crawl_records(args.limit))
    lower, upper = lower_case_share(docs)
    titles = frozenset(t.casefold() for t in load_titles())
    persons = suspicious = 0
    by_class: dict[str, Counter] = defaultdict(Counter)
    speakers: Counter = Counter()
    quotes = 0
    for doc in docs:
        mentions = doc.entity_mentions
        people = {m.canonical_name for m in mentions if m.entity_type is EntityType.PERSON}
        for name in people:
            persons += 1
            classes = person_classes(name, lower, upper, titles)
            suspicious += bool(classes)
            for kind in classes:
                by_class[kind][name] += 1
        for quote in doc.quotes:
            if quote.kind == "direct":
                quotes += 1
                speakers[speaker_class(doc, quote)] += 1
    print(f"{len(docs)} documents, find_entities CPU {cpu:.2f} s")
    share = suspicious / max(persons, 1)
    print(f"people (article, name) {persons}, suspicious {suspicious} = {share:.3f}")
    for kind, names in sorted(by_class.items(), key=lambda item: -sum(item[1].values())):
        shown = ", ".join(f"{name}:{count}" for name, count in names.most_common(args.examples))
        print(f"  {kind:12} {sum(names.values()):4}  {shown}")
    print(f"direct quotes {quotes}: " + ", ".join(f"{k}={v}" for k, v in speakers.items() if k))


if __name__ == "__main__":
    main()

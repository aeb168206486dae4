"""How often warta's keywords name the topic an article was crawled for.

The detik crawl records the search term that found each article (``keyword_sumber``: "suku
bunga", "Kementerian PUPR", "KPK"); the CNN Indonesia crawl keeps one CSV per search term
(``suku_bunga_scraped_articles.csv``). Where that term is written in the article's cleaned body,
a useful keyword list should name it. This is a recall check on one known topic per article, not
a full judgement of the list; a naive baseline (the most frequent non-stopword words) is scored
the same way so the figure has something to stand against.

    PYTHONPATH=plugins .venv/bin/python scripts/eval_keywords.py [--misses K]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from eval_gold import raw_records  # noqa: E402
from warta.config import shared_dir  # noqa: E402
from warta.extract.keywords import STOPWORDS  # noqa: E402
from warta.model import Document, RawRecord  # noqa: E402
from warta.pipeline import process_record  # noqa: E402

RUN_DATE = date(2026, 11, 29)
TOP_K = 8
CNN_SUFFIX = "_scraped_articles.csv"
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class TopicalArticle:
    topic: str
    record: RawRecord


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(text.casefold()))


def names_topic(keywords: list[str], topic: str) -> bool:
    """A keyword names the topic when the one's words run inside the other's ("PUPR" in
    "Kementerian PUPR", "suku bunga acuan" around "suku bunga")."""
    wanted = _words(topic)
    for keyword in keywords:
        have = _words(keyword)
        short, long = sorted((wanted, have), key=len)
        if short and any(long[i : i + len(short)] == short for i in range(len(long))):
            return True
    return False


def naive_keywords(body: str, k: int = TOP_K) -> list[str]:
    """The baseline: the k most frequent words that are not stopwords."""
    counts = Counter(w for w in _words(body) if w not in STOPWORDS and not w.isdigit())
    return [word for word, _ in counts.most_common(k)]


def topical_articles() -> Iterator[TopicalArticle]:
    """Every crawl article with its search term, each body once."""
    seen: set[str] = set()
    detik = "corpora/detik/data_berita.csv"
    with (shared_dir() / detik).open(encoding="utf-8", newline="") as handle:
        terms = {n: row["keyword_sumber"] for n, row in enumerate(csv.DictReader(handle), 1)}
    for record in raw_records(detik).values():
        if record.body not in seen and terms.get(record.record_no):
            seen.add(record.body)
            yield TopicalArticle(terms[record.record_no], record)
    for path in sorted((shared_dir() / "corpora/cnnindonesia").glob(f"*{CNN_SUFFIX}")):
        topic = path.name.removesuffix(CNN_SUFFIX).replace("_", " ")
        for record in raw_records(str(path.relative_to(shared_dir()))).values():
            if record.body not in seen:
                seen.add(record.body)
                yield TopicalArticle(topic, record)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="print the first K misses")
    args = parser.parse_args(argv)
    scored = warta_hits = naive_hits = 0
    misses: list[str] = []
    for article in topical_articles():
        document = process_record(article.record, RUN_DATE)
        if not isinstance(document, Document):
            continue
        body_words = _words(document.body_text)
        wanted = _words(article.topic)
        if not any(body_words[i : i + len(wanted)] == wanted for i in range(len(body_words))):
            continue  # the search matched something other than the text: nothing to expect
        scored += 1
        hit = names_topic(list(document.keywords), article.topic)
        warta_hits += hit
        naive_hits += names_topic(naive_keywords(document.body_text), article.topic)
        if not hit:
            misses.append(f"{article.topic!r}: {list(document.keywords)}")
    print(f"keywords naming the crawl topic (top {TOP_K}, {scored} articles that mention it)")
    print(f"  warta   {warta_hits}/{scored} = {warta_hits / scored:.3f}")
    print(f"  naive   {naive_hits}/{scored} = {naive_hits / scored:.3f}  (most frequent words)")
    for miss in misses[: args.misses]:
        print("  miss:", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Score warta's entity recogniser on the shared NER sets, and time it on real articles.

Exact span + exact type micro P/R/F1 (conlleval style) of ``warta.extract.entities.tag_tokens``
on NERGrit valid and IDNER-news dev, per type and overall; ``--timing`` adds the CPU time of
``find_entities`` and ``find_quotes`` per article over 300 real Kompas/CNN articles (cleaned,
framed and segmented as in the pipeline), so that accuracy and speed are measured together.

Usage: PYTHONPATH=plugins .venv/bin/python scripts/eval_ner.py [--timing] [--split train]
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

from warta.clean import clean_body, is_placeholder_body
from warta.conll import bio_spans, token_tag_sentences
from warta.extract import entities
from warta.extract.dateline import split_framing
from warta.extract.entities import find_entities, tag_tokens
from warta.extract.quotes import find_quotes
from warta.ingest.markdown_article import parse_markdown_article
from warta.ingest.readers import record_from_mapping
from warta.model import RawRecord
from warta.segment import segment

ROOT = Path(__file__).resolve().parents[1]
from warta.config import shared_dir  # noqa: E402

SHARED = shared_dir()
TYPES = ("PER", "ORG", "LOC")
SETS = {
    "nergrit": ("nergrit", {"dev": "valid.txt", "train": "train.txt"}),
    "idner": ("idner-news-2k", {"dev": "dev.txt", "train": "train.txt"}),
}


def score(sentences: list[list[tuple[str, str]]]) -> dict[str, tuple[int, int, int]]:
    """Per type: (correct, predicted, gold) counts."""
    correct: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold_count: Counter[str] = Counter()
    for sentence in sentences:
        gold = bio_spans([tag for _, tag in sentence])
        guess = bio_spans(tag_tokens([token for token, _ in sentence]))
        for span in gold:
            gold_count[span[2]] += 1
        for span in guess:
            predicted[span[2]] += 1
        for span in gold & guess:
            correct[span[2]] += 1
    return {t: (correct[t], predicted[t], gold_count[t]) for t in TYPES}


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(name: str, counts: dict[str, tuple[int, int, int]]) -> float:
    rows = [*counts.items(), ("ALL", tuple(sum(c[i] for c in counts.values()) for i in range(3)))]
    print(f"{name}")
    for label, (correct, predicted, gold) in rows:
        precision, recall, f1 = prf(correct, predicted, gold)
        print(
            f"  {label:4} P={precision:.3f} R={recall:.3f} F1={f1:.3f}"
            f"  (correct {correct}, predicted {predicted}, gold {gold})"
        )
    return prf(*rows[-1][1])[2]


def framed_articles(limit: int) -> list[tuple[str, list]]:
    """(body, sentences) of real articles, half Kompas and half CNN, prepared as the pipeline does.

    Bodies go through ``clean_body`` and ``split_framing`` and are split by ``segment``, so the
    timing sees exactly the text ``find_entities`` gets in a nightly run.
    """
    kompas = sorted((SHARED / "corpora" / "kompas").glob("*/*.md"))
    raws = [parse_markdown_article(path.read_text(encoding="utf-8"), "k") for path in kompas]
    raws = raws[:: max(1, len(raws) // (limit // 2))][: limit // 2]
    csv.field_size_limit(1 << 27)
    for path in sorted((SHARED / "corpora" / "cnnindonesia").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                record = record_from_mapping(row, "c", number, "timing")
                if number % 7 == 0 and isinstance(record, RawRecord) and len(record.body) > 500:
                    raws.append(record)
                if len(raws) >= limit:
                    break
        if len(raws) >= limit:
            break
    articles = []
    for raw in raws:
        framed = split_framing(clean_body(raw.body, raw.body_format), raw.url).body
        if not is_placeholder_body(framed):
            articles.append((framed, segment(framed)[1]))
    return articles


def cpu_ms_per_article(work, articles: list) -> float:
    started = time.process_time()
    for article in articles:
        work(*article)
    return (time.process_time() - started) / len(articles) * 1000


def time_articles(limit: int = 300, repeats: int = 5) -> None:
    """CPU ms per article: the first pass (empty per-text caches) and the best of ``repeats``."""
    articles = framed_articles(limit)
    mean_kb = sum(len(body) for body, _ in articles) / len(articles) / 1000
    with_mentions = [(b, s, find_entities(b, s)) for b, s in articles]
    entities.clear_caches()

    def both() -> tuple[float, float]:
        return (
            cpu_ms_per_article(find_entities, articles),
            cpu_ms_per_article(find_quotes, with_mentions),
        )

    cold = both()
    warm = [both() for _ in range(repeats)]
    print(f"{len(articles)} Kompas/CNN articles, mean {mean_kb:.1f} KB, CPU ms per article:")
    print(f"  first pass: find_entities {cold[0]:.3f}, find_quotes {cold[1]:.3f}")
    print(
        f"  best of {repeats}: find_entities {min(w[0] for w in warm):.3f}, "
        f"find_quotes {min(w[1] for w in warm):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timing", action="store_true", help="also time 300 Kompas/CNN articles")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    args = parser.parse_args()
    for name, (folder, files) in SETS.items():
        path = SHARED / "ner" / folder / files[args.split]
        report(f"{name} {files[args.split]}", score(token_tag_sentences(path)))
    if args.timing:
        time_articles()


if __name__ == "__main__":
    main()

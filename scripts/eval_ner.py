"""Score warta's entity recogniser on the shared NER sets, and time it on real articles.

Exact span + exact type micro P/R/F1 (conlleval style) of ``warta.extract.entities.tag_tokens``
on NERGrit valid and IDNER-news dev, per type and overall; ``--timing`` adds the mean time of
``find_entities`` (and ``find_quotes``) over 300 Kompas articles so that accuracy and speed are
always measured together.

Usage: PYTHONPATH=plugins .venv/bin/python scripts/eval_ner.py [--timing] [--split train]
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections import Counter
from pathlib import Path

from warta.conll import bio_spans, token_tag_sentences
from warta.extract.entities import find_entities, tag_tokens
from warta.extract.quotes import find_quotes
from warta.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARTA_SHARED", ROOT.parent / "shared"))
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


def kompas_bodies(limit: int) -> list[str]:
    """Article text of Kompas Markdown files, without the heading and the metadata table."""
    bodies = []
    for path in sorted((SHARED / "corpora" / "kompas").glob("*/*.md"))[:limit]:
        lines = path.read_text(encoding="utf-8").splitlines()
        paragraphs = [ln for ln in lines[1:] if ln.strip() and not re.match(r"\s*[|#]", ln)]
        bodies.append("\n\n".join(paragraphs))
    return bodies


def time_articles(limit: int = 300) -> None:
    bodies = kompas_bodies(limit)
    prepared = [(body, split_sentences(body)) for body in bodies]
    mean_kb = sum(len(b) for b in bodies) / len(bodies) / 1000
    # The first pass fills the per-text and per-span caches; the second shows them warm.
    for label in ("cold", "warm"):
        started = time.perf_counter()
        mentions = [find_entities(body, sentences) for body, sentences in prepared]
        entity_ms = (time.perf_counter() - started) / len(bodies) * 1000
        started = time.perf_counter()
        for (body, sentences), found in zip(prepared, mentions, strict=True):
            find_quotes(body, sentences, found)
        quote_ms = (time.perf_counter() - started) / len(bodies) * 1000
        print(
            f"{label}: {len(bodies)} Kompas articles, mean {mean_kb:.1f} KB: find_entities "
            f"{entity_ms:.3f} ms, find_quotes {quote_ms:.3f} ms per article"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timing", action="store_true", help="also time 300 Kompas articles")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    args = parser.parse_args()
    for name, (folder, files) in SETS.items():
        path = SHARED / "ner" / folder / files[args.split]
        report(f"{name} {files[args.split]}", score(token_tag_sentences(path)))
    if args.timing:
        time_articles()


if __name__ == "__main__":
    main()

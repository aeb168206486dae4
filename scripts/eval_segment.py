"""Score the sentence splitter against the hand-checked boundaries of tests/data.

Each gold line names a paragraph of the shared crawls (source file, record, paragraph index in the
cleaned body) and the character offsets where a new sentence starts; no article text is stored.
The paragraph is re-read, re-cleaned with ``clean_body`` and its sha256 compared, so a cleaner
change that alters a paragraph is reported instead of silently scoring stale offsets.

    .venv/bin/python scripts/eval_segment.py [--errors] [--rounds N]

Prints micro boundary precision/recall/F1 overall and per outlet, then the CPU time of
``segment`` on a 3 KB article (time.process_time, best of several repeats).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from warta.clean import clean_body  # noqa: E402
from warta.config import shared_dir  # noqa: E402
from warta.ingest.markdown_article import parse_markdown_article  # noqa: E402
from warta.segment import segment  # noqa: E402

SHARED = shared_dir()
GOLD = ROOT / "tests" / "data" / "sentence_boundaries.jsonl"
BODY_COLUMNS = {"cnnindonesia": "Content", "detik": "isi_berita"}


class GoldDrift(AssertionError):
    """The cleaned paragraph no longer matches the one the boundaries were checked on."""


@dataclass(frozen=True)
class GoldParagraph:
    source: str
    record: int
    paragraph_index: int
    text: str
    boundaries: tuple[int, ...]

    @property
    def outlet(self) -> str:
        return self.source.split("/")[1]


@cache
def _csv_bodies(path: Path, column: str) -> tuple[str, ...]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(row[column] or "" for row in csv.DictReader(handle))


def cleaned_body(source: str, record: int, shared: Path = SHARED) -> str:
    """The body as the pipeline cleans it; ``record`` is the 1-based CSV row (1 for Markdown)."""
    path = shared / source
    if path.suffix == ".md":
        raw = parse_markdown_article(path.read_text(encoding="utf-8"), source).body
        return clean_body(raw, "markdown")
    column = BODY_COLUMNS[source.split("/")[1]]
    return clean_body(_csv_bodies(path, column)[record - 1], "text")


def load_gold(path: Path = GOLD, shared: Path = SHARED) -> list[GoldParagraph]:
    """Gold paragraphs with their text re-derived from the shared crawls, hash-checked."""
    paragraphs = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        item = json.loads(line)
        body = cleaned_body(item["source"], item["record"], shared)
        text = body.split("\n\n")[item["paragraph_index"]]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != item["sha256"]:
            raise GoldDrift(
                f"{path.name} line {line_no}: paragraph {item['paragraph_index']} of "
                f"{item['source']} record {item['record']} changed after cleaning; re-check its "
                f"boundaries by hand and update the sha256. Now reads: {text[:120]!r}"
            )
        paragraphs.append(
            GoldParagraph(
                item["source"], item["record"], item["paragraph_index"], text,
                tuple(item["boundaries"]),
            )
        )
    return paragraphs


def predicted_boundaries(text: str) -> set[int]:
    """Offsets where the splitter starts a sentence, the first one excluded."""
    _paragraphs, sentences = segment(text)
    return {s.char_start for s in sentences[1:]}


def boundary_counts(gold: list[GoldParagraph]) -> Counter[str]:
    """True positives, false positives and false negatives summed over all paragraphs."""
    counts: Counter[str] = Counter()
    for paragraph in gold:
        expected, got = set(paragraph.boundaries), predicted_boundaries(paragraph.text)
        counts["tp"] += len(expected & got)
        counts["fp"] += len(got - expected)
        counts["fn"] += len(expected - got)
    return counts


def precision_recall_f1(counts: Counter[str]) -> tuple[float, float, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _print_errors(gold: list[GoldParagraph]) -> None:
    for paragraph in gold:
        expected, got = set(paragraph.boundaries), predicted_boundaries(paragraph.text)
        for offset, kind in [(o, "missed") for o in expected - got] + [
            (o, "spurious") for o in got - expected
        ]:
            text = paragraph.text
            before, after = text[max(0, offset - 50) : offset], text[offset : offset + 30]
            print(f"  {kind:8} {paragraph.source}#{paragraph.record}/{paragraph.paragraph_index}"
                  f" @{offset}: {before!r} | {after!r}")


def cpu_microseconds_per_3kb_article(rounds: int) -> float:
    """Best-of-five CPU time of ``segment`` on 3,000 characters of detik text."""
    bodies = _csv_bodies(SHARED / "corpora/detik/data_berita.csv", "isi_berita")
    body = "\n\n".join(bodies[:10])[:3000]
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        for _ in range(rounds):
            segment(body)
        best = min(best, (time.process_time() - started) / rounds)
    return best * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong boundary")
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    gold = load_gold()
    outlets = sorted({p.outlet for p in gold})
    for outlet in [*outlets, "all"]:
        subset = [p for p in gold if outlet in ("all", p.outlet)]
        counts = boundary_counts(subset)
        precision, recall, f1 = precision_recall_f1(counts)
        boundaries = sum(len(p.boundaries) for p in subset)
        print(f"{outlet:13} paragraphs {len(subset):3}  boundaries {boundaries:3}  "
              f"P {precision:.4f}  R {recall:.4f}  F1 {f1:.4f}  "
              f"(fp {counts['fp']}, fn {counts['fn']})")
    if args.errors:
        _print_errors(gold)
    print(f"segment(): {cpu_microseconds_per_3kb_article(args.rounds):.0f} µs CPU per 3 KB article")


if __name__ == "__main__":
    main()

"""Build warta's list of common words (``gazetteer/common_words.tsv``) for the entity rules.

Why: on outlets the rules were not written on, most spurious people are runs of capitalised
common words: fields of an office ("Direktur Manajemen Risiko"), headline words ("Intip Gaya
Prabowo"), a noun glued to a name at a sentence start ("Nama Nicke"). A word that running text
mostly writes in lower case is rarely a personal name; the list gives each such word the share
of its mid-sentence occurrences written in lower case, so the rules can ask how sure to be.

Text: the detik and CNN Indonesia crawls (every readable record except those listed in any gold
file), mid-sentence words only (after a lower-case word or a comma), so sentence starts and
headlines do not count; a word tagged as (part of) a person anywhere in the NER training files is
left out, since names like "Indah" or "Bintang" are also words.

    PYTHONPATH=plugins .venv/bin/python scripts/build_common_words.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from eval_gold import raw_records  # noqa: E402
from warta.config import shared_dir  # noqa: E402

OUT = ROOT / "plugins" / "warta" / "gazetteer" / "common_words.tsv"
GOLD_FILES = ("crawl_gold.jsonl", "holdout_gold.jsonl", "holdout2_gold.jsonl")
NER_TRAIN = ("ner/nergrit/train.txt", "ner/idner-news-2k/train.txt")
MID_SENTENCE_WORD = re.compile(r"(?<=[a-z,] )([A-Za-z][a-z]+)\b")
MIN_LOWER = 3  # seen in lower case at least this often
MIN_SHARE = 0.5  # and at least this share of its mid-sentence occurrences in lower case


def gold_records() -> set[tuple[str, int]]:
    """(source, record) of every gold line: identifiers only, nothing else is read."""
    listed = set()
    for name in GOLD_FILES:
        for line in (ROOT / "tests" / "gold" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                gold = json.loads(line)
                listed.add((gold["source"], int(gold["record"])))
    return listed


def person_words(shared: Path) -> set[str]:
    words = set()
    for name in NER_TRAIN:
        for line in (shared / name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[-1][2:] in {"PER", "PERSON"}:
                words.add(parts[0].casefold())
    return words


def main() -> None:
    shared = shared_dir()
    excluded = gold_records()
    sources = ["corpora/detik/data_berita.csv"] + sorted(
        str(path.relative_to(shared)) for path in (shared / "corpora/cnnindonesia").glob("*.csv")
    )
    lower, upper = Counter(), Counter()
    for source in sources:
        for number, record in raw_records(source).items():
            if (source, number) in excluded:
                continue
            for word in MID_SENTENCE_WORD.findall(record.body or ""):
                (lower if word[0].islower() else upper)[word.casefold()] += 1
    names = person_words(shared)
    rows = []
    for word, count in lower.items():
        share = count / (count + upper[word])
        if count >= MIN_LOWER and share >= MIN_SHARE and word not in names:
            rows.append(f"{word}\t{round(share * 100)}")
    header = (
        "# Words the detik and CNN Indonesia crawls mostly write in lower case mid-sentence,\n"
        "# with the percentage of lower-case uses; built by scripts/build_common_words.py.\n"
    )
    OUT.write_text(header + "\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

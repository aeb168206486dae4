"""Weak-label check of people, organisations and offices on the whole detik crawl.

The detik crawl's ``entity`` column lists, per article, the stakeholders a person picked out by
hand ("Menteri Keuangan Purbaya Yudhi Sadewa", "Kemendagri", "Pemprov Riau"). The lists are not
exhaustive and not typed as PER/ORG/LOC, so they give no precision; what they do give, over ~900
articles instead of our 52 annotated ones, is a broad recall signal that nobody tuned on:

- coverage: of the stakeholders written verbatim in the cleaned body, the share whose first
  occurrence overlaps an entity mention warta found there;
- office: of the stakeholders written "<office> <Name>" where warta found a person ending the
  span, the share for which warta also gave that person an office (role) read from the span.

    PYTHONPATH=plugins .venv/bin/python scripts/eval_stakeholders.py [--limit N] [--misses K]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from eval_gold import raw_records  # noqa: E402
from warta.config import shared_dir  # noqa: E402
from warta.model import Document, EntityType  # noqa: E402
from warta.pipeline import process_record  # noqa: E402

DETIK = Path("corpora/detik/data_berita.csv")
RUN_DATE = date(2026, 11, 29)


@dataclass
class Share:
    hit: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, label: str) -> None:
        self.total += 1
        self.hit += ok
        if not ok:
            self.misses.append(label)

    @property
    def ratio(self) -> float:
        return self.hit / self.total if self.total else 0.0


def stakeholders(row: dict[str, str]) -> list[tuple[str, str]]:
    """(group, name) pairs of a row's ``entity`` JSON; an unreadable cell gives none."""
    try:
        groups = json.loads(row.get("entity") or "{}")
    except json.JSONDecodeError:
        return []
    return [(group, name.strip()) for group, names in groups.items() if isinstance(names, list)
            for name in names if isinstance(name, str) and name.strip()]


def score(limit: int | None) -> tuple[Share, Share, Counter[str]]:
    coverage, office = Share(), Share()
    by_group: Counter[str] = Counter()
    seen_bodies: set[str] = set()
    records = raw_records(str(DETIK))
    with (shared_dir() / DETIK).open(encoding="utf-8", newline="") as handle:
        for record_no, row in enumerate(csv.DictReader(handle), start=1):
            if limit is not None and record_no > limit:
                break
            raw = records.get(record_no)
            if raw is None or raw.body in seen_bodies:  # repeats under another search keyword
                continue
            seen_bodies.add(raw.body)
            document = process_record(raw, RUN_DATE)
            if not isinstance(document, Document):
                continue
            body = document.body_text
            for group, name in stakeholders(row):
                start = body.find(name)
                if start < 0:
                    continue
                end = start + len(name)
                inside = [m for m in document.entity_mentions
                          if m.char_start < end and m.char_end > start]
                coverage.add(bool(inside), f"{group}: {name}")
                by_group[group + (" covered" if inside else " missed")] += 1
                person = next((m for m in inside if m.entity_type is EntityType.PERSON
                               and m.char_end == end and m.char_start > start), None)
                if person is not None:
                    before_name = name[: person.char_start - start]
                    office.add(bool(person.role) and person.role in before_name,
                               f"{name} -> role {person.role!r}")
    return coverage, office, by_group


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N rows only")
    parser.add_argument("--misses", type=int, default=0, help="print the first K misses")
    args = parser.parse_args(argv)
    coverage, office, by_group = score(args.limit)
    print("detik stakeholders (weak labels; recall only, no precision)")
    print(f"  coverage: {coverage.hit}/{coverage.total} = {coverage.ratio:.3f}")
    print(f"  office of '<office> <Name>' people: {office.hit}/{office.total} = "
          f"{office.ratio:.3f}")
    for group in sorted({key.rsplit(' ', 1)[0] for key in by_group}):
        covered, missed = by_group[group + " covered"], by_group[group + " missed"]
        print(f"    {group:12s} {covered}/{covered + missed}")
    for label in (coverage.misses + office.misses)[: args.misses]:
        print("  miss:", label)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

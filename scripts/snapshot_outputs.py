"""Every ``process_record`` output of a fixed sample of crawl records, one line per record.

A speed change must not change what the pipeline produces. Run this before and after the change
and compare the two files byte for byte: each line is the ``repr`` of one ``Document`` (with its
paragraphs, sentences, entity mentions, quotes, date mentions, keywords and MinHash) or
``RejectedRecord``, for the same shuffle of crawl records that ``mine_people.py`` reads.

    PYTHONPATH=plugins .venv/bin/python scripts/snapshot_outputs.py --limit 3000 --out before.txt
    ... change the code ...
    PYTHONPATH=plugins .venv/bin/python scripts/snapshot_outputs.py --limit 3000 --out after.txt
    cmp before.txt after.txt
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))

from mine_people import RUN_DATE, crawl_records  # noqa: E402
from warta.pipeline import process_record  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=3000, help="crawl records to process")
    parser.add_argument("--out", type=Path, required=True, help="file to write the outputs to")
    args = parser.parse_args()
    digest = hashlib.sha256()
    with args.out.open("w", encoding="utf-8") as out:
        for record in crawl_records(args.limit):
            line = repr(process_record(record, RUN_DATE)) + "\n"
            out.write(line)
            digest.update(line.encode("utf-8"))
    print(f"{args.limit} records -> {args.out} (sha256 {digest.hexdigest()[:16]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

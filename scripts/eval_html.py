"""Score HTML article extraction against the shared real pages.

Prints, per page, body token F1 against the expected content, whether the title matches exactly,
whether the date is the expected calendar day in Asia/Jakarta, the extraction time, then the means.

    PYTHONPATH=plugins .venv/bin/python scripts/eval_html.py [--clean] [--baseline]

``--clean`` scores the body after ``clean_body(..., "html_text")`` as the pipeline stores it;
``--baseline`` scores plain trafilatura (default settings) for comparison.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from warta.clean import clean_body  # noqa: E402
from warta.config import shared_dir  # noqa: E402
from warta.extract.dates import parse_published  # noqa: E402
from warta.ingest.html_page import HtmlArticle, extract_html_article  # noqa: E402
from warta.ingest.readers import decode_text  # noqa: E402

SHARED = shared_dir()
WIB = timezone(timedelta(hours=7))
TOKEN = re.compile(r"\w+")


def token_f1(got: str, expected: str) -> float:
    """Multiset overlap of lowercase word tokens, as F1."""
    a, b = Counter(TOKEN.findall(got.lower())), Counter(TOKEN.findall(expected.lower()))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def expected_day(epoch_ms: str) -> date:
    return datetime.fromtimestamp(int(epoch_ms) / 1000, UTC).astimezone(WIB).date()


def extracted_day(raw: str | None) -> date | None:
    return parse_published(raw)[0]


def baseline_article(html: str) -> HtmlArticle:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True)
    if result is None:
        return HtmlArticle(body="")
    return HtmlArticle(body=result.text or "", title=result.title, date=result.date)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true", help="score the cleaned body")
    parser.add_argument("--baseline", action="store_true", help="score default trafilatura")
    parser.add_argument("--show", metavar="FILE", help="print the extracted body of one page")
    args = parser.parse_args()
    extract = baseline_article if args.baseline else extract_html_article
    cases = json.loads((SHARED / "html" / "expected.json").read_text(encoding="utf-8"))
    extract(decode_text((SHARED / "html" / cases[0]["file"]).read_bytes()))  # warm imports

    f1s, titles, dates, times = [], 0, 0, []
    for case in cases:
        html = decode_text((SHARED / "html" / case["file"]).read_bytes())
        start = time.perf_counter()
        page = extract(html)
        times.append((time.perf_counter() - start) * 1000)
        body = clean_body(page.body, "html_text") if args.clean else page.body
        if args.show == case["file"]:
            print(f"TITLE {page.title!r}\nDATE {page.date!r}\n{body}\n")
        f1 = token_f1(body, case["content"])
        title_ok = (page.title or "").strip() == case["title"].strip()
        date_ok = extracted_day(page.date) == expected_day(case["date"])
        f1s.append(f1)
        titles += title_ok
        dates += date_ok
        print(
            f"{case['file']:28} F1 {f1:.3f}  title {'ok ' if title_ok else 'BAD'}  "
            f"date {'ok ' if date_ok else 'BAD'} {page.date!s:26} {times[-1]:6.1f} ms"
            + ("" if title_ok else f"  got {page.title!r}")
        )
    n = len(cases)
    print(
        f"\nmean F1 {sum(f1s) / n:.3f}  min F1 {min(f1s):.3f}  titles {titles}/{n}  "
        f"dates {dates}/{n}  mean {sum(times) / n:.1f} ms  max {max(times):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

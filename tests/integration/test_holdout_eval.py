"""The hold-out gold set is a measurement of how extraction generalises, not a target.

These tests only check that the hold-out still evaluates (every source readable, bodies unchanged
since annotation, so the date offsets hold) and print its figures next to nothing else. The one
floor is a sanity floor far below the measured figure, so that a broken extractor shows up
without the set turning into something to tune against (tests/gold/README.md, "Hold-out set").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import eval_gold  # noqa: E402

pytestmark = pytest.mark.integration

SANITY_FLOOR_PEOPLE_F1 = 0.3
TUNED_OUTLETS = {"detik", "cnnindonesia"}


@pytest.fixture(scope="module")
def holdout(shared: Path) -> dict:
    return eval_gold.evaluate_holdout_gold()


def _gold_lines() -> list[dict]:
    text = eval_gold.HOLDOUT_GOLD.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def test_holdout_evaluates_every_article_and_prints_its_figures(holdout: dict):
    print(f"\nhold-out figures ({holdout['articles']} articles, {holdout['outlets']}):")
    print(json.dumps(holdout["figures"], indent=1))
    assert holdout["articles"] == len(_gold_lines()) >= 20
    assert all(holdout["figures"][name]["gold"] > 0
               for name in ("people", "orgs", "places", "direct_quotes", "date_spans"))


def test_holdout_bodies_have_not_drifted_so_date_offsets_still_hold(holdout: dict):
    assert holdout["body_drift"] == [], (
        "body_text changed for these hold-out records: re-check their gold date offsets and "
        "update body_sha256 (tests/gold/README.md)")


def test_holdout_shares_no_record_with_the_tuned_crawl_gold(shared: Path):
    crawl_text = eval_gold.CRAWL_GOLD.read_text(encoding="utf-8")
    crawl = [json.loads(line) for line in crawl_text.splitlines() if line]
    tuned_days = {line["source"].split("/")[2] for line in crawl
                  if line["source"].startswith("corpora/kompas/")}
    for line in _gold_lines():
        parts = line["source"].split("/")
        assert parts[0] == "html" or (parts[1] not in TUNED_OUTLETS
                                      and parts[2] not in tuned_days), line["source"]


def test_holdout_reads_at_least_ten_whole_html_pages(shared: Path):
    html = [line for line in _gold_lines() if line["source"].startswith("html/")]
    assert len(html) >= 10
    assert all(eval_gold.gold_document(line["source"], 1).body_text for line in html)


def test_holdout_people_stay_above_a_sanity_floor_only(holdout: dict):
    assert holdout["figures"]["people"]["f1"] >= SANITY_FLOOR_PEOPLE_F1, holdout["errors"]["people"]


def test_outlet_of_names_saved_pages_by_site_and_crawl_lines_by_folder():
    assert eval_gold.outlet_of({"source": "html/antara-singlepage2.html"}) == "antara"
    assert eval_gold.outlet_of({"source": "html/tempoen-singlepage.html"}) == "tempoen"
    assert eval_gold.outlet_of({"source": "corpora/detik/data_berita.csv"}) == "detik"
    assert eval_gold.outlet_of({"source": "corpora/kompas/08Jun2025/x.md",
                                "outlet": "tribunnews"}) == "tribunnews"

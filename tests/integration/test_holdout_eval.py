"""The hold-out gold sets are a measurement of how extraction generalises, not a target.

Two sets: the first hold-out, and a second one built once the first one's error classes had been
looked at (tests/gold/README.md, "Hold-out set" and "Second hold-out set"). These tests only check
that each still evaluates (every source readable, bodies unchanged since annotation, so the date
offsets hold) and print its figures next to nothing else. The one floor is a sanity floor far
below the measured figures, so that a broken extractor shows up without a set turning into
something to tune against.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import eval_gold  # noqa: E402

pytestmark = pytest.mark.integration

SANITY_FLOOR_PEOPLE_F1 = 0.3
TUNED_OUTLETS = {"detik", "cnnindonesia"}


HOLDOUTS = {path.name: path for path in (eval_gold.HOLDOUT_GOLD, eval_gold.HOLDOUT2_GOLD)}


@pytest.fixture(scope="module", params=list(HOLDOUTS.values()), ids=lambda path: path.stem)
def holdout(request: pytest.FixtureRequest, shared: Path) -> dict:
    return eval_gold.evaluate_holdout_gold(request.param)


def _gold_lines(path: Path = eval_gold.HOLDOUT_GOLD) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def _kompas_days(path: Path) -> set[str]:
    return {line["source"].split("/")[2] for line in _gold_lines(path)
            if line["source"].startswith("corpora/kompas/")}


def test_holdout_evaluates_every_article_and_prints_its_figures(holdout: dict):
    print(f"\n{holdout['name']} figures ({holdout['articles']} articles, {holdout['outlets']}):")
    print(json.dumps(holdout["figures"], indent=1))
    assert holdout["articles"] == len(_gold_lines(HOLDOUTS[holdout["name"]])) >= 20
    assert all(holdout["figures"][name]["gold"] > 0
               for name in ("people", "orgs", "places", "direct_quotes", "date_spans"))


def test_holdout_bodies_have_not_drifted_so_date_offsets_still_hold(holdout: dict):
    assert holdout["body_drift"] == [], (
        "body_text changed for these hold-out records: re-check their gold date offsets and "
        "update body_sha256 (tests/gold/README.md)")


def test_holdout_shares_no_record_with_the_tuned_crawl_gold(shared: Path):
    tuned_days = _kompas_days(eval_gold.CRAWL_GOLD)
    for line in _gold_lines():
        parts = line["source"].split("/")
        assert parts[0] == "html" or (parts[1] not in TUNED_OUTLETS
                                      and parts[2] not in tuned_days), line["source"]


def test_second_holdout_shares_no_record_with_the_crawl_gold_or_the_first_holdout(shared: Path):
    earlier = {(line["source"], line["record"])
               for path in (eval_gold.CRAWL_GOLD, eval_gold.HOLDOUT_GOLD)
               for line in _gold_lines(path)}
    second = _gold_lines(eval_gold.HOLDOUT2_GOLD)
    assert not earlier & {(line["source"], line["record"]) for line in second}


def test_second_holdout_takes_kompas_own_articles_only_from_days_no_earlier_set_uses(shared: Path):
    used_days = _kompas_days(eval_gold.CRAWL_GOLD) | _kompas_days(eval_gold.HOLDOUT_GOLD)
    for line in _gold_lines(eval_gold.HOLDOUT2_GOLD):
        assert line["source"].startswith("corpora/kompas/"), line["source"]
        if line["outlet"] == "kompas":
            assert line["source"].split("/")[2] not in used_days, line["source"]


def test_second_holdout_is_mostly_other_outlets_syndicated_inside_the_kompas_crawl(shared: Path):
    syndicated = [line for line in _gold_lines(eval_gold.HOLDOUT2_GOLD)
                  if line["outlet"] != "kompas"]
    assert len(syndicated) >= 12 and len({line["outlet"] for line in syndicated}) >= 5
    for line in syndicated:
        assert "Artikel ini telah tayang di" in (shared / line["source"]).read_text(
            encoding="utf-8"), line["source"]


def test_second_holdout_resolves_dates_from_the_day_folder(shared: Path):
    for line in _gold_lines(eval_gold.HOLDOUT2_GOLD):
        day = datetime.strptime(line["source"].split("/")[2], "%d%b%Y").date()
        assert line["published"] == day.isoformat(), line["source"]


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

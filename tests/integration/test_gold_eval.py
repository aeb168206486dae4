"""The hand-annotated gold: the seed must be entirely right, the crawl set must not regress.

Floors sit a little below what the pipeline reached when the gold was written (figures in
tests/gold/README.md); raise them when extraction improves, never lower them to pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import eval_gold  # noqa: E402

pytestmark = pytest.mark.integration

FLOORS_F1 = {"people": 0.90, "orgs": 0.90, "places": 0.96, "direct_quotes": 0.97}
FLOORS_ACCURACY = {"speakers": 0.97, "dates": 0.97, "roles": 0.90}
FLOOR_DATE_SPAN_RECALL = 0.97


@pytest.fixture(scope="module")
def crawl(shared: Path) -> dict:
    return eval_gold.evaluate_crawl_gold()


def test_every_seed_gold_field_is_right(shared: Path):
    wrong = {name: value["got"] for name, value in eval_gold.evaluate_seed().items()
             if not value["right"]}
    assert wrong == {}


def test_crawl_gold_covers_ten_articles_per_outlet(crawl: dict):
    assert crawl["articles"] >= 30
    assert all(crawl["outlets"].get(outlet, 0) >= 10
               for outlet in ("cnnindonesia", "detik", "kompas")), crawl["outlets"]


def test_annotated_bodies_have_not_drifted_so_date_offsets_still_hold(crawl: dict):
    assert crawl["body_drift"] == [], (
        "body_text changed for these records: re-check their gold date offsets and update "
        "body_sha256 (tests/gold/README.md)")


@pytest.mark.parametrize("field", sorted(FLOORS_F1))
def test_entity_and_quote_f1_stay_above_their_floor(crawl: dict, field: str):
    f1 = crawl["figures"][field]["f1"]
    assert f1 >= FLOORS_F1[field], (field, crawl["figures"][field], crawl["errors"][field])


@pytest.mark.parametrize("field", sorted(FLOORS_ACCURACY))
def test_speaker_date_and_role_accuracy_stay_above_their_floor(crawl: dict, field: str):
    accuracy = crawl["figures"][field]["accuracy"]
    assert accuracy >= FLOORS_ACCURACY[field], (field, crawl["figures"][field],
                                                crawl["errors"][field])


def test_gold_date_spans_are_found_at_their_offsets(crawl: dict):
    recall = crawl["figures"]["date_spans"]["recall"]
    assert recall >= FLOOR_DATE_SPAN_RECALL, crawl["errors"]["date_spans"]


def test_quote_prefix_hash_ignores_quotation_marks_case_and_punctuation():
    plain = eval_gold.quote_prefix_hash("Kami akan cek posisinya, dan kita diskusi lagi")
    marked = eval_gold.quote_prefix_hash("“kami  akan cek posisinya dan kita” diskusi")
    assert plain == marked
    assert plain != eval_gold.quote_prefix_hash("Kami akan cek posisi, dan kita diskusi lagi")

"""Sentence boundaries against the hand-checked gold of tests/data/sentence_boundaries.jsonl.

The gold names paragraphs of the shared CNN Indonesia, detik and Kompas crawls and the offsets where
each new sentence starts; the text is re-read and re-cleaned here (never stored in the project)
and its sha256 checked, so a cleaner change shows up as drift to re-check instead of a bad score.
Speed is measured by scripts/eval_segment.py, not here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "sentence_boundaries.jsonl"


def _load_eval_module() -> ModuleType:
    """The gold loader and scorer live in the script so the test and the report agree."""
    path = ROOT / "scripts" / "eval_segment.py"
    spec = importlib.util.spec_from_file_location("eval_segment", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


evaluation = _load_eval_module()


@pytest.fixture(scope="module")
def gold(shared: Path) -> list:
    return evaluation.load_gold(GOLD, shared)


def test_gold_covers_three_outlets_with_enough_paragraphs_and_boundaries(gold: list) -> None:
    per_outlet = Counter(paragraph.outlet for paragraph in gold)

    assert len(gold) >= 40
    assert sum(len(paragraph.boundaries) for paragraph in gold) >= 350
    assert set(per_outlet) == {"cnnindonesia", "detik", "kompas"}
    assert min(per_outlet.values()) >= 10


def test_gold_offsets_fall_inside_their_paragraph_at_a_sentence_start(gold: list) -> None:
    for paragraph in gold:
        assert list(paragraph.boundaries) == sorted(set(paragraph.boundaries))
        for offset in paragraph.boundaries:
            assert 0 < offset < len(paragraph.text)
            assert not paragraph.text[offset].isspace(), (paragraph.source, offset)


def test_gold_stores_no_article_text() -> None:
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        assert set(json.loads(line)) == {
            "source", "record", "paragraph_index", "sha256", "boundaries",
        }


def test_splitter_reaches_boundary_f1_of_at_least_0_99_on_the_gold(gold: list) -> None:
    precision, recall, f1 = evaluation.precision_recall_f1(evaluation.boundary_counts(gold))

    assert f1 >= 0.99, f"P {precision:.4f} R {recall:.4f} F1 {f1:.4f}; see eval_segment.py --errors"


def test_changed_paragraph_is_reported_as_drift_instead_of_scored(
    tmp_path: Path, shared: Path
) -> None:
    first = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    first["sha256"] = hashlib.sha256(b"a paragraph the cleaner no longer produces").hexdigest()
    stale = tmp_path / "stale.jsonl"
    stale.write_text(json.dumps(first) + "\n", encoding="utf-8")

    with pytest.raises(evaluation.GoldDrift, match="re-check its boundaries"):
        evaluation.load_gold(stale, shared)

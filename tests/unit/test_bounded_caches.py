"""A long night must not grow memory with every new text: the per-text caches are bounded.

Measured on the benchmark inbox (tracemalloc, cache cleared after 6,000 articles): a run entry
costs about 0.7 kB, a span entry 0.3-0.6 kB. Caches sized as below are full after about
10,000 articles, so a night of 100,000 holds no more of them than a night of 10,000.
"""

from __future__ import annotations

from warta import model
from warta.extract import entities, span_tagger

TEXT_KEYED_CACHES = {
    "run": entities._analyse_run,
    "lexeme": entities._lexeme,
    "static common word": entities._is_static_common,
    "surface features": entities._surface_features,
    "surface scores": entities._surface_scores,
    "span scores": entities._span_scores,
    "written in lower case": entities._written_in_lower_case,
    "token shape": span_tagger._token_shape,
}


def test_every_cache_keyed_by_article_text_has_a_bound() -> None:
    unbounded = [name for name, cached in TEXT_KEYED_CACHES.items()
                 if cached.cache_info().maxsize is None]
    assert unbounded == []


def test_the_recognisers_caches_fill_within_a_night_of_ten_thousand_articles() -> None:
    assert entities._analyse_run.cache_info().maxsize <= 1 << 14
    assert all(cached.cache_info().maxsize <= 1 << 13
               for name, cached in TEXT_KEYED_CACHES.items() if name != "run")


def test_entity_ids_are_cached_for_at_most_the_names_of_a_small_night() -> None:
    assert model.entity_id_for.cache_info().maxsize <= 1 << 15

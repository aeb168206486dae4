"""Curated name lists (written by the team) that the entity recogniser matches against.

The files are plain text so that reviewers can diff them; each loader is cached because the
recogniser compiles its lookup tables once at import time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GAZETTEER_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """A gazetteer entry: its type ("ORG" or "LOC"), canonical name and, for places, a kind."""

    entity_type: str
    canonical_name: str
    kind: str | None = None


def _data_lines(filename: str) -> list[str]:
    """Non-empty, non-comment lines; comments let the files explain themselves."""
    text = (GAZETTEER_DIR / filename).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def load_titles() -> frozenset[str]:
    """Honorifics written before names, without their trailing dot."""
    return frozenset(line.strip().rstrip(".") for line in _data_lines("persons_titles.txt"))


@cache
def load_ranks() -> frozenset[str]:
    """Police and military ranks written before a name, spelled out or abbreviated."""
    return frozenset(" ".join(line.split()) for line in _data_lines("ranks.txt"))


@cache
def load_rank_branches() -> frozenset[str]:
    """Force, corps and branch words written between a rank and the name ("Letkol Inf")."""
    return frozenset(line.strip() for line in _data_lines("rank_branches.txt"))


@cache
def load_degrees() -> frozenset[str]:
    """Academic and professional degrees written after a name, without their dots."""
    return frozenset(line.strip().replace(".", "") for line in _data_lines("degrees.txt"))


@cache
def load_known_persons() -> frozenset[str]:
    """Public figures news names bare ("rumah Trump"): a guess with such a name is a person."""
    return frozenset(line.strip() for line in _data_lines("persons.txt"))


@cache
def load_person_initials() -> dict[str, str]:
    """Initials of well-known public figures ("AHY") -> their full name."""
    return dict(line.split("\t", 1) for line in _data_lines("person_initials.tsv"))


@cache
def load_portfolio_words() -> frozenset[str]:
    """Words that extend an office's portfolio ("Bidang", "Kemaritiman") instead of naming."""
    return frozenset(word for line in _data_lines("portfolio.txt") for word in line.split())


@cache
def load_org_tails() -> frozenset[str]:
    """Last words that make a run an organisation ("Institute", "Times", "TV")."""
    return frozenset(word for line in _data_lines("org_tails.txt") for word in line.split())


@cache
def load_regional_bodies() -> frozenset[str]:
    """Listed organisations with an office in each region ("DPRD" of "DPRD Kota Semarang")."""
    return frozenset(line.strip() for line in _data_lines("regional_bodies.txt"))


@cache
def load_roles() -> frozenset[str]:
    """Offices, case-folded: text writes them capitalised before a name and lower-case elsewhere."""
    return frozenset(line.strip().casefold() for line in _data_lines("roles.txt"))


@cache
def load_stopwords() -> frozenset[str]:
    """Case-folded words that are capitalised in news text without being names."""
    return frozenset(
        word.casefold() for line in _data_lines("stopwords.txt") for word in line.split()
    )


@cache
def load_common_words() -> dict[str, int]:
    """Case-folded words running text mostly writes in lower case, with the percentage of their
    mid-sentence occurrences in lower case (built by ``scripts/build_common_words.py``)."""
    words: dict[str, int] = {}
    for line in _data_lines("common_words.tsv"):
        word, share = line.split("\t")
        words[word] = int(share)
    return words


@cache
def load_cues() -> dict[str, str]:
    """Head words ("Kementerian", "Desa") that make the run they start an ORG or a LOC."""
    cues: dict[str, str] = {}
    for line in _data_lines("cues.tsv"):
        word, entity_type = line.split("\t")
        cues[word.strip()] = entity_type.strip()
    return cues


@cache
def load_known_entities() -> dict[str, KnownEntity]:
    """Every written form (name, acronym, alias) of a known organisation or place.

    Organisations win over places on a clash because acronyms like "BI" are far more often the
    institution; the first entry of a form wins within a file so a reviewer controls order.
    """
    known: dict[str, KnownEntity] = {}
    place_lines = _data_lines("places.tsv") + _data_lines("regions_id.tsv")
    for line in place_lines:
        name, aliases, kind = (line.split("\t") + ["", ""])[:3]
        entry = KnownEntity("LOC", name.strip(), kind.strip() or None)
        for form in [name, *aliases.split("|")]:
            if form.strip():
                known.setdefault(form.strip(), entry)
    organisations: dict[str, KnownEntity] = {}
    for line in _data_lines("orgs.tsv"):
        name, aliases = (line.split("\t") + [""])[:2]
        entry = KnownEntity("ORG", name.strip())
        for form in [name, *aliases.split("|")]:
            if form.strip():
                organisations.setdefault(form.strip(), entry)
    known.update(organisations)
    return known


@cache
def load_span_model(
    filename: str = "ner_model.json",
) -> tuple[tuple[str, ...], dict[str, tuple[float, ...]]]:
    """Labels and per-feature weights of a span model trained by scripts/train_ner.py: the
    rules' guess classifier (``ner_model.json``) or the sentence tagger (``ner_tagger.json``).

    An absent model file yields no weights, so the rules still run on a fresh checkout.
    """
    path = GAZETTEER_DIR / filename
    if not path.exists():
        return ("O", "PER", "ORG", "LOC"), {}
    model = json.loads(path.read_text(encoding="utf-8"))
    weights = {feature: tuple(row) for feature, row in model["weights"].items()}
    return tuple(model["labels"]), weights


@cache
def load_word_clusters(
    path: Path | None = None,
) -> tuple[tuple[int, ...], dict[str, tuple[str, ...]]]:
    """Cluster counts of each level, and case-folded word -> its cluster id at each level
    (``word_clusters.tsv``, built from unlabelled news by scripts/train_clusters.py): the
    taggers' features for words their labelled sentences never showed.

    An absent file yields no clusters (and no cluster features), as for the model files.
    ``path`` is for scripts/train_ner.py --holdout, which uses clusters built without the
    held-out sentences.
    """
    path = path or GAZETTEER_DIR / "word_clusters.tsv"
    if not path.exists():
        return (), {}
    lines = path.read_text(encoding="utf-8").splitlines()
    levels = tuple(int(size) for size in lines[0].split("\t")[1:])
    clusters = {}
    for line in lines[1:]:
        word, *ids = line.split("\t")
        clusters[word] = tuple(ids)
    return levels, clusters

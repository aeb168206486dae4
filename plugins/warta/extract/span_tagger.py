"""Sentence-level span tagger behind ``warta tag`` / ``entities.tag_tokens``.

Why a second recogniser: the article rules in ``warta.extract.entities`` are tuned to articles
(offices, speakers, the seed gold) and only propose spans, so on general sentences their recall
caps F1. The tagger scores every sub-span (up to MAX_SPAN_TOKENS tokens) of the capitalised runs
of a sentence as PER, ORG, LOC or O with a multinomial logistic regression (``ner_tagger.json``,
scripts/train_ner.py) and keeps the most probable non-overlapping spans. The rules' own guess
for a span is one feature, so this module builds on ``entities`` (not the other way round).

A linear-chain CRF over BIO token tags (``ner_crf.json``) reads the same sentence token by token;
its spans that overlap none of the span model's are added. The two err differently: the span
model sees whole candidate names, the CRF sees label transitions and names outside the runs.
A BiLSTM-CRF (``warta.extract.neural_tagger``, ``ner_neural.npz``) reads the whole sentence and
each word's letters; with it, a span is kept when two of the three models find it exactly.

Both read word clusters learnt from unlabelled news (``word_clusters.tsv``,
scripts/train_clusters.py), so that a name or context word unseen in the labelled sentences
shares evidence with the words of its cluster. The span model also reads the dense word vectors
behind those clusters, already multiplied by its weights (``ner_tagger_vectors.npz``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from warta.extract.entities import (
    _CONLL_TAG,
    CUES,
    KNOWN,
    MAX_KNOWN_WORDS,
    MAX_ROLE_WORDS,
    ROLES,
    STOPWORDS,
    TITLES,
    WORD_CACHE_SIZE,
    _mask_listed_commas,
    _recognise,
)
from warta.gazetteer import GAZETTEER_DIR, load_span_model, load_word_clusters

MAX_SPAN_TOKENS = 6
# Word clusters file; None is the committed one (scripts/train_ner.py --holdout swaps in clusters
# built without its held-out sentences, before any feature is computed).
CLUSTERS_PATH: Path | None = None
# Lowest probability of "some entity" a span needs (chosen on a held-out slice of the training
# sets, not on the evaluation sets).
TAGGER_THRESHOLD = 0.4
# Lower-case words that may sit inside a name when a capitalised word follows them.
NAME_JOINERS = frozenset(
    ["bin", "binti", "van", "von", "der", "den", "de", "da", "dos", "al", "el", "ibn", "dan",
    "of", "the", "and", "for", "del", "du", "la", "le", "no", "y", "untuk", "&", "'", "-"]
)
# Lower-case words that continue a place name ("Afrika barat", "Jalan Menoreh raya").
DIRECTION_WORDS = frozenset(["utara", "selatan", "barat", "timur", "tengah", "raya", "baru"])
# Lower-case head words that start a name when a capitalised word follows ("desa Kramas").
LOWER_HEADS = frozenset(
    ["desa", "kota", "kecamatan", "kabupaten", "provinsi", "jalan", "danau", "sungai", "pulau",
    "kampung", "dusun", "distrik", "situs", "stasiun", "museum", "gunung", "partai",
    "kepulauan", "prefektur", "klub", "tim", "timnas", "harian", "pemerintah", "kompleks",
    "kelurahan", "teluk", "selat", "pantai", "bandara", "pelabuhan", "candi", "masjid",
    "gereja", "universitas", "kantor", "kediaman"]
)
_SHAPE_RUNS = (
    (re.compile(r"[A-Z]+"), "A"),
    (re.compile(r"[a-z]+"), "a"),
    (re.compile(r"\d+"), "9"),
)


def tag_spans(tokens: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start token, end token exclusive, "PER"/"ORG"/"LOC") of one sentence: those
    that at least two of the span model, the CRF and the neural tagger find with the same tokens
    and type (chosen on held-out train, MODEL_CARD.md). Each model's spans never overlap, so
    neither do two spans with two votes each. Without the neural model's file: the span model's
    spans, then the CRF's that overlap none of them."""
    from warta.extract import neural_tagger  # builds on this module; read by ``warta tag`` only

    span_model, crf = scored_spans(tokens), crf_spans(tokens)
    if neural_tagger.neural_model() is None:
        return added_spans(span_model, crf)
    votes: dict[tuple[int, int, str], int] = {}
    for spans in (span_model, crf, neural_tagger.neural_spans(tokens)):
        for span in set(spans):
            votes[span] = votes.get(span, 0) + 1
    return sorted(span for span, count in votes.items() if count >= 2)


def added_spans(
    first: list[tuple[int, int, str]], second: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``first``'s spans and those of ``second`` that overlap none of them."""
    taken = set()
    for start, end, _ in first:
        taken.update(range(start, end))
    return sorted(first + [span for span in second if taken.isdisjoint(range(span[0], span[1]))])


def scored_spans(tokens: list[str]) -> list[tuple[int, int, str]]:
    """The span model's entities: candidates are scored independently; the most probable ones
    above ``TAGGER_THRESHOLD`` are kept greedily, never two overlapping.
    """
    folded = [token.casefold() for token in tokens]
    rules = _rule_spans(tokens)
    scored = []
    for span in candidate_spans(tokens):
        probabilities = _tagger_probabilities(
            span_tagger_features(tokens, folded, span, rules),
            span_vector_scores(folded, span[0], span[1]),
        )
        entity = 1.0 - probabilities[0]
        if entity >= TAGGER_THRESHOLD:
            best = max(range(1, len(probabilities)), key=probabilities.__getitem__)
            scored.append((entity, span[0], span[1], tagger_model()[0][best]))
    taken = [False] * len(tokens)
    spans = []
    for _, start, end, label in sorted(scored, key=lambda item: -item[0]):
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            spans.append((start, end, label))
    return sorted(spans)


def name_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """Token ranges of capitalised runs, joined over name connectors ("bin", "van", "dan"),
    an initial's dot, short numbers ("SMA Negeri 24") and direction words ("Afrika barat");
    a lower-case head word ("desa", "kota") opens a run when a capitalised word follows."""
    runs = []
    count = len(tokens)
    index = 0
    while index < count:
        token = tokens[index]
        opens = _is_capitalised(token) or (
            token.casefold() in LOWER_HEADS
            and index + 1 < count
            and _is_capitalised(tokens[index + 1])
        )
        if not opens:
            index += 1
            continue
        end = index + 1
        while end < count:
            step = _run_step(tokens, end)
            if not step:
                break
            end += step
        runs.append((index, end))
        index = end
    return runs


def _run_step(tokens: list[str], index: int) -> int:
    """How many tokens from ``index`` continue the run before it (0 ends it)."""
    token = tokens[index]
    if _is_capitalised(token) or (token[:1].isdigit() and len(token) <= 4):
        return 1
    if token.casefold() in DIRECTION_WORDS:
        return 1
    joins = token.casefold() in NAME_JOINERS or (token == "." and len(tokens[index - 1]) <= 2)
    if joins and index + 1 < len(tokens) and _is_capitalised(tokens[index + 1]):
        return 2
    return 0


def _is_capitalised(token: str) -> bool:
    return token.lstrip("\"“('")[:1].isupper()


def candidate_spans(tokens: list[str]) -> list[tuple[int, int, int, int]]:
    """(start, end, run start, run end) of every sub-span of a run that may be a name: at most
    ``MAX_SPAN_TOKENS`` tokens, neither starting nor ending on a connector or a dot."""
    spans = []
    for run_start, run_end in name_runs(tokens):
        for start in range(run_start, run_end):
            if _is_connector(tokens[start]):
                continue
            for end in range(start + 1, min(run_end, start + MAX_SPAN_TOKENS) + 1):
                if not _is_connector(tokens[end - 1]):
                    spans.append((start, end, run_start, run_end))
    return spans


def _is_connector(token: str) -> bool:
    return token in ".," or token.casefold() in NAME_JOINERS


def _rule_spans(tokens: list[str]) -> dict[tuple[int, int], str]:
    """Token span -> "source|TYPE" of each candidate the rules propose for the sentence."""
    starts, ends, position = {}, {}, 0
    for index, token in enumerate(tokens):
        starts[position] = index
        ends[position + len(token)] = index + 1
        position += len(token) + 1
    spans = {}
    for cand in _recognise(_mask_listed_commas(" ".join(tokens))):
        start, end = starts.get(cand.start), ends.get(cand.end)
        if start is not None and end is not None:
            spans[(start, end)] = f"{cand.source}|{_CONLL_TAG[cand.entity_type]}"
    return spans


def span_tagger_features(
    tokens: list[str],
    folded: list[str],
    span: tuple[int, int, int, int],
    rules: dict[tuple[int, int], str],
) -> list[str]:
    """Features of one candidate span (shared with scripts/train_ner.py): its words, affixes and
    shapes, four words either side, where it sits in its run, word clusters, gazetteer, office
    and title hits, and the rules' guess for exactly this span."""
    start, end, run_start, run_end = span
    words = folded[start:end]
    size = end - start
    p1 = folded[start - 1] if start >= 1 else "<s>"
    p2 = folded[start - 2] if start >= 2 else "<s>"
    n1 = folded[end] if end < len(tokens) else "</s>"
    n2 = folded[end + 1] if end + 1 < len(tokens) else "</s>"
    features = [
        "b",
        f"n={size}",
        f"f={words[0]}",
        f"l={words[-1]}",
        f"sh={' '.join(_token_shape(token) for token in tokens[start:end])}",
        f"pf={words[0][:3]}",
        f"sf={words[-1][-3:]}",
        f"sf2={words[-1][-2:]}",
        f"p1={p1}",
        f"p2={p2}|{p1}",
        f"n1={n1}",
        f"n2={n1}|{n2}",
        f"p1n1={p1}|{n1}",
        f"p1l={p1}|{size}",
        f"lin={start > run_start}",
        f"rin={end < run_end}",
        f"run={min(run_end - run_start, 7)}|{size}",
        f"fn={words[0]}|{size}",
        f"p1s={_token_shape(tokens[start - 1]) if start else '<s>'}",
        f"n1s={_token_shape(tokens[end]) if end < len(tokens) else '</s>'}",
        f"n1n={n1}|{size}",
    ]
    if size > 1:
        features.append(f"txt={' '.join(words)}")
    features += [f"w={word}" for word in words]
    features += [f"ws={word[-3:]}" for word in words]
    features += [f"wp={word[:3]}" for word in words]
    features += [f"pb={word}" for word in folded[max(0, start - 4) : start]]
    features += [f"nb={word}" for word in folded[end : end + 4]]
    if start == 0:
        features.append("start")
    if start > run_start:
        features.append(f"lw={p1}")  # the run's word cut off on the left
    if end < run_end:
        features.append(f"rw={n1}")
    features += _span_cluster_features(folded, start, end)
    features += _lexicon_features(tokens, start, end)
    rule = rules.get((start, end))
    if rule:
        features += [f"r={rule}", f"rt={rule.partition('|')[2]}"]
    return features


def _span_cluster_features(folded: list[str], start: int, end: int) -> list[str]:
    """Word clusters (from unlabelled news) of the span's first, last and each word and of the
    word either side: an unseen name or context word shares them with words seen in training."""
    features = [f"cf{mark}" for mark in cluster_marks(folded[start])]
    features += [f"cl{mark}" for mark in cluster_marks(folded[end - 1])]
    for word in folded[start:end]:
        features += [f"cw{mark}" for mark in cluster_marks(word)]
    before = folded[start - 1] if start else "<s>"
    after = folded[end] if end < len(folded) else "</s>"
    features += [f"cp{mark}" for mark in cluster_marks(before)]
    features += [f"cn{mark}" for mark in cluster_marks(after)]
    coarse = [_coarse(word) for word in (before, folded[start], folded[end - 1], after)]
    features += [f"cpn={coarse[0]}|{coarse[3]}", f"cfl={coarse[1]}|{coarse[2]}"]
    return features


def _coarse(word: str) -> str:
    marks = cluster_marks(word)
    return marks[1] if len(marks) > 1 else (marks[0] if marks else word)


@cache
def _cluster_table() -> dict[str, tuple[str, ...]]:
    levels, clusters = load_word_clusters(CLUSTERS_PATH)
    return {
        word: tuple(f"{level}={cluster}" for level, cluster in zip(levels, ids, strict=True))
        for word, ids in clusters.items()
    }


def cluster_marks(word: str) -> tuple[str, ...]:
    """ "jakarta" -> ("32=26", "128=55", ...): the case-folded word's cluster at each level,
    ("?",) for a word the unlabelled text had too rarely, () at the sentence edges."""
    if word in ("<s>", "</s>"):
        return ()
    return _cluster_table().get(word, ("?",))


def _lexicon_features(tokens: list[str], start: int, end: int) -> list[str]:
    """Gazetteer, cue, title and office evidence for the span ``tokens[start:end]``."""
    words = tokens[start:end]
    several = end - start > 1
    features = []
    entry = KNOWN.get(" ".join(words))
    if entry is not None:
        features.append(f"g={entry.entity_type}")
    features += [f"gw={KNOWN[word].entity_type}" for word in words if word in KNOWN]
    if words[-1] in KNOWN:
        features.append(f"gl={KNOWN[words[-1]].entity_type}|{several}")
    if words[0] in KNOWN:
        features.append(f"gf={KNOWN[words[0]].entity_type}|{several}")
    if words[0] in CUES:
        features.append(f"cue={CUES[words[0]]}")
    if words[-1] in CUES:
        features.append(f"cuel={CUES[words[-1]]}")
    if start and tokens[start - 1].rstrip(".") in TITLES:
        features.append("title")
    if start and _office_ends_at(tokens, start):
        features.append("role")
    if any(word.casefold() in STOPWORDS for word in words):
        features.append("stop")
    if any(ch.isdigit() for word in words for ch in word):
        features.append("digit")
    return features


def _office_ends_at(tokens: list[str], end: int) -> bool:
    for size in range(min(MAX_ROLE_WORDS, end), 0, -1):
        if " ".join(tokens[end - size : end]).casefold() in ROLES:
            return True
    return False


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _token_shape(token: str) -> str:
    """ "Jakarta" -> "Aa", "BI" -> "A", "XIV-5" -> "A-9": letter case and digit runs, 5 marks."""
    for pattern, mark in _SHAPE_RUNS:
        token = pattern.sub(mark, token)
    return token[:5]


def tagger_model() -> tuple[tuple[str, ...], dict[str, tuple[float, ...]]]:
    """Labels and weights of the tagger, loaded on first use: only ``warta tag`` needs them, so
    the pipeline's workers do not pay for reading the 3 MB file."""
    return load_span_model("ner_tagger.json")


# Where a word's vector enters the span model: first word, last word, the word either side, and
# the mean over the span's words.
VECTOR_SLOTS = ("first", "last", "before", "after", "mean")


def span_vector_slots(folded: list[str], start: int, end: int) -> tuple[str | None, ...]:
    """The words whose vectors the span model reads, in ``VECTOR_SLOTS`` order (None past the
    sentence's edges); the span's words, averaged, follow them (shared with train_ner.py)."""
    before = folded[start - 1] if start else None
    after = folded[end] if end < len(folded) else None
    return (folded[start], folded[end - 1], before, after)


@cache
def tagger_vector_table() -> tuple[dict[str, int], np.ndarray]:
    """Case-folded word -> row, and rows of (slot x label) scores: each word's SVD vector
    (scripts/train_clusters.py) times the span model's weights for that slot, precomputed by
    scripts/train_ner.py so that tagging needs no vectors. Empty without the file."""
    path = GAZETTEER_DIR / "ner_tagger_vectors.npz"
    if not path.exists():
        return {}, np.zeros((0, len(VECTOR_SLOTS), 4))
    with np.load(path) as data:
        words = data["words"].tobytes().decode("utf-8").split("\n")
        table = data["scores"].astype(float)
    return {word: row for row, word in enumerate(words)}, table


def span_vector_scores(folded: list[str], start: int, end: int) -> list[float]:
    """Label scores the span model adds from the word vectors of the span and its neighbours
    (zero for words without a vector)."""
    rows, table = tagger_vector_table()
    total = np.zeros(table.shape[2])
    if not rows:
        return total.tolist()
    for slot, word in enumerate(span_vector_slots(folded, start, end)):
        row = rows.get(word) if word is not None else None
        if row is not None:
            total += table[row, slot]
    inside = [rows[word] for word in folded[start:end] if word in rows]
    if inside:
        total += table[inside, len(VECTOR_SLOTS) - 1].sum(axis=0) / (end - start)
    return total.tolist()


def _tagger_probabilities(features: list[str], base: list[float] | None = None) -> list[float]:
    """Softmax of the summed weights of the known ``features`` (plus ``base`` scores), in the
    model's label order."""
    labels, weights = tagger_model()
    get = weights.get
    scores = list(base) if base else [0.0] * len(labels)
    for row in map(get, features):
        if row is not None:
            scores = [total + weight for total, weight in zip(scores, row, strict=True)]
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]


# --- Linear-chain CRF over BIO tags (``ner_crf.json``) -----------------------------------------

CRF_TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
# Transition score that rules a path out (an I- tag after O or after another type).
FORBIDDEN = -1e4


def crf_transition_allowed(previous: str, tag: str) -> bool:
    return not tag.startswith("I-") or previous[2:] == tag[2:]


@dataclass(frozen=True)
class CrfModel:
    """Transition scores (previous x next tag) and first-tag scores in ``CRF_TAGS`` order, with
    forbidden BIO moves set to ``FORBIDDEN``; one emission row per known feature."""

    transitions: np.ndarray
    start: np.ndarray
    rows: dict[str, int]
    emissions: np.ndarray


@cache
def crf_model() -> CrfModel:
    """The CRF, loaded on first use; no features (and no CRF spans) without the model file."""
    size = len(CRF_TAGS)
    path = GAZETTEER_DIR / "ner_crf.json"
    model = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    allowed = np.array([[crf_transition_allowed(p, t) for t in CRF_TAGS] for p in CRF_TAGS])
    first_allowed = np.array([crf_transition_allowed("O", t) for t in CRF_TAGS])
    transitions = np.array(model["transitions"]) if model else np.zeros((size, size))
    start = np.array(model["start"]) if model else np.zeros(size)
    weights = model["weights"] if model else {}
    return CrfModel(
        np.where(allowed, transitions, FORBIDDEN),
        np.where(first_allowed, start, FORBIDDEN),
        {feature: index for index, feature in enumerate(weights)},
        np.array(list(weights.values()), dtype=float).reshape(len(weights), size),
    )


def crf_spans(tokens: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans of the CRF's best (Viterbi) tag sequence for the sentence."""
    model = crf_model()
    if not model.rows or not tokens:
        return []
    emissions = np.zeros((len(tokens), len(CRF_TAGS)))
    for index, features in enumerate(crf_token_features(tokens)):
        rows = [row for row in map(model.rows.get, features) if row is not None]
        emissions[index] = model.emissions[rows].sum(axis=0)
    tags = [CRF_TAGS[index] for index in viterbi(emissions, model.transitions, model.start)]
    spans = []
    for index, tag in enumerate(tags):
        if tag.startswith("B-"):
            end = index + 1
            while end < len(tags) and tags[end] == "I-" + tag[2:]:
                end += 1
            spans.append((index, end, tag[2:]))
    return spans


def viterbi(emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray) -> list[int]:
    """Tag indices of the best path (tokens x tags emissions, previous x next transitions)."""
    scores = start + emissions[0]
    back = []
    for emission in emissions[1:]:
        candidates = scores[:, None] + transitions
        pointers = candidates.argmax(axis=0)
        back.append(pointers)
        scores = candidates[pointers, np.arange(len(scores))] + emission
    path = [int(scores.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


def crf_token_features(tokens: list[str]) -> list[list[str]]:
    """Features of each token (shared with scripts/train_ner.py): the word, its affixes and
    shape, two words and shapes either side, bags of four words either side, its place in a
    name run, the longest gazetteer match and the rules' candidate covering it (as BIO marks),
    the word clusters of the token and its neighbours, cue, title, office and stopword hits."""
    folded = [token.casefold() for token in tokens]
    count = len(tokens)
    known = _known_marks(tokens)
    rules = _rule_marks(tokens)
    runs = {}
    for run_start, run_end in name_runs(tokens):
        for index in range(run_start, run_end):
            runs[index] = "B" if index == run_start else "I"
    shapes = [_token_shape(token) for token in tokens]

    def word(index: int) -> str:
        return folded[index] if 0 <= index < count else ("<s>" if index < 0 else "</s>")

    def shape(index: int) -> str:
        return shapes[index] if 0 <= index < count else ("<s>" if index < 0 else "</s>")

    def rule_mark(index: int) -> str:
        return rules.get(index, "O").partition("|")[0]

    features = []
    for index, token in enumerate(tokens):
        lower = folded[index]
        row = [
            "b",
            f"w={lower}",
            f"sh={shapes[index]}",
            f"p3={lower[:3]}",
            f"s3={lower[-3:]}",
            f"s2={lower[-2:]}",
            f"p4={lower[:4]}",
            f"s4={lower[-4:]}",
            f"w-1={word(index - 1)}",
            f"w+1={word(index + 1)}",
            f"w-2={word(index - 2)}",
            f"w+2={word(index + 2)}",
            f"w-1w={word(index - 1)}|{lower}",
            f"ww+1={lower}|{word(index + 1)}",
            f"s-1={shape(index - 1)}",
            f"s+1={shape(index + 1)}",
            f"s-1s={shape(index - 1)}|{shapes[index]}|{shape(index + 1)}",
            f"run={runs.get(index, 'O')}|{runs.get(index - 1, 'O')}|{runs.get(index + 1, 'O')}",
            f"k={known.get(index, 'O')}",
            f"r={rules.get(index, 'O')}",
            f"rt={rule_mark(index)}",
            f"k-1={known.get(index - 1, 'O')}",
            f"k+1={known.get(index + 1, 'O')}",
            f"r-1={rule_mark(index - 1)}",
            f"r+1={rule_mark(index + 1)}",
        ]
        if token in KNOWN:
            row.append(f"gw={KNOWN[token].entity_type}")
        if token in CUES:
            row.append(f"cue={CUES[token]}")
        if index and tokens[index - 1].rstrip(".") in TITLES:
            row.append("title")
        if index and _office_ends_at(tokens, index):
            row.append("role")
        if index == 0:
            row.append("first")
        if lower in STOPWORDS:
            row.append("stop")
        row += [f"c{mark}" for mark in cluster_marks(lower)]
        row += [f"c-1{mark}" for mark in cluster_marks(word(index - 1))]
        row += [f"c+1{mark}" for mark in cluster_marks(word(index + 1))]
        row += [f"pb={folded[before]}" for before in range(max(0, index - 4), index)]
        row += [f"nb={folded[after]}" for after in range(index + 1, min(count, index + 5))]
        features.append(row)
    return features


def _known_marks(tokens: list[str]) -> dict[int, str]:
    """Token index -> "B-ORG", "I-LOC"...: the longest gazetteer name at each point, left to
    right."""
    marks = {}
    index = 0
    while index < len(tokens):
        size = next(
            (
                size
                for size in range(min(MAX_KNOWN_WORDS, len(tokens) - index), 0, -1)
                if " ".join(tokens[index : index + size]) in KNOWN
            ),
            0,
        )
        if not size:
            index += 1
            continue
        kind = KNOWN[" ".join(tokens[index : index + size])].entity_type
        marks[index] = f"B-{kind}"
        for inside in range(index + 1, index + size):
            marks[inside] = f"I-{kind}"
        index += size
    return marks


def _rule_marks(tokens: list[str]) -> dict[int, str]:
    """Token index -> "B-ORG|known", "I-PER|guess"...: the rules' candidates, longest first."""
    marks: dict[int, str] = {}
    ordered = sorted(_rule_spans(tokens).items(), key=lambda item: item[0][0] - item[0][1])
    for (start, end), rule in ordered:
        if any(index in marks for index in range(start, end)):
            continue
        source, kind = rule.split("|")
        marks[start] = f"B-{kind}|{source}"
        for index in range(start + 1, end):
            marks[index] = f"I-{kind}|{source}"
    return marks

"""Build warta's word clusters (``word_clusters.tsv``) from unlabelled text, for the NER taggers.

Why: the span model and the CRF of ``warta tag`` learn from ~3,100 labelled sentences, so most
names and many context words of a new sentence were never seen in training. Words that occur in
the same contexts in unlabelled news ("kata", "ujar", "ungkap"; "jakarta", "bandung", "medan")
fall into the same cluster, and a cluster id seen in training carries over to its unseen members.

Text: every readable record of the shared crawls (``corpora/``, read, cleaned and framed as the
nightly run does) plus the tokens (not the tags) of the NER training files; never the NER
valid/dev files. Words are case-folded and tokenised like the NER sets (words, numbers, single
punctuation marks).

Recipe (numpy/scipy only, deterministic): vocabulary of words seen >= ``MIN_COUNT`` times (at most
``MAX_WORDS``); co-occurrence counts within ``WINDOW`` words either side, weighted 1/distance;
positive PMI with context-distribution smoothing (counts^0.75); truncated SVD to ``DIMENSIONS``
(rows scaled by sqrt of the singular values) and L2-normalised; spherical k-means (fixed seed,
k-means++ start) at each of ``LEVELS`` cluster counts. The file holds one line per word: the
word and its cluster id at each level; no sentences. The vectors go to
``build/<clusters file name>.vectors.npz`` for scripts/train_ner.py (not committed).

``--vectors-only`` writes the vectors and leaves the clusters file alone (the committed clusters
were built from the crawl readers of an earlier commit; see MODEL_CARD.md).

Usage: PYTHONPATH=plugins .venv/bin/python scripts/train_clusters.py [--holdout] [--vectors-only]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from warta.clean import clean_body, is_placeholder_body  # noqa: E402
from warta.config import shared_dir  # noqa: E402
from warta.conll import token_tag_sentences  # noqa: E402
from warta.extract.dateline import split_framing  # noqa: E402
from warta.ingest import format_of, read_records  # noqa: E402
from warta.model import RawRecord, SourceFile  # noqa: E402

SHARED = shared_dir()
OUT_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "word_clusters.tsv"
# Clusters for scripts/train_ner.py --holdout: built without its held-out sentences.
HOLDOUT_PATH = ROOT / "build" / "word_clusters.holdout.tsv"
NER_TRAIN = (("nergrit", "train.txt"), ("idner-news-2k", "train.txt"))
MIN_COUNT = 3
MAX_WORDS = 50_000
WINDOW = 2
DIMENSIONS = 100
LEVELS = (32, 128, 512, 2048)
KMEANS_ITERATIONS = 15
SEED = 13
TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")


def crawl_texts(exclude: frozenset[tuple[str, int]] = frozenset()) -> list[str]:
    """Cleaned, framed bodies and titles of every readable record of the shared crawls, less
    the (source, record number) pairs in ``exclude`` (gold records a model must not see)."""
    texts = []
    for path in sorted((SHARED / "corpora").rglob("*")):
        fmt = format_of(path.name)
        if fmt is None or not path.is_file() or path.name == "SOURCE.txt":
            continue
        source = str(path.relative_to(SHARED))
        file = SourceFile(source, source, path.stat().st_size, fmt)
        for record in read_records(path, file):
            if not isinstance(record, RawRecord) or (source, record.record_no) in exclude:
                continue
            body = split_framing(clean_body(record.body, record.body_format), record.url).body
            if not is_placeholder_body(body):
                texts.append(f"{record.title or ''}\n{body}")
    return texts


def sentences(holdout: bool) -> list[list[str]]:
    """Case-folded token lists: one per crawl line, one per NER training sentence (without
    every 7th, which train_ner.py --holdout scores on, when ``holdout``)."""
    out = []
    for text in crawl_texts():
        for line in text.splitlines():
            tokens = TOKEN.findall(line.casefold())
            if len(tokens) > 1:
                out.append(tokens)
    for folder, name in NER_TRAIN:
        for number, sentence in enumerate(token_tag_sentences(SHARED / "ner" / folder / name)):
            if holdout and number % 7 == 0:
                continue
            out.append([token.casefold() for token, _ in sentence])
    return out


def cooccurrence(lines: list[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Symmetric word x word counts within ``WINDOW`` tokens, weighted 1/distance."""
    rows, cols, weights = [], [], []
    for tokens in lines:
        ids = np.array([vocabulary.get(token, -1) for token in tokens])
        for distance in range(1, WINDOW + 1):
            left, right = ids[:-distance], ids[distance:]
            keep = (left >= 0) & (right >= 0)
            rows += [left[keep], right[keep]]
            cols += [right[keep], left[keep]]
            weights.append(np.full(2 * int(keep.sum()), 1.0 / distance))
    size = len(vocabulary)
    matrix = sparse.coo_matrix(
        (np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))), shape=(size, size)
    )
    return matrix.tocsr()


def ppmi(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Positive PMI, with context counts raised to 0.75 (rare contexts inflate PMI less)."""
    counts = counts.tocoo()
    total = counts.sum()
    words = np.asarray(counts.sum(axis=1)).ravel()
    contexts = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
    contexts /= contexts.sum()
    pmi = np.log(counts.data / total / (words[counts.row] / total) / contexts[counts.col])
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (counts.row[keep], counts.col[keep])), shape=counts.shape)


def embed(matrix: sparse.csr_matrix) -> np.ndarray:
    """Rows of the truncated SVD (scaled by sqrt singular values), L2-normalised."""
    start = np.random.default_rng(SEED).standard_normal(min(matrix.shape))
    left, values, _ = svds(matrix, k=DIMENSIONS, v0=start, random_state=SEED)
    order = np.argsort(-values)
    vectors = left[:, order] * np.sqrt(values[order])
    # svds' sign per component is arbitrary; fix it so that the output is reproducible
    vectors *= np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(DIMENSIONS)])
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def kmeans(vectors: np.ndarray, k: int, weights: np.ndarray) -> np.ndarray:
    """Cluster index of each unit vector: spherical k-means from a k-means++ start (cosine),
    centroids weighted by word frequency so that frequent words anchor the clusters."""
    rng = np.random.default_rng(SEED + k)
    first = rng.choice(len(vectors), p=weights / weights.sum())
    centres = [vectors[first]]
    nearest = 1.0 - vectors @ vectors[first]
    for _ in range(1, k):
        p = np.maximum(nearest, 0) * weights
        pick = rng.choice(len(vectors), p=p / p.sum())
        centres.append(vectors[pick])
        nearest = np.minimum(nearest, 1.0 - vectors @ vectors[pick])
    centroids = np.array(centres)
    for _ in range(KMEANS_ITERATIONS):
        assign = np.concatenate(
            [(block @ centroids.T).argmax(axis=1) for block in np.array_split(vectors, 8)]
        )
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, vectors * weights[:, None])
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroids = np.where(norms > 0, sums / np.maximum(norms, 1e-12), centroids)
    return assign


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", action="store_true", help=f"write {HOLDOUT_PATH.name}")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--vectors-only", action="store_true", help="do not rewrite the clusters")
    args = parser.parse_args()
    out_path = HOLDOUT_PATH if args.holdout else OUT_PATH
    out_path.parent.mkdir(exist_ok=True)
    lines = sentences(args.holdout)
    counts = Counter(token for tokens in lines for token in tokens)
    frequent = sorted(
        (w for w, count in counts.items() if count >= args.min_count and not w.startswith("#")),
        key=lambda word: (-counts[word], word),
    )[:MAX_WORDS]
    vocabulary = {word: index for index, word in enumerate(frequent)}
    print(f"{len(lines)} lines, {sum(counts.values())} tokens, {len(vocabulary)} words")
    vectors = embed(ppmi(cooccurrence(lines, vocabulary)))
    weights = np.log1p(np.array([counts[word] for word in frequent], dtype=float))
    # the vectors themselves, for scripts/train_ner.py (the span model reads them; not committed)
    vectors_path = ROOT / "build" / f"{out_path.stem}.vectors.npz"
    vectors_path.parent.mkdir(exist_ok=True)
    np.savez(vectors_path, words=np.array(frequent), vectors=vectors.astype(np.float32))
    print(f"{vectors_path}: {vectors_path.stat().st_size} bytes")
    if args.vectors_only:
        return
    levels = [kmeans(vectors, k, weights) for k in LEVELS]
    with out_path.open("w", encoding="utf-8") as handle:
        # header: the cluster count of each level (the file's comment is this script)
        handle.write("\t".join(["#levels", *map(str, LEVELS)]) + "\n")
        for index, word in enumerate(frequent):
            handle.write("\t".join([word, *(str(int(level[index])) for level in levels)]) + "\n")
    print(f"{out_path}: {out_path.stat().st_size} bytes")


if __name__ == "__main__":
    main()

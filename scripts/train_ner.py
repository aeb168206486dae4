"""Train warta's learned entity models: the sentence span tagger, its CRF and the guess classifier.

``--model tagger`` (default): every sub-span (<= 6 tokens) of the capitalised runs of each
sentence (``span_tagger.candidate_spans``) is labelled PER/ORG/LOC when a gold entity has exactly
its tokens, else O; a multinomial logistic regression over ``span_tagger.span_tagger_features`` is
written to ``plugins/warta/gazetteer/ner_tagger.json`` (used by ``tag_tokens``). ``--holdout``
instead trains on 6/7 of each training set and prints F1 on the held-out 1/7 for a few decision
thresholds, which is how ``TAGGER_THRESHOLD`` and ``--l2`` were chosen (never on valid/dev).

``--model crf``: a linear-chain CRF over BIO token tags (``span_tagger.CRF_TAGS``) with the
features of ``span_tagger.crf_token_features`` (seen twice or more), fitted by L-BFGS on the
log-likelihood + l2/2 |W|^2 (forward-backward in numpy, sentences batched by length), written to
``ner_crf.json``. ``--holdout`` instead trains the span model and the CRF on 6/7 of each training
set and prints held-out F1 of each and of their union (``span_tagger.added_spans``; ``tag_spans``
without the neural tagger, see scripts/train_ner_neural.py --combine).

``--model classifier``: the rules of ``warta.extract.entities`` propose candidate spans; each is
labelled PER/ORG/LOC when a gold entity of the NERGrit and IDNER-news training sets has exactly
its tokens, else O. A multinomial logistic regression (L2, L-BFGS from scipy) over
``span_features`` is fitted and its weights are written to ``ner_model.json``.

Both files hold feature strings and numbers only, no training sentences. Then run
scripts/eval_ner.py and update MODEL_CARD.md.

Usage: PYTHONPATH=plugins .venv/bin/python scripts/train_ner.py [--model tagger|crf|classifier]
           [--l2 1.0] [--holdout]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy import optimize, sparse
from scipy.special import logsumexp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_ner import SHARED  # noqa: E402
from warta.conll import bio_spans, token_tag_sentences  # noqa: E402
from warta.extract import entities, span_tagger  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "ner_model.json"
TAGGER_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "ner_tagger.json"
CRF_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "ner_crf.json"
TAGGER_VECTORS_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "ner_tagger_vectors.npz"
HOLDOUT_CLUSTERS = ROOT / "build" / "word_clusters.holdout.tsv"
# SVD word vectors written by scripts/train_clusters.py (with --holdout: without held-out text)
VECTORS = ROOT / "build" / "word_clusters.vectors.npz"
HOLDOUT_VECTORS = ROOT / "build" / "word_clusters.holdout.vectors.npz"
VECTOR_SCALE = 2.0  # the vectors' weight against the binary features under one L2 (held-out)
CRF_BATCH = 200  # sentences per forward-backward batch (sorted by length, so little padding)
THRESHOLDS = (0.3, 0.4, 0.5)
LABELS = ("O", "PER", "ORG", "LOC")
TRAIN_FILES = (("nergrit", "train.txt"), ("idner-news-2k", "train.txt"))


def labelled_candidates(path: Path) -> tuple[list[list[str]], list[int]]:
    """Features and gold label index of every rule candidate the classifier scores."""
    rows: list[list[str]] = []
    labels: list[int] = []
    for sentence in token_tag_sentences(path):
        tokens = [token for token, _ in sentence]
        gold = {(s, e): kind for s, e, kind in bio_spans([tag for _, tag in sentence])}
        starts, ends, position = {}, {}, 0
        for index, token in enumerate(tokens):
            starts[position] = index
            ends[position + len(token)] = index + 1
            position += len(token) + 1
        text = " ".join(tokens)
        for cand in entities._recognise(text):
            if cand.source not in entities.SCORED_SOURCES:
                continue
            span = (starts.get(cand.start), ends.get(cand.end))
            rows.append(entities.span_features(text, cand))
            labels.append(LABELS.index(gold.get(span, "O")))
    return rows, labels


def design_matrix(rows: list[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    indices = [[vocabulary[f] for f in row if f in vocabulary] for row in rows]
    data = np.ones(sum(len(r) for r in indices))
    pointers = np.cumsum([0, *(len(r) for r in indices)])
    flat = np.fromiter((i for r in indices for i in r), dtype=np.int64)
    return sparse.csr_matrix((data, flat, pointers), shape=(len(rows), len(vocabulary)))


def fit(x: sparse.csr_matrix, y: np.ndarray, l2: float) -> np.ndarray:
    """Softmax regression weights (features x labels) minimising log loss + l2/2 |W|^2."""
    classes = len(LABELS)
    onehot = np.eye(classes)[y]

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights = flat.reshape(x.shape[1], classes)
        scores = x @ weights
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        value = -np.log(probs[np.arange(len(y)), y] + 1e-12).sum() + l2 / 2 * (flat @ flat)
        gradient = x.T @ (probs - onehot) + l2 * weights
        return value, gradient.ravel()

    start = np.zeros(x.shape[1] * classes)
    result = optimize.minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x.reshape(x.shape[1], classes)


def labelled_spans(
    sentences: list[list[tuple[str, str]]],
) -> tuple[list[list[str]], list[int], list[tuple[int, int, int]]]:
    """Features, gold label index and (sentence, start, end) of every tagger candidate."""
    rows: list[list[str]] = []
    labels: list[int] = []
    where: list[tuple[int, int, int]] = []
    for number, sentence in enumerate(sentences):
        tokens = [token for token, _ in sentence]
        gold = {(s, e): kind for s, e, kind in bio_spans([tag for _, tag in sentence])}
        folded = [token.casefold() for token in tokens]
        rules = span_tagger._rule_spans(tokens)
        for span in span_tagger.candidate_spans(tokens):
            rows.append(span_tagger.span_tagger_features(tokens, folded, span, rules))
            labels.append(LABELS.index(gold.get(span[:2], "O")))
            where.append((number, span[0], span[1]))
    return rows, labels, where


class WordVectors:
    """Unit SVD vectors of case-folded words (``train_clusters.py``), zero for other words."""

    def __init__(self, path: Path):
        with np.load(path) as data:
            self.words = data["words"].tolist()
            self.matrix = data["vectors"].astype(float)
        self.rows = {word: row for row, word in enumerate(self.words)}
        self.zero = np.zeros(self.matrix.shape[1])

    def of(self, word: str | None) -> np.ndarray:
        row = self.rows.get(word) if word is not None else None
        return self.matrix[row] if row is not None else self.zero


def vector_rows(sentences: list, vectors: WordVectors) -> sparse.csr_matrix:
    """Dense features of every tagger candidate (``labelled_spans`` order): the vectors of the
    words of ``span_tagger.span_vector_slots`` and the mean over the span, times VECTOR_SCALE."""
    rows = []
    for sentence in sentences:
        folded = [token.casefold() for token, _ in sentence]
        for start, end, _, _ in span_tagger.candidate_spans([token for token, _ in sentence]):
            slots = [vectors.of(word) for word in span_tagger.span_vector_slots(folded, start, end)]
            mean = np.mean([vectors.of(word) for word in folded[start:end]], axis=0)
            rows.append(np.concatenate([*slots, mean]) * VECTOR_SCALE)
    return sparse.csr_matrix(np.array(rows))


def tagger_matrix(
    rows: list[list[str]], vocabulary: dict[str, int], sentences: list, vectors: WordVectors
) -> sparse.csr_matrix:
    """Binary span features followed by the dense vector features."""
    return sparse.hstack(
        [design_matrix(rows, vocabulary), vector_rows(sentences, vectors)]
    ).tocsr()


def vector_table(weights: np.ndarray, vectors: WordVectors) -> np.ndarray:
    """(words x slot x label) scores: each word's vector times the weights of each slot, so that
    ``span_tagger.span_vector_scores`` adds them without the vectors."""
    dims = vectors.matrix.shape[1]
    slots = len(span_tagger.VECTOR_SLOTS)
    blocks = weights.reshape(slots, dims, weights.shape[1])
    return np.stack([vectors.matrix @ block * VECTOR_SCALE for block in blocks], axis=1)


def vocabulary_of(rows: list[list[str]], min_count: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        for feature in row:
            counts[feature] = counts.get(feature, 0) + 1
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}


def pruned(weights: np.ndarray, smallest: float) -> np.ndarray:
    """The weights with the rows of features that barely move a score set to zero."""
    return np.where(np.abs(weights).max(axis=1, keepdims=True) >= smallest, weights, 0.0)


def write_model(path: Path, weights: np.ndarray, vocabulary: dict[str, int]) -> int:
    """Weights of the features that move a score, rounded; returns how many were kept."""
    names = sorted(vocabulary, key=vocabulary.get)
    kept = {
        name: [round(float(v), 3) for v in weights[index]]
        for index, name in enumerate(names)
        if np.abs(weights[index]).max() > 0
    }
    path.write_text(
        json.dumps({"labels": list(LABELS), "weights": kept}, ensure_ascii=False, sort_keys=True)
        + "\n",
        encoding="utf-8",
    )
    return len(kept)


def decode(probs: np.ndarray, where: list, sentences: int, threshold: float) -> list[set]:
    """``span_tagger.scored_spans``' greedy decoding, on a matrix of probabilities."""
    chosen: list[set] = [set() for _ in range(sentences)]
    taken: list[set] = [set() for _ in range(sentences)]
    for row in np.argsort(probs[:, 0], kind="stable"):
        if 1 - probs[row, 0] < threshold:
            break
        number, start, end = where[row]
        if taken[number].isdisjoint(range(start, end)):
            taken[number].update(range(start, end))
            chosen[number].add((start, end, LABELS[1 + int(np.argmax(probs[row, 1:]))]))
    return chosen


def holdout_f1(sentences: list, chosen: list[set]) -> float:
    correct = predicted = gold_count = 0
    for sentence, guess in zip(sentences, chosen, strict=True):
        gold = bio_spans([tag for _, tag in sentence])
        correct += len(gold & guess)
        predicted += len(guess)
        gold_count += len(gold)
    precision, recall = correct / max(predicted, 1), correct / max(gold_count, 1)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def training_sentences(holdout: bool) -> tuple[list, list[tuple[str, list]]]:
    """Training sentences of both sets, and with ``holdout`` every 7th sentence of each set held
    out (named by its set) instead."""
    kept: list = []
    held_out: list[tuple[str, list]] = []
    for folder, name in TRAIN_FILES:
        sentences = token_tag_sentences(SHARED / "ner" / folder / name)
        if holdout:
            held_out.append((folder, [s for n, s in enumerate(sentences) if n % 7 == 0]))
            sentences = [s for n, s in enumerate(sentences) if n % 7]
        kept += sentences
    return kept, held_out


def fit_tagger(sentences: list, args: argparse.Namespace) -> tuple[np.ndarray, dict[str, int]]:
    """Weights of the binary features (rows of weak ones zeroed), then of the vector features."""
    rows, labels, _ = labelled_spans(sentences)
    vocabulary = vocabulary_of(rows, args.min_count)
    x = tagger_matrix(rows, vocabulary, sentences, args.vectors)
    weights = fit(x, np.array(labels), args.l2)
    binary = len(vocabulary)
    weights[:binary] = pruned(weights[:binary], args.prune)
    print(f"{len(rows)} spans ({sum(1 for y in labels if y)} entities), {len(vocabulary)} features")
    return weights, vocabulary


def tagger_spans(
    sentences: list, weights: np.ndarray, vocabulary: dict[str, int], vectors: WordVectors
) -> list[set]:
    """``span_tagger.scored_spans`` of each sentence, from a weight matrix."""
    rows, _, where = labelled_spans(sentences)
    scores = tagger_matrix(rows, vocabulary, sentences, vectors) @ weights
    probs = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    return decode(probs, where, len(sentences), span_tagger.TAGGER_THRESHOLD)


def train_tagger(args: argparse.Namespace) -> None:
    sentences, held_out = training_sentences(args.holdout)
    weights, vocabulary = fit_tagger(sentences, args)
    if not args.holdout:
        kept = write_model(TAGGER_PATH, weights[: len(vocabulary)], vocabulary)
        table = vector_table(weights[len(vocabulary) :], args.vectors)
        # words as one UTF-8 text, one a line (a fixed-width string array would be 4x larger)
        words = "\n".join(args.vectors.words).encode("utf-8")
        np.savez_compressed(
            TAGGER_VECTORS_PATH,
            words=np.frombuffer(words, dtype=np.uint8),
            scores=table.astype(np.float16),
        )
        print(f"{kept} kept, {TAGGER_PATH.stat().st_size} bytes")
        print(f"vector scores of {len(table)} words, {TAGGER_VECTORS_PATH.stat().st_size} bytes")
        return
    for folder, sentences in held_out:
        held_rows, _, where = labelled_spans(sentences)
        scores = tagger_matrix(held_rows, vocabulary, sentences, args.vectors) @ weights
        probs = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        count = len(sentences)
        figures = ", ".join(
            f"threshold {t}: F1 {holdout_f1(sentences, decode(probs, where, count, t)):.3f}"
            for t in THRESHOLDS
        )
        print(f"held-out 1/7 of {folder} train: {figures}")


class CrfData:
    """Token feature matrix, gold tag indices and sentence offsets of a list of sentences."""

    def __init__(self, sentences: list, vocabulary: dict[str, int] | None, min_count: int = 2):
        rows = [
            row
            for sentence in sentences
            for row in span_tagger.crf_token_features([token for token, _ in sentence])
        ]
        self.vocabulary = vocabulary if vocabulary is not None else vocabulary_of(rows, min_count)
        self.x = design_matrix(rows, self.vocabulary)
        self.tags = [gold_tag_indices(sentence) for sentence in sentences]
        self.y = np.array([tag for tags in self.tags for tag in tags], dtype=np.int64)
        self.lengths = np.array([len(sentence) for sentence in sentences])
        self.offsets = np.concatenate([[0], np.cumsum(self.lengths)])


def gold_tag_indices(sentence: list[tuple[str, str]]) -> list[int]:
    """Gold tags as strict BIO indices into ``CRF_TAGS`` (conlleval chunks re-encoded)."""
    tags = ["O"] * len(sentence)
    for start, end, kind in bio_spans([tag for _, tag in sentence]):
        tags[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
    return [span_tagger.CRF_TAGS.index(tag) for tag in tags]


def crf_masks() -> tuple[np.ndarray, np.ndarray]:
    tags = span_tagger.CRF_TAGS
    allowed = np.array([[span_tagger.crf_transition_allowed(p, t) for t in tags] for p in tags])
    return allowed, np.array([span_tagger.crf_transition_allowed("O", t) for t in tags])


def forward_backward(
    emissions: np.ndarray, lengths: np.ndarray, starts: np.ndarray, trans: np.ndarray, first
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """log Z of each sentence of a batch, token tag marginals (tokens in order), expected
    transition counts and expected first tags, by forward-backward over the padded batch."""
    count, longest, size = len(lengths), lengths.max(), trans.shape[0]
    mask = np.arange(longest)[None, :] < lengths[:, None]
    where = np.where(mask, starts[:, None] + np.arange(longest)[None, :], 0)
    scores = np.where(mask[:, :, None], emissions[where], 0.0)
    alpha = np.zeros((count, longest, size))
    beta = np.zeros((count, longest, size))
    alpha[:, 0] = first + scores[:, 0]
    for t in range(1, longest):
        step = logsumexp(alpha[:, t - 1, :, None] + trans[None], axis=1) + scores[:, t]
        alpha[:, t] = np.where(mask[:, t, None], step, alpha[:, t - 1])
    for t in range(longest - 2, -1, -1):
        step = logsumexp(trans[None] + (scores[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        beta[:, t] = np.where(mask[:, t + 1, None], step, 0.0)
    log_z = logsumexp(alpha[np.arange(count), lengths - 1], axis=1)
    marginals = np.exp(alpha + beta - log_z[:, None, None])
    pairs = np.zeros((size, size))
    for t in range(1, longest):
        live = mask[:, t]
        joint = (
            alpha[live, t - 1, :, None]
            + trans[None]
            + (scores[live, t] + beta[live, t])[:, None, :]
            - log_z[live, None, None]
        )
        pairs += np.exp(joint).sum(axis=0)
    return log_z, marginals[mask], pairs, marginals[:, 0].sum(axis=0)


def fit_crf(data: CrfData, l2: float, max_iterations: int) -> tuple[np.ndarray, ...]:
    """Emission weights (features x tags), transition and first-tag scores of a CRF."""
    features, size = len(data.vocabulary), len(span_tagger.CRF_TAGS)
    allowed, first_allowed = crf_masks()
    gold_pairs, gold_first = np.zeros((size, size)), np.zeros(size)
    for tags in data.tags:
        gold_first[tags[0]] += 1
        for previous, tag in zip(tags, tags[1:], strict=False):
            gold_pairs[previous, tag] += 1
    gold_emissions = data.x.T @ np.eye(size)[data.y]
    order = np.argsort(data.lengths, kind="stable")
    batches = [order[i : i + CRF_BATCH] for i in range(0, len(order), CRF_BATCH)]
    token_order = np.concatenate(
        [np.arange(data.offsets[k], data.offsets[k + 1]) for batch in batches for k in batch]
    )

    def unpack(flat: np.ndarray) -> tuple[np.ndarray, ...]:
        weights = flat[: features * size].reshape(features, size)
        trans = flat[features * size : features * size + size * size].reshape(size, size)
        return weights, trans, flat[features * size + size * size :]

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights, trans, first = unpack(flat)
        usable = np.where(allowed, trans, span_tagger.FORBIDDEN)
        usable_first = np.where(first_allowed, first, span_tagger.FORBIDDEN)
        emissions = data.x @ weights
        log_z, pairs, firsts = 0.0, np.zeros((size, size)), np.zeros(size)
        marginals = np.zeros((len(data.y), size))
        pieces = []
        for batch in batches:
            z, m, p, f = forward_backward(
                emissions, data.lengths[batch], data.offsets[batch], usable, usable_first
            )
            log_z += z.sum()
            pairs += p
            firsts += f
            pieces.append(m)
        marginals[token_order] = np.concatenate(pieces)
        gold = (
            emissions[np.arange(len(data.y)), data.y].sum()
            + (gold_pairs * trans).sum()
            + (gold_first * first).sum()
        )
        value = log_z - gold + l2 / 2 * (flat @ flat)
        gradient = np.concatenate(
            [
                (data.x.T @ marginals - gold_emissions + l2 * weights).ravel(),
                ((pairs - gold_pairs) * allowed + l2 * trans).ravel(),
                (firsts - gold_first) * first_allowed + l2 * first,
            ]
        )
        return value, gradient

    start = np.zeros(features * size + size * size + size)
    result = optimize.minimize(
        loss, start, jac=True, method="L-BFGS-B", options={"maxiter": max_iterations}
    )
    print(f"CRF: {result.nit} L-BFGS iterations, loss {result.fun:.1f}")
    return unpack(result.x)


def crf_spans_of(data: CrfData, model: tuple[np.ndarray, ...]) -> list[set]:
    weights, trans, first = model
    emissions = data.x @ weights
    allowed, first_allowed = crf_masks()
    trans = np.where(allowed, trans, span_tagger.FORBIDDEN)
    first = np.where(first_allowed, first, span_tagger.FORBIDDEN)
    chosen = []
    for k in range(len(data.lengths)):
        path = span_tagger.viterbi(emissions[data.offsets[k] : data.offsets[k + 1]], trans, first)
        chosen.append(bio_spans([span_tagger.CRF_TAGS[i] for i in path]))
    return chosen


def write_crf(path: Path, model: tuple[np.ndarray, ...], data: CrfData, smallest: float) -> int:
    """Rounded transitions, first-tag scores and the emission rows that move a score."""
    weights, trans, first = model
    names = sorted(data.vocabulary, key=data.vocabulary.get)
    kept = {
        name: [round(float(v), 3) for v in weights[index]]
        for index, name in enumerate(names)
        if np.abs(weights[index]).max() >= smallest
    }
    model_json = {
        "tags": list(span_tagger.CRF_TAGS),
        "transitions": [[round(float(v), 3) for v in row] for row in trans],
        "start": [round(float(v), 3) for v in first],
        "weights": kept,
    }
    path.write_text(json.dumps(model_json, ensure_ascii=False, sort_keys=True) + "\n")
    return len(kept)


def train_crf(args: argparse.Namespace) -> None:
    sentences, held_out = training_sentences(args.holdout)
    data = CrfData(sentences, None, args.min_count)
    print(f"CRF: {len(data.y)} tokens, {len(data.vocabulary)} features")
    model = fit_crf(data, args.l2, args.max_iterations)
    if not args.holdout:
        kept = write_crf(CRF_PATH, model, data, args.prune)
        print(f"{kept} kept, {CRF_PATH.stat().st_size} bytes")
        return
    weights, vocabulary = fit_tagger(sentences, args)
    for folder, sentences in held_out:
        spans = tagger_spans(sentences, weights, vocabulary, args.vectors)
        crf = crf_spans_of(CrfData(sentences, data.vocabulary), model)
        union = [_added(mine, theirs) for mine, theirs in zip(spans, crf, strict=True)]
        crf_first = [_added(theirs, mine) for mine, theirs in zip(spans, crf, strict=True)]
        print(
            f"held-out 1/7 of {folder} train: span model F1 {holdout_f1(sentences, spans):.3f}, "
            f"CRF {holdout_f1(sentences, crf):.3f}, both {holdout_f1(sentences, union):.3f} "
            f"(CRF first: {holdout_f1(sentences, crf_first):.3f})"
        )


def _added(first: set, second: set) -> set:
    """``first``'s spans and those of ``second`` that overlap none of them (``added_spans``)."""
    return first | {c for c in second if not any(s < c[1] and c[0] < e for s, e, _ in first)}


def train_classifier(args: argparse.Namespace) -> None:
    rows: list[list[str]] = []
    labels: list[int] = []
    for folder, name in TRAIN_FILES:
        more_rows, more_labels = labelled_candidates(SHARED / "ner" / folder / name)
        rows += more_rows
        labels += more_labels
    vocabulary = vocabulary_of(rows, args.min_count)
    weights = pruned(fit(design_matrix(rows, vocabulary), np.array(labels), args.l2), 0.005)
    kept = write_model(MODEL_PATH, weights, vocabulary)
    print(
        f"{len(rows)} candidates ({sum(1 for y in labels if y)} entities), "
        f"{len(vocabulary)} features, {kept} kept, {MODEL_PATH.stat().st_size} bytes"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("tagger", "crf", "classifier"), default="tagger")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-count", type=int, default=2, help="drop rarer features")
    parser.add_argument("--prune", type=float, default=0.005, help="tagger: drop weaker rows")
    parser.add_argument("--holdout", action="store_true", help="tagger/crf: score held-out train")
    parser.add_argument("--max-iterations", type=int, default=200, help="crf: L-BFGS iterations")
    args = parser.parse_args()
    if args.holdout:
        # clusters built without the held-out sentences (their words would otherwise be known)
        assert HOLDOUT_CLUSTERS.exists(), "run scripts/train_clusters.py --holdout first"
        span_tagger.CLUSTERS_PATH = HOLDOUT_CLUSTERS
    if args.model in ("tagger", "crf"):
        vectors_path = HOLDOUT_VECTORS if args.holdout else VECTORS
        assert vectors_path.exists(), f"run scripts/train_clusters.py first ({vectors_path.name})"
        args.vectors = WordVectors(vectors_path)
    if args.model == "tagger":
        train_tagger(args)
    elif args.model == "crf":
        train_crf(args)
    else:
        train_classifier(args)


if __name__ == "__main__":
    main()

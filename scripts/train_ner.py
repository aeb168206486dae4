"""Train warta's two learned entity models: the sentence span tagger and the guess classifier.

``--model tagger`` (default): every sub-span (<= 6 tokens) of the capitalised runs of each
sentence (``span_tagger.candidate_spans``) is labelled PER/ORG/LOC when a gold entity has exactly
its tokens, else O; a multinomial logistic regression over ``span_tagger.span_tagger_features`` is
written to ``plugins/warta/gazetteer/ner_tagger.json`` (used by ``tag_tokens``). ``--holdout``
instead trains on 6/7 of each training set and prints F1 on the held-out 1/7 for a few decision
thresholds, which is how ``TAGGER_THRESHOLD`` and ``--l2`` were chosen (never on valid/dev).

``--model classifier``: the rules of ``warta.extract.entities`` propose candidate spans; each is
labelled PER/ORG/LOC when a gold entity of the NERGrit and IDNER-news training sets has exactly
its tokens, else O. A multinomial logistic regression (L2, L-BFGS from scipy) over
``span_features`` is fitted and its weights are written to ``ner_model.json``.

Both files hold feature strings and numbers only, no training sentences. Then run
scripts/eval_ner.py and update MODEL_CARD.md.

Usage: PYTHONPATH=plugins .venv/bin/python scripts/train_ner.py [--model tagger|classifier]
           [--l2 1.0] [--holdout]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_ner import SHARED  # noqa: E402
from warta.conll import bio_spans, token_tag_sentences  # noqa: E402
from warta.extract import entities, span_tagger  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "ner_model.json"
TAGGER_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "ner_tagger.json"
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
    """``span_tagger.tag_spans``'s greedy decoding, on a matrix of probabilities."""
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


def train_tagger(args: argparse.Namespace) -> None:
    rows: list[list[str]] = []
    labels: list[int] = []
    held_out = []
    for folder, name in TRAIN_FILES:
        sentences = token_tag_sentences(SHARED / "ner" / folder / name)
        if args.holdout:
            held_out.append((folder, [s for n, s in enumerate(sentences) if n % 7 == 0]))
            sentences = [s for n, s in enumerate(sentences) if n % 7]
        more_rows, more_labels, _ = labelled_spans(sentences)
        rows += more_rows
        labels += more_labels
    vocabulary = vocabulary_of(rows, args.min_count)
    weights = pruned(fit(design_matrix(rows, vocabulary), np.array(labels), args.l2), args.prune)
    print(f"{len(rows)} spans ({sum(1 for y in labels if y)} entities), {len(vocabulary)} features")
    if not args.holdout:
        kept = write_model(TAGGER_PATH, weights, vocabulary)
        print(f"{kept} kept, {TAGGER_PATH.stat().st_size} bytes")
        return
    for folder, sentences in held_out:
        held_rows, _, where = labelled_spans(sentences)
        scores = design_matrix(held_rows, vocabulary) @ weights
        probs = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        count = len(sentences)
        figures = ", ".join(
            f"threshold {t}: F1 {holdout_f1(sentences, decode(probs, where, count, t)):.3f}"
            for t in THRESHOLDS
        )
        print(f"held-out 1/7 of {folder} train: {figures}")


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
    parser.add_argument("--model", choices=("tagger", "classifier"), default="tagger")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-count", type=int, default=2, help="drop rarer features")
    parser.add_argument("--prune", type=float, default=0.005, help="tagger: drop weaker rows")
    parser.add_argument("--holdout", action="store_true", help="tagger: score held-out train")
    args = parser.parse_args()
    if args.model == "tagger":
        train_tagger(args)
    else:
        train_classifier(args)


if __name__ == "__main__":
    main()

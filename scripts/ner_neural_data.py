"""Write the training data of scripts/train_ner_neural.py (run with warta's venv, not torch's).

Why a separate step: the tagger's categorical inputs (``neural_tagger.token_fields``: gazetteer
and rule marks, clusters, shapes...) come from warta's own code, which the torch venv does not
have. This script computes them once per sentence into ``build/ner_neural.<variant>.json``
(tokens, strict-BIO gold tag indices into ``span_tagger.CRF_TAGS``, fields); the trainer reads
that file and the SVD vectors, nothing else.

``--holdout``: clusters built without the held-out sentences (``build/word_clusters.holdout.tsv``)
and every 7th sentence of each training set held out, as in ``train_ner.py --holdout``. With
``--linear`` it also fits the span model and the CRF of ``train_ner.py`` on the same 6/7 and
stores, for each held-out sentence, their spans (span model decoded at ``TAGGER_THRESHOLD``,
CRF Viterbi) and the span model's candidate probabilities, so that combinations with the neural
tagger are chosen on held-out sentences only.

``--char-lm``: the contextual character-LM embeddings of every sentence to
``build/char_lm.<variant>.npz``, an extra input of the tagger (``--extra char_lm``). Read from
``warta.extract.char_lm`` (``char_lm.npz``); the committed tagger does not use them (tried, not
kept: MODEL_CARD.md).

Usage: PYTHONPATH=plugins .venv/bin/python scripts/ner_neural_data.py [--holdout] [--linear]
           [--char-lm]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_ner  # noqa: E402
from warta.extract import neural_tagger, span_tagger  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"


def encoded(sentences: list) -> list[dict]:
    return [
        {
            "tokens": [token for token, _ in sentence],
            "tags": train_ner.gold_tag_indices(sentence),
            "fields": neural_tagger.token_fields([token for token, _ in sentence]),
        }
        for sentence in sentences
    ]


def linear_outputs(train: list, held_out: list[tuple[str, list]], vectors_path: Path) -> dict:
    """Held-out spans of the span model and the CRF trained on ``train`` (train_ner.py's code)."""
    args = argparse.Namespace(
        l2=1.0, min_count=2, prune=0.005, vectors=train_ner.WordVectors(vectors_path)
    )
    weights, vocabulary = train_ner.fit_tagger(train, args)
    data = train_ner.CrfData(train, None, 2)
    crf = train_ner.fit_crf(data, 1.0, 200)
    out = {}
    for folder, sentences in held_out:
        rows, _, where = train_ner.labelled_spans(sentences)
        scores = train_ner.tagger_matrix(rows, vocabulary, sentences, args.vectors) @ weights
        probs = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        candidates: list[list] = [[] for _ in sentences]
        for (number, start, end), row in zip(where, probs, strict=True):
            candidates[number].append([start, end, [round(float(p), 5) for p in row]])
        spans = train_ner.decode(probs, where, len(sentences), span_tagger.TAGGER_THRESHOLD)
        crf_spans = train_ner.crf_spans_of(train_ner.CrfData(sentences, data.vocabulary), crf)
        out[folder] = {
            "span_model": [sorted(s) for s in spans],
            "crf": [sorted(s) for s in crf_spans],
            "candidates": candidates,
        }
    return out


def char_lm_embeddings(train: list, held_out: list[tuple[str, list]]) -> dict[str, np.ndarray]:
    """Contextual character-LM embeddings (``char_lm.sentence_embeddings``) of every sentence,
    named as ``train_ner_neural.load_extra`` reads them."""
    from warta.extract import char_lm

    named = [(f"train_{n}", s) for n, s in enumerate(train)]
    named += [(f"{folder}_{n}", s) for folder, ss in held_out for n, s in enumerate(ss)]
    out = {}
    for i in range(0, len(named), 64):
        part = named[i : i + 64]
        vectors = char_lm.sentence_embeddings([[t for t, _ in s] for _, s in part])
        out.update({name: v.astype(np.float32) for (name, _), v in zip(part, vectors, strict=True)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", action="store_true")
    parser.add_argument("--linear", action="store_true", help="with --holdout: linear models too")
    parser.add_argument("--char-lm", action="store_true", help="character-LM embeddings only")
    args = parser.parse_args()
    if args.holdout:
        span_tagger.CLUSTERS_PATH = train_ner.HOLDOUT_CLUSTERS
    started = time.process_time()
    train, held_out = train_ner.training_sentences(args.holdout)
    variant = "holdout" if args.holdout else "full"
    BUILD.mkdir(exist_ok=True)
    if args.char_lm:
        path = BUILD / f"char_lm.{variant}.npz"
        np.savez(path, **char_lm_embeddings(train, held_out))
        print(f"{path}: {path.stat().st_size} bytes, {time.process_time() - started:.0f} s CPU")
        return
    if args.linear:
        out = linear_outputs(train, held_out, train_ner.HOLDOUT_VECTORS)
        path = BUILD / "ner_neural.linear.json"
    else:
        out = {
            "train": encoded(train),
            "heldout": {folder: encoded(sentences) for folder, sentences in held_out},
        }
        path = BUILD / f"ner_neural.{variant}.json"
    path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    print(f"{path}: {path.stat().st_size} bytes, {time.process_time() - started:.0f} s CPU")


if __name__ == "__main__":
    main()

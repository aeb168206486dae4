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
tagger are chosen on held-out sentences only. ``--with-pseudo`` adds the neural tagger's
pseudo-labelled crawl sentences (``build/ner_neural.pseudo.holdout.json``) to their training set
and writes ``build/ner_neural.linear.pseudo.json``.

``--unlabelled N``: N sentences of the shared crawls (``unlabelled_sentences``) with their fields
to ``build/ner_neural.unlabelled.<variant>.json``, for the self-training of
``train_ner_neural.py --pseudo-label`` (tokens and fields only: no tags exist).

``--char-lm``: the contextual character-LM embeddings of every sentence to
``build/char_lm.<variant>.npz``, an extra input of the tagger (``--extra char_lm``). Read from
``warta.extract.char_lm`` (``char_lm.npz``); the committed tagger does not use them (tried, not
kept: MODEL_CARD.md).

Usage: PYTHONPATH=plugins .venv/bin/python scripts/ner_neural_data.py [--holdout] [--linear]
           [--with-pseudo] [--char-lm] [--unlabelled N]
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
from train_char_lm import gold_records  # noqa: E402
from train_clusters import TOKEN, crawl_texts  # noqa: E402
from warta.extract import neural_tagger, span_tagger  # noqa: E402
from warta.segment import split_sentences  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
# Unlabelled sentences of the NER sets' lengths (NERGrit train: median 28 tokens, 8% over 60).
MIN_TOKENS, MAX_TOKENS = 8, 60
SEED = 7


def encoded(sentences: list) -> list[dict]:
    return [
        {
            "tokens": [token for token, _ in sentence],
            "tags": train_ner.gold_tag_indices(sentence),
            "fields": neural_tagger.token_fields([token for token, _ in sentence]),
        }
        for sentence in sentences
    ]


def unlabelled_sentences(count: int) -> list[list[str]]:
    """``count`` distinct sentences of the crawl bodies (``train_clusters.crawl_texts``, less
    every record named in a gold file), tokenised like the NER sets, drawn at random (fixed
    seed). Never NER valid/dev text: the crawls share no word 8-gram with it (MODEL_CARD.md)."""
    seen, pool = set(), []
    for text in crawl_texts(gold_records()):
        body = text.split("\n", 1)[1]
        for sentence in split_sentences(body):
            tokens = TOKEN.findall(sentence.text)
            key = " ".join(tokens)
            if MIN_TOKENS <= len(tokens) <= MAX_TOKENS and key not in seen:
                seen.add(key)
                pool.append(tokens)
    picked = np.random.default_rng(SEED).permutation(len(pool))[:count]
    return [pool[n] for n in sorted(picked)]


def pseudo_labelled(path: Path) -> list[list[tuple[str, str]]]:
    """(token, tag) sentences of ``train_ner_neural.py --pseudo-label``'s output."""
    sentences = json.loads(path.read_text(encoding="utf-8"))
    return [
        list(zip(s["tokens"], (span_tagger.CRF_TAGS[tag] for tag in s["tags"]), strict=True))
        for s in sentences
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
    parser.add_argument("--with-pseudo", action="store_true", help="--linear: + pseudo-labels")
    parser.add_argument("--unlabelled", type=int, help="this many crawl sentences, untagged")
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
    if args.unlabelled:
        sentences = unlabelled_sentences(args.unlabelled)
        out = [
            {"tokens": tokens, "fields": neural_tagger.token_fields(tokens)} for tokens in sentences
        ]
        path = BUILD / f"ner_neural.unlabelled.{variant}.json"
    elif args.linear:
        suffix = ""
        if args.with_pseudo:
            train = train + pseudo_labelled(BUILD / "ner_neural.pseudo.holdout.json")
            suffix = ".pseudo"
        out = linear_outputs(train, held_out, train_ner.HOLDOUT_VECTORS)
        path = BUILD / f"ner_neural.linear{suffix}.json"
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

"""Train the BiLSTM-CRF token tagger of ``warta tag`` with PyTorch, and export it for numpy.

Why: see ``warta.extract.neural_tagger``. Training needs torch, in a venv of its own
(``python -m venv .torchvenv && .torchvenv/bin/pip install torch==2.13.0 numpy``); tagging
does not: the weights go to
``plugins/warta/gazetteer/ner_neural.npz`` and ``neural_tagger`` runs them in numpy.

Data: ``build/ner_neural.<variant>.json`` from scripts/ner_neural_data.py (tokens, gold tags and
the categorical fields, computed by warta's code) and the frozen SVD word vectors of
scripts/train_clusters.py (``build/word_clusters[.holdout].vectors.npz``).

Model: character CNN (embedding ``CHAR_DIM``, ``CHAR_FILTERS`` filters of width 3, max over the
word) + the word vector through a linear layer (``WORD_DIM``) + one embedding per field ->
dropout -> one-layer BiLSTM (``HIDDEN`` a direction) -> dropout -> linear tag scores -> linear
chain CRF (BIO moves that cannot happen are forbidden, as in ``span_tagger.crf_model``). Adam,
batches of ``BATCH`` sentences, word dropout (a word's vector replaced by the unknown one).

``--holdout``: trains on 6/7 of each training set, prints held-out F1 each epoch and keeps the
best epoch's held-out predictions (``build/ner_neural.holdout_pred.json``) and each epoch's
(``.epochN.json``) for ``--combine``. Without it: trains on all the training sentences for
``--epochs``. Either way each epoch's weights stay in build/; ``--export-epoch N`` (the best
held-out epoch) then writes the npz of a full run and checks that numpy reproduces torch on 200
training sentences.
``--combine``: held-out F1 of the neural tagger with the linear models' held-out spans
(``build/ner_neural.linear.json``); ``--pred-epoch N`` reads that epoch's held-out predictions
instead of the best epoch's.

Self-training: ``--pseudo-label N`` tags the unlabelled crawl sentences of
scripts/ner_neural_data.py ``--unlabelled`` with epoch N of this variant's run and keeps the
confident ones (every token's CRF marginal of its Viterbi tag >= ``--min-confidence``; those
without entities at most ``PLAIN_SHARE`` of those kept) in
``build/ner_neural.pseudo.<variant>.json``; ``--pseudo-weight W`` then trains on the gold
sentences plus those, their loss times W.

Usage: .torchvenv/bin/python scripts/train_ner_neural.py [--holdout | --combine]
           [--epochs N] [--extra NAME] [--pseudo-label N [--min-confidence P]] [--pseudo-weight W]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))  # numpy-only modules: the torch venv imports them too

from warta.extract.neural_tagger import FIELDS  # noqa: E402
from warta.extract.span_tagger import CRF_TAGS as TAGS  # noqa: E402
from warta.extract.span_tagger import crf_transition_allowed, viterbi  # noqa: E402

BUILD = ROOT / "build"
OUT_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "ner_neural.npz"
FIELD_DIMS = (8, 16, 4, 8, 8, 16, 16, 16, 4, 4, 4)
CHAR_DIM, CHAR_FILTERS, CHAR_WIDTH, MAX_WORD_CHARS = 25, 50, 3, 20
WORD_DIM, HIDDEN, DROPOUT, WORD_DROPOUT = 50, 100, 0.5, 0.1
BATCH, LEARNING_RATE, SEED = 16, 0.002, 7
FORBIDDEN = -1e4
MIN_COUNT = 2  # characters and field values seen fewer times in training read as unknown
PLAIN_SHARE = 0.3  # pseudo-labelled sentences without entities, at most this share of those kept


def allowed_moves() -> tuple[np.ndarray, np.ndarray]:
    return (
        np.array([[crf_transition_allowed(p, t) for t in TAGS] for p in TAGS]),
        np.array([crf_transition_allowed("O", t) for t in TAGS]),
    )


def spans_of(tags: list[int]) -> set[tuple[int, int, str]]:
    """(start, end, type) of strict-BIO tag indices."""
    spans = set()
    for index, tag in enumerate(tags):
        if TAGS[tag].startswith("B-"):
            end = index + 1
            while end < len(tags) and TAGS[tags[end]] == "I-" + TAGS[tag][2:]:
                end += 1
            spans.add((index, end, TAGS[tag][2:]))
    return spans


def prf(golds: list[set], guesses: list[set]) -> tuple[float, float, float]:
    """Exact span + type micro precision, recall and F1."""
    correct = sum(len(g & p) for g, p in zip(golds, guesses, strict=True))
    predicted, gold = sum(map(len, guesses)), sum(map(len, golds))
    precision, recall = correct / max(predicted, 1), correct / max(gold, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def f1(golds: list[set], guesses: list[set]) -> float:
    return prf(golds, guesses)[2]


class Vocabularies:
    """Index of characters (0 pad, 1 unknown), words (0 unknown) and each field's values."""

    def __init__(self, train: list[dict], words: list[str]):
        from collections import Counter

        char_counts = Counter(char for s in train for token in s["tokens"] for char in token)
        frequent_chars = sorted(c for c, n in char_counts.items() if n >= MIN_COUNT)
        self.chars = ["<pad>", "<unk>", *frequent_chars]
        self.words = ["<unk>", *words]
        self.fields = []
        for k in range(len(FIELDS)):
            counts = Counter(row[k] for s in train for row in s["fields"])
            self.fields.append(["<unk>", *sorted(v for v, n in counts.items() if n >= MIN_COUNT)])
        self.char_index = {c: i for i, c in enumerate(self.chars)}
        self.word_index = {w: i for i, w in enumerate(self.words)}
        self.field_index = [{v: i for i, v in enumerate(values)} for values in self.fields]

    def encode(self, sentence: dict) -> dict[str, np.ndarray]:
        """``neural_tagger.encode``'s arrays, from the stored fields."""
        tokens = sentence["tokens"]
        chars = np.zeros((len(tokens), MAX_WORD_CHARS), dtype=np.int64)
        for row, token in enumerate(tokens):
            ids = [self.char_index.get(char, 1) for char in token[:MAX_WORD_CHARS]]
            chars[row, : len(ids)] = ids
        words = np.array([self.word_index.get(t.casefold(), 0) for t in tokens], dtype=np.int64)
        fields = np.array(
            [[index.get(v, 0) for index, v in zip(self.field_index, row, strict=True)]
             for row in sentence["fields"]],
            dtype=np.int64,
        )
        return {"chars": chars, "words": words, "fields": fields}


def build_model(torch, vocab: Vocabularies, vectors: np.ndarray, extra_dim: int):
    nn = torch.nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.char_embedding = nn.Embedding(len(vocab.chars), CHAR_DIM, padding_idx=0)
            self.char_cnn = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, CHAR_WIDTH, padding=CHAR_WIDTH // 2)
            table = np.vstack([np.zeros((1, vectors.shape[1])), vectors]).astype(np.float32)
            self.register_buffer("vectors", torch.from_numpy(table))
            self.word_linear = nn.Linear(vectors.shape[1], WORD_DIM)
            self.field_embeddings = nn.ModuleList(
                nn.Embedding(len(values), dim) for values, dim in
                zip(vocab.fields, FIELD_DIMS, strict=True)
            )
            size = CHAR_FILTERS + WORD_DIM + sum(FIELD_DIMS) + extra_dim
            self.dropout = nn.Dropout(DROPOUT)
            self.lstm = nn.LSTM(size, HIDDEN, batch_first=True, bidirectional=True)
            self.output = nn.Linear(2 * HIDDEN, len(TAGS))
            self.transitions = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            allowed, first = allowed_moves()
            self.register_buffer("allowed", torch.from_numpy(allowed))
            self.register_buffer("first_allowed", torch.from_numpy(first))
            self.word_table = None  # exported projected rows (float16-rounded) when set

        def usable(self):
            return (
                torch.where(self.allowed, self.transitions, torch.tensor(FORBIDDEN)),
                torch.where(self.first_allowed, self.start, torch.tensor(FORBIDDEN)),
            )

        def emissions(self, chars, words, fields, lengths, extra=None):
            batch, length, width = chars.shape
            embedded = self.char_embedding(chars.view(-1, width)).transpose(1, 2)
            conv = self.char_cnn(embedded)  # (batch*length) x filters x width
            valid = (chars.view(-1, width) > 0).unsqueeze(1)
            conv = conv.masked_fill(~valid, float("-inf")).max(dim=2).values
            conv = torch.relu(conv).masked_fill(~valid.any(dim=2), 0.0)
            char_vectors = conv.view(batch, length, -1)
            if self.training and WORD_DROPOUT:
                words = words.masked_fill(torch.rand(words.shape) < WORD_DROPOUT, 0)
            if self.word_table is not None:
                word_vectors = self.word_table[words]
            else:
                word_vectors = self.word_linear(self.vectors[words])
            parts = [char_vectors, word_vectors]
            parts += [emb(fields[:, :, k]) for k, emb in enumerate(self.field_embeddings)]
            if extra is not None:
                parts.append(extra)
            inputs = self.dropout(torch.cat(parts, dim=2))
            packed = nn.utils.rnn.pack_padded_sequence(
                inputs, lengths, batch_first=True, enforce_sorted=False
            )
            hidden, _ = self.lstm(packed)
            hidden, _ = nn.utils.rnn.pad_packed_sequence(
                hidden, batch_first=True, total_length=length
            )
            return self.output(self.dropout(hidden))

        def neg_log_likelihood(self, scores, tags, mask):
            trans, first = self.usable()
            batch, length, _ = scores.shape
            alpha = first + scores[:, 0]
            gold = first[tags[:, 0]] + scores[:, 0].gather(1, tags[:, :1]).squeeze(1)
            for t in range(1, length):
                step = torch.logsumexp(alpha.unsqueeze(2) + trans, dim=1) + scores[:, t]
                live = mask[:, t].unsqueeze(1)
                alpha = torch.where(live, step, alpha)
                move = trans[tags[:, t - 1], tags[:, t]] + scores[:, t].gather(
                    1, tags[:, t : t + 1]
                ).squeeze(1)
                gold = gold + move * mask[:, t]
            return torch.logsumexp(alpha, dim=1) - gold  # one loss a sentence

    return Tagger()


def batch_tensors(torch, encoded: list[dict], extra: list | None):
    """Padded index tensors, gold tags, mask and lengths of a list of encoded sentences."""
    lengths = [len(e["words"]) for e in encoded]
    longest = max(lengths)
    chars = np.zeros((len(encoded), longest, MAX_WORD_CHARS), dtype=np.int64)
    words = np.zeros((len(encoded), longest), dtype=np.int64)
    fields = np.zeros((len(encoded), longest, len(FIELDS)), dtype=np.int64)
    tags = np.zeros((len(encoded), longest), dtype=np.int64)
    extras = None
    if extra is not None:
        extras = np.zeros((len(encoded), longest, extra[0].shape[1]), dtype=np.float32)
    for row, e in enumerate(encoded):
        n = lengths[row]
        chars[row, :n], words[row, :n], fields[row, :n] = e["chars"], e["words"], e["fields"]
        tags[row, :n] = e["tags"]
        if extras is not None:
            extras[row, :n] = extra[row]
    mask = np.arange(longest)[None, :] < np.array(lengths)[:, None]
    return (
        torch.from_numpy(chars), torch.from_numpy(words), torch.from_numpy(fields),
        torch.tensor(lengths), torch.from_numpy(tags), torch.from_numpy(mask),
        None if extras is None else torch.from_numpy(extras),
    )


def predict(torch, model, encoded: list[dict], extra: list | None) -> list[np.ndarray]:
    """Emission matrices of each sentence (eval mode, no dropout)."""
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(encoded), 64):
            part = encoded[i : i + 64]
            chars, words, fields, lengths, _, _, extras = batch_tensors(
                torch, part, None if extra is None else extra[i : i + 64]
            )
            scores = model.emissions(chars, words, fields, lengths, extras).numpy()
            out += [scores[k, : lengths[k]] for k in range(len(part))]
    return out


def decode_all(torch, model, emissions: list[np.ndarray]) -> list[set]:
    trans, first = (x.detach().numpy().astype(float) for x in model.usable())
    return [spans_of(viterbi(e.astype(float), trans, first)) for e in emissions]


def load_extra(name: str | None, variant: str) -> dict | None:
    """Per-sentence extra input vectors (``build/<name>.<variant>.npz``: arrays named
    train_<n> and <set>_<n>), e.g. contextual character-LM embeddings."""
    if not name:
        return None
    with np.load(BUILD / f"{name}.{variant}.npz") as data:
        return {key: data[key].astype(np.float32) for key in data.files}


def train(args: argparse.Namespace) -> None:
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    variant = "holdout" if args.holdout else "full"
    data = json.loads((BUILD / f"ner_neural.{variant}.json").read_text(encoding="utf-8"))
    vectors_file = f"word_clusters{'.holdout' if args.holdout else ''}.vectors.npz"
    with np.load(BUILD / vectors_file) as stored:
        vector_words, vectors = stored["words"].tolist(), stored["vectors"].astype(np.float32)
    vocab = Vocabularies(data["train"], vector_words)
    extra = load_extra(args.extra, variant)
    extra_dim = 0 if extra is None else next(iter(extra.values())).shape[1]
    train_set = [{**vocab.encode(s), "tags": s["tags"], "weight": 1.0} for s in data["train"]]
    train_extra = None if extra is None else [extra[f"train_{n}"] for n in range(len(train_set))]
    if args.pseudo_weight:
        assert extra is None, "pseudo-labelled sentences have no extra input"
        pseudo = json.loads((BUILD / f"ner_neural.pseudo.{variant}.json").read_text("utf-8"))
        train_set += [{**vocab.encode(s), "tags": s["tags"], "weight": args.pseudo_weight}
                      for s in pseudo]
    held = {}
    for folder, sentences in data["heldout"].items():
        encoded = [{**vocab.encode(s), "tags": s["tags"]} for s in sentences]
        held_extra = None
        if extra is not None:
            held_extra = [extra[f"{folder}_{n}"] for n in range(len(encoded))]
        held[folder] = (encoded, held_extra, [spans_of(s["tags"]) for s in sentences])
    model = build_model(torch, vocab, vectors, extra_dim)
    if args.export_epoch or args.pseudo_label:
        epoch = args.export_epoch or args.pseudo_label
        model.load_state_dict(torch.load(BUILD / f"{checkpoint_name(args)}.epoch{epoch}.pt"))
        if args.pseudo_label:
            pseudo_label(torch, model, vocab, variant, args.min_confidence)
        else:
            export(torch, model, vocab, train_set[:200], train_extra, args.extra)
        return
    optimiser = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    print(f"{len(train_set)} sentences, {sum(p.numel() for p in model.parameters())} parameters")
    best, best_epoch, history = -1.0, 0, []
    for epoch in range(1, args.epochs + 1):
        started = time.process_time()
        model.train()
        order = rng.permutation(len(train_set))
        total = 0.0
        for i in range(0, len(order), BATCH):
            picked = order[i : i + BATCH]
            chars, words, fields, lengths, tags, mask, extras = batch_tensors(
                torch,
                [train_set[k] for k in picked],
                None if train_extra is None else [train_extra[k] for k in picked],
            )
            optimiser.zero_grad()
            scores = model.emissions(chars, words, fields, lengths, extras)
            weights = torch.tensor([train_set[k]["weight"] for k in picked])
            loss = (model.neg_log_likelihood(scores, tags, mask) * weights).sum() / len(picked)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            total += loss.item() * len(picked)
        seconds = time.process_time() - started
        line = f"epoch {epoch}: loss {total / len(train_set):.3f}, {seconds:.0f} s CPU"
        if args.holdout:
            scores_by_set, predictions = {}, {}
            for folder, (encoded, held_extra, golds) in held.items():
                emitted = predict(torch, model, encoded, held_extra)
                guesses = decode_all(torch, model, emitted)
                scores_by_set[folder] = f1(golds, guesses)
                predictions[folder] = {
                    "spans": [sorted(g) for g in guesses],
                    "emissions": [e.round(4).tolist() for e in emitted],
                }
            mean = sum(scores_by_set.values()) / len(scores_by_set)
            history.append(scores_by_set)
            line += ", held-out F1 " + ", ".join(f"{k} {v:.3f}" for k, v in scores_by_set.items())
            trans, first = (x.detach().numpy().tolist() for x in model.usable())
            predictions["transitions"], predictions["start"] = trans, first
            (BUILD / f"{prediction_name(args)}.epoch{epoch}.json").write_text(
                json.dumps(predictions), encoding="utf-8"
            )
            if mean > best:
                best, best_epoch = mean, epoch
                (BUILD / f"{prediction_name(args)}.json").write_text(
                    json.dumps(predictions), encoding="utf-8"
                )
        torch.save(model.state_dict(), BUILD / f"{checkpoint_name(args)}.epoch{epoch}.pt")
        if args.holdout and epoch - best_epoch >= args.patience:
            print(line, flush=True)
            break
        print(line, flush=True)
    if args.holdout:
        print(f"best epoch {best_epoch}: mean held-out F1 {best:.3f} {history[best_epoch - 1]}")
        return
    export(torch, model, vocab, train_set[:200], train_extra, args.extra)


def checkpoint_name(args: argparse.Namespace) -> str:
    """Stem of the per-epoch weights of a run (one is exported or pseudo-labels afterwards)."""
    variant = "holdout" if args.holdout else "full"
    return f"ner_neural.{variant}{run_suffix(args)}"


def prediction_name(args: argparse.Namespace) -> str:
    """Stem of a held-out run's predictions (best epoch, and ``.epochN`` each epoch)."""
    return f"ner_neural.holdout_pred{run_suffix(args)}"


def run_suffix(args: argparse.Namespace) -> str:
    return ("." + args.extra if args.extra else "") + (".pseudo" if args.pseudo_weight else "")


def forward_backward(
    emissions: np.ndarray, trans: np.ndarray, first: np.ndarray
) -> tuple[np.ndarray, np.ndarray, float]:
    """Log forward and backward scores of the CRF (tokens x tags) and the log partition."""
    from scipy.special import logsumexp

    count, size = emissions.shape
    alpha, beta = np.zeros((count, size)), np.zeros((count, size))
    alpha[0] = first + emissions[0]
    for t in range(1, count):
        alpha[t] = logsumexp(alpha[t - 1][:, None] + trans, axis=0) + emissions[t]
    for t in range(count - 2, -1, -1):
        beta[t] = logsumexp(trans + (emissions[t + 1] + beta[t + 1])[None, :], axis=1)
    return alpha, beta, float(logsumexp(alpha[-1]))


def token_marginals(emissions: np.ndarray, trans: np.ndarray, first: np.ndarray) -> np.ndarray:
    """P(tag of token t = k) of the CRF (tokens x tags), by forward-backward."""
    alpha, beta, log_z = forward_backward(emissions, trans, first)
    return np.exp(alpha + beta - log_z)


def pseudo_label(torch, model, vocab: Vocabularies, variant: str, min_confidence: float) -> None:
    """Tag the unlabelled sentences and keep the confident ones (module docstring)."""
    sentences = json.loads(
        (BUILD / f"ner_neural.unlabelled.{variant}.json").read_text(encoding="utf-8")
    )
    untagged = [{**vocab.encode(s), "tags": [0] * len(s["tokens"])} for s in sentences]
    emitted = predict(torch, model, untagged, None)
    trans, first = (x.detach().numpy().astype(float) for x in model.usable())
    with_entities, plain = [], []
    for sentence, emitted_scores in zip(sentences, emitted, strict=True):
        emissions = emitted_scores.astype(float)
        tags = viterbi(emissions, trans, first)
        marginals = token_marginals(emissions, trans, first)
        if marginals[np.arange(len(tags)), tags].min() >= min_confidence:
            kept = {**sentence, "tags": tags}
            (with_entities if any(tags) else plain).append(kept)
    plain = plain[: int(len(with_entities) * PLAIN_SHARE / (1 - PLAIN_SHARE))]
    kept = with_entities + plain
    path = BUILD / f"ner_neural.pseudo.{variant}.json"
    path.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    entities = sum(len(spans_of(s["tags"])) for s in kept)
    print(f"{len(sentences)} unlabelled sentences, {len(kept)} kept ({len(with_entities)} with "
          f"{entities} entities, {len(plain)} without) -> {path}")


def export(torch, model, vocab: Vocabularies, sample: list[dict], extra, extra_name) -> None:
    """Write the npz read by ``neural_tagger`` and report numpy's max abs difference from torch
    on ``sample`` (torch using the same float16 word rows as the file)."""
    model.eval()
    with torch.no_grad():
        projected = model.word_linear(model.vectors).numpy().astype(np.float16)
        sample_extra = None if extra is None else extra[: len(sample)]
        before = predict(torch, model, sample, sample_extra)
        model.word_table = torch.from_numpy(projected.astype(np.float32))
        reference = predict(torch, model, sample, sample_extra)
    weights = {
        "char_embedding": model.char_embedding.weight,
        "char_cnn.weight": model.char_cnn.weight,
        "char_cnn.bias": model.char_cnn.bias,
        "lstm.forward.weight_ih": model.lstm.weight_ih_l0,
        "lstm.forward.weight_hh": model.lstm.weight_hh_l0,
        "lstm.forward.bias_ih": model.lstm.bias_ih_l0,
        "lstm.forward.bias_hh": model.lstm.bias_hh_l0,
        "lstm.backward.weight_ih": model.lstm.weight_ih_l0_reverse,
        "lstm.backward.weight_hh": model.lstm.weight_hh_l0_reverse,
        "lstm.backward.bias_ih": model.lstm.bias_ih_l0_reverse,
        "lstm.backward.bias_hh": model.lstm.bias_hh_l0_reverse,
        "output.weight": model.output.weight,
        "output.bias": model.output.bias,
        "crf.transitions": model.transitions,
        "crf.start": model.start,
    }
    arrays = {f"w:{k}": v.detach().numpy().astype(np.float32) for k, v in weights.items()}
    for name, emb in zip(FIELDS, model.field_embeddings, strict=True):
        arrays[f"w:field.{name}"] = emb.weight.detach().numpy().astype(np.float32)
    arrays["w:word_projection"] = projected

    def joined(entries: list[str]) -> np.ndarray:
        assert not any("\n" in entry for entry in entries)
        return np.frombuffer("\n".join(entries).encode("utf-8"), dtype=np.uint8)

    arrays["vocab:chars"] = joined(vocab.chars)
    arrays["vocab:words"] = joined(vocab.words)
    for name, values in zip(FIELDS, vocab.fields, strict=True):
        arrays[f"vocab:{name}"] = joined(values)
    arrays["max_word_chars"] = np.array(MAX_WORD_CHARS)
    # which extra input the tagger reads ("" none, "char_lm": char_lm.token_embeddings)
    arrays["extra"] = np.frombuffer((extra_name or "").encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(OUT_PATH, **arrays)
    print(f"{OUT_PATH}: {OUT_PATH.stat().st_size} bytes")
    with np.load(OUT_PATH) as data:
        loaded = {k[2:]: data[k].astype(np.float32) for k in data.files if k.startswith("w:")}
    if sample_extra is not None:
        sample = [{**s, "extra": x} for s, x in zip(sample, sample_extra, strict=True)]
    numpy_emissions = _numpy_emissions(loaded, sample)
    diff = max(float(np.abs(a - b).max()) for a, b in zip(numpy_emissions, reference, strict=True))
    rounding = max(float(np.abs(a - b).max()) for a, b in zip(before, reference, strict=True))
    print(f"max abs diff numpy vs torch emissions on {len(sample)} sentences: {diff:.2e} "
          f"(float16 word rows vs float32: {rounding:.2e})")


def _numpy_emissions(weights: dict, sample: list[dict]) -> list[np.ndarray]:
    """``neural_tagger.emissions_of`` on each sentence (its module needs warta's imports, so the
    function's source is executed here on its own)."""
    import ast

    source = (ROOT / "plugins/warta/extract/neural_tagger.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    wanted = {"_sigmoid", "_lstm", "_lstm_steps", "emissions_of"}
    body = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name in wanted]
    namespace: dict = {"np": np, "FIELDS": FIELDS}
    exec(compile(ast.Module(body=body, type_ignores=[]), "neural_tagger", "exec"), namespace)
    return [namespace["emissions_of"](s, weights) for s in sample]


def combine(args: argparse.Namespace) -> None:
    """Held-out F1 of the neural tagger alone and with the linear models' spans."""
    data = json.loads((BUILD / "ner_neural.holdout.json").read_text(encoding="utf-8"))
    linear_name = f"ner_neural.linear{'.pseudo' if args.linear_pseudo else ''}.json"
    linear = json.loads((BUILD / linear_name).read_text(encoding="utf-8"))
    epoch = f".epoch{args.pred_epoch}" if args.pred_epoch else ""
    neural = json.loads((BUILD / f"{prediction_name(args)}{epoch}.json").read_text("utf-8"))
    for folder, sentences in data["heldout"].items():
        golds = [spans_of(s["tags"]) for s in sentences]
        span_model = [{tuple(x) for x in s} for s in linear[folder]["span_model"]]
        crf = [{tuple(x) for x in s} for s in linear[folder]["crf"]]
        mine = [{tuple(x) for x in s} for s in neural[folder]["spans"]]
        rows = {
            "span model": span_model,
            "CRF": crf,
            "span model + CRF (current)": [
                added(a, b) for a, b in zip(span_model, crf, strict=True)
            ],
            "neural": mine,
            "span model + neural": [added(a, b) for a, b in zip(span_model, mine, strict=True)],
            "span model + CRF + neural": [
                added(added(a, b), c) for a, b, c in zip(span_model, crf, mine, strict=True)
            ],
            "span model + neural + CRF": [
                added(added(a, c), b) for a, b, c in zip(span_model, crf, mine, strict=True)
            ],
            "neural + span model": [added(c, a) for a, c in zip(span_model, mine, strict=True)],
            "neural + span model + CRF": [
                added(added(c, a), b) for a, b, c in zip(span_model, crf, mine, strict=True)
            ],
            "vote 2 of 3, then span model + CRF + neural": [
                voted(a, b, c) for a, b, c in zip(span_model, crf, mine, strict=True)
            ],
            "vote 2 of 3 only": [
                {s for s in a | b | c if (s in a) + (s in b) + (s in c) >= 2}
                for a, b, c in zip(span_model, crf, mine, strict=True)
            ],
        }
        rows["vote on extent, type by majority"] = [
            extent_voted(a, b, c) for a, b, c in zip(span_model, crf, mine, strict=True)
        ]
        for threshold in (0.6, 0.8, 0.9):
            confident = [
                {(st, en, LABELS[1 + int(np.argmax(p[1:]))]) for st, en, p in candidates
                 if 1 - p[0] >= threshold}
                for candidates in linear[folder]["candidates"]
            ]
            rows[f"vote 2 of 3, then span model spans with P >= {threshold}"] = [
                added(vote(a, b, c), high)
                for a, b, c, high in zip(span_model, crf, mine, confident, strict=True)
            ]
            rows[f"vote on extent, then span model spans with P >= {threshold}"] = [
                added(extent_voted(a, b, c), high)
                for a, b, c, high in zip(span_model, crf, mine, confident, strict=True)
            ]
        trans, first = np.array(neural["transitions"]), np.array(neural["start"])
        marginals = [
            span_marginals(np.array(e), trans, first) for e in neural[folder]["emissions"]
        ]
        for weight in (0.3, 0.5, 0.7):
            pairs = zip(linear[folder]["candidates"], marginals, strict=True)
            mixed = [averaged(candidates, marginal, weight) for candidates, marginal in pairs]
            rows[f"average w={weight} (span model), + CRF"] = [
                added(a, b) for a, b in zip(mixed, crf, strict=True)
            ]
            rows[f"average w={weight} (span model), + neural + CRF"] = [
                added(added(a, c), b) for a, b, c in zip(mixed, crf, mine, strict=True)
            ]
        print(folder)
        for label, guesses in rows.items():
            print(f"  {label:58} P/R/F1 " + " / ".join(f"{v:.3f}" for v in prf(golds, guesses)))


def span_marginals(emissions: np.ndarray, trans: np.ndarray, first: np.ndarray):
    """Function (start, end) -> [P(no entity exactly there), P(PER), P(ORG), P(LOC)] of the
    neural CRF: the probability that the tags of exactly those tokens are B-X I-X ... (and the
    next tag is not I-X), by forward-backward."""
    from scipy.special import logsumexp

    count, size = emissions.shape
    alpha, beta, log_z = forward_backward(emissions, trans, first)

    def probabilities(start: int, end: int) -> list[float]:
        out = []
        for kind in ("PER", "ORG", "LOC"):
            b, i = TAGS.index("B-" + kind), TAGS.index("I-" + kind)
            if start:
                score = logsumexp(alpha[start - 1] + trans[:, b]) + emissions[start, b]
            else:
                score = first[b] + emissions[start, b]
            last = b
            for t in range(start + 1, end):
                score += trans[last, i] + emissions[t, i]
                last = i
            if end < count:
                after = [tag for tag in range(size) if tag != i]
                score += logsumexp(trans[last, after] + emissions[end, after] + beta[end, after])
            out.append(float(np.exp(score - log_z)))
        return [max(0.0, 1.0 - sum(out)), *out]

    return probabilities


def averaged(candidates: list, marginal, weight: float, threshold: float = 0.4) -> set:
    """The span model's greedy decoding on ``weight`` x its probabilities + (1 - weight) x the
    neural tagger's exact-span marginals."""
    scored = []
    for start, end, probs in candidates:
        mixed = weight * np.array(probs) + (1 - weight) * np.array(marginal(start, end))
        if 1 - mixed[0] >= threshold:
            label = ("PER", "ORG", "LOC")[int(mixed[1:].argmax())]
            scored.append((1 - mixed[0], start, end, label))
    chosen: set = set()
    for _, start, end, label in sorted(scored, key=lambda item: -item[0]):
        if not any(s < end and start < e for s, e, _ in chosen):
            chosen.add((start, end, label))
    return chosen


def added(first: set, second: set) -> set:
    """``first``'s spans and those of ``second`` that overlap none of them."""
    return first | {c for c in second if not any(s < c[1] and c[0] < e for s, e, _ in first)}


LABELS = ("O", "PER", "ORG", "LOC")


def vote(a: set, b: set, c: set) -> set:
    """Spans (extent and type) at least two of the three models found."""
    return {s for s in a | b | c if (s in a) + (s in b) + (s in c) >= 2}


def extent_voted(a: set, b: set, c: set) -> set:
    """Extents at least two models found, typed by the majority of those that found them (on a
    tie, the first of span model, CRF, neural)."""
    out = set()
    extents = {(s, e) for s, e, _ in a | b | c}
    for start, end in extents:
        types = [t for model in (a, b, c) for s, e, t in model if (s, e) == (start, end)]
        if len(types) >= 2:
            out.add((start, end, max(types, key=lambda t: (types.count(t), -types.index(t)))))
    return out


def voted(a: set, b: set, c: set) -> set:
    """Spans at least two of the three models agree on exactly, then the others' spans that
    overlap none (span model first, then CRF, then neural)."""
    agreed = {s for s in a | b | c if (s in a) + (s in b) + (s in c) >= 2}
    return added(added(added(agreed, a), b), c)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", action="store_true")
    parser.add_argument("--combine", action="store_true")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--patience", type=int, default=4)
    parser.add_argument("--export-epoch", type=int, help="export this epoch's full-run weights")
    parser.add_argument("--extra", help="extra input vectors: build/<EXTRA>.<variant>.npz")
    parser.add_argument("--pred-epoch", type=int, help="--combine: this epoch's predictions")
    parser.add_argument("--pseudo-label", type=int, help="label unlabelled text with this epoch")
    parser.add_argument("--min-confidence", type=float, default=0.9)
    parser.add_argument("--linear-pseudo", action="store_true", help="--combine: linear models "
                        "trained with pseudo-labels (ner_neural_data.py --with-pseudo)")
    parser.add_argument("--pseudo-weight", type=float, help="train on pseudo-labels, loss x this")
    args = parser.parse_args()
    if args.combine:
        combine(args)
    else:
        train(args)


if __name__ == "__main__":
    main()

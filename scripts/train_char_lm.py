"""Train warta's character language models (``gazetteer/char_lm.npz``) for token features.

Why: the NER taggers learn from ~3,100 labelled sentences, so most names of a new sentence were
never seen in training. A character LSTM trained to predict the next character of Indonesian news
learns, without labels, what a name, a title or an office looks like in its context; its hidden
state at a word's boundary is a feature of that word in that sentence (Akbik et al. 2018,
"Contextual String Embeddings", the recipe of Flair). One model reads left to right, one reads
the reversed text; ``warta.extract.char_lm`` runs both with numpy (torch is for training only).

Text: every readable record of the shared crawls, cleaned and framed as the nightly run does
(``train_clusters.crawl_texts``), less every record named in a ``tests/gold/*.jsonl`` file (only
their source and record number are read). No text of the NER sets (train, valid or dev) is used.
Every 50th article (by position in the sorted crawl) is held out to measure bits per character.

Recipe: vocabulary of the ``VOCAB_SIZE`` most frequent characters (index 0 for any other), a
``EMBEDDING``-dim character embedding, one LSTM layer of ``HIDDEN`` units, a linear decoder to the
vocabulary; the text is one stream cut into ``BATCH`` parallel rows, truncated back-propagation
over ``BPTT`` characters with the state carried across batches; Adam with a cosine learning rate
over a wall-clock budget, gradient norm clipped. The backward model is the same on the reversed
stream. Weights are stored as float16.

Steps (the first needs warta, so the project venv; the others torch):

    PYTHONPATH=plugins .venv/bin/python scripts/train_char_lm.py text
    .torchvenv/bin/python scripts/train_char_lm.py train --direction forward --minutes 50
    .torchvenv/bin/python scripts/train_char_lm.py train --direction backward --minutes 50
    .torchvenv/bin/python scripts/train_char_lm.py export
    .torchvenv/bin/python scripts/train_char_lm.py check
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "char_lm"
OUT_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "char_lm.npz"
GOLD_FILES = sorted((ROOT / "tests" / "gold").glob("*.jsonl"))
VALID_EVERY = 50  # every 50th article is held out for bits per character
VOCAB_SIZE = 200  # most frequent characters; index 0 stands for any other
EMBEDDING = 32
HIDDEN = 256
BATCH = 64
BPTT = 250
LEARNING_RATE = 2e-3
CLIP = 1.0
SEED = 13
DIRECTIONS = ("forward", "backward")


# ---------------------------------------------------------------- text (project venv)


def gold_records() -> frozenset[tuple[str, int]]:
    """(source, record number) of every gold line: identifiers only, nothing else is kept."""
    listed = set()
    for path in GOLD_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                gold = json.loads(line)
                listed.add((gold["source"], int(gold["record"])))
    return frozenset(listed)


def write_text() -> None:
    """Crawl text to ``build/char_lm/{train,valid}.txt``, one article per block."""
    sys.path.insert(0, str(ROOT / "plugins"))
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_clusters import crawl_texts

    excluded = gold_records()
    texts = [text.strip() for text in crawl_texts(excluded)]
    texts = [text for text in texts if text]
    BUILD.mkdir(parents=True, exist_ok=True)
    valid = [text for number, text in enumerate(texts) if number % VALID_EVERY == 0]
    train = [text for number, text in enumerate(texts) if number % VALID_EVERY != 0]
    for name, part in (("train", train), ("valid", valid)):
        path = BUILD / f"{name}.txt"
        path.write_text("\n".join(part) + "\n", encoding="utf-8")
        print(f"{path}: {len(part)} articles, {sum(map(len, part)) + len(part)} characters")
    print(f"{len(excluded)} gold records excluded")


# ---------------------------------------------------------------- training (torch venv)


def vocabulary(text: str) -> str:
    """The ``VOCAB_SIZE - 1`` most frequent characters (ties by code point), index 1 onwards."""
    counts = Counter(text)
    chars = sorted(counts, key=lambda char: (-counts[char], char))[: VOCAB_SIZE - 1]
    return "".join(chars)


def encode(text: str, chars: str) -> np.ndarray:
    """Character ids of ``text``: 1 + position in ``chars``, 0 for characters outside it."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    known = np.array([ord(char) for char in chars], dtype=np.uint32)
    order = np.argsort(known)
    at = np.clip(np.searchsorted(known[order], codes), 0, len(known) - 1)
    found = known[order][at] == codes
    return np.where(found, order[at] + 1, 0).astype(np.int64)


def build_model(vocab: int, embedding: int = EMBEDDING, hidden: int = HIDDEN):  # noqa: ANN201
    import torch
    from torch import nn

    class CharLM(nn.Module):
        """Embedding -> one LSTM layer -> linear decoder over the character vocabulary."""

        def __init__(self) -> None:
            super().__init__()
            self.embedding = nn.Embedding(vocab, embedding)
            self.rnn = nn.LSTM(embedding, hidden, 1)
            self.decoder = nn.Linear(hidden, vocab)

        def forward(self, ids: torch.Tensor, state=None):  # noqa: ANN001, ANN202
            output, state = self.rnn(self.embedding(ids), state)
            return self.decoder(output), output, state

    return CharLM()


def streams(ids: np.ndarray, batch: int):  # noqa: ANN201
    """The stream cut into ``batch`` equal rows, as a (time, batch) tensor."""
    import torch

    length = len(ids) // batch
    return torch.from_numpy(ids[: length * batch].reshape(batch, length).T.copy())


def evaluate(model, data, batch_limit: int | None = None) -> float:  # noqa: ANN001
    """Bits per character of the model on a (time, batch) stream."""
    import torch
    from torch.nn import functional

    model.eval()
    total, count, state = 0.0, 0, None
    with torch.no_grad():
        for number, start in enumerate(range(0, data.size(0) - 1, BPTT)):
            if batch_limit is not None and number >= batch_limit:
                break
            inputs = data[start : start + BPTT]
            targets = data[start + 1 : start + 1 + BPTT]
            inputs = inputs[: targets.size(0)]
            logits, _, state = model(inputs, state)
            loss = functional.cross_entropy(
                logits.reshape(-1, logits.size(-1)), targets.reshape(-1), reduction="sum"
            )
            total += float(loss)
            count += targets.numel()
    model.train()
    return total / count / math.log(2)


def train(direction: str, minutes: float, hidden: int, batch: int, threads: int) -> None:
    """Train one direction for ``minutes`` of wall clock; checkpoint every few minutes."""
    import torch
    from torch.nn import functional

    torch.set_num_threads(threads)
    torch.manual_seed(SEED)
    train_text = (BUILD / "train.txt").read_text(encoding="utf-8")
    valid_text = (BUILD / "valid.txt").read_text(encoding="utf-8")
    chars = vocabulary(train_text)
    train_ids, valid_ids = encode(train_text, chars), encode(valid_text, chars)
    if direction == "backward":
        train_ids, valid_ids = train_ids[::-1].copy(), valid_ids[::-1].copy()
    data = streams(train_ids, batch)
    valid = streams(valid_ids, 16)
    model = build_model(len(chars) + 1, hidden=hidden)
    optimiser = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    log = (BUILD / f"{direction}.log").open("a", encoding="utf-8")

    def say(message: str) -> None:
        line = f"{time.strftime('%H:%M:%S')} {direction} {message}"
        print(line, flush=True)
        log.write(line + "\n")
        log.flush()

    say(f"{len(train_ids)} train / {len(valid_ids)} valid characters, vocabulary {len(chars) + 1}")
    budget = minutes * 60
    started = last_save = time.monotonic()
    step, position, state, running = 0, 0, None, []
    checkpoint = BUILD / f"{direction}.pt"

    def save(bpc: float | None) -> None:
        torch.save(
            {
                "state_dict": model.state_dict(),
                "chars": chars,
                "hidden": hidden,
                "step": step,
                "characters_seen": step * batch * BPTT,
                "valid_bpc": bpc,
                "direction": direction,
            },
            checkpoint,
        )

    while (elapsed := time.monotonic() - started) < budget:
        rate = LEARNING_RATE * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * elapsed / budget)))
        for group in optimiser.param_groups:
            group["lr"] = rate
        if position + BPTT + 1 > data.size(0):
            position, state = 0, None  # next epoch
        inputs = data[position : position + BPTT]
        targets = data[position + 1 : position + BPTT + 1]
        position += BPTT
        if state is not None:
            state = tuple(part.detach() for part in state)
        logits, _, state = model(inputs, state)
        loss = functional.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1))
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
        optimiser.step()
        step += 1
        running.append(float(loss.detach()) / math.log(2))
        if step % 50 == 0:
            rate_chars = step * batch * BPTT / (time.monotonic() - started)
            say(
                f"step {step} train bpc {np.mean(running):.3f} lr {rate:.2e} "
                f"{rate_chars:.0f} chars/s epoch {step * BPTT / data.size(0):.2f}"
            )
            running = []
        if time.monotonic() - last_save > 300:
            bpc = evaluate(model, valid, batch_limit=8)
            say(f"step {step} valid bpc (first 8 batches) {bpc:.3f}")
            save(bpc)
            last_save = time.monotonic()
    bpc = evaluate(model, valid)
    say(f"done: step {step}, {step * batch * BPTT} characters, valid bpc {bpc:.3f}")
    save(bpc)


# ---------------------------------------------------------------- export and check (torch venv)


def export() -> None:
    """Both checkpoints to one float16 npz that ``warta.extract.char_lm`` reads with numpy."""
    import torch

    arrays: dict[str, np.ndarray] = {}
    meta = {}
    for direction in DIRECTIONS:
        checkpoint = torch.load(BUILD / f"{direction}.pt", weights_only=False)
        weights = checkpoint["state_dict"]
        prefix = direction[0]  # f_ / b_
        for name, key in (
            ("embedding", "embedding.weight"),
            ("w_ih", "rnn.weight_ih_l0"),
            ("w_hh", "rnn.weight_hh_l0"),
            ("b_ih", "rnn.bias_ih_l0"),
            ("b_hh", "rnn.bias_hh_l0"),
            ("decoder_w", "decoder.weight"),
            ("decoder_b", "decoder.bias"),
        ):
            arrays[f"{prefix}_{name}"] = weights[key].numpy().astype(np.float16)
        meta[direction] = {
            key: checkpoint[key] for key in ("step", "characters_seen", "valid_bpc", "hidden")
        }
        chars = checkpoint["chars"]
        arrays["chars"] = np.array(chars)  # the same for both directions (same text)
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez_compressed(OUT_PATH, **arrays)
    print(f"{OUT_PATH}: {OUT_PATH.stat().st_size} bytes; {json.dumps(meta)}")


def check() -> None:
    """Numpy inference against the torch model on a few sentences (same float16 weights)."""
    import torch

    sys.path.insert(0, str(ROOT / "plugins"))
    from warta.extract import char_lm

    sentences = [
        ["Presiden", "Joko", "Widodo", "meresmikan", "Bendungan", "Sadawarna", "di", "Subang", "."],
        ["Menurut", "Sri", "Mulyani", ",", "inflasi", "Januari", "2024", "terkendali", "."],
        ["Bank", "Indonesia", "(", "BI", ")", "menahan", "suku", "bunga", "acuan", "6", "%", "."],
    ]
    for direction in DIRECTIONS:
        checkpoint = torch.load(BUILD / f"{direction}.pt", weights_only=False)
        chars = checkpoint["chars"]
        model = build_model(len(chars) + 1, hidden=checkpoint["hidden"])
        rounded = {key: value.half().float() for key, value in checkpoint["state_dict"].items()}
        model.load_state_dict(rounded)
        model.eval()
        exact = build_model(len(chars) + 1, hidden=checkpoint["hidden"])
        exact.load_state_dict(checkpoint["state_dict"])
        exact.eval()
        for rounding, torch_model in (("float16 weights", model), ("float32 weights", exact)):
            worst = 0.0
            for tokens in sentences:
                text = char_lm.framed_text(tokens, direction == "backward")
                ids = torch.from_numpy(encode(text, chars)).unsqueeze(1)
                with torch.no_grad():
                    _, states, _ = torch_model(ids)
                states = states[:, 0, :].numpy()
                mine = char_lm.character_states(text, direction == "backward")
                worst = max(worst, float(np.abs(states - mine).max()))
            print(f"{direction}: max |numpy - torch| over all states ({rounding}): {worst:.2e}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("text", "train", "export", "check"))
    parser.add_argument("--direction", choices=DIRECTIONS, default="forward")
    parser.add_argument("--minutes", type=float, default=50.0, help="wall-clock training budget")
    parser.add_argument("--hidden", type=int, default=HIDDEN)
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if args.step == "text":
        write_text()
    elif args.step == "train":
        train(args.direction, args.minutes, args.hidden, args.batch, args.threads)
    elif args.step == "export":
        export()
    else:
        check()


if __name__ == "__main__":
    main()

"""CoNLL files in and out, for `warta tag` and the NER evaluation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def read_conll(path: Path) -> Iterator[list[list[str]]]:
    """Sentences as lists of rows (columns split on whitespace); blank lines separate them."""
    sentence: list[list[str]] = []
    with path.open(encoding="utf-8", errors="replace", newline=None) as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("-DOCSTART-"):
                if sentence:
                    yield sentence
                    sentence = []
                continue
            sentence.append(line.split())
    if sentence:
        yield sentence


def tag_conll_file(source: Path, target: Path) -> int:
    """Append our BIO tag as the last column of each token line; returns the sentence count."""
    from warta.extract.entities import tag_tokens

    count = 0
    with target.open("w", encoding="utf-8") as out:
        for sentence in read_conll(source):
            tags = tag_tokens([row[0] for row in sentence])
            for row, tag in zip(sentence, tags, strict=True):
                out.write(" ".join([*row, tag]) + "\n")
            out.write("\n")
            count += 1
    return count


# NERGrit's and idner's type names -> the CoNLL names `warta tag` writes.
CONLL_LABELS = {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"}


def token_tag_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, gold tag): token in the first column, BIO tag in the last."""
    return [[(row[0], row[-1]) for row in sentence] for sentence in read_conll(path)]


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """conlleval-style chunks (start, end, type): an I- after O or with a new type starts one."""
    spans: set[tuple[int, int, str]] = set()
    start: int | None = None
    kind: str | None = None
    for index, tag in enumerate([*tags, "O"]):
        label = CONLL_LABELS.get(tag[2:], tag[2:]) if tag != "O" else None
        if tag == "O" or tag.startswith("B-") or label != kind:
            if start is not None and kind is not None:
                spans.add((start, index, kind))
            start, kind = (index, label) if tag != "O" else (None, None)
    return spans

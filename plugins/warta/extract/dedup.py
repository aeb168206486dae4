"""Near-duplicate fingerprints: MinHash over word 5-shingles.

Syndicated and republished copies (an aggregator reposting a CNN Indonesia story with a changed
sentence and another editor code) differ in a few words, so their ``doc_id``s differ. Their MinHash
signatures agree in most positions; the loader bands the signatures in SQL and compares every new
document with the whole warehouse, not only with its own run.
"""

from __future__ import annotations

import zlib

import numpy as np

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: pairs above ~0.7 Jaccard almost always share a band
SHINGLE_WORDS = 5
_rng = np.random.default_rng(20240621)  # fixed: signatures must be stable across runs
_A = _rng.integers(1, 1 << 63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)
_WORD_HASH_CACHE: dict[str, int] = {}
_WORD_HASH_CACHE_LIMIT = 500_000
_SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio)


def _word_hashes(words: list[str]) -> np.ndarray:
    """crc32 of each word (deterministic, unlike ``hash()``), memoised: news vocabularies repeat."""
    cache = _WORD_HASH_CACHE
    missing = [w for w in set(words) if w not in cache]
    if len(cache) + len(missing) > _WORD_HASH_CACHE_LIMIT:
        cache.clear()
        missing = list(set(words))
    for word in missing:
        cache[word] = zlib.crc32(word.encode())
    return np.array([cache[w] for w in words], dtype=np.uint64)


def shingle_hashes(text: str) -> np.ndarray:
    """One 64-bit hash per run of five consecutive lower-cased words.

    Words are whitespace-separated (punctuation stays attached: copies keep it too), hashed once
    and combined with numpy, several times cheaper than joining and hashing shingle strings.
    """
    words = text.lower().split()
    if not words:
        return np.zeros(1, dtype=np.uint64)
    word_hashes = _word_hashes(words)
    if len(words) < SHINGLE_WORDS:
        return np.array([np.bitwise_xor.reduce(word_hashes)], dtype=np.uint64)
    count = len(words) - SHINGLE_WORDS + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE_WORDS):
        combined = combined * _SHINGLE_MULTIPLIER + word_hashes[offset : offset + count]
    return combined  # repeated shingles cannot change a minimum: no need to deduplicate


def minhash_signature(text: str) -> list[int]:
    """64 minimum hash values under fixed universal hash functions (uint32 each)."""
    hashes = shingle_hashes(text)
    # Multiply-shift hashing: (a*h + b) mod 2^64, keep the high 32 bits. No modulo, so cheap.
    permuted = (hashes[:, None] * _A + _B) >> np.uint64(32)
    return permuted.min(axis=0).astype(np.uint32).tolist()


def estimated_jaccard(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)

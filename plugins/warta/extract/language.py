"""Tell Indonesian from Malay and English by counting function words.

The pipeline only needs to flag the odd Malay or English article in an Indonesian crawl, and
function words separate these three reliably from a few hundred characters. Counting them over
the opening ~2000 characters costs a few microseconds, unlike a statistical detector.
"""

from __future__ import annotations

import re
from collections import Counter

_SAMPLE_CHARS = 2000
_MIN_WORDS = 8
_MIN_HITS = 3
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Shared by Indonesian and Malay; what separates the two is in the marker sets below.
_MALAY_INDONESIAN = _vocabulary(
    "yang dan di ini itu dengan untuk tidak dari akan pada juga adalah dalam telah ke oleh sudah "
    "atau kepada mereka kami kita ia lebih bagi serta masih hanya antara"
)
_INDONESIAN_MARKERS = _vocabulary(
    "bahwa karena tersebut bisa polisi uang mobil sejumlah senin jumat kamis ujarnya katanya mau "
    "saat sempat kemarin sebesar menurutnya"
)
# Malay spellings and words Indonesian news does not use
_MALAY_STRONG = _vocabulary(
    "iaitu kerana bahawa sahaja manakala polis isnin jumaat khamis kenderaan mahu terbabit menerusi"
)
# Malay habits that Indonesian shares now and then ("boleh", "kerajaan" for a monarchy, "beliau")
_MALAY_WEAK = _vocabulary(
    "ialah daripada boleh kerajaan selepas semasa wang hospital beliau berkata bagaimanapun"
)
_ENGLISH = _vocabulary(
    "the and of to is that with in for on was are has have it by from as be this said were"
)


def _count(words: Counter[str], vocabulary: frozenset[str]) -> int:
    return sum(words[w] for w in vocabulary if w in words)


def _opening_words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text[:_SAMPLE_CHARS].lower()))


def detect_language(text: str) -> str | None:
    """'id', 'ms' or 'en' for the text's opening, or None when there is too little to tell."""
    words = _opening_words(text)
    if words.total() < _MIN_WORDS:
        return None
    english = _count(words, _ENGLISH)
    shared = _count(words, _MALAY_INDONESIAN)
    indonesian = _count(words, _INDONESIAN_MARKERS)
    malay_strong = _count(words, _MALAY_STRONG)
    malay = malay_strong + _count(words, _MALAY_WEAK)
    if english + shared + indonesian + malay < _MIN_HITS:
        return None
    # "di", "dan" and "yang" never occur in English prose, while leaked scripts and English
    # phrases put a few "the"/"in" into Indonesian text: demand a clear majority
    if english > 3 * (shared + indonesian + malay):
        return "en"
    if malay_strong >= 2 and malay_strong + malay > 2 * indonesian:
        return "ms"
    return "id"

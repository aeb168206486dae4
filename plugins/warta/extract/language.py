"""Tell Indonesian from Malay and English by counting function words.

The pipeline only needs to flag the odd Malay or English article in an Indonesian crawl, and
function words separate these three reliably from a few hundred characters. Counting them over
the opening ~2000 characters costs ~20 microseconds, unlike a statistical detector.
"""

from __future__ import annotations

import re
import string
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
    "atau kepada mereka kami kita ia lebih bagi serta masih hanya antara merupakan sebagai "
    "menjadi dapat hari tahun beserta secara namun ada"
)
_INDONESIAN_MARKERS = _vocabulary(
    "bahwa karena tersebut bisa polisi uang mobil sejumlah senin jumat kamis ujarnya katanya mau "
    "saat sempat kemarin sebesar menurutnya bagian"
)
# Malay spellings and words Indonesian news does not use
_MALAY_STRONG = _vocabulary(
    "iaitu kerana bahawa sahaja manakala polis isnin jumaat khamis kenderaan mahu terbabit "
    "menerusi baharu ringgit syarikat pelancongan setakat tempatan ekoran kakitangan"
)
# Malay habits that Indonesian shares now and then ("boleh", "kerajaan" for a monarchy, "beliau")
_MALAY_WEAK = _vocabulary(
    "ialah daripada boleh kerajaan selepas semasa wang hospital beliau berkata bagaimanapun kos "
    "hadapan berkuasa"
)
_ENGLISH = _vocabulary(
    "the and of to is that with in for on was are has have it by from as be this said were"
)


# Each vocabulary word to the number of its set (the sets are disjoint), so one C-level pass
# counts all five sets at once.
_ENGLISH_SET, _SHARED_SET, _INDONESIAN_SET, _MALAY_STRONG_SET, _MALAY_WEAK_SET = range(5)
_SET_OF_WORD = {
    word: number
    for number, vocabulary in enumerate(
        (_ENGLISH, _MALAY_INDONESIAN, _INDONESIAN_MARKERS, _MALAY_STRONG, _MALAY_WEAK)
    )
    for word in vocabulary
}
# ASCII characters that cannot be part of a word become spaces, so str.split finds the runs of
# letters and hyphens that _WORD would otherwise be run over (the regex is ~3x slower).
_WORD_CHARS = frozenset(string.ascii_lowercase + "-")
_NON_WORD_TO_SPACE = "".join(chr(c) if chr(c) in _WORD_CHARS else " " for c in range(128))
# A hyphen joins two letters into one word ("sehari-hari"); any other hyphen separates words.
_SEPARATING_HYPHEN = re.compile(r"-(?:(?![a-z])|(?<![a-z]-))")


def _opening_words(text: str) -> list[str]:
    """The words ``_WORD`` finds in the lower-cased opening, in no particular order."""
    sample = text[:_SAMPLE_CHARS].lower()
    if not sample.isascii():
        return _WORD.findall(sample)
    runs = sample.translate(_NON_WORD_TO_SPACE)
    if "-" in runs:
        runs = _SEPARATING_HYPHEN.sub(" ", runs)
    return runs.split()


def detect_language(text: str) -> str | None:
    """'id', 'ms' or 'en' for the text's opening, or None when there is too little to tell."""
    words = _opening_words(text)
    if len(words) < _MIN_WORDS:
        return None
    known = filter(_SET_OF_WORD.__contains__, words)
    hits = Counter(map(_SET_OF_WORD.__getitem__, known))
    english = hits[_ENGLISH_SET]
    shared = hits[_SHARED_SET]
    indonesian = hits[_INDONESIAN_SET]
    malay_strong = hits[_MALAY_STRONG_SET]
    malay = malay_strong + hits[_MALAY_WEAK_SET]
    if english + shared + indonesian + malay < _MIN_HITS:
        return None
    # "di", "dan" and "yang" never occur in English prose, while leaked scripts and English
    # phrases put a few "the"/"in" into Indonesian text: demand a clear majority
    if english > 3 * (shared + indonesian + malay):
        return "en"
    if malay_strong >= 2 and malay_strong + malay > 2 * indonesian:
        return "ms"
    if malay_strong and malay - malay_strong >= 3 and not indonesian:  # a short Malay item
        return "ms"
    return "id"

"""A handful of keywords per article, so analysts can facet and search documents by topic.

Why frequency and capitalisation rather than a model: keywords must cost a fraction of the
per-article budget, be identical on every rerun and be explainable in one sentence. One compiled
regex reads the body once into tokens that are either a run of capitalised words ("Bank
Indonesia", "Perry Warjiyo") or a single word; a Counter tallies them. Only the most frequent
candidates are then looked at in Python: Indonesian function words are dropped, runs are trimmed
of sentence starters and offices ("Menurut Gubernur BI Perry Warjiyo" -> "BI", "Perry Warjiyo"),
lowercase word pairs that keep occurring together become one phrase ("suku bunga"), and words of
the title score extra. Single common words are returned lowercase, names in their original case.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import compress, filterfalse
from operator import itemgetter

from warta.gazetteer import (
    GAZETTEER_DIR,
    load_known_entities,
    load_roles,
    load_stopwords,
    load_titles,
)

TITLE_BONUS = 3  # a word of the title counts as three more mentions in the body
POOL_FACTOR = 2  # candidates looked at: about POOL_FACTOR * k most frequent tokens
MIN_WORD_LENGTH = 3
MAX_ROLE_WORDS = 4
MAX_KNOWN_WORDS = 4
# Stopwords that also end place and office names ("Jawa Tengah", "Kementerian Dalam Negeri").
NAME_ENDINGS = frozenset({"tengah", "baru", "besar", "tinggi", "dalam", "luar", "atas", "lama"})

# What follows a word's first letter: letters and digits, joined by apostrophes or hyphens.
# Possessive (``*+``): what a word matched it never gives back, as nothing after it could use it.
_WORD_TAIL = r"[A-Za-z0-9]*+(?:['’-][A-Za-z0-9]+)*+"
# A run of capitalised words joined by single spaces (one word or more), else a single word.
# Read once, left to right: no capitalised word is matched twice, as a run and then alone.
_TOKEN = re.compile(rf"[A-Z]{_WORD_TAIL}(?: [A-Z]{_WORD_TAIL})*+|[a-z]{_WORD_TAIL}")


@cache
def load_keyword_stopwords() -> frozenset[str]:
    """Case-folded Indonesian function words that never make a keyword (stopwords_id.txt)."""
    text = (GAZETTEER_DIR / "stopwords_id.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(word.casefold() for line in lines for word in line.split())


STOPWORDS = load_keyword_stopwords()
# Every spelling a stopword takes in running text, so they leave the Counter by one set operation.
_STOP_SPELLINGS = frozenset(
    spelling for word in STOPWORDS for spelling in (word, word.capitalize(), word.upper())
)
# Common nouns news capitalises at a sentence start before a name ("Warga Cianjur", "Polisi"),
# from the entity recogniser's list: trimmed from the start of a run only.
_RUN_STARTERS = STOPWORDS | load_stopwords()
_ROLES = load_roles()
_TITLES = frozenset(title.casefold() for title in load_titles())
_KNOWN = load_known_entities()  # organisations and places: never a person's short name


def extract_keywords(body: str, title: str | None = None, k: int = 8) -> list[str]:
    """The ``k`` best keywords of an article, by score (descending) then alphabetically."""
    if k <= 0 or not body and not title:
        return []
    tokens = _TOKEN.findall(body)
    counts = Counter(filterfalse(_STOP_SPELLINGS.__contains__, tokens))  # C-level filter
    scores: dict[str, int] = {}
    for raw, count in _frequent(counts, POOL_FACTOR * k):
        for keyword in _keywords_of(raw, counts):
            scores[keyword] = scores.get(keyword, 0) + count
    _join_short_names(scores)
    _join_phrases(scores, tokens, k)
    if title:
        _add_title(scores, title, counts)
    return _ranked(scores)[:k]


def _ranked(scores: dict[str, int]) -> list[str]:
    """Keywords scoring above zero by score (descending), then case-folded, then as written.

    Three stable sorts, the last key first, each keyed by a C-level method: no key tuple is
    built per keyword."""
    ranked = sorted([keyword for keyword, score in scores.items() if score > 0])
    ranked.sort(key=str.casefold)
    ranked.sort(key=scores.__getitem__, reverse=True)  # reverse=True keeps ties in order
    return ranked


def _frequent(counts: Counter[str], size: int) -> list[tuple[str, int]]:
    """The ``size`` most frequent tokens plus every token tied with the last, in a stable order."""
    values = sorted(counts.values())
    if not values:
        return []
    floor = values[-min(size, len(values))]
    # Only the tokens at or above the floor are sorted; the stable sort keeps their order among
    # ties. (A list comprehension: a map over ``floor.__le__`` calls a slot wrapper, dearer.)
    frequent = [item for item in counts.items() if item[1] >= floor]
    return sorted(frequent, key=itemgetter(1), reverse=True)


def _keywords_of(raw: str, counts: Counter[str]) -> list[str]:
    """Display forms of one token: a word, or what a capitalised run holds after trimming."""
    if " " not in raw:
        return [_single_word(raw, counts)] if _is_content_word(raw) else []
    keywords: list[str] = []
    words = raw.split(" ")
    while words:
        start = len(words)
        words = _without_leading_stopwords(words)
        if " ".join(words).casefold() in _ROLES:  # "Menteri Luar Negeri" alone is no topic
            return keywords
        after_role = _without_leading_role(words)
        if len(after_role) < len(words):  # "Gubernur Jawa Tengah Ahmad Luthfi": the office's owner
            words = after_role
            known = _leading_known_entity(words)
            keywords += [" ".join(words[:known])] if known else []
            words = words[known:]
        if len(words) > 1 and _is_acronym(words[0]):  # "BI Perry Warjiyo"
            keywords.append(words.pop(0))
        if len(words) == start:
            break
    while words and _is_filler(words[-1]) and words[-1].casefold() not in NAME_ENDINGS:
        words.pop()
    if len(words) == 1:
        return keywords + _keywords_of(words[0], counts)
    return keywords + [" ".join(words)] if words else keywords


def _is_filler(word: str) -> bool:
    """A stopword or honorific at the edge of a run: "Menurut", "Pada", "Kamis", "Dr", "Tbk"."""
    folded = word.casefold()
    return folded in STOPWORDS or folded in _TITLES


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _without_leading_stopwords(words: list[str]) -> list[str]:
    """Sentence starters and days stay out of names; words inside a run are never cut
    ("Kementerian Dalam Negeri", "Jawa Tengah")."""
    start = 0
    while start < len(words) and (
        words[start].casefold() in _RUN_STARTERS or words[start].casefold() in _TITLES
    ):
        start += 1
    return words[start:]


def _without_leading_role(words: list[str]) -> list[str]:
    """The office that opens a run goes ("Menteri Keuangan Sri Mulyani" -> "Sri Mulyani")."""
    for size in range(min(MAX_ROLE_WORDS, len(words) - 1), 0, -1):
        if " ".join(words[:size]).casefold() in _ROLES:
            return words[size:]
    return words


def _leading_known_entity(words: list[str]) -> int:
    """How many leading words form a known organisation or place (0 if none, or if all do)."""
    for size in range(min(MAX_KNOWN_WORDS, len(words) - 1), 0, -1):
        if " ".join(words[:size]) in _KNOWN:
            return size
    return 0


def _single_word(word: str, counts: Counter[str]) -> str:
    """Lowercase unless an acronym or a word the article never writes lowercase ("Jakarta");
    a reduplicated plural counts as its base word ("daerah-daerah" -> "daerah")."""
    first, dash, second = word.partition("-")
    if dash and first.lower() == second.lower():
        word = first
    if word.islower() or _is_acronym(word) or word.lower() not in counts:
        return word
    return word.lower()


def _is_content_word(word: str) -> bool:
    """Long enough, not a number-led code, not a stopword (acronyms such as "BI" are kept)."""
    if len(word) < MIN_WORD_LENGTH and not (len(word) > 1 and word.isupper()):
        return False
    return word.casefold() not in STOPWORDS


def _join_short_names(scores: dict[str, int]) -> None:
    """A lone "Perry" counts for "Perry Warjiyo" when the article names exactly one such person."""
    full_names: dict[str, set[str]] = {}
    for keyword in scores:
        if " " in keyword and keyword not in _KNOWN:
            words = keyword.split(" ")
            for word in (words[0], words[-1]):
                full_names.setdefault(word, set()).add(keyword)
    for word in [
        word
        for word in full_names
        if word in scores and word not in _KNOWN and len(full_names[word]) == 1
    ]:
        (full_name,) = full_names[word]
        scores[full_name] += scores.pop(word)


def _join_phrases(scores: dict[str, int], tokens: list[str], k: int) -> None:
    """Lowercase pairs that mostly occur together ("suku bunga") replace their two words."""
    top = [
        word
        for word, score in sorted(scores.items(), key=itemgetter(1), reverse=True)
        if score >= 2 and word.islower() and " " not in word
    ][:k]
    if len(top) < 2:
        return
    # Only pairs of two top words are looked up, so only those are counted, from where the
    # top words stand: a few dozen tokens rather than every pair of the article.
    top_words = set(top)
    at = list(compress(range(len(tokens)), map(top_words.__contains__, tokens)))
    pairs: dict[tuple[str, str], int] = {}
    for index, following in zip(at, at[1:], strict=False):
        if following == index + 1 and tokens[index] != tokens[following]:
            pair = (tokens[index], tokens[following])
            pairs[pair] = pairs.get(pair, 0) + 1
    rank = {word: index for index, word in enumerate(top)}
    joined = [(together, first, second) for (first, second), together in pairs.items()
              if together >= 2]
    # The pair written together most often goes first: in "penetapan suku bunga pinjaman" the
    # phrase is "suku bunga", and what is left of "suku" no longer pairs with "penetapan".
    # Ties go in the order of the top words.
    joined.sort(key=lambda pair: (-pair[0], rank[pair[1]], rank[pair[2]]))
    for together, first, second in joined:
        rarer = min(scores[first], scores[second])  # what is left after earlier phrases
        if together <= rarer <= 2 * together:
            scores[f"{first} {second}"] = together
            scores[first] -= together
            scores[second] -= together


def _add_title(scores: dict[str, int], title: str, counts: Counter[str]) -> None:
    """Keywords that appear in the title score more; title words the body uses rarely join in."""
    lowered = f" {title.lower()} "
    title_words = set(_TOKEN.findall(lowered)) - STOPWORDS
    for phrase in [keyword for keyword in scores if " " in keyword]:
        if f" {phrase.lower()} " in lowered:
            scores[phrase] += TITLE_BONUS
            title_words.difference_update(phrase.lower().split(" "))
    # A title word that is part of a name or phrase already kept credits that keyword, so a
    # lone "Prabowo" does not return beside "Prabowo Subianto".
    phrases_by_word: dict[str, str] = {}
    for phrase in sorted((k for k in scores if " " in k), key=lambda k: -scores[k]):
        for word in phrase.lower().split(" "):
            phrases_by_word.setdefault(word, phrase)
    for word in sorted(title_words & phrases_by_word.keys()):
        if not any(form in scores for form in (word, word.capitalize(), word.upper())):
            scores[phrases_by_word[word]] += TITLE_BONUS
            title_words.discard(word)
    for word in title_words:
        for form in (word, word.capitalize(), word.upper()):
            if form in scores:
                scores[form] += TITLE_BONUS
                break
        else:  # a title word the body uses, though too rarely to be a candidate
            forms = [form for form in (word, word.capitalize(), word.upper()) if form in counts]
            if forms and _is_content_word(forms[0]):
                keyword = _single_word(forms[0], counts)
                scores[keyword] = sum(counts[form] for form in forms) + TITLE_BONUS

"""Rule-and-gazetteer recogniser for people, organisations and places in Indonesian news.

Why rules: the pipeline must stay around a millisecond per article, and most entities in news are
either known (countries, ministries, agencies) or announced by context (an office before a name, a
speech verb after it). Candidates are runs of capitalised words found by one compiled regex; each
run is parsed left to right into roles, titles, known entities, cue-headed names and unknown
chunks, and a document pass then ties short forms and acronyms to the full names the article uses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from warta.gazetteer import (
    KnownEntity,
    load_cues,
    load_known_entities,
    load_roles,
    load_span_model,
    load_stopwords,
    load_titles,
)
from warta.model import EntityMention, EntityType, Sentence

TITLES = load_titles()
ROLES = load_roles()
STOPWORDS = load_stopwords()
CUES = load_cues()
KNOWN = load_known_entities()
MAX_KNOWN_WORDS = max(len(form.split()) for form in KNOWN)
MAX_ROLE_WORDS = max(len(role.split()) for role in ROLES)
MAX_CUE_WORDS = max(len(cue.split()) for cue in CUES)


def _first_word_index(phrases, fold: bool = False) -> dict[str, int]:
    """First word -> longest phrase length, so most tokens are rejected by one dict lookup."""
    index: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split()
        key = words[0].casefold() if fold else words[0]
        index[key] = max(index.get(key, 0), len(words))
    return index


KNOWN_FIRST = _first_word_index(KNOWN)
ROLE_FIRST = _first_word_index(ROLES, fold=True)
CUE_FIRST = _first_word_index(CUES)
# Any word that can start a role, a known name or a cue, in both spellings, for a one-lookup exit.
PHRASE_STARTS = frozenset(KNOWN_FIRST) | frozenset(ROLE_FIRST) | frozenset(CUE_FIRST)
ROLE_LAST_WORDS = frozenset(role.split()[-1] for role in ROLES)

# Connectors that stay inside a name ("Abdurrachman bin Ali") or join two names ("Cho dan Blinken",
# split again while parsing) only when a capitalised word follows. A dot may sit between two
# words of a run only after a title ("Dr. Ahmad"); runs are cut at any other dot in Python,
# which keeps the regex free of a title alternation (three times faster).
_CONNECTORS = r"(?:bin|binti|van|von|der|den|de|da|dos|al|el|ibn|dan)"
_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
RUN_RE = re.compile(rf"{_WORD}(?:\.?[ ]+(?:{_CONNECTORS}[ ]+)?{_WORD})*")
TOKEN_RE = re.compile(r"[\w'’]+(?:-[\w'’]+)*\.?")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?…][\"”’)]*\s+|\n\s*|[\"“(]\s*)$")
# Word forms that are almost never names: prefixed verbs/adverbs ("Berdasarkan", "Menurutnya").
COMMON_WORD_RE = re.compile(
    r"(?:(?:[Mm]e|[Bb]er|[Dd]i|[Tt]er|[Ss]e|[Pp]e|[Kk]e)\w+(?:kan|nya|lah|i)|(?:[Pp]e|[Kk]e)\w+an)$"
)
LOWER_WORD_RE = re.compile(r"(?<= )([a-z][\w'’]*(?:-[\w'’]+)*)(?=[ ,.])")
SPEECH_VERB_AFTER_RE = re.compile(
    r"\s*,?\s*(?:juga\s+|pun\s+)?(?:kata|ujar|ucap|tutur|tegas|jelas|ungkap|imbuh|tambah|sebut|"
    r"mengatakan|menyebut|menyatakan|menegaskan|menjelaskan|menyampaikan|berkata|menuturkan|"
    r"mengungkapkan|berjanji|menilai)\b"
)
PLACE_PREPOSITIONS = frozenset({"di", "ke", "kota", "provinsi", "kabupaten", "negara", "wilayah"})
LOWER_ROLE_WINDOW = 48

SPAN_LABELS, SPAN_WEIGHTS = load_span_model()
# Words and single punctuation marks, so that context reads the same in raw and tokenised text.
CONTEXT_RE = re.compile(r"[\w'’]+(?:-[\w'’]+)*|[^\w\s]")
CONTEXT_CHARS = 40
SCORED_SOURCES = frozenset({"guess"})

_TYPE_BY_NAME = {"PERSON": EntityType.PERSON, "ORG": EntityType.ORG, "LOC": EntityType.LOC}
_CONLL_TAG = {EntityType.PERSON: "PER", EntityType.ORG: "ORG", EntityType.LOC: "LOC"}


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class _Candidate:
    """A mention before document-level resolution; ``source`` says how sure the rules were."""

    entity_type: EntityType
    canonical_name: str
    start: int
    end: int
    source: str  # "known", "cue", "role", "verb" or "guess"
    role: str | None = None
    affiliation: str | None = None


def find_entities(body: str, sentences: list[Sentence]) -> list[EntityMention]:
    """PERSON/ORG/LOC mentions in text order, canonical names resolved within the document."""
    candidates = _resolve_in_document(body, _classify(body, _recognise(body)))
    starts = [s.char_start for s in sentences]
    mentions = []
    for cand in candidates:
        index = bisect_right(starts, cand.start) - 1
        sentence_no = sentences[index].sentence_no if index >= 0 and sentences else 1
        mentions.append(
            EntityMention(
                sentence_no=sentence_no,
                entity_type=cand.entity_type,
                canonical_name=cand.canonical_name,
                surface=body[cand.start : cand.end],
                char_start=cand.start,
                char_end=cand.end,
                role=cand.role,
                affiliation=cand.affiliation,
            )
        )
    return mentions


def tag_tokens(tokens: list[str]) -> list[str]:
    """CoNLL BIO tags for pre-tokenised text, using the same recogniser as the pipeline."""
    offsets = []
    position = 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    text = " ".join(tokens)
    tags = ["O"] * len(tokens)
    token_starts = [start for start, _ in offsets]
    for cand in _resolve_in_document(text, _classify(text, _recognise(text))):
        first = bisect_right(token_starts, cand.start) - 1
        label = _CONLL_TAG[cand.entity_type]
        index = first
        while index < len(tokens) and offsets[index][1] <= cand.end:
            if offsets[index][0] >= cand.start:
                tags[index] = ("B-" if index == first else "I-") + label
            index += 1
    return tags


def _recognise(body: str) -> list[_Candidate]:
    """All candidates of the text, run by run."""
    candidates: list[_Candidate] = []
    for run in RUN_RE.finditer(body):
        start = run.start()
        if start and body[start - 1].isalnum():
            continue  # a capital inside a word ("iPhone") starts no name
        text = run.group()
        # Fast paths: most runs are one known name ("Rusia") or one capitalised common word.
        entry = KNOWN.get(text)
        if entry is not None:
            entity_type = _TYPE_BY_NAME[entry.entity_type]
            end = run.end()
            candidates.append(_Candidate(entity_type, entry.canonical_name, start, end, "known"))
            continue
        if text.casefold() in STOPWORDS:
            continue
        for tokens in _split_run(run):
            candidates.extend(_parse_run(body, tokens))
    return candidates


def _split_run(run: re.Match[str]) -> list[list[_Token]]:
    """Tokens of a run, split where a hyphen joins two different names ("Korea Utara-Rusia")."""
    pieces: list[list[_Token]] = [[]]
    base = run.start()
    for match in TOKEN_RE.finditer(run.group()):
        text = match.group()
        start = base + match.start()
        sentence_ends = False
        if text[-1] == ".":
            text = text[:-1]
            sentence_ends = text not in TITLES
        parts = text.split("-")
        if (
            len(parts) == 1
            or text in KNOWN
            or _is_reduplication(parts)
            or not parts[1][:1].isupper()
        ):
            pieces[-1].append(_Token(text, start, start + len(text)))
        else:
            for number, part in enumerate(parts):
                if number:
                    pieces.append([])
                pieces[-1].append(_Token(part, start, start + len(part)))
                start += len(part) + 1
        if sentence_ends:
            pieces.append([])
    return [piece for piece in pieces if piece]


def _is_reduplication(parts: list[str]) -> bool:
    return len(parts) == 2 and parts[0].casefold() == parts[1].casefold()


def _longest(tokens: list[_Token], index: int, first: dict[str, int], table, fold=False) -> int:
    """Number of tokens of the longest phrase at ``index`` found in ``table`` (0 when none)."""
    word = tokens[index].text
    limit = first.get(word.casefold() if fold else word, 0)
    for size in range(min(limit, len(tokens) - index), 0, -1):
        phrase = " ".join(t.text for t in tokens[index : index + size])
        if (phrase.casefold() if fold else phrase) in table:
            return size
    return 0


def _role_before(body: str, start: int) -> str | None:
    """A lower-case office right before a run ("pemimpin tertinggi Korea Utara Kim Jong Un")."""
    words = body[max(0, start - LOWER_ROLE_WINDOW) : start].split()
    if not words or words[-1].casefold() not in ROLE_LAST_WORDS:
        return None
    for size in range(min(MAX_ROLE_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[-size:])
        if phrase.casefold() in ROLES and phrase[:1].islower():
            return phrase
    return None


def _is_sentence_start(body: str, start: int) -> bool:
    return SENTENCE_START_RE.search(body, max(0, start - 4), start) is not None


def _is_common_word(body: str, word: str) -> bool:
    """A sentence-initial word is a common word when the article also writes it in lower case."""
    lowered = word.casefold()
    if lowered in STOPWORDS or COMMON_WORD_RE.match(word):
        return True
    return lowered in _lower_case_words(body)


@lru_cache(maxsize=8)
def _lower_case_words(body: str) -> frozenset[str]:
    """Words the text writes in lower case after a space; built once per text, not per word."""
    return frozenset(LOWER_WORD_RE.findall(body))


class _RunParser:
    """Parses one run of capitalised tokens; holds the office waiting for its holder's name."""

    def __init__(self, body: str, tokens: list[_Token]) -> None:
        self.body = body
        self.tokens = tokens
        self.out: list[_Candidate] = []
        self.unknown: list[_Token] = []
        self.role: str | None = _role_before(body, tokens[0].start)
        self.affiliation: str | None = None
        self.speech_follows = SPEECH_VERB_AFTER_RE.match(body, tokens[-1].end) is not None

    def parse(self) -> list[_Candidate]:
        tokens = self.tokens
        index = 0
        if _is_sentence_start(self.body, tokens[0].start):
            while index < len(tokens) and self._is_initial_common(index):
                index += 1
        while index < len(tokens):
            index = self._step(index)
        self._flush(next_is_title=False)
        return self.out

    def _is_initial_common(self, index: int) -> bool:
        text = self.tokens[index].text
        if _longest(self.tokens, index, ROLE_FIRST, ROLES, fold=True):
            return False
        if _longest(self.tokens, index, KNOWN_FIRST, KNOWN) or text in CUES:
            return False
        return _is_common_word(self.body, text)

    def _step(self, index: int) -> int:
        tokens = self.tokens
        text = tokens[index].text
        if text not in PHRASE_STARTS and text.casefold() not in ROLE_FIRST:
            return self._step_plain(index)
        size = _longest(tokens, index, ROLE_FIRST, ROLES, fold=True)
        if size:
            self._flush(next_is_title=False)
            self.role = " ".join(t.text for t in tokens[index : index + size])
            self.affiliation = None
            return index + size
        size = _longest(tokens, index, KNOWN_FIRST, KNOWN)
        if size:
            self._flush(next_is_title=False)
            phrase = " ".join(t.text for t in tokens[index : index + size])
            self._emit_known(KNOWN[phrase], tokens[index].start, tokens[index + size - 1].end)
            return index + size
        size = _longest(tokens, index, CUE_FIRST, CUES)
        if size:
            self._flush(next_is_title=False)
            if index + size == len(tokens):
                return index + size  # a bare head word ("Desa itu") names nothing
            return self._emit_cued(index, size)
        return self._step_plain(index)

    def _step_plain(self, index: int) -> int:
        """A token that starts no listed phrase: a title, a common word or part of a name."""
        text = self.tokens[index].text
        if text in TITLES and index + 1 < len(self.tokens):
            self._flush(next_is_title=True)
            return index + 1
        if len(text) == 1 or text.casefold() in STOPWORDS:
            self._flush(next_is_title=False)
            return index + 1
        self.unknown.append(self.tokens[index])
        return index + 1

    def _emit_known(self, entry: KnownEntity, start: int, end: int) -> None:
        if self.role and self.affiliation is None:
            self.affiliation = entry.canonical_name
        self.out.append(
            _Candidate(_TYPE_BY_NAME[entry.entity_type], entry.canonical_name, start, end, "known")
        )

    def _emit_cued(self, index: int, size: int) -> int:
        """A cue word starts an ORG/LOC that runs to the end of the run or the next office.

        After an office the name of its holder usually follows the institution, so the span is
        then cut to the cue plus one word (or plus a known name), leaving the rest to the person.
        """
        tokens = self.tokens
        cue = " ".join(t.text for t in tokens[index : index + size])
        end = index + size
        if CUES[cue] == "O":
            while end < len(tokens) and tokens[end].text != "dan":
                end += 1
            return end
        known = _longest(tokens, end, KNOWN_FIRST, KNOWN)
        if self.role and known:
            end += known
        elif self.role:
            end += 1
        else:
            while end < len(tokens) and not self._ends_cued_name(end):
                end += 1
        if end == index + size:
            return end
        name = self.body[tokens[index].start : tokens[end - 1].end]
        entity_type = _TYPE_BY_NAME[CUES[cue]]
        if self.role and self.affiliation is None:
            self.affiliation = name
        self.out.append(
            _Candidate(entity_type, name, tokens[index].start, tokens[end - 1].end, "cue")
        )
        return end

    def _ends_cued_name(self, index: int) -> bool:
        text = self.tokens[index].text
        if text == "dan" or text in TITLES:
            return True
        return bool(_longest(self.tokens, index, ROLE_FIRST, ROLES, fold=True))

    def _flush(self, next_is_title: bool) -> None:
        """Type the pending unknown chunk from its context."""
        chunk = self.unknown
        if not chunk:
            return
        self.unknown = []
        start, end = chunk[0].start, chunk[-1].end
        name = self.body[start:end]
        if self.role and next_is_title and self.affiliation is None:
            # "Kapolda Metro Jaya Irjen Karyoto": the words between office and rank are the unit.
            self.affiliation = name
            return
        if self.role:
            self.out.append(
                _Candidate(EntityType.PERSON, name, start, end, "role", self.role, self.affiliation)
            )
            self.role = None
            self.affiliation = None
            return
        source = "verb" if self.speech_follows and end == self.tokens[-1].end else "guess"
        if source == "guess" and (
            _is_quoted(self.body, start, end)
            or len(chunk) == 1
            and _is_common_word(self.body, chunk[0].text)
        ):
            return  # titles of works in quotes, capitalised common words
        entity_type = _guess_type(self.body, chunk)
        self.out.append(_Candidate(entity_type, name, start, end, source))


def _is_quoted(body: str, start: int, end: int) -> bool:
    return body[max(0, start - 2) : start].strip()[-1:] in ('"', "“") and body[
        end : end + 2
    ].strip()[:1] in ('"', "”")


def _guess_type(body: str, chunk: list[_Token]) -> EntityType:
    """Unknown names: acronyms are organisations, names after "di"/"ke" places, else people."""
    words = body[max(0, chunk[0].start - 12) : chunk[0].start].split()
    if words and words[-1].casefold() in PLACE_PREPOSITIONS:
        return EntityType.LOC
    if len(chunk) == 1 and len(chunk[0].text) > 1 and chunk[0].text.isupper():
        return EntityType.ORG
    return EntityType.PERSON


def _parse_run(body: str, tokens: list[_Token]) -> list[_Candidate]:
    return _RunParser(body, tokens).parse()


def span_features(body: str, cand: _Candidate) -> list[str]:
    """Features of one candidate span for the learned classifier (shared with its trainer).

    Words are case-folded and context is read as words and punctuation marks so that the
    tokenised training sets and raw articles give the same features.
    """
    surface = body[cand.start : cand.end]
    before = CONTEXT_RE.findall(body, max(0, cand.start - CONTEXT_CHARS), cand.start)[-2:]
    after = CONTEXT_RE.findall(body, cand.end, cand.end + CONTEXT_CHARS)[:2]
    before = ["<s>"] * (2 - len(before)) + [w.casefold() for w in before]
    after = [w.casefold() for w in after] + ["</s>"] * (2 - len(after))
    kind = _CONLL_TAG[cand.entity_type]
    features = [
        *_surface_features(surface),
        f"s={cand.source}",
        f"t={kind}",
        f"st={cand.source}{kind}",
        f"p1={before[1]}",
        f"p2={before[0]}|{before[1]}",
        f"n1={after[0]}",
        f"n2={after[0]}|{after[1]}",
        f"p1t={before[1]}|{kind}",
    ]
    if " " not in surface and _is_common_word(body, surface):
        features.append("common")
    if _is_sentence_start(body, cand.start):
        features.append("start")
    return features


@lru_cache(maxsize=65536)
def _surface_features(surface: str) -> tuple[str, ...]:
    """Features of the span's own words, cached: the same names recur across articles."""
    words = surface.split()
    first, last = words[0], words[-1]
    return (
        "b",
        f"n={min(len(words), 5)}",
        f"f={first.casefold()}",
        f"l={last.casefold()}",
        f"sf={last[-3:].casefold()}",
        f"pf={first[:3].casefold()}",
        f"sh={_shape(words)}",
        *(f"w={word.casefold()}" for word in words),
    )


def _shape(words: list[str]) -> str:
    """Word shapes of a span: A acronym, a capitalised, d digits, x other; at most four."""
    marks = []
    for word in words[:4]:
        if any(ch.isdigit() for ch in word):
            marks.append("d")
        elif len(word) > 1 and word.isupper():
            marks.append("A")
        elif word[:1].isupper():
            marks.append("a")
        else:
            marks.append("x")
    return "".join(marks)


def _classify(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Let the learned span classifier retype or drop the rules' guesses.

    Only guesses are scored: listed names, cue-headed names, office holders and speakers are
    what the rules get right in articles (and what the seed gold pins down). A dropped guess
    comes back when the article vouches for it: it is the first or last word of a person's
    full name kept elsewhere, or the bracketed acronym right after a kept name.
    """
    if not SPAN_WEIGHTS:
        return candidates
    kept: list[_Candidate] = []
    dropped: list[_Candidate] = []
    for cand in candidates:
        if cand.source not in SCORED_SOURCES:
            kept.append(cand)
            continue
        label = _best_label(span_features(body, cand))
        if label == "O":
            dropped.append(cand)
            continue
        entity_type = _TYPE_BY_NAME["PERSON" if label == "PER" else label]
        if entity_type is not cand.entity_type:
            cand = replace(cand, entity_type=entity_type)
        kept.append(cand)
    if dropped:
        kept = sorted(kept + _vouched_for(body, kept, dropped), key=lambda c: c.start)
    return kept


def _best_label(features: list[str]) -> str:
    weights = SPAN_WEIGHTS
    rows = [weights[f] for f in features if f in weights]
    scores = [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0]
    return SPAN_LABELS[scores.index(max(scores))]


def _vouched_for(body: str, kept: list[_Candidate], dropped: list[_Candidate]) -> list[_Candidate]:
    """Dropped guesses that the rest of the article shows to be names (see ``_classify``)."""
    name_parts = set()
    for cand in kept:
        parts = cand.canonical_name.split()
        if cand.entity_type is EntityType.PERSON and len(parts) > 1:
            name_parts.update((parts[0], parts[-1]))
    ends = {cand.end for cand in kept}
    rescued = []
    for cand in dropped:
        opens = body[cand.start - 2 : cand.start] == " (" and cand.start - 2 in ends
        bracketed = opens and body[cand.end : cand.end + 1] == ")"
        if cand.canonical_name in name_parts or bracketed:
            rescued.append(cand)
    return rescued


def _resolve_in_document(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Tie acronyms and short forms to the full names the same article uses."""
    candidates = _apply_acronym_definitions(body, candidates)
    full_names = {
        c.canonical_name
        for c in candidates
        if c.entity_type is EntityType.PERSON and len(c.canonical_name.split()) > 1
    }
    by_part: dict[str, set[str]] = {}
    for name in full_names:
        parts = name.split()
        if len(parts) > 1:
            for part in (parts[0], parts[-1]):
                by_part.setdefault(part, set()).add(name)
    resolved = []
    for cand in candidates:
        owners = by_part.get(cand.canonical_name)
        if owners and len(owners) == 1 and cand.source in {"guess", "verb", "role"}:
            cand = replace(cand, entity_type=EntityType.PERSON, canonical_name=next(iter(owners)))
        resolved.append(cand)
    return resolved


def _apply_acronym_definitions(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Dewan Keamanan PBB (DK PBB)": the bracketed name is an alias of the name before it."""
    aliases: dict[str, _Candidate] = {}
    for before, inside in zip(candidates, candidates[1:], strict=False):
        gap = body[before.end : inside.start]
        closes = body[inside.end : inside.end + 1] == ")"
        if gap == " (" and closes and inside.source != "known" and before.entity_type is not None:
            aliases[body[inside.start : inside.end]] = before
    if not aliases:
        return candidates
    resolved = []
    for cand in candidates:
        target = aliases.get(body[cand.start : cand.end])
        if target is not None:
            cand = replace(
                cand, entity_type=target.entity_type, canonical_name=target.canonical_name
            )
        resolved.append(cand)
    return resolved

"""Direct and indirect quotes with their speakers, from the entity mentions of the same article.

Indonesian news attributes speech in a few fixed shapes: '“…,” kata X', 'X mengatakan, “…”',
'X mengatakan (bahwa) …', 'Menurut X, …', and pronoun forms ('ujarnya', 'Menurutnya', 'Ia
mengatakan') that refer to the person last speaking or acting. Each shape is one compiled regex;
pronouns are resolved in text order against the speakers and sentence subjects seen so far.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from warta.model import EntityMention, EntityType, Quote, Sentence

QUOTE_RE = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")
_SHORT_VERBS = (
    r"kata|ujar|ucap|tutur|tegas|jelas|ungkap|imbuh|tambah|sebut|lanjut|terang|papar|pungkas|tulis"
)
_LONG_VERBS = (
    r"mengatakan|menyebut(?:kan)?|menyampaikan|berjanji|menegaskan|menyatakan|menjelaskan|"
    r"mengungkapkan|menilai|mengaku|menuturkan|memperingatkan|menekankan|mengklaim|membantah|"
    r"mengingatkan|menambahkan|berpendapat|meyakini|memastikan|berkata|mengungkap|menerangkan"
)
# '“…,” kata Putin' / '“…,” ujarnya' / '“…,” Putin menambahkan'
VERB_AFTER_RE = re.compile(rf"[\s,]*(?P<verb>(?:{_SHORT_VERBS})(?P<nya>nya)?|{_LONG_VERBS})\b")
# 'Putin mengatakan, “…”' / 'katanya: “…”'
VERB_BEFORE_RE = re.compile(
    rf"\b(?P<verb>(?:{_SHORT_VERBS})(?P<nya>nya)?|{_LONG_VERBS}|[Mm]enurut(?P<nya2>nya)?)"
    r"(?:\s+bahwa)?\s*[,:]?\s*$"
)


def _word_from_first_letter(alternatives: str) -> str:
    """``\\b(?:a|b|...)`` rewritten to open with a character class, e.g. ``[mb]``.

    A pattern that opens with ``\\b`` is tried at every position of the text; one that opens with
    a character class lets the regex engine skip to the next candidate letter, which makes
    whole-article scans two to three times faster. Same matches: the look-behind is the ``\\b``.
    """
    rests: dict[str, list[str]] = {}
    for alternative in alternatives.split("|"):
        rests.setdefault(alternative[0], []).append(alternative[1:])
    letters = "".join(rests)
    branches = "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in rests.items())
    return rf"[{letters}](?<!\w[{letters}])(?:{branches})"


INDIRECT_RE = re.compile(
    rf"(?P<verb>{_word_from_first_letter(_LONG_VERBS)})\b(?:\s+bahwa\b)?[\s,:]*"
)
MENURUT_RE = re.compile(r"(?P<verb>[Mm](?<!\w[Mm])enurut(?P<nya>nya)?)\b")
CITED_RE = re.compile(
    r"(?:seperti|sebagaimana)?\s*(?:dikutip|dilansir|mengutip)\s+(?:dari\s+)?(?:kantor berita\s+)?"
    r"(?P<source>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)"
)
PRONOUN_SUBJECT_RE = re.compile(
    r"(?:^|[\s,])(?P<pronoun>[Ii]a|[Dd]ia|[Bb]eliau)\s+(?:\w+\s+){0,2}$"
)
CO_SPEAKER_GAP_RE = re.compile(r"^\s*(?:,|dan|serta|bersama)\b")
SPEAKER_WINDOW = 80
# How far before a quote its attribution may start ('memperingatkan bahwa,  “').
VERB_BEFORE_REACH = 64
SCARE_QUOTE_MAX_WORDS = 4
TERMINAL = ".?!…"
_AFTER_ANY_END = float("inf")


@dataclass(slots=True)
class _Speaker:
    name: str | None
    entity_type: EntityType | None
    surface: str | None
    co_speakers: tuple[str, ...] = ()


@dataclass(slots=True)
class _Raw:
    """A quote before pronoun resolution; ``anchor`` is where its attribution sits."""

    kind: str
    start: int
    end: int
    anchor: int
    verb: str | None
    speaker: _Speaker | None  # None: a pronoun to resolve
    pronoun: str | None = None
    cited_source: str | None = None


def find_quotes(body: str, sentences: list[Sentence], mentions: list[EntityMention]) -> list[Quote]:
    """Direct and indirect quotes in text order with resolved speakers."""
    sentence_starts = [s.char_start for s in sentences]
    direct = _direct_quotes(body, sentences, sentence_starts, mentions)
    spans = [(q.start - 1, q.end + 1) for q in direct]
    indirect = _indirect_quotes(body, sentences, mentions, spans)
    raws = sorted(direct + indirect, key=lambda r: r.start)
    spoken = [m for m in mentions if not _inside(m.char_start, spans)] if spans else mentions
    _resolve_pronouns(raws, spoken)
    return [
        Quote(
            quote_no=number,
            kind=raw.kind,
            text=body[raw.start : raw.end],
            char_start=raw.start,
            char_end=raw.end,
            speaker_name=raw.speaker.name if raw.speaker else None,
            speaker_type=raw.speaker.entity_type if raw.speaker else None,
            speaker_surface=raw.speaker.surface if raw.speaker else raw.pronoun,
            reporting_verb=raw.verb,
            cited_source=raw.cited_source,
            co_speaker_names=raw.speaker.co_speakers if raw.speaker else (),
        )
        for number, raw in enumerate(raws, start=1)
    ]


def _sentence_at(sentences: list[Sentence], starts: list[int], position: int) -> Sentence | None:
    index = bisect_right(starts, position) - 1
    return sentences[index] if index >= 0 else None


def _speech_bounds(body: str, match: re.Match[str]) -> tuple[int, int]:
    """The speech inside the quotation marks, without the comma that belongs to the attribution."""
    group = 1 if match.group(1) is not None else 2
    start, end = match.start(group), match.end(group)
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return start, end


def _direct_quotes(
    body: str, sentences: list[Sentence], starts: list[int], mentions: list[EntityMention]
) -> list[_Raw]:
    found: list[_Raw] = []
    for match in QUOTE_RE.finditer(body):
        start, end = _speech_bounds(body, match)
        after = VERB_AFTER_RE.match(body, match.end())
        line_start = body.rfind("\n", 0, match.start()) + 1
        reach = max(line_start, match.start() - VERB_BEFORE_REACH)
        before = VERB_BEFORE_RE.search(body, reach, match.start())
        words = body[start:end].split()
        if after is None and before is None:
            if len(words) <= SCARE_QUOTE_MAX_WORDS or body[end - 1] not in TERMINAL + ",":
                continue  # a title or scare quotes, not speech
            if found and _continues(body, found[-1], match.start()):
                previous = found[-1]
                found.append(
                    _Raw(
                        "direct",
                        start,
                        end,
                        match.start(),
                        previous.verb,
                        previous.speaker,
                        previous.pronoun,
                        previous.cited_source,
                    )
                )
            continue
        if after is not None:
            verb_match, anchor = after, after.end()
            speaker = _speaker_after(body, anchor, mentions)
        else:
            verb_match, anchor = before, before.start()
            speaker = _subject_before(body, sentences, starts, before.start(), mentions)
        verb = verb_match.group("verb")
        is_pronoun = bool(verb_match.group("nya") or (verb_match.groupdict().get("nya2")))
        pronoun = verb if is_pronoun else None
        if speaker is None and not is_pronoun:
            pronoun = _pronoun_near(body, anchor, after is not None)
        sentence = _sentence_at(sentences, starts, anchor)
        cited = _cited_source(body, anchor, sentence.char_end if sentence else len(body))
        found.append(
            _Raw(
                "direct", start, end, anchor, verb, None if is_pronoun else speaker, pronoun, cited
            )
        )
    return found


def _continues(body: str, previous: _Raw, quote_start: int) -> bool:
    """'“A,” kata X. “B.”': an unattributed quote right after an attributed one in its paragraph."""
    return "\n\n" not in body[previous.end : quote_start] and quote_start - previous.anchor < 200


def _speaker_after(body: str, position: int, mentions: list[EntityMention]) -> _Speaker | None:
    """The first PERSON/ORG named right after a reporting verb, before the sentence goes on."""
    for mention in mentions:
        if mention.char_start < position:
            continue
        gap = body[position : mention.char_start]
        if mention.char_start - position > SPEAKER_WINDOW or any(c in gap for c in '.“"\n'):
            return None
        if mention.entity_type in (EntityType.PERSON, EntityType.ORG):
            return _Speaker(mention.canonical_name, mention.entity_type, mention.surface)
    return None


def _pronoun_near(body: str, position: int, after: bool) -> str | None:
    window = body[position : position + 6] if after else body[max(0, position - 30) : position]
    found = re.search(r"\b([Ii]a|[Dd]ia|[Bb]eliau)\b", window)
    return found.group(1) if found else None


def _subject_before(
    body: str,
    sentences: list[Sentence],
    starts: list[int],
    verb_start: int,
    mentions: list[EntityMention],
) -> _Speaker | None:
    """The named subject of a reporting verb in its sentence; joint subjects give co-speakers."""
    sentence = _sentence_at(sentences, starts, verb_start)
    begin = sentence.char_start if sentence else 0
    inside = [m for m in mentions if begin <= m.char_start and m.char_end <= verb_start]
    people = [m for m in inside if m.entity_type is EntityType.PERSON]
    if not people:
        others = [m for m in inside if m.entity_type is not EntityType.PERSON]
        if not others or verb_start - others[-1].char_end > 40:
            return None
        last = others[-1]
        return _Speaker(last.canonical_name, last.entity_type, last.surface)
    chain = [people[-1]]
    for earlier in reversed(people[:-1]):
        if not CO_SPEAKER_GAP_RE.match(body[earlier.char_end : chain[0].char_start]):
            break
        chain.insert(0, earlier)
    first = chain[0]
    co = tuple(
        dict.fromkeys(
            m.canonical_name for m in chain[1:] if m.canonical_name != first.canonical_name
        )
    )
    return _Speaker(first.canonical_name, EntityType.PERSON, first.surface, co)


def _cited_source(body: str, start: int, end: int) -> str | None:
    found = CITED_RE.search(body, start, end + 1)
    return found.group("source").rstrip(".") if found else None


def _indirect_quotes(
    body: str,
    sentences: list[Sentence],
    mentions: list[EntityMention],
    direct_spans: list[tuple[int, int]],
) -> list[_Raw]:
    """Reported speech, sentence by sentence: the verb forms first, then 'Menurut X, ...'.

    Each verb regex scans the body once; matches are then grouped by their sentence (found by
    bisection), which is far cheaper than one regex scan per sentence.
    """
    found: list[_Raw] = []
    starts = [s.char_start for s in sentences]
    verbs = _matches_by_sentence(INDIRECT_RE, body, sentences, starts)
    menurut = {}
    if "enurut" in body:  # most articles have no 'menurut': skip the scan
        menurut = _matches_by_sentence(MENURUT_RE, body, sentences, starts)
    for index in sorted(verbs.keys() | menurut.keys()):
        sentence = sentences[index]
        for match in verbs.get(index, ()):
            if _inside(match.start(), direct_spans) or body[match.end() : match.end() + 1] in '“"':
                continue
            raw = _reported_clause(body, sentence, match.end(), "indirect", match.group("verb"))
            if raw is None:
                continue
            raw.anchor = match.start()
            raw.speaker = _subject_before(body, sentences, starts, match.start(), mentions)
            if raw.speaker is None:
                raw.pronoun = _pronoun_subject(body, sentence.char_start, match.start())
                if raw.pronoun is None:
                    continue
            found.append(raw)
        said = menurut.get(index, [])
        found.extend(_menurut_quotes(body, sentence, said, mentions, direct_spans))
    return found


def _matches_by_sentence(
    pattern: re.Pattern[str], body: str, sentences: list[Sentence], starts: list[int]
) -> dict[int, list[re.Match[str]]]:
    """Matches of ``pattern`` keyed by the index of the sentence they lie in.

    A sentence's matches are those ``pattern.finditer(body, char_start, char_end)`` would give:
    a match running past its sentence's end is found again inside the sentence.
    """
    grouped: dict[int, list[re.Match[str]]] = {}
    for match in pattern.finditer(body):
        index = bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= sentences[index].char_end:
            continue
        sentence = sentences[index]
        if match.end() > sentence.char_end:
            match = pattern.search(body, match.start(), sentence.char_end)
            if match is None:
                continue
        grouped.setdefault(index, []).append(match)
    return grouped


def _menurut_quotes(
    body: str,
    sentence: Sentence,
    matches: list[re.Match[str]],
    mentions: list[EntityMention],
    spans: list[tuple[int, int]],
) -> list[_Raw]:
    """'Menurut X, …' and 'Menurutnya, …': the clause after the comma is X's view."""
    found = []
    for match in matches:
        comma = body.find(",", match.end(), sentence.char_end)
        if (
            comma < 0
            or _inside(match.start(), spans)
            or body[comma + 1 : comma + 3].strip()[:1] in '“"'
        ):
            continue
        raw = _reported_clause(body, sentence, comma + 1, "indirect", match.group("verb"))
        if raw is None:
            continue
        raw.anchor = match.start()
        if match.group("nya"):
            raw.pronoun = match.group("verb")
        else:
            named = [
                m
                for m in mentions
                if match.end() <= m.char_start < comma
                and m.entity_type in (EntityType.PERSON, EntityType.ORG)
            ]
            if not named:
                continue
            raw.speaker = _Speaker(named[0].canonical_name, named[0].entity_type, named[0].surface)
        found.append(raw)
    return found


def _reported_clause(
    body: str, sentence: Sentence, start: int, kind: str, verb: str
) -> _Raw | None:
    end = sentence.char_end
    while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;"):
        end -= 1
    while start < end and body[start].isspace():
        start += 1
    if len(body[start:end].split()) < 3:
        return None
    return _Raw(kind, start, end, start, verb, None)


def _pronoun_subject(body: str, sentence_start: int, verb_start: int) -> str | None:
    found = PRONOUN_SUBJECT_RE.search(body, sentence_start, verb_start)
    return found.group("pronoun") if found else None


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` lies in one of ``spans`` (sorted and disjoint: quotes in text order)."""
    index = bisect_right(spans, (position, _AFTER_ANY_END)) - 1
    return index >= 0 and position < spans[index][1]


def _resolve_pronouns(raws: list[_Raw], mentions: list[EntityMention]) -> None:
    """A pronoun speaker is the latest PERSON who spoke or opened a sentence before it.

    ``mentions`` excludes names inside quoted speech: people talked about are not the subject.
    """
    subjects: list[tuple[int, _Speaker]] = []
    seen_sentences: set[int] = set()
    for mention in mentions:
        if mention.entity_type is EntityType.PERSON and mention.sentence_no not in seen_sentences:
            seen_sentences.add(mention.sentence_no)
            subjects.append(
                (mention.char_start, _Speaker(mention.canonical_name, EntityType.PERSON, None))
            )
    for raw in sorted(raws, key=lambda r: r.anchor):
        if raw.speaker is not None:
            if raw.speaker.entity_type is EntityType.PERSON:
                subjects.append((raw.anchor, raw.speaker))
            continue
        earlier = [item for item in subjects if item[0] < raw.anchor]
        if earlier:
            _, speaker = max(earlier, key=lambda item: item[0])
            raw.speaker = _Speaker(speaker.name, speaker.entity_type, raw.pronoun)

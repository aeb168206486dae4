"""Direct and indirect quotes with their speakers, from the entity mentions of the same article.

Indonesian news attributes speech in a few fixed shapes: '“…,” kata X', 'X mengatakan, “…”',
'X mengatakan (bahwa) …', 'Menurut X, …', and pronoun forms ('ujarnya', 'Menurutnya', 'Ia
mengatakan') that refer to the person last speaking. Each shape is one compiled regex; pronouns
are resolved in text order against the speakers and sentence subjects seen so far.

Speakers are named by their offices first ('kata Juru Bicara KPK Budi Prasetyo'), so the speaker
is the last person of such a title chain, not the organisation in it; a short form ('Budi') is
resolved to the fullest name the article gives that person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from warta.extract.dateline import normalise_outlet
from warta.extract.entities import LOC, ORG, PERSON, is_title_case_verb, one_letter_apart
from warta.gazetteer import load_cues, load_degrees, load_roles, load_stopwords, load_titles
from warta.model import EntityMention, EntityType, Quote, Sentence

QUOTE_MARKS = "“”\""
PARAGRAPH_BREAK_RE = re.compile(r"[ \t]*\n\s*")
_SHORT_VERBS = (
    r"kata|ujar|ucap|tutur|tegas|jelas|ungkap|imbuh|tambah|sebut|lanjut|terang|papar|pungkas|tulis"
)
# Only ever written after the speech ('“…,” tandasnya'); before a quote some are ordinary words.
_AFTER_ONLY_VERBS = (
    r"sambung|tandas|tutup|sahut|tegur|sindir|seru|timpal|cetus|kilah|tukas|beber|urai|pinta|"
    r"harap|ajak|tanya|jawab|bilang|klaim|sergah|seloroh|keluh|kenang|kelakar|canda|sesal|"
    r"ulas|sanggah|simpul|aku(?=nya)"  # "akunya" only: "aku" alone is the pronoun
)
_LONG_VERBS = (
    r"mengatakan|menyebut(?:kan)?|menyampaikan|berjanji|menegaskan|menyatakan|menjelaskan|"
    r"mengungkapkan|menilai|mengaku|menuturkan|memperingatkan|menekankan|mengklaim|membantah|"
    r"mengingatkan|menambahkan|berpendapat|meyakini|memastikan|berkata|mengungkap|menerangkan"
)
LONG_VERB_RE = re.compile(_LONG_VERBS)
# '“…,” kata Putin' / '“…,” ujarnya' / '“…,” Putin menambahkan' / '“…,” demikian bunyi spanduk'
# '“…,” kata ini bisa …' is the noun 'this word', not an attribution.
VERB_AFTER_RE = re.compile(
    rf"[\s,]*(?:demikian\s+)?(?P<verb>(?:{_SHORT_VERBS}|{_AFTER_ONLY_VERBS})(?P<nya>nya)?|"
    rf"{_LONG_VERBS}|bunyi(?:nya)?)\b(?![ \t]+(?:ini|itu|tersebut)\b)"
)
# '“…,” kilahnya.' / '“…,” seloroh Budi': any lower-case word, trusted only after speech that
# ends inside its quotation marks (a title or scare quote does not).
GENERIC_VERB_AFTER_RE = re.compile(
    r"[ \t]*(?P<verb>[a-z]{3,}?(?P<nya>nya)?)(?:(?<=nya)(?=[ \t]*[.,;])|[ \t]+(?=[A-Z]))"
)
SPEECH_END = ",.!?…"
# 'Putin mengatakan, “…”' / 'katanya: “…”'
VERB_BEFORE_RE = re.compile(
    rf"\b(?P<verb>(?:{_SHORT_VERBS})(?P<nya>nya)?|{_LONG_VERBS}|[Mm]enurut(?P<nya2>nya)?)"
    r"(?:\s+bahwa)?\s*[,:]?\s*$"
)
# Written speech: 'menuliskan caption yang berbunyi, “…”', 'mengunggah foto dengan keterangan,
# “…”', 'menulis di akun Instagram-nya, “…”'. The cue sits anywhere in the clause before the quote.
WRITTEN_CUE_RE = re.compile(
    r"(?<![\w-])(?P<verb>menulis(?:kan)?|berbunyi|bertuliskan|mengunggah|mengunggahnya|"
    r"mencuit(?:kan)?|(?:dengan\s+)?(?:keterangan|caption|takarir|cuitan|unggahan))(?![\w-])"
)
# Where a clause before a quote ends: the cue must sit in the clause that opens the quote.
CLAUSE_BREAK_RE = re.compile(r"[.!?;\n“”\"]")
# A word of kinship or service right before a name: 'Tetangga Charlotte' is not Charlotte.
RELATION_WORDS = frozenset({
    "tetangga", "istri", "suami", "anak", "putra", "putri", "ayah", "kakak", "adik", "teman",
    "rekan", "sahabat", "keluarga", "kerabat", "pengacara", "kekasih", "pacar", "mertua", "cucu",
    "ajudan", "asisten", "sopir", "manajer", "penggemar",
})
# Nouns for people a sentence may open with instead of a name: 'Warga …', 'Seorang pedagang …'.
PERSON_NOUNS = RELATION_WORDS | {
    "warga", "pedagang", "pengunjung", "penumpang", "petani", "nelayan", "pengemudi", "korban",
    "saksi", "seorang", "salah", "pemilik", "penjual", "pembeli", "orang",
}
# Where written speech is posted, never who writes it ('diunggah di akun Instagram @…').
PLATFORMS = frozenset({
    "instagram", "twitter", "x", "tiktok", "facebook", "youtube", "threads", "whatsapp",
    "telegram", "linkedin",
})
# A sentence whose subject is a pronoun: 'Ia meminta …', 'Dalam video itu, ia tampak geram.'.
PRONOUN_HEAD_RE = re.compile(
    r"\s*(?:(?P<pronoun>Ia|Dia|Beliau)|[A-Z]\w*(?:\s+\w+){0,3},\s*(?P<after_lead>[Ii]a|[Dd]ia|[Bb]eliau))\b"
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


def _opening_with(opening: str, alternatives: str) -> re.Pattern[str]:
    """``INDIRECT_RE`` for the verbs that open with the literal ``opening`` ("me", "ber").

    A pattern that opens with a literal lets the regex engine jump from one occurrence of it to
    the next instead of stopping at every "m" and "b" of the text (~2x faster on an article)."""
    rests = [verb.removeprefix(opening) for verb in alternatives.split("|")
             if verb.startswith(opening)]
    return re.compile(
        rf"(?P<verb>{opening}(?<!\w{opening})(?:{'|'.join(rests)}))\b(?:\s+bahwa\b)?[\s,:]*"
    )


# Every long verb opens with "me" or "ber"; no match of one pattern can overlap one of the other.
_INDIRECT_BY_OPENING = (_opening_with("me", _LONG_VERBS), _opening_with("ber", _LONG_VERBS))


def indirect_verb_matches(body: str) -> list[re.Match[str]]:
    """What ``INDIRECT_RE.finditer(body)`` finds, read by one literal-led scan per opening."""
    found = [match for pattern in _INDIRECT_BY_OPENING for match in pattern.finditer(body)]
    found.sort(key=re.Match.start)
    return found


MENURUT_RE = re.compile(r"(?P<verb>[Mm](?<!\w[Mm])enurut(?P<nya>nya)?)\b")


def menurut_matches(body: str) -> list[re.Match[str]]:
    """What ``MENURUT_RE.finditer(body)`` finds, matched where a substring search finds 'enurut'.

    A pattern that opens with ``[Mm]`` is tried at every character, about fifteen times slower
    than the substring search over an article; every match holds 'enurut' after its first
    letter, and two matches never overlap.
    """
    found = []
    position = body.find("enurut", 1)
    while position >= 0:
        match = MENURUT_RE.match(body, position - 1)
        if match is not None:
            found.append(match)
        position = body.find("enurut", position + 1)
    return found


CITED_RE = re.compile(
    r"(?:(?:seperti|sebagaimana)\s+)?(?:dikutip|dilansir|mengutip|melansir)\s+(?:dari\s+)?"
    r"(?:kantor berita\s+)?(?P<source>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)"
)
# 'kata Budi kepada Kompas.com' / 'ujarnya kepada wartawan Tribunnews.com': the outlet the
# speaker talked to is the quote's source when it is a news outlet.
TOLD_OUTLET_RE = re.compile(
    r"\bkepada\s+(?:wartawan\s+|jurnalis\s+|reporter\s+)?"
    r"(?P<source>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})"
)
# What every match of CITED_RE ('dikutip', 'mengutip', 'dilansir', 'melansir') and of
# TOLD_OUTLET_RE holds: neither regex opens with a literal, so each is tried at every position
# of the text it searches, and a substring search first skips the many stretches without one.
CITED_VERB_STEMS = ("utip", "lansir")  # 'mengutip' drops the k of 'kutip'
TOLD_WORD = "kepada"
# 'Ia mengatakan' / 'Dia juga menilai': a look-behind, because '^' would not match at the start
# of a sentence searched from its offset.
PRONOUN_SUBJECT_RE = re.compile(r"(?<![\w-])(?P<pronoun>[Ii]a|[Dd]ia|[Bb]eliau)\s+(?:\w+\s+){0,2}$")
# What joins two speakers of one statement: 'Puan dan Dasco', 'Cho serta Blinken'.
JOINT_GAP_RE = re.compile(r"[ \t]*,?[ \t]*(?:dan|serta|&)[ \t]+")
CO_SPEAKER_GAP_RE = re.compile(r"^\s*(?:,|dan|serta|bersama)\b")
# Between the links of a title chain ('Kasat Reskrim Polres Polman, AKP Budi Adi'): capitalised
# words, abbreviations with a dot ('Drs.'), brackets, commas and 'dan' inside office names, and
# 'sekaligus' between two offices ('Anggota Dewan X sekaligus Redaktur LKBN Antara, Indriani').
TITLE_GAP_RE = re.compile(
    r"(?:[\s,()]|[A-Z][A-Za-z]{0,3}\.(?=\s)|[A-Z0-9][\w'’/-]*(?![\w.])|dan\b|sekaligus\b|&"
    r"|(?:saat|kala|ketika|waktu)\s+itu\b)*"  # 'Kepala BPS saat itu, Suhariyanto'
)
# A run of capitalised words ('Gede Sukarmadiyasa', 'Divisi Pusat LAPD', 'M. Syamsu Rokman').
NAME_RUN_RE = re.compile(r"[A-Z][\w'’-]*(?:\.?[ \t]+[A-Z][\w'’-]*)*")
# The named subject right before a reporting verb: 'Kepala Stasiun PSDKP, M Syamsu Rokman,
# menambahkan' / 'BPJN NTT juga menyatakan'.
SUBJECT_RUN_RE = re.compile(
    r"(?<![\w'’-])(?P<run>[A-Z][\w'’-]*(?:\.?[ \t]+[A-Z][\w'’-]*)*)\s*,?\s*"
    r"(?:(?:juga|pun|bahkan|kembali|lantas|lalu|kemudian|sebelumnya)\s+){0,2}$"
)
# 'Pendeta Pilemon, Gembala Gereja GIDI, menjelaskan': the appositive subject opens the sentence.
OPENING_RUN_RE = re.compile(r"\s*(?P<run>[A-Z][\w'’-]*(?:\.?[ \t]+[A-Z][\w'’-]*)*)\s*,")
# A reporting verb denied, to come or as a purpose is no speech: 'Trump tidak menyebutkan
# rinciannya', 'ia akan menyampaikan posisinya', 'tanpa menyebutkan kapan', 'untuk memastikan',
# 'dia tidak bisa memastikan apakah …', 'belum mau menyebut targetnya'.
_UNSAID_WORDS = "tidak|tak|belum|enggan|tanpa|untuk|akan|bakal"
_ASKING_VERBS = (
    "meminta|mendesak|memerintahkan|menuntut|mengimbau|mengajak|menyuruh|mendorong|"
    "menginstruksikan"
)
UNSAID_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:{_UNSAID_WORDS})\s+"
    r"(?:(?:juga|pun|pernah|lagi|hanya|bisa|dapat|mau|ingin|berani|sempat|ragu|secara\s+\w+)"
    r"\s+)?$"
)
# One of the words either regex needs, looked for first: most verbs have none before them.
UNSAID_HINT_RE = re.compile(f"{_UNSAID_WORDS}|{_ASKING_VERBS}")
# Speech asked of someone is not yet said: 'meminta pemerintah menjelaskan …', 'mendesak
# polisi mengungkap dalangnya' (no 'dan' between: 'meminta maaf dan menjelaskan' is said).
ASKED_OF_RE = re.compile(
    rf"(?<![\w-])(?:{_ASKING_VERBS})\s+"
    r"(?:(?!(?:dan|serta|lalu|kemudian|sekaligus)\b)[\w-]+\s+){1,4}$"
)
# 'Deputi Bidang Koordinasi X dan Pemasyarakatan Kemenko Y, I Nyoman Gede Surya': after 'dan'
# the office goes on and its holder follows a comma; the name before 'dan' was part of it.
OFFICE_THEN_HOLDER_RE = re.compile(r"[A-Z][\w-]*[ \t]*,[ \t]*$")
# The first part of a degree glued to its second by a dot: 'M.' of 'M.Ed', 'Sp.' of 'Sp.KO'.
DEGREE_HEAD_RE = re.compile(r"(?<![\w.])[A-Z][a-z]?\.$")
# 'Kantor Ombudsman Peru dalam laporannya, seperti dilansir AFP, menyebut': the outlet quoted
# from is no subject.
CITED_BEFORE_RE = re.compile(r"(?:dikutip|dilansir|mengutip|melansir)\s+(?:dari\s+)?$")
# A person introduced with an age or a description: 'Rini (34), warga setempat'.
INTRODUCED_RE = re.compile(r"[ \t]*(?:\(\d{1,3}\)|,[ \t]*[a-z])")
# The comma closing an apposition right before its verb ('…, juru bicara SEMA, menyampaikan').
APPOSITION_CLOSE_RE = re.compile(
    r",\s*(?:(?:juga|pun|bahkan|kembali|lantas|lalu|kemudian|sebelumnya)\s+){0,2}$"
)
# The comma and first word of a description after a name ('Husseini, juru bicara …').
APPOSITION_OPEN_RE = re.compile(r"[ \t]*,[ \t]*(?P<word>[A-Za-z]+)\b")
# 'Ara -sapaan Maruarar Sirait-' / 'Maruarar Sirait, yang akrab disapa Ara', each with the words
# one of its matches holds: the body is scanned only when it has one ('siapa' holds 'sapa').
_NAME = r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3}"
NICKNAME_RES = (
    (
        re.compile(
            rf"(?P<short>[A-Z][\w'’-]+)\s*[-–—(]\s*(?:sapaan|panggilan)(?:\s+akrab)?\s+"
            rf"(?P<full>{_NAME})"
        ),
        ("sapaan", "panggilan"),
    ),
    (
        re.compile(
            rf"(?P<full>{_NAME})[^.\n]{{0,40}}?\b(?:akrab\s+)?(?:disapa|dipanggil)\s+"
            r"(?P<short>[A-Z][\w'’-]+)"
        ),
        ("disapa", "dipanggil"),
    ),
)
# The lower-case description after a reporting verb, up to the clause's end.
UNNAMED_CLAUSE_RE = re.compile(r"[ \t]*[a-z][^.,;:\n“”\"]*")
SPEAKER_WINDOW = 80
# A sentence's subject comes within this many words of its start, or of a lead-in ending in a
# comma ('Dalam kesempatan yang sama,').
SUBJECT_LEAD_WORDS = 3
# How far before its verb a subject the recogniser missed is looked for.
SUBJECT_REACH = 80
SUBJECT_LEAD_WORDS_BEFORE_COMMA = 6
CLAUSE_END_RE = re.compile(r'[.“"\n]')
# A word before a dot that makes it an abbreviation: a title ('dr', 'Prof') or an initial.
TITLE_DOT_RE = re.compile(r"(?<![\w-])(?:[A-Z]|dr|Dr|Drs|Dra|Prof|Ir|Hj?|KH|Jl|St)$")
# How far before a quote its attribution may start ('memperingatkan bahwa,  “').
VERB_BEFORE_REACH = 64
SCARE_QUOTE_MAX_WORDS = 4
TERMINAL = ".?!…"
# An attributed quote's continuation in its own paragraph follows within this many characters.
CONTINUATION_REACH = 200
# A name expanded from the text ('Luhut' -> 'Luhut Binsar Pandjaitan') takes at most this many
# more words.
MAX_EXTRA_NAME_WORDS = 3
NAME_BEFORE_RE = re.compile(r"(?<![\w-])(?:[A-Z][\w'’-]*[ \t]+){1,2}$")
NAME_CONTINUATION_RE = re.compile(rf"(?:[ \t]+[A-Z][\w'’-]*){{1,{MAX_EXTRA_NAME_WORDS}}}")
_AFTER_ANY_END = float("inf")
# Between a verb and a name, a pronoun or a preposition means the name is not the speaker:
# '“…,” kata dia kepada Kompas.com' / 'ujarnya saat dihubungi CNNIndonesia.com' / 'kata Lalu
# dilansir dari Tribunnews.com' (the outlet quoted from).
# Place words ('di', 'pada') break it only right after the verb: 'kata peneliti di LIPI, Budi'.
NOT_SPEAKER_GAP_RE = re.compile(
    r"(?<![\w-])(?:dia|ia|beliau|kepada|saat|ketika|usai|seusai|sesudah|setelah|melalui|lewat|"
    r"sambil|seperti|sebagaimana|dilansir|dikutip|melansir|mengutip)(?![\w-])"
    r"|^[\s,]*(?:dalam|di|pada|dengan)(?![\w-])"
)
_GAP_PREPOSITION = r"(?:dalam|kepada|di|saat|ketika|pada|usai|seusai|melalui|lewat|dengan)\b"
# '“…,” ujar mantan Gubernur DKI Jakarta itu', '“…,” kata pria yang menjabat sebagai Presiden
# Direktur PT Isuzu Astra Motor Indonesia (IAMI) ini' (a lower-case description up to 'itu').
ANAPHORA_RE = re.compile(
    rf"[ \t]*(?![A-Z])(?:(?!{_GAP_PREPOSITION})[\w.'’/()-]+[ \t]+){{1,12}}?(?:itu|ini|tersebut)\b"
)
_OPENS_BEFORE = "([{—–-/"
_CLOSES_AFTER = ",.;:!?)]}…—–-"
_SPEAKER_TYPES = (PERSON, ORG)


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
    unnamed: bool = False  # 'kata salah satu warga': a speaker the text does not name
    # 'Ninuk enggan menyebut …': no speech, but its subject is still the one the next
    # pronoun or unattributed quote points to, so it is resolved and then left out.
    unsaid: bool = False


@dataclass(slots=True)
class _Context:
    """What every speaker lookup of one article reads."""

    body: str
    sentences: list[Sentence]
    starts: list[int]
    mentions: list[EntityMention]
    mention_starts: list[int]
    persons: list[EntityMention]
    # name -> where the article gives it in full: offsets, canonical names, else one fallback
    fuller: dict[str, tuple[list[int], list[str], str | None]] = field(default_factory=dict)
    # canonical PERSON name -> its case-folded words, the offsets of its mentions
    person_words: dict[str, tuple[list[str], list[int]]] | None = None
    nicknames: dict[str, str] | None = None  # 'Ara' -> 'Maruarar Sirait', read once


def find_quotes(body: str, sentences: list[Sentence], mentions: list[EntityMention]) -> list[Quote]:
    """Direct and indirect quotes in text order with resolved speakers."""
    persons = [m for m in mentions if m.entity_type is PERSON]
    context = _Context(
        body,
        sentences,
        [s.char_start for s in sentences],
        mentions,
        [m.char_start for m in mentions],
        persons,
    )
    direct = _direct_quotes(context)
    spans = [(q.start - 1, q.end + 1) for q in direct]
    indirect = _indirect_quotes(context, spans)
    raws = sorted(direct + indirect, key=lambda r: r.start)
    _resolve_pronouns(context, raws)
    _respell_one_off_names(context, raws)
    raws = [raw for raw in raws if not raw.unsaid]
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


# ---------------------------------------------------------------- quotation marks


def quote_spans(body: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) offsets of every outermost quotation, in text order.

    Marks are paired by their context rather than by their shape, because news mixes curly and
    straight marks and glues them to words ('kemarin."Kami'). Quotations inside speech ('dia
    bilang, "sakit"') nest; they stand alone only if the speech around them never closes. An
    opening mark left open at the end of its paragraph continues into the next one when that
    paragraph closes it or reopens it at its start (the journalistic convention for speech
    running over several paragraphs).
    """
    spans: list[tuple[int, int]] = []
    stack: list[int] = []  # opening marks of the quotation being read, outermost first
    inner: list[tuple[int, int]] = []  # quotations closed inside the outermost one
    latest_open = -1  # the outermost mark, or its last reopening at a paragraph start
    for position in _quote_mark_positions(body):
        kind = _mark_kind(body, position)
        if stack and body.find("\n", latest_open, position) >= 0:
            carried = _carries_over(body, latest_open, position, kind) if len(stack) == 1 else None
            if carried == "close":
                spans.append((stack[0], position))
                stack, inner = [], []
                continue
            if carried == "reopen":
                latest_open = position
                continue
            spans.extend(inner)  # the speech around them never closed
            stack, inner = [], []
        if not stack:
            if kind != "close":
                stack, latest_open = [position], position
        elif kind == "open":
            stack.append(position)
        else:
            opening = stack.pop()
            if stack:
                inner.append((opening, position))
            else:
                spans.append((opening, position))
                inner = []
    spans.extend(inner)
    spans.sort()
    return spans


def _quote_mark_positions(body: str) -> list[int]:
    """Offsets of every quotation mark, in text order.

    ``str.find`` per mark is a fast character scan; a regex class of these (non-Latin-1) marks
    was tested character by character, which cost about eight times more on a whole article.
    """
    positions = []
    for mark in QUOTE_MARKS:
        position = body.find(mark)
        while position >= 0:
            positions.append(position)
            position = body.find(mark, position + 1)
    positions.sort()
    return positions


def _mark_kind(body: str, position: int) -> str | None:
    """'open', 'close', or None when only the pairing can tell."""
    before = body[position - 1] if position else "\n"
    after = body[position + 1] if position + 1 < len(body) else "\n"
    opens = (before.isspace() or before in _OPENS_BEFORE) and not after.isspace()
    closes = (after.isspace() or after in _CLOSES_AFTER) and not before.isspace()
    if opens != closes:
        return "open" if opens else "close"
    if before in SPEECH_END + ";:" and after.isalnum():
        return "open" if after.isupper() or after.isdigit() else "close"
    mark = body[position]
    if mark == "“":
        return "open"
    if mark == "”":
        return "close"
    return None


def _carries_over(body: str, opened: int, position: int, kind: str | None) -> str | None:
    """Whether a quotation opened at ``opened`` runs on to the mark at ``position``.

    Only into the very next paragraph, and only when that paragraph's first mark closes the
    speech ('close') or reopens it at the paragraph start ('reopen').
    """
    if len(PARAGRAPH_BREAK_RE.findall(body, opened, position)) != 1:
        return None
    paragraph_start = body.rfind("\n", 0, position) + 1
    if body[paragraph_start:position].strip() == "" and kind != "close":
        return "reopen"
    return "close" if kind != "open" else None


def _speech_bounds(body: str, opening: int, closing: int) -> tuple[int, int]:
    """The speech inside the quotation marks, without the comma that belongs to the attribution."""
    start, end = opening + 1, closing
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return start, end


# ---------------------------------------------------------------- direct quotes


def _sentence_at(sentences: list[Sentence], starts: list[int], position: int) -> Sentence | None:
    index = bisect_right(starts, position) - 1
    return sentences[index] if index >= 0 else None


def _direct_quotes(context: _Context) -> list[_Raw]:
    body = context.body
    found: list[_Raw] = []
    for opening, closing in quote_spans(body):
        start, end = _speech_bounds(body, opening, closing)
        if start >= end:
            continue
        speech_ends = body[closing - 1] in SPEECH_END
        after = VERB_AFTER_RE.match(body, closing + 1)
        if after is None and speech_ends:
            after = _generic_verb_after(body, closing + 1)
        line_start = body.rfind("\n", 0, opening) + 1
        reach = max(line_start, opening - VERB_BEFORE_REACH)
        before = VERB_BEFORE_RE.search(body, reach, opening)
        if after is None and before is None:
            raw = _unattributed(body, found, opening, closing, start, end)
            if raw is None and _is_speech(body, start, end):
                raw = _written(context, opening, start, end) or _after_subject_sentence(
                    context, opening, start, end
                )
            if raw is not None:
                found.append(raw)
            continue
        if before is not None and after is None and _scare_quote(body, start, end, closing):
            continue
        if after is not None and _term_before_clause(body, start, end, closing, after):
            continue
        verb_match = after if after is not None else before
        assert verb_match is not None  # a quote with no verb at either side was taken above
        is_pronoun = bool(verb_match.group("nya") or (verb_match.groupdict().get("nya2")))
        speaker = None
        if after is not None:
            anchor = after.end()
            if not is_pronoun:
                speaker = _speaker_after(context, anchor) or _office_after(context, anchor)
        else:
            anchor = verb_match.start()  # the verb before the quote
            if not is_pronoun:
                speaker = _subject_before(context, anchor) or _office_before(context, anchor)
        verb = verb_match.group("verb")
        pronoun = verb if is_pronoun else None
        if speaker is None and not is_pronoun:
            pronoun = _pronoun_near(body, anchor, after is not None)
        sentence = _sentence_at(context.sentences, context.starts, anchor)
        cited = _cited_source_around(body, sentence, opening, closing, after is not None)
        raw = _Raw("direct", start, end, anchor, verb, speaker, pronoun, cited)
        raw.unnamed = (
            after is not None and speaker is None and pronoun is None and _unnamed(body, anchor)
        )
        found.append(raw)
    return found


def _generic_verb_after(body: str, position: int) -> re.Match[str] | None:
    found = GENERIC_VERB_AFTER_RE.match(body, position)
    if found is None or found.group("verb") in _stopwords():
        return None
    return found


def _unattributed(
    body: str, found: list[_Raw], opening: int, closing: int, start: int, end: int
) -> _Raw | None:
    """Speech without its own attribution: the previous speaker's next words, or not speech.

    Kept only when it continues an attributed quote, in its paragraph or as a whole paragraph
    right after it; one to four words or no closing punctuation make a title or scare quotes.
    """
    if len(body[start:end].split()) <= SCARE_QUOTE_MAX_WORDS or body[end - 1] not in TERMINAL + ",":
        return None
    if not found or not _continues(body, found[-1], opening, closing):
        return None
    previous = found[-1]
    raw = _Raw(
        "direct",
        start,
        end,
        opening,
        previous.verb,
        previous.speaker,
        previous.pronoun,
        previous.cited_source,
    )
    raw.unnamed = previous.unnamed  # an unnamed speaker's next words stay unnamed
    return raw


def _is_speech(body: str, start: int, end: int) -> bool:
    """Several words ending like a sentence, or a full sentence inside: not a title or a term."""
    speech = body[start:end]
    if len(speech.split()) <= SCARE_QUOTE_MAX_WORDS:
        return False
    return body[end - 1] in TERMINAL + "," or re.search(r"[.!?] +[A-Z]", speech) is not None


def _scare_quote(body: str, start: int, end: int, closing: int) -> bool:
    """'Ia menyebut “jalan keluar” itu …': a few words without their own punctuation, and the
    sentence goes on after the closing mark, quote a term rather than speech."""
    if len(body[start:end].split()) > SCARE_QUOTE_MAX_WORDS or body[closing - 1] in SPEECH_END:
        return False
    rest = body[closing + 1 : closing + 3].lstrip(" \t")
    return rest[:1].isalpha() and rest[:1].islower()


def _term_before_clause(
    body: str, start: int, end: int, closing: int, after: re.Match[str]
) -> bool:
    """'Ronald, yang menyebut dirinya “penyelidik literasi”, mengatakan Kwitang …': a few words
    without their own punctuation before a me- verb that opens the sentence's next clause are a
    term the subject uses, not speech the name after the verb says."""
    if len(body[start:end].split()) > SCARE_QUOTE_MAX_WORDS or body[closing - 1] in SPEECH_END:
        return False
    return LONG_VERB_RE.fullmatch(after.group("verb") or "") is not None


def _written(context: _Context, opening: int, start: int, end: int) -> _Raw | None:
    """'Raisa menuliskan caption yang berbunyi, “…”': written speech of the account holder.

    The cue ('menulis', 'berbunyi', 'dengan keterangan', 'mengunggah') must stand in the clause
    that runs into the quotation; the speaker is that sentence's subject.
    """
    body = context.body
    sentence = _sentence_at(context.sentences, context.starts, opening)
    begin = sentence.char_start if sentence and sentence.char_start < opening else 0
    clause_start = max(begin, body.rfind("\n", 0, opening) + 1)
    for breaker in CLAUSE_BREAK_RE.finditer(body, clause_start, opening):
        clause_start = breaker.end()
    cues = list(WRITTEN_CUE_RE.finditer(body, clause_start, opening))
    if not cues:
        return None
    first = cues[0]
    speaker = _subject_before(context, first.start()) or _office_before(context, first.start())
    if speaker is not None and (speaker.name or "").casefold() in PLATFORMS:
        speaker = None  # 'akun Instagram @a***n yang menulis': an account the text does not name
    pronoun = None if speaker else _pronoun_subject(body, clause_start, first.start())
    raw = _Raw("direct", start, end, first.start(), cues[-1].group("verb"), speaker, pronoun)
    raw.unnamed = speaker is None and pronoun is None
    return raw


def _after_subject_sentence(
    context: _Context, opening: int, start: int, end: int
) -> _Raw | None:
    """'Ia meminta pendatang menghargai warga desa. “Jika anda tinggal di desa, …”': speech that
    opens a sentence right after a sentence headed by a person (or a pronoun for one) is that
    person's, in the same paragraph or as the whole next paragraph."""
    sentence_end = _sentence_end_before(context.body, opening, end)
    if sentence_end is None:
        return None
    previous = _sentence_at(context.sentences, context.starts, sentence_end - 1)
    if previous is None or previous.char_start >= opening:
        return None
    raw = _Raw("direct", start, end, previous.char_start, None, None)
    return raw if _give_subject(context, raw, previous.char_start, sentence_end) else None


def _sentence_end_before(body: str, opening: int, end: int) -> int | None:
    """Where the sentence before a quotation ends, when the quotation opens right after it in
    its paragraph, or makes up the whole next paragraph."""
    before = body[:opening].rstrip(" \t")
    if before and before[-1] == "\n":
        before = before.rstrip()
        paragraph_end = body.find("\n", end)
        if body[end + 1 : paragraph_end if paragraph_end >= 0 else len(body)].strip():
            return None
    return len(before) if before and before[-1] in TERMINAL else None


def _give_subject(context: _Context, raw: _Raw, begin: int, end: int) -> bool:
    """Make the subject of the sentence ``begin:end`` the speaker of ``raw``: a pronoun to
    resolve, a person (with the people joined to them), or someone unnamed ('Tetangga Charlotte
    … tampak kesal', 'Seorang pedagang …'). False when no person heads the sentence."""
    body = context.body
    head = PRONOUN_HEAD_RE.match(body, begin, end)
    if head is not None:
        group = "pronoun" if head.group("pronoun") else "after_lead"
        raw.anchor, raw.pronoun = head.start(group), head.group(group)
        return True
    heading = _heading_person(context, begin, end)
    if heading is None:
        opening_word = body[begin:end].split(maxsplit=1)[:1]
        raw.unnamed = bool(opening_word) and opening_word[0].casefold() in PERSON_NOUNS
        return raw.unnamed
    person, joined = heading
    raw.anchor = person.char_start
    lead = body[begin : person.char_start].split()
    if lead and lead[-1].casefold() in RELATION_WORDS:
        raw.unnamed = True  # the neighbour of Charlotte, not Charlotte
        return True
    raw.speaker = _person_speaker(context, person.canonical_name, person.surface, raw.start)
    raw.speaker.co_speakers = tuple(name for name in joined if name != raw.speaker.name)
    return True


def _heading_person(
    context: _Context, begin: int, end: int
) -> tuple[EntityMention, tuple[str, ...]] | None:
    """The person a sentence opens with (the last person of its opening title chain), and the
    people joined to it ('Menlu Sugiono dan Menlu Australia Penny Wong menandatangani …')."""
    first = bisect_left(context.mention_starts, begin)
    for index in range(first, len(context.mentions)):
        mention = context.mentions[index]
        if mention.char_start >= end:
            return None
        if (
            mention.entity_type not in _SPEAKER_TYPES
            or mention.canonical_name.casefold() in PLATFORMS
            or not _heads_sentence(context, mention.char_start, mention.role)
        ):
            continue  # 'Lewat unggahan di Instagram, Eri Cahyadi …': Eri heads it
        chain = _chain(context.body, context.mentions, index)
        people = [m for m in chain if m.entity_type is PERSON]
        if not people:
            return None
        return people[-1], _joint_speakers(context, chain, chain[-1].char_end)
    return None


def _continues(body: str, previous: _Raw, opening: int, closing: int) -> bool:
    """'“A,” kata X. “B.”' in one paragraph, or '“B.”' as the whole next paragraph."""
    if "\n" not in body[previous.end : opening]:
        return opening - previous.anchor < CONTINUATION_REACH
    paragraph_start = body.rfind("\n", 0, opening) + 1
    paragraph_end = body.find("\n", closing)
    if paragraph_end < 0:
        paragraph_end = len(body)
    if body[paragraph_start:opening].strip() or body[closing + 1 : paragraph_end].strip():
        return False
    return len(PARAGRAPH_BREAK_RE.findall(body, previous.end, opening)) == 1


# ---------------------------------------------------------------- speakers


def _speaker_after(context: _Context, position: int) -> _Speaker | None:
    """The PERSON/ORG named right after a reporting verb, before the sentence goes on.

    'kata Juru Bicara KPK Budi Prasetyo': a chain of offices, organisations and names is read to
    its end and its last person speaks; a name the recogniser missed is read from the text.
    """
    body, mentions = context.body, context.mentions
    index = _first_mention_at(context, position)
    limit = _clause_end(body, position)
    raw = _raw_name_after(context, position, limit)
    if index is None or mentions[index].char_start >= limit:
        return raw
    first = mentions[index]
    if raw is None and _anaphoric_description(context, position, limit):
        return None
    if raw is None and (
        first.char_start - position > SPEAKER_WINDOW
        or _breaks_attribution(body, position, first.char_start)
    ):
        return None
    if raw is not None and not TITLE_GAP_RE.fullmatch(body[position : first.char_start]):
        return raw
    chain = _chain(body, mentions, index)
    relative = _relative_named_after(context, chain, position)
    if relative is not None:
        return relative
    speaker = _chain_speaker(context, chain, position)
    if raw is not None and (speaker is None or speaker.entity_type is not PERSON):
        return raw
    if speaker is not None and speaker.entity_type is PERSON:
        co = _joint_speakers(context, chain, position)
        speaker.co_speakers = tuple(name for name in co if name != speaker.name)
    return speaker


# 'kata staf Ajib, Vivi': someone's staff or kin, named after the comma, is the one speaking.
SPEAKING_RELATIONS = RELATION_WORDS | {"staf", "sekretaris", "keponakan", "menantu"}
NAME_AFTER_COMMA_RE = re.compile(
    r"[ \t]*,[ \t]*(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})"
    r"(?=[ \t]*[,.;:\n]|[ \t]+[a-z]|$)"
)


def _relative_named_after(
    context: _Context, chain: list[EntityMention], position: int
) -> _Speaker | None:
    """The staff member or relative named after a person's name ('kata staf Ajib, Vivi, saat
    ditemui'), when the verb is followed by the relation word: not the person they belong to."""
    first, last = chain[0], chain[-1]
    if last.entity_type is not PERSON:
        return None
    relation = context.body[position : first.char_start].split()
    if not (
        (len(relation) == 1 and relation[0] in SPEAKING_RELATIONS)
        or relation == ["kuasa", "hukum"]
    ):
        return None
    found = NAME_AFTER_COMMA_RE.match(context.body, last.char_end)
    if found is None:
        return None
    return _person_speaker(context, found["name"], found["name"], position)


def _office_after(context: _Context, position: int) -> _Speaker | None:
    """'“…,” ungkap Kapolres.': an office alone after the verb names the person holding it."""
    start = position
    while context.body[start : start + 1] in (" ", "\t"):
        start += 1
    run = NAME_RUN_RE.match(context.body, start, _clause_end(context.body, position))
    return _office_holder(context, run.start(), run.end(), position) if run else None


def _office_before(context: _Context, verb_start: int) -> _Speaker | None:
    """'Kapolres mengatakan, …' / 'Gubernur juga menambahkan': an office alone as the subject."""
    sentence = _sentence_at(context.sentences, context.starts, verb_start)
    begin = sentence.char_start if sentence else 0
    run = SUBJECT_RUN_RE.search(context.body, max(begin, verb_start - SUBJECT_REACH), verb_start)
    return _office_holder(context, run.start("run"), run.end("run"), verb_start) if run else None


def _office_holder(context: _Context, start: int, end: int, position: int) -> _Speaker | None:
    """The person the article last introduced with the office written at ``start:end``.

    'Kapolres Metro Jakarta Selatan Kombes Ade Rahmat Idnal ... Menurut Kapolres, …' is Ade's
    view, even when another person was named in between; 'Menkes' abbreviates 'Menteri
    Kesehatan'. After the office only places and organisations may follow ('kata Kapolres
    Bogor'): another word may be a name the recogniser missed ('Direktur HK Realtindo Hendy')
    or a description ('Gubernur Jawa Barat periode 2018-2023'). Text that is not an office, or
    an office nobody held so far, gives None.
    """
    text = context.body[start:end].rstrip(" \t,")
    start += len(text) - len(text.lstrip())
    text = text.lstrip()
    words = text.split()
    size = next(
        (
            size
            for size in range(min(len(words), 4), 0, -1)
            if " ".join(words[:size]).casefold() in load_roles()
        ),
        0,
    )
    if not size or not _only_named_bodies(context, start, text, size):
        return None
    office = " ".join(words[:size]).casefold()
    for mention in reversed(context.persons):
        if mention.char_start >= position or not mention.role:
            continue
        role = mention.role.casefold()
        if role == office or role.startswith(office + " ") or _abbreviates(office, role.split()):
            return _person_speaker(context, mention.canonical_name, text, position)
    return None


def _only_named_bodies(context: _Context, start: int, text: str, office_words: int) -> bool:
    """Whether every word of ``text`` after its office lies in a place or organisation mention."""
    for word in re.finditer(r"\S+", text):
        if office_words > 0:
            office_words -= 1
            continue
        at = start + word.start()
        index = bisect_right(context.mention_starts, at) - 1
        mention = context.mentions[index] if index >= 0 else None
        if mention is None or mention.char_end <= at or mention.entity_type not in (
            LOC,
            ORG,
        ):
            return False
    return True


def _abbreviates(short: str, words: list[str]) -> bool:
    """Whether ``short`` is made of the openings of ``words`` in order: 'menkes' of 'menteri
    kesehatan', 'wagub' of 'wakil gubernur', 'kadis' of 'kepala dinas' ('ka' = 'kepala')."""
    if not short:
        return not words
    if not words:
        return False
    word = words[0]
    for size in range(len(short), 1, -1):
        head = short[:size]
        if (word.startswith(head) or (word == "kepala" and head == "ka")) and _abbreviates(
            short[size:], words[1:]
        ):
            return True
    return False



def _clause_end(body: str, position: int) -> int:
    """Where the attribution after a quote ends: its sentence, line or the next quotation.

    The dot of a title or an initial ('kata dr. Mesty', 'ujar M. Syamsu') does not end it.
    """
    limit = min(len(body), position + 2 * SPEAKER_WINDOW)
    for found in CLAUSE_END_RE.finditer(body, position, limit):
        if found.group() != "." or not TITLE_DOT_RE.search(body, max(0, found.start() - 6),
                                                            found.start()):
            return found.start()
    return limit


def _anaphoric_description(context: _Context, position: int, limit: int) -> bool:
    """'“…,” kata politikus Partai Gerindra itu': a description pointing back with 'itu' or
    'tersebut' is the person already speaking, not the organisation it names."""
    found = ANAPHORA_RE.match(context.body, position, limit)
    return found is not None and not any(
        m.entity_type is PERSON and position <= m.char_start < found.end()
        for m in context.persons
    )


def _breaks_attribution(body: str, start: int, end: int) -> bool:
    """Whether the text between a verb and a name ends the attribution before the name.

    A quotation mark, a line break or a full stop do; the dot of a title ('kata dr. Mesty',
    'ujar Prof. Dr. Ir. Dwi Andreas') does not.
    """
    for position in range(start, end):
        char = body[position]
        if char in '“"\n' or (
            char == "." and not TITLE_DOT_RE.search(body, max(0, position - 6), position)
        ):
            return True
    return bool(NOT_SPEAKER_GAP_RE.search(body[start:end]))


def _first_mention_at(context: _Context, position: int) -> int | None:
    index = bisect_left(context.mention_starts, position)
    return index if index < len(context.mentions) else None


def _chain(body: str, mentions: list[EntityMention], index: int) -> list[EntityMention]:
    """The mentions linked to ``mentions[index]`` by title-like text ('Gubernur BI Perry')."""
    chain = [mentions[index]]
    for mention in mentions[index + 1 :]:
        previous = chain[-1]
        if mention.char_start < previous.char_end:
            continue
        gap = body[previous.char_end : mention.char_start]
        if not TITLE_GAP_RE.fullmatch(gap):
            break
        if previous.entity_type is PERSON and _office_follows(gap):
            break  # 'kata Hussaini Isah, Kepala Operasi Badan Darurat': his office, after him
        if (
            previous.entity_type is PERSON
            and mention.entity_type is PERSON
            and re.search(r"\bdan\b|&", gap)
        ):
            break  # 'A dan B': two speakers, the first leads
        chain.append(mention)
    return chain


def _office_follows(gap: str) -> bool:
    """Whether a comma and an office word open ``gap``: 'Hussaini Isah, Kepala Operasi …' (not
    'Kuasa hukum Bambang Tri, Pardiman': a name after the comma is the person the office has)."""
    found = APPOSITION_OPEN_RE.match(gap)
    return found is not None and found.group("word").casefold() in _role_words()


def _joint_speakers(
    context: _Context, chain: list[EntityMention], position: int
) -> tuple[str, ...]:
    """The people a title chain is joined to ('Sugiono dan Menlu Australia Penny Wong'): the
    co-speakers of a joint statement, each by the fullest name the article gives."""
    body, mentions = context.body, context.mentions
    people = [m for m in chain if m.entity_type is PERSON]
    if not people:
        return ()
    joined: list[str] = []
    end = people[-1].char_end
    for mention in mentions[bisect_left(context.mention_starts, end) :]:
        if mention.entity_type is not PERSON:
            continue
        gap = body[end : mention.char_start]
        joint = JOINT_GAP_RE.match(gap)
        if joint is None or not TITLE_GAP_RE.fullmatch(gap, joint.end()):
            break  # 'Goldwin Halim, CEO dan Founder …': offices joined, not people
        index = bisect_left(context.mention_starts, mention.char_start)
        if sum(m.entity_type is PERSON for m in _chain(body, mentions, index)) > 1:
            break  # 'Kepala Riset Konsumen dan Ritel Global HSBC Erwan': 'dan' inside an office
        joined.append(_fullest_person(context, mention.canonical_name, position))
        end = mention.char_end
    return tuple(dict.fromkeys(joined))


def _chain_speaker(
    context: _Context, chain: list[EntityMention], position: int
) -> _Speaker | None:
    """The chain's last person; else its first organisation (a unit before its parent body).

    A degree read as a person ('dr. Mesty Ariotedjo, SpA') is not the one speaking.
    """
    people = [m for m in chain if m.entity_type is PERSON and not _is_degree(m)]
    if people:
        person = people[-1]
        return _person_speaker(context, person.canonical_name, person.surface, position)
    orgs = [m for m in chain if m.entity_type is ORG]
    if orgs:
        return _Speaker(orgs[0].canonical_name, ORG, orgs[0].surface)
    return None


def _is_degree(mention: EntityMention) -> bool:
    return mention.surface.replace(".", "") in load_degrees()


def _degree_after(body: str, mention: EntityMention) -> bool:
    """A short mention glued to a degree's head, read as a name or body of its own: 'Abdul
    Mu'ti, M.Ed' -> 'Ed', 'dr. Surya Santosa, Sp.KO' -> 'KO' (callers check the length)."""
    return DEGREE_HEAD_RE.search(
        body, max(0, mention.char_start - 4), mention.char_start
    ) is not None


def _raw_name_after(context: _Context, position: int, limit: int) -> _Speaker | None:
    """A capitalised name right after the verb that no mention covers ('jelas Gede Sukarma')."""
    body = context.body
    start = position
    while start < limit and body[start] in " \t":
        start += 1
    run = NAME_RUN_RE.match(body, start, limit)
    if run is None:
        return None
    end = run.end()
    index = max(0, bisect_left(context.mention_starts, start) - 1)
    for mention in context.mentions[index:]:
        if mention.char_start >= end:
            break
        if mention.char_end > start:
            if mention.char_start <= start:
                return None  # the recogniser has it
            end = mention.char_start
            break
    return _raw_speaker(context, body[start:end].strip(" \t,"), position, after_verb=True)


def _subject_before(context: _Context, verb_start: int) -> _Speaker | None:
    """The named subject of a reporting verb in its sentence; joint subjects give co-speakers."""
    body = context.body
    sentence = _sentence_at(context.sentences, context.starts, verb_start)
    begin = sentence.char_start if sentence else 0
    mentions = context.mentions
    first = bisect_left(context.mention_starts, begin)
    last = bisect_left(context.mention_starts, verb_start)
    inside = [
        m
        for m in mentions[first:last]
        if m.char_end <= verb_start and (len(m.surface) > 4 or not _degree_after(body, m))
    ]
    people = [m for m in inside if m.entity_type is PERSON]
    named_next_to_verb = bool(inside) and not body[inside[-1].char_end : verb_start].strip(" ,")
    if not named_next_to_verb:  # 'Bobby mengatakan' needs no second look
        raw = _raw_subject(context, begin, verb_start, inside)
        if raw is not None:
            return raw
    head = _appositive_head(context, begin, verb_start, inside)
    if head is not None:
        return head
    if not people:
        others = [
            m
            for m in inside
            if m.entity_type is ORG
            and not CITED_BEFORE_RE.search(body, max(begin, m.char_start - 24), m.char_start)
        ]
        if not others or verb_start - others[-1].char_end > 40:
            return None
        nearest = others[-1]
        return _Speaker(nearest.canonical_name, nearest.entity_type, nearest.surface)
    chain = [people[-1]]
    for earlier in reversed(people[:-1]):
        gap = body[earlier.char_end : chain[0].char_start]
        if not CO_SPEAKER_GAP_RE.match(gap) or OFFICE_THEN_HOLDER_RE.search(gap):
            break
        chain.insert(0, earlier)
    lead = chain[0]
    speaker = _person_speaker(context, lead.canonical_name, lead.surface, verb_start)
    co = tuple(
        dict.fromkeys(
            name
            for m in chain[1:]
            if (name := _fullest_person(context, m.canonical_name, verb_start)) != speaker.name
        )
    )
    speaker.co_speakers = co
    return speaker


def _appositive_head(
    context: _Context, begin: int, verb_start: int, inside: list[EntityMention]
) -> _Speaker | None:
    """The person an apposition describes: 'Ibrahim Husseini, juru bicara Badan Darurat Niger,
    menyampaikan' / 'Kishore Chinta, mantan penyidik di Biro Investigasi, mengatakan'.

    The names inside the description (an office's organisation, a word the recogniser took
    for a name) are not the subject; the name the description follows is. It must be a person
    mention, else the capitalised run opening the sentence, and the description must open with a
    lower-case word or an office word and close with the comma before the verb.
    """
    body = context.body
    if not APPOSITION_CLOSE_RE.search(body, max(begin, verb_start - 48), verb_start):
        return None
    for mention in inside:
        if mention.entity_type is PERSON and _describes(body, mention.char_end, inside):
            return _person_speaker(context, mention.canonical_name, mention.surface, verb_start)
    if any(m.entity_type is PERSON for m in inside):
        return None
    opening = OPENING_RUN_RE.match(body, begin, verb_start)
    if opening is None or _overlaps(inside, opening.start("run"), opening.end("run")):
        return None
    if not _describes(body, opening.end("run"), inside):
        return None
    return _raw_speaker(context, opening.group("run"), verb_start, after_verb=False)


def _describes(body: str, name_end: int, inside: list[EntityMention]) -> bool:
    """Whether a description ('juru bicara …', 'Kepala Operasi …') follows the name ending at
    ``name_end`` after a comma, rather than another name ('Kuasa hukum Nikita, Surya, …')."""
    found = APPOSITION_OPEN_RE.match(body, name_end)
    if found is None:
        return False
    word = found.group("word")
    if word[0].isupper() and word.casefold() not in _role_words():
        return False
    return not any(m.char_start == found.start("word") for m in inside)


def _raw_subject(
    context: _Context, begin: int, verb_start: int, inside: list[EntityMention]
) -> _Speaker | None:
    """A subject name the recogniser missed, right before the verb or opening the sentence."""
    body = context.body
    adjacent = SUBJECT_RUN_RE.search(body, max(begin, verb_start - SUBJECT_REACH), verb_start)
    if (
        adjacent is not None
        and len(adjacent.group("run")) <= 4
        and DEGREE_HEAD_RE.search(body, max(0, adjacent.start("run") - 4), adjacent.start("run"))
    ):
        adjacent = None  # 'Abdul Mu'ti, M.Ed menegaskan': the degree is no subject
    if adjacent is not None and not _overlaps(inside, adjacent.start("run"), adjacent.end("run")):
        after_people = all(
            m.char_end <= adjacent.start("run")
            for m in inside
            if m.entity_type is PERSON
        )
        speaker = _raw_speaker(context, adjacent.group("run"), verb_start, after_verb=False)
        if speaker is not None and after_people:
            return speaker
    if any(m.entity_type is PERSON for m in inside):
        return None
    opening = OPENING_RUN_RE.match(body, begin, verb_start)
    if opening is None or _overlaps(inside, opening.start("run"), opening.end("run")):
        return None
    return _raw_speaker(context, opening.group("run"), verb_start, after_verb=False)


def _overlaps(mentions: list[EntityMention], start: int, end: int) -> bool:
    return any(m.char_start < end and start < m.char_end for m in mentions)


def _raw_speaker(
    context: _Context, run: str, position: int, after_verb: bool
) -> _Speaker | None:
    """A speaker from a capitalised run: offices and ranks stripped, people to their full name.

    A lone word is a name only after a reporting verb, after a title or rank, or when the
    article names a person with it; 'Penyidik menyatakan' is not a person speaking.
    """
    words = run.replace(".", ". ").split()
    words = [word.rstrip(".") for word in words if word.rstrip(".")]
    if not words:
        return None
    titles, roles, cues = load_titles(), _role_words(), load_cues()
    if words[0].casefold() in _stopwords():
        return None
    if any(cues.get(word) == "ORG" for word in words) or _is_acronym(words[-1]):
        while words and words[0].casefold() in roles:
            words = words[1:]
        if not words or any(cues.get(word) == "LOC" for word in words[:1]):
            return None
        return _Speaker(" ".join(words), ORG, run)
    titled = False
    for index in range(len(words) - 1, -1, -1):
        if words[index] in titles or words[index].casefold() in roles:
            words, titled = words[index + 1 :], True
            break
    words = _before_headline_verb(context.body, words)
    if not words or any(w in cues or w.casefold() in _stopwords() for w in words):
        return None
    name = " ".join(words)
    fullest = _fullest_person(context, name, position)
    known = fullest != name or _is_person(context, name)
    if len(words) == 1 and not (after_verb or titled or known):
        return None
    return _Speaker(fullest, PERSON, run)


def _before_headline_verb(body: str, words: list[str]) -> list[str]:
    """ "Atep Berharap", "Wahyu Hidayat Ungkap": a title-case headline glues its verb to the
    name; the name ends before it."""
    for index, word in enumerate(words):
        if index and is_title_case_verb(body, word):
            return words[:index]
    return words


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha() and word not in load_titles()


def _is_person(context: _Context, name: str) -> bool:
    return any(m.canonical_name == name for m in context.persons)


def _person_speaker(
    context: _Context, name: str, surface: str | None, position: int
) -> _Speaker:
    return _Speaker(_fullest_person(context, name, position), PERSON, surface)


def _fullest_person(context: _Context, name: str, position: int) -> str:
    """The fullest name the article gives the person called ``name`` near ``position``.

    A PERSON mention whose canonical name contains ``name`` word for word (latest before,
    else first after); else a canonical name opening with a longer form of a one-word name
    ('Ignas' -> 'Ignasius Boli Uran') when only one exists; else a nickname the article
    explains ('Ara -sapaan Maruarar Sirait-'); else the name with the capitalised words next to
    it where the text first writes it ('Luhut' -> 'Luhut Binsar Pandjaitan').
    """
    found = context.fuller.get(name)
    if found is None:
        found = context.fuller[name] = _fuller_names(context, name)
    starts, names, fallback = found
    if not starts:
        return fallback or name
    index = bisect_left(starts, position)
    return names[index - 1] if index else names[0]


def _fuller_names(context: _Context, name: str) -> tuple[list[int], list[str], str | None]:
    """Where the article gives ``name`` in full (offsets, canonical names), or its one fallback."""
    words = name.casefold().split()
    starts: list[int] = []
    names: list[str] = []
    prefixed: set[str] = set()
    inner: set[str] = set()
    if not words:
        return starts, names, None
    found: list[tuple[int, str]] = []
    person_words = _person_words(context)
    for canonical, (longer, offsets) in person_words.items():
        if len(longer) <= len(words):
            continue
        if words[0] in longer and _contains_words(longer, words):
            found.extend((offset, canonical) for offset in offsets)
        elif len(words) == 1 and len(words[0]) >= 4 and longer[0].startswith(words[0]):
            prefixed.add(canonical)
        elif len(words) == 1 and len(words[0]) >= 4 and _begins_a_later_word(longer, words[0]):
            inner.add(canonical)  # 'Melki' -> 'Emanuel Melkiades Laka Lena'
    if found:
        found.sort()
        return [offset for offset, _ in found], [name for _, name in found], None
    if len(words) > 1:
        return starts, names, None
    if len(prefixed) == 1:
        return starts, names, prefixed.pop()
    if not prefixed and len(inner) == 1 and name not in person_words:
        return starts, names, inner.pop()  # unless the recogniser kept the name as its own
    return starts, names, _nickname_of(context, name) or _expanded_in_text(context, name)


def _person_words(context: _Context) -> dict[str, tuple[list[str], list[int]]]:
    """Each canonical PERSON name's case-folded words and its mentions' offsets, read once."""
    if context.person_words is None:
        context.person_words = {}
        for m in context.persons:
            entry = context.person_words.get(m.canonical_name)
            if entry is None:
                entry = context.person_words[m.canonical_name] = (
                    m.canonical_name.casefold().split(),
                    [],
                )
            entry[1].append(m.char_start)
    return context.person_words


def _begins_a_later_word(longer: list[str], word: str) -> bool:
    return any(part.startswith(word) and len(part) > len(word) for part in longer[1:])


def _contains_words(longer: list[str], words: list[str]) -> bool:
    """``words`` run together inside ``longer``, or give its first and last word with some of
    the middle ones left out ('Tengku Taufik' for 'Tengku Muhammad Taufik')."""
    size = len(words)
    if any(longer[i : i + size] == words for i in range(len(longer) - size + 1)):
        return True
    if size < 2 or words[0] != longer[0] or words[-1] != longer[-1]:
        return False
    rest = iter(longer[1:-1])
    return all(word in rest for word in words[1:-1])


def _nickname_of(context: _Context, name: str) -> str | None:
    """The full name behind a nickname the article explains, if it does."""
    if context.nicknames is None:
        context.nicknames = {}
        for pattern, words in NICKNAME_RES:
            if not any(word in context.body for word in words):
                continue
            for found in pattern.finditer(context.body):
                full = _clean_name_words(found.group("full").split())
                if len(full) > 1:
                    context.nicknames.setdefault(found.group("short"), " ".join(full))
    return context.nicknames.get(name)


def _expanded_in_text(context: _Context, name: str) -> str | None:
    """'Luhut' -> 'Luhut Binsar Pandjaitan', 'Botes' -> 'Alvin Botes': the capitalised words
    that follow, else precede, the name where the article first writes it."""
    body = context.body
    start = _first_word_occurrence(body, name)
    if start < 0:
        return None
    following = NAME_CONTINUATION_RE.match(body, start + len(name))
    if following is not None:
        extra = _name_words(context, following.group().split(), following.start())
        if extra:
            return f"{name} {' '.join(extra)}"
    preceding = NAME_BEFORE_RE.search(body, max(0, start - 40), start)
    if preceding is not None:
        words = preceding.group().split()
        extra = _name_words(context, words[::-1], preceding.start())[::-1]
        if extra:
            return f"{' '.join(extra)} {name}"
    return None


def _first_word_occurrence(body: str, word: str) -> int:
    start = body.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not (body[start - 1].isalnum() or body[start - 1] == "-")) and (
            end == len(body) or not body[end].isalnum()
        ):
            return start
        start = body.find(word, end)
    return -1


def _name_words(context: _Context, words: list[str], start: int) -> list[str]:
    """The leading ``words`` that can belong to a person's name (no office, place, acronym)."""
    others = [m for m in context.mentions if m.entity_type is not PERSON]
    if _overlaps(others, start, start + sum(len(w) + 1 for w in words)):
        return []
    kept = []
    for word in words:
        if (
            word in load_titles()
            or word in load_cues()
            or _is_acronym(word)
            or word.casefold() in _role_words()
            or word.casefold() in _stopwords()
            or is_title_case_verb(context.body, word)  # "Syarwani Ajak Wartawan": a headline
        ):
            break
        kept.append(word)
    return kept


def _clean_name_words(words: list[str]) -> list[str]:
    """A name's words without offices and titles, up to the first word that is not a name's."""
    kept = []
    for word in (word.strip("-–—'’") for word in words):
        if word in load_cues() or word.casefold() in _stopwords():
            break
        if word in load_titles() or word.casefold() in _role_words():
            continue
        kept.append(word)
    return kept


@cache
def _role_words() -> frozenset[str]:
    """Every word of every office ('kepala', 'dinas', 'juru', 'bicara'), case-folded."""
    return frozenset(word for role in load_roles() for word in role.split())


@cache
def _person_nouns() -> frozenset[str]:
    """Words that open a description of a person: offices, professions, nouns for people."""
    return PROFESSION_NOUNS | PERSON_NOUNS | _role_words() | LEAD_NOUNS


@cache
def _stopwords() -> frozenset[str]:
    return load_stopwords()


def _unnamed(body: str, position: int) -> bool:
    """'kata salah satu warga', 'bunyi laporan itu' vs. 'ucap menteri yang akrab disapa Ara itu'.

    A description after the verb names someone new unless it opens with an office or points back
    with 'itu'/'ini'/'tersebut', which make it the person already speaking ('ujar pemain berusia
    22 tahun ini').
    """
    clause = UNNAMED_CLAUSE_RE.match(body, position)
    if clause is None:
        return False
    words = clause.group().split()
    return words[0].casefold() not in _role_words() and not {"itu", "ini", "tersebut"} & set(words)


def _pronoun_near(body: str, position: int, after: bool) -> str | None:
    window = body[position : position + 8] if after else body[max(0, position - 30) : position]
    found = re.search(r"\b([Ii]a|[Dd]ia|[Bb]eliau)\b", window)
    return found.group(1) if found else None


@dataclass(frozen=True, slots=True)
class _Cited:
    """Where a cited source is named ('seperti dikutip Reuters') and the source's name."""

    start: int
    end: int
    source: str


def _cited_source(body: str, start: int, end: int) -> _Cited | None:
    """'seperti dikutip Reuters', 'dilansir AFP', 'mengutip Antara', 'kepada Kompas.com'.

    'data yang dikutip Presiden Prabowo' is what an office holder quoted, not where the quote
    comes from ('pernyataan yang dikutip dari Live Science' is).
    """
    if any(body.find(stem, start, end) >= 0 for stem in CITED_VERB_STEMS):
        for found in CITED_RE.finditer(body, start, end):
            source = found.group("source").rstrip(".")
            after_yang = body[: found.start()].rstrip().endswith(("yang", "Yang"))
            if not (after_yang and source.split()[0].casefold() in _role_words()):
                return _Cited(found.start(), found.end(), source)
    if body.find(TOLD_WORD, start, end) >= 0:
        for told in TOLD_OUTLET_RE.finditer(body, start, end):
            outlet = _outlet_prefix(told.group("source"))
            if outlet is not None:
                return _Cited(told.start(), told.start("source") + len(outlet), outlet)
    return None


def _outlet_prefix(name: str) -> str | None:
    """The longest run of opening words naming a news outlet ('CNNIndonesia.com' of
    'CNNIndonesia.com Jumat'), or None."""
    words = name.rstrip(".").split()
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size]).rstrip(".")
        if normalise_outlet(candidate) is not None:
            return candidate
    return None


def _source_name(found: _Cited | None) -> str | None:
    return found.source if found else None


def _cited_source_around(
    body: str, sentence: Sentence | None, opening: int, closing: int, after: bool
) -> str | None:
    """The cited source in a direct quote's attribution, never inside the speech itself:
    '“…,” kata Ishiba, seperti dilansir AFP.' / 'Seperti dikutip Reuters, Trump berkata, “…”'."""
    if after:
        end = sentence.char_end if sentence else len(body)
        return _source_name(_cited_source(body, closing + 1, end + 1))
    begin = max(sentence.char_start if sentence else 0, body.rfind("\n", 0, opening) + 1)
    return _source_name(_cited_source(body, begin, opening))


# ---------------------------------------------------------------- indirect quotes


def _indirect_quotes(context: _Context, direct_spans: list[tuple[int, int]]) -> list[_Raw]:
    """Reported speech, sentence by sentence: the verb forms first, then 'Menurut X, ...'.

    Each verb regex scans the body once; matches are then grouped by their sentence (found by
    bisection), which is far cheaper than one regex scan per sentence.
    """
    body, sentences, starts = context.body, context.sentences, context.starts
    found: list[_Raw] = []
    verbs = _matches_by_sentence(INDIRECT_RE, body, sentences, starts, indirect_verb_matches(body))
    menurut = _matches_by_sentence(MENURUT_RE, body, sentences, starts, menurut_matches(body))
    for index in sorted(verbs.keys() | menurut.keys()):
        sentence = sentences[index]
        begin = sentence.char_start
        for match in verbs.get(index, ()):
            if _inside(match.start(), direct_spans) or body[match.end() : match.end() + 1] in '“"':
                continue
            raw_unsaid = _unsaid(body, max(begin, match.start() - 64), match.start())
            raw = _reported_clause(body, sentence, match.end(), "indirect", match.group("verb"))
            if raw is None:
                continue
            raw.unsaid = raw_unsaid
            raw.anchor = match.start()
            raw.speaker = _subject_before(context, match.start()) or _office_before(
                context, match.start()
            )
            if raw.speaker is None:
                raw.pronoun = _pronoun_subject(body, sentence.char_start, match.start())
                if raw.pronoun is None:
                    continue
            found.append(raw)
        said = menurut.get(index, [])
        found.extend(_menurut_quotes(context, sentence, said, direct_spans))
    return found


def _unsaid(body: str, start: int, verb_start: int) -> bool:
    """Whether the reporting verb at ``verb_start`` is denied, to come, a purpose or asked of
    someone (the regexes run only when one of their words is in the 64 characters before)."""
    hint = UNSAID_HINT_RE.search(body, start, verb_start)
    if hint is None:
        return False
    if UNSAID_BEFORE_RE.search(body, max(start, verb_start - 24), verb_start):
        return True
    return ASKED_OF_RE.search(body, hint.start(), verb_start) is not None


def _matches_by_sentence(
    pattern: re.Pattern[str],
    body: str,
    sentences: list[Sentence],
    starts: list[int],
    matches: Iterable[re.Match[str]] | None = None,
) -> dict[int, list[re.Match[str]]]:
    """Matches of ``pattern`` (or the given ``matches``, its scan) keyed by their sentence index.

    A sentence's matches are those ``pattern.finditer(body, char_start, char_end)`` would give:
    a match running past its sentence's end is found again inside the sentence.
    """
    grouped: dict[int, list[re.Match[str]]] = {}
    for match in pattern.finditer(body) if matches is None else matches:
        index = bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= sentences[index].char_end:
            continue
        sentence = sentences[index]
        if match.end() > sentence.char_end:
            inside = pattern.search(body, match.start(), sentence.char_end)
            if inside is None:
                continue
            match = inside
        grouped.setdefault(index, []).append(match)
    return grouped


def _menurut_quotes(
    context: _Context,
    sentence: Sentence,
    matches: list[re.Match[str]],
    spans: list[tuple[int, int]],
) -> list[_Raw]:
    """'Menurut X, …' and 'Menurutnya, …': the clause after the comma is X's view."""
    body, mentions = context.body, context.mentions
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
            index = next(
                (
                    i
                    for i in range(bisect_left(context.mention_starts, match.end()), len(mentions))
                    if mentions[i].char_start < comma and mentions[i].entity_type in _SPEAKER_TYPES
                ),
                None,
            )
            if index is None:
                raw.speaker = _office_holder(context, match.end(), comma, match.start())
                if raw.speaker is None:
                    continue
                found.append(raw)
                continue
            chain = _chain(body, context.mentions, index)
            named = [m for m in chain if m.char_end <= comma]
            if any(m.entity_type is PERSON for m in named):
                chain = named  # 'Menurut Bahlil, Soeharto adalah …': Soeharto is talked about
            else:
                holder = _holder_after_comma(body, chain, comma)
                if holder is not None:  # 'Menurut peneliti BRIN, Fathi Royyani, cara …'
                    moved = _reported_clause(
                        body, sentence, holder + 1, "indirect", match.group("verb")
                    )
                    if moved is None:
                        continue
                    moved.anchor, raw = raw.anchor, moved
            raw.speaker = _chain_speaker(context, chain, match.start())
            if raw.speaker is None:
                continue
        found.append(raw)
    return found


def _holder_after_comma(body: str, chain: list[EntityMention], comma: int) -> int | None:
    """The comma closing a person named after an office and its comma ('Menurut peneliti di
    BRIN, Fathi Royyani, cara pandang …'), where what is said starts; None if there is none."""
    for mention in chain:
        if mention.char_start > comma and mention.entity_type is PERSON:
            after = mention.char_end
            while body[after : after + 1] in (" ", "\t"):
                after += 1
            return after if body[after : after + 1] == "," else None
    return None


def _reported_clause(
    body: str, sentence: Sentence, start: int, kind: str, verb: str
) -> _Raw | None:
    """The reported clause from ``start`` to the sentence end, with its cited source.

    'Trump mengatakan tarif berlaku bulan depan, seperti dikutip Reuters.': Reuters is the source
    and not part of what Trump said; 'mengatakan kepada Kompas.com, …' opens after the outlet.
    """
    end = sentence.char_end
    cited = _cited_source(body, sentence.char_start, end)
    source = None
    if cited is not None:
        if cited.end <= start or not body[start : cited.start].strip(" \t,"):
            source = cited.source
            start = max(start, cited.end)
        elif body[: cited.start].rstrip().endswith(","):
            source = cited.source
            end = cited.start
    while end > start and (body[end - 1].isspace() or body[end - 1] in ".,;"):
        end -= 1
    while start < end and (body[start].isspace() or body[start] in ",:"):
        start += 1
    if len(body[start:end].split()) < 3:
        return None
    raw = _Raw(kind, start, end, start, verb, None)
    raw.cited_source = source
    return raw


def _pronoun_subject(body: str, sentence_start: int, verb_start: int) -> str | None:
    found = PRONOUN_SUBJECT_RE.search(body, sentence_start, verb_start)
    return found.group("pronoun") if found else None


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` lies in one of ``spans`` (sorted and disjoint: quotes in text order)."""
    index = bisect_right(spans, (position, _AFTER_ANY_END)) - 1
    return index >= 0 and position < spans[index][1]


# ---------------------------------------------------------------- pronouns


def _resolve_pronouns(context: _Context, raws: list[_Raw]) -> None:
    """A pronoun speaker ('ujarnya', 'Ia', 'Menurutnya') is the latest speaker.

    Speakers are those of direct quotes (people or organisations), people reporting speech, and
    people the article introduces as the subject of a sentence ('Kepala Desa Bahrun meninjau
    ...'); a person already known who merely heads a sentence ('Jahja sempat protes kepadanya')
    does not take the word from the last speaker, and counts only before anyone has spoken. A
    person named inside speech or after another name's verb ('KPK memeriksa Yudi') is talked
    about, never a subject.
    """
    if all(raw.speaker is not None or raw.unnamed for raw in raws):
        return
    subjects = _subject_events(context, _merged(sorted((raw.start, raw.end) for raw in raws)))
    speakers = [(offset, speaker) for offset, speaker, introduced in subjects if introduced]
    for raw in sorted(raws, key=lambda r: r.anchor):
        if raw.speaker is not None:
            if raw.kind == "direct" or raw.speaker.entity_type is PERSON:
                speakers.append((raw.anchor, raw.speaker))
            continue
        if raw.unnamed:
            continue
        earlier = [item for item in speakers if item[0] < raw.anchor] or [
            (offset, speaker) for offset, speaker, _ in subjects if offset < raw.anchor
        ]
        if earlier:
            speaker = _pronoun_referent(context.body, earlier, raw.anchor)
            raw.speaker = _Speaker(speaker.name, speaker.entity_type, raw.pronoun)


def _pronoun_referent(
    body: str, earlier: list[tuple[int, _Speaker]], anchor: int
) -> _Speaker:
    """The latest person before ``anchor``; an organisation only when it spoke last in the same
    paragraph ('“…,” tulis BMKG. “…,” lanjutnya') or no person came before.

    'Ia', 'ujarnya' and 'Menurutnya' point back to someone: after '“…,” tulis PSSI dalam akun
    resminya.' a new paragraph's 'ujarnya' is the PSSI chairman named before, not PSSI.
    """
    offset, latest = max(earlier, key=lambda item: item[0])
    if not _organisation(latest) or "\n" not in body[offset:anchor]:
        return latest
    people = [item for item in earlier if not _organisation(item[1])]
    return max(people, key=lambda item: item[0])[1] if people else latest


def _respell_one_off_names(context: _Context, raws: list[_Raw]) -> None:
    """A speaker whose name the article spells once, one letter away from a person it names
    more often or earlier, is that person: 'kata Heri' among 'Hari Santoso ... kata Hari'.

    Only a name written at most once in full is respelled, towards the one person the article
    names more often (or as often, earlier) whose name holds the same words but one, that one of
    four letters or more, with the same first letter and one letter inserted, dropped or changed
    ('Sahari' -> 'Suhari', 'Roy Hardi Siahaan' -> 'Roy Hadi Siahaan').
    """
    if len(context.persons) < 2:
        return  # one person or none: no other spelling to respell towards
    people = _person_words(context)
    respelled: dict[str, str | None] = {}
    for raw in raws:
        speaker = raw.speaker
        if speaker is None or speaker.entity_type is not PERSON or not speaker.name:
            continue
        name = speaker.name
        if name not in respelled:
            known = people.get(name)
            if known is not None and len(known[1]) > 1:
                respelled[name] = None  # written in full more than once: taken as spelt
            elif known is not None and INTRODUCED_RE.match(
                context.body, known[1][0] + len(name)
            ):
                respelled[name] = None  # 'kata Rini (34), warga setempat': someone new
            else:
                respelled[name] = _frequent_spelling(name, known, people)
        if respelled[name]:
            speaker.name = respelled[name]


def _frequent_spelling(
    name: str,
    known: tuple[list[str], list[int]] | None,
    people: dict[str, tuple[list[str], list[int]]],
) -> str | None:
    """The one person named more often than ``name`` (or as often, earlier) whose name is
    ``name`` with one word misspelt; ``known`` is ``name``'s own words and mentions, if any."""
    words = name.casefold().split()
    count, first = (len(known[1]), known[1][0]) if known else (0, -1)
    found = {
        other
        for other, (other_words, offsets) in people.items()
        if (len(offsets) > count or (len(offsets) == count and offsets[0] < first))
        and _one_word_misspelt(words, other_words)
    }
    return found.pop() if len(found) == 1 else None


def _one_word_misspelt(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` sit inside ``other`` in order with exactly one word one letter off."""
    for offset in range(len(other) - len(words) + 1):
        pairs = zip(words, other[offset : offset + len(words)], strict=True)
        differing = [(a, b) for a, b in pairs if a != b]
        if len(differing) == 1 and _one_letter_apart(*differing[0]):
            return True
    return False


def _one_letter_apart(word: str, other: str) -> bool:
    """One letter inserted, dropped or changed, past the first letter, in words of 4+ letters."""
    return min(len(word), len(other)) >= 4 and word[0] == other[0] and one_letter_apart(word, other)


def _organisation(speaker: _Speaker) -> bool:
    """An ORG speaker other than bare initials the article never expands ('AHY', 'JK', 'HNW'):
    news writes people that way and the recogniser cannot tell them from an acronym."""
    name = speaker.name or ""
    return speaker.entity_type is ORG and not (
        name.isalpha() and name.isupper() and len(name) <= 4 and name == speaker.surface
    )


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans made disjoint (indirect clauses of one sentence may overlap)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _heads_sentence(context: _Context, start: int, role: str | None = None) -> bool:
    """Whether a name at ``start`` opens its sentence, after at most a short lead-in.

    'Selain sektor teknologi, Pramono juga ...' opens with Pramono; in 'Cabai itu akan dijual
    dengan Harga Eceran Tertinggi' the name is deep in the predicate, not the subject.
    """
    sentence = _sentence_at(context.sentences, context.starts, start)
    lead = context.body[sentence.char_start if sentence else 0 : start]
    parts = _without_trailing_titles(lead.split())
    if role and lead.rstrip(" ,").casefold().endswith(role.casefold()):
        parts = parts[: len(parts) - len(role.split())]  # 'Pengamat Komoditas dan Mata Uang X'
    words = len(parts)
    return (
        words <= SUBJECT_LEAD_WORDS
        or (lead.rstrip().endswith(",") and words <= SUBJECT_LEAD_WORDS_BEFORE_COMMA)
        or _describes_the_person(parts)
        or _described_after_lead_in(lead)
    )


def _described_after_lead_in(lead: str) -> bool:
    """'Dalam kesempatan yang sama, pemengaruh Nimaz …' / 'Dari sisi legislatif, anggota Komisi
    II DPR, Deddy …': after a short lead-in and its comma, the name's description, no verb."""
    opening, comma, rest = lead.partition(",")
    if not comma or len(opening.split()) > SUBJECT_LEAD_WORDS_BEFORE_COMMA:
        return False
    words = rest.replace(",", " ").split()
    if not words or words[0].casefold() not in _person_nouns():
        return False  # 'Selain dirinya, tampak pula Menteri …': no description of the person
    words = _without_trailing_titles(words)
    if not words or len(words) > SUBJECT_LEAD_WORDS_BEFORE_COMMA:
        return False
    return all(
        not word[:1].islower()
        or (DESCRIPTION_VERB_RE.match(word) is None and word not in CLAUSE_WORDS)
        for word in words
    )


def _without_trailing_titles(words: list[str]) -> list[str]:
    """ "Ketua tim dokter, dr. Rina": the titles right before a name are part of it."""
    while words and TITLE_DOT_RE.search(words[-1].rstrip(".")) and words[-1][:1] != "(":
        words = words[:-1]
    return words


# Professions that open a lower-case description of the person named next ("Dokter spesialis
# penyakit dalam dr. Rina Kusuma menjelaskan"), beside the offices.
PROFESSION_NOUNS = frozenset(
    {"dokter", "psikolog", "pengacara", "dosen", "ahli", "pakar", "pengamat", "ekonom",
     "analis", "peneliti", "guru", "perawat", "bidan", "apoteker", "arsitek", "advokat"}
)  # fmt: skip
DESCRIPTION_MAX_WORDS = 6
# Nouns for people that open a description after a lead-in, beside offices and professions.
LEAD_NOUNS = frozenset(
    {"pemengaruh", "influencer", "aktivis", "politikus", "politisi", "legislator", "artis",
     "penyanyi", "aktor", "aktris", "atlet", "pelatih", "pemain", "mahasiswa", "siswa",
     "pengusaha", "tokoh", "budayawan", "sejarawan", "akademisi", "praktisi", "relawan"}
)  # fmt: skip
# Words that make a clause of what follows a lead-in, not a description of the person named next.
CLAUSE_WORDS = frozenset(
    {"yang", "dan", "atau", "di", "ke", "dari", "untuk", "dengan", "oleh", "pada", "kepada",
     "itu", "ini", "tersebut", "tidak", "tak", "belum", "sudah", "telah", "akan", "juga"}
)  # fmt: skip
DESCRIPTION_VERB_RE = re.compile(r"(?:me|ber|di|ter)[a-z]{3,}$")


def _describes_the_person(words: list[str]) -> bool:
    """A lead of a profession and lower-case words naming its field, with no verb or comma."""
    return (
        1 < len(words) <= DESCRIPTION_MAX_WORDS
        and words[0].casefold() in PROFESSION_NOUNS | _role_words()
        and all(
            word.isalpha() and word.islower() and DESCRIPTION_VERB_RE.match(word) is None
            for word in words[1:]
        )
    )


# 'Hal itu disampaikan Kepala Dinas Kesehatan Kota Surabaya, Nanik Sukristina, ...': the one
# named after a passive reporting verb said it, and a later 'katanya' points back to them.
PASSIVE_SPEECH_RE = re.compile(
    r"\b(?:disampaikan|diungkapkan|dikatakan|dijelaskan|ditegaskan|diutarakan|dipaparkan|"
    r"disebutkan|dinyatakan)\s+(?:oleh\s+|langsung\s+(?:oleh\s+)?)?(?:[A-Z][\w.-]*\s+){0,4}$"
)


def _agent_of_passive_speech(context: _Context, start: int) -> bool:
    """Whether the mention at ``start`` comes right after a passive reporting verb."""
    return PASSIVE_SPEECH_RE.search(context.body, max(0, start - 80), start) is not None


def _subject_events(
    context: _Context, spans: list[tuple[int, int]]
) -> list[tuple[int, _Speaker, bool]]:
    """(offset, speaker, first mention of that person) for each sentence a person heads."""
    body, mentions = context.body, context.mentions
    events: list[tuple[int, _Speaker, bool]] = []
    seen_sentences: set[int] = set()
    known: set[str] = set()  # people named so far, by their fullest name
    for index, mention in enumerate(mentions):
        if mention.entity_type not in _SPEAKER_TYPES:
            continue
        if mention.sentence_no in seen_sentences or (spans and _inside(mention.char_start, spans)):
            if mention.entity_type is PERSON:
                known.add(_fullest_person(context, mention.canonical_name, mention.char_start))
            continue
        seen_sentences.add(mention.sentence_no)
        chain = _chain(body, mentions, index)
        people = [m for m in chain if m.entity_type is PERSON]
        if people and (
            _heads_sentence(context, mention.char_start, mention.role)
            or _agent_of_passive_speech(context, mention.char_start)
        ):
            head = people[-1]
            name = _fullest_person(context, head.canonical_name, head.char_start)
            introduced = name not in known
            known.add(name)
            events.append((head.char_start, _Speaker(name, PERSON, None), introduced))
    return events

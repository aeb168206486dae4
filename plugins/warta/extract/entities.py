"""Rule-and-gazetteer recogniser for people, organisations and places in Indonesian news.

Why rules: the pipeline must stay well under a millisecond per article, and most entities in news
are either known (countries, ministries, agencies) or announced by context (an office before a
name, a speech verb after it). Candidates are runs of capitalised words found by one compiled
regex; each run is parsed left to right into roles, titles, known entities, cue-headed names and
unknown chunks, and a document pass then ties short forms and acronyms to the full names the
article uses.

Why it is fast: what depends only on a run's own words (its tokens and which roles, known names
and cues start at each of them) is worked out once per distinct run text and cached, because
news repeats the same names all night; only the few context checks (the word before, a speech
verb after, the sentence start) read the article, and only when the parse reaches them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from typing import Final

from warta.gazetteer import (
    KnownEntity,
    load_common_words,
    load_cues,
    load_degrees,
    load_known_entities,
    load_known_persons,
    load_org_tails,
    load_person_initials,
    load_portfolio_words,
    load_rank_branches,
    load_ranks,
    load_regional_bodies,
    load_roles,
    load_span_model,
    load_stopwords,
    load_titles,
    load_word_clusters,
)
from warta.model import EntityMention, EntityType, Sentence

# The entity types as plain names for the rules that compare them in their loops: on Python 3.11
# every read of ``EntityType.ORG`` goes through the Enum metaclass's slow attribute hook, and a
# Final name compiles to a C static.
PERSON: Final = EntityType.PERSON
ORG: Final = EntityType.ORG
LOC: Final = EntityType.LOC

TITLES = load_titles()
RANKS = load_ranks()
RANK_BRANCHES = load_rank_branches()
DEGREES = load_degrees()
PORTFOLIO_WORDS = load_portfolio_words()
ORG_TAILS = load_org_tails()
ROLES = load_roles()
STOPWORDS = load_stopwords()
CUES = load_cues()
COMMON_WORDS = load_common_words()
KNOWN = load_known_entities()
KNOWN_PERSONS = load_known_persons()
PERSON_INITIALS = load_person_initials()
REGIONAL_BODIES = load_regional_bodies()
MAX_KNOWN_WORDS = max(len(form.split()) for form in KNOWN)
MAX_ROLE_WORDS = max(len(role.split()) for role in ROLES)
MAX_CUE_WORDS = max(len(cue.split()) for cue in CUES)
# Bounds of the per-text caches, measured (tests/unit/test_bounded_caches.py): full after about
# 10,000 articles, so a longer night keeps the frequent names cached and memory stays flat.
RUN_CACHE_SIZE = 1 << 14
WORD_CACHE_SIZE = 1 << 13
LOWER_CASE_CACHE_SIZE = 1 << 10  # (body, word) answers: the words of the last few articles


def _first_word_index(phrases: Iterable[str], fold: bool = False) -> dict[str, int]:
    """First word -> longest phrase length, so most tokens are rejected by one dict lookup."""
    index: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split()
        key = words[0].casefold() if fold else words[0]
        index[key] = max(index.get(key, 0), len(words))
    return index


def _phrase_prefixes(phrases: Iterable[str]) -> frozenset[str]:
    """Every leading run of words of every phrase ("Badan", "Badan Pusat", ...): ``_longest``."""
    prefixes: set[str] = set()
    for phrase in phrases:
        words = phrase.split(" ")
        prefixes.update(" ".join(words[:size]) for size in range(1, len(words) + 1))
    return frozenset(prefixes)


# Listed names written with commas, each with the same-length text the runs can read.
COMMA_FORMS = tuple((form, form.replace(",", " ")) for form in KNOWN if "," in form)
for _form, _bare in COMMA_FORMS:
    KNOWN.setdefault(" ".join(_bare.split()), KNOWN[_form])
# A piece of every comma form from its first comma on: one regex opened by the comma rules them
# all out at once, where a substring scan per form reads every character of the body.
COMMA_FORM_HINT_RE = re.compile(
    "|".join(sorted({re.escape(form[form.index(",") :][:12]) for form, _ in COMMA_FORMS}))
)
KNOWN_FIRST = _first_word_index(KNOWN)
ROLE_FIRST = _first_word_index(ROLES, fold=True)
CUE_FIRST = _first_word_index(CUES)
KNOWN_PREFIXES = _phrase_prefixes(KNOWN)
ROLE_PREFIXES = _phrase_prefixes(ROLES)
CUE_PREFIXES = _phrase_prefixes(CUES)
RANK_FIRST = _first_word_index(RANKS)
RANK_PREFIXES = _phrase_prefixes(RANKS)
ROLES_BY_SHAPE: dict[tuple[int, str], list[list[str]]] = {}  # (words, first word) -> offices
for _role in sorted(ROLES):
    ROLES_BY_SHAPE.setdefault((len(_role.split()), _role.split()[0]), []).append(_role.split())
ROLE_LAST_WORDS = frozenset(role.split()[-1] for role in ROLES)

# Connectors that stay inside a name ("Abdurrachman bin Ali") or join two names ("Cho dan Blinken",
# split again while parsing) only when a capitalised word follows. A dot may sit between two
# words of a run only after a title ("Dr. Ahmad"); runs are cut at any other dot in Python,
# which keeps the regex free of a title alternation (three times faster).
_CONNECTORS = r"(?:bin|binti|van|von|der|den|de|da|dos|al|el|ibn|dan|of|on|for|and|the)"
_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_PARTICLE_PAIR = r"(?:v[ao]n[ ]+de[rn]|de[ ]+la)"  # "Ursula von der Leyen", "Van den Berg"
RUN_RE = re.compile(rf"{_WORD}(?:\.?[ ]+(?:{_PARTICLE_PAIR}[ ]+|{_CONNECTORS}[ ]+)?{_WORD})*")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?…][\"”’)]*\s+|\n\s*|[\"“(]\s*)$")
# Word forms that are almost never names: prefixed verbs/adverbs ("Berdasarkan", "Menurutnya").
COMMON_WORD_RE = re.compile(
    r"(?:(?:[Mm]e|[Bb]er|[Dd]i|[Tt]er|[Ss]e|[Pp]e|[Kk]e)\w+(?:kan|nya|lah|i)|(?:[Pp]e|[Kk]e)\w+an)$"
)
# A venue named after its kind in lower case ("di hotel Pullman", "restoran Sederhana"): the
# one word after it is the venue's name, so an unknown word there is never guessed a person.
VENUE_BEFORE_RE: Final = re.compile(
    r"(?<![\w-])(?:hotel|restoran|resto|kafe|kedai|warung|gedung|stadion|mal|apartemen|"
    r"bandara|pelabuhan|terminal|kampus|masjid|gereja|pura|klenteng|vihara|rumah\s+makan|"
    r"rumah\s+sakit|pusat\s+perbelanjaan)[ \t]+$"
)
VENUE_REACH: Final = 24
SPEECH_VERB_AFTER_RE = re.compile(
    r"(?:\s*,)*\s*(?:juga\s+|pun\s+)?(?:kata|ujar|ucap|tutur|tegas|jelas|ungkap|imbuh|tambah|sebut|"
    r"mengatakan|menyebut|menyatakan|menegaskan|menjelaskan|menyampaikan|berkata|menuturkan|"
    r"mengungkapkan|berjanji|menilai)\b"
)
# A nickname defined next to the full name ("Ara -sapaan Maruarar Sirait-", "Joko Widodo yang
# akrab disapa Jokowi").
NICKNAME_CUES = ("sapaan", "panggilan", "disapa", "dipanggil")
NICKNAME_CUE_STEMS = ("sapa", "panggil")  # in every cue: two scans rule out all four
_NAME = r"[A-Z][\w'’]*(?:[ ]+[A-Z][\w'’]*)*"
NICK_BEFORE_FULL_RE = re.compile(
    rf"(?P<nick>{_NAME})[ ]*[-–—(,][ ]*(?:nama[ ]+)?(?:sapaan|panggilan)(?:[ ]+(?:akrab|karib))?"
    rf"(?:[ ]+dari)?[ ]+(?P<full>{_NAME})"
)
FULL_BEFORE_NICK_RE = re.compile(
    rf"(?P<full>{_NAME})[ ]*[,(]?[ ]*(?:atau[ ]+)?(?:yang[ ]+)?(?:(?:akrab|biasa|kerap|karib)[ ]+)?"
    rf"(?:disapa|dipanggil)[ ]+(?P<nick>{_NAME})"
)
# "Saifullah Yusuf atau Gus Ipul", "Muhaimin Iskandar atau Cak Imin": a nickname after "atau"
# and a familiar honorific.
_FAMILIAR_HONORIFIC = r"atau[ ]+(?:Gus|Cak|Kang|Bung|Mas|Mbak|Bang|Ning|Abah|Daeng)[ ]"
HONORIFIC_NICK_RE = re.compile(rf"(?P<full>{_NAME})[ ]+{_FAMILIAR_HONORIFIC}[ ]*(?P<nick>{_NAME})")
FAMILIAR_HONORIFIC_RE = re.compile(_FAMILIAR_HONORIFIC)
# The literal each pattern needs, so that a body without it is not scanned from every capital.
# "sapaan" or "panggilan", found from their shared "pa" (the scan jumps from "p" to "p"; the
# plain alternation tried every character: ~6x slower).
_NICKNAME_CUE_RE = re.compile(r"pa(?:(?<=sapa)an|nggilan)")
_NICKNAME_PATTERNS = (
    (NICK_BEFORE_FULL_RE, _NICKNAME_CUE_RE),
    (FULL_BEFORE_NICK_RE, re.compile(r"disapa|dipanggil")),
    (HONORIFIC_NICK_RE, FAMILIAR_HONORIFIC_RE),
)
# "Zulhas, sapaan akrabnya,": the nickname of the person the article named last.
NICK_OF_PREVIOUS_RE = re.compile(
    rf"(?P<nick>{_NAME})[ ]*[-–—(,][ ]*(?:nama[ ]+)?(?:sapaan|panggilan)"
    r"(?:[ ]+(?:akrab|karib))?nya\b"
)
# Between a person's name and an office written after it ("Bahrun selaku Kepala Desa").
# "Budi, yang juga Ketua DPD Golkar", "Riza yang kini menjabat Wakil Menteri Desa".
_HOLDS = r"(?:menjabat[ ]+(?:sebagai[ ]+)?|merupakan[ ]+|adalah[ ]+)"
_LINK = (
    rf"(?:yang[ ]+(?:(?:juga|kini|sekarang|masih|saat[ ]+ini)[ ]+{_HOLDS}?|{_HOLDS})"
    r"|selaku[ ]+|sebagai[ ]+)"
)
ROLE_AFTER_NAME_RE = re.compile(rf"\)?(?:,[ ]+{_LINK}?|[ ]+{_LINK})(?P<word>[\w'’]+)")
# "Prabowo Subianto dilantik sebagai Presiden": the office a person was appointed or elected to.
APPOINTED_AS_RE = re.compile(
    r"[ ]+(?:(?:resmi|telah|akan|baru|kembali)[ ]+)*"
    r"(?:dilantik|ditetapkan|terpilih|diangkat|ditunjuk|dikukuhkan)[ ]+"
    r"(?:(?:kembali|secara[ ]+resmi)[ ]+)?(?:sebagai|menjadi)[ ]+"
)
AREA_HEADS = frozenset(
    {"Provinsi", "Kabupaten", "Kota", "Kecamatan", "Kelurahan", "Desa", "Dusun", "Kampung",
     "Nagari", "Gampong", "Distrik", "Pulau", "Kepulauan"}
)  # fmt: skip
# Offices that head an area without naming it ("Lurah Sukamaju" heads "Kelurahan Sukamaju").
AREA_OF_OFFICE = {
    "Lurah": "Kelurahan", "Kades": "Desa", "Kadus": "Dusun", "Camat": "Kecamatan",
    "Perbekel": "Desa", "Keuchik": "Gampong", "Geuchik": "Gampong",
}  # fmt: skip
# Offices that name the unit they head ("Kapolres X" heads "Polres X"), as the text writes them.
UNIT_OF_OFFICE = {
    "Kapolda": "Polda", "Kapolres": "Polres", "Kapolresta": "Polresta",
    "Kapolrestabes": "Polrestabes", "Kapolsek": "Polsek", "Kapolsekta": "Polsekta",
    "Wakapolda": "Polda", "Wakapolres": "Polres", "Wakapolresta": "Polresta",
    "Pangdam": "Kodam", "Danrem": "Korem", "Dandim": "Kodim", "Danramil": "Koramil",
    "Danlanal": "Lanal", "Danlantamal": "Lantamal", "Danlanud": "Lanud", "Danyon": "Yonif",
    "Kajati": "Kejati", "Kajari": "Kejari",
}  # fmt: skip
UNIT_WORD_RE = re.compile(r"[A-Z][\w-]*|[0-9][\w/-]*")
LEGAL_PREFIXES = frozenset({"PT", "PT.", "CV", "Perum", "Persero", "UD", "Koperasi"})
NESTED_WORD_RE = re.compile(r"(?<= )[A-Z][\w.-]*")
ROMAN_NUMERAL_RE = re.compile(r"(?=\w\w)X{0,3}(?:IX|IV|V?I{0,3})")  # II to XXXIX; not "XL"
BRACKETED_RE = re.compile(r" ?\([^)]*\)")
APPOSITION_END_RE = re.compile(r"[,.;:!?\"“”\n]")
APPOSITION_LOOKAHEAD = 6  # candidates read for another name after an office in apposition
OFFICE_WINDOW = 96  # characters read for an office after a name
OFFICE_WORD_RE = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
# Words that make a deputy, an acting or a former holder of any office ("Wakil Kepala Kepolisian
# Daerah", "Plt Kepala Dinas Kesehatan", "Pj Sekda"): the office is the whole phrase.
OFFICE_PREFIXES = frozenset({"wakil", "plt", "plh", "pj", "pjs", "mantan", "eks"})
# Offices that serve another office, which then belongs to their name ("Staf Khusus Presiden").
SUPPORTING_OFFICES = frozenset({"ahli", "khusus", "ajudan", "pribadi"})
# Between an office and its holder's run: a comma, the closing of a bracketed alias.
OFFICE_GAP_RE = re.compile(r"[ ]?\)?[ ]?,?[ ]?(?:(?:dr|drg|ir)\.?[ ]+)?")
# The number of a military or police unit between an office and the rest of the unit's name or
# the holder ("Komandan Korem 072/Pamungkas ...", "Dandim 0734 Yogyakarta ...").
UNIT_NUMBER_GAP_RE = re.compile(r"[ ]\d{2,4}(?:/|[ ])")
TITLE_AFTER_RE = re.compile(r",?[ ]+([A-Z][A-Za-z]*)\b")
# Place head words that name an office or congregation when an acronym follows ("Stasiun
# PSDKP Belawan", "Gereja GIDI").
ORG_WHEN_ACRONYM_FOLLOWS = frozenset({"Stasiun", "Gereja"})
# "detikcom", "kumparan.com", "TribunJabar.id", not after a letter, "@", "/" or ".". It opens
# with a character class and checks what precedes after it (as ``quotes._word_from_first_letter``
# explains), so the scan skips from candidate letter to candidate letter: twice as fast.
OUTLET_RE = re.compile(
    r"[dkA-Z](?<![\w@/.-][dkA-Z])(?:(?<=d)etik(?:com|[A-Z]\w*)|(?<=k)umparan(?:\.com)?"
    r"|(?<=[A-Z])\w*+(?:-\w++)?(?:\.(?:co\.id|com|id|net|org|co|CO\.ID|COM|ID)))(?![\w/])"
)  # possessive: giving back a word character never lets the "-" or "." after it match
# In every OUTLET_RE match: a brand word or a dot before a domain ending. One regex opened by
# the dot finds the dots faster than six substring scans (the brand words stay scans).
OUTLET_WORD_HINTS = ("detik", "kumparan")
OUTLET_DOT_HINT_RE = re.compile(r"\.(?:co|id|net|org|C|I)")
# Sites whose brand opens with a small "i" ("iNews.id"), read only where a site may be; the "i"
# comes before the look behind so that the scan jumps from "i" to "i" (eight times faster).
SMALL_I_OUTLET_RE = re.compile(r"i(?<![\w@/.-]i)[A-Z]\w*\.(?:co\.id|com|id)(?![\w/])")
CREDIT_ONLY_ALIASES = frozenset({"AP"})
NUMBER_IN_NAME_RE = re.compile(r" \d{1,2}(?: [A-Z][\w'’]*){1,3}")  # " 3 Indonesia"
COMPANY_WORD_RE = re.compile(r"PT (?<![^ ]PT )")  # "PT " opening the text or after a space
_CREDIT_WORDS = r"(?:dikutip dari|dikutip|dilansir dari|dilansir|melansir|mengutip|kantor berita"
CREDIT_BEFORE_RE = re.compile(rf"\b{_CREDIT_WORDS}|kepada|laporan)\s+$", re.IGNORECASE)
OUTLET_CUE_BEFORE_RE = re.compile(
    rf"\b{_CREDIT_WORDS}|situs|laman|portal berita|surat kabar|harian)\s+$", re.IGNORECASE
)
# The words OUTLET_CUE_BEFORE_RE ends with, for a cheap first look at plain (ASCII) text.
OUTLET_CUE_LAST_WORDS = (
    "dari", "dikutip", "dilansir", "melansir", "mengutip", "berita", "situs", "laman",
    "kabar", "harian",
)  # fmt: skip
DATELINE_BEFORE_RE = re.compile(r"(?:^|\n)[A-Z][A-Z .,-]+$")
# Last words of a firm's name between an office and its holder ("Kepala Ekonom Capital Economics
# Paul Dales"); alone they would also end course titles ("Risk Management"), so not ORG_TAILS.
UNIT_ENDINGS = ORG_TAILS | {
    "Trading", "Securities", "Capital", "Investment", "Investments", "Holdings", "Partners",
    "Research", "Economics", "Economic", "Markets", "Management", "Sekuritas", "Asset",
    "Futures", "Berjangka", "Finance", "Consulting", "Advisory",
}  # fmt: skip
# Indonesian and English words that end the names of firms ("PT Sinar Harapan Teknologi"), read
# only between an office and its holder; words that are also given names ("Jaya", "Pratama",
# "Putra", "Agung") are left out.
FIRM_ENDINGS = UNIT_ENDINGS | {
    "Teknologi", "Technology", "Technologies", "Energi", "Energy", "Digital", "Solusi",
    "Solutions", "Mitra", "Karya", "Persada", "Sarana", "Internasional", "International",
    "Industri", "Industries", "Teknik", "Sistem", "Systems", "Media", "Global", "Investama",
    "Properti", "Logistik", "Logistics", "Makmur", "Sejahtera", "Sentosa", "Lestari", "Abadi",
    "Perkasa", "Sukses", "Services", "Resources", "Mining", "Power", "Motor", "Motors", "Farma",
    "Pharma", "Foods", "Agro", "Tambang", "Semesta", "Kreasi", "Nusantara", "Infrastruktur",
}  # fmt: skip
# Offices named after a field written right after them ("Pengamat Properti", "Analis Pasar").
FIELD_OFFICES = frozenset({"pengamat", "analis", "peneliti", "ekonom", "pakar", "praktisi"})
# Words that end the names of firms and cooperatives ("KUD Makmur Jaya", "CV Sinar Abadi"),
# so that after a head word and one name word they stay in the body, not in its head's name.
BUSINESS_NAME_WORDS = frozenset(
    {"Jaya", "Makmur", "Sejahtera", "Abadi", "Sentosa", "Mandiri", "Bersama", "Lestari", "Maju",
     "Bersatu", "Perkasa", "Sukses", "Berkah", "Prima", "Sakti", "Mulia", "Sejati", "Utama"}
)  # fmt: skip
# English words that join the words of an organisation's name, never of a person's
# ("English Collective of Prostitutes", "Friends of the Earth").
ENGLISH_NAME_LINKS = frozenset({"of", "for", "the"})
ENGLISH_LINK_ENDINGS = tuple(ENGLISH_NAME_LINKS)  # how a name ending in a link word ends
ENGLISH_CONTINUATIONS = ENGLISH_NAME_LINKS | {"and", "on"}
# Words that close the "of"/"for" part of an English body's name ("Institute for Economic
# Research", "School of Management"), up to MAX_ENGLISH_TAIL_WORDS after the link.
ENGLISH_FIELD_WORDS = frozenset(
    {"Research", "Studies", "Economics", "Management", "Development", "Technology", "Science",
     "Sciences", "Affairs", "Policy", "Business", "Medicine", "Law", "Engineering", "Finance",
     "Trade", "Industry", "Commerce"}
)  # fmt: skip
MAX_ENGLISH_TAIL_WORDS = 5
# Organisation head words that name a minister's portfolio ("Menteri Koperasi"), where after
# other offices they open the body's name ("Ketua Koperasi Unit Desa ...").
MINISTRY_PORTFOLIO_HEADS = frozenset({"Koperasi"})
# Offices that are also given names, with how many plain words after them make them a name.
GIVEN_NAME_OFFICES = {"Raja": 2, "Emir": 1}
COURT_HEAD = "Pengadilan"  # the bodies news names after a town the lists do not know
TOWN_NAMED_HEADS = (COURT_HEAD, "Kejaksaan")  # after an office too: "Jaksa ... Kejaksaan Negeri X"
PORTFOLIO_MARKERS = frozenset({"Bidang", "Urusan"})  # open a portfolio, never part of a name
NATIONAL_TEAM_CUES = frozenset({"Timnas"})  # named after the country, which is a place too
AGE_GROUP_RE = re.compile(r"U-?\d{2}")  # "Timnas U-23", "Persija U20": the team's age group
LEGAL_SUFFIXES = frozenset({"Tbk", "Tbk."})  # ends a listed company's name
MAX_COMPANY_WORDS = 8
PLACE_PREPOSITIONS = frozenset({"di", "ke", "kota", "provinsi", "kabupaten", "negara", "wilayah"})
LOWER_ROLE_WINDOW = 48
LOWER_VERB_RE = re.compile(r"(?:me|ber|di|ter)[a-z]")  # "menilai", "berharap": not a portfolio
LOWER_WORD_ENDS = frozenset(" ,.")

SPAN_LABELS, SPAN_WEIGHTS = load_span_model()
# Words and single punctuation marks, so that context reads the same in raw and tokenised text.
_CONTEXT_TOKEN = r"(?>[\w'’]+(?:-[\w'’]+)*|[^\w\s])"
CONTEXT_RE = re.compile(_CONTEXT_TOKEN)
# The two context tokens after a span in one call; atomic tokens make them the tokens that
# CONTEXT_RE.findall gives.
CONTEXT_AFTER_RE = re.compile(rf"\s*({_CONTEXT_TOKEN})(?:\s*({_CONTEXT_TOKEN}))?")
CONTEXT_CHARS = 40
SHORT_CONTEXT_CHARS = 16
SCORED_SOURCES = frozenset({"guess"})
# Sources of mentions that may be a short form of a full name used elsewhere in the article.
SHORT_FORM_SOURCES = frozenset({"guess", "verb", "role", "title"})

_TYPE_BY_NAME = {"PERSON": PERSON, "ORG": ORG, "LOC": LOC}
_CONLL_TAG = {PERSON: "PER", ORG: "ORG", LOC: "LOC"}
_TYPE_BY_LABEL = {label: kind for kind, label in _CONLL_TAG.items()}


@dataclass(slots=True)
class _Word:
    """One token of a run with everything that depends on the run's words alone.

    Offsets are relative to the run; ``role``/``known``/``cue`` are the number of tokens of the
    longest office, known name or cue starting here (0 when none), with the phrase they form.
    """

    text: str
    start: int
    end: int
    role: int
    role_phrase: str
    known: int
    known_entry: KnownEntity | None
    cue: int
    cue_phrase: str
    rank: int  # tokens of a police or military rank starting here, its branch words included
    is_title: bool
    is_minor: bool  # one letter or a stopword: never part of a name
    initial_blocked: bool  # starts an office, a known name or is a cue: not a common word
    static_common: bool  # a stopword or a prefixed verb/adverb form

    def entry(self) -> KnownEntity:
        """The known name starting at this word; asked only of a word whose ``known`` is set."""
        assert self.known_entry is not None
        return self.known_entry


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
    scan = _mask_initial_dots(_mask_degrees(_mask_listed_commas(body)))
    candidates = _with_nested_organisations(scan, _candidates(scan))
    candidates = _with_commanded_units(scan, candidates)
    starts = [s.char_start for s in sentences]
    spelled = _names_as_written(body, scan, candidates)
    mentions = []
    for cand in candidates:
        index = bisect_right(starts, cand.start) - 1
        sentence_no = sentences[index].sentence_no if index >= 0 and sentences else 1
        mentions.append(
            EntityMention(  # positional: sentence_no, type, canonical name, surface, offsets
                sentence_no,
                cand.entity_type,
                spelled.get(cand.canonical_name, cand.canonical_name),
                body[cand.start : cand.end],
                cand.start,
                cand.end,
                cand.role,
                cand.affiliation,
            )
        )
    return mentions


def _names_as_written(body: str, scan: str, candidates: list[_Candidate]) -> dict[str, str]:
    """People's names read from the masked text ("Agus D W. Martowardojo") spelt as the article
    writes them ("Agus D.W. Martowardojo")."""
    if scan == body:
        return {}
    return {
        cand.canonical_name: body[cand.start : cand.end]
        for cand in candidates
        if cand.entity_type is PERSON
        and cand.canonical_name == scan[cand.start : cand.end] != body[cand.start : cand.end]
    }


def _with_nested_organisations(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """A named body inside a longer one is a mention too: "Polda Sumut" in "Satgas Pangan
    Polda Sumut", "Polresta Jayapura Kota" in "Inafis Polresta Jayapura Kota", "Kompas TV" in
    "Business Talk Kompas TV". It starts at a later organisation head word or listed name, at
    every level ("Divisi Metabolik Fakultas Kedokteran Universitas Indonesia" holds the faculty
    and the university)."""
    nested = []
    meant: dict[str, str] | None = None  # what each written name means in the article
    for cand in candidates:
        if cand.entity_type is not ORG or cand.source == "known":
            continue
        text = body[cand.start : cand.end]
        first_space = text.find(" ")
        if first_space < 0:
            continue
        if text[:first_space] in LEGAL_PREFIXES:  # "PT Bank Tabungan Negara" is one company
            first_space = text.find(" ", first_space + 1)
            if first_space < 0:
                continue
        for word in NESTED_WORD_RE.finditer(text, first_space):
            rest = text[word.start() :]
            end = cand.end
            if " (" in rest:  # "Kantor Wilayah Direktorat Jenderal Pajak (Kanwil DJP) Jawa Tengah"
                rest = rest[: rest.index(" (")]
                end = cand.start + word.start() + len(rest)
            entry = KNOWN.get(rest) or _known_before_region(rest)
            if rest in COMMON_WORD_NAMES:
                continue  # "PT Praba Cipta Mandiri": the word, not Bank Mandiri
            if entry is not None and entry.entity_type == "ORG":
                name = entry.canonical_name
                if meant is None:
                    meant = {body[c.start : c.end]: c.canonical_name for c in candidates}
                if meant.get(rest, name) != name:
                    continue  # "Kejari OKI" after "Ogan Komering Ilir (OKI)": OKI is the place
                if entry is not KNOWN.get(rest):  # "Kementerian Hukum dan HAM" + "Jawa Timur"
                    end = cand.start + word.start() + _known_before_region_size(rest)
            elif CUES.get(word.group()) == "ORG" and " " in rest:
                if word.group() in COUNTRY_BODY_HEADS and not _opens_with_country(rest):
                    continue  # "Komite Nasional Kepresidenan G20": no body of a country
                if rest.split(" ", 2)[1] in ENGLISH_NAME_LINKS:
                    continue  # "Calvin Institute of Technology": one English name
                before = text[: word.start() - 1].rsplit(" ", 1)[-1]
                if CUES.get(before + " " + word.group()) == "ORG":
                    continue  # "Kantor Kepresidenan": the second word of one head
                name = rest
            else:
                continue
            start = cand.start + word.start()
            nested.append(_Candidate(ORG, name, start, end, "cue"))
    if not nested:
        return candidates
    taken = {(cand.start, cand.canonical_name) for cand in candidates}
    nested = [cand for cand in nested if (cand.start, cand.canonical_name) not in taken]
    return sorted(candidates + nested, key=lambda cand: cand.start)


def _opens_with_country(name: str) -> bool:
    """ "Kepresidenan Turki": the word after the head names a listed country."""
    words = name.split(" ")
    for size in range(len(words) - 1, 1, -1):
        entry = KNOWN.get(" ".join(words[1 : size + 1]))
        if entry is not None and entry.kind == "country":
            return True
    entry = KNOWN.get(words[1])
    return entry is not None and entry.kind == "country"


def _known_before_region_size(text: str) -> int:
    """Length of a listed public body's name that ``text`` opens with when only a province,
    regency or city follows it ("Kementerian Hukum dan HAM Jawa Timur", "Bank Indonesia
    Provinsi Jawa Tengah"); else 0. A firm or party there ("Pegadaian Semarang", "Universitas
    Muhammadiyah Semarang") is part of another name, not a body of its own."""
    position = text.rfind(" ")
    while position > 0:
        tail = text[position + 1 :]
        head, _, rest = tail.partition(" ")
        region = KNOWN.get(rest if head in REGION_HEADS else tail)
        if region is not None and region.kind in REGION_KINDS:
            body = KNOWN.get(text[:position])
            if (
                body is not None
                and body.entity_type == "ORG"
                and (
                    body.canonical_name in REGIONAL_BODIES
                    or _is_public_body_name(body.canonical_name)
                )
            ):
                return position
        position = text.rfind(" ", 0, position)
    return 0


def _is_public_body_name(name: str) -> bool:
    """ "Kementerian Hukum dan HAM", "Bank Indonesia": a head word, not a firm's legal form."""
    head = name.split(" ", 1)[0]
    return CUES.get(head) == "ORG" and head not in LEGAL_PREFIXES


def _known_before_region(text: str) -> KnownEntity | None:
    size = _known_before_region_size(text)
    return KNOWN[text[:size]] if size else None


def _with_commanded_units(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The unit an office heads is named by the office: "Kapolres Tasikmalaya Kota, AKBP Moch
    Faruk Rozi" names "Polres Tasikmalaya Kota", "Kapolda Metro Jaya Irjen Karyoto" "Polda
    Metro Jaya". Only for offices whose holder the rules found."""
    units = []
    for cand in candidates:
        if cand.role is None or cand.entity_type is not PERSON:
            continue
        head = UNIT_OF_OFFICE.get(cand.role)
        if head is None:
            continue
        office = body.rfind(cand.role, max(0, cand.start - OFFICE_WINDOW), cand.start)
        if office < 0:
            continue
        words: list[re.Match[str]] = []
        for word in UNIT_WORD_RE.finditer(body, office + len(cand.role), cand.start):
            if word.start() != (words[-1].end() if words else office + len(cand.role)) + 1:
                break  # a comma or a bracket ends the unit's name
            if word.group() in TITLES or word.group() in RANK_FIRST:
                break
            words.append(word)
        if words:
            name = head + " " + body[words[0].start() : words[-1].end()]
            units.append(_Candidate(ORG, name, office, words[-1].end(), "cue"))
    if not units:
        return candidates
    taken = {(cand.start, cand.canonical_name) for cand in candidates}
    units = [cand for cand in units if (cand.start, cand.canonical_name) not in taken]
    return sorted(candidates + units, key=lambda cand: cand.start)


def tag_tokens(tokens: list[str]) -> list[str]:
    """CoNLL BIO tags for one pre-tokenised sentence (``warta tag``).

    The learned span tagger (``span_tagger.tag_spans``) decides; without its model file the
    pipeline's rules tag the sentence instead.
    """
    from warta.extract import span_tagger  # imported here: it builds on this module's rules

    if not span_tagger.tagger_model()[1]:
        return _rule_tags(tokens)
    tags = ["O"] * len(tokens)
    for start, end, label in span_tagger.tag_spans(tokens):
        tags[start] = "B-" + label
        for index in range(start + 1, end):
            tags[index] = "I-" + label
    return tags


def _rule_tags(tokens: list[str]) -> list[str]:
    """CoNLL BIO tags from the pipeline's rules and guess classifier (``find_entities``'s path)."""
    offsets = []
    position = 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    text = _mask_listed_commas(" ".join(tokens))
    tags = ["O"] * len(tokens)
    token_starts = [start for start, _ in offsets]
    for cand in _candidates(text):
        first = bisect_right(token_starts, cand.start) - 1
        label = _CONLL_TAG[cand.entity_type]
        index = first
        while index < len(tokens) and offsets[index][1] <= cand.end:
            if offsets[index][0] >= cand.start:
                tags[index] = ("B-" if index == first else "I-") + label
            index += 1
    return tags


def _candidates(scan: str) -> list[_Candidate]:
    """Recognised, typed and resolved candidates of a masked text, with news outlets credited
    as sources ("Liputan6.com", "dilansir Kontan") and "AP" kept only as a news credit."""
    candidates = _with_numbered_company_names(scan, _recognise(scan))
    candidates = _without_common_word_openers(scan, candidates)
    candidates = _credit_only_aliases_checked(scan, _with_outlet_names(scan, candidates))
    candidates = _with_photo_credits(scan, _without_common_nouns(candidates))
    candidates = _without_holder_after_body(scan, _without_holder_after_region(scan, candidates))
    candidates = _with_regional_offices(scan, _with_offices_across_short_forms(scan, candidates))
    candidates = _with_names_across_short_forms(scan, candidates)
    candidates = _with_english_names_across_links(scan, candidates)
    candidates = _with_namesakes_after_bodies(scan, candidates)
    candidates = _with_numbered_schools(scan, candidates)
    candidates = _roles_of_english_bodies(scan, _roles_after_names(scan, candidates))
    _offices_taken_up(scan, candidates)
    candidates = _malay_royal_patronymics(scan, candidates)
    candidates = _people_with_ages(scan, candidates)
    candidates = _classify(scan, _initials_unscored(candidates))
    candidates = _people_in_name_lists(scan, candidates)
    candidates = _without_false_people(scan, _with_names_ending_in_a_place(scan, candidates))
    candidates = _without_common_word_people(scan, candidates)
    candidates = _without_named_things(scan, candidates)
    candidates = _offices_across_breaks(scan, _short_forms_read_as_holders(scan, candidates))
    candidates = _portfolios_read_into_holders(scan, candidates)
    candidates = _offices_cut_at_named_bodies(scan, _offices_through_short_forms(scan, candidates))
    for cand in candidates:
        if cand.role is not None and cand.role.casefold() not in ROLES:
            cand.role = _listed_spelling(_office_without_its_body(_office_only(cand.role)))
            _body_name_out_of_office(cand, cand.role)
        if cand.role is not None and _names_the_client(scan, cand, cand.role):
            cand.role = cand.affiliation = None
        if cand.affiliation is not None and cand.role is not None:
            _portfolio_read_as_body(cand, cand.role, cand.affiliation)
    candidates = _without_glued_leads(scan, _credited_outlets(scan, candidates))
    candidates = _resolve_in_document(scan, candidates)
    candidates = _without_non_organisation_acronyms(scan, candidates)
    candidates = _without_term_fragments(scan, candidates)
    candidates = _without_lettered_groups(scan, _without_neighbourhood_numbers(scan, candidates))
    candidates = _without_kinds_of_body(scan, candidates)
    return _with_account_handles(scan, candidates)


HANDLE_RE = re.compile(r"@(?P<handle>[A-Za-z0-9_.]{3,30})")
HANDLE_SUFFIXES = ("official", "_official", ".official", "real")


def _with_account_handles(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "akun Instagram @ridwankamil": a handle spelling a person's name the article gives is a
    mention of that person, not a name of its own."""
    if "@" not in body:
        return candidates
    owners = {
        "".join(ch for ch in cand.canonical_name.casefold() if ch.isalnum()): cand.canonical_name
        for cand in candidates
        if cand.entity_type is PERSON and " " in cand.canonical_name
    }
    found = []
    for match in HANDLE_RE.finditer(body):
        written = match["handle"].rstrip("._")  # "@ridwankamil." ends a sentence
        handle = written.casefold()
        for suffix in HANDLE_SUFFIXES:
            if handle.endswith(suffix) and len(handle) > len(suffix):
                handle = handle[: -len(suffix)]
        handle = handle.rstrip("0123456789._")  # "@dedimulyadi71"
        owner = owners.get("".join(ch for ch in handle if ch.isalnum()))
        if owner is not None:
            start = match.start()
            end = start + 1 + len(written)
            found.append(_Candidate(PERSON, owner, start, end, "title"))
    if not found:
        return candidates
    return sorted(candidates + found, key=lambda cand: cand.start)


# Capitalised common nouns and short forms that read as one-word names at a sentence start or
# before a name: "Anak", "Wali" (murid), "Penuntut" (umum), "Tipikor", "Wisman" (tourists).
COMMON_NOUNS_NOT_NAMES = frozenset(
    {"Anak", "Penuntut", "Wali", "Besar", "Tipikor", "Wisman", "Wisnus", "Balita", "Bayi",
     "Lansia", "Pemudik", "Penumpang", "Pengunjung", "Pedagang", "Petani", "Nelayan", "Siswa",
     "Bobotoh", "Jakmania", "Bonek", "Aremania", "Slemania", "Pasoepati", "Brajamusti",
     "Mahasiswa", "Jemaah", "Relawan", "Netizen", "Warganet", "Pelajar", "Pemain", "Suporter",
     "Istri", "Suami", "Keluarga", "Rumah", "Tanah", "Tenaga", "Fraksi", "Koordinasi", "Strategi",
     "Fakta", "Faktanya", "Begini", "Begitu", "Terpisah", "Terlebih", "Iya", "Ya", "Eits", "Kena",
     "Nomor", "Total", "Ikan", "Tekstil", "Sarjana", "Independen", "Polantas", "Ponpes",
     "Dimulai", "Dijamin", "Digelar", "Periode", "Tahap", "Kecil", "Mikro", "Menengah"}
)  # fmt: skip


# Currencies named with their country ("Franc Swiss", "Lira Turki", "Won Korea Selatan").
CURRENCY_NAMES = frozenset(
    {"Franc", "Frank", "Lira", "Yen", "Won", "Peso", "Rupee", "Rupe", "Ringgit", "Baht", "Yuan",
     "Dong", "Rubel", "Dirham", "Riyal", "Real", "Krona", "Krone", "Rand", "Dinar", "Kyat",
     "Renminbi", "Poundsterling"}
)  # fmt: skip
BRACKETED_SHORT_FORM_RE = re.compile(r"\([^()]{2,80}/$")  # "(Capital Adequacy Ratio/CAR)"


def _without_common_nouns(candidates: list[_Candidate]) -> list[_Candidate]:
    """One-word people that are common nouns ("Anak usia sekolah", "Jaksa Penuntut")."""
    return [
        cand for cand in candidates
        if cand.entity_type is not PERSON
        or cand.canonical_name not in COMMON_NOUNS_NOT_NAMES
    ]  # fmt: skip


# Short forms of government offices named with their town ("Dishub Jakarta", "Pemkot Solo").
GOVERNMENT_SHORT_FORM_RE = re.compile(r"(?:Dis|Din|Pem|Pol|Kem|Bad|Bap|Kan|Kej|Pen)[a-z]")
GIVEN_NAME_BEFORE_RE = re.compile(r"(?<![\w.-])([A-Z][a-z]{2,})[ ]$")
OFFICE_WORD_BEFORE_RE = re.compile(r"([A-Z][a-z]+)(?:[ ]+[A-Z][a-z]+)?[ ]+$")


def _with_names_ending_in_a_place(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Pengacara Hotman Paris hadir", "Hotman Paris mengatakan": a given name and a listed
    place in one run is a person whose surname is the place, when an office comes before it
    or a speech verb after it."""
    out: list[_Candidate] = []
    for cand in candidates:
        if (
            cand.entity_type is LOC
            and body[cand.start - 2 : cand.start - 1].islower()  # a word right before: cheap
            and cand.source == "known"
            and " " not in cand.canonical_name
        ):
            person = _person_ending_in_place(body, cand, out)
            if person is not None:
                last = out[-1] if out else None
                if last and last.entity_type is PERSON and last.start == person.start:
                    out.pop()  # "Hotman" alone
                out.append(person)
                continue
        out.append(cand)
    return out


def _person_ending_in_place(
    body: str, place: _Candidate, before: list[_Candidate]
) -> _Candidate | None:
    entry = KNOWN.get(place.canonical_name)
    if entry is None or entry.kind != "city":
        return None  # before the regex: most places are no town
    given = GIVEN_NAME_BEFORE_RE.search(body, max(0, place.start - 24), place.start)
    if given is None or body[place.end : place.end + 1].isalnum():
        return None
    word = given[1]
    if GOVERNMENT_SHORT_FORM_RE.match(word):
        return None
    if (
        word in KNOWN or word.casefold() in ROLE_FIRST or word in TITLES
        or word.casefold() in STOPWORDS or _is_portfolio_word(word) or word in RANK_FIRST
        or word in COMMON_NOUNS_NOT_NAMES or _written_in_lower_case(body, word.casefold())
    ):  # fmt: skip
        return None
    start = given.start(1)
    if before and before[-1].end > start and before[-1].entity_type is not PERSON:
        return None
    office = _office_word_before(body, start)
    if office is None and (
        SPEECH_VERB_AFTER_RE.match(body, place.end) is None
        or OFFICE_WORD_BEFORE_RE.search(body, max(0, start - 30), start) is not None
    ):
        return None  # "Dirut Valbury Asia mengatakan": a body named with its town
    return _Candidate(PERSON, body[start : place.end], start, place.end, "verb", office)


# Professions that head no unit or area, so the words after them are the person's name
# ("Pengacara Hotman Paris"), where after "Kapolres" or "Sultan" a town names the unit.
UNITLESS_PROFESSIONS = frozenset(
    {"pengacara", "kuasa hukum", "advokat", "penyanyi", "artis", "aktor", "aktris", "presenter",
     "komedian", "pelawak", "pengusaha", "musisi", "desainer", "selebritas", "model"}
)  # fmt: skip


def _office_word_before(body: str, start: int) -> str | None:
    found = OFFICE_WORD_BEFORE_RE.search(body, max(0, start - 30), start)
    if found is None:
        return None
    phrase = body[found.start() : start].strip()
    for size in (2, 1):
        words = phrase.split()[-size:]
        if len(words) == size and " ".join(words).casefold() in UNITLESS_PROFESSIONS:
            return " ".join(words)
    return None


def _without_false_people(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Typed people that are no person: a currency before its country ("Franc Swiss"), the
    short form of a term defined after a slash in brackets ("(Non Performing Loan/NPL)"), or an
    honorific or rank alone ("Jenderal Pol (Purn.) Tito Karnavian" gives no person "Pol"; its
    office goes on to the name that follows)."""
    kept: list[_Candidate] = []
    for index, cand in enumerate(candidates):
        if (
            cand.entity_type is PERSON
            and (" " not in cand.canonical_name or _opens_with_honorific(cand.canonical_name))
            and _is_no_person(body, cand)
        ):
            _pass_office_on(cand, candidates[index + 1 : index + 2])
            continue
        kept.append(cand)
    return kept


# How sure a word must be common (percent of its mid-sentence uses in lower case) for each rule.
ALL_COMMON_SHARE = 50  # every word of the "name" is common: "Manajemen Risiko", "Tarif"
FIRST_COMMON_SHARE = 80  # a common noun glued before a name at a sentence start: "Nama Nicke"
HEADING_COMMON_SHARE = 50  # a headline word in a name: "Intip Gaya Prabowo"
# Words that end (or open) the names of shops, malls, halls and roads, never of a person:
# "Cibubur Junction", "Orchard Road", "Heritage Center", "App Store", "Mall Puri".
FACILITY_TAILS = frozenset(
    {"Mall", "Junction", "Road", "Street", "Center", "Centre", "Hall", "Plaza", "Square",
     "Tower", "Store", "Market", "Village", "Resort", "Hotel", "Residence", "Hub", "Station",
     "Airport", "Stadium", "Arena", "Avenue", "Boulevard", "Apartment", "Building"}
)  # fmt: skip
FACILITY_OPENERS = frozenset({"Mall", "Citywalk", "Plaza", "Hotel", "Apartemen", "Ruang"})
# A word capitalised inside, as brands and bodies write themselves ("ChatGPT", "GitHub",
# "SPbPU", "IndoStrategi"); surnames do it only after a short particle ("McGregor", "DiCaprio").
_SURNAME_PARTICLE = r"(?:Mc|Mac|De|Le|Di|La|Du|Da|Van|Von|O)"
INNER_CAPITAL_RE = re.compile(rf"(?!{_SURNAME_PARTICLE}[A-Z])[A-Z]\w*[a-z]\w*[A-Z]")
PERSON_EVIDENCE_RE = re.compile(r"[ ]?\(\d{1,3}\)")  # "Bintang (20)": an age says person
NAMED_BEFORE_RE = re.compile(r"(?:bernama|Pak|Bu|Ibu|Bapak|Mas|Mbak|Kak)[ ]$")
HEADING_MAX_CHARS = 160
TITLE_CUE_RE = re.compile(r"\b(?:berjudul|judul)[ ]")  # "dengan judul PM Thailand Didesak Lengser"


def _common_share(word: str) -> int:
    """How often, in percent, the crawls write ``word`` in lower case mid-sentence."""
    return COMMON_WORDS.get(word.casefold(), 0)


def _is_common(word: str, share: int) -> bool:
    return _common_share(word) >= share


def _without_common_word_people(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """People that are capitalised common words, which outlets the rules were not written on
    produce in numbers: the fields of an office ("Direktur Transformasi Korporasi"), headline and
    subhead words ("Boyong Langsung Barbershop"), and a noun that opens a sentence glued to the
    name after it ("Nama Nicke kembali mencuat", "Kata Aditya, ..."). A name the
    article vouches for (listed, aged, "bernama X", "Pak X") is kept."""
    kept: list[_Candidate] = []
    dropped_end = -1
    for cand in candidates:
        if cand.entity_type is not PERSON or cand.canonical_name in KNOWN_PERSONS:
            kept.append(cand)
            continue
        if (
            dropped_end >= 0
            and body[dropped_end : cand.start] == " ("
            and body[cand.end : cand.end + 1] == ")"
        ):
            continue  # the short form of a dropped one: "Hunian Tetap (Huntap)"
        dropped_end = cand.end
        words = [w for w in body[cand.start : cand.end].split() if w not in ENGLISH_CONTINUATIONS]
        vouched = (
            PERSON_EVIDENCE_RE.match(body, cand.end) is not None
            or NAMED_BEFORE_RE.search(body, max(0, cand.start - 8), cand.start) is not None
        )
        if vouched or not words:
            dropped_end = -1
            kept.append(cand)
            continue
        shares = [_common_share(word) for word in words]
        if min(shares) >= ALL_COMMON_SHARE:
            continue
        if words[-1] in FACILITY_TAILS or words[0] in FACILITY_OPENERS:
            continue
        if len(words) == 1 and _is_pair_of_names(body, words[0]):
            continue
        if not _without_leading_brand(body, cand, words):
            continue
        if words[0] in PORTFOLIO_MARKERS and not _without_field_opening(body, cand, words):
            continue
        if (
            shares[0] >= FIRST_COMMON_SHARE
            and _is_sentence_start(body, cand.start)
            and not _trim_common_opening(body, cand, words)
        ):  # only at a sentence start: mid-sentence a common word may be a name ("Luka Modric")
            continue
        if max(shares) >= HEADING_COMMON_SHARE and _in_heading(body, cand):
            continue
        dropped_end = -1
        kept.append(cand)
    return kept


# Lower-case words that name the kind of thing a capitalised name after them is: a product or
# feature ("fitur Running Coach", "platform Truth Social"), a work ("film", "karakter"), a place
# or building ("warga Kangean", "pemakaman Imogiri", "kawasan hunian Segara City"), a group or
# firm ("serikat pekerja seperti Teamsters", "jenama ..."), an illness ("mengidap ..."), a car
# ("pengemudi Pajero").
_THING_CUES = (
    "fitur", "aplikasi", "merek", "merk", "jenama", "produk", "ponsel", "gawai", "platform",
    "media sosial", "sistem operasi", "film", "serial", "karakter", "gim", "novel", "album",
    "bukunya", "buku", "varian", "seri", "tipe", "pabrikan", "layanan", "bahan bakar", "indeks",
    "saluran", "situs", "warga", "desa", "pemakaman", "kawasan", "kawasan hunian", "kompleks",
    "gedung", "proyek", "program", "ajang", "kompetisi", "komunitas", "serikat pekerja",
    "pusat kebugaran", "klub buku", "mengidap", "sindrom", "perusahaan", "startup", "saham",
    "perumahan", "apartemen", "tokoh fiksi", "memerankan", "pengemudi", "kendaraan", "kapal",
    "klub", "versi",
)  # fmt: skip
THING_CUE_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:{'|'.join(_THING_CUES)})(?:[ ]+(?:seperti|yakni|terbaru|baru))?[ ]+$"
)
THING_CUE_CHARS = 40
# The words THING_CUE_BEFORE_RE ends with before the name: a name after none of them (most) is
# ruled out by one ``endswith`` instead of trying every cue at every character of the window.
THING_CUE_LAST_WORDS = tuple(
    {cue.rsplit(" ", 1)[-1] for cue in _THING_CUES} | {"seperti", "yakni", "terbaru", "baru"}
)
SPEECH_VERB_BEFORE_RE = re.compile(r"\b(?:kata|ujar|ucap|tutur|jelas|ungkap|imbuh|tambah)[ ]+$")
# A model number after the name, then a verb or link word: "Galaxy Z Fold 7 dibekali ...",
# "Z Flip 7 menawarkan", "Zenbook 14 yang" (not "21-15", "2025", "45 tahun", "3 gol").
MODEL_NUMBER_AFTER_RE = re.compile(
    r"[ ]\d{1,2}(?![\d.,/:-])(?:[ ](?:vs|yang|ini|di|dengan|kini|juga|lebih|hanya|bisa|punya"
    r"|(?:me|di|ber|ter)[a-z]{3,})\b)"
)


def _without_named_things(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Guessed people the article names as a thing: a name written right after a word for a
    product, work, place, building or group ("fitur Running Coach", "warga Kangean, mengatakan")
    or before a model number ("Z Fold 7 dibekali") is no person, and neither are its other
    guessed mentions, unless some mention vouches for a person (an office or title, an age,
    "Pak X", a speech verb away from a cue: "kata X")."""
    things: set[str] = set()
    vouched: set[str] = set()
    company_ends = {
        c.end for c in candidates
        if c.entity_type is ORG and c.canonical_name.split(" ", 1)[0] in LEGAL_PREFIXES
    }  # fmt: skip
    body_starts = {c.end: c.start for c in candidates if c.entity_type is ORG}
    for cand in candidates:
        if cand.entity_type is not PERSON:
            continue
        name = cand.canonical_name
        if (
            cand.source not in ("guess", "verb")
            or name in KNOWN_PERSONS
            or PERSON_EVIDENCE_RE.match(body, cand.end) is not None
            or NAMED_BEFORE_RE.search(body, max(0, cand.start - 8), cand.start) is not None
        ):
            vouched.add(name)
        elif _after_thing_cue(body, cand.start) or (
            _is_brand_of_company(body, cand, company_ends)
            or _is_short_form_of_body(body, cand, body_starts)
            or MODEL_NUMBER_AFTER_RE.match(body, cand.end) is not None
        ):
            things.add(name)  # "warga Kangean, mengatakan": the verb is the one before's
        elif (
            cand.source == "verb"
            or SPEECH_VERB_AFTER_RE.match(body, cand.end) is not None
            or SPEECH_VERB_BEFORE_RE.search(body, max(0, cand.start - 12), cand.start) is not None
        ):
            vouched.add(name)
    things -= vouched
    if not things:
        return candidates
    guessed = {c.canonical_name for c in candidates if c.entity_type is PERSON}
    padded = [f" {thing} " for thing in things]
    things |= {  # "Android Configuration" after "sistem operasi Android"; "Whoosh" alone
        name
        for name in guessed - vouched
        if any(name.startswith(thing + " ") for thing in things)
        or any(f" {name} " in thing for thing in padded)
    }
    return [
        cand
        for cand in candidates
        if not (cand.entity_type is PERSON and cand.canonical_name in things)
    ]


def _after_thing_cue(body: str, start: int) -> bool:
    """A word for a product, work, place or group right before ``start`` (``_THING_CUES``)."""
    window = max(0, start - THING_CUE_CHARS)
    return body[window:start].rstrip(" \n").endswith(THING_CUE_LAST_WORDS) and (
        THING_CUE_BEFORE_RE.search(body, window, start) is not None
    )


def _is_short_form_of_body(body: str, cand: _Candidate, body_starts: dict[int, int]) -> bool:
    """ "Direktorat Reserse Kriminal Umum (Reskrimum)", "Pengadilan Militer (Dilmil)": one word
    in brackets right after a body, spelt with letters of the body's name in their order."""
    start = body_starts.get(cand.start - 2)
    if start is None or body[cand.start - 2 : cand.start] != " (" or body[cand.end] != ")":
        return False
    letters = iter(body[start : cand.start - 2].casefold())
    short = cand.canonical_name.casefold()
    return " " not in short and all(letter in letters for letter in short)


def _is_brand_of_company(body: str, cand: _Candidate, company_ends: set[int]) -> bool:
    """ "PT Star Mercato Capitale (Tanamduit)": the name in brackets right after a company's
    is the brand it trades under."""
    return (
        body[cand.start - 2 : cand.start] == " ("
        and body[cand.end : cand.end + 1] == ")"
        and cand.start - 2 in company_ends
    )


PAIR_RE = re.compile(r"([A-Z][a-z]{3,})-([A-Z][a-z]{3,})")
KNOWN_PERSON_WORDS = frozenset(word for name in KNOWN_PERSONS for word in name.split())


def _is_pair_of_names(body: str, word: str) -> bool:
    """ "pemerintahan Prabowo-Gibran": two people (listed, or named apart in the article)
    joined as a ticket."""
    pair = PAIR_RE.fullmatch(word)
    return pair is not None and all(
        part in KNOWN_PERSON_WORDS or re.search(rf"(?<![\w-]){part}(?![\w-])", body)
        for part in pair.groups()
    )


def _cut_words(body: str, cand: _Candidate, count: int) -> None:
    """Drop the first ``count`` words of the candidate's span."""
    start = cand.start
    for _ in range(count):
        start = body.index(" ", start, cand.end) + 1
        while body[start] == " ":
            start += 1
    cand.start = start
    cand.canonical_name = body[start : cand.end]


def _without_field_opening(body: str, cand: _Candidate, words: list[str]) -> bool:
    """ "Staf Khusus Bidang Komunikasi Publik Troy Pantouw": the field of an office opens the
    run and the name follows it; no name after the field is no person (False)."""
    if all(_is_common(word, ALL_COMMON_SHARE) for word in words[1:]):
        return False
    skip = 1  # the last two words stay: a name may hold a word like "Troy" or "Indah"
    while skip < len(words) - 2 and _is_common(words[skip], ALL_COMMON_SHARE):
        skip += 1
    _cut_words(body, cand, min(skip, len(words) - 1))
    return True


def _without_leading_brand(body: str, cand: _Candidate, words: list[str]) -> bool:
    """ "CEO GitHub Nat Friedman", "Rektor SPbPU Andrei Rudskoi": a body written with inner
    capitals before the name is cut off; a brand alone ("ChatGPT", "YouGov") is no person
    (False)."""
    last = max(
        (i for i, word in enumerate(words)
         if not word[1:].islower() and INNER_CAPITAL_RE.match(word)),  # "Nat": no capital inside
        default=-1,
    )  # fmt: skip
    if last < 0:
        return True
    if last == len(words) - 1:
        return False
    _cut_words(body, cand, last + 1)
    return True


def _trim_common_opening(body: str, cand: _Candidate, words: list[str]) -> bool:
    """ "Nama Nicke", "Kata Aditya": the sentence opens with a common noun, the name follows,
    when the article writes that name elsewhere and the whole run nowhere else ("Hari
    Purwanto" stays). False when no name follows ("Uji Kompetensi Bidang": a field)."""
    skip = 0
    while skip < len(words) - 1 and _is_common(words[skip], FIRST_COMMON_SHARE):
        skip += 1
    rest = words[skip]
    if skip == 0 or _is_portfolio_word(rest) or rest in PORTFOLIO_MARKERS or _is_acronym(rest):
        return skip == 0  # "Proyek COLDEX": a programme's short form, not a name
    if body.count(rest) < 2 or body.count(body[cand.start : cand.end]) > 1:
        return True  # "Hari Purwanto" written again whole, or "Purwanto" nowhere else: a name
    _cut_words(body, cand, skip)
    return True


def _in_heading(body: str, cand: _Candidate) -> bool:
    """A headline or subhead line (short, no closing stop, most words capitalised) or the rest of
    a line after "dengan judul"; the name is not written anywhere else in the article."""
    line_start = body.rfind("\n", 0, cand.start) + 1
    line_end = body.find("\n", cand.end)
    line_end = len(body) if line_end < 0 else line_end
    line = body[line_start:line_end].rstrip()
    titled = TITLE_CUE_RE.search(body, line_start, cand.start) is not None
    if not titled:
        if not line or len(line) > HEADING_MAX_CHARS or line[-1] in '.!?"”:,;)' or line[0] == "(":
            return False  # a sentence, or a bracketed credit line "(Sumber: ... | Editor: X Y)"
        words = line.split()
        capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
        if capitalised * 10 < len(words) * 7:
            return False
    name = body[cand.start : cand.end]
    return body.find(name, 0, line_start) < 0 and body.find(name, line_end) < 0


# The next item of a list of fields: "Badan Kesatuan Bangsa dan Politik", "Bidang Regulasi,
# Penegakan Hukum, dan ...", "Usaha Mikro, Kecil, dan Menengah".
NEXT_ITEM_RE = re.compile(r",?[ ]+dan[ ]+([A-Z][\w-]*)|,[ ]+([A-Z][\w-]*)")
LIST_ITEM_BEFORE_RE = re.compile(r"[A-Z][\w-]*,[ ]+$")


def _is_portfolio_item(body: str, cand: _Candidate) -> bool:
    """A one-word "person" after an office (or inside a list) that a field word follows in
    the same list is one of the office's fields, not its holder."""
    if " " in cand.canonical_name:
        return False
    following = NEXT_ITEM_RE.match(body, cand.end)
    if following is None or not _is_portfolio_word(following[1] or following[2]):
        return False
    in_list = LIST_ITEM_BEFORE_RE.search(body, max(0, cand.start - 40), cand.start) is not None
    return cand.role is not None or in_list


def _is_no_person(body: str, cand: _Candidate) -> bool:
    name = cand.canonical_name
    if " " in name:  # most people: only an honorific chain can be no one
        return _is_honorific_alone(name)
    return (
        _is_honorific_alone(name)
        or _is_currency_of_country(body, cand)
        or _is_bracketed_short_form(body, cand)
        or _is_portfolio_item(body, cand)
    )


HONORIFIC_GAP_CHARS = 12  # " (Purn.) ": what may sit between a rank alone and the name


def _pass_office_on(dropped: _Candidate, following: list[_Candidate]) -> None:
    if dropped.role is None or not following:
        return
    nxt = following[0]
    if (
        nxt.entity_type is PERSON
        and nxt.role is None
        and nxt.start - dropped.end <= HONORIFIC_GAP_CHARS
    ):
        nxt.role = dropped.role


def _is_currency_of_country(body: str, cand: _Candidate) -> bool:
    return cand.canonical_name in CURRENCY_NAMES and body[cand.end : cand.end + 2][1:].isupper()


def _is_bracketed_short_form(body: str, cand: _Candidate) -> bool:
    return (
        _is_acronym(cand.canonical_name)
        and body[cand.end : cand.end + 1] == ")"
        and BRACKETED_SHORT_FORM_RE.search(body, max(0, cand.start - 82), cand.start) is not None
    )


CALLED_BY_TITLE = frozenset({"Raden", "Gus", "Cak"})  # also what people are called, alone


def _opens_with_honorific(name: str) -> bool:
    first = name.split(" ", 1)[0]
    return first.rstrip(".") in TITLES or first in RANK_FIRST or first in RANK_BRANCHES


def _is_honorific_alone(name: str) -> bool:
    if not _opens_with_honorific(name):
        return False
    return name not in CALLED_BY_TITLE and all(
        word.rstrip(".") in TITLES or word in RANK_FIRST or word in RANK_BRANCHES
        for word in name.split()
    )


# A region after a body with regional offices: a province, regency or city, listed or headed.
REGION_KINDS = frozenset({"province", "regency", "city"})
REGION_HEADS = frozenset({"Provinsi", "Kabupaten", "Kab", "Kab.", "Kota"})
# Facilities a company runs, named after it ("PT Angkasa Pura I Bandara Internasional Lombok").
FACILITY_HEADS = frozenset(
    {"Bandara", "Bandar Udara", "Stasiun", "Pelabuhan", "Gedung", "Terminal", "Jalan", "Jl", "Jln"}
)
STREET_HEADS = frozenset({"Jalan", "Jl", "Jln"})
SUBUNIT_HEADS = frozenset({"Fakultas", "Divisi"})  # units named with their body: "... UGM"
COMPANY_HEADS = LEGAL_PREFIXES | {"Group", "Grup"}
AREA_WORDS = frozenset({"Kawasan", "Wilayah", "Daerah"})  # "Kawasan Jabodetabek" is Jabodetabek
# Heads of a body only with its country ("Kepresidenan Turki"); "Kepresidenan G20" is no body.
COUNTRY_BODY_HEADS = frozenset({"Kepresidenan", "Kantor Kepresidenan"})
# Head words of the levels of the administrative map below the province, each a place of its own
# in "Dusun Krajan Desa Waung Kecamatan Boyolangu".
ADMINISTRATIVE_HEADS = frozenset(
    {"Dusun", "Dukuh", "Padukuhan", "Desa", "Kelurahan", "Kecamatan", "Distrik", "Nagari",
     "Gampong", "Kabupaten", "Kab", "Provinsi"}
)  # fmt: skip
# Head words of government offices that each region has ("Dinas Lingkungan Hidup (DLH) Kota
# Bekasi"); hospitals and firms keep a region after their acronym apart ("RSUCM Aceh Utara").
REGIONAL_HEADS = frozenset(
    {"Dinas", "Badan", "Pengadilan", "Kejaksaan", "Inspektorat", "Kantor", "Balai", "Kepolisian"}
)
NOT_AN_OFFICE = ("Usaha",)  # "Badan Usaha Milik Daerah (BUMD) Sumut": a kind of firm


def _with_regional_offices(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "DPRD Kota Semarang", "Bawaslu Provinsi Jawa Barat", "Dinas Lingkungan Hidup (DLH) Kota
    Bekasi": a body with an office in each region, written right before a region (its acronym
    may sit between), is that region's office, one organisation at its full span; the region
    stays a place mention inside it. A bare mention of the body ("BPBD") in an article that
    names exactly one of its regional offices is that office."""
    joined: dict[int, tuple[int, str, _Candidate]] = {}  # body -> (region, body's name, office)
    for index, cand in enumerate(candidates):
        if cand.entity_type is not ORG or not _has_regional_offices(body, cand):
            continue
        after = index + 1
        key = cand.canonical_name
        if (
            after < len(candidates)
            and candidates[after].entity_type is ORG
            and body[cand.end : candidates[after].start] == " ("
            and body[candidates[after].end : candidates[after].end + 1] == ")"
        ):
            if candidates[after].source == "known":  # "Badan Pengawas Pemilu (Bawaslu)"
                key = candidates[after].canonical_name
            after += 1  # "Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Boyolali"
            gap = body[candidates[after - 1].end + 1 : candidates[after].start] if after < len(
                candidates) else ""
        else:
            gap = body[cand.end : candidates[after].start] if after < len(candidates) else ""
        if gap != " " or not _is_region(body, candidates[after]):
            continue
        region = candidates[after]
        name = BRACKETED_RE.sub("", body[cand.start : region.end])
        office = replace(cand, canonical_name=name, end=region.end, source="cue")
        joined[index] = (after, key, office)
    if not joined:
        return candidates
    out = list(candidates)
    offices: dict[str, set[str]] = {}  # body's listed name -> names of its offices here
    renamed: dict[str, str] = {}
    for index, (after, key, office) in joined.items():
        old = candidates[index].canonical_name
        out[index] = office
        for inner in range(index + 1, after):  # the bracketed acronym names the office too
            out[inner] = replace(out[inner], canonical_name=office.canonical_name)
        for follower in out[after + 1 : after + 3]:
            if follower.affiliation == old:
                follower.affiliation = office.canonical_name
        offices.setdefault(key, set()).add(office.canonical_name)
    for key, names in offices.items():
        for name in names:  # "BPBD Boyolali" and "BPBD Kabupaten Boyolali" are one office
            same = [other for other in names if _same_region(name, other)]
            longest = max(same, key=len)
            if all(_same_region(other, longest) for other in same):  # not "DPRD Serang"
                renamed[name] = longest
        targets = {renamed.get(name) for name in names}
        target = targets.pop() if len(targets) == 1 else None
        if target is not None:
            renamed[key] = target
    return [
        replace(cand, canonical_name=renamed[cand.canonical_name])
        if cand.entity_type is ORG and cand.canonical_name in renamed
        else cand
        for cand in out
    ]


# "Ketua DPRD Kota Malang Amithya Ratnanggani": a region written with its head word ends at its
# listed name; two or more plain capitalised words after it are the office holder's name.
HOLDER_WORD_RE = re.compile(r"[A-Z][a-z'’]+")


def _plain_holder_words(body: str, words: list[str]) -> bool:
    """Words that can only be a holder's name: capitalised, none a listed first name, a cue, an
    office or a word the article otherwise writes in lower case."""
    return all(
        HOLDER_WORD_RE.fullmatch(word) and word not in KNOWN_FIRST and word not in CUES
        and word.casefold() not in ROLE_FIRST and not _is_common_word(body, word)
        for word in words
    )  # fmt: skip


def _without_holder_after_region(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Ketua DPRD Kota Malang Amithya Ratnanggani Sirraduhita, menyatakan ...": a place named
    with its head word ("Kota Malang") runs on into the holder's name when the office comes
    first. The place ends at the longest listed region after its head; the plain words after
    it (two at least, none listed, a cue or an office) are a name the classifier then types."""
    out = []
    for cand in candidates:
        if cand.entity_type is not LOC or cand.source != "cue":
            out.append(cand)
            continue
        words = cand.canonical_name.split(" ")
        if words[0] not in REGION_HEADS or len(words) < 4:
            out.append(cand)
            continue
        cut = 0
        for size in range(len(words) - 3, 0, -1):  # the region's name, then 2+ words
            entry = KNOWN.get(" ".join(words[1 : 1 + size]))
            if entry is not None and entry.kind in REGION_KINDS:
                cut = 1 + size
                break
        rest = words[cut:]
        if not cut or not _plain_holder_words(body, rest):
            out.append(cand)
            continue
        region_end = cand.start + len(" ".join(words[:cut]))
        name_start = region_end + 1
        out.append(replace(cand, canonical_name=" ".join(words[:cut]), end=region_end))
        out.append(_Candidate(PERSON, " ".join(rest), name_start, cand.end, "guess"))
    return out


# Separators of a list of names: a line-up ("Kadek Arel; Tim Receveur; Brandon Wilson").
LIST_GAPS = frozenset({", ", "; "})
NAME_WORD_RE = re.compile(r"[A-Z][a-z'’-]+")


def _people_in_name_lists(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Rizky Dwi Febriyanto, Joao Vittor Ferrari, Kadek Arel": a guessed name of plain words
    between two people in a list (a line-up, a list of speakers) is a person too, whatever
    type the classifier gave it alone."""
    for index in range(1, len(candidates) - 1):
        cand = candidates[index]
        if cand.source != "guess" or cand.entity_type is PERSON:
            continue
        before, after = candidates[index - 1], candidates[index + 1]
        if (
            before.entity_type is PERSON
            and after.entity_type is PERSON
            and body[before.end : cand.start] in LIST_GAPS
            and body[cand.end : after.start] in LIST_GAPS
            and all(NAME_WORD_RE.fullmatch(word) for word in cand.canonical_name.split(" "))
        ):
            cand.entity_type = PERSON
    return candidates


# "Focus Group Discussion (FGD)", "Life Limited Parts (LLP)": a term whose inner word is an
# English ending of bodies' names, then its acronym.
RUN_ON_RE = re.compile(r"(?:[ ][A-Z][\w-]*)+")
TERM_ACRONYM_AFTER_RE = re.compile(r"(?:[ ]\(|/|[ ]atau[ ])([0-9A-Z]{2,8})\b")


def _without_term_fragments(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "acara Focus Group Discussion (FGD)", "komponen Life Limited Parts (LLP)": a name that
    ends in an English body ending ("Group", "Limited") while the capitalised run goes on to an
    acronym of the whole phrase is a fragment of that term, no organisation."""
    out = []
    for cand in candidates:
        if (
            cand.entity_type is ORG
            and cand.source != "known"
            and cand.canonical_name.rsplit(" ", 1)[-1] in ORG_TAILS
            and body[cand.end : cand.end + 1] == " "
        ):
            run_on = RUN_ON_RE.match(body, cand.end)
            acronym = run_on and TERM_ACRONYM_AFTER_RE.match(body, run_on.end())
            if run_on and acronym:
                words = (body[cand.start : cand.end] + run_on.group()).split()
                letters = "".join(ch for ch in acronym.group(1) if ch.isalpha())
                tail = len(cand.canonical_name.split()) - 1
                if any(
                    "".join(word[0] for word in words[first:] if word[0].isalpha()) == letters
                    for first in range(tail + 1)
                ):
                    continue
        out.append(cand)
    return out


MIN_HOLDER_WORDS, MAX_HOLDER_WORDS = 2, 4
SHORT_FORM_AFTER_RE = re.compile(r" \([A-Z]")


def _without_holder_after_body(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Mahasiswa Universitas Cendrawasih Papua Paul Robert Rumngewur mengaku", "Bek kiri
    Timnas Indonesia Dean James": a cue-headed body's name that closes with a listed place or
    body runs on into the name of the person described by it. The plain words after the last
    listed name (two to four, none listed, a cue or an office) leave the body when the span
    classifier reads them as a person's name."""
    out = []
    for cand in candidates:
        if cand.entity_type is not ORG or cand.source != "cue":
            out.append(cand)
            continue
        words = body[cand.start : cand.end].split(" ")
        if (
            len(words) < 2 + MIN_HOLDER_WORDS
            or cand.canonical_name != " ".join(words)
            or SHORT_FORM_AFTER_RE.match(body, cand.end) is not None
        ):  # "AFC Champions League Two (ACL 2)": a short form names the whole run
            out.append(cand)
            continue
        cut = 0
        lowest = max(0, len(words) - MAX_HOLDER_WORDS - 1)
        for end in range(len(words) - MIN_HOLDER_WORDS, lowest, -1):
            if any(" ".join(words[first:end]) in KNOWN for first in range(1, end)):
                cut = end
                break
        rest = words[cut:]
        if not cut or not _plain_holder_words(body, rest):
            out.append(cand)
            continue
        body_end = cand.start + len(" ".join(words[:cut]))
        person = _Candidate(PERSON, " ".join(rest), body_end + 1, cand.end, "guess")
        if SPAN_WEIGHTS and _label_of(body, person) != "PER":
            out.append(cand)
            continue
        out.append(replace(cand, canonical_name=" ".join(words[:cut]), end=body_end))
        out.append(person)
    return out


# A short form in brackets between an office's head and its region: "Kejaksaan Tinggi (Kejati)
# DKI Jakarta", "Pemerintah Kota (Pemkot) Surabaya". The head alone may be no candidate at all
# ("Pemerintah Kota" names no body until its region follows).
SHORT_FORM_BETWEEN_RE = re.compile(r" \(([A-Z][A-Za-z-]{1,14})\) (?=[A-Z])")
LOCAL_GOVERNMENT_BEFORE_RE = re.compile(r"Pemerintah (?:Kota|Kabupaten|Provinsi)$")
# An office's words before its short form when an office title took them ("Kepala Dinas Sosial
# (Dinsos) Kota Mataram"): a regional head word and the capitalised words after it.
OFFICE_BEFORE_SHORT_FORM_RE = re.compile(
    r"\b(?:Dinas|Badan|Kantor|Inspektorat|Balai)(?:[ ](?:dan[ ])?[A-Z][\w-]*)+$"
)


def _with_offices_across_short_forms(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Kejaksaan Tinggi (Kejati) DKI Jakarta", "Dinas Pendidikan (Dispendik) Kota Surabaya",
    "Pemerintah Kabupaten (Pemkab) Bogor": one office at its full span, named without the
    bracket; the short form inside is the office too, and the region stays a place. Syndicated
    regional news writes offices this way whatever the short form (one the lists may not know,
    or one that reads as a person's name)."""
    matches = list(SHORT_FORM_BETWEEN_RE.finditer(body)) if ") " in body else []
    if not matches:
        return candidates
    by_start = {cand.start: index for index, cand in enumerate(candidates)}
    org_by_end = {
        cand.end: index for index, cand in enumerate(candidates)
        if cand.entity_type is ORG
    }  # fmt: skip
    out = list(candidates)
    added = []
    for match in matches:
        region_index = by_start.get(match.end())
        if region_index is None or not _is_region(body, candidates[region_index]):
            continue
        inner_index = by_start.get(match.start(1))
        if inner_index is not None and candidates[inner_index].source == "known":
            continue  # "Badan Penanggulangan Bencana Daerah (BPBD) ...": _with_regional_offices
        head_index = org_by_end.get(match.start())
        if head_index is not None:
            head = candidates[head_index]
            if not _has_regional_offices(body, head):
                continue
            start = head.start
        else:
            government = LOCAL_GOVERNMENT_BEFORE_RE.search(
                body, max(0, match.start() - 30), match.start()
            ) or OFFICE_BEFORE_SHORT_FORM_RE.search(body, max(0, match.start() - 80), match.start())
            if government is None:
                continue
            start = government.start()
        region = candidates[region_index]
        name = body[start : match.start()] + " " + body[region.start : region.end]
        office = _Candidate(ORG, name, start, region.end, "cue")
        if head_index is None:
            added.append(office)
        else:
            out[head_index] = replace(out[head_index], canonical_name=name, end=region.end)
        for inner in range(match.start(1), match.end(1)):  # the short form names the office
            index = by_start.get(inner)
            if index is not None:
                out[index] = replace(
                    out[index], entity_type=ORG, canonical_name=name, source="cue"
                )
    if added:
        out = sorted(out + added, key=lambda cand: cand.start)
    return out


# One name word after a body's bracketed short form, ending the name: "Satuan Tugas (Satgas) MBG",
# "Badan Penyelenggara (BP) Haji", "Pengadilan Negeri (PN) Cibadak".
WORD_AFTER_SHORT_FORM_RE = re.compile(r"\) ([A-Z][\w-]*)(?![ ]+[A-Z0-9(]|[\w-])")


def _with_names_across_short_forms(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan", "Satuan Tugas (Satgas) MBG": a
    body written with its short form in brackets goes on with one more name word after it; the
    name is the body with that word, and the short form with the word ("BPJS Kesehatan",
    "Satgas MBG") names it too. Two or more words after the bracket are more often the holder
    of an office ("Badan Pusat Statistik (BPS) Margo Yuwono"), and a person found there by a
    role or a verb is one. A place there is the body's country ("(Kementan) RI"), except after
    courts and prosecutors, named after their town ("Pengadilan Negeri (PN) Cibadak"), and a
    listed body there is its parent ("(DJPPR) Kemenkeu")."""
    if ") " not in body:
        return candidates
    by_start = {cand.start: index for index, cand in enumerate(candidates)}
    out = list(candidates)
    dropped: set[int] = set()
    renamed: dict[str, str] = {}
    for index, cand in enumerate(candidates):
        if cand.entity_type is not ORG or body[cand.end : cand.end + 2] != " (":
            continue
        close = body.find(")", cand.end + 2, cand.end + 20)
        short = body[cand.end + 2 : close] if close > 0 else ""
        match = WORD_AFTER_SHORT_FORM_RE.match(body, close) if short else None
        if match is None or not _may_abbreviate(short, cand) or " " in short:
            continue
        if short in LEGAL_PREFIXES or match.group(1) in LEGAL_SUFFIXES:
            continue  # "PT Bank Mandiri (Persero) Tbk": a company's legal form
        word_index = by_start.get(match.start(1))
        if word_index is not None:
            word = candidates[word_index]
            if word.end != match.end(1) or _is_region(body, word) or (
                word.entity_type is PERSON and word.source != "guess"
            ):
                continue
            if word.entity_type is LOC and not cand.canonical_name.startswith(
                TOWN_NAMED_HEADS
            ):
                continue  # "Kementerian Pertanian (Kementan) RI", "... (CPIB) Singapura"
            if word.entity_type is ORG and word.source == "known":
                continue  # "Direktorat Jenderal ... (DJPPR) Kemenkeu": the parent body
        listed = KNOWN.get(short + " " + match.group(1))
        if listed is not None and listed.entity_type == "ORG":
            name = listed.canonical_name
        else:
            name = BRACKETED_RE.sub("", body[cand.start : match.end(1)])
        out[index] = replace(cand, canonical_name=name, end=match.end(1), source="cue")
        inner = by_start.get(cand.end + 2)
        if inner is not None and candidates[inner].end == close:
            out[inner] = replace(candidates[inner], entity_type=ORG, canonical_name=name)
        if word_index is not None and candidates[word_index].entity_type is not LOC:
            dropped.add(word_index)
        renamed[short + " " + match.group(1)] = name
    if not renamed:
        return candidates
    kept = [cand for index, cand in enumerate(out) if index not in dropped]
    for index, cand in enumerate(kept):
        full_name = renamed.get(body[cand.start : cand.end])
        if full_name is not None:
            kept[index] = replace(cand, entity_type=ORG, canonical_name=full_name)
    return kept


def _with_english_names_across_links(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Juru bicara University of Lincoln mengatakan": an English name never ends at "of";
    the name read as a person right after the link ("Lincoln", taken by the speech verb) ends
    the body's name."""
    if not any(
        cand.canonical_name.endswith(ENGLISH_LINK_ENDINGS) and cand.entity_type is ORG
        for cand in candidates
    ):
        return candidates  # no body's name ends in a link word (most articles)
    out: list[_Candidate] = []
    skip = -1
    for index, cand in enumerate(candidates):
        if index == skip:
            continue
        last = cand.canonical_name.rsplit(" ", 1)[-1]
        after = candidates[index + 1] if index + 1 < len(candidates) else None
        if (
            cand.entity_type is ORG
            and last in ENGLISH_NAME_LINKS
            and after is not None
            and after.start == cand.end + 1
            and after.entity_type is not ORG
        ):
            name = body[cand.start : after.end]
            cand = replace(cand, canonical_name=name, end=after.end)
            skip = index + 1
        out.append(cand)
    return out


# Bodies named after a sultan or a saint ("Universitas Islam Sultan Agung", "UIN Sunan Ampel"):
# the title and the name are the end of the body's name. Titles of living holders (KH, Prof)
# are left out: "Rektor Universitas Airlangga Prof. Nasih" names a person after the body.
NAMESAKE_TITLE_RE = re.compile(r" (?:\([^()]{2,20}\) )?((?:Sultan|Sunan|Syekh|Syeikh|Pangeran) )")
NAMESAKE_BODY_HEADS = frozenset(
    {"Universitas", "Institut", "Sekolah", "Politeknik", "Akademi", "Rumah", "RSUD", "RS",
     "Masjid", "Pondok", "Madrasah", "Stadion", "Bandara", "Museum", "Yayasan"}
)  # fmt: skip


def _with_namesakes_after_bodies(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Universitas Islam Sultan Agung": a sultan or saint named right after a school, a
    hospital or a mosque is its namesake, the end of its name, not a person of the story."""
    out: list[_Candidate] = []
    skip = -1
    for index, cand in enumerate(candidates):
        if index == skip:
            continue
        after = candidates[index + 1] if index + 1 < len(candidates) else None
        if (
            cand.entity_type is ORG
            and after is not None
            and after.entity_type is PERSON
            and cand.canonical_name.split(" ", 1)[0] in NAMESAKE_BODY_HEADS
        ):  # the regex only for a school, hospital or mosque with a person after it
            title = NAMESAKE_TITLE_RE.match(body, cand.end)  # "Sunan Ampel" or "Agung" after
            if title is not None and after.start in (title.start(1), title.end()):
                name = BRACKETED_RE.sub("", body[cand.start : after.end])
                cand = replace(cand, canonical_name=name, end=after.end)
                skip = index + 1
        out.append(cand)
    return out


# Listed one-word names that are also common words: "Antara lain ...", "Antara Februari dan
# Maret" (antara = between), "Tempo pertandingan" (pace).
LOWER_WORD_AFTER_RE = re.compile(r" ([a-z]+)")
BETWEEN_AND_RE = re.compile(r" [^.!?:;\n\"“”()]{1,60}? dan ")
REPORTING_VERB_RE = re.compile(r"(?:me|mem|men|meng|meny|ber)[a-z]{3,}")  # "Antara melaporkan"
# Listed names that are everyday words even where the article never writes them in lower case:
# outlets and bodies named "between", "pace", "cash", "business", "spirit", "independent".
COMMON_WORD_NAMES = frozenset({"Antara", "Tempo", "Kontan", "Bisnis", "Gelora", "Mandiri"})


def _without_common_word_openers(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """A listed one-word organisation that opens a sentence, that the article also writes in
    lower case, and that a lower-case word or an "X dan Y" pair follows, is the common word:
    "Antara lain Universitas ...", "Antara Kenangan dan Harapan" (a subheading), "Tempo
    pertandingan menurun". A credit keeps its verb ("Antara melaporkan") or its punctuation."""
    kept = []
    for cand in candidates:
        if cand.source == "known" and cand.entity_type is ORG:
            surface = body[cand.start : cand.end]
            if (
                surface[1:].islower()
                and surface.isalpha()
                and _is_sentence_start(body, cand.start)
                and (
                    surface in COMMON_WORD_NAMES or _written_in_lower_case(body, surface.casefold())
                )
            ):
                lower = LOWER_WORD_AFTER_RE.match(body, cand.end)
                if (
                    lower is not None and REPORTING_VERB_RE.fullmatch(lower.group(1)) is None
                ) or BETWEEN_AND_RE.match(body, cand.end) is not None:
                    continue
        kept.append(cand)
    return kept


# People named by their initials ("pria berinisial LSN", "tersangka berinisial MZ dan AJ",
# "pelaku berinisial SK, MR, dan WS"):
# the initials are no organisation.
INITIALS_INTRODUCED_RE = re.compile(
    r"\b(?:ber)?inisial[ ]+([A-Z]{1,5}(?:(?:,?[ ]+dan[ ]+|,[ ]+)[A-Z]{1,5})*)\b"
)
INITIALS_RE = re.compile(r"[A-Z]{1,5}")
# Heads of the names of teams and groups of people, which no cue lists: "Tim Pengendali Inflasi
# Daerah (TPID)" is a body.
GROUP_HEADS = frozenset({"Tim", "Gugus", "Panitia", "Forum", "Gerakan", "Aliansi", "Paguyuban"})
MAX_ACRONYM_LETTERS = 6
# The capitalised words right before a bracketed acronym: "Surat Utang Negara (SUN)", "Pajak
# Bumi dan Bangunan (PBB)".
LONG_FORM_BEFORE_RE = re.compile(r"(?:[A-Z][\w-]*[ ](?:dan[ ])?){1,6}$")


def _without_non_organisation_acronyms(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """All-capital ORG names that the article shows to be something else: the initials of a
    person ("pelaku berinisial AR", "MZ (17)"), or a term it defines by capitalised common words
    ("Surat Berharga Syariah Negara (SBSN)", "Transit Oriented Development (TOD)") rather than
    by an organisation's name. A listed acronym that the article spells out as such a term
    ("Pajak Kendaraan Bermotor (PKB)") is not the listed body (the party PKB) there either."""
    guessed = set()
    listed = {}
    listed_places = set()
    for cand in candidates:
        if (
            1 < cand.end - cand.start <= MAX_ACRONYM_LETTERS  # the span's length: no slice
            and cand.entity_type is not PERSON
            and cand.source in ("guess", "known")
        ):
            surface = body[cand.start : cand.end]
            if surface.isupper() and surface.isalpha():
                if cand.entity_type is LOC:
                    if cand.source == "known":
                        listed_places.add(surface)
                elif cand.source == "guess":
                    guessed.add(surface)
                else:
                    listed[surface] = cand.canonical_name
    if not guessed and not listed and not listed_places:
        return candidates
    # "kurir bernama AS (29)": a listed acronym with an age after it is someone's initials
    not_bodies = {
        acronym for acronym in listed_places | listed.keys() if _has_age_after(body, acronym)
    }
    if "inisial" in body:
        for introduced in INITIALS_INTRODUCED_RE.finditer(body):
            not_bodies.update(INITIALS_RE.findall(introduced.group(1)))
    org_ends = {cand.end for cand in candidates if cand.entity_type is not PERSON}
    for acronym in guessed | listed.keys():
        if acronym in guessed and _has_age_after(body, acronym):
            not_bodies.add(acronym)  # "MZ (17)": a person's age
            continue
        if acronym in guessed and _spelt_out_after_as_term(body, acronym):
            not_bodies.add(acronym)  # "UKT (Uang Kuliah Tunggal)"
            continue
        bracket = body.find(" (" + acronym + ")")
        if bracket < 0 or bracket in org_ends:
            continue
        match = LONG_FORM_BEFORE_RE.search(body, max(0, bracket - 120), bracket + 1)
        if match is None:
            continue
        words = [word for word in match.group().split() if word != "dan"]
        initials = "".join(word[0] for word in words)
        head = words[-len(acronym)] if len(acronym) <= len(words) else words[0]
        if not initials.endswith(acronym) or CUES.get(head) is not None or head in GROUP_HEADS:
            continue
        if acronym in listed:
            long_form = " ".join(words[-len(acronym) :])
            if long_form != listed[acronym] and KNOWN.get(long_form) is None:
                not_bodies.add(acronym)
        elif _written_in_lower_case(body, head.casefold()) or _written_in_lower_case(
            body, words[-1].casefold()
        ):
            not_bodies.add(acronym)
    if not not_bodies:
        return candidates
    return [
        cand for cand in candidates
        if cand.entity_type is PERSON
        or body[cand.start : cand.end] not in not_bodies
    ]  # fmt: skip


TERM_AFTER_ACRONYM_RE = re.compile(r" \(((?:[A-Z][\w-]*[ ](?:dan[ ])?){1,5}[A-Z][\w-]*)\)")


def _spelt_out_after_as_term(body: str, acronym: str) -> bool:
    """ "potongan UKT (Uang Kuliah Tunggal)": an acronym spelt out after it in brackets by
    words the article also writes in lower case, under no organisation head word."""
    position = body.find(acronym + " (")
    if position < 0:
        return False
    match = TERM_AFTER_ACRONYM_RE.match(body, position + len(acronym))
    if match is None:
        return False
    words = [word for word in match.group(1).split() if word != "dan"]
    if "".join(word[0] for word in words) != acronym:
        return False
    if CUES.get(words[0]) is not None or words[0] in GROUP_HEADS:
        return False
    return _written_in_lower_case(body, words[0].casefold()) or _written_in_lower_case(
        body, words[-1].casefold()
    )


def _has_age_after(body: str, initials: str) -> bool:
    """ "tersangka MZ (17)": the initials are followed somewhere by an age in brackets."""
    position = body.find(initials + " (")
    while position >= 0:
        if (position == 0 or not body[position - 1].isalnum()) and AGE_AFTER_NAME_RE.match(
            body, position + len(initials)
        ):
            return True
        position = body.find(initials + " (", position + 1)
    return False


# "Kampung Cileutik RT 09 RW 02": neighbourhood numbers follow a place's name, not part of it.
NEIGHBOURHOOD_NUMBER_RE = re.compile(r"[ ]?[/.]?[ ]?\d")
NEIGHBOURHOOD_WORDS = (" RT", " RW")
# " RT" or " RW" anywhere: opened by the "R", so the scan jumps from R to R (str "in" reads
# every character of the body; the same holds for the hints below).
NEIGHBOURHOOD_HINT_RE = re.compile(r"R[TW](?<= R[TW])")


def _without_neighbourhood_numbers(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Kampung Muara RT 08 RW 06" names the place "Kampung Muara": the RT/RW word and its
    number are an address inside it."""
    if NEIGHBOURHOOD_HINT_RE.search(body) is None:
        return candidates
    out = []
    for cand in candidates:
        name = cand.canonical_name
        if (
            cand.source != "known"
            and name.endswith(NEIGHBOURHOOD_WORDS)
            and " " in name[:-3]
            and NEIGHBOURHOOD_NUMBER_RE.match(body, cand.end) is not None
        ):
            cand = replace(cand, canonical_name=name[:-3], end=cand.end - 3)
        out.append(cand)
    return out


# "Grup C", "Kelompok IV": a competition's group or a fee tier named by a letter or numeral.
GROUP_WORDS = ("Grup", "Group", "Kelompok", "Pool")
LETTERED_GROUP_RE = re.compile(
    r"(?:^|[ ])(?:Grup|Group|Kelompok|Pool)[ ](?:[A-H]|[IVX]{1,4})(?:[ ]|$)"
)


def _without_lettered_groups(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "klasemen Grup C", "Grup A ASEAN U23 Championship", "Kelompok III: Rp 6.725.000": a
    group named by a letter or Roman numeral is a draw or a tier, no organisation."""
    names = " ".join([c.canonical_name for c in candidates if c.entity_type is ORG])
    if not any(word in names for word in GROUP_WORDS):  # one scan of all names, not one each
        return candidates
    return [
        cand for cand in candidates
        if cand.entity_type is not ORG or cand.source == "known"
        or LETTERED_GROUP_RE.search(cand.canonical_name) is None
    ]  # fmt: skip


# Names of a kind of body rather than of one body: "sebagai Badan Usaha Milik Negara (BUMN)",
# "anggota Lembaga Swadaya Masyarakat". Named bodies carry a name or a place after them
# ("Kementerian BUMN", "Kejaksaan Negeri Gresik").
KINDS_OF_BODY = frozenset(
    {"Badan Usaha Milik Negara", "Badan Usaha Milik Daerah", "Badan Usaha Milik Desa",
     "Lembaga Swadaya Masyarakat", "Organisasi Masyarakat", "Organisasi Kemasyarakatan",
     "Organisasi Perangkat Daerah", "Satuan Kerja Perangkat Daerah", "Perguruan Tinggi",
     "Perguruan Tinggi Negeri", "Perguruan Tinggi Swasta", "Balai Latihan Kerja",
     "Koperasi Desa", "Kelompok Tani", "Kelompok Kegiatan Tani", "Bank Sentral"}
)  # fmt: skip
# Bodies with an office in every region, named without the region: "Kejaksaan Tinggi dan
# Kejaksaan Negeri di seluruh Indonesia", "lolos di SMA Negeri dan SMK Negeri".
NETWORK_HEADS = frozenset({"Kejaksaan", "Pengadilan", "Kepolisian", "SMA", "SMK", "SMP", "SD"})
NETWORK_LEVELS = frozenset({"Negeri", "Tinggi", "Daerah", "Resor", "Sektor", "Swasta"})


# "Industri Keuangan Non Bank OJK": a negated head word describes a field, it names no body.
NEGATED_BEFORE_RE = re.compile(r"\b[Nn]on[ -]$")
NETWORK_KIND_AFTER_RE = re.compile(r" dan [A-Z]\w* [A-Z]\w*| di seluruh| se-?[A-Z]")
NETWORK_KIND_BEFORE_RE = re.compile(r"[A-Z]\w* [A-Z]\w* dan $")


def _is_kind_of_body(body: str, cand: _Candidate) -> bool:
    """ "Perguruan Tinggi Negeri": a category of bodies, not one body. A bare network name is
    one only where the text shows it so ("Kejaksaan Tinggi dan Kejaksaan Negeri di seluruh
    Indonesia"); alone it may point back to the one office of the story ("Pengadilan Tinggi
    perlu mengevaluasi vonis")."""
    name = cand.canonical_name
    if name in KINDS_OF_BODY:
        return True
    words = name.split()
    if len(words) != 2 or words[0] not in NETWORK_HEADS or words[1] not in NETWORK_LEVELS:
        return False
    return (
        NETWORK_KIND_AFTER_RE.match(body, cand.end) is not None
        or NETWORK_KIND_BEFORE_RE.search(body, max(0, cand.start - 40), cand.start) is not None
    )


def _without_kinds_of_body(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ORG names that name a kind of body ("Badan Usaha Milik Negara", "Kejaksaan Negeri"),
    or its short form ("LSM"), rather than one body, and names after "non" ("Non Bank OJK"):
    no organisation. A name the text goes on with a place or a name is longer than the kind
    ("Kejaksaan Negeri Gresik")."""
    out = []
    for cand in candidates:
        if cand.entity_type is ORG:
            if _is_kind_of_body(body, cand):
                continue
            if body[cand.start - 3 : cand.start - 1] == "on" and NEGATED_BEFORE_RE.search(
                body, max(0, cand.start - 4), cand.start
            ):  # the "on" of "Non " first: a slice costs less than the regex
                head, _, rest = body[cand.start : cand.end].partition(" ")
                entry = KNOWN.get(rest)
                if entry is None or entry.entity_type != "ORG":
                    continue
                start = cand.start + len(head) + 1  # "Non Bank OJK": OJK still
                cand = replace(cand, canonical_name=entry.canonical_name, start=start)
        out.append(cand)
    return out


# State schools are numbered within their town: "SMA Negeri 1 Yogyakarta", "SMPN 2 Malang".
# Opened by its first letter, not "\b", so that the scan jumps from one "S" or "M" to the next
# (four times faster); the look-behind after it is the word boundary.
SCHOOL_RE = re.compile(
    r"[SM](?<!\w[SM])(?:(?<=S)(?:MA|MP|MK|D)(?: Negeri| Swasta)?"
    r"|(?<=M)(?:Ts|I|A)(?: Negeri| Swasta)?|(?<=S)(?:MAN|MPN|MKN|DN)|(?<=M)(?:TsN|AN|IN))"
    r" \d{1,3}\b"
)


# In every SCHOOL_RE match: "SM", "SD", "MTs", "MA" or "MI". Two regexes opened by one letter
# find them faster than five substring scans.
SCHOOL_HINT_RES = (re.compile(r"S[MD]"), re.compile(r"M(?:Ts|A|I)"))


def _with_numbered_schools(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """A numbered state school is one organisation with its number and town ("SMA Negeri 1
    Yogyakarta"); the runs stop at the number and keep only "SMA Negeri"."""
    if not any(hint.search(body) for hint in SCHOOL_HINT_RES):
        return candidates
    schools = []
    for match in SCHOOL_RE.finditer(body):
        end = match.end()
        if body[end : end + 1] == " " and body[end + 1 : end + 2].isupper():
            town = next((c for c in candidates if c.start == end + 1), None)
            if town is not None and town.entity_type is LOC:
                end = town.end  # "SMA Negeri 1 Yogyakarta", the town a place mention too
            else:
                run = RUN_RE.match(body, end + 1)
                if run is not None and (
                    " " not in run.group() or body[run.end() : run.end() + 1] == ","
                ):
                    end = run.end()  # "SMAN 3 Cimahi", "SDN 11 Pondok Betung, Suharti"
        name = body[match.start() : end]
        schools.append(_Candidate(ORG, name, match.start(), end, "cue"))
        _describe_school_head(body, candidates, match.start(), end, name)
    if not schools:
        return candidates
    first_start = schools[0].start  # found in text order
    last_end = max(school.end for school in schools)
    kept = [
        cand for cand in candidates
        if not first_start <= cand.start < last_end  # outside every school: no scan
        or not any(
            school.start <= cand.start < school.end
            and (cand.entity_type is not LOC or cand.end > school.end)
            for school in schools
        )
    ]  # fmt: skip
    return sorted(kept + schools, key=lambda cand: cand.start)


def _describe_school_head(
    body: str, candidates: list[_Candidate], start: int, end: int, school: str
) -> None:
    """ "Kepala SMA Negeri 3 Bandung, Siti Aminah": the office before a numbered school is held
    by the person named right after it."""
    words = body[max(0, start - LOWER_ROLE_WINDOW) : start].split()
    role = next(
        (" ".join(words[-size:]) for size in range(min(3, len(words)), 0, -1)
         if " ".join(words[-size:]).casefold() in ROLES),
        None,
    )  # fmt: skip
    if role is None:
        return
    gap = 2 if body[end : end + 2] == ", " else 1
    for cand in candidates:
        if cand.start == end + gap and cand.entity_type is PERSON and not cand.role:
            cand.role, cand.affiliation = role, school
            cand.source = "role" if cand.source == "guess" else cand.source


def _has_regional_offices(body: str, cand: _Candidate) -> bool:
    if cand.source == "known":
        return cand.canonical_name in REGIONAL_BODIES
    if cand.source != "cue":
        return False
    head, _, rest = cand.canonical_name.partition(" ")
    return head in REGIONAL_HEADS and not rest.startswith(NOT_AN_OFFICE)


def _is_region(body: str, cand: _Candidate) -> bool:
    """A province, regency or city: listed as one, or written with its head word."""
    if cand.entity_type is not LOC:
        return False
    text = body[cand.start : cand.end]
    if cand.source == "known":
        entry = KNOWN.get(text)
        return entry is not None and entry.kind in REGION_KINDS
    return cand.source == "cue" and text.split(" ", 1)[0] in REGION_HEADS


def _region_core(name: str) -> tuple[str | None, str]:
    """The head word (or None) and listed name of the region an office name ends with:
    "BPBD Kabupaten Boyolali" -> ("Kabupaten", "Boyolali"), "BPBD Boyolali" -> (None, ...)."""
    words = name.split()
    for start in range(1, len(words)):
        if words[start] in REGION_HEADS and start + 1 < len(words):
            return words[start], _region_core(" ".join(words[start:]))[1]
        entry = KNOWN.get(" ".join(words[start:]))
        if entry is not None and entry.entity_type == "LOC":
            return None, entry.canonical_name
    return None, words[-1]


def _same_region(name: str, longest: str) -> bool:
    """ "DPRD Serang" may be "DPRD Kota Serang"; "DPRD Kabupaten Serang" is another office."""
    head, place = _region_core(name)
    other_head, other_place = _region_core(longest)
    return place == other_place and head in (None, other_head)


def _listed_spelling(role: str) -> str:
    """An office with one misspelt word takes its listed spelling ("Menteri Koodinator Bidang
    Perekonomian" -> "Menteri Koordinator Bidang Perekonomian"); other offices stay as written."""
    words = role.split()
    for listed in ROLES_BY_SHAPE.get((len(words), words[0].casefold()), ()):
        differing = [
            (word, right) for word, right in zip(words, listed, strict=True)
            if word.casefold() != right
        ]
        if len(differing) == 1 and _one_edit_apart(differing[0][0].casefold(), differing[0][1]):
            word, right = differing[0]
            fixed = right.capitalize() if word[:1].isupper() else right
            return " ".join(fixed if w is word else w for w in words)
    return role


def _one_edit_apart(written: str, listed: str) -> bool:
    """One letter dropped, added or changed, in a word long enough for that to be a typo."""
    return min(len(written), len(listed)) >= 6 and one_letter_apart(written, listed)


def one_letter_apart(word: str, other: str) -> bool:
    """Exactly one letter inserted, dropped or changed between two spellings."""
    if len(word) == len(other):
        return sum(a != b for a, b in zip(word, other, strict=True)) == 1
    if abs(len(word) - len(other)) != 1:
        return False
    shorter, longer = sorted((word, other), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def _roles_after_names(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """An office written after its holder: "Bahrun selaku Kepala Desa Selamat", "Rony
    Suryandoko sebagai Ketua Majelis Hakim", "Pendeta Pilemon, Gembala Gereja GIDI, ...".

    After a bare comma the office is the holder's only when no other name follows it before
    the next punctuation ("Dedi, Menteri Keuangan Sri Mulyani" names two people). A guessed
    name introduced as an office holder by "selaku" or "sebagai" is a person, not a guess.
    """
    for index, cand in enumerate(candidates):
        if cand.entity_type is not PERSON or cand.role:
            continue
        link = ROLE_AFTER_NAME_RE.match(body, cand.end)
        if link is None or link["word"].casefold() not in ROLE_FIRST:
            continue
        found = _office_at(body, link.start("word"))
        if found is None:
            continue
        role, role_end = found
        if body[cand.end : link.start("word")].strip(" )") != ",":
            cand.source = "role" if cand.source == "guess" else cand.source
            _unit_of_linked_office(body, candidates, index, link.start("word"), role)
        else:
            stop = APPOSITION_END_RE.search(body, role_end)
            limit = stop.start() if stop is not None else len(body)
            following = candidates[index + 1 : index + APPOSITION_LOOKAHEAD]
            if any(
                other.entity_type is PERSON and role_end <= other.start < limit
                for other in following
            ):
                continue
            # "Nyono, Kepala Dinas Perhubungan Jatim, menjelaskan": a one-word name is sure too
            cand.source = "role" if cand.source == "guess" else cand.source
            cand.affiliation = _body_in_apposition(following, role_end, limit)
        cand.role = role
    return [cand for cand in candidates if cand.source != DROPPED]


# Between an office and its holder across a comma or bracket: the body's capitalised words,
# numbers, acronyms in brackets and these links ("Duta Besar Israel untuk PBB", "Presiden ke-4
# RI", "Wali Kota Depok saat itu, ...").
HOLDER_ZONE_TOKEN_RE = re.compile(r"[\w'’&-]+|[^\w\s'’&-]")
HOLDER_ZONE_LINKS = frozenset({"dan", "untuk", "saat", "kala", "itu", "&"})
HOLDER_ZONE_MARKS = frozenset({",", "(", ")", "/"})
HOLDER_ZONE_WINDOW = 120  # characters read back from a name for its office
YEAR_RE = re.compile(r"(?:19|20)\d\d")
HOLDER_ZONE_WORDS = 12  # words at most between the office and the name
ORDINAL_RE = re.compile(r"ke-?\d+|pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan")
ACTIVE_VERB_RE = re.compile(r"(?:me|ber)[a-z]{3,}")  # "bertemu Gubernur Jabar, Budi pulang"
OBJECT_LINKS = frozenset({"bersama", "beserta"})
# A portfolio written as a list, closed by the body's acronym in brackets: ", Sains, dan
# Teknologi (Kemendiktisaintek)", ", Kelautan, dan Pertanian (DKPKP)".
_CAPITALISED = r"[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}"
PORTFOLIO_LIST_RE = re.compile(rf"(?:, {_CAPITALISED}){{1,4}},? dan {_CAPITALISED}(?= \()")
LIST_GOES_ON_RE = re.compile(r", (?:serta|dan|hingga) ")
FORMER_PREFIXES = frozenset({"mantan", "eks"})
BODY_WORD_COMMON_SHARE = 50  # a word the crawls write mostly in lower case is a portfolio's
NUMBERED_ORDINAL_RE = re.compile(r"[Kk]e-?\d+")  # "Presiden Ke-7"; "Sekretaris Pertama" is a rank
HELD_OFFICE_PREFIXES = OFFICE_PREFIXES - FORMER_PREFIXES  # a former office is no office held
ACTING_PREFIXES = frozenset({"plt", "plt.", "plh", "pj", "pj.", "pjs"})
ROMAN_AFTER_OFFICE_RE = re.compile(r" [IVX]+\b")
JOINED_PORTFOLIO_RE = re.compile(r" dan (?P<words>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})")
ROLE_WORDS = frozenset(word for role in ROLES for word in role.split())
OCCUPATIONS = frozenset(
    {"pelatih", "kapten", "pengamat", "analis", "ekonom", "peneliti", "dosen", "guru",
     "pengacara", "kuasa", "psikolog", "dokter", "pemain", "aktor", "aktris", "musisi",
     "penyanyi", "pakar", "pengusaha", "pemeran", "sutradara", "produser", "penulis"}
)  # fmt: skip


def _offices_across_breaks(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """An office whose body, written with commas or an acronym in brackets, stands between it
    and its holder: "Kepala Badan Penyelenggara (BP) Haji Irfan Yusuf", "Manajer Humas PT KAI
    Daop 1 Jakarta, Ixfan", "Presiden ke-4 RI Abdurrahman Wahid", "pelatih Barcelona, Hansi
    Flick". The runs stop at the comma or bracket, so such a holder is left without an office.

    The office is the first listed office in the stretch of capitalised words, numbers,
    brackets, commas and links ending at the name; another person inside it ("Ketua DPR Puan
    Maharani dan Budi") takes the office, and an office word inside a named body ("Kantor Staf
    Presiden, Budi") is none.
    """
    names = [cand for cand in candidates if cand.entity_type is not PERSON]
    people = [cand for cand in candidates if cand.entity_type is PERSON]
    for cand in people:
        if cand.role:
            continue
        office = None
        if cand.start >= 2 and body[cand.start - 1] in " (":
            office = _office_of_holder_zone(body, cand.start)
        if office is None:
            _office_in_apposition(body, cand, people, names)
            continue
        role, office_start, office_end = office
        if _is_occupation(role):
            continue  # "pelatih Barcelona, Hansi Flick": an occupation, no office (gold README)
        before = body[max(0, office_start - 30) : office_start].split()
        if before and ACTIVE_VERB_RE.fullmatch(before[-1]) and before[-1] not in OBJECT_LINKS:
            continue  # the office holder is the verb's object, the name its subject
        if not body[office_end : cand.start].strip(" ,"):
            continue  # "Menurut Kapolres, Budi ditangkap": no body between, no apposition
        if (
            before
            and before[-1] in OBJECT_PREPOSITIONS
            and body[office_end : office_end + 1] == ","
            and all(word in TITLES for word in body[office_end + 1 : cand.start].split())
        ):
            continue  # "kritik kepada Menkeu, Gus Maksum justru menilai": a new subject
        between = [
            other for other in people
            if other is not cand and other.end > office_start and other.start < cand.start
        ]  # fmt: skip
        if any(not _is_portfolio_read_as_name(other, office_end) for other in between) or any(
            other.start < office_start < other.end for other in names
        ):
            continue
        for other in between:  # "Kepala Badan Pengelola Keuangan (BPKAD) Banten, Rina"
            other.source = DROPPED
        cand.role = role
        body_after = (o for o in names if o.start == office_end + 1 and o.end <= cand.start)
        cand.affiliation = next((other.canonical_name for other in body_after), None)
    return [cand for cand in candidates if cand.source != DROPPED]


# Prepositions whose object an office is: a name after its comma opens the next clause.
OBJECT_PREPOSITIONS = frozenset({"kepada", "terhadap", "untuk", "bagi", "dengan", "pada"})


def _office_in_apposition(
    body: str, cand: _Candidate, people: list[_Candidate], names: list[_Candidate]
) -> None:
    """ "Hussaini Isah, Kepala Operasi Badan Manajemen Darurat Nasional di ...": an office after
    a comma that the early pass left to a "holder" made of the body's words ("Darurat",
    "Energy UK"), which the later passes have dropped or which read as the portfolio."""
    link = ROLE_AFTER_NAME_RE.match(body, cand.end)
    if link is None or body[cand.end : link.start("word")].strip() != ",":
        return
    if link["word"].casefold() not in ROLE_FIRST or _is_occupation(link["word"]):
        return
    found = _office_at(body, link.start("word"))
    if found is None:
        return
    role, role_end = found
    stop = APPOSITION_END_RE.search(body, role_end)
    limit = stop.start() if stop is not None else len(body)
    if LIST_GOES_ON_RE.match(body, limit):
        return  # "Endang, Kepala Dinas X Haris Wahyudi, serta para guru": a list of people
    inside = [other for other in people if role_end <= other.start < limit]
    if any(not _is_portfolio_read_as_name(other, role_end) for other in inside):
        return
    for other in inside:
        other.source = DROPPED
    cand.role = role
    body_after = (o for o in names if o.start == role_end + 1 and o.end <= limit)
    cand.affiliation = next((other.canonical_name for other in body_after), None)


def _is_occupation(role: str) -> bool:
    """ "pelatih", "mantan pelatih", "Analis Senior": a description, no office (gold README)."""
    words = [word.casefold() for word in role.split()]
    while len(words) > 1 and words[0] in OFFICE_PREFIXES:
        words.pop(0)
    return words[0] in OCCUPATIONS


def _is_portfolio_read_as_name(other: _Candidate, office_end: int) -> bool:
    """A "holder" read right after the office and ending in portfolio words ("Pengelola
    Keuangan", "Keluarga Sejahtera", "DPP"): the rest of the office's body, no person."""
    words = other.canonical_name.split()
    return (
        other.source == "role"
        and other.start == office_end + 1
        and all(
            word in PORTFOLIO_WORDS or DERIVED_PORTFOLIO_RE.fullmatch(word) or _is_acronym(word)
            for word in (words[1:] or words)
        )
    )


def _office_of_holder_zone(body: str, name_start: int) -> tuple[str, int, int] | None:
    """The office opening the stretch of body words that ends at ``name_start``, with its
    offsets; None when the stretch holds no listed office or runs too long."""
    origin = max(0, name_start - HOLDER_ZONE_WINDOW)
    last_word = body.rfind(" ", origin, name_start - 1)
    if last_word > origin:  # tokens hold no space: the last word's tokens are the window's last
        last = HOLDER_ZONE_TOKEN_RE.findall(body, last_word, name_start)
        if last and not _extends_holder_zone(last[-1]):
            return None  # "kata Budi": most names have no stretch before them, no full read
    tokens = list(HOLDER_ZONE_TOKEN_RE.finditer(body, origin, name_start))
    first = len(tokens)
    while first > 0 and _extends_holder_zone(tokens[first - 1].group()):
        first -= 1
    if first == len(tokens) or (first == 0 and origin > 0):
        return None
    words = [token for token in tokens[first:] if token.group() not in HOLDER_ZONE_MARKS]
    marks = [token for token in tokens[first:] if token.group() in HOLDER_ZONE_MARKS]
    numbered = [  # "Daop 6", "Kodim 0618"; a year names an event ("Festival Kopi 2024")
        word for word in words if word.group().isdigit() and not YEAR_RE.fullmatch(word.group())
    ]
    if not marks and not numbered and not any(ORDINAL_RE.fullmatch(w.group()) for w in words):
        return None  # no comma, bracket, number or ordinal: the runs have read this stretch
    for index, word in enumerate(words):
        if word.group().casefold() not in ROLE_FIRST:
            continue
        found = _office_at(body, word.start())
        if found is None and word.group().casefold() in HELD_OFFICE_PREFIXES:
            inner = _office_at(body, word.end() + 1)  # "Wakil Kepala Badan Penyelenggara (BP)"
            found = (f"{word.group()} {inner[0]}", inner[1]) if inner is not None else None
        if found is None:
            continue
        role, office_end = found
        if role.casefold() in ACTING_PREFIXES:  # "Plt Sekretaris DPRD (Sekwan) Bantaeng X"
            inner = _office_at(body, office_end + 1)
            if inner is None:
                continue
            role, office_end = f"{role} {inner[0]}", inner[1]
        elif word.group().casefold() in HELD_OFFICE_PREFIXES and body[word.end()] == " ":
            inner = _office_at(body, word.end() + 1)  # "Wakil Menteri Sekretaris Negara"
            if inner is not None and inner[1] > office_end:
                role, office_end = f"{word.group()} {inner[0]}", inner[1]
        numeral = ROMAN_AFTER_OFFICE_RE.match(body, office_end)
        if numeral is not None:
            office_end = numeral.end()  # "Anggota Komisi II DPR Fraksi PDIP, Deddy"
            role = body[word.start() : office_end]
        listed = PORTFOLIO_LIST_RE.match(body, office_end)
        if listed is not None and listed.end() <= name_start:
            office_end = listed.end()  # "Menteri Pendidikan Tinggi, Sains, dan Teknologi (...)"
            role = body[word.start() : office_end]
        joined = JOINED_PORTFOLIO_RE.match(body, office_end)
        if joined is not None and joined.end() <= name_start and all(
            part in PORTFOLIO_WORDS or DERIVED_PORTFOLIO_RE.fullmatch(part)
            for part in joined["words"].split()
        ):
            office_end = joined.end()  # "Menteri Agraria dan Tata Ruang/Kepala BPN"
            role = body[word.start() : office_end]
        after = [w for w in words[index:] if w.start() >= office_end]
        if len(after) > HOLDER_ZONE_WORDS or not (
            any(mark.start() >= office_end for mark in marks)
            or any(ORDINAL_RE.fullmatch(w.group()) or w in numbered for w in after)
            or role[:1].isupper()
        ):
            return None  # "..., dan pemeran utama Sheila Dara": no title, no break after it
        return role, word.start(), office_end
    return None


def _extends_holder_zone(text: str) -> bool:
    """A token of the stretch between an office and its holder (see ``HOLDER_ZONE_TOKEN_RE``)."""
    return bool(
        text in HOLDER_ZONE_MARKS
        or text[:1].isupper()
        or text[:1].isdigit()
        or text in HOLDER_ZONE_LINKS
        or ORDINAL_RE.fullmatch(text)
        or text.casefold() in ROLE_WORDS
    )


ACRONYM_WORD_RE = re.compile(r"[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*")
ROMAN_RE = re.compile(r"[IVX]+")
# Offices whose portfolio is often an acronym: "Menteri ATR", "Kepala Dinas PUPR", "Kanit PPA".
ACRONYM_PORTFOLIO_HEADS = frozenset(
    {"menteri", "menko", "wamen", "dinas", "kasat", "kanit", "kasi", "kasie", "kasubdit",
     "kabid", "kabag", "kasubbag", "deputi", "dirjen"}
)  # fmt: skip
# Acronyms that name a portfolio or a neighbourhood unit, not a body: "Direktur SDM", "Ketua RT".
PORTFOLIO_ACRONYMS = frozenset(
    {"SDM", "SDA", "TI", "IT", "HR", "HRD", "CSR", "UMKM", "K3", "RT", "RW", "HAM", "ESDM", "PPA"}
)
ENGLISH_ROLE_LINKS = frozenset({"the", "of", "at", "for"})
DERIVED_PORTFOLIO_RE = re.compile(r"(?:Pe|Ke)[a-z]+an")  # "Perlindungan", "Keamanan"
# A palace or sultanate is the body of a court title: "Raja" of Keraton Surakarta.
PALACE_WORDS = frozenset({"Keraton", "Kraton", "Kasunanan", "Kesultanan", "Kadipaten", "Puro"})


def _short_forms_read_as_holders(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Kepala Badan Karantina Indonesia (Barantin) Sahat Manaor": a bracketed word after the
    office's body, opening with the body's first letter, is the body's short form, not the
    office's holder; the office goes to the name right after the bracket."""
    for index, cand in enumerate(candidates[:-1]):
        following = candidates[index + 1]
        if (
            cand.entity_type is not PERSON
            or cand.role is None
            or " " in cand.canonical_name
            or body[cand.start - 1 : cand.start] != "("
            or body[cand.end : cand.end + 2] != ") "
            or following.start != cand.end + 2
            or following.entity_type is not PERSON
            or following.role is not None
        ):
            continue
        office = " ".join(filter(None, (cand.role, cand.affiliation)))
        if not body.startswith(office, cand.start - 2 - len(office)) or not any(
            word[:1] == cand.canonical_name[:1] for word in office.split()[1:]
        ):
            continue  # only a body named right before the bracket abbreviates to it
        following.role, following.affiliation = cand.role, cand.affiliation
        following.source = "role" if following.source == "guess" else following.source
        cand.entity_type, cand.role, cand.affiliation = ORG, None, None
        cand.source = "cue"
    return candidates


# Unit head words an office's own portfolio follows: "Kepala Divisi Jasa Kustodian".
UNIT_HEAD_WORDS = frozenset(
    {"Divisi", "Bidang", "Bagian", "Seksi", "Departemen", "Direktorat", "Biro", "Subbagian",
     "Subbidang", "Subdirektorat", "Subdit", "Unit"}
)  # fmt: skip
NAME_CLUSTER_SHARE = 0.15  # a coarse word cluster holding this share of listed name words


def _name_clusters() -> tuple[dict[str, str], frozenset[str]]:
    """Each word's coarsest cluster, and the clusters where the listed people's name words
    gather: news writes given names and surnames in the same few contexts."""
    _, clusters = load_word_clusters()
    coarse = {word: ids[0] for word, ids in clusters.items() if ids}
    found = Counter(coarse[w.casefold()] for w in KNOWN_PERSON_WORDS if w.casefold() in coarse)
    least = NAME_CLUSTER_SHARE * sum(found.values())
    return coarse, frozenset(cluster for cluster, count in found.items() if count >= least)


COARSE_CLUSTER, NAME_CLUSTERS = _name_clusters()


def _portfolios_read_into_holders(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Kepala Divisi Jasa Kustodian Hartati Handayani": after a unit head word the portfolio
    went on in words no list knows and was read as the start of the name. Leading words of a
    name of three or more that news never writes in the contexts of names go back to the
    office; two words always stay the name."""
    for cand in candidates:
        if (
            cand.entity_type is not PERSON
            or cand.role is None
            or UNIT_HEAD_WORDS.isdisjoint(cand.role.split()[1:])
            or body[max(0, cand.start - len(cand.role) - 1) : cand.start] != f"{cand.role} "
        ):
            continue
        words = list(re.finditer(r"\S+", body[cand.start : cand.end]))
        peeled = 0
        texts = [word.group() for word in words]
        while len(texts) - peeled > 2 and _never_a_name_word(texts[peeled]):
            if any(tuple(texts[peeled : peeled + len(o)]) == o for o in BALINESE_OPENERS):
                break  # "Anak Agung Ngurah Nanda": a caste title opens the name
            peeled += 1
        if peeled:
            cut = cand.start + words[peeled].start()
            cand.role = f"{cand.role} {body[cand.start : cut].strip()}"
            cand.canonical_name = body[cut : cand.end]
            cand.start = cut
    return candidates


def _never_a_name_word(word: str) -> bool:
    cluster = COARSE_CLUSTER.get(word.casefold())
    return (
        word[:1].isupper()
        and cluster is not None
        and cluster not in NAME_CLUSTERS
        and word not in KNOWN_PERSON_WORDS
    )


PORTFOLIO_BEFORE_SHORT_FORM_RE = re.compile(
    r"(?P<words>(?: (?:[A-Z][\w-]*|dan|&)){1,6}) \((?P<short>[A-Za-z][A-Za-z-]{1,14})\)"
)
SHORT_FORM_LINKS = frozenset({"dan", "&", "and", "of"})


def _multi_word_offices(
    body: str, candidates: list[_Candidate]
) -> Iterator[tuple[_Candidate, str, int]]:
    """People whose office has several words, each with that office and where it is written
    before the name (the office passes below rewrite the role from the text around it)."""
    for cand in candidates:
        role = cand.role
        if role is None or cand.entity_type is not PERSON or " " not in role:
            continue
        office = body.rfind(role, max(0, cand.start - OFFICE_WINDOW), cand.start)
        if office >= 0:
            yield cand, role, office


def _offices_through_short_forms(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Direktur Jenderal Mineral dan Batu Bara (Minerba) Tri", "Kepala Kesatuan Bangsa dan
    Politik (Kesbangpol) Kota Bandung, Bambang": the office stopped at a word no list knows, but
    the bracketed short form spells the portfolio through to the bracket, so it all belongs to
    the office. A named body there ("Badan Pengatur Jalan Tol (BPJT)") is left to its own cut."""
    for cand, role, office in _multi_word_offices(body, candidates):
        match = PORTFOLIO_BEFORE_SHORT_FORM_RE.match(body, office + len(role))
        if match is None or match.end() > cand.start:
            continue
        words, added = role.split(), match["words"].split()
        if CUES.get(added[0]) == "ORG" or match["words"].strip() in KNOWN:
            continue  # "Ketua Komisi Pemberantasan Korupsi (KPK)": the body, not the portfolio
        for start in range(1, len(words)):
            if CUES.get(words[start]) == "ORG":
                break
            if _spells_short_form(words[start:] + added, match["short"]):
                cand.role = f"{role}{match['words']}"
                break
    return candidates


def _spells_short_form(words: list[str], short: str) -> bool:
    """Whether ``short`` is made of the words' beginnings in order ("Kesbangpol" of "Kesatuan
    Bangsa dan Politik", "BPJT"): the first word opens it, and at most one other word gives it
    no letter ("Minerba" of "Mineral dan Batu Bara")."""
    content = [word.casefold() for word in words if word.casefold() not in SHORT_FORM_LINKS]
    short = short.replace("-", "").casefold()
    if not content or not short.startswith(content[0][:1]):
        return False
    return _spelled_from(content, short, 0, 0, 0, {})


def _spelled_from(
    content: list[str],
    short: str,
    word_index: int,
    letter: int,
    silent: int,
    known: dict[tuple[int, int, int], bool],
) -> bool:
    """Whether ``short[letter:]`` is spelled by ``content[word_index:]`` when ``silent`` words
    so far gave no letter. ``known`` keeps the answers of one search: a module-level function
    with its own memo, since mypyc cannot compile a recursive closure under ``@cache``."""
    state = (word_index, letter, silent)
    if state in known:
        return known[state]
    answer = False
    if letter == len(short):
        answer = silent + len(content) - word_index <= 1
    elif word_index < len(content):
        if word_index and not silent:
            answer = _spelled_from(content, short, word_index + 1, letter, 1, known)
        word, size = content[word_index], 1
        while not answer and size <= len(word) and short[letter : letter + size] == word[:size]:
            answer = _spelled_from(content, short, word_index + 1, letter + size, silent, known)
            size += 1
    known[state] = answer
    return answer


# Bodies whose head is "Kepala" of the body, not an office of its own: "Kepala" BMKG (gold
# README); a "Dinas" stays in the office ("Kepala Dinas Perhubungan").
BODIES_APART_FROM_OFFICES = ("Badan ", "Lembaga ", "Otorita ")


def _offices_cut_at_named_bodies(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Kepala Badan Pengatur Jalan Tol (BPJT) Wilan": the office was read on into a body the
    text names (its acronym in brackets, a listed name); the office ends where the body starts,
    which becomes its holder's affiliation."""
    bodies = [cand for cand in candidates if cand.entity_type is ORG]
    if not bodies:
        return candidates
    for cand, role, office in _multi_word_offices(body, candidates):
        office_end = office + len(role)
        first_word_end = office + role.index(" ")
        inside = next(
            (
                other for other in bodies
                if first_word_end < other.start < office_end <= other.end <= cand.start
                and body.startswith(BODIES_APART_FROM_OFFICES, other.start)
            ),
            None,
        )  # fmt: skip
        if inside is None:
            continue
        cand.role = body[office : inside.start].rstrip()
        cand.affiliation = inside.canonical_name
    return candidates


# Offices held for someone: the name written right after them is the client, not the holder.
CLIENT_OFFICES = frozenset({"kuasa hukum", "penasihat hukum", "tim kuasa hukum"})


def _names_the_client(body: str, cand: _Candidate, role: str) -> bool:
    """ "kuasa hukum Sahara juga berencana", "kuasa hukum Bambang Tri, Pardiman": a lawyer is
    written with the client's name after the office (``role``); only a name after a comma is
    the lawyer."""
    if role.casefold() not in CLIENT_OFFICES:
        return False
    start = cand.start - len(role) - 1
    return start >= 0 and body[start : cand.start].casefold() == f"{role.casefold()} "


def _body_name_out_of_office(cand: _Candidate, role: str) -> None:
    """ "CEO Pepsi", "Analis Valbury": a firm's office or an observer's followed by words that are
    no portfolio (not listed, not written in lower case, no office word) ends at the listed
    office; the rest names the firm, the mention's affiliation when it has none. Other offices
    keep such words: "Ketua Fraksi", "Kepala Dishub" name a unit of the body. ``role`` is the
    mention's office."""
    if role.casefold() in ROLES:
        return
    words = role.split()
    size = next(
        (n for n in range(len(words) - 1, 0, -1) if " ".join(words[:n]).casefold() in ROLES), 0
    )
    listed = " ".join(words[:size]).casefold()
    if listed not in FIRM_OFFICES and FIELD_OFFICES.isdisjoint(listed.split()):
        return  # "Ketua Fraksi", "Kepala Dishub", "Kasubbid Penmas": a unit, the office's own
    rest = words[size:]
    if not all(_names_a_body(word) for word in rest):
        return
    cand.role = " ".join(words[:size])
    cand.affiliation = cand.affiliation or " ".join(rest)


# Offices in firms and firms' observers, whom news names with the firm right after the office.
FIRM_OFFICES = frozenset(
    {"ceo", "chief executive officer", "managing director", "direktur utama", "presiden direktur",
     "direktur eksekutif", "founder", "co-founder", "pendiri", "chairman", "chief economist",
     "general manager", "vice president", "kepala ekonom"}
)  # fmt: skip


def _names_a_body(word: str) -> bool:
    """A word of a company's or body's own name after an office, never of a portfolio."""
    return (
        word[:1].isupper()
        and not word.isupper()
        and word not in PORTFOLIO_WORDS
        and not DERIVED_PORTFOLIO_RE.fullmatch(word)
        and word not in PORTFOLIO_MARKERS
        and word.casefold() not in ROLE_WORDS  # "Tenaga Ahli Gubernur": another office
        and CUES.get(word) is None
        and not _is_common(word, BODY_WORD_COMMON_SHARE)
    )


def _office_only(role: str) -> str:
    """ "Mantan Sekretaris Jenderal", "Presiden Ke-7": a capitalised "former" or ordinal at a
    sentence start stays in the run, but the office is the same as after "mantan" or "ke-7"."""
    words = role.split()
    while len(words) > 1 and words[0].casefold() in FORMER_PREFIXES:
        words.pop(0)
    return " ".join(word for word in words if not NUMBERED_ORDINAL_RE.fullmatch(word)) or role


def _office_without_its_body(role: str) -> str:
    """An office read with the body it belongs to, cut back to the office: "Wakil Ketua MKD",
    "Analis Senior CSA", "Sekretaris Jenderal UNCTAD", "Jaksa Agung ST" (the holder's
    initials), "Raja Keraton Kasunanan". A portfolio written as an acronym stays ("Menteri ATR",
    "Kepala Dinas PUPR", "Kepala Departemen Humas dan CSR")."""
    words = role.split()
    while len(words) > 1 and words[-1] in ENGLISH_ROLE_LINKS:
        words.pop()  # "Gubernur the Fed Jerome Powell": the article opens the body's name
    role = " ".join(words)
    palace = next((i for i, word in enumerate(words) if word in PALACE_WORDS), 0)
    if palace:
        return " ".join(words[:palace])
    end = len(words)
    while end > 1 and _is_body_acronym(words[end - 1]) and not _ends_with_class_grade(words[:end]):
        end -= 1  # "CEO BPI" -> "CEO"
    if end == len(words):
        return role
    office = words[:end]
    if office[-1].casefold() in ACRONYM_PORTFOLIO_HEADS or "dan" in office:
        return role
    if DERIVED_PORTFOLIO_RE.fullmatch(office[-1]) and office[-1] != "Perusahaan":
        return role  # "Direktur Jenderal Perlindungan WNI": the acronym is what is protected
    if not any(" ".join(office[:size]).casefold() in ROLES for size in range(1, end + 1)):
        return role
    return " ".join(office)


def _portfolio_read_as_body(cand: _Candidate, role: str, affiliation: str) -> None:
    """ "Menteri Kebudayaan, Fadli Zon", "Wakil Menteri Hukum, Edward": before a comma the
    portfolio was read as the minister's body (``affiliation``); it belongs to the office
    (``role``). A country or a listed body stays the affiliation ("Perdana Menteri Jepang")."""
    if role.rsplit(" ", 1)[-1] != "Menteri" or affiliation in KNOWN:
        return
    words = affiliation.split()
    if all(
        word in PORTFOLIO_WORDS or DERIVED_PORTFOLIO_RE.fullmatch(word) or _is_acronym(word)
        for word in words
    ):
        cand.role = f"{role} {affiliation}"
        cand.affiliation = None


def _is_body_acronym(word: str) -> bool:
    """An acronym that can name a body: no Roman numeral ("Komisi III"), no portfolio ("SDM")."""
    return (
        ACRONYM_WORD_RE.fullmatch(word) is not None
        and ROMAN_RE.fullmatch(word) is None
        and word not in PORTFOLIO_ACRONYMS
    )


DROPPED = "dropped"
# Words numbered in brackets like an age: "Pasal 2 Ayat (1)", "Babak (2)", "Kasus (3)".
NUMBERED_HEADS = frozenset(
    {"Ayat", "Pasal", "Huruf", "Angka", "Bab", "Nomor", "Tahap", "Gelombang", "Jilid", "Babak",
     "Putaran", "Sesi", "Seri", "Episode", "Kasus", "Pekan", "Gim", "Game", "Set", "Grup", "Liga"}
)  # fmt: skip
AGE_AFTER_NAME_RE = re.compile(r" ?\((?:\d{1,2}|1[01]\d)(?: tahun| th)?\)")


def _people_with_ages(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Sumarni (38), pedagang di Pasar Legi": a guessed name with an age in brackets is a
    person (the one-word names of Java among them), whatever the classifier makes of it."""
    for cand in candidates:
        if cand.source == "guess" and body[cand.end : cand.end + 2] in (" (", "(") and (
            AGE_AFTER_NAME_RE.match(body, cand.end) is not None
            and _reads_as_a_name(body, cand.canonical_name)
        ):
            cand.entity_type = PERSON
            cand.source = "title"
    return candidates


def _reads_as_a_name(body: str, name: str) -> bool:
    """No initials ("AR (34)", left to the classifier) and no common word first ("Ayat (1)",
    "Kasus Nurbaiti (50)")."""
    words = name.split()
    if words[0] in NUMBERED_HEADS or _is_common_word(body, words[0]):
        return False
    return not any(_is_acronym(word) for word in words)
# "Chairman of the Committee on International Trade of the Arizona House of Representatives, Tony
# Rivero": an English office "of" a body, then a comma and its holder.
ENGLISH_OFFICE_RE = re.compile(
    r"(?P<role>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) of (?:the )?"
    r"(?:(?:[A-Z][\w'’&-]*|of|the|on|for|and) )*[A-Z][\w'’-]*$"
)
ENGLISH_OFFICE_CHARS = 160
ENGLISH_OF_RE = re.compile(r"f(?<= of) ")  # " of " anywhere, found from the rare "f"


def _roles_of_english_bodies(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The holder named after an English office of a body and a comma holds that office; the
    first organisation after the office is the holder's affiliation."""
    if ENGLISH_OF_RE.search(body) is None:
        return candidates
    for index, cand in enumerate(candidates):
        if cand.role or cand.entity_type is not PERSON:
            continue
        if body[cand.start - 2 : cand.start] != ", ":
            continue
        window_start = max(0, cand.start - 2 - ENGLISH_OFFICE_CHARS)
        found = ENGLISH_OFFICE_RE.search(body, window_start, cand.start - 2)
        if found is None:
            continue
        role = found["role"]
        if role.casefold() not in ROLES:
            role = role.rsplit(" ", 1)[-1]
            if role.casefold() not in ROLES:
                continue
        cand.role = role
        cand.source = "role" if cand.source == "guess" else cand.source
        bodies = [
            other for other in candidates[:index]
            if other.start >= found.end("role") and other.entity_type is ORG
        ]  # fmt: skip
        cand.affiliation = bodies[0].canonical_name if bodies else None
    return candidates


def _body_in_apposition(following: list[_Candidate], role_end: int, limit: int) -> str | None:
    """The body named right after an office in apposition ("Direktur Eksekutif Indonesia
    Mining Association (IMA)"): the longest organisation or place starting there."""
    at_start = [c for c in following if c.start == role_end + 1 and c.end <= limit]
    if not at_start:
        return None
    return max(at_start, key=lambda c: c.end - c.start).canonical_name


# "Tunku Ismail ibni Sultan Ibrahim": a Malay royal's name carries the father's, "Sultan" and all.
MALAY_ROYAL_WORDS = ("Tunku ", "Tengku ", "Tuanku ")
ROYAL_PATRONYMIC_RE = re.compile(r"[ ]+(?:ibni[ ]+)?Sultan[ ]+")


def _malay_royal_patronymics(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Join "Tunku Ismail" and "Sultan Ibrahim" into the one person "Tunku Ismail (ibni) Sultan
    Ibrahim": the sultan named there is the father, not a second person in the sentence."""
    out: list[_Candidate] = []
    for cand in candidates:
        last = out[-1] if out else None
        if (
            last is not None
            and cand.entity_type is PERSON
            and last.entity_type is PERSON
            and last.canonical_name.startswith(MALAY_ROYAL_WORDS)
        ):
            link = ROYAL_PATRONYMIC_RE.match(body, last.end)
            if link is not None and link.end() == cand.start:
                last.canonical_name = body[last.start : cand.end]
                last.end = cand.end
                if last.source == "guess":
                    last.source = cand.source  # "Sultan Ibrahim" vouches for the whole name
                continue
        out.append(cand)
    return out


def _offices_taken_up(body: str, candidates: list[_Candidate]) -> None:
    """The office a person was appointed or elected to: "Prabowo Subianto dilantik sebagai
    Presiden"; for a pair, each takes the office in the same place of the list ("Prabowo dan
    Gibran dilantik sebagai Presiden dan Wakil Presiden"). A pair given one office is left
    alone: "X dan Y terpilih sebagai anggota DPR" does not say who holds what else."""
    paired = -1  # the second of a pair already read
    for index, cand in enumerate(candidates):
        if cand.entity_type is not PERSON or cand.role or index == paired:
            continue
        holders = [cand]
        link = APPOINTED_AS_RE.match(body, cand.end)
        partner = candidates[index + 1] if index + 1 < len(candidates) else None
        if (
            link is None
            and partner is not None
            and partner.entity_type is PERSON
            and not partner.role
            and body[cand.end : partner.start] == " dan "
        ):
            holders.append(partner)
            paired = index + 1
            link = APPOINTED_AS_RE.match(body, partner.end)
        if link is None:
            continue
        offices = [_office_at(body, link.end())]
        if len(holders) == 2 and offices[0] is not None:
            after = offices[0][1]
            second = _office_at(body, after + 5) if body[after : after + 5] == " dan " else None
            offices = [offices[0], second] if second is not None else []
        for holder, office in zip(holders, offices, strict=False):
            if office is not None:
                holder.role = office[0]


def _unit_of_linked_office(
    body: str, candidates: list[_Candidate], index: int, office_start: int, role: str
) -> None:
    """ "Sutrisno yang juga Kepala Desa Sumberejo": the office's holder is named before it, so
    the name after the office in its run is the village it heads, not a second person."""
    run = RUN_RE.match(body, office_start)
    run_end = run.end() if run is not None else office_start
    head = role.rsplit(" ", 1)[-1].capitalize()
    for other in candidates[index + 1 : index + APPOSITION_LOOKAHEAD]:
        if other.start >= run_end:
            break
        if other.entity_type is PERSON and other.source == "role" and other.role == role:
            other.role = None
            if head in AREA_HEADS:
                other.entity_type = LOC
                other.canonical_name = head + " " + other.canonical_name
                other.source = "cue"
            else:
                other.source = DROPPED  # "selaku Ketua Koperasi Unit Desa Makmur Jaya"


def _office_at(body: str, start: int) -> tuple[str, int] | None:
    """The office written at ``start`` with its portfolio ("Kepala Desa" of "Kepala Desa
    Selamat", "Tenaga Ahli Gubernur"), and where it ends; None when no listed office starts."""
    window = OFFICE_WORD_RE.finditer(body, start, start + OFFICE_WINDOW)
    words = [(match.group(), match.start(), match.end()) for match in window]
    if not words or words[0][1] != start:
        return None
    texts = [text for text, _, _ in words]
    size = _longest(texts, 0, ROLE_PREFIXES, ROLES, fold=True)
    if not size or not _adjacent(words[:size]):
        return None
    if texts[size - 1].casefold() in SUPPORTING_OFFICES and size < len(texts):
        size += _longest(texts, size, ROLE_PREFIXES, ROLES, fold=True)  # "Tenaga Ahli Gubernur"
    while size < len(words) and _adjacent(words[size - 1 : size + 1]):
        text = texts[size]
        if text not in PORTFOLIO_WORDS and (
            COMMON_WORD_RE.match(text) is None or LOWER_VERB_RE.match(text) is not None
        ):
            break  # "Wakil Menteri Desa menilai": a verb ends the office
        if text in KNOWN_FIRST and _longest(texts, size, KNOWN_PREFIXES, KNOWN):
            break  # "Kepala Badan Pusat Statistik": the body named after the office
        size += 1
    end = words[size - 1][2]
    return body[start:end], end


def _adjacent(words: list[tuple[str, int, int]]) -> bool:
    return all(b[1] - a[2] == 1 for a, b in zip(words, words[1:], strict=False))


def _with_outlet_names(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """News sites written as domains or brands ("TribunJabar.id", "detikJateng") are ORGs; the
    runs name only their first part ("Liputan6"), so the site replaces what overlaps it."""
    if OUTLET_DOT_HINT_RE.search(body) is None and not any(
        hint in body for hint in OUTLET_WORD_HINTS
    ):
        return candidates  # a few cheap scans cost less than running OUTLET_RE
    outlets = []
    for match in chain(OUTLET_RE.finditer(body), SMALL_I_OUTLET_RE.finditer(body)):
        text = match.group()
        name = _outlet_name(text)
        outlets.append(_Candidate(ORG, name, match.start(), match.end(), "known"))
    if not outlets:
        return candidates
    first_start = min(site.start for site in outlets)
    last_end = max(site.end for site in outlets)
    kept = [
        cand
        for cand in candidates
        if cand.end <= first_start  # most candidates lie outside every site: no scan
        or cand.start >= last_end
        or not any(cand.start < site.end and site.start < cand.end for site in outlets)
    ]
    return sorted(kept + outlets, key=lambda cand: cand.start)


def _with_numbered_company_names(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "PT Hutchison 3 Indonesia": a number inside a company's name ends no capitalised run,
    so a company followed by a number and a listed rest is one name; the rest is dropped."""
    if COMPANY_WORD_RE.search(body) is None:
        return candidates
    merged: list[_Candidate] = []
    skip_until = -1
    for cand in candidates:
        if cand.start < skip_until:
            continue
        merged.append(cand)
        if cand.entity_type is not ORG or not body.startswith("PT ", cand.start):
            continue
        match = NUMBER_IN_NAME_RE.match(body, cand.end)
        if match is None:
            continue
        entry = _longest_listed_prefix(body[cand.start : match.end()])
        if entry is not None:
            name, size = entry
            merged[-1] = _Candidate(ORG, name, cand.start, cand.start + size, "known")
            skip_until = cand.start + size
    return merged


def _longest_listed_prefix(text: str) -> tuple[str, int] | None:
    """The canonical name and length of the longest listed organisation ``text`` opens with."""
    position = len(text)
    while position > 0:
        entry = KNOWN.get(text[:position])
        if entry is not None and entry.entity_type == "ORG":
            return entry.canonical_name, position
        position = text.rfind(" ", 0, position)
    return None


def _outlet_name(site: str) -> str:
    """A news site is named as written ("Surya.co.id", "Kontan.co.id", "TribunJabar.id"), the
    website apart from the paper or channel of the same brand, as "Kompas.com" is apart from
    "Kompas"; only another spelling of a listed site takes its listed name ("KOMPAS.com")."""
    entry = KNOWN.get(site)
    if entry is None:
        return site
    listed = entry.canonical_name
    if "." in listed or listed.casefold() == site.replace(".", "").casefold():
        return listed  # "KOMPAS.com" -> "Kompas.com", "detik.com" -> "Detikcom"
    return site


def _credit_only_aliases_checked(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "AP" is Associated Press only as a news credit ("dikutip dari AP", "WASHINGTON (AP) -",
    a closing "(AP)"); elsewhere ("kata AP", "Ahmad Paris (AP)") it is someone's initials."""
    return [
        cand
        for cand in candidates
        if body[cand.start : cand.end] not in CREDIT_ONLY_ALIASES
        or _is_news_credit(body, cand.start, cand.end)
    ]


# A photo credit: "(REUTERS/Danny Moloshok)", "(ANTARA FOTO/Aprillio Akbar/nym)", "Foto: AFP/Jim
# Watson": the agency is an organisation, the name after the slash its photographer.
PHOTO_SLASH_RE = re.compile(r"/(?=[A-Z])")  # a literal first: the scan skips to each slash
PHOTO_AGENCY_RE = re.compile(r"(?:\(|\b[Ff]oto ?: ?)(?P<agency>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})$")
PHOTO_NAME_RE = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,4}(?=[/)]|$|\s)")
PHOTO_AGENCY_CHARS = 32


def _photo_credit(body: str, slash: int) -> tuple[int, int] | None:
    """Where the agency and the photographer of a credit around the slash at ``slash`` start."""
    agency = PHOTO_AGENCY_RE.search(body, max(0, slash - PHOTO_AGENCY_CHARS), slash)
    if agency is None or PHOTO_NAME_RE.match(body, slash + 1) is None:
        return None
    return agency.start("agency"), slash + 1


def _with_photo_credits(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Photographers named in photo credits are people and their agencies organisations."""
    slashes = [_photo_credit(body, slash.start()) for slash in PHOTO_SLASH_RE.finditer(body)]
    credits = [credit for credit in slashes if credit is not None]
    if not credits:
        return candidates
    by_start = {cand.start: cand for cand in candidates}
    for agency_start, name_start in credits:
        agency = by_start.get(agency_start)
        if agency is not None and agency.source == "guess":
            agency.entity_type = ORG
            agency.source = "cue"
            listed = KNOWN.get(agency.canonical_name.title())  # "REUTERS" is Reuters
            if listed is not None and listed.entity_type == "ORG":
                agency.canonical_name = listed.canonical_name
        photographer = by_start.get(name_start)
        if photographer is not None and photographer.source == "guess":
            photographer.entity_type = PERSON
            photographer.source = "title"
    return candidates


def _is_news_credit(body: str, start: int, end: int) -> bool:
    if body[end : end + 1] == "/" and _photo_credit(body, end) is not None:
        return True  # "Foto: AP/Mark Schiefelbein"
    if CREDIT_BEFORE_RE.search(body, max(0, start - CONTEXT_CHARS), start) is not None:
        return True
    if body[start - 1 : start] != "(" or body[end : end + 1] != ")":
        return False
    before = body[: start - 1].rstrip(" ")
    after = body[end + 1 : end + 8].lstrip(" ")
    if DATELINE_BEFORE_RE.search(before) is not None or after[:1] in ("-", "–", "—"):
        return True
    return after.lstrip(".")[:1] in ("", "\n")


def _credited_outlets(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """A guessed name right after "dilansir", "dikutip dari" or "situs" is the outlet quoted
    as the source ("dilansir Okezone"), not a person or a place."""
    for cand in candidates:
        if (
            cand.source in ("guess", "verb")
            and cand.entity_type is not ORG
            and _after_outlet_cue(body, cand.start)
        ):
            cand.entity_type = ORG
    return candidates


def _after_outlet_cue(body: str, start: int) -> bool:
    """ "dilansir", "dikutip dari", "situs" right before ``start`` (``OUTLET_CUE_BEFORE_RE``);
    in ASCII text, where ignoring case is plain lower case, most names are ruled out by the
    word before them alone."""
    window = max(0, start - CONTEXT_CHARS)
    before = body[window:start].rstrip()
    if before.isascii() and not before.lower().endswith(OUTLET_CUE_LAST_WORDS):
        return False
    return OUTLET_CUE_BEFORE_RE.search(body, window, start) is not None


# A degree written with dots, a consultant field or a bracket right after a name ("Sp.PD-KEMD",
# "M.Kes", "Sp.A(K)", "S.H., M.H."): the dots would cut the run and leave "PD-KEMD" as a name.
_DEGREE_TOKEN = r"[A-Z][A-Za-z]{0,6}(?:\.[A-Z][A-Za-z]{0,4})*(?:-[A-Z]{1,6})?(?:\([A-Z]{1,2}\))?"
DEGREE_MARKED_RE = re.compile(r"[A-Z][A-Za-z]{0,4}[.(-][A-Z]")  # rare: a cheap first look
DEGREE_TOKEN_RE = re.compile(_DEGREE_TOKEN)
DEGREE_NEXT_RE = re.compile(rf"\.?,? ?({_DEGREE_TOKEN})")
# The letter, mark and capital inside every DEGREE_MARKED_RE match ("n.P", "S.H", "r(K"): one
# regex opened by each mark, so that the scan jumps from mark to mark (~5x faster than looking at
# every capital).
DEGREE_HINT_RES = tuple(re.compile(rf"\{mark}(?<=[A-Za-z]\{mark})[A-Z]") for mark in ".(-")


def _mask_degrees(body: str) -> str:
    """The text with degrees written after a name in dotted or compound form turned into spaces
    (commas kept), so that the name's run ends at the name. Offsets are unchanged."""
    if not any(hint.search(body) for hint in DEGREE_HINT_RES):
        return body
    pieces = []
    last = 0
    for marked in DEGREE_MARKED_RE.finditer(body):
        start = marked.start()
        if start < last or not _follows_a_name(body, start):
            continue
        token = DEGREE_TOKEN_RE.match(body, start)
        assert token is not None  # a marked match opens with a capital: a degree token at least
        end = _degree_tail_end(body, token)
        if end:
            pieces.append(body[last:start])
            pieces.append(re.sub(r"[^,]", " ", body[start:end]))
            last = end
    return body if not pieces else "".join(pieces) + body[last:]


# The dot inside initials between a given name and a surname: "Agus D.W. Martowardojo",
# "Bambang P.S Brodjonegoro" (not "Bank N.A.Tak", with no space after). The dot comes first
# so that the engine scans for it and tries the rest only there.
INNER_INITIAL_DOT_RE = re.compile(r"\.(?<=[a-z] [A-Z]\.)(?=[A-Z]\.?[ ][A-Z][a-z])")


def _mask_initial_dots(body: str) -> str:
    """The text with the inner dots of a name's initials turned into spaces, so that one run
    holds the whole name ("Agus D W. Martowardojo") instead of two. Offsets are unchanged."""
    return INNER_INITIAL_DOT_RE.sub(" ", body)


def _follows_a_name(body: str, start: int) -> bool:
    """ "Rina Kusuma SpPD-KEMD", "Budi Santoso, S.H.", "Budi Santoso SH, M.H.": a degree comes
    right after a word, with or without a comma."""
    before = body[max(0, start - 3) : start].rjust(3)
    if before[2] == ",":
        return before[1].isalpha()
    return before[2] == " " and (before[1].isalpha() or (before[1] == "," and before[0].isalpha()))


def _degree_tail_end(body: str, first: re.Match[str]) -> int:
    """Where the degrees starting at ``first`` (a token written with a dot, hyphen or bracket)
    end; 0 when it is no degree ("Sp.PD-KEMD" is, "J.K. Rowling" is not)."""
    if not _is_degree_token(first[0]):
        return 0
    end = first.end()
    following = DEGREE_NEXT_RE.match(body, end)
    while following is not None and _is_degree_token(following[1]):
        end = following.end()
        following = DEGREE_NEXT_RE.match(body, end)
    return end


def _is_degree_token(text: str) -> bool:
    return _is_degree(text.split("(", 1)[0].replace(".", ""))


def _mask_listed_commas(body: str) -> str:
    """The text with the commas of listed names written with commas ("Badan Meteorologi,
    Klimatologi, dan Geofisika") turned into spaces, so that the name reads as one run.

    Offsets are unchanged; names are matched without their commas (listed as aliases).
    """
    if COMMA_FORM_HINT_RE.search(body) is None:
        return body
    for form, bare in COMMA_FORMS:
        if form in body:
            body = body.replace(form, bare)
    return body


def clear_caches() -> None:
    """Forget the per-text caches (run analyses, word facts, span scores), e.g. to time a cold
    start; they are bounded, so a long run never needs this."""
    for cached in (
        _analyse_run, _lexeme, _is_static_common, _surface_features, _surface_scores,
        _span_scores, _written_in_lower_case,
    ):
        cached.cache_clear()


def _recognise(body: str) -> list[_Candidate]:
    """All candidates of the text, run by run.

    An office whose holder is not in its run ("Gubernur Bank Indonesia (BI) Perry Warjiyo",
    "Kasat Reskrim Polres Polman, AKP Budi Adi") is carried over a bracketed alias and a comma
    to the next run, which then starts with that office pending.
    """
    candidates: list[_Candidate] = []
    carry: _Office | None = None
    for run in RUN_RE.finditer(body):
        start, end = run.span()
        if start and body[start - 1].isalnum():
            continue  # a capital inside a word ("iPhone") starts no name
        office = None if carry is None else _continue_office(body, carry, start)
        carry = None
        text = run[0]
        analysed = _analyse_run(text)
        if analysed is None:
            if office is not None and _is_bracketed(body, start, end):
                office.end = end + 1  # "Komandan Pusat Polisi Militer (Danpuspom) TNI"
                carry = office
            elif _is_lone_office(body, text, start, end):
                carry = _Office(text, start, None, end)  # "Danrem 081/DSJ Kolonel X"
            continue  # one capitalised stopword, or the short form of the office
        if office is not None and body[office.end : start] == " (":
            if body[end : end + 1] != ")":
                office = None
            elif _is_alias_of_office(text, analysed, candidates, start):
                carry = _bracketed_alias(run, analysed, office, candidates)
                continue
        if office is not None:
            if isinstance(analysed, KnownEntity):
                carry = _affiliation_run(run, analysed, office, candidates)
                continue
            pieces = _as_pieces(analysed)
        elif isinstance(analysed, KnownEntity):  # most runs are one known name ("Rusia")
            entity_type = _TYPE_BY_NAME[analysed.entity_type]
            candidates.append(
                _Candidate(entity_type, analysed.canonical_name, start, end, "known")
            )
            continue
        elif isinstance(analysed, _Word):
            cand = _single_word_candidate(body, start, analysed)
            if cand is not None:
                candidates.append(cand)
            continue
        else:
            pieces = analysed
        bracketed = _is_bracketed(body, start, end)
        for number, words in enumerate(pieces):
            parser = _RunParser(body, start, words, office if number == 0 else None, bracketed)
            candidates.extend(parser.parse())
            carry = parser.pending_office()
        if bracketed and carry is not None:
            _describe_person_before(candidates, start, carry)
            carry = None
    return candidates


def _is_lone_office(body: str, text: str, start: int, end: int) -> bool:
    """ "Danrem 081/DSJ Kolonel Inf Untoro", "Kapolres, AKBP Rio": an office alone in its run
    whose unit number or holder follows, so that the office carries to the next run."""
    if " " in text or text.casefold() not in ROLES or body[start - 2 : start].strip() == "(":
        return False
    if body[end : end + 2] == ", ":
        following = TITLE_AFTER_RE.match(body, end)
        return following is not None and following.group(1) in RANK_FIRST
    return UNIT_NUMBER_GAP_RE.match(body, end) is not None


def _is_bracketed(body: str, start: int, end: int) -> bool:
    return body[start - 1 : start] == "(" and body[end : end + 1] == ")"


def _describe_person_before(candidates: list[_Candidate], start: int, office: _Office) -> None:
    """ "Neal Mohan (CEO YouTube)": a bracketed office describes the person just named."""
    for cand in reversed(candidates):
        if cand.end <= start - 2:
            if cand.end == start - 2 and cand.entity_type is PERSON and not cand.role:
                cand.role = office.role
                cand.affiliation = office.affiliation
                cand.source = "role"
            return


@dataclass(slots=True)
class _Office:
    """An office still waiting for its holder; ``end`` is where its run (or alias) ended."""

    role: str
    role_start: int
    affiliation: str | None
    end: int


def _continue_office(body: str, carry: _Office | None, start: int) -> _Office | None:
    """The carried office when only a comma or the opening of a bracket separates it."""
    if carry is None:
        return None
    gap = body[carry.end : start]
    if gap in (" (", "/") or OFFICE_GAP_RE.fullmatch(gap) is not None:
        return carry  # "/": "Pangdam IX/Udayana Mayjen TNI Piek
    if UNIT_NUMBER_GAP_RE.fullmatch(gap) is not None:
        unit = body[max(0, carry.end - 12) : carry.end].rsplit(" ", 1)[-1]
        if CUES.get(unit) == "ORG" or unit.casefold() in ROLE_FIRST:
            return carry
    return None


_Analysed = KnownEntity | _Word | tuple[tuple[_Word, ...], ...]  # what _analyse_run finds


def _as_pieces(analysed: _Word | tuple[tuple[_Word, ...], ...]) -> tuple[tuple[_Word, ...], ...]:
    return ((analysed,),) if isinstance(analysed, _Word) else analysed


def _affiliation_run(
    run: re.Match[str], entry: KnownEntity, office: _Office, candidates: list[_Candidate]
) -> _Office:
    """A known name between an office and its holder ("..., Kepala BMKG, Dwikorita")."""
    entity_type = _TYPE_BY_NAME[entry.entity_type]
    start, end = run.start(), run.end()
    candidates.append(_Candidate(entity_type, entry.canonical_name, start, end, "known"))
    if office.affiliation is None:
        office.affiliation = entry.canonical_name
    office.end = run.end()
    return office


def _is_alias_of_office(
    text: str, analysed: _Analysed, candidates: list[_Candidate], start: int
) -> bool:
    """ "(BI)", "(PKP)", "(Menko Marves)" after an office are aliases; "Presiden Indonesia
    (Prabowo)" names the holder."""
    if isinstance(analysed, KnownEntity) or _is_acronym(text.split()[0]):
        return True
    first = analysed if isinstance(analysed, _Word) else analysed[0][0]
    if first.role:
        return True
    before = candidates[-1] if candidates else None
    return (
        before is not None
        and before.end == start - 2
        and before.entity_type is not PERSON
        and _may_abbreviate(text, before)
    )


def _bracketed_alias(
    run: re.Match[str], analysed: _Analysed, office: _Office, candidates: list[_Candidate]
) -> _Office:
    """ "(BI)" or "(Menko Marves)" after an office: a known alias is kept, an acronym of the
    organisation just named becomes its alias, a short form of the office names nothing."""
    start, end = run.start(), run.end()
    if isinstance(analysed, KnownEntity):
        entity_type = _TYPE_BY_NAME[analysed.entity_type]
        candidates.append(_Candidate(entity_type, analysed.canonical_name, start, end, "known"))
        if office.affiliation is None:
            office.affiliation = analysed.canonical_name
    elif (
        candidates
        and candidates[-1].end == start - 2
        and candidates[-1].entity_type is not PERSON
        and _may_abbreviate(run[0], candidates[-1])
    ):
        before = candidates[-1]
        candidates.append(_Candidate(before.entity_type, run[0], start, end, "cue"))
    office.end = end + 1
    return office


def _single_word_candidate(body: str, start: int, word: _Word) -> _Candidate | None:
    """``_RunParser`` on a run of one plain word (most runs), without building a parser. A
    Roman numeral alone ("Komisi VIII" cut by a line break, "abad XIX") names nothing."""
    if word.text[0] in "IVX" and ROMAN_NUMERAL_RE.fullmatch(word.text):
        return None
    if word.text in DEGREE_PARTS and _is_degree_after_name(body, start, start + word.end):
        return None
    is_common = word.static_common or _written_in_lower_case(body, word.text.casefold())
    if is_common and _is_sentence_start(body, start):
        return None
    end = start + word.end
    role = _role_before(body, start)
    if role:
        return _Candidate(PERSON, word.text, start, end, "role", role, None)
    if SPEECH_VERB_AFTER_RE.match(body, end) is not None:
        source = "verb"
    elif is_common or _is_quoted(body, start, end) or is_title_case_verb(body, word.text):
        return None
    else:
        source = "guess"
    return _Candidate(_guess_type(body, start, (word,)), word.text, start, end, source)


# Pieces of the degrees a dotted spelling splits into runs ("Sp.PD" -> "Sp", "PD"; "M.Si.").
DEGREE_PART_RE = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")
DEGREE_PARTS = DEGREES | frozenset(
    part for degree in DEGREES for part in DEGREE_PART_RE.findall(degree) if len(part) > 1
)


def _is_degree_after_name(body: str, start: int, end: int) -> bool:
    """ "dr. Mesty Ariotedjo, SpA", "Andi, Sp.PD", "Budi, S.H., M.H.": a degree written after a
    comma (its dots dropped) belongs to the name before it and names no one itself."""
    left, right = start, end
    while left > 0 and (body[left - 1].isalpha() or body[left - 1] == "."):
        left -= 1
    while right < len(body) and (body[right].isalpha() or body[right] == "."):
        right += 1
    if body[left:right].replace(".", "") not in DEGREES:
        return False
    return body[max(0, left - 2) : left].rstrip(" ").endswith(",")


@lru_cache(maxsize=RUN_CACHE_SIZE)
def _analyse_run(text: str) -> _Analysed | None:
    """What a run is on its own: a known name, nothing, one plain word, or pieces to parse.

    A lone word that is a stopword, a letter, an office or a cue names nothing in any context.
    """
    entry = KNOWN.get(text)
    if entry is not None:
        return entry
    if text.casefold() in STOPWORDS:
        return None
    pieces = tuple(map(_analyse_piece, _split_run(text)))
    if len(pieces) == 1 and len(pieces[0]) == 1:
        word = pieces[0][0]
        if word.known:
            return pieces
        if word.is_minor or word.role or word.cue:
            return None
        return word
    return pieces


def _split_run(run_text: str) -> list[list[tuple[str, int, int]]]:
    """Tokens of a run, split where a hyphen joins two different names ("Korea Utara-Rusia")."""
    pieces: list[list[tuple[str, int, int]]] = [[]]
    next_start = 0
    for text in run_text.split(" "):  # a run is words, each perhaps with a dot, and spaces
        start = next_start
        next_start += len(text) + 1
        if not text:
            continue  # one of several spaces between two words
        sentence_ends = False
        if text[-1] == ".":
            text = text[:-1]
            sentence_ends = text not in TITLES and not _is_initial(text)
        if "-" in text and _joins_two_names(text):
            for number, part in enumerate(text.split("-")):
                if number:
                    pieces.append([])
                pieces[-1].append((part, start, start + len(part)))
                start += len(part) + 1
        else:
            pieces[-1].append((text, start, start + len(text)))
        if sentence_ends:
            pieces.append([])
    return [piece for piece in pieces if piece]


def _joins_two_names(text: str) -> bool:
    """A hyphenated token whose second part is capitalised and one part a known name or a
    stopword ("Utara-Rusia"), neither listed whole nor a reduplication ("Kupu-Kupu")."""
    parts = text.split("-")
    return not (
        text in KNOWN
        or _is_reduplication(parts)
        or not parts[1][:1].isupper()
        or not any(part in KNOWN or part.casefold() in STOPWORDS for part in parts)
    )


def _is_reduplication(parts: list[str]) -> bool:
    return len(parts) == 2 and parts[0].casefold() == parts[1].casefold()


def _analyse_piece(tokens: list[tuple[str, int, int]]) -> tuple[_Word, ...]:
    texts = [text for text, _, _ in tokens]
    words = []
    for index, (text, start, end) in enumerate(tokens):
        is_title, is_minor, static_common, in_cues, starts_phrase = _lexeme(text)
        if not starts_phrase:  # most words: no office, known name or cue to look up
            words.append(
                _Word(text, start, end, 0, "", 0, None, 0, "", 0, is_title, is_minor, in_cues,
                      static_common)
            )  # fmt: skip
            continue
        role = _longest(texts, index, ROLE_PREFIXES, ROLES, fold=True)
        role = role or _is_office_short_form(text)
        if role <= 1 and text.casefold() in OFFICE_PREFIXES and index + 1 < len(texts):
            inner = _longest(texts, index + 1, ROLE_PREFIXES, ROLES, fold=True)
            role = 1 + inner if inner else role
        known = _longest(texts, index, KNOWN_PREFIXES, KNOWN)
        cue = _longest(texts, index, CUE_PREFIXES, CUES)
        rank = _longest(texts, index, RANK_PREFIXES, RANKS)
        if rank:
            while index + rank < len(texts) and texts[index + rank] in RANK_BRANCHES:
                rank += 1  # "Brigadir Jenderal TNI", "Letkol Inf"
        words.append(
            _Word(
                text,
                start,
                end,
                role,
                " ".join(texts[index : index + role]),
                known,
                KNOWN[" ".join(texts[index : index + known])] if known else None,
                cue,
                " ".join(texts[index : index + cue]),
                rank,
                is_title,
                is_minor,
                bool(role or known or cue or in_cues),
                static_common,
            )
        )
    return tuple(words)


# One-word short forms of regional offices the lists have not met ("Kadisperkimtan",
# "Kasatresnarkoba", "Kabidhumas"): the head of a service, unit or field, then the unit's name.
OFFICE_SHORT_FORM_RE = re.compile(
    r"Ka(?:dis|sat|bid|subdit|subbag|subbid|kanwil|pus)(?!riyan|ing$)[a-z]{3,}"
)


def _is_office_short_form(text: str) -> int:
    """1 when the word is such a short form (read as a one-word office), else 0."""
    return 1 if text[:2] == "Ka" and OFFICE_SHORT_FORM_RE.fullmatch(text) else 0


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _lexeme(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """What a token is on its own: title, minor word, common word, cue, start of a phrase."""
    lowered = text.casefold()
    return (
        text in TITLES or (len(text) > 2 and text.isupper() and text.capitalize() in TITLES),
        len(text) == 1 or lowered in STOPWORDS,
        _is_static_common(text),
        text in CUES,
        text in KNOWN_FIRST or text in CUE_FIRST or lowered in ROLE_FIRST or text in RANK_FIRST
        or bool(_is_office_short_form(text)),
    )


def _longest(
    texts: list[str],
    index: int,
    prefixes: frozenset[str],
    table: Container[str],
    fold: bool = False,
) -> int:
    """Number of tokens of the longest phrase at ``index`` found in ``table`` (0 when none).

    Walks forward while the words so far begin some listed phrase (``prefixes``), so a token
    that starts no phrase costs one set lookup and a match costs one lookup per word.
    """
    longest = 0
    phrase = ""
    for size in range(1, len(texts) - index + 1):
        word = texts[index + size - 1]
        phrase = phrase + " " + word if phrase else word
        key = phrase.casefold() if fold else phrase
        if key not in prefixes:
            break
        if key in table:
            longest = size
    return longest


def _role_before(body: str, start: int) -> str | None:
    """A lower-case office right before a run ("pemimpin tertinggi Korea Utara Kim Jong Un")."""
    if not _letter_word_may_precede(body, start):
        return None
    window = body[max(0, start - LOWER_ROLE_WINDOW) : start]
    last = window.rsplit(None, 1)  # the last word alone: most runs follow no office
    if not last or last[-1].casefold() not in ROLE_LAST_WORDS:
        return None
    words = window.split()
    for size in range(min(MAX_ROLE_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[-size:])
        if phrase.casefold() in ROLES and (
            phrase[:1].islower() or _opens_sentence(body, start, phrase)
        ):
            return phrase
    return None


def _opens_sentence(body: str, start: int, phrase: str) -> bool:
    """ "Juru bicara Polda Bali, ...": a lower-case office capitalised only because it opens
    the sentence (its first word alone is then a run of its own)."""
    if " " not in phrase or not phrase[1:].islower():
        return False
    opening = start - 1 - len(phrase)
    return body[opening : start - 1] == phrase and _is_sentence_start(body, opening)


def _letter_word_may_precede(body: str, start: int) -> bool:
    """Cheap exit: offices and place prepositions end in a letter, then whitespace, then the run."""
    if start < 2 or not body[start - 1].isspace():
        return False
    previous = body[start - 2]
    return previous.isalpha() or previous.isspace()


# The two characters before a word decide most sentence starts without SENTENCE_START_RE: a
# full stop, a quote or a bracket then a space, or a line break, quote or bracket right before.
SENTENCE_OPENERS = frozenset('"“(')
OPENER_BEFORE_SPACE = frozenset('.!?…"“(')
CLOSER_BEFORE_SPACE = frozenset("”’)")  # may follow a full stop: the regex decides


def _is_sentence_start(body: str, start: int) -> bool:
    """Whether ``start`` opens the text, a line, a sentence or a quote (SENTENCE_START_RE)."""
    if start >= 2:
        before = body[start - 1]
        if before == " ":
            previous = body[start - 2]
            if previous in OPENER_BEFORE_SPACE:
                return True
            if not (previous in CLOSER_BEFORE_SPACE or previous.isspace()):
                return False  # a space inside a sentence ("kata Budi", ", Budi"): the usual case
        elif before == "\n" or before in SENTENCE_OPENERS:
            return True
        elif not before.isspace():
            return False  # glued to a word or a mark ("/", "-")
    return SENTENCE_START_RE.search(body, max(0, start - 4), start) is not None


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _is_static_common(word: str) -> bool:
    return word.casefold() in STOPWORDS or COMMON_WORD_RE.match(word) is not None


def _is_common_word(body: str, word: str) -> bool:
    """A sentence-initial word is a common word when the article also writes it in lower case."""
    return _is_static_common(word) or _written_in_lower_case(body, word.casefold())


@lru_cache(maxsize=LOWER_CASE_CACHE_SIZE)
def _written_in_lower_case(body: str, lowered: str) -> bool:
    """Whether the text has `` word`` followed by a space, comma or dot.

    Searching for the word itself costs a few fast ``str.find`` calls; listing every lower-case
    word of the article instead cost more than the whole parse. The answer is cached per body
    and word, because half the questions repeat within an article (the same capitalised word at
    several sentence starts); the cache is small, so it holds only the last few bodies.
    """
    if not "a" <= lowered[:1] <= "z":
        return False
    needle = " " + lowered
    after = len(needle)
    position = body.find(needle)
    while position >= 0:
        if body[position + after : position + after + 1] in LOWER_WORD_ENDS:
            return True
        position = body.find(needle, position + 1)
    return False


class _RunParser:
    """Parses one piece of a run; holds the office waiting for its holder's name.

    ``base`` turns the words' run-relative offsets into offsets in ``body``. ``office`` is an
    office carried over from the run before ("Kasat Reskrim Polres Polman, AKP Budi Adi").
    """

    def __init__(
        self,
        body: str,
        base: int,
        words: tuple[_Word, ...],
        office: _Office | None = None,
        bracketed: bool = False,
    ) -> None:
        self.body = body
        self.bracketed = bracketed  # "(CEO YouTube)": the office of the person before
        self.base = base
        self.words = words
        self.out: list[_Candidate] = []
        self.unknown: list[_Word] = []
        self.after_title = False
        self.after_verb = False  # past a headline's verb: plain words are its object
        self.run_end = base + words[-1].end
        self.unit_start: int | None = None  # "Dinas" inside "Kepala Dinas Perhubungan"
        self.joined_portfolio = False  # "dan" joined a word to the office's portfolio
        if office is not None:
            self.role: str | None = office.role
            self.role_start = office.role_start
            self.role_end = office.end
            self.affiliation: str | None = office.affiliation
        else:
            self.role = _role_before(body, base + words[0].start)
            self.role_start = base + words[0].start - 1 - len(self.role) if self.role else 0
            self.role_end = base + words[0].start - 1
            self.affiliation = None

    def parse(self) -> list[_Candidate]:
        words = self.words
        index = 0
        if _is_sentence_start(self.body, self.base + words[0].start):
            while index < len(words) and self._is_initial_common(words[index]):
                index += 1
        if self._emit_tail_named(index):
            return self.out
        while index < len(words):
            index = self._step(index)
        self._flush("end")
        return self.out

    def pending_office(self) -> _Office | None:
        """The office still waiting for its holder when the run ends."""
        if self.role is None:
            return None
        return _Office(self.role, self.role_start, self.affiliation, self.run_end)

    def _is_initial_common(self, word: _Word) -> bool:
        if word.initial_blocked:
            return False
        return word.static_common or _written_in_lower_case(self.body, word.text.casefold())

    def _emit_tail_named(self, index: int) -> bool:
        """ "Migration Policy Institute", "Kompas TV": an English head word ends the name, which
        runs back over its capitalised words, a leading country included ("Indonesia Mining
        Association"). An office before it is parsed as such ("Ketua Indonesia Mining
        Association (IMA) Rachmat"), and "dan" separates two names ("Microsoft Corporation
        dan Lowy Institute")."""
        words = self.words
        if len(words) - index < 2 or words[-1].text not in ORG_TAILS:
            return False
        first = index
        while first < len(words) - 1 and words[first].role:
            first += words[first].role
        if first > index and not self._names_body_after_office(first):
            return False
        if first == index:
            first = self._after_common_words(first)
        if words[-1].text in ACCOUNT_SUFFIXES and _in_account_context(self.body, self.base):
            return False  # "kanal YouTube Deddy Corbuzier TV": the person's own channel
        if words[-1].text in LEGAL_SUFFIXES and any(word.cue for word in words[first:]):
            return False  # "Saham PT Sinar Jaya Tbk": the company starts at its head word
        joins = [at for at in range(first, len(words) - 1) if words[at].text == "dan"]
        prefix_end = first
        if joins:
            prefix_end = joins[-1]
            if prefix_end - first >= 2 and words[prefix_end - 1].text in ORG_TAILS:
                self._emit_org_words(first, prefix_end)  # "Lippo Group dan CK Hutchison Holdings"
                prefix_end = first
            first = joins[-1] + 1
        listed = self._listed_tail_start(first)
        if listed is None and len(words) - first < 2:
            return False
        self._parse_prefix(index, prefix_end)
        if listed is not None:  # "Merger Indosat Ooredoo Hutchison Asia Telecommunications ..."
            self._parse_prefix(first, listed)
            name = KNOWN[" ".join(word.text for word in words[listed:])].canonical_name
            start, end = self.base + words[listed].start, self.run_end
            self.out.append(_Candidate(ORG, name, start, end, "known"))
        else:
            name = self._emit_org_words(first, len(words))
        if self.role and self.affiliation is None:
            self.affiliation = name
        return True

    def _ends_english_name(self, index: int) -> bool:
        """ "Wakil Presiden Sasakawa Peace Foundation Junko Chano": an English ending after
        plain words closes a body's name inside the run; the words after it are someone's."""
        word = self.words[index]
        return (
            bool(self.unknown)
            and word.text in ORG_TAILS
            and word.text not in LEGAL_SUFFIXES
            and index + 1 < len(self.words)
            and self._english_name_end(index) is not None
        )

    def _emit_english_name(self, index: int) -> int:
        """The body's name from its first plain word (after the office's portfolio) to its
        English ending; the office, if any, belongs to it."""
        chunk = self.unknown
        self.unknown = []
        if self.role is not None and self.affiliation is None:
            portfolio = _portfolio_size(chunk)
            if portfolio:
                self._set_role_end(self.base + chunk[portfolio - 1].end, chunk[:portfolio])
                chunk = chunk[portfolio:]
        if not chunk:
            return index + 1  # a portfolio then the ending alone: no name
        start = self.base + chunk[0].start
        index = self._english_name_end(index) or index
        end = self.base + self.words[index].end
        name = self.body[start:end]
        if self.role is not None and self.affiliation is None:
            self.affiliation = name
        self.out.append(_Candidate(ORG, name, start, end, "cue"))
        self.after_title = False
        return index + 1

    def _english_name_end(self, index: int) -> int | None:
        """The last word of an English name whose ending word ``index`` is followed by "of",
        "for" or "and" ("Institute for Economic Research Yoshiki Shinke", "University of
        Chicago John Cochrane"): the last field word or listed place soon after, leaving two
        words for a holder after an office; None when none closes it ("University of
        Pennsylvania"), so that the name runs on as before."""
        words = self.words
        if words[index + 1].text not in ENGLISH_CONTINUATIONS:
            return index
        room = len(words) - (2 if self.role is not None else 0)
        last = index
        for position in range(index + 2, min(index + 2 + MAX_ENGLISH_TAIL_WORDS, room)):
            word = words[position]
            if word.text in ENGLISH_FIELD_WORDS or (
                word.known and word.entry().entity_type == "LOC"
            ):
                last = position + (word.known - 1 if word.known else 0)
            elif not (word.text in ENGLISH_CONTINUATIONS or word.text[:1].isupper()):
                break
        return last if last > index else None

    def _after_common_words(self, first: int) -> int:
        """ "Menurutnya Mandala Prima Holdings": leading stopwords and prefixed verb forms are
        not part of the body's name (two words are kept for it). Words the article only also
        writes in lower case may be ("global" and "Global Cyber Alliance")."""
        words = self.words
        while len(words) - first > 2 and words[first].static_common and not words[first].cue:
            first += 1
        return first

    def _names_body_after_office(self, first: int) -> bool:
        """ "Ketua Indonesia Mining Association": a body's name after an office; portfolio
        words or "dan" there belong to the office ("Kepala Departemen Pengelolaan Moneter dan
        Aset Sekuritas")."""
        rest = self.words[first:]
        return not _is_portfolio_word(rest[0].text) and all(word.text != "dan" for word in rest)

    def _listed_tail_start(self, first: int) -> int | None:
        """Where a listed organisation closing the run starts after ``first`` ("Indosat
        Ooredoo" + "Hutchison Asia Telecommunications Limited": two companies side by side), so
        that the words before it are parsed on their own; None when no such name closes it."""
        texts = [word.text for word in self.words]
        for split in range(first, len(texts) - 1):
            entry = KNOWN.get(" ".join(texts[split:]))
            if entry is not None and entry.entity_type == "ORG":
                return split
        return None

    def _emit_org_words(self, first: int, stop: int) -> str:
        start, end = self.base + self.words[first].start, self.base + self.words[stop - 1].end
        name = self.body[start:end]
        self.out.append(_Candidate(ORG, name, start, end, "cue"))
        return name

    def _parse_prefix(self, index: int, stop: int) -> None:
        """Parse the words before a name found from its end as a run of their own (looked up
        again, so that no listed phrase runs into that name)."""
        if index >= stop:
            return
        words = self.words
        self.words = _analyse_piece([(word.text, word.start, word.end) for word in words[:stop]])
        while index < stop:
            index = self._step(index)
        self._flush("cue")
        self.words = words

    def _step(self, index: int) -> int:
        word = self.words[index]
        if word.rank and index + word.rank < len(self.words):
            # "Kabid Humas Polda Jateng Komisaris Besar Hendra": a rank, not a new office
            self._flush("title")
            self.after_title = True
            for branch in self.words[index + 1 : index + word.rank]:
                if branch.known == 1 and branch.entry().entity_type == "ORG":  # "Mayjen TNI"
                    start, end = self.base + branch.start, self.base + branch.end
                    entry = branch.entry()
                    self.out.append(
                        _Candidate(ORG, entry.canonical_name, start, end, "known")
                    )
            return index + word.rank
        if self._continues_portfolio(word):
            self.unknown.append(word)
            return index + 1
        if word.text == "dan" and self._joins_portfolio(index):
            # "Menteri Investasi dan Hilirisasi Rosan"; "Dirjen Mineral dan Batu Bara (Minerba)"
            last_index = len(self.words) - 1 if self._short_form_closes(index) else index + 1
            self._set_role_end(self.base + self.words[last_index].end, [*self.unknown, word])
            self.unknown = []
            self.joined_portfolio = True
            return last_index + 1
        if word.text in NAME_STOPWORDS and self._is_name_part(index):
            self.unknown.append(word)  # "Irjen Pol Ribut Hari Wibowo", "Abdul Hakim Mahfudz"
            return index + 1
        if word.role and not self._office_is_given_name(index):
            size = self._role_size(index)
            serves = self._serves_next_office(word)
            self._flush("role")
            last = self.words[index + size - 1]
            if not serves:
                self.role_start = self.base + word.start
            self.affiliation = None
            self.unit_start = None
            self.joined_portfolio = False
            self._set_role_end(self.base + last.end, self.words[index + 1 : index + size])
            return index + size
        if word.text in HEADLINE_NOUN_VERBS and index == 0:
            return index + 1  # "Janji Burhanuddin diucapkan": the noun opening the sentence
        if word.known and not (word.cue and self._region_follows_body(index)):
            self._flush("place" if word.entry().entity_type == "LOC" else "known")
            country = self._foreign_country_after(index)
            if country:
                return self._emit_foreign_body(index, country)
            if self._sharia_unit_follows(index):
                return self._emit_sharia_unit(index)
            last = self.words[index + word.known - 1]
            self._emit_known(word.entry(), self.base + word.start, self.base + last.end)
            return index + word.known
        if self._ends_english_name(index):
            return self._emit_english_name(index)
        if word.cue:
            self._flush("cue")
            if index + word.cue == len(self.words):
                return index + word.cue  # a bare head word ("Desa itu") names nothing
            return self._emit_cued(index, word.cue)
        return self._step_plain(index)

    def _foreign_country_after(self, index: int) -> int:
        """Tokens of a foreign country right after a listed public body ("Kementerian Luar
        Negeri Turki", "Kemlu AS"): that country's ministry, not Indonesia's; else 0."""
        word = self.words[index]
        after = index + word.known
        if (
            word.entry().entity_type != "ORG"
            or after >= len(self.words)
            or not _is_public_body_name(word.entry().canonical_name)
        ):
            return 0
        following = self.words[after]
        if not following.known:
            return 0
        entry = following.entry()
        if entry.kind != "country" or entry.canonical_name == "Indonesia":
            return 0
        return following.known

    def _emit_foreign_body(self, index: int, country: int) -> int:
        """The ministry of that country, and the country as a place."""
        word = self.words[index]
        after = index + word.known
        last = self.words[after + country - 1]
        start, end = self.base + word.start, self.base + last.end
        written_country = self.body[self.base + self.words[after].start : end]
        name = word.entry().canonical_name + " " + written_country
        if self.role and self.affiliation is None:
            self.affiliation = name
        self.out.append(_Candidate(ORG, name, start, end, "cue"))
        place = self.words[after]
        state = place.entry().canonical_name  # the country is named as a place as well
        self.out.append(_Candidate(LOC, state, self.base + place.start, end, "known"))
        return after + country

    def _serves_next_office(self, word: _Word) -> bool:
        """ "Staf Khusus Menteri Keuangan", "Tenaga Ahli Gubernur": an office that serves
        another one runs on into the office it serves."""
        return (
            self.role is not None
            and not self.unknown
            and self.affiliation is None
            and self.role_end == self.base + word.start - 1
            and self.role.rsplit(" ", 1)[-1].casefold() in SUPPORTING_OFFICES
        )

    def _region_follows_body(self, index: int) -> bool:
        """ "Pengadilan Negeri Bangil": a listed body with regional offices, spelled out, before
        a place the lists do not know; its head word names it with the place instead. After an
        office only a court is named so; other bodies are followed by their head's name."""
        word = self.words[index]
        after = index + word.known
        name = word.entry().canonical_name
        if after >= len(self.words) or name not in REGIONAL_BODIES:
            return False
        if self.role is not None and not name.startswith(TOWN_NAMED_HEADS):
            return False  # "Kepala Badan Pusat Statistik Amalia Adininggar": the holder's name
        following = self.words[after]
        return not (
            following.role or following.known or following.cue or following.rank
            or following.is_title or following.is_minor or following.static_common
        )  # fmt: skip

    def _is_name_part(self, index: int) -> bool:
        """ "Hari" is a given name when a surname follows that is no holiday's name ("Hari
        Buruh", "Hari Kemerdekaan") and no word the article writes in lower case."""
        word_text = self.words[index].text
        if index + 1 >= len(self.words):
            return word_text == "Hakim" and self._ends_given_names()  # "Lukman Hakim mengatakan"
        following = self.words[index + 1]
        if any(_written_in_lower_case(self.body, w.text.casefold()) for w in self.unknown):
            return False  # "Fakta Unik Hari Bastille": a headline, not a name
        if not self.unknown and word_text != "Hari":
            return False  # "Hakim" only inside a name ("KH Abdul Hakim Mahfudz")
        if not (self.unknown or self.after_title or self.role):
            # "Hari Purwanto mengatakan": opening a name, "Hari" needs its holder's verb
            end = self.base + following.end
            if index + 2 != len(self.words) or SPEECH_VERB_AFTER_RE.match(self.body, end) is None:
                return False
        return not (
            following.role or following.known or following.cue or following.rank
            or following.is_title or following.is_minor or following.static_common
            or following.text in HOLIDAY_WORDS
            or _written_in_lower_case(self.body, following.text.casefold())
        )  # fmt: skip

    def _ends_given_names(self) -> bool:
        """Whether the pending words are given names a surname may close: no portfolio word,
        nothing the article writes in lower case."""
        return bool(self.unknown) and not any(
            _is_portfolio_word(w.text) or _written_in_lower_case(self.body, w.text.casefold())
            for w in self.unknown
        )

    def _continues_portfolio(self, word: _Word) -> bool:
        """ "Menteri Perumahan dan Kawasan Permukiman", "Komandan Pusat Polisi Militer": right
        after an office, portfolio words stay in it even when they are head words elsewhere."""
        if self.role is None or self.affiliation is not None or word.known:
            return False
        if word.text in MINISTRY_PORTFOLIO_HEADS and self.role.rsplit(" ", 1)[-1] == "Menteri":
            return not self.unknown  # "Menteri Koperasi Anak Agung Gede Puspayoga"
        if word.text not in PORTFOLIO_WORDS:
            return False
        return all(_is_portfolio_word(w.text) for w in self.unknown)

    def _joins_portfolio(self, index: int) -> bool:
        """ "Menteri Investasi dan Hilirisasi Rosan Roeslani": "dan" after portfolio words joins
        one more word to the portfolio when the holder's name still follows in the run."""
        if self.role is None or self.affiliation is not None or index + 1 >= len(self.words):
            return False
        if index + 2 == len(self.words) and not self._short_form_closes(index):
            return False
        portfolio = self.unknown
        if not portfolio and index and self.base + self.words[index - 1].end == self.role_end:
            portfolio = [self.words[index - 1]]  # "Menteri Investasi" is listed
            if " " not in self.role:
                return False
        if not portfolio or not all(_is_portfolio_word(w.text) for w in portfolio):
            return False
        following = self.words[index + 1]
        return not (
            following.role or following.known or following.cue or following.rank
            or following.is_title or following.is_minor
        )  # fmt: skip

    def _short_form_closes(self, index: int) -> bool:
        """ "Direktur Jenderal Mineral dan Batu Bara (Minerba)": the office's bracketed short
        form follows plain words, so they all belong to the portfolio."""
        if self.body[self.run_end : self.run_end + 2] != " (":
            return False
        if self._bracket_gives_name_initials():
            return False  # "... Kewilayahan Agus Harimurti Yudhoyono (AHY)": the holder's name
        return not any(
            w.role or w.known or w.cue or w.rank or w.is_title for w in self.words[index + 1 :]
        )

    def _office_is_given_name(self, index: int) -> bool:
        """ "Raja Juli Antoni", "Emir Chairullah": an office that is also a given name opens a
        name when plain name words follow it (two for "Raja": "Raja Salman" is the king), or
        when another office already waits for its holder ("Menteri Kehutanan Raja Juli"). A
        place, body, title, connector or numeral after it keeps the office ("Emir Qatar Sheikh
        Tamim", "Raja Salman bin Abdulaziz", "Raja Charles III")."""
        word = self.words[index]
        needed = GIVEN_NAME_OFFICES.get(word.text)
        if needed is None or word.role != 1:
            return False
        following = self.words[index + 1 :]
        if (
            self.role is not None
            and self.affiliation is None  # "Raja Belgia, Raja Philippe": the office again
            and all(_is_portfolio_word(w.text) for w in self.unknown)
        ):
            needed = 1
        if len(following) < needed:
            return False
        return not any(
            w.role or w.known or w.cue or w.rank or w.is_title or w.text[:1].islower()
            or w.text == "Al" or ROMAN_NUMERAL_RE.fullmatch(w.text)
            for w in following
        )  # fmt: skip

    def _continues_given_name(self, word: _Word) -> bool:
        """ "Raja Juli Antoni": a capitalised stopword (a month) after an office read as a given
        name is the next part of that name."""
        return (
            bool(self.unknown)
            and self.unknown[-1].text in GIVEN_NAME_OFFICES
            and word.text[:1].isupper()
        )

    def _bracket_gives_name_initials(self) -> bool:
        """The bracket after the run holds the initials of its last words, none of them a
        portfolio word: a person's name ("Agus Harimurti Yudhoyono (AHY)")."""
        close = self.body.find(")", self.run_end + 2, self.run_end + 10)
        short = self.body[self.run_end + 2 : close] if close > 0 else ""
        if len(short) < 2 or not short.isalpha() or not short.isupper():
            return False
        last = [w for w in self.words if w.text[:1].isupper()][-len(short) :]
        return (
            len(last) == len(short)
            and "".join(w.text[0] for w in last) == short
            and not any(_is_portfolio_word(w.text) for w in last)
        )

    def _role_size(self, index: int) -> int:
        """The office's words, up to a known name that starts inside it ("Kepala" of "Kepala
        Badan Meteorologi, Klimatologi, dan Geofisika")."""
        words = self.words
        size = words[index].role
        for inner in range(index + 1, index + size):
            if words[inner].known and inner + words[inner].known > index + size:
                return inner - index
        return size

    def _set_role_end(self, end: int, words: Sequence[_Word]) -> None:
        """The office now runs to ``end``; note where a unit head word ("Dinas") sits in it.
        A bracketed short form inside is left out ("Direktur Jenderal (Dirjen) Peternakan")."""
        self.role = self.body[self.role_start : end]
        if "(" in self.role:
            self.role = BRACKETED_RE.sub("", self.role)
        self.role_end = end
        if self.unit_start is None:
            for word in words:
                if CUES.get(word.text) == "ORG":
                    self.unit_start = self.base + word.start
                    break

    def _step_plain(self, index: int) -> int:
        """A token that starts no listed phrase: a title, a common word or part of a name."""
        words = self.words
        word = words[index]
        if word.is_title and index + 1 < len(words):
            self._flush("title")
            self.after_title = True
            return index + 1
        if is_title_case_verb(self.body, word.text):
            # "Trump Targetkan Kesepakatan Dagang", "Bupati Bekasi Angkat Bicara": a headline's
            # verb ends the subject's name; what follows is its object, no one's name
            self._flush("minor")
            self.role = None
            self.affiliation = None
            self.after_verb = True
            return index + 1
        if word.is_minor and self._ends_portfolio_in_acronym(word):
            self.unknown.append(word)  # "Direktur Jenderal Perlindungan WNI Kemlu Judha"
            return index + 1
        if word.is_minor and not (
            (_is_initial(word.text) and index + 1 < len(words))
            or self._continues_given_name(word)
            or (self.unknown and word.text in NAME_LIKE_STOPWORDS)  # "Iqbaal Ramadhan"
        ):
            self._flush("minor")
            return index + 1
        self.unknown.append(word)
        return index + 1

    def _ends_portfolio_in_acronym(self, word: _Word) -> bool:
        """An acronym of a common noun ("WNI", "UMKM") right after an office's portfolio words
        is the end of that portfolio, not a break before the holder."""
        return (
            self.role is not None
            and self.affiliation is None
            and bool(self.unknown)
            and _is_acronym(word.text)
            and all(_is_portfolio_word(w.text) for w in self.unknown)
        )

    def _emit_known(self, entry: KnownEntity, start: int, end: int) -> None:
        entity_type = _TYPE_BY_NAME[entry.entity_type]
        if self.role and self.affiliation is None:
            self.affiliation = entry.canonical_name
            self._emit_unit(entity_type, start, end)
        self.out.append(_Candidate(entity_type, entry.canonical_name, start, end, "known"))

    def _sharia_unit_follows(self, index: int) -> bool:
        """ "Bank Mega Syariah", "BRI Syariah": a known bank followed by "Syariah" names the
        bank's sharia company, a body of its own, not the bank and a person "Syariah"."""
        word = self.words[index]
        after = index + word.known
        return (
            word.entry().entity_type == "ORG"
            and after < len(self.words)
            and self.words[after].text == "Syariah"
        )

    def _emit_sharia_unit(self, index: int) -> int:
        start = self.base + self.words[index].start
        after = index + self.words[index].known
        end = self.base + self.words[after].end
        name = self.body[start:end]
        if self.role and self.affiliation is None:
            self.affiliation = name
        self.out.append(_Candidate(ORG, name, start, end, "cue"))
        return after + 1

    def _emit_unit(self, entity_type: EntityType, start: int, end: int) -> None:
        """ "Kepala Dinas Perhubungan DKI Jakarta": the office names the unit of that region."""
        if (
            entity_type is LOC
            and self.unit_start is not None
            and start - self.role_end <= 1
        ):
            name = self.body[self.unit_start : end]
            self.out.append(_Candidate(ORG, name, self.unit_start, end, "cue"))

    def _emit_cued(self, index: int, size: int) -> int:
        """A cue word starts an ORG/LOC that runs to the end of the run or the next office.

        After an office whose holder follows in the same run, the span is cut to the cue plus
        one word (or plus a known name), leaving the rest to the person; when the run ends at a
        comma or bracket the holder comes later and the name runs on.
        """
        words = self.words
        cue = words[index].cue_phrase
        kind = CUES[cue]
        end = index + size
        if kind == "O":
            end += 1
            while end < len(words) and words[end].text != "dan" and not _starts_org(words[end]):
                end += 1
            return end
        if kind == "LOC" and cue in ORG_WHEN_ACRONYM_FOLLOWS and _is_acronym(words[end].text):
            kind = "ORG"
        if cue in COUNTRY_BODY_HEADS and not self._is_country(end):
            return end  # "Kepresidenan G20": the chair of a group, no body
        holder_here = (
            self.role is not None
            and not self._holder_elsewhere()
            and not self._run_ends_with_body(end + 2)
        )
        region: _Word | None = None
        if holder_here and (words[end].rank or words[end].is_title):
            return end  # "Polresta Malang Kota Kompol Danang": a bare head word before a rank
        known = words[end].known
        suffix_end = self._legal_suffix_end(end) if kind == "ORG" else 0
        if suffix_end:
            end = suffix_end
        elif holder_here:
            end += known or 1
            while end + 1 < len(words) and AGE_GROUP_RE.fullmatch(words[end].text):
                end += 1  # "Pelatih Timnas Indonesia U-23 Shin Tae-yong": the team's age group
            while (
                kind == "ORG" and end + 1 < len(words) and words[end].text in BUSINESS_NAME_WORDS
            ):
                end += 1  # "Ketua Koperasi Unit Desa Makmur Jaya Sutarno"
            if kind == "ORG":
                end = self._firm_ending_end(end)
            if cue in SUBUNIT_HEADS:
                end = self._parent_body_end(end)
            place = words[end].known if end < len(words) else 0
            if (
                kind == "ORG"
                and place
                and end + place < len(words)
                and words[end].entry().entity_type == "LOC"
                and (not known or words[end].entry().kind in REGION_KINDS)
            ):
                # "Kepala Pengadilan Negeri Surabaya Dadi": the court's region; "Kepala Kantor
                # Wilayah Kementerian Hukum dan HAM Jawa Timur Heni": the office's province
                region = words[end]
                end += place
        else:
            first = words[end]
            if kind == "ORG" and first.known and first.entry().entity_type == "ORG":
                end += first.known  # "Kantor Wilayah Direktorat Jenderal Pajak": a listed body
            elif first.text != "dan" and (first.role or not first.is_minor):
                end += 1
            while end < len(words) and not self._ends_cued_name(end, kind, cue):
                end += 1
            if cue in COMPANY_HEADS:
                end = self._before_speaker(index + size, end)
        if end == index + size:
            return end
        if kind == "LOC" and cue in AREA_WORDS and self._is_known_place(index + size, end):
            return index + size  # "Kawasan Gerbangkertasusila": the listed region itself
        start, stop = self.base + words[index].start, self.base + words[end - 1].end
        name = self.body[start:stop]
        entity_type = _TYPE_BY_NAME[kind]
        if self.role and self.affiliation is None:
            self.affiliation = name
            self._emit_unit(entity_type, start, stop)
        self.out.append(_Candidate(entity_type, name, start, stop, "cue"))
        if cue in NATIONAL_TEAM_CUES:
            self._emit_places_within(index + size, end)  # "Timnas Indonesia": the country too
        if region is not None and cue not in LEGAL_PREFIXES:  # "PT Transportasi Jakarta"
            self._emit_known(region.entry(), self.base + region.start, stop)
        return end

    def _emit_places_within(self, first: int, end: int) -> None:
        for word in self.words[first:end]:
            if word.known and word.entry().entity_type == "LOC":
                start, stop = self.base + word.start, self.base + word.end
                name = word.entry().canonical_name
                self.out.append(_Candidate(LOC, name, start, stop, "known"))

    def _parent_body_end(self, index: int) -> int:
        """ "Dekan Fakultas Teknik UGM Budi": a faculty's name takes in the listed body it
        belongs to when two words are left for the holder (the body is also named on its own
        by ``_with_nested_organisations``)."""
        words = self.words
        if index >= len(words) or not words[index].known:
            return index
        parent = words[index]
        after = index + parent.known
        if parent.entry().entity_type != "ORG" or len(words) - after < 2:
            return index
        return after

    def _run_ends_with_body(self, index: int) -> bool:
        """ "dosen Fakultas Ekonomi dan Bisnis Universitas Gadjah Mada": the run closes with a
        listed organisation that starts at ``index`` or later, so the office's holder is not in
        it. One right after the head word and its first word is a body of its own ("Wakil Ketua
        Komisi XI DPR")."""
        words = self.words
        if len(words) - index >= 2 and words[-1].text in ORG_TAILS:
            return True  # "Dosen Fakultas Perikanan dan Ilmu Kelautan IPB University"
        return any(
            words[position].known
            and position + words[position].known == len(words)
            and words[position].entry().entity_type == "ORG"
            for position in range(index, len(words))
        )

    def _is_country(self, index: int) -> bool:
        word = self.words[index]
        return bool(word.known) and word.entry().kind == "country"

    def _is_known_place(self, index: int, end: int) -> bool:
        word = self.words[index]
        return word.known == end - index and word.entry().entity_type == "LOC"

    def _before_speaker(self, first: int, end: int) -> int:
        """ "PT Evoluzione Alessandro Monzani mengatakan": a company's name that runs up to a
        speech verb ends before two plain words that the span classifier reads as a person's
        name: its speaker. Only companies: other bodies' names are made of plain words
        ("Yayasan Pendidikan Harapan Bangsa mengatakan")."""
        words = self.words
        if end != len(words) or end - first < 3:
            return end
        if SPEECH_VERB_AFTER_RE.match(self.body, self.run_end) is None:
            return end
        speaker = words[end - 2 : end]
        if any(
            w.known or w.cue or w.role or w.is_title or w.is_minor or w.static_common
            or w.text in UNIT_ENDINGS or w.text in BUSINESS_NAME_WORDS or w.text.isupper()
            or not w.text[1:].islower()
            or _written_in_lower_case(self.body, w.text.casefold())
            for w in speaker
        ):  # fmt: skip
            return end
        start, stop = self.base + speaker[0].start, self.base + speaker[1].end
        person = _Candidate(PERSON, self.body[start:stop], start, stop, "verb")
        if SPAN_WEIGHTS and _label_of(self.body, person) != "PER":
            return end  # "PT Karya Sumber Rejeki mengatakan": the company's own words
        return end - 2  # the two words are parsed on as a name before a speech verb

    def _firm_ending_end(self, index: int) -> int:
        """ "Direktur PT Laba Forexindo Berjangka Ibrahim Assuaibi", "CEO PT Sinar Harapan
        Teknologi Alessandro Monzani": a firm's name after an office runs to its last typical
        ending word when two words are left for the holder."""
        words = self.words
        end = index
        for position in range(index, len(words) - 2):
            word = words[position]
            if word.role or word.is_title or word.rank or word.known or word.cue:
                break
            if word.text in FIRM_ENDINGS:
                end = position + 1
        return end

    def _legal_suffix_end(self, index: int) -> int:
        """ "PT Astra Otoparts Tbk Yusak Kristian": a listed company's name ends at "Tbk", so a
        name after it is someone else; 0 when no such suffix closes the name first."""
        words = self.words
        for position in range(index, min(index + MAX_COMPANY_WORDS, len(words))):
            word = words[position]
            if word.text in LEGAL_SUFFIXES:
                return position + 1 if position > index else 0
            if word.role or word.is_title:
                return 0
        return 0

    def _holder_elsewhere(self) -> bool:
        """The run ends at a comma or bracket, so an office's holder comes after it."""
        return self.body[self.run_end : self.run_end + 2] in (", ", " (", ",")

    def _ends_cued_name(self, index: int, kind: str, cue: str = "") -> bool:
        """Where a cue-headed name stops: an office, a title, a new body; "dan" only when it
        joins two heads ("PT Aneka Industri dan Jasa" runs on, "Polres A dan Polsek B" stops);
        a company's name before a facility it runs ("PT Angkasa Pura I Bandara Lombok")."""
        words = self.words
        word = words[index]
        if word.is_title or word.role or word.rank:
            return True
        if kind == "ORG" and cue in LEGAL_PREFIXES and word.cue_phrase in FACILITY_HEADS:
            return True
        if kind == "LOC" and self._next_place_starts(index):
            return True
        if word.text == "dan":
            if kind != "ORG" or index + 1 >= len(words):
                return True
            after = words[index + 1]
            return bool(
                after.role or after.known or after.cue or after.is_title or after.is_minor
            )
        return bool(kind == "LOC" and word.known and word.entry().entity_type == "ORG")

    def _next_place_starts(self, index: int) -> bool:
        """ "Desa Waung Kecamatan Boyolangu": a place's name ends where the next level of the
        administrative chain begins, or where a listed region closes the run after a village or
        street named in two words or more ("Desa Sumber Agung Tulungagung", "Jalan WR Supratman
        Tulungagung")."""
        word = self.words[index]
        if word.cue and word.cue_phrase in ADMINISTRATIVE_HEADS:
            return True
        if not word.known or word.entry().entity_type != "LOC":
            return False
        if word.entry().kind not in REGION_KINDS or index + word.known != len(self.words):
            return False
        head = index - 1
        while head >= 0 and not self.words[head].cue:
            head -= 1
        if head < 0:
            return False
        head_word = self.words[head].cue_phrase
        if head_word in REGION_HEADS or head_word not in ADMINISTRATIVE_HEADS | STREET_HEADS:
            return False  # "Provinsi DKI Jakarta", "Gereja Bethel Injili Nusantara": one name
        return index - head - self.words[head].cue >= 2  # "Dusun Karang Malang" is one name

    def _flush(self, following: str) -> None:
        """Type the pending unknown chunk from its context and what follows it in the run
        (``following``: "role", "known", "place", "cue", "title", "minor" or "end")."""
        chunk = self.unknown
        if not chunk:
            return
        self.unknown = []
        after_title, self.after_title = self.after_title, False
        chunk = _without_degrees(chunk)
        chunk = self._without_account_suffix(chunk)
        if len(chunk[0].text) == 1 and all(len(word.text) == 1 for word in chunk):
            return  # initials alone ("tersangka M") are not annotated
        if self.role:
            self._flush_after_office(chunk, following)
            return
        if self.after_verb and not after_title:
            return  # "Prabowo Puji Jokowi Soal Swasembada": the object of a headline's verb
        body = self.body
        start, end = self.base + chunk[0].start, self.base + chunk[-1].end
        name = body[start:end]
        at_run_end = chunk[-1] is self.words[-1]
        if after_title:
            source = "title"
        elif self._speech_names(chunk, at_run_end, start, end):
            source = "verb"
        else:
            source = "guess"
            if _is_quoted(body, start, end) or (
                len(chunk) == 1 and _is_common_word(body, chunk[0].text)
            ):
                return  # titles of works in quotes, capitalised common words
            if len(chunk) > 1 and (
                _is_term(chunk) or _acronym_spans_more(body, start, end, chunk)
            ):
                return
        entity_type = PERSON if after_title else _guess_type(body, start, chunk)
        self.out.append(_Candidate(entity_type, name, start, end, source))

    def _speech_names(self, chunk: list[_Word], at_run_end: bool, start: int, end: int) -> bool:
        """A speech verb follows the chunk, or a passive reporting verb comes right before it."""
        if at_run_end and SPEECH_VERB_AFTER_RE.match(self.body, end) is not None:
            return True
        if len(chunk) < 2 or chunk[0] is not self.words[0]:
            return False
        return _after_passive_speech(self.body, start) and _reads_as_personal_name(chunk)

    def _without_account_suffix(self, chunk: list[_Word]) -> list[_Word]:
        """ "akun Instagram Dedi Mulyadi Official" names Dedi Mulyadi: the suffix of a social
        media account is no part of the person's name."""
        if len(chunk) < 3 or chunk[-1].text not in ACCOUNT_SUFFIXES:
            return chunk
        if chunk[-1].text == "Official" or _in_account_context(self.body, self.base):
            return chunk[:-1]
        return chunk

    def _heads_area(self) -> bool:
        return self._area_head() is not None

    def _area_head(self) -> str | None:
        """The head word of the area the pending office heads ("Desa" for "Kepala Desa" and
        "Kades", "Kelurahan" for "Lurah"), None for other offices."""
        if self.role is None:
            return None
        last = self.role.rsplit(" ", 1)[-1]
        return last if last in AREA_HEADS else AREA_OF_OFFICE.get(last.capitalize())

    def _area_opens(self, chunk: list[_Word], following: str) -> bool:
        """ "Kepala Desa Waung Hari Purwanto": after the head of a village or district, the
        first word names the area when three words follow, when the article writes it after
        the area's head word elsewhere ("Desa Sukamaju"), or when a wider area follows it
        ("Kepala Desa Sumberejo Kecamatan Wonosari Sutrisno")."""
        head = self._area_head()
        if head is None:
            return False
        if len(chunk) == 1:
            return following in ("cue", "place")
        if len(chunk) < 2:
            return False
        first = chunk[0].text
        if f"{head} {first}" in self.body[: self.base] or f"{head} {first}" in self.body[
            self.run_end :
        ]:
            return True
        return (
            len(chunk) >= 3
            and first not in NAME_OPENERS
            and not _written_in_lower_case(self.body, first.casefold())  # "Putri Ayu Lestari"
        )

    def _leading_unit_or_field(self, chunk: list[_Word]) -> int:
        balinese = _balinese_name_start(chunk)
        if balinese:
            return balinese
        return self._leading_unit_or_field_words(chunk)

    def _leading_unit_or_field_words(self, chunk: list[_Word]) -> int:
        """Words before the holder's name (at least two words are left for it) that are not
        part of it: a company ending ("Presiden NS Trading Hiroyuki Kikukawa") or the field of
        an observer that the article also writes in lower case ("Pengamat Properti Panangian
        Simanungkalit")."""
        for index in range(len(chunk) - 3, -1, -1):
            if chunk[index].text in UNIT_ENDINGS:
                return index + 1
        first = chunk[0].text
        if (
            len(chunk) > 2
            and self.role is not None
            and self.role.rsplit(" ", 1)[-1].casefold() in FIELD_OFFICES
            and _written_in_lower_case(self.body, first.casefold())
        ):
            return 1
        return 0

    def _field_office_body_size(self, chunk: list[_Word]) -> int:
        """Words after an observer's office ("Analis", "Ekonom") that name the firm they work
        for, not their field: an acronym opening the chunk ("DCFX"), or words up to a firm
        ending ("Mega Capital"). 0 after other offices or when none do."""
        if self.role is None or self.role.rsplit(" ", 1)[-1].casefold() not in FIELD_OFFICES:
            return 0
        if any(not word.text[:1].isupper() for word in chunk):
            return 0  # "Ekonom Center of Economics and Law Studies": an English body's name
        for index in range(len(chunk) - 1, -1, -1):
            if chunk[index].text in UNIT_ENDINGS:
                return index + 1
        size = 0
        while size < len(chunk) and _is_acronym(chunk[size].text):
            size += 1
        return size

    def _flush_after_office(self, chunk: list[_Word], following: str) -> None:
        """Words after an office: its portfolio, the unit it belongs to, or its holder."""
        body = self.body
        start, end = self.base + chunk[0].start, self.base + chunk[-1].end
        if (
            len(chunk) > 2
            and following == "end"
            and any(word.text in ENGLISH_NAME_LINKS for word in chunk[1:-1])
            and not self._leading_unit_or_field(chunk)
        ):
            # "Juru bicara English Collective of Prostitutes, Niki Adams": no one's name
            self.affiliation = self.affiliation or body[start:end]
            self.out.append(_Candidate(ORG, body[start:end], start, end, "cue"))
            return
        if self.affiliation is None and self.bracketed and following == "end":
            self.affiliation = body[start:end]
            self.out.append(_Candidate(ORG, self.affiliation, start, end, "guess"))
            return
        if self.affiliation is not None and following == "place":
            return  # "CEO BPI Daya Anagata Nusantara (Danantara) Rosan": more of the body's name
        if self.affiliation is None and (
            following == "title"
            or (
                following == "end"
                and _holder_follows(body, end, len(chunk) == 1, self._heads_area())
            )
        ):
            if self.joined_portfolio and all(w.text in PORTFOLIO_WORDS for w in chunk):
                self._set_role_end(end, chunk)  # "... dan Pembangunan Kewilayahan, Agus"
                return
            if chunk[0].text in PORTFOLIO_MARKERS:
                self._set_role_end(end, chunk)  # "Deputi Bidang Penindakan Hukum, Irjen X"
                return
            # "Kapolda Metro Jaya Irjen Karyoto": the words between office and rank are the unit.
            self.affiliation = body[start:end]
            return
        if (
            self.affiliation is None
            and following == "place"
            and _is_acronym(chunk[-1].text)
            and not _ends_with_class_grade([word.text for word in chunk[-2:]])
        ):
            # "Humas RSUCM Aceh Utara": an acronym before a region is the body of that region.
            unit = chunk[-1]
            chunk = chunk[:-1]
            unit_start, unit_end = self.base + unit.start, self.base + unit.end
            self.affiliation = unit.text
            self.out.append(_Candidate(ORG, unit.text, unit_start, unit_end, "cue"))
            if chunk:
                self._set_role_end(self.base + chunk[-1].end, chunk)
            return
        if (
            self.affiliation is None
            and following in ("place", "known", "cue")
            and self.role in UNIT_OF_OFFICE
        ):
            # "Kapolres Metro Jakarta Selatan": the words after a unit's commander name the unit
            self.affiliation = body[start:end]
            return
        if (
            self.affiliation is None
            and chunk[0].text in MINISTRY_PORTFOLIO_HEADS
            and self.role is not None
            and self.role.rsplit(" ", 1)[-1] == "Menteri"
        ):
            self._set_role_end(self.base + chunk[0].end, chunk[:1])  # "Menteri Koperasi"
            chunk = chunk[1:]
            if not chunk:
                return  # "Menteri Koperasi dan UKM", "Menteri Koperasi (Menkop) Ferry"
            start = self.base + chunk[0].start
        if self.affiliation is None and self._area_opens(chunk, following):
            area = chunk[0]
            area_start, area_end = self.base + area.start, self.base + area.end
            head = self._area_head()
            self.affiliation = area.text
            self.out.append(
                _Candidate(LOC, f"{head} {area.text}", area_start, area_end, "cue")
            )
            chunk = chunk[1:]
            if not chunk:
                return  # "Kepala Desa Sumberejo Kecamatan Wonosari Sutrisno": the holder follows
            start = self.base + chunk[0].start
        body_size = self._field_office_body_size(chunk) if self.affiliation is None else 0
        if body_size:
            # "Analis DCFX Lukman", "Ekonom Mega Capital Indonesia Qolbie": an observer's firm,
            # after the field the article writes in lower case ("Pengamat Mata Uang Mizuho")
            field = 0
            while field < body_size - 1 and _written_in_lower_case(
                body, chunk[field].text.casefold()
            ):
                field += 1
            if field:
                self._set_role_end(self.base + chunk[field - 1].end, chunk[:field])
                start = self.base + chunk[field].start
            self.affiliation = body[start : self.base + chunk[body_size - 1].end]
            chunk = chunk[body_size:]
            if not chunk:
                return
            start = self.base + chunk[0].start
        if self.affiliation is None:
            portfolio = _portfolio_size(chunk)
            if following in ("known", "place", "cue") or (
                portfolio == len(chunk) and following in ("end", "minor")
            ):
                portfolio = len(chunk)
            if portfolio:
                self._set_role_end(self.base + chunk[portfolio - 1].end, chunk[:portfolio])
                chunk = chunk[portfolio:]
                if not chunk:
                    return
                start = self.base + chunk[0].start
        if len(chunk) > 1 and _is_term(chunk):
            return  # "Anggota Satuan Tugas Percepatan Perumahan": the rest of a body's name
        lead = self._leading_unit_or_field(chunk)
        if lead:
            lead_end = self.base + chunk[lead - 1].end
            if chunk[lead - 1].text in UNIT_ENDINGS or _balinese_name_start(chunk) == lead:
                self.affiliation = self.affiliation or body[start:lead_end]
            else:
                self._set_role_end(lead_end, chunk[:lead])
            chunk = chunk[lead:]
            start = self.base + chunk[0].start
        name = body[start:end]
        self.out.append(
            _Candidate(PERSON, name, start, end, "role", self.role, self.affiliation)
        )
        self.role = None
        self.affiliation = None


# Balinese names open with a birth-order name ("Putu", "Made"), often after "I"/"Ni", or with a
# caste title ("Ida Bagus", "Anak Agung"): words before it after an office name the village or
# unit ("Perbekel Cemagi Putu Hendra Sastrawan", "Bendesa Adat Kuta I Wayan Wasista").
BALINESE_BIRTH_ORDER = frozenset(
    {"Wayan", "Gede", "Gde", "Putu", "Luh", "Made", "Kadek", "Nengah", "Nyoman", "Komang",
     "Ketut", "Gusti", "Dewa"}
)  # fmt: skip
BALINESE_OPENERS = frozenset({("Ida", "Bagus"), ("Anak", "Agung"), ("Cokorda",),
                              ("Tjokorda",)})  # fmt: skip


def _balinese_name_start(chunk: list[_Word]) -> int:
    """Index (at least 1, leaving a name of two words or more) where a Balinese name opens."""
    texts = [word.text for word in chunk]
    for index in range(len(texts) - 1):
        text = texts[index]
        if text in ("I", "Ni"):
            opens = texts[index + 1] in BALINESE_BIRTH_ORDER
        else:
            opens = (
                text in BALINESE_BIRTH_ORDER
                or (text,) in BALINESE_OPENERS
                or (text, texts[index + 1]) in BALINESE_OPENERS
            )
        if opens:
            return index
    return 0


# Stopwords and offices that are also given names ("Irjen Pol Ribut Hari Wibowo", "KH Abdul
# Hakim Mahfudz"), and the words that
# follow "Hari" in the names of days rather than of people.
NAME_STOPWORDS = frozenset({"Hari", "Hakim"})
NAME_LIKE_STOPWORDS = frozenset({"Ramadhan", "Ramadan"})  # a month, and a surname after a name
HOLIDAY_WORDS = frozenset(
    {"Raya", "Buruh", "Pahlawan", "Kartini", "Santri", "Guru", "Anak", "Bumi", "Pers", "Tani",
     "Bhayangkara", "Batik", "Valentine", "Waisak", "Nyepi", "Pangan", "Olahraga", "Lingkungan",
     "Air", "Puisi", "Musik", "Film", "Anti", "Sumpah", "Perempuan", "Disabilitas", "Koperasi",
     "Gizi", "Keluarga", "Ayah", "Juang", "Armada", "Dharma", "Amal", "Bela", "Sampah", "Laut",
     "Hutan", "Buku", "Radio", "Polwan", "Veteran", "Pramuka", "Nusantara", "Jadi", "Lahir",
     "Ulang", "Besar", "Suci", "Libur", "Kerja", "Pertama", "Terakhir", "Kiamat", "Tasyrik",
     "Arafah", "Asyura", "Kesaktian", "Kebangkitan", "Kemerdekaan", "Pendidikan", "Kesehatan",
     "Tenang", "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Ini", "Itu"}
)  # fmt: skip
DERIVED_NOUN_RE = re.compile(r"(?:Pe|Ke)\w+an$")
MIN_DERIVED_NOUN = 8  # "Keuangan", "Pertanian"; shorter forms ("Pebrian") are often names


def _is_term(chunk: list[_Word]) -> bool:
    """ "Bea Cukai", "Keuangan Syariah": words that name a field, or open with a pe-/ke-...-an
    noun, are no one's name."""
    first = chunk[0].text
    if len(first) >= MIN_DERIVED_NOUN and DERIVED_NOUN_RE.match(first) is not None:
        return True
    return chunk[0].text in PORTFOLIO_WORDS and all(word.text in PORTFOLIO_WORDS for word in chunk)


def _acronym_spans_more(body: str, start: int, end: int, chunk: list[_Word]) -> bool:
    """ "Harga Eceran Tertinggi (HET)": the bracketed acronym after the chunk also covers the
    capitalised word before it, so the chunk is the tail of a defined term, not a name."""
    if body[end : end + 2] != " (":
        return False
    close = body.find(")", end + 2, end + 14)
    acronym = body[end + 2 : close] if close > 0 else ""
    if len(acronym) <= len(chunk) or not acronym.isalpha() or not acronym.isupper():
        return False
    if not acronym.endswith("".join(word.text[0] for word in chunk).upper()):
        return False
    before = body[max(0, start - 40) : start - 1].split(" ")[-1] if start >= 2 else ""
    return body[start - 1 : start] == " " and before[:1] == acronym[-len(chunk) - 1]


def _is_initial(text: str) -> bool:
    return len(text) == 1 and text.isupper()


def _is_acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper()


CLASS_GRADE_RE = re.compile(r"I{1,3}[AB]?|IV")


def _ends_with_class_grade(words: list[str]) -> bool:
    """"Lapas Kelas IIB": the grade of a prison, school or port office is part of the office's
    name, not the acronym of a body."""
    return len(words) > 1 and words[-2] == "Kelas" and bool(CLASS_GRADE_RE.fullmatch(words[-1]))


def _starts_org(word: _Word) -> bool:
    """A known organisation or an organisation head word: where an event's name gives way."""
    if word.known:
        return word.entry().entity_type == "ORG"
    return CUES.get(word.cue_phrase) == "ORG"


# The suffix of a social media account after its owner's name ("Dedi Mulyadi Official");
# "Official" always, the others only where the text speaks of an account or channel.
ACCOUNT_SUFFIXES = frozenset({"Official", "Channel", "TV"})
ACCOUNT_CONTEXT_RE = re.compile(
    r"\b(?:akun|kanal|channel|Instagram|YouTube|Youtube|TikTok|Twitter|Facebook|X)\b"
)
ACCOUNT_CONTEXT_CHARS = 40


def _in_account_context(body: str, start: int) -> bool:
    return ACCOUNT_CONTEXT_RE.search(body, max(0, start - ACCOUNT_CONTEXT_CHARS), start) is not None


# Verbs of Title-Case headlines glued to the body ("Dituduh Cuek, Bupati Angkat Bicara"): listed
# ones, "-kan" forms ("Targetkan", "Resmikan") and prefixed forms the article writes in lower case.
HEADLINE_VERBS = frozenset(
    {"Angkat", "Bicara", "Buka", "Cegah", "Dorong", "Genjot", "Kejar", "Jamin", "Bantah",
     "Ungkap", "Akui", "Sebut", "Minta", "Desak", "Kecam",
     "Tolak", "Dukung", "Bahas", "Temui", "Tinjau", "Lantik", "Beri", "Soroti", "Tanggapi",
     "Ajak", "Imbau", "Incar", "Puji", "Sindir", "Bongkar", "Tangkap", "Usut", "Geledah",
     "Periksa", "Tuntut", "Gugat", "Ancam", "Hadiri", "Kunjungi", "Raih", "Pamer", "Cabut",
     "Tetapkan", "Blak-blakan", "Dituduh",
     "Diduga", "Ditangkap", "Ditahan", "Diperiksa", "Digugat", "Dipecat", "Divonis", "Dituntut",
     "Diancam", "Dikritik", "Disorot", "Dicopot", "Dilantik", "Diminta", "Dibui", "Dipolisikan",
     "Terancam", "Terjerat", "Terseret", "Tertangkap", "Terbukti", "Terpilih", "Bertemu",
     "Berencana", "Bersiap", "Mengaku", "Menolak", "Membantah", "Meminta", "Meninggal"}
)  # fmt: skip
# Headline words that are verbs after a name ("Bobby Respons Purbaya") and nouns before one
# ("Janji Burhanuddin diucapkan", "Respons Ashanty").
HEADLINE_NOUN_VERBS = frozenset({"Respons", "Janji", "Kritik", "Vonis", "Klaim", "Curhat"})
PREFIXED_VERB_RE = re.compile(r"(?:Di|Ter|Ber|Me[mn]|Meng|Meny)[a-z]{3,}")
KAN_VERB_RE = re.compile(r"[A-Z][a-z]{3,}(?:[^aeu]kan|kkan)")
VERB_PREFIXES = ("Di", "Ter", "Ber", "Me")  # how every PREFIXED_VERB_RE match opens


def is_title_case_verb(body: str, text: str) -> bool:
    """A capitalised word that is a headline's verb ("Targetkan", "Angkat"), no name's part."""
    if text in HEADLINE_VERBS or text in HEADLINE_NOUN_VERBS:
        return True
    if text.endswith("kan") and KAN_VERB_RE.fullmatch(text) is not None:  # most words: no regex
        return DERIVED_NOUN_RE.match(text) is None and text not in KNOWN_PERSONS
    return (
        text.startswith(VERB_PREFIXES)
        and PREFIXED_VERB_RE.fullmatch(text) is not None
        and _written_in_lower_case(body, text.casefold())
    )


# "Hal itu disampaikan (oleh) Rina Kusuma di Jakarta": the agent of a passive reporting verb.
PASSIVE_SPEECH_BEFORE_RE = re.compile(
    r"\b(?:disampaikan|diungkapkan|dikatakan|dijelaskan|ditegaskan|diutarakan|dipaparkan|"
    r"dinyatakan)[ ]+(?:oleh[ ]+)?$"
)
PASSIVE_SPEECH_CHARS = 20


# Words that make a capitalised run a body, not a person ("Conference Board", "Monetary Fund").
BODY_WORDS = frozenset(
    {"Board", "Council", "Committee", "Commission", "Fund", "Bank", "Institute", "Office",
     "Agency", "Group", "Association", "Foundation", "Forum", "Bureau", "Center", "Centre",
     "Network", "Service", "Survey", "Watch", "Index", "Report", "News"}
)  # fmt: skip
MAX_PERSONAL_NAME_WORDS = 4


def _reads_as_personal_name(chunk: list[_Word]) -> bool:
    """Two to four title-case words, none a body's word, a derived noun or a prefixed verb."""
    return len(chunk) <= MAX_PERSONAL_NAME_WORDS and not any(
        (word.text.isupper() and len(word.text.rstrip(".")) > 1)  # "W. Brian Arthur" has one
        or word.static_common
        or word.text in BODY_WORDS
        or word.text in FIRM_ENDINGS
        for word in chunk
    )


def _after_passive_speech(body: str, start: int) -> bool:
    if not body.endswith(("kan ", "oleh "), 0, start):  # every passive verb ends in -kan
        return False
    window = max(0, start - PASSIVE_SPEECH_CHARS)
    return PASSIVE_SPEECH_BEFORE_RE.search(body, window, start) is not None


def _without_degrees(chunk: list[_Word]) -> list[_Word]:
    """ "Ari Wibowo SH", "Rina Kusuma SpPD-KEMD": degrees after a name are not part of it."""
    end = len(chunk)
    while end > 1 and _is_degree(chunk[end - 1].text):
        end -= 1
    return chunk if end == len(chunk) else chunk[:end]


def _is_degree(text: str) -> bool:
    """A degree, also a specialist's with its consultant field ("SpPD-KEMD", "SpOG-KFER")."""
    if text in DEGREES:
        return True
    core, _, field = text.partition("-")
    return bool(field) and core.startswith("Sp") and core in DEGREES and field.isupper()


def _portfolio_size(chunk: list[_Word]) -> int:
    """How many leading words of a chunk after an office name its portfolio, not its holder.

    "Bidang"/"Urusan" only ever open a portfolio, so the words up to them are portfolio even
    when misspelt ("Menteri Koodinator Bidang Perekonomian Darmin Nasution").
    """
    size = 0
    for word in chunk:
        if not _is_portfolio_word(word.text):
            break
        size += 1
    for index in range(len(chunk) - 1, size - 1, -1):
        if chunk[index].text in PORTFOLIO_MARKERS:
            size = index + 1
            while size < len(chunk) and _is_portfolio_word(chunk[size].text):
                size += 1
            break
    return size


def _is_portfolio_word(text: str) -> bool:
    if text in PORTFOLIO_WORDS or _is_acronym(text):
        return True
    if text[-1:] == "i" and text[-2:] != "si" or text in KNOWN_PERSON_WORDS:
        return False  # "Presiden Megawati", "Kepala Dinas Setiadi": names read as me-/se-...-i
    return COMMON_WORD_RE.match(text) is not None


def _holder_follows(body: str, end: int, one_word: bool, area_head: bool = False) -> bool:
    """ "Kapolda Metro Jaya, Irjen Karyoto", "CEO YouTube, Neal Mohan": the words after the
    office are its unit when a rank opens the next run, or (for one word) a name follows the
    comma; "Presiden Jokowi, Senin (3/3)" keeps "Jokowi" as the holder. After the head of a
    village the holder may be one word too ("Kepala Desa Sukamaju, Utami, menuturkan")."""
    match = TITLE_AFTER_RE.match(body, end)
    if match is None:
        return False
    word = match.group(1)
    if word in TITLES or word in RANK_FIRST:
        return True
    return (
        one_word
        and body[end : end + 1] == ","
        and word.casefold() not in STOPWORDS
        and word.casefold() not in ROLE_FIRST
        and (
            (body[match.end() : match.end() + 1] == " "
             and body[match.end() + 1 : match.end() + 2].isupper())
            or (area_head and body[match.end() : match.end() + 2] in (", ", " ("))
        )
    )  # fmt: skip


def _is_quoted(body: str, start: int, end: int) -> bool:
    """Between quotation marks, a space allowed inside each; the opening one is read by index
    (rarely there, so the slice for the closing one is seldom built)."""
    before = body[start - 1] if start else ""
    if start >= 2 and before.isspace():
        before = body[start - 2]
    return before in ('"', "“") and body[end : end + 2].strip()[:1] in ('"', "”")


def _guess_type(body: str, start: int, chunk: list[_Word] | tuple[_Word, ...]) -> EntityType:
    """Unknown names: acronyms are organisations, names after "di"/"ke" places, else people."""
    if _letter_word_may_precede(body, start):
        words = body[max(0, start - 12) : start].rsplit(None, 1)
        if words and words[-1].casefold() in PLACE_PREPOSITIONS:
            return LOC
    if len(chunk) == 1 and len(chunk[0].text) > 1 and chunk[0].text.isupper():
        return ORG
    return PERSON


def _context(body: str, start: int, end: int) -> tuple[str, str, str, str]:
    """Two case-folded words/marks before and after a span, padded with <s> and </s>."""
    before = _last_two_tokens(body, start)
    after = CONTEXT_AFTER_RE.match(body, end, end + CONTEXT_CHARS)
    b0 = before[-2].casefold() if len(before) > 1 else "<s>"
    b1 = before[-1].casefold() if before else "<s>"
    if after is None:
        a0 = a1 = "</s>"
    else:
        first, second = after.groups()
        a0 = first.casefold()
        a1 = second.casefold() if second is not None else "</s>"
    return b0, b1, a0, a1


def _last_two_tokens(body: str, start: int) -> list[str]:
    """The last two context tokens of the ``CONTEXT_CHARS`` before ``start``.

    Tokens never hold a space, so tokenising from a space gives the same last tokens as
    tokenising the whole window; starting at a space near the span reads far fewer characters.
    """
    window = max(0, start - CONTEXT_CHARS)
    space = body.rfind(" ", window, max(window, start - SHORT_CONTEXT_CHARS))
    if space > window:
        tokens = CONTEXT_RE.findall(body, space, start)
        if len(tokens) >= 2:
            return tokens[-2:]
    return CONTEXT_RE.findall(body, window, start)[-2:]


def span_features(body: str, cand: _Candidate) -> list[str]:
    """Features of one candidate span for the learned classifier (shared with its trainer).

    Words are case-folded and context is read as words and punctuation marks so that the
    tokenised training sets and raw articles give the same features.
    """
    surface = body[cand.start : cand.end]
    return [*_surface_features(surface), *_context_features(body, cand)]


def _context_features(body: str, cand: _Candidate) -> list[str]:
    b0, b1, a0, a1 = _context(body, cand.start, cand.end)
    kind = _CONLL_TAG[cand.entity_type]
    features = [
        f"s={cand.source}",
        f"t={kind}",
        f"st={cand.source}{kind}",
        f"p1={b1}",
        f"p2={b0}|{b1}",
        f"n1={a0}",
        f"n2={a0}|{a1}",
        f"p1t={b1}|{kind}",
    ]
    if _is_sentence_start(body, cand.start):
        features.append("start")
    return features


@lru_cache(maxsize=WORD_CACHE_SIZE)
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


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _surface_scores(surface: str) -> tuple[float, ...]:
    """Summed weights of the surface features, in feature order (so sums match exactly)."""
    return tuple(_add_weights([0.0] * len(SPAN_LABELS), _surface_features(surface)))


def _add_weights(scores: list[float], features: Iterable[str]) -> list[float]:
    """``scores`` plus the weight rows of the known ``features``, added in feature order."""
    get = SPAN_WEIGHTS.get
    rows = [row for row in map(get, features) if row is not None]
    if not rows:
        return list(scores)
    columns = zip(*rows, strict=True)
    return [sum(column, total) for total, column in zip(scores, columns, strict=True)]


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
        if cand.canonical_name in KNOWN_PERSONS:  # "rumah Trump di Florida"
            cand.entity_type = PERSON
            kept.append(cand)
            continue
        label = _label_of(body, cand)
        if label == "O" or (label == "PER" and _names_a_venue(body, cand)):
            dropped.append(cand)
            continue
        cand.entity_type = _TYPE_BY_LABEL[label]  # the candidate is this call's own object
        kept.append(cand)
    if dropped:
        kept = sorted(kept + _vouched_for(body, kept, dropped), key=lambda c: c.start)
    return kept


def _names_a_venue(body: str, cand: _Candidate) -> bool:
    """A guessed person right after a venue's kind ("di hotel Pullman") is the venue's name."""
    return VENUE_BEFORE_RE.search(body, max(0, cand.start - VENUE_REACH), cand.start) is not None


def _label_of(body: str, cand: _Candidate) -> str:
    """The best label of ``span_features`` without building its strings.

    The weights are summed in the order of ``span_features`` (surface and source part cached
    per span text, context weights looked up by word tuples), so the scores are exactly the
    trainer's.
    """
    start, end = cand.start, cand.end
    b0, b1, a0, a1 = _context(body, start, end)
    kind = _CONLL_TAG[cand.entity_type]
    scores: Sequence[float] = _span_scores(body[start:end], cand.source, kind)
    context_rows = [
        row
        for row in (_P1.get(b1), _P2.get((b0, b1)), _N1.get(a0), _N2.get((a0, a1)),
                    _P1T.get((b1, kind)))
        if row is not None
    ]  # fmt: skip
    if _START is not None and _is_sentence_start(body, start):
        context_rows.append(_START)
    if context_rows:  # each label's sum goes on from its span score, row after row
        columns = zip(*context_rows, strict=True)
        scores = [sum(column, total) for total, column in zip(scores, columns, strict=True)]
    return SPAN_LABELS[scores.index(max(scores))]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _span_scores(surface: str, source: str, kind: str) -> tuple[float, ...]:
    """Summed weights of the surface and source features, the first terms of every score:
    cached, because the same guessed names recur with the same source and type all night."""
    rows = [_surface_scores(surface), *_source_rows(source, kind)]
    return tuple(sum(column) for column in zip(*[r for r in rows if r is not None], strict=True))


@lru_cache(maxsize=64)
def _source_rows(source: str, kind: str) -> tuple[tuple[float, ...] | None, ...]:
    get = SPAN_WEIGHTS.get
    return get(f"s={source}"), get(f"t={kind}"), get(f"st={source}{kind}")


_Row = tuple[float, ...]  # one feature's weight for each label


def _context_tables(weights: dict[str, _Row]) -> tuple[
    dict[str, _Row], dict[tuple[str, str], _Row], dict[str, _Row], dict[tuple[str, str], _Row],
    dict[tuple[str, str], _Row],
]:
    """Weights of p1/p2/n1/n2/p1t features keyed by their words, read back from the names.

    A context token is one punctuation mark or a word without "|", so "p2=||x" is ("|", "x").
    """
    p1: dict[str, tuple[float, ...]] = {}
    n1: dict[str, tuple[float, ...]] = {}
    p2: dict[tuple[str, str], tuple[float, ...]] = {}
    n2: dict[tuple[str, str], tuple[float, ...]] = {}
    p1t: dict[tuple[str, str], tuple[float, ...]] = {}
    for feature, row in weights.items():
        name, _, value = feature.partition("=")
        if name == "p1":
            p1[value] = row
        elif name == "n1":
            n1[value] = row
        elif name in ("p2", "n2"):
            if value.startswith("||"):
                before, after = "|", value[2:]
            else:
                before, _, after = value.partition("|")
            (p2 if name == "p2" else n2)[(before, after)] = row
        elif name == "p1t":
            word, kind = value.rsplit("|", 1)
            p1t[(word, kind)] = row
    return p1, p2, n1, n2, p1t


_P1, _P2, _N1, _N2, _P1T = _context_tables(SPAN_WEIGHTS)
_START = SPAN_WEIGHTS.get("start")


def _best_label(features: list[str]) -> str:
    """The best label of a full feature list (the trainer's and tests' reference scorer)."""
    scores = _add_weights([0.0] * len(SPAN_LABELS), features)
    return SPAN_LABELS[scores.index(max(scores))]


def _vouched_for(body: str, kept: list[_Candidate], dropped: list[_Candidate]) -> list[_Candidate]:
    """Dropped guesses that the rest of the article shows to be names (see ``_classify``)."""
    name_parts: set[str] = set()
    short_names = set()
    for cand in kept:
        if cand.entity_type is not PERSON:
            continue  # only people vouch: no split for the rest
        parts = cand.canonical_name.split()
        if len(parts) > 1:
            name_parts.update(part for part in parts if len(part) > 1)
            name_parts.update(p[3:] for p in parts if p[:3] in ARTICLE_PREFIXES and len(p) > 5)
            name_parts.add(cand.canonical_name)  # "kata dr. Siti Rahma": the same full name
        else:
            short_names.add(cand.canonical_name)
    ends = {cand.end for cand in kept}
    rescued = []
    for cand in dropped:
        opens = body[cand.start - 2 : cand.start] == " (" and cand.start - 2 in ends
        bracketed = opens and body[cand.end : cand.end + 1] == ")"
        if cand.canonical_name in name_parts or bracketed:
            rescued.append(cand)
        elif (
            short_names
            and cand.entity_type is PERSON
            and _short_form_kept(cand, short_names)
        ):
            rescued.append(cand)  # "Dani M. Nursalam" when "Dani" is kept as a person
    return rescued


def _short_form_kept(cand: _Candidate, short_names: set[str]) -> bool:
    parts = cand.canonical_name.split()
    return len(parts) > 1 and (parts[0] in short_names or parts[-1] in short_names)


def _names_no_one(body: str, word: str) -> bool:
    """A word glued before a person's name that is no name word: an acronym ("PIP"), an office
    ("Sesmenko"), an English article, a firm ending, a listed body or place, or a word the
    article writes in lower case ("rider")."""
    if word in NAME_OPENERS or word in KNOWN_PERSON_WORDS:
        return False
    return (
        _is_acronym(word)
        or word == "The"
        or word in FIRM_ENDINGS
        or word.casefold() in ROLE_FIRST
        or OFFICE_SHORT_FORM_RE.fullmatch(word) is not None
        or word in KNOWN
        or _written_in_lower_case(body, word.casefold())
    )


def _glued_lead_size(
    body: str, cand: _Candidate, called: set[str], persons: set[str], spans: list[tuple[int, int]]
) -> int:
    """How many words open the name before the person's own name: the words up to a firm
    ending ("Tatadana Consulting Tejasari Assad", "DC Futures Lukman Leong"), or, when the
    article calls the person by a later part ("Marquez", "Marc Marquez") or an acronym comes
    first ("Bara JP Willem"), the leading words that each name no one or are written elsewhere
    in the article apart from the name ("Ducati Lenovo"); 0 when none. Two words or more are
    left for the name, or one after an office ("Sesmenko Susiwijono")."""
    words = cand.canonical_name.split(" ")
    firm = _firm_ending_index(words)
    if firm:
        return firm if _reads_as_given_names(body, words[firm:]) else 0
    for index in range(1, len(words)):
        if words[index] in called or " ".join(words[index:]) in persons:
            break
        before = words[index - 1]
        if before.isalpha() and _is_acronym(before) and words[index][1:].islower():
            break  # "Bara JP Willem", not "Dani M. Nursalam"
    else:
        return 0
    size = 0
    for word in words[:index]:
        if words[size - 1 : size] != ["The"] and not _glued_word_names_no_one(
            body, word, frozenset(words[index:]), called, spans
        ):
            break
        size += 1
    if size and len(words) - size < 2 and words[size - 1].casefold() not in ROLE_FIRST:
        return 0
    if any(_is_office_or_link(word) for word in words[size:]):
        return 0  # "Chief Championship Officer Formula E Alberto Longo": no name is left
    return size


def _is_office_or_link(word: str) -> bool:
    """A word no person's own name has: an office word or a lower-case link ("of")."""
    folded = word.casefold()
    return folded in ROLE_LAST_WORDS or folded in ROLE_FIRST or not word[:1].isupper()


def _glued_word_names_no_one(
    body: str, word: str, name_words: frozenset[str], called: set[str], spans: list[tuple[int, int]]
) -> bool:
    """A word glued before the person's own name (``name_words``) is no name word: see
    ``_glued_lead_size``."""
    if (
        word in called
        or word in NAME_OPENERS
        or word in KNOWN_PERSON_WORDS
        or word[-1] == "."
        or len(word) == 1
        or not word[:1].isupper()
    ):
        return False  # "Bambang Ekoloyo Butet", "M. Taufik Zulkifli": all name words
    return _names_no_one(body, word) or _written_apart(body, word, name_words, spans)


def _firm_ending_index(words: list[str]) -> int:
    """The number of words up to the last firm ending that leaves two words or more after it
    ("Bluebay Asset Management Timothy Ash" -> 3), with the firm words right after it
    ("Colliers International"); 0 when there is none."""
    for index in range(len(words) - 3, -1, -1):
        if words[index] in UNIT_ENDINGS:
            size = index + 1
            while len(words) - size > 2 and words[size] in FIRM_ENDINGS:
                size += 1
            return size
    return 0


def _reads_as_given_names(body: str, words: list[str]) -> bool:
    """Two or three capitalised words with no firm ending, acronym, office or word the article
    writes in lower case among them ("Lukman Leong", "Tejasari Assad")."""
    return len(words) <= 3 and not any(
        not word[:1].isupper()
        or _is_acronym(word)
        or word in FIRM_ENDINGS
        or word.casefold() in ROLE_LAST_WORDS
        or word.casefold() in ROLE_FIRST
        or _written_in_lower_case(body, word.casefold())
        for word in words
    )


def _written_apart(
    body: str, word: str, name_words: frozenset[str], spans: list[tuple[int, int]]
) -> bool:
    """The article writes the word as a whole word outside every person's name and not before
    a word of this person's own name ("Ducati Lenovo" for "Rider Ducati Marc Marquez", not
    "Thomas Lembong" for "Thomas Trikasih Lembong")."""
    position = body.find(word)
    while position >= 0:
        after = position + len(word)
        if not (
            any(start <= position < end for start, end in spans)
            or body[position - 1 : position].isalnum()
            or body[after : after + 1].isalnum()
            or _next_word(body, after) in name_words
            or _is_initial(_next_word(body, after))
        ):
            return True
        position = body.find(word, after)
    return False


def _next_word(body: str, end: int) -> str:
    """The word after the one ending at ``end``, without the punctuation closing it."""
    return body[end + 1 : body.find(" ", end + 1)].rstrip(",.;:")


def _tail_named_apart(name: str, persons: set[str]) -> bool:
    """ "Ketua DPRD Bone Andi Tenri Walinonong" when the article also names "Andi Tenri
    Walinonong": a later part of two words or more is a person's whole name."""
    words = name.split(" ")
    return any(" ".join(words[index:]) in persons for index in range(1, len(words) - 1))


def _without_glued_leads(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Rider Ducati Marc Marquez ... kata Marquez", "Menko Kumham Imipas Yusril Ihza
    Mahendra ... ujar Yusril": when the article calls a person by a later part of the name and
    every word before that part names no one (an office, a body, a brand, a place), those words
    are cut off the name; an office among them becomes the role, the rest the affiliation."""
    people = [c for c in candidates if c.entity_type is PERSON]
    if not any(" " in c.canonical_name for c in people):
        return candidates  # no name of two words or more: nothing to cut
    persons = {c.canonical_name for c in people}
    called = {name for name in persons if " " not in name}
    body_ends = {c.end + 1 for c in candidates if c.entity_type is ORG}
    company_ends = {
        c.end + 1 for c in candidates
        if c.entity_type is ORG and c.canonical_name.split(" ", 1)[0] in LEGAL_PREFIXES
    }  # fmt: skip
    heads = set()  # the names that open a longer name: "Skuad Garuda" of "Skuad Garuda Shin"
    for name in persons:
        space = name.find(" ")
        while space >= 0:
            heads.add(name[:space])
            space = name.find(" ", space + 1)
    spans = [  # where people are named; not a lead read alone ("Skuad Garuda")
        (c.start, c.end) for c in people if c.canonical_name not in heads
    ]  # fmt: skip
    leads: set[str] = set()
    for cand in people:
        name = cand.canonical_name
        if " " not in name:
            continue
        if cand.start in body_ends and (
            cand.start in company_ends or not _tail_named_apart(name, persons)
        ):
            continue  # "PT Dhirga Surya Ari Wibowo": the body's cut name is completed later
        if body[cand.start : cand.end] != name:
            continue
        words = name.split(" ")
        size = _glued_lead_size(body, cand, called, persons, spans)
        if not size:
            continue
        lead = words[:size]
        offices = 0
        while offices < size and lead[offices].casefold() in ROLE_FIRST:
            offices += 1
        cut = len(" ".join(lead)) + 1
        cand.canonical_name = name[cut:]
        if offices and cand.role is None:
            cand.role = " ".join(lead[:offices])
        elif offices:
            offices = 0
        if offices < size and cand.affiliation is None:
            cand.affiliation = " ".join(lead[offices:])
        cand.start += cut
        leads.add(" ".join(lead))
    if not leads:
        return candidates
    return [  # "Skuad Garuda" alone once "Skuad Garuda Shin Tae-yong" is cut: no one
        cand
        for cand in candidates
        if not (
            cand.entity_type is PERSON
            and cand.source in SHORT_FORM_SOURCES
            and cand.canonical_name in leads
        )
    ]


def _resolve_in_document(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Tie acronyms and short forms to the full names the same article uses."""
    candidates = _apply_acronym_definitions(body, candidates)
    candidates = _complete_cut_organisations(body, candidates)
    candidates = _apply_nicknames(body, candidates)
    candidates = _apply_person_initials(body, candidates)
    candidates = _apply_longer_names(body, candidates)
    by_part = _full_names_by_part(candidates)
    places = _place_tails(candidates)
    areas = _area_tails(candidates)
    resolved = []
    for cand in candidates:
        if cand.source not in SHORT_FORM_SOURCES:
            resolved.append(cand)
            continue
        place = places.get(cand.canonical_name) if cand.source == "role" else None
        if place is not None:  # "Kepala Desa Selamat" when the article names "Desa Selamat"
            cand = replace(cand, entity_type=LOC, canonical_name=place, role=None)
            resolved.append(cand)
            continue
        if (
            cand.source == "guess"
            and cand.entity_type is PERSON
            and cand.canonical_name in areas
            and cand.canonical_name not in by_part
        ):  # "Desa Sambeng (Juwangi)" when the article names "Kecamatan Juwangi"
            resolved.append(replace(cand, entity_type=LOC))
            continue
        owners = (
            by_part.get(cand.canonical_name)
            or _nickname_owners(cand, by_part)
            or _call_name_owner(body, cand, by_part)
        )
        if owners and len(owners) == 1:
            cand = replace(cand, entity_type=PERSON, canonical_name=next(iter(owners)))
        resolved.append(cand)
    return resolved


def _apply_longer_names(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Hendra Sastrawan" after "Perbekel Cemagi Putu Hendra Sastrawan": a name of two words
    or more that is part of exactly one longer name introduced by an office or title is that
    person, so that a bare "Hendra" has one full name to stand for. Guessed longer names are
    no owners: a headline in title case glues verbs to names ("Ahmad Dhani Jelaskan")."""
    fulls = {
        cand.canonical_name for cand in candidates
        if cand.entity_type is PERSON and " " in cand.canonical_name
    }  # fmt: skip
    introduced = {
        cand.canonical_name for cand in candidates
        if cand.entity_type is PERSON and cand.source in ("role", "title")
        and cand.canonical_name.count(" ") > 1
        and body[body.rfind("\n", 0, cand.start) + 1 : cand.start + 1][:1] not in HEADLINE_MARKS
    }  # fmt: skip
    if not introduced or len(fulls) < 2:
        return candidates
    longer_of: dict[str, str] = {}
    for name in fulls:
        padded = " " + name + " "
        owners = [full for full in introduced if full != name and padded in " " + full + " "]
        if len(owners) == 1 and _extra_words_are_names(body, name, owners[0]):
            longer_of[name] = owners[0]
    if not longer_of:
        return candidates
    return [
        replace(cand, canonical_name=longer_of[cand.canonical_name])
        if cand.entity_type is PERSON
        and cand.source in SHORT_FORM_SOURCES
        and cand.canonical_name in longer_of
        else cand
        for cand in candidates
    ]


# Lines of headlines and metadata tables in Markdown crawls, written in title case.
HEADLINE_MARKS = frozenset("#|")
# Words that open a full name before the part an article repeats ("Putu Hendra Sastrawan" ->
# "Hendra Sastrawan", "Muhammad Akbar Djohan" -> "Akbar Djohan").
NAME_OPENERS = BALINESE_BIRTH_ORDER | {
    "I", "Ni", "Ida", "Bagus", "Anak", "Agung", "Cokorda", "Muhammad", "Mohammad", "Mochamad",
    "Mohamad", "Muhamad", "Moh", "Muh", "M", "Ahmad", "Achmad", "Abdul", "Siti", "Sri", "Raden",
    "Andi", "Teuku", "Tengku", "Cut", "La", "Wa", "Tri", "Dwi", "Eka",
}  # fmt: skip


def _extra_words_are_names(body: str, name: str, longer: str) -> bool:
    """The words the longer name adds look like name words: no acronym, listed name, head word,
    office or word the article writes in lower case ("Hilirisasi Rosan Perkasa Roeslani" and
    "Brigitte Macron Tampil Modis" glue a headline to a name)."""
    before, _, after = (" " + longer + " ").partition(" " + name + " ")
    if any(word not in NAME_OPENERS for word in before.split()):
        return False  # "Kemenaker Heri Sudarmanto": a body glued before the name
    patronymic = ROYAL_PATRONYMIC_RE.match(" " + after)
    if patronymic is not None and longer.startswith(MALAY_ROYAL_WORDS):
        after = (" " + after)[patronymic.end() :]  # "Tunku Ismail" of "... ibni Sultan Ibrahim"
    for word in after.split():
        if (
            _is_acronym(word)
            or word in KNOWN
            or word in CUES
            or word.casefold() in ROLE_FIRST
            or _is_static_common(word)
            or _written_in_lower_case(body, word.casefold())
        ):
            return False
    return True


def _apply_nicknames(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """A nickname the article defines stands for the full name: "Ara -sapaan Maruarar
    Sirait-", "Bobby, sapaan akrab Muhammad Bobby Afif Nasution", "Joko Widodo atau yang akrab
    disapa Jokowi"."""
    if (
        not any(stem in body for stem in NICKNAME_CUE_STEMS)
        or not any(cue in body for cue in NICKNAME_CUES)
    ) and FAMILIAR_HONORIFIC_RE.search(body) is None:
        return candidates  # no cue, and no "atau Gus": most articles, though many say "atau"
    persons = {
        body[cand.start : cand.end]: cand.canonical_name
        for cand in candidates
        if cand.entity_type is PERSON
    }
    full_of: dict[str, str] = {}
    for pattern, cue in _NICKNAME_PATTERNS:
        if cue.search(body) is None:
            continue  # the pattern cannot match without its cue: skip its scan from every capital
        for match in pattern.finditer(body):
            full = _named_in(match.group("full"), persons)
            nick = _named_in(match.group("nick"), persons) or match.group("nick").split()[-1]
            if full is not None and persons.get(nick, nick) != persons[full]:
                full_of[persons.get(nick, nick)] = persons[full]
    candidates = _with_nicknames_of_previous(body, candidates, persons, full_of)
    if not full_of:
        return candidates
    resolved = []
    for cand in candidates:
        full = full_of.get(cand.canonical_name)
        if full is not None and cand.source != "known":
            cand = replace(cand, entity_type=PERSON, canonical_name=full)
        resolved.append(cand)
    return resolved


def _with_nicknames_of_previous(
    body: str, candidates: list[_Candidate], persons: dict[str, str], full_of: dict[str, str]
) -> list[_Candidate]:
    """ "Menko Pangan Zulkifli Hasan ... Zulhas, sapaan akrabnya, mengatakan": the nickname
    stands for the last person named by more than one word before it, and is a mention of that
    person even where the rules had not kept it."""
    added = []
    if _NICKNAME_CUE_RE.search(body) is None:
        return candidates
    for match in NICK_OF_PREVIOUS_RE.finditer(body):
        nick = _named_in(match.group("nick"), persons)
        if nick is None:
            nick = match.group("nick").split()[-1]
            if nick.casefold() in STOPWORDS or nick.casefold() in ROLES:
                continue
        full = None
        for cand in candidates:
            if cand.start >= match.start():
                break
            if cand.entity_type is PERSON and " " in cand.canonical_name:
                full = cand.canonical_name
        if full is None or persons.get(nick, nick) == full:
            continue
        full_of.setdefault(persons.get(nick, nick), full)
        if nick not in persons:
            end = match.end("nick")
            added.append(_Candidate(PERSON, nick, end - len(nick), end, "cue"))
    if not added:
        return candidates
    kept = [c for c in candidates if not any(c.start < a.end and a.start < c.end for a in added)]
    return sorted(kept + added, key=lambda cand: cand.start)


MIN_SURE_INITIALS = 3  # "AHY", "HNW": a person even when the article never spells them out
INITIALS_SOURCE = "initials"  # a guess that is listed initials, kept from the classifier



def _apply_person_initials(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "AHY mengatakan", "kata JK": initials of a listed public figure are that person, named
    as the article names them ("M Hidayat Nur Wahid"); two-letter initials only count when
    the article names the person in full. Initials the article has already tied to another
    name ("Herry Tho (HT)") are left alone."""
    found = [
        cand for cand in candidates
        if cand.canonical_name in PERSON_INITIALS
        and body[cand.start : cand.end] == cand.canonical_name
    ]  # fmt: skip
    if not found:
        return candidates
    persons = {c.canonical_name for c in candidates if c.entity_type is PERSON}
    unresolved = []
    for cand in found:
        full = _article_spelling(PERSON_INITIALS[cand.canonical_name], persons)
        if full is not None:
            cand.entity_type, cand.canonical_name = PERSON, full
        elif len(cand.canonical_name) >= MIN_SURE_INITIALS:
            cand.entity_type = PERSON
        elif cand.source == INITIALS_SOURCE:
            unresolved.append(cand)  # "CT scan": the classifier decides, as for any guess
    if not unresolved:
        return candidates
    kept = [cand for cand in candidates if cand not in unresolved]
    return sorted(kept + _classify(body, [replace(c, source="guess") for c in unresolved]),
                  key=lambda cand: cand.start)


def _initials_unscored(candidates: list[_Candidate]) -> list[_Candidate]:
    """Guesses that are listed initials ("JK", "AHY") skip the span classifier: whether they
    are the person is settled against the whole article in ``_apply_person_initials``."""
    for cand in candidates:
        if cand.source == "guess" and cand.canonical_name in PERSON_INITIALS:
            cand.source = INITIALS_SOURCE
    return candidates


def _article_spelling(full: str, persons: set[str]) -> str | None:
    """The article's name for a listed person: the same name, or the one sharing most (two or
    more) of its words, the shortest of those ("Soesilo Bambang Yudhoyono" for "Susilo Bambang
    Yudhoyono"; "Dedi Mulyadi" rather than "Kang Dedi Mulyadi")."""
    if full in persons:
        return full
    words = set(full.split())
    best: tuple[int, int, str] | None = None
    for name in persons:
        parts = name.split()
        shared = len(words & set(parts))
        if shared >= 2 and (best is None or (-shared, len(parts), name) < best):
            best = (-shared, len(parts), name)
    return best[2] if best is not None else None


def _named_in(run: str, persons: dict[str, str]) -> str | None:
    """The longest ending of a capitalised run that is a person's mention ("Presiden Joko
    Widodo" -> "Joko Widodo")."""
    words = run.split()
    for first in range(len(words)):
        tail = " ".join(words[first:])
        if tail in persons:
            return tail
    return None


def _full_names_by_part(candidates: list[_Candidate]) -> dict[str, set[str]]:
    """Each word of a multi-word person name -> the full names it belongs to."""
    by_part: dict[str, set[str]] = {}
    for cand in candidates:
        if cand.entity_type is PERSON:
            parts = cand.canonical_name.split()
            if len(parts) > 1:
                for part in parts:
                    if len(part) > 1:
                        by_part.setdefault(part, set()).add(cand.canonical_name)
                    if part[:3] in ARTICLE_PREFIXES and len(part) > 5:  # "Al-Muslimi": "Muslimi"
                        by_part.setdefault(part[3:], set()).add(cand.canonical_name)
    return by_part


ARTICLE_PREFIXES = frozenset({"Al-", "al-", "El-", "el-"})  # Arabic article of a surname


def _nickname_owners(cand: _Candidate, by_part: dict[str, set[str]]) -> set[str] | None:
    """ "Ignas" for "Ignasius Boli Uran": a one-word person that begins a first name."""
    name = cand.canonical_name
    if cand.entity_type is not PERSON or len(name) < 4 or " " in name:
        return None
    owners = {
        full for part, fulls in by_part.items()
        if part.startswith(name) and _starts_a_full_name(fulls, part) for full in fulls
    }
    return owners or None


def _call_name_owner(
    body: str, cand: _Candidate, by_part: dict[str, set[str]]
) -> set[str] | None:
    """The one full name a bare one-word name is a call name or a typo of (see below)."""
    if " " in cand.canonical_name or not by_part or not _may_be_call_name(body, cand):
        return None
    return _inner_nickname_owner(cand, by_part) or _misspelt_owner(cand, by_part)


def _inner_nickname_owner(cand: _Candidate, by_part: dict[str, set[str]]) -> set[str] | None:
    """ "Ketua KPU Mochammad Afifuddin ... kata Afif", "Emanuel Melkiades Laka Lena ... kata
    Melki": a bare one-word name that begins a later word of exactly one full name is that
    person's call name, unless the article introduces it as someone else's."""
    name = cand.canonical_name
    owners = {
        full for part, fulls in by_part.items()
        if len(part) > len(name) and part.startswith(name) for full in fulls
    }  # fmt: skip
    return owners if len(owners) == 1 else None


def _may_be_call_name(body: str, cand: _Candidate) -> bool:
    name = cand.canonical_name
    return (
        cand.source in ("verb", "guess")
        and cand.entity_type is PERSON
        and len(name) >= MIN_MISSPELT_CHARS
        and " " not in name
        and name not in KNOWN_PERSONS
        and INTRODUCED_AFTER_RE.match(body, cand.end) is None
        and INTRODUCED_BEFORE_RE.search(body, max(0, cand.start - 12), cand.start) is None
    )


VOWELS = frozenset("aeiou")
MIN_MISSPELT_CHARS = 4


# What introduces someone new: "warga bernama Rini", "Rini (34)", "Rini, warga setempat".
INTRODUCED_BEFORE_RE = re.compile(r"(?:bernama|berinisial|yakni|yaitu|adalah|seperti)[ ]+$")
INTRODUCED_AFTER_RE = re.compile(r"[ ]?\(|,[ ]+[a-z]")


def _misspelt_owner(cand: _Candidate, by_part: dict[str, set[str]]) -> set[str] | None:
    """ "Kepala Desa Sukamaju Hari Purwanto ... kata Heri": a bare one-word name that no full
    name contains is a typo of the only full name with a word one vowel away from it (same
    length, same first letter). Not for a name the gazetteer lists as someone else's, nor for
    someone the article introduces ("kata Rini, warga setempat", "warga bernama Rini")."""
    name = cand.canonical_name
    owners = {
        full for part, fulls in by_part.items() if _one_vowel_apart(name, part) for full in fulls
    }
    return owners if len(owners) == 1 else None


def _one_vowel_apart(written: str, part: str) -> bool:
    if len(written) != len(part) or written[0] != part[0]:
        return False
    changed = [(a, b) for a, b in zip(written, part, strict=True) if a != b]
    return len(changed) == 1 and changed[0][0] in VOWELS and changed[0][1] in VOWELS


def _starts_a_full_name(fulls: set[str], part: str) -> bool:
    return any(full.split()[0] == part for full in fulls)


def _place_tails(candidates: list[_Candidate]) -> dict[str, str]:
    """ "Selamat" -> "Desa Selamat": the name after a place head word the article uses."""
    tails = {}
    for cand in candidates:
        if cand.entity_type is LOC and cand.source == "cue":
            head, _, rest = cand.canonical_name.partition(" ")
            if rest and head in CUES:
                tails[rest] = cand.canonical_name
    return tails


def _area_tails(candidates: list[_Candidate]) -> set[str]:
    """ "Juwangi" of "Kecamatan Juwangi": names of administrative areas the article uses, which
    (unlike "Jalan Soeharto" or "Makam Marsinah") are not named after people."""
    return {
        cand.canonical_name.partition(" ")[2]
        for cand in candidates
        if cand.entity_type is LOC
        and cand.source == "cue"
        and cand.canonical_name.partition(" ")[0] in AREA_HEADS
    }


def _complete_cut_organisations(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Direktur Utama PT Dhirga Surya Ari Wibowo": an organisation cut to its head word plus
    one word before a holder's name is completed to the longer name the article uses."""
    names = {c.canonical_name for c in candidates if c.entity_type is ORG}
    out = list(candidates)
    for index, (org, person) in enumerate(zip(candidates, candidates[1:], strict=False)):
        if (
            org.entity_type is not ORG
            or person.source != "role"
            or body[org.end : person.start] != " "
        ):
            continue
        words = person.canonical_name.split()
        for size in range(len(words) - 1, 0, -1):
            longer = org.canonical_name + " " + " ".join(words[:size])
            if longer in names:
                cut = person.start + len(" ".join(words[:size])) + 1
                out[index] = replace(org, canonical_name=longer, end=cut - 1)
                out[index + 1] = replace(person, canonical_name=body[cut : person.end], start=cut)
                if person.affiliation == org.canonical_name:
                    out[index + 1].affiliation = longer
                break
    return out


def _may_abbreviate(short: str, full: _Candidate) -> bool:
    """A bracketed form aliases the name before it when it can abbreviate it (an acronym, or
    the same first letter); "Presiden Indonesia (Prabowo)" and "Desa A (Juwangi)" do not."""
    if full.entity_type is PERSON:
        return True
    capitals = sum(ch.isupper() for ch in short)
    acronym = capitals > 1 and (" " not in short or short.isupper())
    return acronym or (" " not in short and short[:1] == full.canonical_name[:1])


def _place_redefines(body: str, place: _Candidate, acronym: _Candidate) -> bool:
    """ "Kabupaten Ogan Komering Ilir (OKI)": a place spelt out before a listed acronym of
    something else (the OKI of Islamic states) is what the acronym means in the article."""
    short = body[acronym.start : acronym.end]
    words = body[place.start : place.end].split()
    if words[0] in REGION_HEADS or words[0] in ADMINISTRATIVE_HEADS:
        words = words[1:]  # "Kabupaten Ogan Komering Ilir (OKI)"
    return (
        place.entity_type is LOC
        and acronym.entity_type is not LOC  # "Provinsi NTT (NTT)" is one place
        and short.isupper()
        and "".join(word[0] for word in words) == short
    )  # not "militer Israel (IDF)", "Gedung Bursa Efek Indonesia (BEI)": not the place


def _place_at_end(name: str, short: str) -> _Candidate | None:
    """ "Kejari Ogan Komering Ilir (OKI)": an acronym of the listed place that ends a body's
    name stands for the place."""
    words = name.split()
    if not short.isupper() or not 1 < len(short) < len(words):
        return None
    tail = words[-len(short) :]
    if "".join(word[0] for word in tail) != short:
        return None
    entry = KNOWN.get(" ".join(tail))
    if entry is None or entry.entity_type != "LOC":
        return None
    return _Candidate(LOC, entry.canonical_name, 0, 0, "known")


def _apply_acronym_definitions(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Dewan Keamanan PBB (DK PBB)": the bracketed name is an alias of the name before it."""
    aliases: dict[str, _Candidate] = {}
    for before, inside in zip(candidates, candidates[1:], strict=False):
        if inside.start != before.end + 2:
            continue  # most neighbours: no " (" between them, so no slice
        gap = body[before.end : inside.start]
        closes = body[inside.end : inside.end + 1] == ")"
        if gap == " (" and closes and (
            inside.source != "known" or _place_redefines(body, before, inside)
        ) and _may_abbreviate(body[inside.start : inside.end], before):
            aliases[body[inside.start : inside.end]] = before
        elif gap == " (" and closes and before.entity_type is ORG:
            place = _place_at_end(before.canonical_name, body[inside.start : inside.end])
            if place is not None and place.canonical_name != inside.canonical_name:
                aliases[body[inside.start : inside.end]] = place
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

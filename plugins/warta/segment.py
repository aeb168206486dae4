"""Paragraph and sentence segmentation with character offsets into ``body_text``.

Indonesian news is full of full stops that do not end a sentence: titles and ranks ("Prof. Dr.",
"Kombes. Pol."), addresses ("Jl. Sudirman No. 5"), initials ("Susilo B. Yudhoyono"), company
forms ("PT. Bank", "Tbk. (BBCA)"), domains ("Kompas.com"). One precompiled regex finds every
candidate boundary (terminator + optional closing quote/bracket + whitespace + a capital, digit or
opening quote; or a terminator glued to the next sentence); only candidates ending in a single "."
pay for a look at the token before them. Measured against the hand-checked boundaries of
``tests/data/sentence_boundaries.jsonl`` with ``scripts/eval_segment.py``.

Decisions (each pinned by a test in ``tests/unit/test_segment.py``):

- A closing quote or bracket right after the terminator stays with its sentence: ``."`` and ``.”``
  end the sentence *after* the quote mark. A comma-closed quote (``,” kata X.``) is never a
  boundary, and neither is ``?” tanya dia`` (lowercase follows).
- A quotation holding several sentences is split at its real sentence ends; the last piece keeps
  the closing quote and the attribution (``Ini juga ... semua,” ujar Prabowo.``). Quote extraction
  works on paragraph text, so it does not depend on the quote being one sentence.
- Prefix abbreviations (titles, ranks, address parts, "Rp.", "No.") never end a sentence: the
  next word belongs to them. Suffix abbreviations ("Tbk.", "Ltd.", "dll.", "dsb.", "dst.", "dkk.",
  "p.a.") end one only when a capitalised word or a quote follows: in the crawls "Tbk. Lalu, ..." is
  a sentence end while "Tbk. (BBCA)" is not.
- A single capital letter is an initial ("A. Rahman", "Agus D.W. Martowardojo", "dihadiri A.
  Rahman") unless a number or an ordinary lowercase word comes before it ("kelas I. Meski",
  "tersangka Z. Tersangka") or a function word follows it ("galian A dan C. Kemudian ...").
- An ellipsis glued to its word ends a sentence before a capital ("naik… Pedagang", as in every
  such case in the crawls); a spaced one ("dengan ... Kementerian") marks an omission and does not.
  Before a closing quote it always ends one (``…” Lalu``).
- A number opening a line or following a sentence end ("ulasannya. 1. Logam") is a list number.
- A full stop after an ordinary lowercase word of four letters or more ends a sentence even before
  a lowercase word ("yang nyata. nanti ..."): in the crawls that is a sentence whose capital was
  forgotten far more often than anything else.
- Lost breaks the cleaner leaves (it only restores them after a lowercase letter or digit): a
  terminator glued to a capitalised word ("dolar AS.Rupiah", "1445 H.Berdasarkan"), to an opening
  quote (``AS."Pekan``, an odd count of straight quotes before it means it closes instead) or to a
  list number ("triliun.2. Kabupaten") is a boundary, decided by the same token rules; a domain
  ending ("Tempo.Co") is not.
"""

from __future__ import annotations

import re

from warta.model import Paragraph, Sentence

# Paragraphs are separated by one blank line; tolerate stray spaces on the blank line.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

_CLOSERS = "\"”’'»)]"
_OPENERS = "\"“‘'«(["
_QUOTES = "\"”’'»"
_UPPER = "A-ZÀ-ÖØ-Þ"

# Terminator run, closing quotes/brackets glued to it, whitespace, then something that can start a
# sentence (a lowercase word only for the "nyata. nanti" rule); or a terminator or bracket glued to
# what follows, where the crawler lost a break.
# The pattern opens with a bare character class, which lets the regex engine skip in C from one
# terminator or bracket to the next; any other opening (a group, a lookahead) makes it start a
# match attempt at every character of the body (~3x the cost of the scan). So the first character
# is read before the alternatives and each alternative checks it behind itself; a terminator run
# is ``text[match.start():match.start("close")]``, and a glued bracket has no "close" group.
_CANDIDATE = re.compile(
    r"[.!?…)](?:"
    rf"(?<=[.!?…])[.!?…]*(?P<close>[{re.escape(_CLOSERS)}]*)"
    rf"(?:\s+(?=[{re.escape(_OPENERS)}]*[{_UPPER}0-9]|[a-z])"
    # glued: no space before a capitalised word, an all-capital one or a list number
    rf"|(?=[\"“]?[{_UPPER}][a-z]|[{_UPPER}]{{2,}}\s|\d{{1,2}}\.\s))"
    # a bracket glued to a capitalised word: "(78 persen)Turki mengalami", "(Foto: X)Pertama"
    rf"|(?<=\))(?=[{_UPPER}][a-z]))"
)
# A list number glued to the item before it: "triliun.2", "sejak 2006,2", "miliar10".
_GLUED_NUMBER = re.compile(r"(?:(?<=[^\W\d_])|(?<=[.,;:]))\d{1,2}$")
# "SejarahVol." lost the space before the abbreviation: its capitalised tail is the token.
_CAPITALISED_TAIL = re.compile(rf"(?<=[a-z])[{_UPPER}][a-z]*$")


def _words(text: str) -> list[str]:
    return text.split()


_TITLES = _words(
    # academic, religious and civil titles
    "Dr Prof Ir Eng Drs Dra Hj KH Ust Bpk Bp Sdr Sdri Tn Ny Nn Mr Mrs Ms St Sta Yth "
    # military and police ranks
    "Jend Letjen Mayjen Brigjen Kol Letkol Kapt Lettu Letda Laksda Laksdya Marsda Irjen Komjen "
    "Kombes Kompol AKBP AKP Iptu Ipda Aiptu Aipda Bripka Brigpol Briptu Bripda Pol Purn "
    # addresses and administrative units
    "Jl Jln Gg Kp Ds Kab Kec Kel Prov Kav Blk Lt RT RW No "
    # money, companies, references
    "Rp PT CV Co Tel Telp Fax Ext Vol Hlm Vs "
    # month abbreviations precede a year ("12 Okt. 2022")
    "Jan Feb Mar Apr Jun Jul Agu Agt Ags Aug Sep Sept Okt Oct Nov Des Dec"
)

# Exact spellings (case matters: "Kol." is a colonel, "kol." is cabbage and may end a sentence).
PREFIX_ABBREVIATIONS: frozenset[str] = frozenset(
    _TITLES
    + [t.upper() for t in _TITLES]
    + _words(
        "dr drg prof jl jln no rp hlm vs yth yg dgn utk cq jo a.n u.p s.d d.a a.l c.q e.g i.e"
    )
)

# These close a phrase, so they end a sentence when a capitalised word follows.
SUFFIX_ABBREVIATIONS: frozenset[str] = frozenset(
    _words("Tbk TBK tbk Ltd LTD Inc Corp Bhd Plc PLC Jr Sr dll dsb dst dkk tsb sbb etc p.a")
)

# Academic degrees after a name ("Budi Santoso, S.H., M.H. Ia ...") end a sentence like suffixes.
# The all-capital ones look like initials ("S.H. Sarundajang"), so they count as degrees only after
# a comma.
DEGREES: frozenset[str] = frozenset(
    _words(
        "S.H M.H S.E M.M S.T M.T S.P M.A S.IP S.Si M.Si S.Sos M.Sos S.Pd M.Pd S.Kom M.Kom S.Ag "
        "M.Ag S.Ked S.Psi M.Psi M.Hum S.Hum S.Hut S.Farm Ph.D LL.M Sp.A Sp.OG Sp.PD Sp.B"
    )
)

# Lowercase words that typically introduce a name, so "kata A. Rahman" keeps its initial.
# Passive verbs ("dihadiri", "dikatakan") do too and are recognised by their prefix.
NAME_INTRODUCERS: frozenset[str] = frozenset(
    _words(
        "oleh kata ujar ucap tutur dan serta dengan bersama kepada untuk dari yakni yaitu adalah "
        "antara atas saudara bernama namanya bapak ibu pak bu sdr"
    )
)

# Function words that open sentences but are never names: after "galian C." or "dan C." they show
# that the capital letter was a label at the end of the previous sentence.
SENTENCE_OPENERS: frozenset[str] = frozenset(
    _words(
        "Ini Itu Ia Dia Kami Kita Mereka Saya Namun Tetapi Tapi Sementara Sedangkan Selain Setelah "
        "Sebelum Sebelumnya Ketika Saat Meski Meskipun Walau Walaupun Karena Sebab Jika Kalau "
        "Agar Untuk Menurut Kemudian Lalu Adapun Bahkan Hal Dalam Pada Di Dari Dengan Ada Semua "
        "Selanjutnya Sehingga Oleh Apalagi Padahal Tentu"
    )
)

_TOP_LEVEL_DOMAINS = frozenset(
    _words("com id net org co go ac sch or my io tv info biz gov edu uk")
)
_NEXT_WORD = re.compile(r"[\"“‘'«(\[]*(\w+)")


def split_paragraphs(body_text: str) -> list[Paragraph]:
    """Paragraphs are the blocks between blank lines, trimmed, numbered from 1."""
    paragraphs: list[Paragraph] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(body_text):
        _append_paragraph(paragraphs, body_text, start, match.start())
        start = match.end()
    _append_paragraph(paragraphs, body_text, start, len(body_text))
    return paragraphs


def split_sentences(body_text: str, paragraphs: list[Paragraph] | None = None) -> list[Sentence]:
    """Sentences inside each paragraph, numbered from 1 across the document, never crossing one."""
    if paragraphs is None:
        paragraphs = split_paragraphs(body_text)
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        start = paragraph.char_start
        for match in _CANDIDATE.finditer(body_text, paragraph.char_start, paragraph.char_end):
            if _ends_sentence(body_text, match, paragraph.char_start):
                end, next_start = _sentence_end(body_text, match, paragraph.char_start)
                _append_sentence(sentences, body_text, paragraph.paragraph_no, start, end)
                start = next_start
        _append_sentence(sentences, body_text, paragraph.paragraph_no, start, paragraph.char_end)
    return sentences


def segment(body_text: str) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs and sentences in one call, the way the pipeline needs them."""
    paragraphs = split_paragraphs(body_text)
    return paragraphs, split_sentences(body_text, paragraphs)


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace so every span's text is already stripped."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _append_paragraph(paragraphs: list[Paragraph], text: str, start: int, end: int) -> None:
    start, end = _trimmed_span(text, start, end)
    if start < end:
        paragraphs.append(Paragraph(len(paragraphs) + 1, start, end))


def _append_sentence(
    sentences: list[Sentence], text: str, paragraph_no: int, start: int, end: int
) -> None:
    if start < end and (text[start].isspace() or text[end - 1].isspace()):
        start, end = _trimmed_span(text, start, end)  # only for paragraphs given unstripped
    if start < end:
        sentences.append(Sentence(len(sentences) + 1, paragraph_no, start, end, text[start:end]))


def _is_glued_bracket(match: re.Match[str]) -> bool:
    """A ``_CANDIDATE`` match at a bracket glued to the next sentence, not at a terminator."""
    return match["close"] is None


def _sentence_end(text: str, match: re.Match[str], paragraph_start: int) -> tuple[int, int]:
    """(end of the sentence, start of the next): after the closing quote, or before a glued
    opening quote or list number."""
    if _is_glued_bracket(match):
        return match.end(), match.end()
    close_start, close_end = match.span("close")
    glued_quote = close_start < close_end == match.end() and text[close_end - 1] == '"'
    # Glued ``AS."Pekan``: the quote opens the next sentence unless one is already open.
    if glued_quote and text.count('"', paragraph_start, close_end - 1) % 2 == 0:
        return close_end - 1, close_end - 1
    period = match.start()
    number_start = None
    if text[period - 1].isdigit():
        number_start = _glued_list_number(text, period, paragraph_start)
    if number_start is not None:
        return number_start, number_start  # "miliar10. Kabupaten": the item starts at "10"
    return close_end, match.end()


def _glued_list_number(text: str, period: int, paragraph_start: int) -> int | None:
    """Start of a list number glued to the previous item, when it continues the paragraph's
    numbering (its predecessor "n-1. " came before) or is "1"."""
    token_start = _token_start(text, paragraph_start, period)
    number = _GLUED_NUMBER.search(text, token_start, period)
    if number is None:
        return None
    value = int(number.group())
    if value == 1:  # "berikut:1. Lebanon" opens a list
        return number.start() if text[number.start() - 1] in ".:" else None
    previous = re.search(rf"(?<!\d){value - 1}\. ", text[paragraph_start : number.start()])
    return number.start() if previous else None


def _ends_sentence(text: str, match: re.Match[str], paragraph_start: int) -> bool:
    """Decide whether a candidate boundary is real; only single full stops need the token."""
    if _is_glued_bracket(match):
        return True
    close_start, next_start = match.start("close"), match.end()
    term, close = text[match.start() : close_start], match["close"]
    if text[next_start].islower():
        return not close and term == "." and _ordinary_word_before(text, match, paragraph_start)
    if "!" in term or "?" in term:
        return True
    if term != ".":
        # An omission ("dengan ... Kementerian") is spaced; a trailing-off ("naik…") is glued.
        glued_to_word = text[match.start() - 1].isalnum() if match.start() else False
        return any(c in _QUOTES for c in close) or glued_to_word
    if any(c in _QUOTES for c in close) and match.end("close") != next_start:
        return True
    period = match.start()
    token_start = _token_start(text, paragraph_start, period)
    token = text[token_start:period].lstrip(_OPENERS)
    if next_start == match.end("close"):  # glued to what follows: a lost break or a domain
        if _next_word(text, next_start).lower() in _TOP_LEVEL_DOMAINS:
            return False
        if text[next_start].isdigit():  # "triliun.2. Kabupaten": a list item after a sentence
            return token[-1:].islower() or token[-1:] in _CLOSERS
    if token[-1:].isdigit() and _glued_list_number(text, period, paragraph_start) is not None:
        # A letter before the number means the previous item lost its break; punctuation
        # ("triliun.2.", "2006,2.") means the break, if any, was already taken before it.
        number = _GLUED_NUMBER.search(token)
        assert number is not None  # the glued list number found in the text ends the token
        return token[-len(number.group()) - 1].isalpha()
    if not (token.istitle() or token.islower() or token.isupper()):
        tail = _CAPITALISED_TAIL.search(token)  # only mixed-case tokens such as "SejarahVol"
        if tail and tail.group() in PREFIX_ABBREVIATIONS:
            return False
    return _token_ends_sentence(text, token, token_start, paragraph_start, next_start)


def _ordinary_word_before(text: str, match: re.Match[str], paragraph_start: int) -> bool:
    """A lowercase word of four letters or more, not an abbreviation: "yang nyata. nanti"."""
    period = match.start()
    token = text[_token_start(text, paragraph_start, period) : period]
    return (
        len(token) >= 4
        and token.isalpha()
        and token.islower()
        and token not in PREFIX_ABBREVIATIONS
        and token not in SUFFIX_ABBREVIATIONS
    )


def _token_start(text: str, lower_bound: int, end: int) -> int:
    """Index just after the last whitespace before ``end`` (C-speed backward scans)."""
    space = max(text.rfind(" ", lower_bound, end), text.rfind("\n", lower_bound, end))
    return space + 1 if space >= 0 else lower_bound


def _token_ends_sentence(
    text: str, token: str, token_start: int, paragraph_start: int, next_start: int
) -> bool:
    if not token:
        return True
    if token in PREFIX_ABBREVIATIONS:
        return False
    if token in SUFFIX_ABBREVIATIONS:
        return _next_is_word(text, next_start)
    if len(token) == 1 and token.isupper():
        previous = _previous_token(text, token_start, paragraph_start)
        return _initial_ends_sentence(previous) or _opens_sentence(_next_word(text, next_start))
    if "." in token:
        return _dotted_token_ends_sentence(text, token, token_start, paragraph_start, next_start)
    if token.isdigit() and len(token) <= 2:
        return not _is_list_number(text, token_start, paragraph_start)
    return True


def _is_list_number(text: str, token_start: int, paragraph_start: int) -> bool:
    """"1. Pertama" opening a paragraph or a line, or right after a sentence end, is a list item."""
    if token_start == paragraph_start or text[token_start - 1] == "\n":
        return True
    previous = _previous_token(text, token_start, paragraph_start).rstrip(_CLOSERS)
    return previous[-1:] in (".", "!", "?", ":")


def _dotted_token_ends_sentence(
    text: str, token: str, token_start: int, paragraph_start: int, next_start: int
) -> bool:
    """Tokens with inner dots: URLs and domains end sentences, initials and degrees may not."""
    token = token.rstrip(_CLOSERS)
    if "/" in token or "@" in token or any(c.isdigit() for c in token):
        return True  # URLs, e-mail addresses, "08.00", "3.016"
    if token in DEGREES:
        is_mixed_case = not token.replace(".", "").isupper()  # "M.Si" is never an initial
        previous = _previous_token(text, token_start, paragraph_start)
        return (is_mixed_case or previous.endswith(",")) and _next_is_word(text, next_start)
    parts = token.split(".")
    if all(len(part) == 1 and part.isupper() for part in parts):
        # "B.J. Habibie", "K.H. Bisri"; but "Bank N.A. Kemudian" ends with a country's initials.
        return _opens_sentence(_next_word(text, next_start))
    if parts[-1].lower() in _TOP_LEVEL_DOMAINS:
        return True  # "Kompas.com", "bi.go.id"
    # Long segments mean a domain or text glued across a lost break; short ones an abbreviation.
    return any(len(part) > 3 for part in parts)


def _initial_ends_sentence(previous: str) -> bool:
    """A capital letter after a number or an ordinary lowercase word is a label, not an initial."""
    bare = previous.strip(_OPENERS + _CLOSERS + ",;:")
    if not bare:
        return False
    if bare[0].isdigit():
        return True  # "1436 H.", "Rp 5 M."
    if not bare.islower() or bare in NAME_INTRODUCERS:
        return False
    return not (bare.startswith("di") and len(bare) > 5)  # "dihadiri A. Rahman"


def _previous_token(text: str, token_start: int, paragraph_start: int) -> str:
    end = token_start - 1
    if end <= paragraph_start:
        return ""
    return text[_token_start(text, paragraph_start, end) : end]


def _opens_sentence(word: str) -> bool:
    """Function words and "-nya" adverbs ("Tentunya", "Akhirnya") open sentences, not names."""
    return word in SENTENCE_OPENERS or (len(word) >= 7 and word.endswith("nya"))


def _next_word(text: str, next_start: int) -> str:
    match = _NEXT_WORD.match(text, next_start)
    return match.group(1) if match else ""


def _next_is_word(text: str, next_start: int) -> bool:
    """A capitalised word or quote follows, not a "(TICKER)" or a number."""
    return text[next_start] not in "([0123456789"

"""Split the framing (dateline prefix, trailing editor codes) from an article body.

Indonesian outlets open with a dateline ("Jakarta, CNN Indonesia --", "TEMPO.CO, Jakarta -") and
close with the editors' initials ("(blq/dna)"). Both are metadata, not news text: keeping them in
the body would make "Jakarta" a place mentioned by every article and "(blq/dna)" a sentence.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from warta.model import Framing

# (pattern, normalised name). Patterns are matched case-insensitively and anchored as a whole.
_OUTLETS: tuple[tuple[str, str], ...] = (
    (r"CNN\s?Indonesia(?:\.com)?", "CNN Indonesia"),
    (r"CNBC\s?Indonesia(?:\.com)?", "CNBC Indonesia"),
    # "Jakarta, KompasOtomotif -": the desks' own signatures on older Kompas.com pages
    (
        r"Kompas\.com|Kompas\.id|Kompas(?:Otomotif|Tekno|Bola|Money|Properti|Travel|Health|"
        r"Female|Edukasi|Sains|Global|Regional|Nasional|Megapolitan)|Kompas",
        "Kompas.com",
    ),
    (r"detik[a-z]*(?:\.com)?", "detik"),
    (r"ANTARA(?:\s?News)?|antaranews(?:\.com)?", "Antara"),
    (r"TEMPO\.CO(?:\.ID)?|TEMPO\.COM|Tempo", "Tempo"),
    (r"Liputan6(?:\.com)?", "Liputan6"),
    (r"KONTAN\.CO\.ID|Kontan", "Kontan"),
    (r"Bisnis\.com|Bisnis", "Bisnis.com"),
    (r"REPUBLIKA\.CO\.ID|Republika", "Republika"),
    (r"Okezone(?:\.com)?", "Okezone"),
    (r"Tribun[a-z]*\.(?:com|co\.id|id)", "Tribun"),
    (r"Pahami\.id", "Pahami.id"),
    (r"KapanLagi\.com", "KapanLagi"),
    # outlets whose datelines carry no domain
    (r"IDN\s?Times(?:\.com)?", "IDN Times"),
    (r"Kompas\s?TV", "Kompas TV"),
    (r"kumparan(?:\.com)?", "kumparan"),
    (r"VIVA(?:\.co\.id)?", "VIVA"),
    (r"Harian\s?Jogja(?:\.com)?", "Harian Jogja"),
    (r"Media\s?Indonesia(?:\.com)?", "Media Indonesia"),
    (r"Jawa\s?Pos(?:\.com)?", "Jawa Pos"),
    (r"Beritasatu(?:\.com)?", "Beritasatu"),
    (r"merdeka\.com", "Merdeka.com"),
    (r"Suara\.com", "Suara.com"),
    (r"Sindonews(?:\.com)?", "Sindonews"),
    (r"iNews(?:\.id)?", "iNews"),
    (r"Katadata(?:\.co\.id)?", "Katadata"),
    (r"Medcom(?:\.id)?", "Medcom"),
    (r"tvOne(?:news)?(?:\.com)?", "tvOne"),
    (r"Metro\s?TV(?:news)?(?:\.com)?", "Metro TV"),
    (r"VOA(?:\s?Indonesia)?", "VOA Indonesia"),
    (r"BBC(?:\s?News)?\s?Indonesia", "BBC News Indonesia"),
)
# Any other outlet that signs its dateline with its web address ("SURYA.co.id", "Gatra.com",
# "DISWAY.ID"): a domain at the head of a lead, followed by a dash or a city, is a dateline.
_WEB_OUTLET = r"(?<![\w.-])[A-Za-z][A-Za-z0-9-]*\.(?i:co\.id|com|id|net|news|tv)"
_OUTLET_MATCHERS = tuple((re.compile(p, re.IGNORECASE), name) for p, name in _OUTLETS)
# an outlet name ends at a non-word character, so "KONTAN.CO.ID" is never read as "KONTAN"
_OUTLET = "(?i:" + "|".join(p for p, _ in _OUTLETS) + rf"|{_WEB_OUTLET})(?![\w.])"

# Registered domain -> outlet; subdomains (news.detik.com, www.kompas.com) match by suffix.
_DOMAINS: dict[str, str] = {
    "cnnindonesia.com": "CNN Indonesia",
    "cnbcindonesia.com": "CNBC Indonesia",
    "kompas.com": "Kompas.com",
    "kmp.im": "Kompas.com",
    "kompas.id": "Kompas.com",
    "detik.com": "detik",
    "antaranews.com": "Antara",
    "tempo.co": "Tempo",
    "liputan6.com": "Liputan6",
    "kontan.co.id": "Kontan",
    "bisnis.com": "Bisnis.com",
    "republika.co.id": "Republika",
    "okezone.com": "Okezone",
    "tribunnews.com": "Tribun",
    "pahami.id": "Pahami.id",
    "kapanlagi.com": "KapanLagi",
    "idntimes.com": "IDN Times",
    "kompas.tv": "Kompas TV",
    "kumparan.com": "kumparan",
    "viva.co.id": "VIVA",
    "harianjogja.com": "Harian Jogja",
    "mediaindonesia.com": "Media Indonesia",
    "jawapos.com": "Jawa Pos",
    "beritasatu.com": "Beritasatu",
    "merdeka.com": "Merdeka.com",
    "suara.com": "Suara.com",
    "sindonews.com": "Sindonews",
    "inews.id": "iNews",
    "katadata.co.id": "Katadata",
    "medcom.id": "Medcom",
    "tvonenews.com": "tvOne",
    "metrotvnews.com": "Metro TV",
    "voaindonesia.com": "VOA Indonesia",
}

# A city is 1-4 capitalised words ("Jakarta", "BANDA ACEH", "Kuala Lumpur"); several cities may be
# joined by "/" in joint reports. Lowercase words never belong to a dateline, which is what stops
# the match from running into the lead sentence.
_WORD = r"[A-Z][A-Za-z'’.]*[A-Za-z]"
_CITY = rf"{_WORD}(?:[ -]{_WORD}){{0,3}}(?:\s?/\s?{_WORD}(?:[ -]{_WORD}){{0,2}})*"
_LEAD = r"^[\s*]*"
_DASH = r"[\s*]*(?:-{1,3}|[–—]{1,2})[\s*]*"
# "JAKARTA, KOMPAS.com" and the odd "BANDUNG KOMPAS.com"/"NEW YORK. KOMPAS.com"; an outlet named
# first needs a real comma, or a lead like "Tempo Scan Pacific - ..." would read as a dateline
_CITY_OUTLET_SEP = r"[\s*]*[,.\-–—]?[\s*]*"
_COMMA = r"[\s*]*,[\s*]*"
# "Medcom.id, Jakarta:" closes an outlet-first dateline with a colon instead of a dash
_DASH_OR_COLON = rf"(?:{_DASH}|\s*:\s+)"

_DATELINES = tuple(
    re.compile(p)
    for p in (
        # "Jakarta (ANTARA) -", "Mataram, NTB (ANTARA News) -"
        rf"{_LEAD}(?P<city>{_CITY})(?:,\s*[A-Z]{{2,6}})?\s*\((?P<outlet>{_OUTLET})\){_DASH}",
        # "Jakarta, CNN Indonesia --", "JAKARTA, KOMPAS.com -"
        rf"{_LEAD}(?P<city>{_CITY}){_CITY_OUTLET_SEP}(?P<outlet>{_OUTLET}){_DASH}",
        # "TEMPO.CO, Jakarta -", "Bisnis.com, JAKARTA —"
        rf"{_LEAD}(?P<outlet>{_OUTLET}){_COMMA}(?P<city>{_CITY}){_DASH_OR_COLON}",
        # "KONTAN.CO.ID - LONDON." (the city is shouted and closed by a full stop)
        rf"{_LEAD}(?P<outlet>{_OUTLET}){_DASH}(?P<city>[A-Z]{{3,}}(?:[ -][A-Z]{{2,}}){{0,2}})\.\s*",
        # "KOMPAS.com -" (no city)
        rf"{_LEAD}(?P<outlet>{_OUTLET}){_DASH}",
    )
)

# City-only datelines ("JAKARTA - ", "Jakarta - ") carry no outlet name, so nothing confirms them:
# accept shouted names of any city, but title-case ones only from a list of common datelines,
# so that a lead such as "Pertamina - ..." is not taken for a place.
_CITY_ONLY_SHOUTED = re.compile(rf"{_LEAD}(?P<city>[A-Z]{{3,}}(?:[ -][A-Z]{{2,}}){{0,2}}){_DASH}")
_CITY_ONLY_TITLED = re.compile(rf"{_LEAD}(?P<city>{_WORD}(?: {_WORD})?){_DASH}")
_COMMON_DATELINE_CITIES = """
jakarta bandung surabaya medan semarang yogyakarta makassar denpasar bogor depok tangerang bekasi
mataram palembang padang pekanbaru balikpapan samarinda pontianak banjarmasin manado jayapura
kupang ambon solo malang batam serang cirebon jambi bengkulu kendari palu gorontalo ternate sorong
merauke lampung aceh sleman bantul klaten kudus tegal purwokerto sukabumi karawang cianjur garut
tasikmalaya kediri jember banyuwangi madiun blitar sidoarjo gresik tarakan singkawang washington
london beijing tokyo moskow paris brussel jenewa singapura bangkok seoul pyongyang canberra sydney
dubai riyadh kairo
"""
_KNOWN_CITIES = frozenset(_COMMON_DATELINE_CITIES.split()) | {
    "banda aceh", "kuala lumpur", "new york", "hong kong", "tangerang selatan",
}  # fmt: skip

_AGENCIES = frozenset({"reuters", "afp", "ap", "antara", "xinhua", "bloomberg", "cnn", "tim"})
# Paragraph-final "(a/b)" that are units, not initials.
_NOT_CODES = frozenset({"km", "jam", "kg", "ton", "hari", "kwh", "mwh", "gb", "mb", "ha", "liter"})
_CODE_PART = r"(?:[A-Za-z]{2,4}|(?i:reuters|afp|ap|antara|xinhua|bloomberg|cnn|tim))"
_TRAILING_CODES = re.compile(rf"\s*\((?P<codes>{_CODE_PART}(?:\s?/\s?{_CODE_PART}){{1,3}})\)\s*$")
# A lone "(agt)" is an editor code only after the last sentence has ended or on its own line;
# elsewhere a short bracketed word may be text.
_LONE_CODE = re.compile(r"(?:(?<=[.!?\"”])|^)\s*\((?P<codes>[a-z]{3})\)\s*$")
_CODES_TAIL = 48
_DATELINE_HEAD = 120
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


# Second-level labels under which a site registers its own name ("jpnn.co.id" style).
_SECOND_LEVEL = frozenset({"co", "go", "ac", "or", "sch", "web", "my", "net", "com", "org"})


def outlet_from_url(url: str | None) -> str | None:
    """The outlet that owns a URL's host, so city-only datelines still get an outlet; a site we
    do not list is named by its registered domain ("www.jpnn.com" -> "jpnn.com")."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".")
    labels = host.split(".")
    while host:
        if host in _DOMAINS:
            return _DOMAINS[host]
        _, _, host = host.partition(".")
    if len(labels) < 2 or not all(labels) or labels[-1].isdigit():
        return None  # no host, or an IP address
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def normalise_outlet(name: str) -> str | None:
    """Map a dateline spelling ("KOMPAS.com", "TEMPO.CO", "ANTARA News") to one outlet name; an
    outlet we do not list keeps its web address, shouting undone ("DISWAY.ID" -> "Disway.id")."""
    name = name.strip()
    for pattern, outlet in _OUTLET_MATCHERS:
        if pattern.fullmatch(name):
            return outlet
    if re.fullmatch(_WEB_OUTLET, name):
        site, dot, suffix = name.partition(".")
        if site.isupper() or site.islower():
            site = site.capitalize()
        return site + dot + suffix.lower()
    return None


def is_common_dateline_city(name: str) -> bool:
    """"Jakarta", "Kuala Lumpur": a city datelines often name (for telling them from bylines)."""
    return " ".join(name.split()).casefold() in _KNOWN_CITIES


def _title_city(raw: str) -> str:
    """'BANDA ACEH' -> 'Banda Aceh'; joint datelines keep only the first (reporting) city."""
    first = raw.split("/")[0].strip()
    if first.isupper() or first.islower():
        return " ".join(w.capitalize() for w in first.split())
    return first


def _looks_like_city_name(shouted: str) -> bool:
    """Tell "MEDAN" from acronyms that open leads too ("BPS", "IHSG", "BUMN"): those lack vowels."""
    name = shouted.casefold()
    return name in _KNOWN_CITIES or (len(name) >= 4 and sum(name.count(v) for v in "aeiou") >= 2)


def _match_dateline(text: str) -> tuple[int, str | None, str | None] | None:
    """(end of the dateline, outlet, city) when ``text`` opens with a dateline."""
    for pattern in _DATELINES:
        m = pattern.match(text)
        if m:
            city = m.groupdict().get("city")
            return m.end(), normalise_outlet(m.group("outlet")), _title_city(city) if city else None
    m = _CITY_ONLY_SHOUTED.match(text)
    if m and _looks_like_city_name(m.group("city")):
        return m.end(), None, _title_city(m.group("city"))
    m = _CITY_ONLY_TITLED.match(text)
    if m and m.group("city").casefold() in _KNOWN_CITIES:
        return m.end(), None, _title_city(m.group("city"))
    return None


def _strip_editor_codes(paragraphs: list[str]) -> tuple[str, ...]:
    """Remove trailing "(abc/de)" groups from the last paragraphs; return the initials in order."""
    found: list[list[str]] = []
    while paragraphs:
        # codes are short: search only the paragraph's tail, not a whole run-on paragraph
        tail_start = max(0, len(paragraphs[-1]) - _CODES_TAIL)
        tail = paragraphs[-1][tail_start:]
        m = _TRAILING_CODES.search(tail) or _LONE_CODE.search(tail)
        if not m:
            break
        parts = [p.strip() for p in m.group("codes").split("/")]
        initials = [p for p in parts if p.casefold() not in _AGENCIES]
        if not initials or not any(p.islower() for p in initials) or set(parts) <= _NOT_CODES:
            break
        found.insert(0, initials)
        paragraphs[-1] = paragraphs[-1][: tail_start + m.start()].rstrip()
        if not paragraphs[-1]:
            paragraphs.pop()
    return tuple(code.casefold() for group in found for code in group)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs as stripped, non-empty strings (blank-line separated)."""
    return [p for p in (part.strip() for part in _PARAGRAPH_BREAK.split(text.strip())) if p]


def split_framing(text: str, url: str | None = None) -> Framing:
    """Remove the dateline prefix and trailing editor codes; report what they said."""
    paragraphs = split_paragraphs(text)
    outlet: str | None = None
    city: str | None = None
    if paragraphs:
        found = _match_dateline(paragraphs[0][:_DATELINE_HEAD])
        if found:
            end, outlet, city = found
            rest = paragraphs[0][end:].strip()
            if rest:
                paragraphs[0] = rest
            else:
                paragraphs.pop(0)  # the dateline was a paragraph of its own (the seed's form)
    codes = _strip_editor_codes(paragraphs)
    return Framing(
        body="\n\n".join(paragraphs),
        outlet=outlet or outlet_from_url(url),
        dateline_city=city,
        editor_codes=codes,
    )


# --- bylines ------------------------------------------------------------------------------------
# Kompas closes with "(Reporter: X | Editor: Y)" or "(Penulis: X)", DW with "Editor: Y", CNN pages
# with a glued "Reporter: XPenulis: Y". Such lines name who wrote and edited the article: metadata
# the body should not keep. "(Sumber: Kompas.com/X | Editor: Y)" credits the source of a quoted
# story, not this one, so a line with any other label is left in the body.

_AUTHOR_LABELS = ("reporter", "penulis", "pewarta", "wartawan", "kontributor", "rep")
_EDITOR_LABELS = ("editor", "penyunting", "redaktur", "red")
_LABEL = "|".join(label.capitalize() for label in _AUTHOR_LABELS + _EDITOR_LABELS)
_LABEL_AHEAD = rf"(?:\|\s*)?(?i:{_LABEL})\s*:"
# One "Label: names" field; the names run to a "|", the next label (glued or not) or the end.
_BYLINE_FIELD = re.compile(
    rf"\s*(?:\|\s*)?(?P<label>(?i:{_LABEL}))\s*:\s*(?P<names>[^|:\s][^|:\n]*?)\s*(?=\s*{_LABEL_AHEAD}|\||$)"
)
_BYLINE_BRACKETS = re.compile(r"^[(\[]\s*(?P<inner>.*?)\s*[)\]]$")
_BYLINE_MAX_CHARS = 300
_NAME_MAX_WORDS = 6
_INITIAL_AT_END = re.compile(r"\b[A-Z]\.$")


def _looks_like_names(names: str) -> bool:
    """Names ("Intan Afrida Rafni, Hanifah Salsabila"), not a sentence ("Kami belum tahu.")."""
    if names.endswith((".", "!", "?", '"', "”")) and not _INITIAL_AT_END.search(names):
        return False
    return all(len(name.split()) <= _NAME_MAX_WORDS for name in names.split(","))


def _byline_fields(line: str) -> list[tuple[str, str]] | None:
    """(label, names) pairs when the whole line is a byline, else None."""
    line = line.strip()
    if not line or len(line) > _BYLINE_MAX_CHARS:
        return None
    bracketed = _BYLINE_BRACKETS.match(line)
    if bracketed:
        line = bracketed["inner"]
    fields: list[tuple[str, str]] = []
    position = 0
    while position < len(line):
        field = _BYLINE_FIELD.match(line, position)
        names = field["names"].rstrip("/ ") if field else ""  # "Rep: X/ Red: Y" (Republika)
        if field is None or not names or not _looks_like_names(names):
            return None
        fields.append((field["label"].casefold(), names))
        position = field.end()
    return fields or None


def _joined(names: list[str]) -> str | None:
    return ", ".join(dict.fromkeys(names)) or None


def split_byline(text: str) -> tuple[str, str | None, str | None]:
    """Remove the closing byline lines; return (body, author, editor) as the byline names them.

    Only lines at the very end are read: a "Penulis:" line followed by more text is left alone.
    Several writers or editors come back comma-joined in byline order.
    """
    body = text.rstrip()
    authors: list[str] = []
    editors: list[str] = []
    while body:
        line_start = body.rfind("\n") + 1
        fields = _byline_fields(body[line_start:])
        if fields is None:
            break
        authors[:0] = [names for label, names in fields if label in _AUTHOR_LABELS]
        editors[:0] = [names for label, names in fields if label in _EDITOR_LABELS]
        body = body[:line_start].rstrip()
    if not authors and not editors:
        return text, None, None
    return body, _joined(authors), _joined(editors)

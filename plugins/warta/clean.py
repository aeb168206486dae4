"""Crawl-mess removal and text normalisation: raw article body in, clean paragraphs out.

Every rule here is motivated by a pattern in the real crawls (CNN Indonesia CSV, detik CSV, Kompas
Markdown): leaked page scripts, ad markers, "Lihat Juga" related-headline widgets glued into the
text, video promos, pagination residue, a machine-written "Ringkasan" appended to Kompas files, and
paragraph breaks the crawler lost. The dateline and the trailing editor code are deliberately kept:
``extract.dateline`` needs them and strips them itself.

The output is plain text, one paragraph per block, blocks separated by exactly one blank line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

# ftfy costs ~100x a regex scan, so it only runs when a UTF-8-read-as-Latin-1 signature is present.
# Substring tests, not a regex: ``in`` scans ~10x faster than the re module's alternation search.
MOJIBAKE_SIGNATURES = ("Ã", "â€", "Â", "Ä", "Å¡", "ï»¿")
# NBSP-like spaces become plain spaces; zero-width characters and soft hyphens disappear.
# Chained str.replace, not str.translate: translate with a mapping costs ~0.2 ms per article.
INVISIBLES = (
    ("\u00a0", " "),
    ("\u2007", " "),
    ("\u202f", " "),
    ("\u3000", " "),
    ("\u200b", ""),
    ("\u200c", ""),
    ("\u200d", ""),
    ("\u2060", ""),
    ("\ufeff", ""),
    ("\u00ad", ""),
)


def _replace_invisibles(text: str) -> str:
    for char, replacement in INVISIBLES:
        if char in text:
            text = text.replace(char, replacement)
    return text


def normalise_text(text: str) -> str:
    """Repair encoding, NFC-normalise, drop invisible characters and use LF line ends."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return text
    if any(signature in text for signature in MOJIBAKE_SIGNATURES):
        import ftfy  # imported lazily: most bodies never need it

        text = ftfy.fix_text(text, uncurl_quotes=False)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _replace_invisibles(text)


# IGNORECASE defeats the re module's fast scan for a literal prefix (~3x slower on an article), so
# case-insensitive markers are searched with lower-case patterns in a lower-cased copy. The copy's
# offsets equal the original's unless "İ" (lower-cases to two characters) is present, and IGNORECASE
# also matches "ı" to "i" and "ſ" to "s", which lower() does not: with these, no copy is made.
CASE_SHIFTING = ("\u0130", "\u0131", "\u017f")


def lowered_copy(text: str) -> str | None:
    """``text.lower()`` when it can stand in for an IGNORECASE search of ``text``, else None."""
    if not text.isascii() and any(char in text for char in CASE_SHIFTING):
        return None
    return text.lower()


# ---------------------------------------------------------------------------------------------
# Markdown (Kompas)
# ---------------------------------------------------------------------------------------------

RULE = r"(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$"
RULE_LINE = re.compile(rf"^\s*{RULE}")
RINGKASAN_HEADING = re.compile(r"^[#*_\s\\]*ringkasan(?:\s+berita)?[*_\s:]*$", re.IGNORECASE)
# What the summary generator writes right after the final rule; "null" is its empty output.
SUMMARY_START = re.compile(
    r"^\s*(?:#+\s*)?(?:ringkasan\b|null\s*$|berikut\s+(?:\w+\s+){0,3}(?:ringkasan|rangkuman))",
    re.IGNORECASE,
)
# The generator indents its follow-on paragraphs by one space; Kompas body lines never are.
GENERATOR_INDENT = re.compile(r"^ [A-Z\"“]")
# Lines with no text to keep: a table row, a pandoc fence or a rule (one match per line).
MARKUP_ONLY_LINE = re.compile(rf"^\s*(?:\||:{{3,}}|{RULE})")
# Headings and bullets, in any nesting: "- ### Tersedak", "### - Pinjaman", "\\- Mitra EV".
# "\\-" at a line start is an escaped dash the converter wrote for a bullet (parked by then).
LEADING_MARKS = re.compile("^\\s*(?:#{1,6}(?:\\s+|$)|[-+•\U000f002d]\\s+)+")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
PANDOC_SPAN = re.compile(r"\[([^\[\]]*)\]\{[^}]*\}")
PANDOC_ATTR = re.compile(r"\{(?:[#.]|\w+=)[^}]*\}")
HARD_BREAK = re.compile(r"\\\s*$")
MEDIA_PLACEHOLDER = re.compile(r"\[(?:video|img|image|foto|embed)\.\d+\]", re.IGNORECASE)
EMPHASIS_STARS = re.compile(r"\*+")
EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w\\])(_{1,2})(?=\S)(.+?)(?<=\S)\1(?!\w)")
ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!\"'@<>|~=$%&:;/^,?])")
# Escaped characters are parked in the Private Use Area so markup stripping cannot touch them.
PARK_BASE = 0xF0000
PARKED = re.compile("[\U000f0000-\U000f007f]")


def _park_escapes(text: str) -> str:
    return ESCAPED.sub(lambda m: chr(PARK_BASE + ord(m[1])), text)


def _unpark_escapes(text: str) -> str:
    return PARKED.sub(lambda m: chr(ord(m[0]) - PARK_BASE), text)


def _is_summary_tail(tail: list[str]) -> bool:
    """True when the lines after a rule are the appended machine summary, not article text."""
    content = [line for line in tail if line.strip()]
    if not content:
        return True
    if SUMMARY_START.match(content[0]):
        return True
    return any(GENERATOR_INDENT.match(line) for line in content[1:])


def cut_summary_tail(lines: list[str]) -> list[str]:
    """Drop the appended "---" + "Ringkasan" section (and bare "Ringkasan" headings' blocks)."""
    for index in range(len(lines) - 1, -1, -1):
        if RULE_LINE.match(lines[index]) and lines[index].strip().startswith("-"):
            if _is_summary_tail(lines[index + 1 :]):
                lines = lines[:index]
            break
    kept: list[str] = []
    dropping_bullets = False
    for index, line in enumerate(lines):
        if RINGKASAN_HEADING.match(line):
            if any(other.strip() for other in kept) and index > len(lines) // 2:
                break  # a summary heading late in the file: everything after it is summary
            dropping_bullets = True  # a key-points box at the top: heading plus its bullets
            continue
        if dropping_bullets:
            if not line.strip() or LEADING_MARKS.match(line):
                continue
            dropping_bullets = False
        kept.append(line)
    return kept


def _strip_markdown_line(line: str) -> str:
    if not line:
        return line  # the blank lines between paragraphs: no markup to strip
    if MARKUP_ONLY_LINE.match(line):
        return ""
    if "*" in line:
        line = EMPHASIS_STARS.sub("", line)  # first, so "**- item**" is seen as a bullet
    line = LEADING_MARKS.sub("", line)
    if "\\" in line:
        line = HARD_BREAK.sub("", line)
    if "[" in line:
        line = LINK.sub(r"\1", IMAGE.sub("", line))
        for _ in range(3):  # pandoc spans nest: [[text]{dir="auto"}]{dir="auto"}
            stripped = PANDOC_SPAN.sub(r"\1", line)
            if stripped == line:
                break
            line = stripped
    if "{" in line:
        line = PANDOC_ATTR.sub("", line)
    if "_" in line:
        line = EMPHASIS_UNDERSCORE.sub(r"\2", line)
    return line


def markdown_to_text(text: str) -> str:
    """Turn a Kompas Markdown body into plain lines: markup gone, escapes resolved, summary cut."""
    lines = cut_summary_tail(_park_escapes(text).split("\n"))
    plain = _unpark_escapes("\n".join(_strip_markdown_line(line) for line in lines))
    if "." in plain and MEDIA_PLACEHOLDER.search(plain):
        # "\[img.3\]- Limit kredit": the bullet shows only once the placeholder is gone.
        plain = "\n".join(
            LEADING_MARKS.sub("", MEDIA_PLACEHOLDER.sub("", line)) for line in plain.split("\n")
        )
    return plain


# ---------------------------------------------------------------------------------------------
# Leaked page code (CNN Indonesia pages carry detik's parallax-ad script)
# ---------------------------------------------------------------------------------------------

IMPORT_RULE = re.compile(r"@import\s+url\([^)]*\)\s*;?")
# A line opening with a brace is code: that takes JSON blobs ('{"id": ...') along too.
CODE_LINE = re.compile(
    r"""^\s*(?:
        var\s+[\w$]+\s*= | function\s*[\w$]*\s*\( | \$\s*\( | [{}] | \)\s*;?\s*$
        | setTimeout\s*\( | return\s*; | id\w*\s*:\s*\d+\s*,?\s*\}?\s*$
    )""",
    re.VERBOSE,
)


def drop_code_lines(lines: list[str]) -> list[str]:
    """Drop leaked JavaScript, following brace depth so a function body goes with its header."""
    kept: list[str] = []
    depth = 0
    for line in lines:
        # Most lines are the empty ones between paragraphs: no pattern can match them.
        if depth > 0 or (line and CODE_LINE.match(line)):
            depth = max(0, depth + line.count("{") - line.count("}"))
            continue
        kept.append(line)
    return kept


# ---------------------------------------------------------------------------------------------
# Boilerplate lines and inline markers
# ---------------------------------------------------------------------------------------------

# One pattern for every line to drop, so each line costs one match; a next-page teaser is told
# apart by its group, as it also drops the subhead before it.
BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        (?P<next_page>baca\s+halaman\s+berikutnya)
        | advertisement | scroll\s+to\s+continue\s+with\s+content | bagikan\s*: | halaman\s*:
        | (?:simak|tonton|saksikan|lihat)(?:\s+juga)?\s+(?:live\s*)?
          (?:video|detik\s*(?:pagi|sore))\b.*
        | ikuti\s+terus\s+ulasan\s+mendalam\b.*
        | ["“]?detik\s*(?:pagi|sore)\s*,[^\n]{0,40}!["”]?
        | \[gambas:[^\]]*\] | \d{1,2}
        # closing promos and credits of outlets: syndication notes, copyright, app/channel plugs
        | (?:copyright\s*)?©\s*(?:\d{4}\s*)?[\w .,-]{0,60}
        | copyright\s+(?:\d{4}\s+)?[\w .,-]{0,60}
        | pilihan\s+editor\s*:.{0,160}
        | (?:sebagian\s+)?artikel\s+ini\s+(?:telah\s+)?(?:tayang|terbit|dimuat)\s+di\b.{0,200}
        | (?:ikuti|simak|baca|dapatkan|follow|gabung)\b.{0,120}
          \b(?:google\s+news|whatsapp|telegram)\b.{0,80}
        | dapatkan\s+(?:update|info|informasi)\s+berita\b.{0,200}
        | klik\s+di\s*sini\b.{0,100}
        | halaman\s+(?:selanjutnya|berikutnya)
        | \((?:[\w-]+\.)+(?:com|id|co\.id)\s*/\s*[^()\n]{2,60}\)
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
INLINE_NOISE = re.compile(
    r"ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT|\[Gambas:[^\]\n(]*\]?", re.IGNORECASE
)
INLINE_NOISE_LOWER = re.compile(INLINE_NOISE.pattern.lower())
# Every INLINE_NOISE match contains one of these, so a body without them is left as it is.
INLINE_NOISE_NEEDLES = ("advertisement", "scroll to continue with content", "[gambas:")


def _inline_noise_spans(lowered: str) -> Iterator[tuple[int, int]]:
    """What ``INLINE_NOISE_LOWER.finditer`` finds, tried only where a needle occurs.

    Every match starts with a needle and every needle starts a match, so the next match is at the
    nearest needle; the regex's own scan stops at every "a" and "s" of the text (~5x slower)."""
    position = 0
    while True:
        found = (lowered.find(needle, position) for needle in INLINE_NOISE_NEEDLES)
        starts = [at for at in found if at >= 0]
        if not starts:
            return
        match = INLINE_NOISE_LOWER.match(lowered, min(starts))
        assert match is not None  # a needle always starts a match
        yield match.span()
        position = match.end()


def drop_inline_noise(text: str) -> str:
    """Replace ad markers and "[Gambas:Video CNN]" embeds, glued or not, by a line break."""
    lowered = lowered_copy(text)
    if lowered is None:
        return INLINE_NOISE.sub("\n", text)
    if not any(needle in lowered for needle in INLINE_NOISE_NEEDLES):
        return text
    pieces: list[str] = []
    position = 0
    for start, end in _inline_noise_spans(lowered):
        pieces += (text[position:start], "\n")
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def drop_boilerplate_lines(lines: list[str]) -> list[str]:
    """Drop ad, promo and pagination lines; a next-page teaser takes its subhead with it."""
    kept: list[str] = []
    for line in lines:
        if not line:  # most lines: the empty ones between paragraphs, which no pattern matches
            kept.append(line)
            continue
        boilerplate = BOILERPLATE_LINE.match(line)
        if boilerplate is None:
            kept.append(line)
        elif boilerplate["next_page"]:
            while kept and not kept[-1].strip():
                kept.pop()
            if kept and len(kept[-1].strip()) < 100:
                kept.pop()  # the teaser is the next page's subhead, whose text was never crawled
    return kept


# ---------------------------------------------------------------------------------------------
# "Lihat Juga :" related-headline widgets
# ---------------------------------------------------------------------------------------------

RELATED_MARKER = re.compile(r"(?:lihat|baca)\s+(?:juga|pula)\s*:[ \t]*", re.IGNORECASE)
RELATED_MARKER_LOWER = re.compile(RELATED_MARKER.pattern)
HEADLINE_WINDOW = 220
# Words that open a news sentence but hardly ever end a headline.
SENTENCE_OPENERS = (
    "Selanjutnya,",
    "Sementara itu",
    "Sementara,",
    "Namun,",
    "Sedangkan,",
    "Kemudian,",
    "Adapun,",
    "Walhasil,",
    "Padahal,",
    "Menurutnya,",
    "Selain itu",
    "Sebelumnya,",
    "Dengan demikian",
    "Oleh karena itu",
    "Di sisi lain",
    "Untuk itu",
    "Lebih lanjut",
)
# Where a glued headline ends and the article resumes: "IHSGSementara", "CoronaSebelumnya",
# "BBMIa", "Rp785 M\"Tingkat", "Burst?Adapun", "2022Inflasi", "PersenA. Melalui" (a list
# resumes), an editor code, or a capitalised word followed by three lower-case words (a
# sentence, not a Title Case headline).
# The leading look-ahead names every character a cut can sit before; it rejects the plain letters
# of a word at once instead of trying each alternative there (~2x faster, same matches).
HEADLINE_END = re.compile(
    r"""(?=[\s"“(A-Z0-9])(?:
        (?<=[a-z0-9%])(?=[A-Z][a-z])
        | (?<=[a-z])(?=[A-Z]{2,}\b)
        | (?<=[a-z])(?=[A-Z0-9]\.\s)
        | (?<=[A-Z])(?=[A-Z][a-z]{2}|I[a-z]\s)
        | (?<=[?!])\s*(?=["“A-Z0-9])
        | (?<=\S['’])(?=[A-Z][a-z])
        | (?<=\S)(?=["“][A-Z])
        | \s+(?=["“])
        | \s*(?=\(\s*[a-z]{2,4}(?:\s*/\s*[a-z]{2,4})+\s*\)\s*$)
        | (?<![,])\s+(?=(?:OPENERS)\s)
        | \s+(?=(?:(?:The|Sri)\s+)?[A-Z][a-z]+,?\s+[a-z]+,?\s+[a-z]+[\s,.])
    )""".replace("OPENERS", "|".join(SENTENCE_OPENERS)),
    re.VERBOSE,
)
# Real words whose inner capital is not a glue point.
CAMEL_WORDS = frozenset(
    (
        "iPhone",
        "iPad",
        "iOS",
        "eSIM",
        "YouTube",
        "WhatsApp",
        "TikTok",
        "LinkedIn",
        "PayPal",
        "BlackRock",
        "JPMorgan",
        "McDonald",
        "McKinsey",
        "GoPay",
        "GoTo",
        "GoFood",
        "GoJek",
        "BukaLapak",
        "ShopeePay",
        "OpenAI",
        "ChatGPT",
        "DeepSeek",
        "PlayStation",
        "SpaceX",
        "FedEx",
        "MasterCard",
        "BlackBerry",
        "PetroChina",
        "SinoPharm",
        "CoronaVac",
        "AstraZeneca",
        "BioNTech",
        "KompasTV",
        "CNNIndonesia",
        "detikcom",
        "detikFinance",
        "detikNews",
        "detikSore",
        "detikPagi",
        "TransMedia",
        "MotoGP",
        "UnionPay",
        "LinkAja",
        "OneDrive",
        "SoftBank",
        "DuPont",
        "MetLife",
        "HashKey",
        "CoinMarketCap",
        "BitCoin",
        "BlackStone",
    )
)
CAMEL_WORD = re.compile("|".join(sorted(CAMEL_WORDS, key=len, reverse=True)))
WORD_START = re.compile(r"\w+$")


def _is_camel_word(text: str, cut: int) -> bool:
    """True when ``cut`` falls inside a known CamelCase name such as "TikTok"."""
    word = WORD_START.search(text, max(0, cut - 20), cut)
    if word is None:
        return False
    name = CAMEL_WORD.match(text, word.start())
    return name is not None and name.end() > cut


def find_headline_end(text: str, start: int) -> int:
    """Offset where the related headline glued at ``start`` ends and article text resumes."""
    window_end = min(len(text), start + HEADLINE_WINDOW)
    newline = text.find("\n", start, window_end)
    if newline >= 0:
        window_end = newline
    for match in HEADLINE_END.finditer(text, start, window_end):
        cut = match.start()
        headline = text[start:cut]
        if headline.isupper() or (
            len(headline.split()) < 2 and not headline.rstrip().endswith(("?", "!"))
        ):
            continue  # a kicker such as "ANALISIS", "REKOMENDASI SAHAM" or "Taipan"
        if _is_camel_word(text, cut):
            continue
        return match.end() if text[match.start() : match.end()].isspace() else cut
    return window_end


def _search_related_marker(lowered: str, position: int = 0) -> re.Match[str] | None:
    """``RELATED_MARKER_LOWER.search``, tried only where "lihat" or "baca" starts a match.

    The regex's own scan stops at every "l" and "b" of the article; ``str.find`` jumps to the
    few places a marker can start (same first match, ~4x faster)."""
    while True:
        found = (lowered.find(opener, position) for opener in ("lihat", "baca"))
        starts = [at for at in found if at >= 0]
        if not starts:
            return None
        position = min(starts)
        marker = RELATED_MARKER_LOWER.match(lowered, position)
        if marker is not None:
            return marker
        position += 1


def drop_related_headlines(text: str) -> str:
    """Remove each "Lihat Juga :" or "Baca juga:" marker with its headline, glued or on its own."""
    if ":" not in text:
        return text  # every marker ends in a colon
    lowered = lowered_copy(text)
    # offsets found in the lower-cased copy are offsets into ``text``
    search, searched = (
        (RELATED_MARKER.search, text) if lowered is None else (_search_related_marker, lowered)
    )
    marker = search(searched)
    if marker is None:
        return text
    pieces: list[str] = []
    position = 0
    while marker is not None:
        pieces.append(text[position : marker.start()])
        start = marker.end()
        while start < len(text) and text[start].isspace():
            start += 1  # the headline may sit a few blank lines below the marker
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        own_line = marker.end() < len(text) and text[marker.end()] == "\n"
        if (
            own_line
            and line_end - start <= HEADLINE_WINDOW
            and not HEADLINE_END.search(text, start, line_end)
        ):
            position = line_end
        else:
            position = find_headline_end(text, start)
        # The widget sat between paragraphs, so where it was glued a paragraph break was lost.
        pieces.append("\n")
        marker = search(searched, position)
    pieces.append(text[position:])
    return "".join(pieces)


# ---------------------------------------------------------------------------------------------
# Lost paragraph breaks
# ---------------------------------------------------------------------------------------------

# "(11/10).Biasanya", "triliun.Dalam", "0.3.\"Data": a sentence end glued to the next capital.
# Requiring a lower-case letter after the capital spares "U.S.", "A.B." and "KOMPAS.com".
# The punctuation leads the pattern (its context is checked behind it), so the scan jumps from one
# ".?!" to the next instead of trying a look-behind at every character (~5x faster).
GLUED_SENTENCE = re.compile(
    r"([.?!])(?<=[a-z0-9)\]%\"”'’][.?!])(?<!\b[a-z][.?!])([\"“]?)(?=[A-Z][a-z])"
)


def _split_glued(match: re.Match[str]) -> str:
    punctuation, quote = match[1], match[2]
    if not quote:
        return punctuation + "\n"
    # The quote either closes the sentence just ended or opens the next one: count to decide.
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    opened = match.string.count('"', line_start, match.start()) % 2 == 1
    if quote == "”" or (quote == '"' and opened):
        return punctuation + quote + "\n"
    return punctuation + "\n" + quote


def restore_paragraph_breaks(text: str) -> str:
    """Put back the line break the crawler lost between two paragraphs."""
    return GLUED_SENTENCE.sub(_split_glued, text)


# "Bahlil Lahadaliamengatakan": a long speech verb glued to the capitalised name before it. The
# verbs are long prefixed forms that end no Indonesian word, so the space is safe to put back;
# the capital of the name is checked only once a verb is found. The pattern opens with the
# literal "me", so the scan jumps from one "me" to the next (a look-behind first would be tried
# at every character; ~13x slower); the letter before it is checked behind it.
GLUED_SPEECH_VERB = re.compile(
    r"me(?<=[a-z]me)(?:ngatakan|nyatakan|njelaskan|ngungkapkan|negaskan|nyampaikan|nuturkan)\b"
)
GLUED_NAME_START = re.compile(r"(?<![\w'’-])[A-Z][a-z]+$")


def _space_glued_verb(match: re.Match[str]) -> str:
    start = match.start()
    word_start = match.string.rfind(" ", max(0, start - 40), start) + 1
    if GLUED_NAME_START.match(match.string, word_start, start) and start - word_start > 2:
        return " " + match[0]
    return match[0]


def restore_glued_speech_verbs(text: str) -> str:
    """Put back the space the crawler lost between a name and the speech verb after it."""
    return GLUED_SPEECH_VERB.sub(_space_glued_verb, text)


# ---------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------


def is_collapsed(text: str) -> bool:
    """Whether ``" ".join(text.split()) == text`` for a non-empty text, without splitting it.

    Every whitespace character but the plain space is unprintable, so a printable text with no
    double space and no space at either end has nothing to collapse (most lines; ~4x cheaper)."""
    return text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " "


def join_paragraphs(text: str) -> str:
    """One paragraph per non-empty line, whitespace collapsed, blocks separated by a blank line."""
    paragraphs: list[str] = []
    for line in text.split("\n"):
        if line and not is_collapsed(line):
            line = " ".join(line.split())
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def clean_body(raw: str, body_format: str = "text") -> str:
    """Clean one article body; ``body_format`` is "text", "markdown" or "html_text"."""
    text = normalise_text(raw)
    if body_format == "markdown":
        text = markdown_to_text(text)
    if "@import" in text:
        text = IMPORT_RULE.sub("\n", text)
    text = drop_inline_noise(text)
    lines = drop_boilerplate_lines(drop_code_lines(text.split("\n")))
    text = drop_related_headlines("\n".join(lines))
    text = restore_glued_speech_verbs(restore_paragraph_breaks(text))
    return join_paragraphs(text)


# ---------------------------------------------------------------------------------------------
# Placeholder detection
# ---------------------------------------------------------------------------------------------

MIN_ARTICLE_WORDS = 15
PLACEHOLDERS = re.compile(
    r"premium content\s*-\s*not scraped|konten premium|content not available|"
    r"halaman tidak ditemukan|page not found|access denied|javascript is disabled",
    re.IGNORECASE,
)
# Framing that does not count as article words: datelines and editor codes.
FRAMING = re.compile(
    r"^[A-Za-z .]+,\s*(?:CNN Indonesia|KOMPAS\.com|detik\w*|[\w.]+\.(?:com|id))\s*[-–—]+|"
    r"\(\s*[a-z]{2,4}(?:\s*/\s*[a-z]{2,4})+\s*\)\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def _without_framing(text: str) -> str:
    """``FRAMING.sub(" ", text)``, tried only where a match can start: a line start or a "(".

    The regex's own scan tries every character of the body; a body has a few dozen line starts
    and brackets, found by ``str.find`` (same matches, ~3x faster). An empty line starts none."""
    starts = [0]
    newline = text.find("\n")
    while newline >= 0:
        if text[newline + 1 : newline + 2] != "\n":
            starts.append(newline + 1)
        newline = text.find("\n", newline + 1)
    bracket = text.find("(")
    while bracket >= 0:
        starts.append(bracket)
        bracket = text.find("(", bracket + 1)
    pieces: list[str] = []
    position = 0
    for start in sorted(starts):
        if start < position:
            continue  # inside the previous match
        match = FRAMING.match(text, start)
        if match is not None:
            pieces.append(text[position:start])
            position = match.end()
    pieces.append(text[position:])
    return " ".join(pieces)


def is_placeholder_body(text: str) -> str | None:
    """Why a cleaned body is not an article (empty, a scraper placeholder, too short), or None."""
    stripped = text.strip()
    if not stripped:
        return "empty body"
    # Only counts below 60 matter: a longer body stops being split at its 61st word.
    words = _without_framing(stripped).split(maxsplit=60)
    if len(words) < 60:
        placeholder = PLACEHOLDERS.search(stripped)
        if placeholder:
            return f"placeholder: {placeholder[0]}"
    if not words:
        return "only boilerplate"
    if len(words) < MIN_ARTICLE_WORDS:
        return f"too short: {len(words)} words"
    return None

"""HTML pages -> article title, date and body text, tuned on Indonesian news sites.

Generic extractors take the related-article lists, "Baca juga" boxes and photo captions that
Indonesian outlets put inside the article container, and keep the site name in the title. So the
page is read with lxml in four steps, each a general rule rather than a per-site selector:

1. metadata first, from the untouched page: the title is the ``<h1>`` that the ``<title>``/
   ``og:title`` repeats (else those without the site name), the date comes from JSON-LD
   ``datePublished``, ``article:published_time``-style meta, a ``<time>`` element or a dated line;
2. boilerplate out: scripts, navigation, and every element whose class or id says related /
   baca-juga / terkait / populer / rekomendasi / tag / share / komentar / iklan / ads ...;
3. the container is the element whose text is most "paragraph-like" (long, few links) net of
   the short and link-heavy text it also holds;
4. its blocks, minus link-dense ones, "Baca juga:" lines and credit lines, are the body.

trafilatura remains the fallback when no container with real paragraphs is found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from warta.extract.dateline import is_common_dateline_city

Element = etree._Element

SITE_BRAND = re.compile(
    r"\w\.(?:com|co\.id|co|id|net|org|tv)\b|\b(?:news|online|portal|antara|tempo|kompas|"
    r"detik\w*|okezone|tribun\w*|liputan6|kapanlagi|republika|kumparan|cnn|cnbc|tirto|merdeka|"
    r"suara|sindonews|inews|viva|jpnn|kontan|katadata|idn ?times|jawa ?pos|beritasatu|medcom|"
    r"metrotv\w*|fimela|bola|bisnis|okezone|grid|kabar\w*|pikiran rakyat|media indonesia|voa|"
    r"berita ?satu|warta ekonomi|\w+pos|\w+ post|radar \w+|harian \w+|koran \w+)\b",
    re.IGNORECASE,
)
# "Halaman all" / "Halaman 2" that Kompas and others append for a paginated view.
PAGINATION_SUFFIX = re.compile(r"(?:\s+[-–—|]\s+|\s+)(?:halaman|page)\s+(?:all|\d{1,2})$", re.I)
# " - ", " | ", " : ", " :: " split a title from the site name; a bare ":" ("Tri Indonesia:
# Broadband ...") is part of the headline.
TITLE_SEPARATOR = re.compile(r"\s+[-–—|:]{1,2}\s+|\s*\|\s*|\s*::\s*")
SITE_PREFIX = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|co|id|net)\s*[:|\-–—]+\s*", re.I)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    body: str  # one paragraph per line
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    extractor: str = "warta"  # "warta" (own rules), "trafilatura" (fallback) or "none"


# ---------------------------------------------------------------------------------------------
# Title
# ---------------------------------------------------------------------------------------------


def _is_site_segment(segment: str) -> bool:
    """A trailing title segment that names the site or its section, not the story."""
    words = segment.split()
    return 0 < len(words) <= 6 and bool(SITE_BRAND.search(segment))


def _is_section_segment(segment: str) -> bool:
    """"Health", "National", "Musik": a short capitalised rubric between headline and site."""
    words = segment.split()
    return 0 < len(words) <= 2 and all(w[:1].isupper() for w in words)


def strip_site_suffix(title: str | None) -> str | None:
    """"Harga Beras Naik - Liputan6.com" -> "Harga Beras Naik"; also "KapanLagi.com: ..." and
    "X | National | Tempo.Co :: Indonesian News Portal". A headline that merely mentions
    Indonesia after a colon is left alone."""
    if not title:
        return title
    text = " ".join(title.split())
    text = SITE_PREFIX.sub("", text) or text
    parts = TITLE_SEPARATOR.split(text)
    if len(parts) > 1:
        keep = len(parts)
        seen_site = False
        while keep > 1:
            segment = parts[keep - 1].strip()
            if _is_site_segment(segment):
                seen_site = True
            elif not (seen_site and _is_section_segment(segment)):
                break
            keep -= 1
        if seen_site:
            text = _rejoin(text, parts[:keep])
    text = PAGINATION_SUFFIX.sub("", text.strip())
    return text.strip() or " ".join(title.split())


def _rejoin(text: str, parts: list[str]) -> str:
    """The original text up to the end of the last kept part (keeps its own separators)."""
    position = 0
    for part in parts:
        position = text.index(part, position) + len(part)
    return text[:position]


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def pick_title(doc: Element, meta: dict[str, str], ld: dict) -> str | None:
    """The page's own headline: an <h1> repeated by <title>/og:title, else those stripped."""
    declared = [
        meta.get("og:title"),
        meta.get("twitter:title"),
        ld.get("headline") if isinstance(ld.get("headline"), str) else None,
        meta.get("title"),
        _first_text(doc.iter("title")),
    ]
    declared = [d for d in declared if d and d.strip()]
    haystack = [_normal(d) for d in declared]
    best = None
    for h1 in doc.iter("h1"):
        text = " ".join(_text(h1).split())
        if len(text.split()) < 2 or len(text) > 300:
            continue
        key = text.casefold()
        if any(key in h and len(key) >= 0.4 * len(h) for h in haystack) and (
            best is None or len(text) > len(best)
        ):
            best = text
    if best:
        return best
    for candidate in declared:
        stripped = strip_site_suffix(candidate)
        if stripped:
            return stripped
    return None


def _text(element: Element) -> str:
    """All text under an element (lxml's text_content without the lxml.html classes)."""
    return element.xpath("string()")


def _first_text(elements: Iterable[Element]) -> str | None:
    for element in elements:
        text = " ".join(_text(element).split())
        if text:
            return text
    return None


# ---------------------------------------------------------------------------------------------
# Metadata: meta tags, JSON-LD, date
# ---------------------------------------------------------------------------------------------

DATE_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publishedate",
    "content_publisheddate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "datecreated",
    "article:modified_time",
    "datemodified",
)
HAS_YEAR = re.compile(r"(?:19|20)\d{2}")
_MONTHS = (
    r"(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|"
    r"desember|january|february|march|may|june|july|august|october|december|"
    r"jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|sept|okt|oct|nov|des|dec)"
)
TEXT_DATE = re.compile(
    r"(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday),?\s+)?\d{1,2}\s+" + _MONTHS + r"\.?,?\s+(?:19|20)\d{2}"
    r"(?:\s*[-,|]?\s*(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:wib|wita|wit))?)?",
    re.IGNORECASE,
)

# "22/11/2024, 07:30 WIB": only to recognise date lines, never to read a date (the order of
# day and month in numbers is the page's habit, which only its metadata settles).
NUMERIC_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}/(?:19|20)\d{2}(?:\s*[-,|]?\s*\d{1,2}[:.]\d{2}(?:\s*(?:wib|wita|wit))?)?",
    re.IGNORECASE,
)


def read_meta(doc: Element) -> dict[str, str]:
    """First value of each <meta> key (property, name or itemprop), keys lowercased."""
    meta: dict[str, str] = {}
    for element in doc.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        value = element.get("content")
        if key and value and value.strip():
            meta.setdefault(key.strip().lower(), value.strip())
    return meta


def read_json_ld(doc: Element) -> dict:
    """The article object of the page's JSON-LD (NewsArticle first), or {}."""
    found: list[dict] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        found.extend(_ld_objects(data))
    for wanted in ("NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting"):
        for item in found:
            kinds = item.get("@type")
            if wanted in (kinds if isinstance(kinds, list) else [kinds]):
                return item
    return next((item for item in found if "datePublished" in item or "headline" in item), {})


def _ld_objects(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"])


def pick_date(doc: Element, meta: dict[str, str], ld: dict) -> str | None:
    """Publication date as the page states it (ISO or "Kamis, 5 November 2015 15:56 WIB")."""
    value = ld.get("datePublished")
    if isinstance(value, str) and HAS_YEAR.search(value):
        return value.strip()
    for key in DATE_META_KEYS:
        value = meta.get(key)
        if value and HAS_YEAR.search(value):
            return value
    for element in doc.xpath('//*[@itemprop="datePublished"]'):
        value = element.get("datetime") or element.get("content") or _text(element)
        if value and HAS_YEAR.search(value):
            return " ".join(value.split())
    return None


def _title_headings(doc: Element, title: str | None) -> list[Element]:
    """The <h1>-<h3> that repeat the page title."""
    if not title:
        return []
    key = " ".join(title.split()).casefold()
    return [h for h in doc.iter("h1", "h2", "h3") if " ".join(_text(h).split()).casefold() == key]


def _headlines(doc: Element, title: str | None) -> list[Element]:
    """The heading that repeats the title, else the <h1>s: older Kompas pages set the headline
    in an <h2> and the section name in the <h1>."""
    return _title_headings(doc, title) or list(doc.iter("h1"))


def date_near_headline(doc: Element, title: str | None = None) -> str | None:
    """A <time> or dated line right after the headline, for pages without date metadata."""
    for element in doc.iter("time"):
        value = element.get("datetime")
        if value and HAS_YEAR.search(value):
            return value.strip()
        match = TEXT_DATE.search(_text(element))
        if match:
            return match.group(0)
    for h1 in _headlines(doc, title):
        for seen, element in enumerate(h1.itersiblings()):
            match = TEXT_DATE.search(_text(element)[:400])
            if match:
                return match.group(0)
            if seen >= 6:
                break
        parent = h1.getparent()
        if parent is not None:
            match = TEXT_DATE.search(_text(parent)[:1500])
            if match:
                return match.group(0)
    return None


# ---------------------------------------------------------------------------------------------
# Boilerplate removal
# ---------------------------------------------------------------------------------------------

DROP_TAGS = (
    "script", "style", "noscript", "iframe", "svg", "button", "select", "textarea", "input",
    "object", "embed", "canvas", "template", "link", "meta", "head",
)  # fmt: skip
# Page furniture by tag; like class-named boxes they are dropped only when they do not hold the
# article (broken markup lets a <form> or an unclosed share box swallow the whole story).
FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "header", "form"})
# Class/id vocabulary of the boxes around an article: matched on the class/id tokens joined by
# "-", so "baca-juga-collections__list" and "box-terpopuler" hit while "read" never hits "ad".
BOILERPLATE_CLASS = re.compile(
    r"(?:^|-)(?:related\w*|terkait|baca-?juga|bacajuga|lihat-?juga|also-?read|read-?also|"
    r"more-?news|populer|popular|terpopuler|most-?(?:read|popular|viewed)|trending|"
    r"rekomendasi|recommend\w*|tags?|tagging|topics?|share|sharing|social|sosmed|socmed|"
    r"komentar|comments?|disqus|iklan|ads?|adv|advert\w*|banner|sponsor\w*|promo\w*|"
    r"newsletter|subscribe|breadcrumbs?|navbar|navigation|nav|menu|footer|sidebar|widget|"
    r"gpt|dfp|outbrain|taboola|mgid|popup|modal|cookie|login|search|pagination|paging|"
    r"rss|copyright|bottom-?news|next-?news|prev-?news|video-?list|terbaru|latest|"
    r"headline-?list|index-?list|berita-?lainnya|lainnya|other-?news|sosmedsticky|"
    r"twitter-tweet|instagram-media|tiktok-embed|fb-post|info-redaksi)(?:-|$)",
    re.IGNORECASE,
)
# Containers named like the article body are kept even when a token above also appears
# ("article-content-body_with-aside").
ARTICLE_CLASS = re.compile(
    r"articlebody|article-?body|content-?body|entry-?content|post-?content|story-?body|"
    r"detail-?text|read-?content|article-?content|txt-?article|itp_bodycontent",
    re.IGNORECASE,
)
CLASS_SPLIT = re.compile(r"[^0-9A-Za-z]+")
# A furniture box holding more than this share of the page's paragraph text is the article.
SWALLOWED_SHARE = 0.5


@lru_cache(maxsize=4096)
def _names_are_furniture(names: str) -> bool:
    """Class/id text names a non-article box (cached: pages repeat their class names)."""
    key = "-".join(token for token in CLASS_SPLIT.split(names) if token)
    return bool(BOILERPLATE_CLASS.search(key)) and not ARTICLE_CLASS.search(key)


def strip_non_content(root: Element) -> None:
    """Drop scripts, styles, embeds and comments, keeping the text that follows them."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)


def is_furniture(element: Element) -> bool:
    """Navigation, related lists, share bars, comments, ads: by tag or by class/id words."""
    tag = element.tag
    if not isinstance(tag, str) or tag in {"html", "body"}:
        return False
    if tag in FURNITURE_TAGS:
        return True
    names = element.get("class")
    ident = element.get("id")
    if not names and not ident:
        return False
    if element.get("itemprop") == "articleBody":
        return False
    return _names_are_furniture(f"{names or ''} {ident or ''}")


# ---------------------------------------------------------------------------------------------
# Blocks and the article container
# ---------------------------------------------------------------------------------------------

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td",
    "th", "figure", "figcaption", "hr", "address", "center", "fieldset", "details", "summary",
    "body", "html",
    # furniture containers: text written straight inside them must belong to them, not to <body>
    "header", "footer", "nav", "aside", "form", "menu",
})  # fmt: skip
CAPTION_TAGS = frozenset({"figure", "figcaption"})
PROSE_TAGS = frozenset({"p", "h1", "h2", "h3", "article", "section", "table", "ul", "ol"})
CAPTION_CLASS = re.compile(r"caption|keterangan|photo-?credit|foto-?credit", re.IGNORECASE)
URL_TEXT = re.compile(r"\s*(?:https?://|www\.)", re.IGNORECASE)
PHOTO_BOX_CLASS = re.compile(
    r"(?:^|[^a-z])(?:photo|foto|pic|picture|image|img|gambar)(?:[^a-z]|$)", re.IGNORECASE
)


def _is_caption(element: Element, tag: str) -> bool:
    if tag in CAPTION_TAGS:
        return True
    names = element.get("class")
    if not names:
        return False
    return _names_are_caption(names) or (
        PHOTO_BOX_CLASS.search(names) is not None and _is_photo_box(element)
    )


def _is_photo_box(element: Element) -> bool:
    """'<div class="photo"><img/><span>KOMPAS.COM/X</span> Penyidik menyerahkan ...</div>': an
    image and its caption in a box of their own, holding no paragraph or heading."""
    if element.find("img") is None:
        return False
    if any(isinstance(child.tag, str) and child.tag in PROSE_TAGS for child in element.iter()):
        return False
    return len(_text(element)) <= MAX_CAPTION


@lru_cache(maxsize=4096)
def _names_are_caption(names: str) -> bool:
    return bool(CAPTION_CLASS.search(names))


@dataclass(slots=True)
class Block:
    """Text between two block boundaries, with the element that holds it."""

    owner: Element
    text: str
    link_chars: int
    in_caption: bool

    @property
    def link_density(self) -> float:
        return self.link_chars / max(len(self.text), 1)


def iter_blocks(root: Element) -> Iterator[Block]:
    """Split a subtree into blocks at block tags and <br>, tracking link and caption text."""
    stack: list[Element] = []
    parts: list[str] = []
    link_chars = 0
    link_depth = 0
    caption_depth = 0

    def flush() -> Block | None:
        nonlocal parts, link_chars
        text = " ".join("".join(parts).split())
        block = Block(stack[-1], text, link_chars, caption_depth > 0) if text and stack else None
        parts, link_chars = [], 0
        return block

    def add(text: str | None) -> None:
        nonlocal link_chars
        if text:
            parts.append(text)
            # a visible URL is the story's own reference, not a link to another story
            if link_depth and not URL_TEXT.match(text):
                link_chars += len(text.strip())

    captions: list[bool] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            captions.append(_is_caption(element, tag))
            if tag in BLOCK_TAGS or tag == "br":
                block = flush()
                if block:
                    yield block
                if tag != "br":
                    stack.append(element)
            if tag == "a":
                link_depth += 1
            if captions[-1]:
                caption_depth += 1
            add(element.text)
            continue
        if tag in BLOCK_TAGS:
            block = flush()
            if block:
                yield block
            stack.pop()
        if tag == "a":
            link_depth -= 1
        if captions.pop():
            caption_depth -= 1
        if element is not root:
            add(element.tail)
    if stack:
        block = flush()
        if block:
            yield block


MIN_PARAGRAPH_CHARS = 60
LINK_TEXT_WEIGHT = 1.5  # a related list costs more than a caption or a byline of equal length
SHORT_TEXT_WEIGHT = 0.5


def is_paragraph(block: Block) -> bool:
    """Running prose: long enough and mostly not link text."""
    return len(block.text) - block.link_chars >= MIN_PARAGRAPH_CHARS and block.link_density < 0.3


def block_value(block: Block) -> float:
    """What a block adds to the elements holding it: prose counts, everything else costs."""
    if is_paragraph(block):
        return len(block.text) - block.link_chars
    return -(
        LINK_TEXT_WEIGHT * block.link_chars
        + SHORT_TEXT_WEIGHT * (len(block.text) - block.link_chars)
    )


def _add_up(blocks: Iterable[Block], value) -> dict[Element, float]:
    """Sum a per-block value over every ancestor of the block's owner."""
    totals: dict[Element, float] = {}
    for block in blocks:
        amount = value(block)
        if not amount:
            continue
        element = block.owner
        while element is not None:
            totals[element] = totals.get(element, 0.0) + amount
            element = element.getparent()
    return totals


def drop_furniture_blocks(root: Element, blocks: list[Block]) -> list[Block]:
    """Blocks outside furniture boxes; a box holding most of the page's prose is not furniture."""
    prose = _add_up(blocks, lambda b: len(b.text) if is_paragraph(b) else 0)
    limit = SWALLOWED_SHARE * prose.get(root, 0.0)
    banned = {el for el in root.iter() if is_furniture(el) and prose.get(el, 0.0) <= limit}
    verdict: dict[Element, bool] = {}

    def inside_banned(element: Element | None) -> bool:
        chain = []
        result = False
        while element is not None:
            if element in verdict:
                result = verdict[element]
                break
            chain.append(element)
            if element in banned:
                result = True
                break
            element = element.getparent()
        for seen in chain:
            verdict[seen] = result
        return result

    return [block for block in blocks if not inside_banned(block.owner)]


def find_container(blocks: list[Block], captions: bool) -> Element | None:
    """The element maximising paragraph text minus the other text it also holds."""
    score = _add_up((b for b in blocks if captions or not b.in_caption), block_value)
    if not score:
        return None
    best, best_score = max(score.items(), key=lambda item: item[1])
    return best if best_score >= MIN_PARAGRAPH_CHARS else None


# ---------------------------------------------------------------------------------------------
# Block filters
# ---------------------------------------------------------------------------------------------

RELATED_LINE = re.compile(
    r"^\W{0,3}(?:baca|lihat|simak|tonton)\s+(?:juga|pula|selengkapnya)\b|"
    r"^\W{0,3}(?:artikel|berita)\s+(?:terkait|lainnya|menarik)\b|^\W{0,3}(?:read|see)\s+also\b",
    re.IGNORECASE,
)
# Headings of the boxes that follow an article, when the box itself carries no telling class.
BOX_HEADING = re.compile(
    r"^\W*(?:jangan lewatkan|rekomendasi(?: \w+)?|(?:berita|artikel) (?:\w+ )?(?:terkait|"
    r"lainnya|pilihan|populer|terpopuler|terbaru|rekomendasi)|terpopuler|populer|terbaru|"
    r"pilihan redaksi|topik(?: terkait| pilihan)?|more stories|related(?: \w+)?|"
    r"most popular|trending|video pilihan|ruang anda|tag(?:s)?)\W*$",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^(?:[Oo]leh|[Bb]y)\s+(?:[A-Z][\w.'-]*\s*){1,5}$")
KEYWORD_LIST = re.compile(r"^[^.!?\"“”]*(?:,[^,.!?\"“”]{1,40}){2,}$")
# The words that label a credit: "Penulis: X", or a credits table's "Penulis | : X".
_CREDIT_WORDS = "editor|pewarta|reporter|penulis|penyunting|redaktur|fotografer"
CREDIT_LINE = re.compile(
    rf"^\W{{0,3}}(?:{_CREDIT_WORDS}|editing|"
    r"copyright|hak cipta|tags?|topik|kata kunci|keywords?|share|bagikan|komentar|"
    r"advertisement|iklan|sumber foto|ikuti (?:kami|berita)|follow us)\b\s*:?|^(?:©|\(c\))|"
    r"^[\d.,]+\s*(?:views?|kali dibaca|dibaca|dilihat|komentar|comments?|shares?)$",
    re.IGNORECASE,
)
# A credits table: "<tr><td>Penulis</td><td>: Kontributor Lhokseumawe, Masriadi</td></tr>".
CREDIT_LABEL = re.compile(
    rf"^\W{{0,3}}(?:{_CREDIT_WORDS}|kontributor|wartawan|sumber|source|writer|author)\W{{0,3}}$",
    re.IGNORECASE,
)
MAX_CREDIT_LINE = 120
# "... (ANTARA FOTO/Budi Setya)", "(Foto: Vania/Okezone)", "(Liputan6.com/Angga Yuniar)": the
# credit that closes a photo caption. Editor codes "(kpl/sry)" are lower case and stay.
PHOTO_CREDIT = re.compile(
    r"\((?=[^()]*(?:\bfoto\b|\bphoto\b|reuters|\bafp\b|\bap photo|getty|istimewa|\bdok\b|"
    r"dokumentasi|shutterstock|\.com\s*/|(?-i:/\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*\))))"
    r"[^()]{3,80}\)\W{0,2}$",
    re.IGNORECASE,
)
MAX_CAPTION = 600


def keep_block(block: Block, title_key: str = "") -> bool:
    """False for link lists, "Baca juga" lines, credit/date/view-count lines and captions."""
    text = block.text
    if block.link_density > 0.5:
        return False
    if title_key and text.casefold() == title_key:
        return False
    if _in_credit_row(block.owner):
        return False
    if RELATED_LINE.match(text) and len(text) < 250:
        return False
    if len(text) < 60 and (BOX_HEADING.match(text) or BYLINE.match(text)):
        return False
    if len(text) < 300 and KEYWORD_LIST.match(text):
        return False
    if len(text) <= MAX_CREDIT_LINE and (
            CREDIT_LINE.match(text) or is_date_line(text) or is_author_line(text)
            or is_sign_off(text)):
        return False
    return not (len(text) <= MAX_CAPTION and PHOTO_CREDIT.search(text))


def _in_credit_row(owner: Element) -> bool:
    """A cell of a row labelled "Penulis", "Editor", "Sumber"...: the label or its credit."""
    if owner.tag not in ("td", "th", "dt", "dd"):
        return False
    label = owner.getprevious()
    if label is not None:
        return bool(CREDIT_LABEL.match(_text(label)))
    return owner.getnext() is not None and bool(CREDIT_LABEL.match(_text(owner)))


def is_date_line(text: str) -> bool:
    """A byline-style line that is mostly a date: "Selasa, 23 Februari 2016 15:06 WIB | 998",
    "Vania Ika Aldida | Jum'at, 17 Februari 2017", "Kompas.com - 22/11/2024, 07:30 WIB"; not a
    dateline opening the story."""
    match = TEXT_DATE.search(text) or NUMERIC_DATE.search(text)
    if not match:
        return False
    rest = len(text) - len(match.group(0))
    signed = _is_site_segment(text[: match.start()].strip(" -–—|,:"))
    return rest < 12 or (rest < 40 and (match.start() <= 3 or "|" in text or signed))


def is_author_line(text: str) -> bool:
    """"Wilda Hayatun Nufus - detikNews", "Elvan Widyatama, CNBC Indonesia": the writer's name
    signed with the site. A dateline on its own line ("Jakarta, CNN Indonesia --", "BANDA ACEH,
    KOMPAS.com") is not one: it ends with a dash, or names one word or shouts."""
    text = text.strip()
    if len(text) > 80 or text.endswith((".", "!", "?", '"', "”", "-", "–", "—")):
        return False
    parts = TITLE_SEPARATOR.split(text)
    if len(parts) < 2:
        names_part, _, site = text.rpartition(",")
        if (len(names_part.split()) < 2 or names_part.isupper()
                or is_common_dateline_city(names_part)):
            return False
        parts = [names_part, site]
    if not _is_site_segment(parts[-1].strip()):
        return False
    names = [w for w in " ".join(parts[:-1]).replace(",", " ").split() if w not in {"dan", "&"}]
    return 0 < len(names) <= 8 and all(w[:1].isupper() for w in names)


def is_sign_off(text: str) -> bool:
    """"CNBC INDONESIA RESEARCH", "TRIBUNNEWS.COM": a shouted line naming the site, no story."""
    return len(text) <= 60 and text.isupper() and bool(SITE_BRAND.search(text))


def body_from_container(
    container: Element, blocks: list[Block], captions: bool, title: str | None
) -> list[str]:
    """Kept block texts of the container, in page order, one paragraph each."""
    inside = set(container.iter())
    title_key = " ".join((title or "").split()).casefold()
    lines: list[str] = []
    for block in blocks:
        if block.owner not in inside:
            continue
        if block.in_caption:
            # a gallery's captions are its story, credits and all
            if captions and block.link_density <= 0.5:
                lines.append(block.text)
            continue
        if keep_block(block, title_key) and (not lines or lines[-1] != block.text):
            lines.append(block.text)
    return lines if captions else drop_pull_quotes(lines)


QUOTE_TRIM = "\"'“”‘’ .,"


def drop_pull_quotes(lines: list[str]) -> list[str]:
    """Drop a line repeated inside another one: pull quotes and teaser leads."""
    cores = [line.strip(QUOTE_TRIM) for line in lines]
    return [
        line
        for i, (line, core) in enumerate(zip(lines, cores, strict=True))
        if len(core) < 40
        or not any(j != i and len(other) > len(core) and core in other for j, other in
                   enumerate(cores))
    ]


MIN_BODY_WORDS = 40
MIN_SHORT_BODY_WORDS = 15  # a photo story's caption or a news stub, under its own headline
DATE_LOOKBACK_BLOCKS = 12


def extract_body(root: Element, title: str | None = None) -> tuple[str, str | None]:
    """Article text of a page tree (modified in place) and the date line just above it.

    Captions count only when nothing else is there: a photo gallery's captions are its story.
    """
    headings = _title_headings(root, title)
    strip_non_content(root)
    every_block = list(iter_blocks(root))
    blocks = drop_furniture_blocks(root, every_block)
    short: tuple[str, str | None] = ("", None)
    for captions in (False, True):
        container = find_container(blocks, captions)
        if container is None:
            continue
        lines = body_from_container(container, blocks, captions, title)
        lines = _with_framing(container, blocks, lines)
        words = sum(len(line.split()) for line in lines)
        if words >= MIN_BODY_WORDS:
            return "\n".join(lines), date_above(container, every_block)
        if not short[0] and words >= MIN_SHORT_BODY_WORDS and _in_headline_box(
            container, headings
        ):
            short = ("\n".join(lines), date_above(container, every_block))
    return short


# Left outside the story's <p>s by a page that writes them straight into the box around them:
# '<div><strong>Jakarta</strong> - <p>Galaxy S6 Edge, ...</p> <strong>(fyk/ash)</strong></div>'.
LOOSE_DATELINE = re.compile(r"^[A-Z][\w.]*(?:[ ,][\w.()]+){0,4}\s*(?:-{1,2}|–|—)$")
LOOSE_EDITOR_CODES = re.compile(r"^\([a-z]{2,5}(?:\s?/\s?[a-z]{2,5}){1,3}\)$")


def _with_framing(container: Element, blocks: list[Block], lines: list[str]) -> list[str]:
    """The story's lines with the dateline just above and the editor codes just below the
    container, when the box around it holds them as loose text."""
    box = container.getparent()
    if not lines or box is None:
        return lines
    inside = set(container.iter())
    positions = [i for i, block in enumerate(blocks) if block.owner in inside]
    if not positions:
        return lines
    before = blocks[positions[0] - 1] if positions[0] > 0 else None
    after = blocks[positions[-1] + 1] if positions[-1] + 1 < len(blocks) else None
    framed = list(lines)
    if before is not None and before.owner is box and LOOSE_DATELINE.match(before.text):
        framed[0] = f"{before.text} {framed[0]}"
    if after is not None and after.owner is box and LOOSE_EDITOR_CODES.match(after.text):
        framed.append(after.text)
    return framed


def _in_headline_box(container: Element, headings: list[Element]) -> bool:
    """Whether the text sits in the box of the heading that repeats the page title: then a
    short text (a photo story's caption, a news stub) is the article, not a stray box of an
    index page."""
    for heading in headings:
        box = heading.getparent()
        if box is not None and box.tag not in ("body", "html") and container in box.iter():
            return True
    return False


def date_above(container: Element, blocks: list[Block]) -> str | None:
    """The dated line closest above the article text (or at its top), for pages without date
    metadata: "Wednesday, 04 November, 2015 | 07:28 WIB" over the headline."""
    inside = set(container.iter())
    first = next((i for i, block in enumerate(blocks) if block.owner in inside), None)
    if first is None:
        return None
    nearby = [*reversed(blocks[max(0, first - DATE_LOOKBACK_BLOCKS) : first]),
              *blocks[first : first + 3]]  # fmt: skip
    for block in nearby:
        if len(block.text) <= MAX_CREDIT_LINE and block.link_density < 0.5:
            match = TEXT_DATE.search(block.text)
            if match:
                return match.group(0)
    return None


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def parse_page(html: str) -> Element | None:
    text = XML_DECLARATION.sub("", html, count=1)
    if not text.strip():
        return None
    try:
        # a parser per page: lxml parsers must not be shared between threads
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        root = etree.fromstring(text, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root if root is not None and len(root) else None


AUTHOR_META_KEYS = ("author", "article:author", "content_author", "dc.creator", "parsely-author")


def _author(meta: dict[str, str], ld: dict) -> str | None:
    author = ld.get("author")
    if isinstance(author, list) and author:
        author = author[0]
    if isinstance(author, dict):
        author = author.get("name")
    if isinstance(author, str) and author.strip():
        return author.strip()
    value = next((meta[key] for key in AUTHOR_META_KEYS if meta.get(key)), None)
    return value if value and not value.startswith("http") else None


def extract_html_article(html: str) -> HtmlArticle:
    """Main text and metadata of one article page; empty body when the page holds no article."""
    doc = parse_page(html)
    if doc is None:
        return HtmlArticle(body="", extractor="none")
    meta = read_meta(doc)
    ld = read_json_ld(doc)
    title = pick_title(doc, meta, ld)
    date = pick_date(doc, meta, ld)
    url = meta.get("og:url") or _canonical(doc)
    author = _author(meta, ld)
    body, date_line = extract_body(doc, title)
    date = date or date_line or date_near_headline(doc, title)
    if body:
        return HtmlArticle(body=body, title=title, date=date, url=url, author=author)
    fallback = _trafilatura(html)
    if fallback is None:
        return HtmlArticle(body="", title=title, date=date, url=url, author=author,
                           extractor="none")  # fmt: skip
    return HtmlArticle(
        body=(fallback.text or "").strip(),
        title=title or strip_site_suffix(fallback.title),
        date=date or fallback.date,
        url=url or fallback.url,
        author=author or fallback.author,
        extractor="trafilatura",
    )


def _canonical(doc: Element) -> str | None:
    for link in doc.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href")
    return None


def _trafilatura(html: str):
    import trafilatura  # heavy import, only for pages our rules cannot read

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=True,
    )

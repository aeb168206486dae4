"""One canonical spelling per article URL, so copies shared through trackers and wrappers join up.

Crawlers and readers hand us the address a link happened to carry: with ``utm_*`` campaign tags,
behind a Google or Facebook redirect, through the Google AMP cache, or without a scheme. Analysts
group and join on the URL, so all of these must collapse to the address the outlet publishes.
Everything is decided from the text of the URL alone: the network is never asked (a short link
such as ``kmp.im/...`` or ``t.co/...`` stays as it is), and parameters that carry meaning
(``page=all`` on Kompas, search terms, article ids) are kept in their original order.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final
from urllib.parse import parse_qsl, quote, unquote, unquote_plus, urlsplit

# Query keys that only say where a click came from; compared case-insensitively.
# tag_from is detik's internal "which widget was clicked" tag; amp_js_v, usqp, aoh and amp_* are
# added by the Google AMP cache.
_TRACKING_KEY_NAMES = """
    fbclid gclid dclid gbraid wbraid msclkid yclid twclid ttclid mc_cid mc_eid igshid igsh _ga _gl
    ref ref_src ref_url src cmpid s_cid _hsenc _hsmi mkt_tok tag_from
    amp amp_js_v amp_gsa amp_tf ampshare usqp aoh
"""
TRACKING_KEYS = frozenset(_TRACKING_KEY_NAMES.split())
TRACKING_PREFIXES = ("utm_",)

# Hosts that only forward a visitor, and the parameters (in order of preference) naming where to.
# For these hosts any other parameter holding an http(s) URL is taken as the target too.
REDIRECT_PARAMS: dict[str, tuple[str, ...]] = {
    "l.facebook.com": ("u",),
    "lm.facebook.com": ("u",),
    "m.facebook.com": ("u",),
    "www.facebook.com": ("u",),
    "l.messenger.com": ("u",),
    "l.instagram.com": ("u",),
    "out.reddit.com": ("url",),
    "news.google.com": ("url",),
    "www.youtube.com": ("q",),
    "away.vk.com": ("to",),
    "t.umblr.com": ("z",),
    "duckduckgo.com": ("uddg",),
    "href.li": (),
}
# Paths on the hosts above that are redirects (elsewhere the host serves real pages).
REDIRECT_PATHS = {
    "m.facebook.com": "/l.php",
    "www.facebook.com": "/l.php",
    "l.facebook.com": "/l.php",
    "lm.facebook.com": "/l.php",
    "l.messenger.com": "/l.php",
    "www.youtube.com": "/redirect",
    "duckduckgo.com": "/l/",
}
_GOOGLE_HOST = re.compile(r"(?:www\.)?google(?:\.com?)?(?:\.[a-z]{2})?")
_GOOGLE_REDIRECT_PARAMS = ("url", "q")
# https://<host with dashes>.cdn.ampproject.org/c/s/<host>/<path>; "s/" means the origin is https.
_AMP_CACHE_PATH = re.compile(r"/[cv]/(s/)?([^/?#]+)(.*)", re.DOTALL)
_GOOGLE_AMP_PATH = re.compile(r"/amp/(s/)?([^/?#]+)(.*)", re.DOTALL)

# Mobile hosts that serve the very same paths as the desktop host. Only pairs we are sure of:
# m.detik.com, amp.kompas.com and m.kompas.com use different paths from their desktop pages, so
# rewriting their host alone would invent URLs that do not exist; they stay as they are.
MOBILE_HOSTS = {
    "m.cnnindonesia.com": "www.cnnindonesia.com",
    "m.antaranews.com": "www.antaranews.com",
}
# Indonesian outlets, where a final "amp" path segment only ever marks the AMP copy of an article.
_AMP_SUFFIX_DOMAIN_NAMES = """
    cnnindonesia.com detik.com kompas.com tempo.co antaranews.com tribunnews.com liputan6.com
    okezone.com sindonews.com suara.com cnbcindonesia.com republika.co.id merdeka.com viva.co.id
    idntimes.com jpnn.com inews.id kumparan.com tirto.id bisnis.com kontan.co.id beritasatu.com
"""
AMP_SUFFIX_DOMAINS = tuple(_AMP_SUFFIX_DOMAIN_NAMES.split())

_EXPLICIT_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
# Any character ``str.isspace`` accepts: one C-level search instead of a test per character.
_WHITESPACE = re.compile(r"\s")
_BARE_HOST = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.?(?::\d+)?(?:[/?#]|$)")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# Printable ASCII left alone when re-encoding (WHATWG percent-encode sets): spaces, quotes, angle
# brackets, backticks, braces and every non-ASCII character are encoded, existing escapes kept.
_PATH_SAFE = "!$%&'()*+,-./:;=@_~[]|^\\"
_QUERY_SAFE = "!$%()*+,-./:;=?@_~[]|^\\`{}"
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_UNWRAP = 5

# The day an outlet filed an article, as its CMS writes it into the path: "/read/2025/05/29/..."
# (Kompas, Tribun, Okezone, older Tempo), "/read/20250529/..." (Bisnis) and CNN Indonesia's
# "/20250529141500-20-1234567/" id (date and time first). Over the Kompas crawl the path's day
# is the crawl's day folder for 454 of 469 dated URLs and the day before for the other 15
# (filed late, crawled next morning), while the body's own latest date is the event's day.
_PATH_DAY = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?P<sep>/?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)"
    r"(?:/|\d{6}-\d+-\d+/|$)"
)
EARLIEST_NEWS_DAY = date(1995, 1, 1)
# A filing stamp in a file name: year-month-day followed by the time or the outlet's article id,
# as crawlers and CMS exports write it ("xml.2025.11.01.190000221.md" is Kompas's article id,
# "20250529_143000.html" a crawl time). A bare day in a slug ("pahami-2024-06-21.txt") may name
# the event rather than the filing, so it is not read.
_NAME_STAMP = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)\d\d)(?P<sep>[._-]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)"
    r"[._T-]?\d{4,}"
)

# A crawler's day folder: "2025-06-02/", "20250602/", "2025/06/02/", "02Jun2025/", "2-Juni-2025/".
# Over the Kompas crawl (469 articles whose URL states the filing day) the day folder is that day
# for 454 and the day before for the rest, while the body's own dates give it for one in three
# (the events of the days before): a filing day, so metadata, read after the URL and file name.
# A day-month-year in digits alone is not read: "02-06-2025" is June or February by locale.
_FOLDER_DAY = re.compile(
    r"(?<![0-9A-Za-z])(?:"
    r"(?P<y>(?:19|20)\d\d)(?P<sep>[._/-]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)"
    r"|(?P<day>[0-3]?\d)[._ -]?(?P<month>[A-Za-z]{3,9})[._ -]?(?P<year>(?:19|20)\d\d)"
    r")(?![0-9A-Za-z])"
)
_MONTH_WORDS: Final = {
    word: number
    for number, words in enumerate(
        (
            "jan januari january",
            "feb februari february",
            "mar maret march",
            "apr april",
            "mei may",
            "jun juni june",
            "jul juli july",
            "agu agt ags aug agustus august",
            "sep sept september",
            "okt oct oktober october",
            "nov november nopember",
            "des dec desember december",
        ),
        start=1,
    )
    for word in words.split()
}


def canonical_url(url: str | None) -> str | None:
    """The canonical http(s) form of ``url``, or None when it is empty or not a web address."""
    current = _with_scheme(url.strip()) if url else None
    for _ in range(MAX_UNWRAP):
        if current is None:
            return None
        parts = _split(current)
        if parts is None:
            return None
        target = _redirect_target(*parts)
        if target is None:
            return _assemble(*parts)
        current = _with_scheme(target.strip())
    return None


def filing_date_in_url(url: str | None) -> date | None:
    """The publication day an article URL's path states, or None.

    Only the path is read (a query such as ``?date=2024-01-01`` is a filter, not the filing
    day), and only the first dated segment, which is the outlet's own.
    """
    parts = _split(url) if url else None
    if parts is None:
        return None
    return _news_day(_PATH_DAY.search(parts[2]))


def filing_date_in_file_name(name: str | None) -> date | None:
    """The filing day a crawler stamped into a single-article file's name, or None.

    Crawlers name files by the outlet's article id or the moment they filed it; like the URL's
    path, that is metadata, read only when the record's own fields give no date.
    """
    return _news_day(_NAME_STAMP.search(name) if name else None)


def filing_date_in_folder(folder: str | None) -> date | None:
    """The crawl day of the inbox folder a single-article file was filed in, or None.

    The deepest dated folder counts ("kompas/2025-06/02Jun2025" is 2 June); a folder the inbox
    itself is named by (above the relative path) is not seen.
    """
    if not folder:
        return None
    found: date | None = None
    for match in _FOLDER_DAY.finditer(folder):
        if match["y"] is not None:
            filed = _news_day(match)
        else:
            month = _MONTH_WORDS.get(match["month"].lower())
            filed = _news_day_of(int(match["year"]), month, int(match["day"])) if month else None
        found = filed or found
    return found


def _news_day(match: re.Match[str] | None) -> date | None:
    """The real calendar day a y/m/d match names, if online news could have been filed on it."""
    if match is None:
        return None
    return _news_day_of(int(match["y"]), int(match["m"]), int(match["d"]))


def _news_day_of(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if found >= EARLIEST_NEWS_DAY else None


def _with_scheme(url: str) -> str | None:
    """``www.kompas.com/...`` and ``//www.kompas.com/...`` get https; other schemes are refused."""
    if not url:
        return None
    if _EXPLICIT_SCHEME.match(url):
        return url if url.split(":", 1)[0].lower() in DEFAULT_PORTS else None
    if url.startswith("//"):
        return "https:" + url
    if _BARE_HOST.match(url):
        return "https://" + url
    return None  # javascript:, data:, mailto:, relative paths


def _split(url: str) -> tuple[str, str, str, str] | None:
    """(scheme, host[:port], path, query) with the scheme and host normalised; None if malformed."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").rstrip(".")
    if not host or _WHITESPACE.search(host):
        return None
    scheme = parts.scheme.lower()
    host = MOBILE_HOSTS.get(host, host)
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    return scheme, host, parts.path or "/", parts.query


def _redirect_target(scheme: str, host: str, path: str, query: str) -> str | None:
    """The address a known redirector or AMP cache forwards to, read from the URL itself."""
    if host.endswith(".cdn.ampproject.org"):
        return _embedded_origin(_AMP_CACHE_PATH.fullmatch(path), query)
    if _GOOGLE_HOST.fullmatch(host):
        if path == "/url":
            return _url_param(query, _GOOGLE_REDIRECT_PARAMS, any_url=False)
        if path.startswith("/amp/"):
            return _embedded_origin(_GOOGLE_AMP_PATH.fullmatch(path), query)
        return None
    if host == "r.search.yahoo.com":
        found = re.search(r"/RU=([^/]+)/", path)
        return unquote(found.group(1)) if found else None
    if host == "href.li":
        return unquote(query) if query else None
    if host not in REDIRECT_PARAMS or not path.startswith(REDIRECT_PATHS.get(host, "/")):
        return None
    return _url_param(query, REDIRECT_PARAMS[host], any_url=True)


def _embedded_origin(match: re.Match[str] | None, query: str) -> str | None:
    """``/c/s/www.kompas.com/read/...`` -> ``https://www.kompas.com/read/...`` (AMP caches)."""
    if match is None:
        return None
    secure, host, rest = match.groups()
    return f"{'https' if secure else 'http'}://{host}{rest}" + (f"?{query}" if query else "")


def _url_param(query: str, names: tuple[str, ...], any_url: bool) -> str | None:
    """The first named parameter that holds a web address (any such one when ``any_url``)."""
    params = parse_qsl(query, keep_blank_values=True)
    values = dict(params)
    for name in names:
        value = values.get(name, "").strip()
        if _looks_like_web_address(value):
            return value
    if any_url:
        for _, value in params:
            if value.strip().lower().startswith(("http://", "https://")):
                return value.strip()
    return None


def _looks_like_web_address(value: str) -> bool:
    """True for ``https://...``, ``//host/...`` and ``www.host/...`` forms, not for search words."""
    lowered = value.lower()
    return lowered.startswith(("http://", "https://", "//")) or (
        _BARE_HOST.match(value) is not None and not _OTHER_SCHEME.match(value)
    )


def _assemble(scheme: str, host: str, path: str, query: str) -> str:
    """Scheme, host, cleaned path and the non-tracking parameters; userinfo and fragment dropped."""
    path = _strip_amp_suffix(host, _encode(path, _PATH_SAFE))
    kept = [piece for piece in query.split("&") if piece and not _is_tracking(piece)]
    query = "&".join(_encode(piece, _QUERY_SAFE) for piece in kept)
    return f"{scheme}://{host}{path}" + (f"?{query}" if query else "")


def _is_tracking(piece: str) -> bool:
    """True for ``utm_source=...``, ``fbclid=...``, a bare ``amp`` and the like."""
    key = unquote_plus(piece.split("=", 1)[0]).strip().lower()
    return key in TRACKING_KEYS or key.startswith(TRACKING_PREFIXES)


def _strip_amp_suffix(host: str, path: str) -> str:
    """``.../judul-berita/amp`` -> ``.../judul-berita`` on the Indonesian outlets listed above."""
    if not (path.endswith("/amp") or path.endswith("/amp/")) or path.count("/") < 3:
        return path
    domain = host.rsplit(":", 1)[0]
    if not any(domain == d or domain.endswith("." + d) for d in AMP_SUFFIX_DOMAINS):
        return path
    return path[: path.rstrip("/").rfind("/")]


def _encode(text: str, safe: str) -> str:
    """Percent-encode what a URL may not carry raw, keeping escapes already there (upper-cased)."""
    text = _LONE_PERCENT.sub("%25", text)
    return _PERCENT_ESCAPE.sub(lambda m: m.group(0).upper(), quote(text, safe=safe))

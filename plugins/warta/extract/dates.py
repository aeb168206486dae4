"""Publication dates from metadata strings, and dated expressions inside the article body.

Indonesian news dates its events as "Jumat (21/6)" (weekday plus day/month, no year) and leans on
relative words ("kemarin", "Rabu lalu"). Neither can be read without an anchor: the publication
date, or when metadata lacks it, the latest event the text dates (an article cannot be older than
its latest event). Everything here is hand-written regex so the hot path stays well under 1 ms;
dateparser is only the last resort for odd metadata strings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache

from warta.model import DateMention, Sentence

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
_ZONES = {"wib": WIB, "wita": WITA, "wit": WIT, "utc": UTC, "gmt": UTC, "z": UTC}

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januari january jan",
        "februari pebruari february feb peb",
        "maret march mar",
        "april apr",
        "mei may",
        "juni june jun",
        "juli july jul",
        "agustus august agu agt ags agus aug",
        "september sept sep",
        "oktober october okt oct",
        "november nopember nov nop",
        "desember december des dec",
    ),
    start=1,
):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

_WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6,
    "ahad": 6,
}  # fmt: skip
_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jum['’]?at|Sabtu|Minggu|Ahad)"
_DAY_NAME = (
    r"(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
)

# --- metadata strings -------------------------------------------------------------------------

_TIME = r"(?:[,\s|\-–]+(?:pukul\s+|jam\s+)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?)"
_ZONE = r"(?:\s*(?P<tz>WIB|WITA|WIT|GMT|UTC|Z|[+-]\d{2}:?\d{2}))"
_META_DAY_MONTH_NAME = re.compile(
    rf"^(?:{_DAY_NAME},?\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH})\.?,?\s+(?P<y>\d{{4}})"
    rf"{_TIME}?{_ZONE}?$",
    re.IGNORECASE,
)
_META_MONTH_NAME_DAY = re.compile(
    rf"^(?:{_DAY_NAME},?\s+)?(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})"
    rf"{_TIME}?{_ZONE}?$",
    re.IGNORECASE,
)
_META_SLASHED = re.compile(
    rf"^(?P<wd>{_DAY_NAME},?\s+)?(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}){_TIME}?{_ZONE}?$",
    re.IGNORECASE,
)
_META_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
_META_EPOCH = re.compile(r"^\d{9,13}$")


def _zone(raw: str | None) -> timezone:
    """Indonesian outlets print local time; an unlabelled clock time is taken to be WIB."""
    if not raw:
        return WIB
    named = _ZONES.get(raw.casefold())
    if named:
        return named
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _assemble(
    year: int, month: int, day: int, m: re.Match[str]
) -> tuple[date | None, datetime | None]:
    try:
        day_date = date(year, month, day)
    except ValueError:
        return None, None
    if m.group("H") is None:
        return day_date, None
    try:
        moment = datetime(
            year, month, day, int(m.group("H")), int(m.group("M")), int(m.group("S") or 0),
            tzinfo=_zone(m.group("tz")),
        )  # fmt: skip
    except ValueError:
        return day_date, None
    return day_date, moment


def _from_aware(moment: datetime) -> tuple[date, datetime]:
    """UTC stamps are machine time: give the Jakarta day; local offsets stay as written."""
    if moment.utcoffset() == timedelta(0):
        return moment.astimezone(WIB).date(), moment
    return moment.date(), moment


def _parse_with_dateparser(raw: str) -> tuple[date | None, datetime | None]:
    """Slow last resort (tens of ms): only for strings no hand-written pattern understands."""
    import dateparser  # imported lazily: it is heavy and almost never needed

    # absolute-time only: "kemarin" in metadata must not resolve against the machine clock
    settings = {
        "TIMEZONE": "Asia/Jakarta",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    parsed = dateparser.parse(raw, languages=["id", "en"], settings=settings)
    if parsed is None:
        return None, None
    return parsed.date(), parsed


def parse_published(raw: str | None) -> tuple[date | None, datetime | None]:
    """Parse a metadata date string into (date, aware datetime or None when it has no time)."""
    if raw is None:
        return None, None
    text = " ".join(str(raw).split())
    if not text:
        return None, None
    if _META_EPOCH.match(text):
        stamp = int(text) / (1000 if len(text) > 10 else 1)
        return _from_aware(datetime.fromtimestamp(stamp, UTC))
    if _META_ISO.match(text):
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None, None
        if len(text) == 10:
            return moment.date(), None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=WIB)
        return _from_aware(moment)
    m = _META_DAY_MONTH_NAME.match(text) or _META_MONTH_NAME_DAY.match(text)
    if m:
        month = _MONTHS[m.group("mon").casefold()]
        return _assemble(int(m.group("y")), month, int(m.group("d")), m)
    m = _META_SLASHED.match(text)
    if m:
        first, second = int(m.group("a")), int(m.group("b"))
        # detik writes month first ("10/21/2025 20:43"); a leading weekday marks the Indonesian
        # day-first habit ("Senin, 20/10/2025"); an impossible month settles the rest.
        day_first = bool(m.group("wd")) or first > 12
        day, month = (first, second) if day_first else (second, first)
        return _assemble(int(m.group("y")), month, day, m)
    return _parse_with_dateparser(text)


# --- dates inside the body --------------------------------------------------------------------
# Python's re scans fast only when a pattern opens with a literal or a character class, so the
# body is read with four such patterns (weekday-led, "(", digit-led, relative keyword) instead of
# one alternation, which measured ~40x slower on real articles.

_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10,
}  # fmt: skip
_PAST = r"(?:(?:yang\s+)?lalu|sebelumnya)"
_FUTURE = r"(?:depan|mendatang|lagi|ke\s+depan)"

_WEEKDAY_LED = re.compile(
    rf"(?P<wd>{_WEEKDAY})\b(?:"
    r"(?P<paren>\s*,?\s*\(\s*(?P<p_d>[0-9]{1,2})\s*/\s*(?P<p_m>[0-9]{1,2})"
    r"(?:\s*/\s*(?P<p_y>[0-9]{4}|[0-9]{2}))?\s*\))"
    rf"|(?P<named>,?\s+(?P<n_d>[0-9]{{1,2}})\s+(?P<n_m>(?i:{_MONTH}))\.?\s+(?P<n_y>[0-9]{{4}})\b)"
    rf"|(?P<past>\s+(?:{_PAST}|kemarin)\b)"
    r"|(?P<next>\s+(?:depan|mendatang|besok|nanti)\b)"
    r")?"
)
_PAREN_DATE = re.compile(
    r"\(\s*(?P<p_d>[0-9]{1,2})\s*/\s*(?P<p_m>[0-9]{1,2})\s*/\s*(?P<p_y>[0-9]{4}|[0-9]{2})\s*\)"
)
# The look-ahead after the day rejects most of an article's numbers ("2024", "15,5") before the
# month-name alternation is tried: every alternative goes on with "/" or a space.
_DIGIT_LED = re.compile(
    r"(?P<d>[0-9][0-9]?)(?=[/\s])(?:/(?P<s_m>[0-9]{1,2})/(?P<s_y>[0-9]{4})\b"
    rf"|\s+(?P<n_m>(?i:{_MONTH}))\.?\s+(?P<n_y>[0-9]{{4}})\b"
    rf"|\s+hari\s+(?:(?P<ago>{_PAST})|(?P<ahead>{_FUTURE}))\b)"
)
# "hari"/"pada" right before a bare weekday: "pada hari Kamis", "pada Kamis"
_BARE_WEEKDAY_CUE = re.compile(r"(?:^|[^\w-])(?P<cue>[Hh]ari|[Pp]ada)\s{1,2}$")
_RELATIVE_WORDS = (
    "hari", "kemarin", "besok", "lusa", "pekan", "sepekan", "seminggu", "sehari",
)  # fmt: skip
# Literal alternatives only, so the scan skips ahead fast; "Minggu" stays out (capitalised it is
# Sunday, read by the weekday pattern) and number words are looked up behind "hari" instead.
_RELATIVE_TRIGGER = re.compile(
    "|".join(w for word in _RELATIVE_WORDS for w in (word, word.capitalize())) + "|minggu"
)
# Every trigger contains one of these stems; ``str.find`` locates them in a lower-cased copy ~3x
# faster than the trigger alternation scans the body (its first letters are common letters).
_RELATIVE_STEMS = ("hari", "kemarin", "besok", "lusa", "pekan", "minggu")
_RELATIVE = re.compile(
    r"(?P<two_days_ago>[Kk]emarin\s+lusa)\b"
    r"|(?P<today>[Hh]ari\s+ini)\b"
    r"|(?P<yesterday>[Kk]emarin)\b"
    r"|(?P<tomorrow>[Bb]esok)\b"
    r"|(?P<in_two_days>[Ll]usa)\b"
    rf"|(?P<days_ago>[Ss]ehari\s+{_PAST})\b"
    rf"|(?P<n_days_ago>hari\s+{_PAST})\b"
    rf"|(?P<n_days_ahead>hari\s+{_FUTURE})\b"
    rf"|(?P<week_ago>(?:[Pp]ekan|minggu|[Ss]epekan|[Ss]eminggu)\s+{_PAST})\b"
    rf"|(?P<week_ahead>(?:[Pp]ekan|minggu)\s+{_FUTURE})\b"
)
_NUMBER_BEFORE = re.compile(
    r"(?:^|[^\w-])(?P<n>(?i:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh))\s{1,2}$"
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»")
_RELATIVE_OFFSETS = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "in_two_days": 2, "two_days_ago": -2,
    "week_ago": -7, "week_ahead": 7,
}  # fmt: skip


_ABSOLUTE_KINDS = frozenset({"explicit", "weekday_daymonth"})


@dataclass(frozen=True, slots=True)
class _Found:
    """A dated expression before resolution: span, kind and the numbers it states."""

    start: int
    end: int
    kind: str  # explicit, weekday_daymonth, or a relative sub-kind (today, wd_past, ...)
    day: int = 0
    month: int = 0
    year: int = 0
    weekday: int = -1
    count: int = 0


def _weekday_number(name: str) -> int:
    return _WEEKDAYS[name.casefold().replace("'", "").replace("’", "")]


def _full_year(raw: str) -> int:
    year = int(raw)
    return year + 2000 if year < 100 else year


def _starts_word(body: str, start: int) -> bool:
    return start == 0 or not (body[start - 1].isalnum() or body[start - 1] in "-/.,")


def _from_weekday_led(body: str, m: re.Match[str]) -> _Found | None:
    weekday = _weekday_number(m.group("wd"))
    start, end = m.span()
    if m.group("paren"):
        day, month = int(m.group("p_d")), int(m.group("p_m"))
        if m.group("p_y"):
            return _Found(start, end, "explicit", day, month, _full_year(m.group("p_y")))
        return _Found(start, end, "weekday_daymonth", day, month, weekday=weekday)
    if m.group("named"):
        month = _MONTHS[m.group("n_m").casefold()]
        return _Found(start, end, "explicit", int(m.group("n_d")), month, int(m.group("n_y")))
    if m.group("past"):
        return _Found(start, end, "wd_past", weekday=weekday)
    if m.group("next"):
        return _Found(start, end, "wd_next", weekday=weekday)
    cue = _BARE_WEEKDAY_CUE.search(body, max(0, start - 7), start)
    if cue:
        return _Found(cue.start("cue"), end, "wd_bare", weekday=weekday)
    return None  # a weekday with nothing around it ("Kamis malam") is left alone


def _from_digit_led(m: re.Match[str]) -> _Found:
    start, end = m.span()
    day = int(m.group("d"))
    if m.group("s_m"):
        return _Found(start, end, "explicit", day, int(m.group("s_m")), int(m.group("s_y")))
    if m.group("n_m"):
        month = _MONTHS[m.group("n_m").casefold()]
        return _Found(start, end, "explicit", day, month, int(m.group("n_y")))
    return _Found(start, end, "days_ago" if m.group("ago") else "days_ahead", count=day)


def _from_relative(body: str, m: re.Match[str]) -> _Found | None:
    kind = m.lastgroup or ""
    if kind not in ("n_days_ago", "n_days_ahead"):
        return _Found(m.start(), m.end(), kind, count=1)
    # "tiga hari lalu": digits are read by the digit pattern, number words here
    number = _NUMBER_BEFORE.search(body, max(0, m.start() - 12), m.start())
    if number is None:
        return None  # "beberapa hari lalu" names no day
    kind = "days_ago" if kind == "n_days_ago" else "days_ahead"
    return _Found(number.start("n"), m.end(), kind, count=_NUMBER_WORDS[number["n"].casefold()])


def _relative_matches(body: str) -> list[re.Match[str]]:
    """``_RELATIVE`` read at each word-initial ``_RELATIVE_TRIGGER`` offset, in text order.

    The offsets are those ``finditer`` would give after the word-start filter (a trigger is all
    letters, so no word-initial trigger hides inside another), and every word ``_RELATIVE``
    opens with is a trigger, so trying ``_RELATIVE`` at each stem found is the same reading.
    """
    lowered = body.lower()
    if len(lowered) != len(body):  # "İ" lower-cases to two characters: offsets would shift
        triggers = _RELATIVE_TRIGGER.finditer(body)
        starts = [m.start() for m in triggers if _starts_word(body, m.start())]
        return [m for start in starts if (m := _RELATIVE.match(body, start))]
    matches: dict[int, re.Match[str]] = {}
    for stem in _RELATIVE_STEMS:
        found = lowered.find(stem)
        while found >= 0:
            prefixed = found >= 2 and body[found - 2 : found] in ("se", "Se")  # "sepekan"
            start = found - 2 if prefixed else found
            if _starts_word(body, start) and (m := _RELATIVE.match(body, start)):
                matches[start] = m
            found = lowered.find(stem, found + len(stem))
    return [matches[start] for start in sorted(matches)]


def _scan(body: str) -> list[_Found]:
    """All candidate expressions, overlapping ones resolved in favour of the earliest, longest."""
    found: list[_Found] = []
    for m in _WEEKDAY_LED.finditer(body):
        if _starts_word(body, m.start()) and (item := _from_weekday_led(body, m)):
            found.append(item)
    if "(" in body:
        for m in _PAREN_DATE.finditer(body):
            day, month, year = int(m.group("p_d")), int(m.group("p_m")), _full_year(m.group("p_y"))
            found.append(_Found(m.start(), m.end(), "explicit", day, month, year))
    found.extend(
        _from_digit_led(m) for m in _DIGIT_LED.finditer(body) if _starts_word(body, m.start())
    )
    for m in _relative_matches(body):
        if item := _from_relative(body, m):
            found.append(item)
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Found] = []
    for item in found:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)  # pure, and articles of a crawl repeat the same (date, publication) pairs
def resolve_weekday_date(
    weekday: int, day: int, month: int, published: date | None, run_date: date
) -> date | None:
    """The year of "Jumat (21/6)": matching weekday nearest publication, else the latest past."""
    if published is not None:
        candidates = [
            d
            for year in range(published.year - 12, published.year + 2)
            if (d := _safe_date(year, month, day)) is not None and d.weekday() == weekday
        ]
        if candidates:
            return min(candidates, key=lambda d: (abs((d - published).days), d < published))
        # weekday typo in the text: trust the day and month, take the occurrence nearest publication
        years = (published.year - 1, published.year, published.year + 1)
        valid = [d for y in years if (d := _safe_date(y, month, day)) is not None]
        return min(valid, key=lambda d: abs((d - published).days)) if valid else None
    # the weekday calendar repeats within 28 years (Feb 29 within 40)
    for year in range(run_date.year, run_date.year - 41, -1):
        d = _safe_date(year, month, day)
        if d is not None and d <= run_date and d.weekday() == weekday:
            return d
    return None


def _previous_weekday(anchor: date, weekday: int, *, strictly: bool) -> date:
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return anchor - timedelta(days=back)


def _next_weekday(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def _resolve_relative(item: _Found, anchor: date) -> date:
    if item.kind in _RELATIVE_OFFSETS:
        return anchor + timedelta(days=_RELATIVE_OFFSETS[item.kind])
    if item.kind == "days_ago":
        return anchor - timedelta(days=item.count)
    if item.kind == "days_ahead":
        return anchor + timedelta(days=item.count)
    if item.kind == "wd_past":
        return _previous_weekday(anchor, item.weekday, strictly=True)
    if item.kind == "wd_next":
        return _next_weekday(anchor, item.weekday)
    return _previous_weekday(anchor, item.weekday, strictly=False)  # wd_bare


def _opens_sentence(body: str, start: int, sentence_starts: set[int]) -> bool:
    if start in sentence_starts:
        return True
    before = body[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in '.!?\n“"'


def _sentence_no(sentences: list[Sentence], starts: list[int], offset: int) -> int:
    i = bisect_right(starts, offset) - 1
    return sentences[i].sentence_no if i >= 0 else (sentences[0].sentence_no if sentences else 1)


def _in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def infer_published_date(
    mentions: Iterable[DateMention], not_after: date | None = None
) -> date | None:
    """Latest resolved explicit or weekday date: an article cannot predate its latest event.

    ``not_after`` (the run date) drops scheduled future events ("hingga 31 Desember 2030").
    """
    dated = [
        m.resolved_date
        for m in mentions
        if m.kind in ("explicit", "weekday_daymonth")
        and m.resolved_date is not None
        and (not_after is None or m.resolved_date <= not_after)
    ]
    return max(dated) if dated else None


def _with_sunday_read(body: str, item: _Found, sentence_starts: list[int]) -> _Found:
    """Sentence-initial "Minggu lalu" is the week before, not last Sunday."""
    is_sunday = item.kind == "wd_past" and item.weekday == 6
    if is_sunday and _opens_sentence(body, item.start, set(sentence_starts)):
        return _Found(item.start, item.end, "week_ago")
    return item


def _resolve_absolute(item: _Found, published: date | None, run_date: date) -> date | None:
    if item.kind == "explicit":
        return _safe_date(item.year, item.month, item.day)
    return resolve_weekday_date(item.weekday, item.day, item.month, published, run_date)


def find_date_mentions(
    body: str, sentences: list[Sentence], published: date | None, run_date: date
) -> tuple[list[DateMention], date | None]:
    """Every dated expression in text order, resolved, plus the anchor date relatives used."""
    found = _scan(body)
    if not found:
        return [], published
    starts = [s.char_start for s in sentences]
    found = [_with_sunday_read(body, item, starts) for item in found]
    absolute = {
        item.start: _resolve_absolute(item, published, run_date)
        for item in found
        if item.kind in _ABSOLUTE_KINDS
    }
    dated = [d for d in absolute.values() if d is not None and d <= run_date]
    anchor = published if published is not None else (max(dated) if dated else None)
    quoted = [q.span() for q in _QUOTED.finditer(body)] if len(absolute) < len(found) else []

    mentions: list[DateMention] = []
    for item in found:
        if item.kind in _ABSOLUTE_KINDS:
            kind, day = item.kind, absolute[item.start]
        else:
            # inside a quote "hari ini" is the speaker's day, which the text rarely states
            unknown = anchor is None or _in_spans(quoted, item.start, item.end)
            kind, day = "relative", None if unknown else _resolve_relative(item, anchor)
        sentence_no = _sentence_no(sentences, starts, item.start)
        surface = body[item.start : item.end]
        mentions.append(DateMention(sentence_no, surface, day, item.start, item.end, kind))
    return mentions, anchor

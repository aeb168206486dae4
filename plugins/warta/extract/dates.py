"""Publication dates from metadata strings, and dated expressions inside the article body.

Indonesian news dates its events as "Jumat (21/6)" (weekday plus day/month, no year) or
"9 November" and leans on relative words ("kemarin", "Rabu lalu"). None can be read without an
anchor: the publication date, or when metadata lacks it, the latest event the text dates (an
article cannot be older than its latest event). Everything here is hand-written regex so the hot
path stays well under 1 ms; dateparser is only the last resort for odd metadata strings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
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
# Labels some outlets put around the date ("Diterbitkan 20 November 2024", "Publikasi: ...")
# and the update stamp after it ("... Diperbarui: Senin, 25 November 2024 | 10:00 WIB").
_META_LABEL = re.compile(
    r"^(?:diterbitkan|dipublikasikan|publikasi|terbit|tayang|dipublish|published|posted|"
    r"tanggal|tgl)\b\s*(?:pada\s+)?:?\s*",
    re.IGNORECASE,
)
_META_UPDATE = re.compile(
    r"\s*[|,-]?\s*\b(?:diperbarui|diperbaharui|pembaruan|diupdate|update|updated|"
    r"terakhir\s+diubah)\b.*$",
    re.IGNORECASE,
)


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
    text = _META_UPDATE.sub("", _META_LABEL.sub("", text))  # the first publication counts
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
# body is read with three such patterns (weekday-led, "(", digit-led) and a ``str.find`` pass for
# relative words instead of one alternation, which measured ~40x slower on real articles.
#
# What each expression resolves to (``resolved_date`` is a DATE, so only day-precise ones get one):
#   "21 Juni 2024", "21/6/2024", "Sabtu (29/5/2025)"  as written (kind explicit)
#   "Jumat (21/6)", "Jumat, 21 Juni"   that day and month with that weekday nearest publication
#   "9 November"          (kind daymonth) the year written beside it in a list or range ("9 dan 23
#                         November 2021", "1 Januari hingga 5 Juni 2018", kind explicit), else the
#                         occurrence nearest publication ("sejak"/"lalu": latest not after it,
#                         "mendatang": first not before it); without publication, the latest not
#                         after the anchor or the run date
#   hari ini, kemarin, besok, lusa, "tiga hari lalu", "3 hari ke depan", "Rabu lalu",
#   "Kamis mendatang", "pekan lalu" (7 days back), "dua pekan lalu"      from the anchor
#   "hari Kamis", "pada Kamis", "Kamis malam", "..., ujarnya, Kamis."   latest such day on or
#                         before the anchor
#   "bulan lalu", "tahun depan", "akhir pekan lalu"     found, left unresolved (no single day)
# Inside a direct quote the offsets (hari ini, besok...) are the speaker's: they resolve from the
# day stated beside the quote ('"...besok," kata Budi, Senin (20/10)') or not at all; named
# weekdays in a quote fall back to the anchor, since they name a day of the same week.

_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11,
}  # fmt: skip
_VAGUE_COUNTS = frozenset(
    {"beberapa", "berapa", "sekian", "belasan", "puluhan", "ratusan", "ribuan", "berhari"}
)
_PART_OF_PERIOD = frozenset({"akhir", "awal", "pertengahan", "medio"})
# A month written out in full may stand without a year ("9 November"); abbreviations may not.
_FULL_MONTH_NAMES = frozenset(
    {
        "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
        "september", "oktober", "november", "nopember", "desember", "january", "february",
        "march", "may", "june", "july", "august", "october", "december",
    }
)  # fmt: skip
_PAST = r"(?:(?:yang\s+)?lalu|sebelumnya)"
_FUTURE = r"(?:depan|mendatang|lagi|ke\s+depan)"

_DAYPART = r"(?:pagi|siang|sore|petang|malam|subuh|dini\s*hari)"
_WHICH_WEEK = r"(?:pekan|minggu)[ \t]+(?P<which>depan|lalu|ini)"

_WEEKDAY_LED = re.compile(
    rf"(?P<wd>{_WEEKDAY})\b(?:"
    # "Senin malam (16/6/2025)", "Selasa pekan depan (4/10)" are dated weekdays too
    rf"(?P<paren>(?:[ \t]+(?:{_DAYPART}|(?:pekan|minggu)[ \t]+(?:depan|lalu|ini)))?"
    r"\s*,?\s*\(\s*(?P<p_d>[0-9]{1,2})\s*/\s*"
    r"(?P<p_m>[0-9]{1,2})(?:\s*/\s*(?P<p_y>[0-9]{4}|[0-9]{2}))?\s*\))"
    r"|(?P<slashed>,?[ \t]+(?P<s_d>[0-9]{1,2})/(?P<s_m>[0-9]{1,2})(?:/(?P<s_y>[0-9]{4}))?"
    r"(?![0-9/]))"
    r"|(?P<named>,?[ \t]+(?:(?:tanggal|tgl\.?)[ \t]+)?"
    rf"(?P<n_d>[0-9]{{1,2}})[ \t]+(?P<n_m>(?i:{_MONTH}))\b"
    r"(?:\.?[ \t]+(?P<n_y>[0-9]{4})(?![0-9]))?)"
    rf"|(?P<past>\s+(?:{_PAST}|kemarin)\b)"
    r"|(?P<next>\s+(?:depan|mendatang|besok|nanti)\b)"
    rf"|(?P<week>[ \t]+{_WHICH_WEEK}\b)"
    r")?"
)
_PAREN_DATE = re.compile(
    r"\(\s*(?P<p_d>[0-9]{1,2})\s*/\s*(?P<p_m>[0-9]{1,2})\s*/\s*(?P<p_y>[0-9]{4}|[0-9]{2})\s*\)"
)
# The look-ahead after the day rejects most of an article's numbers ("2024", "15,5") before the
# month-name alternation is tried: every alternative goes on with "/" or a space. The look-behind
# after the first digit drops the tails of longer numbers ("2024 lalu", "10.000 orang") before they
# reach the months: a day after a digit is never a date (``_starts_date``), and no date a match
# spans holds a word-initial day that such a match could have hidden from ``finditer``.
_DIGIT_LED = re.compile(
    r"(?P<d>[0-9](?<![0-9]{2})[0-9]?)(?=[/ \t\u00a0])"
    r"(?:/(?P<s_m>[0-9]{1,2})/(?P<s_y>[0-9]{4})(?![0-9])"
    rf"|[ \t\u00a0]+(?P<n_m>(?i:{_MONTH}))\b(?:\.?[ \t\u00a0]+(?P<n_y>[0-9]{{4}})(?![0-9]))?)"
)
# What makes a lone weekday a date: "hari"/"pada"/"sejak" before it ("pada hari Kamis" is read
# as "hari Kamis"), a part of the day after it ("Kamis malam"), or standing last in a clause
# after a comma, as attributions end ("ujarnya, Kamis."). "setiap Kamis" is a habit, not a day.
_BARE_WEEKDAY_CUE = re.compile(r"(?<![\w-])(?P<cue>[Hh]ari|[Pp]ada|[Ss]ejak)[ \t]{1,2}\Z")
_EVERY_BEFORE = re.compile(r"(?<![\w-])(?:[Ss]etiap|[Tt]iap|[Ss]aban)[ \t]+(?:[Hh]ari[ \t]+)?\Z")
_RANGE_DASH_AFTER = re.compile(r"[ \t]*[-–]")
_DAYPART_AFTER = re.compile(rf"[ \t]+{_DAYPART}\b")
_AFTER_COMMA = re.compile(r",[ \t]+\Z")
_LISTED_WEEKDAY = re.compile(rf"{_WEEKDAY},[ \t]+\Z")  # "Senin, Rabu, Jumat."
_CLAUSE_END_AFTER = re.compile(
    rf"[ \t]*(?:[.;\n]|\Z|,(?![ \t]*(?:{_WEEKDAY}|dan\b|atau\b|hingga\b|sampai\b)))"
)
_RELATIVE_WORDS = (
    "hari", "kemarin", "besok", "esok", "lusa", "pekan", "sepekan", "seminggu", "sehari",
    "bulan", "sebulan", "tahun", "setahun",
)  # fmt: skip
# Literal alternatives only, so the scan skips ahead fast; "Minggu" stays out (capitalised it is
# Sunday, read by the weekday pattern).
_RELATIVE_TRIGGER = re.compile(
    "|".join(w for word in _RELATIVE_WORDS for w in (word, word.capitalize())) + "|minggu"
)
# Every trigger contains one of these stems; ``str.find`` locates them in a lower-cased copy ~3x
# faster than the trigger alternation scans the body (its first letters are common letters).
# Each stem with the prefix a word may put before it ("sepekan", "besok") and, for words too
# common to try the pattern at each one ("tahun"), the continuations worth trying.
_PERIOD_TAILS = (" lalu", " yang", " depan", " mendatang")
_RELATIVE_STEMS = (
    ("hari", "se", None), ("kemarin", "", None), ("esok", "b", None), ("lusa", "", None),
    ("pekan", "se", None), ("minggu", "se", None), ("bulan", "se", _PERIOD_TAILS),
    ("tahun", "se", _PERIOD_TAILS),
)  # fmt: skip
_RELATIVE = re.compile(
    r"(?P<two_days_ago>[Kk]emarin\s+lusa)\b"
    r"|(?P<today>[Hh]ari\s+ini)\b"
    r"|(?P<yesterday>[Kk]emarin)\b"
    r"|(?P<tomorrow>[Bb]esok|[Ee]sok(?!\s+harinya)(?:\s+hari)?)\b"
    r"|(?P<in_two_days>[Ll]usa)\b"
    rf"|(?P<day_ago>[Ss]ehari\s+{_PAST})\b"
    rf"|(?P<days_ago>[Hh]ari\s+{_PAST})\b"
    rf"|(?P<days_ahead>[Hh]ari\s+{_FUTURE})\b"
    rf"|(?P<week_ago>(?:[Ss]epekan|[Ss]eminggu)\s+{_PAST})\b"
    rf"|(?P<weeks_ago>(?:[Pp]ekan|minggu)\s+{_PAST})\b"
    rf"|(?P<weeks_ahead>(?:[Pp]ekan|minggu)\s+{_FUTURE})\b"
    r"|(?P<period>(?:[Ss]e)?(?:[Bb]ulan|[Tt]ahun)\s+(?:(?:yang\s+)?lalu|depan|mendatang))\b"
)
_WORD_BEFORE = re.compile(r"(?<![\w-])(?P<w>\w+)[ \t]{1,2}\Z")
# Between a quote and the day its attribution states: no sentence end, no other quote, and no
# "dikutip"/"dilansir" (then the day is when the outlet quoted it, not when it was said).
_SPEECH_GAP_BREAK = re.compile(r"[.!?\n“”\"«»]|dikutip|mengutip|dilansir|melansir")
_SPEECH_GAP_MAX = 160
# Ties a yearless "9 November" to the dated one beside it: "9, 16 dan 23 November 2021" style.
_LIST_JOINER = re.compile(
    r"[ \t]*(?:,[ \t]*(?:(?:dan|serta|atau)[ \t]+)?|[ \t]+(?:dan|serta|atau|hingga|sampai"
    r"(?:[ \t]+dengan)?|s\.?[ \t]?d\.?)[ \t]+|[-–—]|[ \t]+[-–—][ \t]+)"
)
_DAY_MONTH_PAST_CUE = re.compile(r"(?<![\w-])(?:[Ss]ejak|[Ss]emenjak)[ \t]+\Z")
_DAY_MONTH_AFTER = re.compile(
    r"[ \t]+(?:(?P<past>(?:yang[ \t]+)?lalu)|(?P<next>mendatang|nanti|depan))\b"
)
_RELATIVE_OFFSETS = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "in_two_days": 2, "two_days_ago": -2,
    "day_ago": -1, "week_ago": -7,
}  # fmt: skip
_WEEK_SHIFTS = {"wd_last_week": -7, "wd_this_week": 0, "wd_next_week": 7}
_COUNTED = {"days_ago": -1, "days_ahead": 1, "weeks_ago": -7, "weeks_ahead": 7}
_SPEECH_DAY_KINDS = frozenset(
    {"explicit", "weekday_daymonth", "daymonth", "wd_bare", "wd_past", "wd_next", *_WEEK_SHIFTS}
)
_WEEKDAY_KINDS = frozenset({"wd_bare", "wd_past", "wd_next", *_WEEK_SHIFTS})
_ABSOLUTE_KINDS = frozenset({"explicit", "weekday_daymonth"})
_LEADING_WEEKDAY = re.compile(rf"(?:[Hh]ari\s+)?(?P<wd>{_WEEKDAY})\b")


@dataclass(frozen=True, slots=True)
class _Found:
    """A dated expression before resolution: span, kind and the numbers it states."""

    start: int
    end: int
    kind: str  # explicit, weekday_daymonth, daymonth, or a relative sub-kind (today, wd_past...)
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


def _starts_date(body: str, start: int) -> bool:
    """A day number opens a word, or closes a range after a month name ("26 April-17 Juli")."""
    if _starts_word(body, start):
        return True
    return start >= 2 and body[start - 1] in "-–" and body[start - 2].isalpha()


def _dated_weekday(
    start: int, end: int, weekday: int, day: str, month: int, year: str | None
) -> _Found:
    if year:
        return _Found(start, end, "explicit", int(day), month, _full_year(year), weekday)
    return _Found(start, end, "weekday_daymonth", int(day), month, weekday=weekday)


def _from_weekday_led(body: str, m: re.Match[str]) -> _Found | None:
    weekday = _weekday_number(m.group("wd"))
    start, end = m.span()
    if m.group("paren"):
        return _dated_weekday(start, end, weekday, m["p_d"], int(m["p_m"]), m["p_y"])
    if m.group("slashed"):
        return _dated_weekday(start, end, weekday, m["s_d"], int(m["s_m"]), m["s_y"])
    if m.group("named"):
        month = _MONTHS[m.group("n_m").casefold()]
        return _dated_weekday(start, end, weekday, m["n_d"], month, m["n_y"])
    if m.group("past"):
        return _Found(start, end, "wd_past", weekday=weekday)
    if m.group("next"):
        return _Found(start, end, "wd_next", weekday=weekday)
    if m.group("week"):  # "Selasa pekan depan": the Tuesday of next week
        kind = {"lalu": "wd_last_week", "ini": "wd_this_week", "depan": "wd_next_week"}
        return _Found(start, end, kind[m["which"]], weekday=weekday)
    return _bare_weekday(body, start, end, weekday)


def _bare_weekday(body: str, start: int, end: int, weekday: int) -> _Found | None:
    """A weekday with no date beside it counts only where the text uses it as a day."""
    window = max(0, start - 24)
    if _EVERY_BEFORE.search(body, window, start) or _RANGE_DASH_AFTER.match(body, end):
        return None  # "setiap Kamis", "Senin-Jumat": a habit or a range of days
    cue = _BARE_WEEKDAY_CUE.search(body, window, start)
    if cue:
        span_start = cue.start("cue") if cue["cue"] in ("hari", "Hari") else start
        return _Found(span_start, end, "wd_bare", weekday=weekday)
    ends_clause_after_comma = (
        _AFTER_COMMA.search(body, window, start)
        and not _LISTED_WEEKDAY.search(body, window, start)
        and _CLAUSE_END_AFTER.match(body, end)
    )
    if ends_clause_after_comma or _DAYPART_AFTER.match(body, end):
        return _Found(start, end, "wd_bare", weekday=weekday)
    return None


def _from_digit_led(m: re.Match[str]) -> _Found | None:
    start, end = m.span()
    day = int(m.group("d"))
    if m.group("s_m"):
        return _Found(start, end, "explicit", day, int(m.group("s_m")), int(m.group("s_y")))
    name = m.group("n_m")
    month = _MONTHS[name.casefold()]
    if m.group("n_y"):
        return _Found(start, end, "explicit", day, month, int(m.group("n_y")))
    if name[0].isupper() and name.casefold() in _FULL_MONTH_NAMES:
        return _Found(start, end, "daymonth", day, month)
    return None  # "5 jun" or "3 may": too likely not a date without its year


def _from_relative(body: str, m: re.Match[str]) -> _Found | None:
    kind = m.lastgroup or ""
    start, end = m.span()
    if kind not in _COUNTED and kind != "period":
        return _Found(start, end, kind, count=1)
    before = _WORD_BEFORE.search(body, max(0, start - 16), start)
    word = before["w"].casefold() if before else ""
    if word in _VAGUE_COUNTS:
        return None  # "beberapa hari lalu" names no day
    if word in _PART_OF_PERIOD and before and kind != "days_ago" and kind != "days_ahead":
        return _Found(before.start("w"), end, "period")  # "akhir pekan lalu": a weekend
    count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
    if count and before:
        start = before.start("w")
    elif kind in ("days_ago", "days_ahead"):
        return None  # "hari sebelumnya" with no number
    return _Found(start, end, kind, count=count or 1)


def _relative_matches(body: str) -> list[re.Match[str]]:
    """``_RELATIVE`` read at each word-initial ``_RELATIVE_TRIGGER`` offset, in text order.

    The offsets are those ``finditer`` would give after the word-start filter (a trigger is all
    letters, so no word-initial trigger hides inside another), and every word ``_RELATIVE``
    opens with is a trigger, so trying ``_RELATIVE`` at each stem found is the same reading
    (but for "tahun  lalu" broken by two spaces or a line, which only the slow reading sees).
    """
    lowered = body.lower()
    if len(lowered) != len(body):  # "İ" lower-cases to two characters: offsets would shift
        triggers = _RELATIVE_TRIGGER.finditer(body)
        starts = [m.start() for m in triggers if _starts_word(body, m.start())]
        return [m for start in starts if (m := _RELATIVE.match(body, start))]
    matches: dict[int, re.Match[str]] = {}
    for stem, prefix, tails in _RELATIVE_STEMS:
        found = lowered.find(stem)
        while found >= 0:
            if tails and not lowered.startswith(tails, found + len(stem)):
                found = lowered.find(stem, found + len(stem))
                continue
            start = found
            if prefix and lowered.startswith(prefix, found - len(prefix)) and found >= len(prefix):
                start = found - len(prefix)
            if _starts_word(body, start) and (m := _RELATIVE.match(body, start)):
                matches[start] = m
            found = lowered.find(stem, found + len(stem))
    return [matches[start] for start in sorted(matches)]


def _scan(body: str) -> list[_Found]:
    """All candidate expressions, overlapping ones resolved in favour of the earliest, longest."""
    found: list[_Found] = []
    for m in _WEEKDAY_LED.finditer(body):
        # "detikJatengSelasa (21/10/2025)": a dated weekday survives a lost space before it
        glued = m.group("paren") is not None and body[m.start() - 1].isalpha()
        if (_starts_word(body, m.start()) or glued) and (item := _from_weekday_led(body, m)):
            found.append(item)
    if "(" in body:
        for m in _PAREN_DATE.finditer(body):  # "(29/5/2025)": the date inside the brackets
            day, month, year = int(m.group("p_d")), int(m.group("p_m")), _full_year(m.group("p_y"))
            found.append(_Found(m.start("p_d"), m.end("p_y"), "explicit", day, month, year))
    for m in _DIGIT_LED.finditer(body):
        if _starts_date(body, m.start()) and (item := _from_digit_led(m)):
            found.append(item)
    for m in _relative_matches(body):
        if item := _from_relative(body, m):
            found.append(item)
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        if kept and item.kind == "yesterday" and _restates(body, kept[-1], item):
            continue
        kept.append(item)
    return kept


def _restates(body: str, dated: _Found, item: _Found) -> bool:
    """ "Sabtu (18/10/2025) kemarin": "kemarin" only says the date just written is past."""
    gap = body[dated.end : item.start]
    return dated.kind in _SPEECH_DAY_KINDS and 0 < len(gap) <= 2 and not gap.strip()


def _with_years_from_neighbours(body: str, found: list[_Found]) -> list[_Found]:
    """ "9, 16 dan 23 November 2021", "1 Januari hingga 5 Juni 2018": one year for the list."""
    items = list(found)
    for i in range(len(items) - 2, -1, -1):  # backwards, so a year travels down a whole list
        item, after = items[i], items[i + 1]
        if item.kind == "daymonth" and after.year and _joined(body, item, after):
            # "20 Desember hingga 5 Januari 2025": the December is of 2024
            rolls_back = (item.month, item.day) > (after.month, after.day)
            items[i] = _with_year(item, after.year - rolls_back)
    for i in range(1, len(items)):
        item, before = items[i], items[i - 1]
        if item.kind == "daymonth" and before.year and _joined(body, before, item):
            rolls_on = (item.month, item.day) < (before.month, before.day)
            items[i] = _with_year(item, before.year + rolls_on)
    return items


def _with_year(item: _Found, year: int) -> _Found:
    return _Found(item.start, item.end, "explicit", item.day, item.month, year)


def _joined(body: str, first: _Found, second: _Found) -> bool:
    return second.start - first.end <= 20 and bool(
        _LIST_JOINER.fullmatch(body, first.end, second.start)
    )


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


def resolve_day_month(
    day: int, month: int, reference: date, direction: str = "nearest"
) -> date | None:
    """The year of a yearless "9 November" seen from ``reference``.

    ``direction`` "nearest" takes the occurrence closest to it (the earlier on a tie), "past" the
    latest on or before it, "future" the first on or after it.
    """
    years = range(reference.year - 4, reference.year + 5)  # Feb 29 recurs within four years
    valid = [d for y in years if (d := _safe_date(y, month, day)) is not None]
    if direction == "past":
        return max((d for d in valid if d <= reference), default=None)
    if direction == "future":
        return min((d for d in valid if d >= reference), default=None)
    return min(valid, key=lambda d: (abs((d - reference).days), d > reference), default=None)


def _day_month_direction(body: str, item: _Found) -> str:
    if _DAY_MONTH_PAST_CUE.search(body, max(0, item.start - 12), item.start):
        return "past"  # "sejak 1 Januari"
    after = _DAY_MONTH_AFTER.match(body, item.end)
    if after and after["past"]:
        return "past"  # "17 Agustus lalu"
    if after and after["next"]:
        return "future"  # "9 November mendatang"
    return "nearest"


def _previous_weekday(anchor: date, weekday: int, *, strictly: bool) -> date:
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return anchor - timedelta(days=back)


def _next_weekday(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def _resolve_relative(item: _Found, anchor: date) -> date | None:
    if item.kind in _RELATIVE_OFFSETS:
        return anchor + timedelta(days=_RELATIVE_OFFSETS[item.kind])
    if item.kind in _COUNTED:
        return anchor + timedelta(days=_COUNTED[item.kind] * item.count)
    if item.kind == "wd_past":
        return _previous_weekday(anchor, item.weekday, strictly=True)
    if item.kind == "wd_next":
        return _next_weekday(anchor, item.weekday)
    if item.kind == "wd_bare":
        return _previous_weekday(anchor, item.weekday, strictly=False)
    if item.kind in _WEEK_SHIFTS:
        monday = anchor - timedelta(days=anchor.weekday())
        return monday + timedelta(days=_WEEK_SHIFTS[item.kind] + item.weekday)
    return None  # "bulan lalu", "tahun depan": no single day


def _opens_sentence(body: str, start: int, sentence_starts: set[int]) -> bool:
    if start in sentence_starts:
        return True
    before = body[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in '.!?\n“"'


def _sentence_no(sentences: list[Sentence], starts: list[int], offset: int) -> int:
    i = bisect_right(starts, offset) - 1
    return sentences[i].sentence_no if i >= 0 else (sentences[0].sentence_no if sentences else 1)


def _enclosing_quote(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The direct quote around ``body[start:end]``: “...” or «...» (across lines), or "..."
    paired within its line. Looked up per expression with ``str.find``: reading every quote of
    the body with a regex cost more than the rest of the date reading together.
    """
    for opener, closer in (("“", "”"), ("«", "»")):
        opened = body.rfind(opener, 0, start)
        if opened >= 0 and body.find(closer, opened, start) < 0:
            closed = body.find(closer, end)
            if closed >= 0:
                return opened, closed + 1
    line_start = body.rfind("\n", 0, start) + 1
    if body.count('"', line_start, start) % 2 == 0:
        return None
    closed = body.find('"', end)
    line_end = body.find("\n", end)
    if closed < 0 or 0 <= line_end < closed:
        return None
    return body.rfind('"', line_start, start), closed + 1


def _states_its_weekday_wrongly(surface: str, day: date) -> bool:
    """ "Senin (26/6/2025)" when 26/6/2025 is a Thursday: a typo that must not date the article."""
    m = _LEADING_WEEKDAY.match(surface)
    return m is not None and _weekday_number(m["wd"]) != day.weekday()


def infer_published_date(
    mentions: Iterable[DateMention], not_after: date | None = None
) -> date | None:
    """Latest resolved explicit or weekday date: an article cannot predate its latest event.

    ``not_after`` (the run date) drops scheduled future events ("hingga 31 Desember 2030"), and a
    date whose stated weekday is wrong is a typo, not an event. Without the text it cannot tell a
    schedule ("mulai 1 Agustus 2025") from news: the pipeline uses ``published_from_text``.
    """
    dated = _resolved_days(_event_mentions(mentions, not_after))
    return max(dated) if dated else None


def _resolved_days(mentions: list[DateMention]) -> list[date]:
    """The days of mentions that ``_event_mentions`` kept, all resolved."""
    return [m.resolved_date for m in mentions if m.resolved_date is not None]


def _event_mentions(mentions: Iterable[DateMention], not_after: date | None) -> list[DateMention]:
    """Explicit or weekday mentions resolved to a day, none after ``not_after`` and none whose
    stated weekday is wrong (a typo, not an event)."""
    return [
        m
        for m in mentions
        if m.kind in _ABSOLUTE_KINDS
        and m.resolved_date is not None
        and (not_after is None or m.resolved_date <= not_after)
        and not _states_its_weekday_wrongly(m.surface, m.resolved_date)
    ]


# A date the text announces as ahead of the news ("Tarif berlaku mulai 1 Agustus 2025", "akan
# digelar pada Senin (14/7/2025)", "hingga 27 Oktober 2025") is a schedule, not the news day.
_AHEAD_WORDS = re.compile(
    r"(?<![\w-])(?:mulai|akan|berlaku|hingga|sampai|batas|selambat-lambatnya|paling\s+lambat|"
    r"jatuh\s+tempo|dijadwalkan|direncanakan|rencananya|nanti|menunggu|menanti|jelang|"
    r"menjelang|diperkirakan)(?![\w-])",
    re.IGNORECASE,
)
_AHEAD_AFTER = re.compile(r"[ \t]+(?:\w+[ \t]+)?(?:mendatang|nanti|depan)\b")
_PAST_AFTER = re.compile(r"[ \t]+(?:lalu|kemarin|silam)\b")
# The end of a range ("4 - 14 November 2025", "1 Oktober 2024 -- 30 September 2025") is where a
# period closes, not the day of the news.
_RANGE_END_BEFORE = re.compile(r"\w[ \t]*(?:[-–—]{1,2}|s\.?d\.?|s/d)[ \t]*\Z")
# The clause a date belongs to opens after the last of these (a quote's "akan" is not the date's).
_CLAUSE_OPENER = re.compile(r"[.;:!?\n,“”\"(]")
_AHEAD_REACH = 60
# "hari ini, Jumat (11/7/2025)" / "Jumat (11/7/2025) hari ini": the day of writing itself.
_TODAY_BEFORE = re.compile(r"(?<![\w-])hari\s+ini[ \t,]*\Z", re.IGNORECASE)
_TODAY_AFTER = re.compile(r"[ \t,]*hari\s+ini\b", re.IGNORECASE)
# A dateline that carries the date: 'JAKARTA, Jumat (11/7/2025) - …'.
DATELINE_REACH = 48
_DATELINE_DASH = re.compile(r"[ \t]*(?:WIB[ \t]*)?[-–—]")
_YEAR = re.compile(r"(?<![\w/.-])(?:19[5-9]\d|20\d\d)(?![\w/-])")


def announced_ahead(body: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` is announced as future in its own clause, or closes a
    range ("4 - 14 November 2025")."""
    if _PAST_AFTER.match(body, end):
        return False
    if _AHEAD_AFTER.match(body, end) or _RANGE_END_BEFORE.search(body[max(0, start - 8) : start]):
        return True
    reach = max(0, start - _AHEAD_REACH)
    clause_start = reach
    for opener in _CLAUSE_OPENER.finditer(body, reach, start):
        if opener.group() != "(" or opener.start() < start - 2:
            clause_start = opener.end()
    return _AHEAD_WORDS.search(body, clause_start, start) is not None


def published_from_text(
    body: str, mentions: Iterable[DateMention], not_after: date | None = None
) -> date | None:
    """The publication date an article states, when no metadata gives it.

    A date in the dateline ("Jumat (11/7/2025) - …") or called "hari ini" is the day of writing;
    else the latest day stated with its weekday ("kata Budi, Selasa (21/10/2025)": news names the
    days of its own cycle that way, and the reporting day comes after the events it reports);
    else the latest full date. Never a date announced ahead ("berlaku mulai 1 Agustus 2025",
    "akan … Senin (14/7)", "hingga …"), one after the run date, or one whose stated weekday is
    wrong. Measured on the shared crawls against their metadata, the latest weekday date agrees
    more often than the lead's first date, which is often the day of an earlier event.
    """
    dated = [
        m
        for m in _event_mentions(mentions, not_after)
        if not announced_ahead(body, m.char_start, m.char_end)
    ]
    if not dated:
        return None
    stated = [m for m in dated if _in_dateline(body, m) or _called_today(body, m)]
    if stated:
        return stated[0].resolved_date
    weekdays = [m for m in dated if _LEADING_WEEKDAY.match(m.surface)]
    return max(_resolved_days(weekdays or dated))


def _in_dateline(body: str, mention: DateMention) -> bool:
    """'Jakarta, Jumat (11/7/2025) - …': a date before the dash that opens the body."""
    opens_body = mention.char_start < DATELINE_REACH
    return opens_body and _DATELINE_DASH.match(body, mention.char_end) is not None


def _called_today(body: str, mention: DateMention) -> bool:
    before = body[max(0, mention.char_start - 16) : mention.char_start]
    return bool(_TODAY_BEFORE.search(before) or _TODAY_AFTER.match(body, mention.char_end))


def _year_without_metadata(body: str, found: list[_Found], run_date: date) -> int | None:
    """The year of an article whose dates state none ("Selasa (3/3)") and whose metadata is lost.

    The year in which most of its weekday dates fall on their stated weekday; among those, the
    one the text names most (with the year before it, which reports look back on); else the
    latest. Without weekday dates, None.
    """
    dated = [item for item in found if item.kind == "weekday_daymonth" and item.year == 0]
    if not dated:
        return None
    named = Counter(int(y) for y in _YEAR.findall(body) if int(y) <= run_date.year)
    best: tuple[int, int, int] | None = None
    for year in range(run_date.year, run_date.year - 41, -1):
        fits = sum(
            1
            for item in dated
            if (d := _safe_date(year, item.month, item.day)) is not None
            and d <= run_date
            and d.weekday() == item.weekday
        )
        if not fits:
            continue
        score = (fits, named[year] + named[year - 1], year)
        if best is None or score > best:
            best = score
    return best[2] if best else None


def _reference_without_metadata(body: str, found: list[_Found], run_date: date) -> date | None:
    """A day near publication to give yearless weekday dates their year, when metadata is lost:
    the latest full date the text states as past news, else the first weekday date in the year
    its weekdays and named years point to."""
    full = [
        d
        for item in found
        if item.kind == "explicit"
        and (d := _safe_date(item.year, item.month, item.day)) is not None
        and d <= run_date
        and (item.weekday < 0 or d.weekday() == item.weekday)
        and not announced_ahead(body, item.start, item.end)
    ]
    if full:
        return max(full)
    year = _year_without_metadata(body, found, run_date)
    if year is None:
        return None
    first = next(item for item in found if item.kind == "weekday_daymonth" and item.year == 0)
    return _safe_date(year, first.month, first.day) or date(year, 12, 31)


def _with_sunday_read(body: str, item: _Found, sentence_starts: list[int]) -> _Found:
    """Sentence-initial "Minggu lalu"/"Minggu depan" is a week, not a Sunday."""
    if item.weekday != 6 or item.kind not in ("wd_past", "wd_next"):
        return item
    if not _opens_sentence(body, item.start, set(sentence_starts)):
        return item
    kind = "weeks_ago" if item.kind == "wd_past" else "weeks_ahead"
    return _Found(item.start, item.end, kind, count=1)


def _resolve_absolute(item: _Found, published: date | None, run_date: date) -> date | None:
    if item.kind == "explicit":
        return _safe_date(item.year, item.month, item.day)
    return resolve_weekday_date(item.weekday, item.day, item.month, published, run_date)


def _speech_day(
    found: list[_Found], resolved: dict[int, date | None], quote: tuple[int, int], body: str
) -> date | None:
    """The day an attribution beside the quote states: after it in the sentence, else before."""
    quote_start, quote_end = quote
    starts = [item.start for item in found]
    for item in found[bisect_right(starts, quote_end - 1) :]:
        if item.start - quote_end > _SPEECH_GAP_MAX:
            break
        if item.kind in _SPEECH_DAY_KINDS and resolved.get(item.start) is not None:
            if not _SPEECH_GAP_BREAK.search(body, quote_end, item.start):
                return resolved[item.start]
            break
    for item in reversed(found[: bisect_right(starts, quote_start - 1)]):
        if quote_start - item.end > _SPEECH_GAP_MAX or item.end > quote_start:
            break
        if item.kind in _SPEECH_DAY_KINDS and resolved.get(item.start) is not None:
            if not _SPEECH_GAP_BREAK.search(body, item.end, quote_start):
                return resolved[item.start]
            break
    return None


def _output_kind(item: _Found) -> str:
    return item.kind if item.kind in ("explicit", "weekday_daymonth", "daymonth") else "relative"


def find_date_mentions(
    body: str, sentences: list[Sentence], published: date | None, run_date: date
) -> tuple[list[DateMention], date | None]:
    """Every dated expression in text order, resolved, plus the anchor date relatives used.

    The anchor is the publication date, else the latest stated date not after the run date whose
    weekday (if stated) is right.
    """
    found = _scan(body)
    if not found:
        return [], published
    starts = [s.char_start for s in sentences]
    found = [_with_sunday_read(body, item, starts) for item in found]
    if any(item.kind == "daymonth" for item in found):
        found = _with_years_from_neighbours(body, found)
    resolved: dict[int, date | None] = {}
    reference = published
    if published is None and any(item.kind == "weekday_daymonth" for item in found):
        reference = _reference_without_metadata(body, found, run_date)
    for item in found:
        if item.kind in _ABSOLUTE_KINDS:
            resolved[item.start] = _resolve_absolute(item, reference, run_date)
    anchor = published
    if anchor is None:
        absolute = [
            DateMention(0, body[item.start : item.end], resolved[item.start], item.start,
                        item.end, item.kind)
            for item in found
            if item.kind in _ABSOLUTE_KINDS
        ]
        anchor = published_from_text(body, absolute, run_date)
    reference = anchor or run_date
    in_quotes: list[tuple[_Found, tuple[int, int]]] = []
    for item in found:
        if item.kind == "daymonth":
            direction = _day_month_direction(body, item) if published else "past"
            resolved[item.start] = resolve_day_month(item.day, item.month, reference, direction)
        elif item.kind not in _ABSOLUTE_KINDS:
            quote = _enclosing_quote(body, item.start, item.end)
            if quote is not None:
                in_quotes.append((item, quote))
            else:
                resolved[item.start] = _resolve_relative(item, anchor) if anchor else None
    for item, quote in in_quotes:
        # inside a quote "hari ini" is the speaker's day, which the text rarely states
        speech_day = _speech_day(found, resolved, quote, body)
        if speech_day is None and item.kind in _WEEKDAY_KINDS:
            speech_day = anchor
        resolved[item.start] = _resolve_relative(item, speech_day) if speech_day else None

    mentions: list[DateMention] = []
    for item in found:
        sentence_no = _sentence_no(sentences, starts, item.start)
        surface = body[item.start : item.end]
        mentions.append(
            DateMention(
                sentence_no, surface, resolved[item.start], item.start, item.end, _output_kind(item)
            )
        )
    return mentions, anchor

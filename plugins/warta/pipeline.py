"""The per-record pipeline: clean -> frame -> segment -> extract, one small component each.

``process_record`` turns one raw record into a ``Document`` (or a ``RejectedRecord`` with a
reason). It is pure: no I/O, no clock, so a shard processed twice gives the same rows.
"""

from __future__ import annotations

import re
from datetime import date

from warta import clean, segment
from warta.extract import dateline, dates, dedup, entities, keywords, language, quotes, urls
from warta.model import DateSource, Document, RawRecord, RejectedRecord, short_hash


def identity_text(body: str) -> str:
    """What makes two bodies the same article: case and whitespace do not count.

    ``str.split()`` splits on exactly the characters the re module's ``\\s`` matches, so joining
    its words equals collapsing whitespace runs and stripping, at a third of a regex's cost. A
    cleaned body is already collapsed but for its paragraph breaks, so those are replaced and the
    split is skipped."""
    flat = body.replace("\n\n", " ")
    if not flat or not clean.is_collapsed(flat):
        flat = " ".join(flat.split())
    return flat.casefold()


def doc_id_for(body: str) -> str:
    return short_hash(identity_text(body))


NOT_A_PERSON = frozenset({"tidak diketahui", "unknown", "-", "redaksi", "tim redaksi", "admin"})
_EDITOR_CODE_ONLY = re.compile(r"\(?\s*[A-Za-z]{2,4}(?:\s*/\s*[A-Za-z]{2,4})+\s*\)?")


def _person_or_none(author: str | None) -> str | None:
    """Crawls put the editor code ("(skt/agt)"), "Tidak Diketahui" or the outlet's own name
    ("CNN Indonesia", from news APIs) in the author column."""
    if not author or _EDITOR_CODE_ONLY.fullmatch(author.strip()):
        return None
    name = author.strip()
    if dateline.normalise_outlet(name.removeprefix("Tim ")) is not None:
        return None  # "CNN Indonesia", "Tim detikcom"
    return None if name.casefold() in NOT_A_PERSON else author


def process_record(raw: RawRecord, run_date: date) -> Document | RejectedRecord:
    """Run every stage over one record."""
    cleaned = clean.clean_body(raw.body, raw.body_format)
    url = urls.canonical_url(raw.url)  # unwrapped, so a redirect host never names the outlet
    framing = dateline.split_framing(cleaned, url)
    body, byline_author, byline_editor = dateline.split_byline(framing.body)
    reason = clean.is_placeholder_body(body)
    if reason is not None:
        where = f"record {raw.record_no}"
        if raw.url and "/tv/" in raw.url:
            reason = f"video page with no article text ({reason})"
        return RejectedRecord(raw.file_id, raw.record_no, f"{where}: {reason}")

    paragraphs, sentences = segment.segment(body)
    published, published_at = dates.parse_published(raw.published_raw)
    if published is None:  # metadata too: the filing day in the URL, file name or day folder
        filed = (
            urls.filing_date_in_url(url)
            or urls.filing_date_in_file_name(raw.file_name)
            or urls.filing_date_in_folder(raw.folder)
        )
        published = filed if filed is not None and filed <= run_date else None
    mentions, anchor = dates.find_date_mentions(body, sentences, published, run_date)
    source = DateSource.METADATA if published else None
    if published is None:
        published = anchor  # the day the lead states, never a schedule or a date after the run
        if published is not None:
            source = (
                DateSource.ARTICLE
                if any(m.kind == "explicit" and m.resolved_date == published for m in mentions)
                else DateSource.INFERRED
            )
    found = entities.find_entities(body, sentences)
    return Document(
        doc_id=doc_id_for(body),
        file_id=raw.file_id,
        record_no=raw.record_no,
        body_text=body,
        outlet=framing.outlet,
        url=url,
        source_url=raw.url,
        editor=raw.editor or byline_editor,
        keywords=tuple(keywords.extract_keywords(body, raw.title)),
        title=raw.title,
        dateline_city=framing.dateline_city,
        published_date=published,
        published_at=published_at,
        published_date_source=source,
        language=language.detect_language(body),
        editor_codes=framing.editor_codes,
        author=_person_or_none(raw.author) or byline_author,
        paragraphs=paragraphs,
        sentences=sentences,
        entity_mentions=found,
        quotes=quotes.find_quotes(body, sentences, found),
        date_mentions=mentions,
        minhash=dedup.minhash_signature(body),
    )

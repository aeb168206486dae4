"""Typed records that flow between the pipeline stages.

Every stage takes and returns these dataclasses; Arrow tables appear only at the edges (writing a
shard, loading DuckDB). All character offsets are 0-based, end-exclusive offsets into one
``body_text`` string, so ``body_text[m.char_start:m.char_end] == m.surface`` for every annotation.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache


class FileStatus(StrEnum):
    LOADED = "loaded"
    DUPLICATE = "duplicate"
    QUARANTINED = "quarantined"


class RecordStatus(StrEnum):
    DOCUMENT = "document"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    LOC = "LOC"


class DateSource(StrEnum):
    METADATA = "metadata"
    ARTICLE = "article"
    INFERRED = "inferred"


def short_hash(*parts: str) -> str:
    """A stable 16-hex-digit id from text parts (sha256: it never changes across runs)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1 << 15)  # a night's frequent names; bounded so memory stays flat
def entity_id_for(entity_type: str, canonical_name: str) -> str:
    """Entity ids depend only on type and canonical name, so they are stable across runs."""
    return short_hash(str(entity_type), canonical_name.casefold())


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One (path, content) pair found in the inbox. ``path`` is relative to the inbox."""

    path: str
    sha256: str
    size_bytes: int
    format: str  # txt, md, html, json, jsonl, csv; "+gz" suffix when compressed

    @property
    def file_id(self) -> str:
        return short_hash(self.path, self.sha256)


@dataclass(slots=True)
class RawRecord:
    """One candidate article as read from a file, before any cleaning."""

    file_id: str
    record_no: int  # 1-based: line number for JSONL, row number for CSV, index for JSON lists
    body: str
    body_format: str = "text"  # text, markdown, html (already extracted to text by the reader)
    title: str | None = None
    url: str | None = None
    published_raw: str | None = None
    author: str | None = None
    editor: str | None = None
    description: str | None = None
    file_name: str | None = None  # single-article files only: crawlers stamp the filing day in it
    folder: str | None = None  # single-article files only: the inbox folder, often a crawl day


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    """A record that is not a usable article; ``reason`` names why (with its row/line number)."""

    file_id: str
    record_no: int
    reason: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    paragraph_no: int  # 1-based
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    sentence_no: int  # 1-based, across the whole document
    paragraph_no: int
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True, slots=True)
class EntityMention:
    sentence_no: int
    entity_type: EntityType
    canonical_name: str
    surface: str
    char_start: int
    char_end: int
    role: str | None = None  # office, e.g. "Menteri Luar Negeri"
    affiliation: str | None = None  # e.g. "Korea Selatan"

    @property
    def entity_id(self) -> str:
        return entity_id_for(self.entity_type, self.canonical_name)


@dataclass(frozen=True, slots=True)
class Quote:
    quote_no: int  # 1-based, in text order
    kind: str  # "direct" or "indirect"
    text: str  # direct: the speech without quotation marks
    char_start: int
    char_end: int
    speaker_name: str | None = None  # canonical PERSON/ORG name when resolved
    speaker_type: EntityType | None = None
    speaker_surface: str | None = None  # what the text says: "Putin", "ujarnya", "Ia"
    reporting_verb: str | None = None
    cited_source: str | None = None  # "Reuters" in "seperti dikutip Reuters"
    co_speaker_names: tuple[str, ...] = ()

    @property
    def speaker_entity_id(self) -> str | None:
        if self.speaker_name is None or self.speaker_type is None:
            return None
        return entity_id_for(self.speaker_type, self.speaker_name)


@dataclass(frozen=True, slots=True)
class DateMention:
    sentence_no: int
    surface: str
    resolved_date: date | None
    char_start: int
    char_end: int
    kind: str = "explicit"  # explicit, weekday_daymonth, daymonth (no year), relative


@dataclass(frozen=True, slots=True)
class Framing:
    """What frames the article body: the dateline prefix and trailing editor codes, removed."""

    body: str
    outlet: str | None = None
    dateline_city: str | None = None
    editor_codes: tuple[str, ...] = ()


@dataclass(slots=True)
class Document:
    """A cleaned, segmented and annotated article; one row in ``documents`` plus its child rows."""

    doc_id: str
    file_id: str
    record_no: int
    body_text: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    dateline_city: str | None = None
    published_date: date | None = None
    published_at: datetime | None = None
    published_date_source: DateSource | None = None
    language: str | None = None
    editor_codes: tuple[str, ...] = ()
    author: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    date_mentions: list[DateMention] = field(default_factory=list)
    minhash: list[int] = field(default_factory=list)  # near-duplicate fingerprint
    keywords: tuple[str, ...] = ()
    source_url: str | None = None  # as the crawler gave it; ``url`` is the canonical form
    editor: str | None = None

    @property
    def char_count(self) -> int:
        return len(self.body_text)

    @property
    def word_count(self) -> int:
        return len(self.body_text.split())

    def misplaced_spans(self) -> str | None:
        """Which annotations do not cut their text out of the body, or None when all do.

        Checked where a document is made (in the parallel shard workers), so an extraction bug
        costs one record with a reason, not the night, and the serial load never re-reads bodies.
        """
        body = self.body_text
        broken = [
            f"{count} {kind}"
            for kind, count in (
                ("sentences", sum(body[s.char_start:s.char_end] != s.text
                                  for s in self.sentences)),
                ("entity mentions", sum(body[m.char_start:m.char_end] != m.surface
                                        for m in self.entity_mentions)),
                ("date mentions", sum(body[m.char_start:m.char_end] != m.surface
                                      for m in self.date_mentions)),
                ("quotes", sum(body[q.char_start:q.char_end] != q.text for q in self.quotes)),
            )
            if count
        ]
        return ", ".join(broken) + " whose offsets do not match the body" if broken else None
